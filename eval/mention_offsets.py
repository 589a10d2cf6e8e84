"""Build eval/mentions.jsonl from the hand-written mention annotations.

Usage (from the repository root):

    python eval/mention_offsets.py            # TSV -> mentions.jsonl, then validate
    python eval/mention_offsets.py check      # validate mentions.jsonl only
    python eval/mention_offsets.py stats      # print the count tables used in MENTIONS.md
    python eval/mention_offsets.py from-draft # reading-order draft -> TSV (see below)

``mentions_annotations.tsv`` has one row per mention, with a header row and the columns
``article_id``, ``occurrence``, ``surface``, ``code``, ``kind``.  ``occurrence`` counts the
whole-word, case-sensitive occurrences of ``surface`` in the article text (1 = first).
"Whole word" means the character before and the character after the match are not word
characters, so ``he`` never matches inside ``the`` and ``US`` never inside ``USA``.
``kind`` is one of name, role, pronoun, seat, org, country (for the statistics only).

``mentions_draft.txt`` is the same annotation written while reading each article top to
bottom: ``# article_id`` header lines, then ``surface | code | kind-letter`` lines in text
order, optionally followed by ``| +N`` to pass over N further whole-word occurrences of the
surface (a non-actor use between the previous mention and this one).  ``from-draft`` turns
it into the TSV by locating each surface after the previous mention; it takes no decisions.
"""

import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval"
TSV = EVAL / "mentions_annotations.tsv"
DRAFT = EVAL / "mentions_draft.txt"
OUT = EVAL / "mentions.jsonl"
CSV_PATH = ROOT / "tests" / "data" / "wikinews-2019.csv"
ANKARA = ROOT / "examples" / "ankara-mediation.txt"
ANKARA_DATE = "2022-01-25"
CODE_RE = re.compile(r"^[A-Z]{3}([A-Z]{3})*$")
KINDS = {
    "n": "name",
    "r": "role",
    "p": "pronoun",
    "c": "seat",
    "o": "org",
    "k": "country",
}
FIELDS = ["article_id", "occurrence", "surface", "code", "kind"]


def load_sources():
    """Return {article_id: (text, date, title)} for the Wikinews CSV rows and ankara."""
    csv.field_size_limit(10**9)
    with CSV_PATH.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    sources = {}
    for i, row in enumerate(rows):
        sources[f"wn19-a{i:03d}"] = (row["text"], row["date"], row["title"])
    text = ANKARA.read_text(encoding="utf-8")
    sources["ankara"] = (text, ANKARA_DATE, "Ankara mediation (example article)")
    return sources


def occurrences(text, surface):
    """Whole-word, case-sensitive matches of surface in text, as (start, end)."""
    pattern = r"(?<!\w)" + re.escape(surface) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def read_tsv():
    with TSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def build():
    sources = load_sources()
    order = []
    mentions = {}
    for n, row in enumerate(read_tsv(), start=2):
        aid = row["article_id"]
        if aid not in sources:
            sys.exit(f"line {n}: unknown article {aid}")
        text = sources[aid][0]
        hits = occurrences(text, row["surface"])
        k = int(row["occurrence"])
        if not 1 <= k <= len(hits):
            sys.exit(f"line {n}: {row['surface']!r} #{k} not in {aid} ({len(hits)} hits)")
        start, end = hits[k - 1]
        if aid not in mentions:
            order.append(aid)
            mentions[aid] = []
        mentions[aid].append(
            {"start": start, "end": end, "text": text[start:end], "code": row["code"]}
        )
    with OUT.open("w", encoding="utf-8") as fh:
        for aid in order:
            text, date, _title = sources[aid]
            ms = sorted(mentions[aid], key=lambda m: (m["start"], m["end"]))
            rec = {"id": aid, "text": text, "date": date, "mentions": ms}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(order)} articles")


def check():
    sources = load_sources()
    errors = []
    total = 0
    articles = 0
    with OUT.open(encoding="utf-8") as fh:
        for line in fh:
            articles += 1
            rec = json.loads(line)
            aid = rec["id"]
            if rec["text"] != sources[aid][0]:
                errors.append(f"{aid}: text differs from the source")
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", rec["date"]):
                errors.append(f"{aid}: bad date {rec['date']}")
            prev_end = -1
            for m in rec["mentions"]:
                total += 1
                if rec["text"][m["start"] : m["end"]] != m["text"]:
                    errors.append(f"{aid}: slice mismatch {m}")
                if not CODE_RE.match(m["code"]):
                    errors.append(f"{aid}: bad code {m}")
                if m["start"] < prev_end:
                    errors.append(f"{aid}: overlap at {m}")
                prev_end = max(prev_end, m["end"])
    for e in errors:
        print("ERROR", e)
    print(f"checked {articles} articles, {total} mentions: {'OK' if not errors else 'FAILED'}")
    return not errors


def from_draft():
    sources = load_sources()
    rows = []
    aid = None
    cursor = 0
    for n, raw in enumerate(DRAFT.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            aid = line[1:].strip()
            cursor = 0
            continue
        parts = [p.strip() for p in raw.split(" | ")]
        surface, code, kind = parts[0], parts[1], parts[2]
        skip = int(parts[3].lstrip("+")) if len(parts) > 3 else 0
        text = sources[aid][0]
        hits = occurrences(text, surface)
        later = [i for i, (s, _e) in enumerate(hits) if s >= cursor]
        if len(later) <= skip:
            sys.exit(f"draft line {n}: {surface!r} not found after offset {cursor} in {aid}")
        idx = later[skip]
        cursor = hits[idx][1]
        rows.append([aid, idx + 1, surface, code, KINDS[kind]])
    with TSV.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(FIELDS)
        w.writerows(rows)
    print(f"wrote {TSV.relative_to(ROOT)}: {len(rows)} rows")


def stats():
    sources = load_sources()
    rows = read_tsv()
    per_article = Counter(r["article_id"] for r in rows)
    print("| article | date | title | mentions |")
    print("| --- | --- | --- | --- |")
    for aid, n in per_article.items():
        _text, date, title = sources[aid]
        print(f"| {aid} | {date} | {title} | {n} |")
    print(f"| total | | | {len(rows)} |\n")
    print("| kind | mentions |\n| --- | --- |")
    for kind, n in Counter(r["kind"] for r in rows).most_common():
        print(f"| {kind} | {n} |")
    print("\n| country/region/IGO prefix (first three letters) | mentions |\n| --- | --- |")
    for p, n in Counter(r["code"][:3] for r in rows).most_common():
        print(f"| {p} | {n} |")
    print("\n| code | mentions |\n| --- | --- |")
    for c, n in Counter(r["code"] for r in rows).most_common():
        print(f"| {c} | {n} |")


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else "build"
    if cmd == "from-draft":
        from_draft()
    elif cmd == "stats":
        stats()
    elif cmd == "check":
        sys.exit(0 if check() else 1)
    else:
        build()
        sys.exit(0 if check() else 1)


if __name__ == "__main__":
    main()
