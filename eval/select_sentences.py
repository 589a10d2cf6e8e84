#!/usr/bin/env python3
"""Split the Wikinews 2019 corpus (and the Ankara example) into sentences.

Sentence ids are deterministic: wn19-a<article index, 3 digits>-s<sentence index, 2 digits>,
where the sentence index counts the sentences produced by split_sentences() for that article
(the dateline paragraph, e.g. "Thursday, February 21, 2019", is dropped before counting).

Usage:
  python3 select_sentences.py dump [ARTICLE_INDEX ...]   # print all sentences with ids
  python3 select_sentences.py candidates                 # print keyword-flagged candidates
  python3 select_sentences.py ankara                     # print ankara sentences with ids

Selection = keyword pre-filter below (event-bearing verbs, and no-event traps such as negation,
conditionals, sports/disaster/science words) + manual choice while annotating; the chosen ids
live in dev.jsonl.
"""

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = str(ROOT / "tests" / "data" / "wikinews-2019.csv")
ANKARA = str(ROOT / "examples" / "ankara-mediation.txt")

ABBREV = r"(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Lt|Col|Sgt|Rep|Sen|Gov|Prof|Rev|No|Inc|Ltd|Co|Corp|vs|etc|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Mt|Ft|approx)"
DATELINE = re.compile(
    r"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \w+ \d{1,2}, \d{4}\s*$"
)
# split after . ! ? (optionally followed by closing quote/bracket) + whitespace + an uppercase/quote/digit start
SPLIT = re.compile(r"(?<=[.!?])([\"'\u201d\u2019)\]]*)\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")


def _protect(par):
    # mask periods that are not sentence ends: abbreviations, initials, U.S.-style acronyms
    par = re.sub(r"\b(" + ABBREV + r")\.", lambda m: m.group(1) + "\x00", par)
    par = re.sub(r"\b([A-Z])\.(?=\s*[A-Z][a-z]|[A-Z]\.)", lambda m: m.group(1) + "\x00", par)
    par = re.sub(r"\b((?:[A-Z]\.){2,})", lambda m: m.group(1).replace(".", "\x00"), par)
    return par


def split_sentences(text):
    out = []
    for par in re.split(r"\n\s*\n|\n", text):
        par = par.strip()
        if not par or DATELINE.match(par.replace("\xa0", " ").strip()):
            continue
        prot = _protect(par)
        pieces = SPLIT.split(prot)
        # re-attach captured closing quotes to the preceding piece
        sents, i = [], 0
        while i < len(pieces):
            s = pieces[i]
            if i + 1 < len(pieces):
                s += pieces[i + 1]
            sents.append(s)
            i += 2
        for s in sents:
            s = s.replace("\x00", ".").strip()
            if s:
                # U.S. at a true sentence end was masked: split "U.S. The" style ends
                out.append(s)
    return out


def load_articles():
    csv.field_size_limit(10**9)
    with open(CORPUS, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def article_sentences(rows):
    for ai, r in enumerate(rows):
        for si, s in enumerate(split_sentences(r["text"])):
            yield f"wn19-a{ai:03d}-s{si:02d}", ai, s


EVENT_WORDS = re.compile(
    r"\b(accus|arrest|attack|bomb|kill|shot|shoot|stab|sanction|protest|march|demand|urg|call(ed|s)? (on|for)|"
    r"sue[sd]?\b|lawsuit|sentenc|guilty|convict|charg|investigat|impeach|subpoena|ban|expel|deport|withdr|"
    r"troops|invad|ceasefire|agreement|sign|meet|met |visit|talks|aid|donat|release|hostage|threat|warn|"
    r"condemn|critici|praise|welcom|reject|refus|denied|deny|veto|resign|ordered|ruled|jailed|seiz|"
    r"mobili|deploy|boycott|strike|riot|clash|police|court)",
    re.I,
)
TRAP_WORDS = re.compile(
    r"\b(not|never|if|would|could|might|whether|\?|died|earthquake|hurricane|storm|fire|crash|study|scientist|"
    r"record|marathon|gold|champion)",
    re.I,
)


def main():
    rows = load_articles()
    cmd = sys.argv[1] if len(sys.argv) > 1 else "candidates"
    if cmd == "dump":
        want = {int(a) for a in sys.argv[2:]}
        for sid, ai, s in article_sentences(rows):
            if not want or ai in want:
                print(sid, "|", s)
    elif cmd == "candidates":
        for sid, _ai, s in article_sentences(rows):
            ev, trap = bool(EVENT_WORDS.search(s)), bool(TRAP_WORDS.search(s))
            if ev or trap:
                print(sid, "E" if ev else "-", "T" if trap else "-", "|", s)
    elif cmd == "ankara":
        text = Path(ANKARA).read_text(encoding="utf-8")
        for si, s in enumerate(split_sentences(text)):
            print(f"ank-s{si:02d}", "|", s)


if __name__ == "__main__":
    main()
