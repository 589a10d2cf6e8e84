"""The pipeline, top to bottom: segment, find actors, parse what matters, find who is quoted,
extract events.

``Coder`` loads the models and data once; ``Coder.code`` codes one text and ``Coder.pipe``
streams many, batching the parser across documents.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from dyad.actors import ActorResolver, DocumentActors, Entry
from dyad.cameo import load_ontology
from dyad.events import EventExtractor, default_lexicon
from dyad.model import ActorRef, Document, Event, InputDocument, Quote, Sentence
from dyad.nlp import ParsedSentence, load_parser, load_segmenter, segment
from dyad.quotes import QuoteFinder, load_cues, speakers_by_sentence
from dyad.timeplace import TimePlace


@dataclass
class _Prepared:
    source: InputDocument
    date: str
    tokens: Doc
    sentences: list[Sentence]
    chosen: list[Sentence]


class Coder:
    """Codes documents into events, actors and mentions.

    Args:
        actors: a user actor dictionary (CSV or YAML path) or entries; user entries win.
        parse_all: parse every sentence instead of only those with a trigger word (slower;
            useful to check that the pre-filter loses nothing).
        quotes: find quotations and their speakers (on by default; off codes events only and
            parses fewer sentences; the benchmark uses it to price the quote stage).
    """

    def __init__(
        self,
        actors: str | Path | Iterable[Entry] | None = None,
        parse_all: bool = False,
        quotes: bool = True,
    ) -> None:
        self.nlp = load_parser()
        self.segmenter = load_segmenter()
        self.ontology = load_ontology()
        self.lexicon = default_lexicon()
        self.extractor = EventExtractor(self.lexicon, self.ontology)
        self.resolver = ActorResolver(self.nlp, actors)
        cues = load_cues(self.lexicon.policy.words.get("speech_verb", ()))
        self.quotes = QuoteFinder(cues) if quotes else None
        self.triggers = self.lexicon.trigger_forms() | (cues.prefilter if quotes else frozenset())
        self.parse_all = parse_all
        self.timeplace = TimePlace()

    def code(self, text: str, date: str | None = None, id: str = "doc") -> Document:
        """Code one text. ``date`` (YYYY-MM-DD) anchors who held which office; default today."""
        return next(iter(self.pipe([InputDocument(id=id, text=text, date=date)])))

    def pipe(
        self, docs: Iterable[InputDocument], batch_size: int = 64, n_process: int = 1
    ) -> Iterator[Document]:
        """Code many documents in input order, parsing their chosen sentences in batches."""
        batch: list[_Prepared] = []
        pending = 0
        source = iter(docs)
        while True:
            try:
                doc = next(source)
            except StopIteration:
                break
            except BaseException:
                # Bad input further on: what was read before it is still coded and returned.
                yield from self._finish(batch, batch_size, n_process)
                raise
            prepared = self._prepare(doc)
            batch.append(prepared)
            pending += len(prepared.chosen)
            if pending >= batch_size:
                yield from self._finish(batch, batch_size, n_process)
                batch, pending = [], 0
        yield from self._finish(batch, batch_size, n_process)

    def _prepare(self, doc: InputDocument) -> _Prepared:
        date = doc.date or dt.date.today().isoformat()
        tokens = self.segmenter(doc.text)
        sentences = segment(tokens)
        if self.parse_all:
            chosen = sentences
        else:
            starts = [t.idx for t in tokens]
            chosen = [s for s in sentences if self._worth(tokens, starts, doc.text, s)]
        return _Prepared(doc, date, tokens, sentences, chosen)

    def _worth(self, tokens: Doc, starts: list[int], text: str, sentence: Sentence) -> bool:
        """Could this sentence hold an event or a quote? A trigger or cue word must be present,
        or the colon or dash that attributes a quotation. (Token bounds by bisection and the
        text from the input string: spaCy's ``char_span`` and ``Doc.text`` walk the whole
        document, once per sentence.)"""
        first = bisect.bisect_right(starts, sentence.start) - 1
        last = bisect.bisect_left(starts, sentence.end)
        span = tokens[max(first, 0) : last]
        if not len(span):
            return False
        if any(t.lower_ in self.triggers for t in span):
            return True
        if self.quotes is None:
            return False
        before = text[max(0, sentence.start - 3) : sentence.start]
        return self.quotes.wants(text[sentence.start : sentence.end], before)

    def _finish(
        self, batch: list[_Prepared], batch_size: int, n_process: int
    ) -> Iterator[Document]:
        texts = [p.source.text[s.start : s.end] for p in batch for s in p.chosen]
        parsed = iter(self.nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
        for prepared in batch:
            sents = [ParsedSentence(s, next(parsed)) for s in prepared.chosen]
            yield self._code_prepared(prepared, sents)

    def _code_prepared(self, p: _Prepared, parsed: list[ParsedSentence]) -> Document:
        actors = self.resolver.document(p.tokens, p.date, p.source.text)
        actors.register_all_matches()
        for sent in parsed:
            actors.note_people(sent.doc, sent.offset)
        quotes = (
            self.quotes.find(
                p.source.text,
                parsed,
                lambda tok, off: actors.resolve(tok, off, private=True),
                lambda ref: _is_person(ref, actors),
            )
            if self.quotes is not None
            else []
        )
        speakers = speakers_by_sentence(quotes, parsed)
        quoted = [(q.start, q.end, q.speaker) for q in quotes if q.speaker and q.kind != "indirect"]
        events = []
        for sent in parsed:
            speaker = speakers.get(sent.sentence.index)
            for event in self.extractor.extract(sent, actors, speaker, quoted):
                self.timeplace.annotate(event, sent, p.date)
                events.append(event)
        actors.resolve_pronouns(quoted, set(self.lexicon.policy.words.get("first_person", ())))
        referenced = {
            ref.actor
            for record in (*events, *quotes)
            for ref in _actor_refs(record)
            if ref is not None and ref.actor is not None
        }
        actor_list, mentions = actors.finish([s.start for s in p.sentences], referenced)
        return Document(
            id=p.source.id,
            date=p.date,
            text=p.source.text,
            events=events,
            quotes=quotes,
            actors=actor_list,
            mentions=mentions,
            sentences=p.sentences,
            meta=dict(p.source.meta),
        )


def _actor_refs(record: Event | Quote) -> tuple[ActorRef | None, ...]:
    """The actors an event or a quotation points to."""
    if isinstance(record, Event):
        return record.source, record.target, record.attributed_to
    return record.speaker, record.addressee


def _is_person(ref: ActorRef, actors: DocumentActors) -> bool:
    """A coded person, or a proper name that no table knows ('Tomasz Stefaniak')."""
    if ref.actor is not None:
        actor = actors.actors.get(ref.actor)
        return actor is not None and actor.kind == "person"
    return ref.code is None and all(w[:1].isupper() for w in ref.name.split())


_default: Coder | None = None


def code(text: str, date: str | None = None, actors: str | Path | None = None) -> Document:
    """Code one text with a shared default ``Coder`` (or a new one for a user dictionary)."""
    global _default
    if actors is not None:
        return Coder(actors=actors).code(text, date)
    if _default is None:
        _default = Coder()
    return _default.code(text, date)
