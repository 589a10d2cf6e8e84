"""Quotes: where direct speech runs, and who speaks it.

This first part finds direct quotations (straight, curly and guillemet marks, across sentences,
reopened paragraph by paragraph) and the speaker of each, from the speech verb just before the
quote opens or just after it closes ('"...," Peskov said.'). The event stage uses it so that
events inside a quotation of several sentences are attributed to the speaker and "we" resolves
to the speaker's side.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from dyad.model import ActorRef
from dyad.nlp import ParsedSentence

OPEN = {'"': '"', "“": "”", "«": "»", "„": "“"}
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class QuoteSpan:
    """A stretch of directly quoted text, marks included."""

    start: int
    end: int


def quote_spans(text: str) -> list[QuoteSpan]:
    """Direct quotations in a text. An unclosed quotation ends with its paragraph, unless the
    next paragraph reopens it (the newspaper convention for long quotes); a stray closing mark
    is ignored, so unbalanced marks never derail what follows."""
    spans: list[QuoteSpan] = []
    starts = [0] + [m.end() for m in _PARAGRAPH.finditer(text)]
    ends = [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    carry: int | None = None  # start of a quote that runs on into the next paragraph
    prev_end = 0
    for p_start, p_end in zip(starts, ends, strict=True):
        para = text[p_start:p_end]
        first = para.lstrip()[:1]
        if carry is not None and first not in OPEN:
            spans.append(QuoteSpan(carry, prev_end))  # closed by the paragraph break
            carry = None
        prev_end = p_end
        i, opened, closer = 0, None, ""
        if carry is not None:
            opened, closer, carry = carry, OPEN[first], None
            i = para.index(first) + 1
        while i < len(para):
            ch = para[i]
            if opened is None and ch in OPEN:
                opened, closer = p_start + i, OPEN[ch]
            elif opened is not None and ch == closer:
                spans.append(QuoteSpan(opened, p_start + i + 1))
                opened = None
            i += 1
        if opened is not None:
            carry = opened
    if carry is not None:
        spans.append(QuoteSpan(carry, len(text)))
    return spans


def quote_speakers(
    spans: list[QuoteSpan],
    parsed: list[ParsedSentence],
    is_speech_verb: Callable[[str], bool],
    resolve: Callable[[Token, int], ActorRef | None],
) -> dict[int, ActorRef]:
    """For each parsed sentence inside a quotation: the speaker, resolved to an actor.

    The speaker is the subject of a speech verb outside the quotation, in the sentence where
    it closes or, failing that, where it opens."""
    by_sentence: dict[int, ActorRef] = {}
    for span in spans:
        inside = [s for s in parsed if span.start <= s.sentence.start < span.end]
        if not inside:
            continue
        around = [s for s in parsed if s.sentence.start <= span.end <= s.sentence.end]
        around += [s for s in parsed if s.sentence.start <= span.start <= s.sentence.end]
        speaker = None
        for sent in around:
            speaker = _speaker_outside(sent, span, is_speech_verb, resolve)
            if speaker is not None:
                break
        if speaker is None:
            continue
        for sent in inside:
            by_sentence[sent.sentence.index] = speaker
    return by_sentence


def _speaker_outside(
    sent: ParsedSentence,
    span: QuoteSpan,
    is_speech_verb: Callable[[str], bool],
    resolve: Callable[[Token, int], ActorRef | None],
) -> ActorRef | None:
    for tok in sent.doc:
        char = tok.idx + sent.offset
        if span.start <= char < span.end or not is_speech_verb(tok.lemma_):
            continue
        for child in tok.children:
            at = child.idx + sent.offset
            if child.dep_ == "nsubj" and not span.start <= at < span.end:
                return resolve(child, sent.offset)
    return None
