#!/usr/bin/env python3
"""Validate the dyad gold files and print the count table used in GUIDE.md.

Usage: python3 gold_stats.py [dev.jsonl] [ankara.jsonl]
Checks: every line parses; ids unique and well-formed; every code/alt code exists in
cameo_codes.tsv (3-4 digits); source/target look like actor codes; modality is one of
asserted/intended/claimed; every text is an exact substring of its article.
"""

import collections
import csv
import json
import os
import re
import sys
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = Path(__file__).resolve().parent.parent
CODES = str(ROOT / "src" / "dyad" / "data" / "cameo" / "codes.tsv")
CORPUS = str(ROOT / "tests" / "data" / "wikinews-2019.csv")
ANKARA = str(ROOT / "examples" / "ankara-mediation.txt")
ACTOR = re.compile(r"^[A-Z]{3}[A-Z0-9]*$")


def load_codes():
    with open(CODES, encoding="utf-8") as f:
        return {r["code"]: r for r in csv.DictReader(f, delimiter="\t")}


def check(path, codes, articles, errors):
    ids, recs = set(), []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            where = f"{os.path.basename(path)}:{n}"
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: bad JSON {e}")
                continue
            if not re.match(r"^(wn19-a\d{3}-s\d{2,}|ank-s\d{2,})$", d.get("id", "")):
                errors.append(f"{where}: bad id {d.get('id')}")
            if d["id"] in ids:
                errors.append(f"{where}: duplicate id {d['id']}")
            ids.add(d["id"])
            src_text = articles(d)
            if d["text"] != d["text"].strip() or d["text"] not in src_text:
                errors.append(f"{where}: text not a substring of its article")
            for e in d["events"]:
                for c in [e["code"], *e.get("alt", [])]:
                    if c not in codes or len(c) < 3:
                        errors.append(f"{where}: unknown/too-coarse code {c}")
                if e["code"] in e.get("alt", []):
                    errors.append(f"{where}: code repeated in alt")
                if not ACTOR.match(e["source"] or ""):
                    errors.append(f"{where}: bad source {e['source']}")
                if e["target"] is not None and not ACTOR.match(e["target"]):
                    errors.append(f"{where}: bad target {e['target']}")
                if e["modality"] not in ("asserted", "intended", "claimed"):
                    errors.append(f"{where}: bad modality {e['modality']}")
                if not isinstance(e["optional"], bool):
                    errors.append(f"{where}: optional must be bool")
            recs.append(d)
    return recs


def table(name, recs, codes):
    ev = [e for d in recs for e in d["events"]]
    req = [e for e in ev if not e["optional"]]
    print(f"## {name}")
    print()
    print("| measure | value |")
    print("| --- | --- |")
    print(f"| sentences | {len(recs)} |")
    arts = {d["article"] for d in recs}
    print(f"| articles | {len(arts)} |")
    print(f"| sentences with >=1 event | {sum(1 for d in recs if d['events'])} |")
    print(
        f"| sentences with >=1 required (non-optional) event | {sum(1 for d in recs if any(not e['optional'] for e in d['events']))} |"
    )
    print(f"| no-event sentences (events = []) | {sum(1 for d in recs if not d['events'])} |")
    print(f"| events (all) | {len(ev)} |")
    print(f"| events required / optional | {len(req)} / {len(ev) - len(req)} |")
    mods = collections.Counter(e["modality"] for e in ev)
    print(
        f"| modality asserted / intended / claimed | {mods['asserted']} / {mods['intended']} / {mods['claimed']} |"
    )
    print(f"| events with null target | {sum(1 for e in ev if e['target'] is None)} |")
    roots_all = collections.Counter(e["code"][:2] for e in ev)
    roots_req = collections.Counter(e["code"][:2] for e in req)
    print(f"| CAMEO roots covered (all / required) | {len(roots_all)} / {len(roots_req)} |")
    print(f"| distinct codes (all) | {len({e['code'] for e in ev})} |")
    print()
    print("| root | name | events (all) | required |")
    print("| --- | --- | --- | --- |")
    for r in sorted(set(roots_all) | {f"{i:02d}" for i in range(1, 21)}):
        print(
            f"| {r} | {codes[r]['label'].title()} | {roots_all.get(r, 0)} | {roots_req.get(r, 0)} |"
        )
    print()


def main():
    codes = load_codes()
    csv.field_size_limit(10**9)
    with open(CORPUS, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    ank_text = Path(ANKARA).read_text(encoding="utf-8")

    def article_text(d):
        if d["id"].startswith("ank-"):
            return ank_text
        ai = int(d["id"][6:9])
        r = rows[ai]
        if r["title"] != d["article"] or r["date"] != d["date"]:
            return ""
        return r["text"]

    paths = sys.argv[1:] or [os.path.join(HERE, "dev.jsonl"), os.path.join(HERE, "ankara.jsonl")]
    errors = []
    for p in paths:
        recs = check(p, codes, article_text, errors)
        table(os.path.basename(p), recs, codes)
    if errors:
        print("VALIDATION ERRORS:")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("validation: OK (all lines parse, ids unique, codes exist, texts are substrings)")


if __name__ == "__main__":
    main()
