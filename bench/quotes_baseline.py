"""Quotations: dyad against textacy's ``direct_quotations`` on the quote gold, same run.

    python bench/quotes_baseline.py        (needs the bench extra: pip install -e ".[bench]")

Both systems read the articles of ``eval/quotes.jsonl`` and are scored by the scorer of
``dyad eval`` (a quote matches when it covers half of the gold span; the speaker is right when
its name names the gold speaker). textacy runs on the full ``en_core_web_sm`` parse of each
article; an article on which it raises counts as having no quotations, and the crash is
counted. Prints one row per system and writes ``bench/out/quotes.json``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from dyad import Coder
from dyad.evaluate import GoldDoc, read_gold
from dyad.evaluate.quotes import QuoteReport, score_quotes
from dyad.model import ActorRef, Document, InputDocument, Quote, Span
from dyad.nlp import load_full_pipeline

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "quotes.jsonl"


def run_dyad(gold: list[GoldDoc]) -> tuple[list[Document], float]:
    coder = Coder()
    start = time.perf_counter()
    docs = list(coder.pipe(InputDocument(g.id, g.text, g.date) for g in gold))
    return docs, time.perf_counter() - start


def run_textacy(gold: list[GoldDoc]) -> tuple[list[Document], float, list[str]]:
    from textacy.extract.triples import direct_quotations

    nlp = load_full_pipeline()
    docs, crashes = [], []
    start = time.perf_counter()
    for g in gold:
        quotes: list[Quote] = []
        try:
            for triple in direct_quotations(nlp(g.text)):
                quotes.append(_as_quote(triple))
        except Exception as exc:  # the baseline's own failure, recorded, not hidden
            crashes.append(f"{g.id}: {type(exc).__name__}: {exc}")
        docs.append(Document(id=g.id, date=g.date or "", text=g.text, quotes=quotes))
    return docs, time.perf_counter() - start, crashes


def _as_quote(triple: object) -> Quote:
    content = triple.content  # type: ignore[attr-defined]
    speaker = triple.speaker  # type: ignore[attr-defined]
    cue = triple.cue  # type: ignore[attr-defined]
    ref = None
    if speaker:
        s, e = speaker[0].idx, speaker[-1].idx + len(speaker[-1].text)
        ref = ActorRef(None, content.doc.text[s:e], s, e, None)
    cue_span = None
    if cue:
        s, e = cue[0].idx, cue[-1].idx + len(cue[-1].text)
        cue_span = Span(s, e, content.doc.text[s:e])
    return Quote(content.start_char, content.end_char, content.text, "direct", cue_span, ref)


def row(name: str, report: QuoteReport, seconds: float, crashes: int) -> dict[str, object]:
    return {
        "system": name,
        "precision": round(report.precision, 3),
        "recall": round(report.recall, 3),
        "f1": round(report.f1, 3),
        "speaker_accuracy": round(report.speaker_accuracy, 3),
        "end_to_end": round(report.end_to_end, 3),
        "recall_direct": round(
            report.found_by_kind["direct"] / max(1, report.gold_by_kind["direct"]), 3
        ),
        "crashed_articles": crashes,
        "seconds": round(seconds, 2),
    }


def main() -> None:
    with GOLD.open(encoding="utf-8") as fh:
        gold = read_gold(fh)
    wikinews = [g for g in gold if g.id.startswith("wn19-")]
    results = {}
    for label, subset in (("wikinews-2019 quote gold", wikinews), ("all, incl. ankara", gold)):
        dyad_docs, dyad_s = run_dyad(subset)
        tx_docs, tx_s, crashes = run_textacy(subset)
        rows = [
            row("dyad", score_quotes(subset, dyad_docs), dyad_s, 0),
            row(
                "textacy 0.13 direct_quotations", score_quotes(subset, tx_docs), tx_s, len(crashes)
            ),
        ]
        n = sum(len(g.quotes or []) for g in subset)
        results[label] = {"articles": len(subset), "gold_quotes": n, "rows": rows}
        results[label]["textacy_crashes"] = crashes
        print(f"\n{label}: {len(subset)} articles, {n} gold quotes")
        print(
            "| system | precision | recall | F1 | speaker acc. | end-to-end | direct recall "
            "| crashed articles | seconds |"
        )
        print("|---|---|---|---|---|---|---|---|---|")
        for r in rows:
            print(
                f"| {r['system']} | {r['precision']} | {r['recall']} | {r['f1']} "
                f"| {r['speaker_accuracy']} | {r['end_to_end']} | {r['recall_direct']} "
                f"| {r['crashed_articles']} | {r['seconds']} |"
            )
        for c in crashes:
            print(f"  textacy crashed on {c}")
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "quotes.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
