"""Add each gold sentence's preceding article text as ``context``, so dyad is scored as it is
used: on whole articles, where a sentence's "the police" or "he" is resolved by what came before.

    python eval/add_context.py eval/dev.jsonl eval/ankara.jsonl

Wikinews sentences (ids ``wn19-a<NNN>-s<MM>``) take article NNN of
tests/data/wikinews-2019.csv (title, blank line, text up to the sentence); ``ank-*`` sentences
take examples/ankara-mediation.txt.
Rewrites the files in place; running it twice changes nothing.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def articles() -> dict[str, str]:
    csv.field_size_limit(sys.maxsize)
    with (ROOT / "tests" / "data" / "wikinews-2019.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = {f"wn19-a{i:03d}": r["title"] + "\n\n" + r["text"] for i, r in enumerate(rows)}
    out["ank"] = (ROOT / "examples" / "ankara-mediation.txt").read_text(encoding="utf-8")
    return out


def main(paths: list[str]) -> None:
    texts = articles()
    for path in paths:
        lines = [json.loads(x) for x in Path(path).read_text(encoding="utf-8").splitlines() if x]
        for d in lines:
            key = re.match(r"^(wn19-a\d{3}|ank)", d["id"])
            if not key:
                continue
            article = texts[key.group(1)]
            pos = article.find(d["text"])
            if pos < 0:
                raise SystemExit(f"{path}: {d['id']}: sentence not found in its article")
            d["context"] = article[:pos]
        Path(path).write_text(
            "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lines), encoding="utf-8"
        )
        print(f"{path}: {len(lines)} lines")


if __name__ == "__main__":
    main(sys.argv[1:])
