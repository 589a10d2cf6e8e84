"""Time and place of each event, from the words attached to its trigger in the parse.

The stage only adds to an event (``date``, ``date_precision``, ``date_phrase``, ``place``); it
never removes or recodes one. It reads the trigger's own clause: a temporal modifier of the
trigger verb ("on Monday", "yesterday", "eight years ago") dates it against the document date,
and a locative phrase ("in Ankara", "at a Walmart in El Paso") places it if the places table
knows the name. Nothing found: the document date (precision ``document``) and no place. A date
written on an event noun itself ("the 2014 annexation", "Monday's attack") dates that event too.
An event whose whole period ends more than ``background_days`` before the document is flagged
``background``: the article recalls it, it is not news of the day.

    tp = TimePlace()
    tp.annotate(event, parsed_sentence, "2022-03-02")
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from dyad.model import Event, Place, Span
from dyad.nlp import ParsedSentence
from dyad.timeplace.dates import Resolved, period_start, read_phrase, shift
from dyad.timeplace.places import Gazetteer, PlaceRow, load_gazetteer
from dyad.timeplace.vocab import Vocabulary, load_vocabulary

__all__ = ["TimePlace", "load_gazetteer", "load_vocabulary", "read_phrase"]

CLIMB_STEPS = 3  # trigger -> verb that carries it: "began to shell" is two steps at most
PLACE_DEPTH = 1  # "at a Walmart in El Paso": one nested locative phrase below the first
BACKGROUND_DAYS = 30  # older than this before the document date: background, not news


class TimePlace:
    """Dates and places events from their own clause; load once, use for every document."""

    def __init__(self, background_days: int = BACKGROUND_DAYS) -> None:
        """``background_days``: how long before the document an event's period must have ended
        to count as background (a month by default: "last week's talks" are still news)."""
        self.vocab: Vocabulary = load_vocabulary()
        self.places: Gazetteer = load_gazetteer()
        self.background_days = background_days

    def annotate(self, event: Event, sent: ParsedSentence, doc_date: str) -> None:
        """Set the event's date fields and place (document date and no place by default)."""
        event.date, event.date_precision, event.date_phrase = doc_date, "document", None
        event.place, event.background = None, False
        trigger = _trigger_token(event, sent)
        if trigger is None:
            return
        anchors = self.anchors(trigger)
        # "pledged on Wednesday to convert": the intention is future, the pledge is not
        intended = event.modality == "intended" and trigger.tag_ not in ("VBD", "VBN")
        future = intended or self._future(anchors)
        doc = dt.date.fromisoformat(doc_date)
        found = self.find_date(anchors, doc, future)
        if found is not None:
            resolved, tokens = found
            event.date = resolved.date.isoformat()
            event.date_precision = resolved.precision  # type: ignore[assignment]
            event.date_phrase = _span(tokens, sent.offset)
            event.background = self.is_background(resolved, doc)
        event.place = self.find_place(anchors, event, sent)

    def anchors(self, trigger: Token) -> list[Token]:
        """The trigger and the verbs above it in the same clause that can carry its time:
        "began [shelling]" (xcomp), "imposed [sanctions]" (an event noun's verb)."""
        out, tok = [trigger], trigger
        for _ in range(CLIMB_STEPS):
            if self.vocab.has("clause_climb", tok.dep_):
                tok = tok.head
            elif self.vocab.has("noun_climb", tok.dep_) and tok.pos_ in ("NOUN", "PROPN"):
                tok = tok.head.head if tok.dep_ == "pobj" else tok.head
                if tok.pos_ not in ("VERB", "AUX"):
                    break
            else:
                break
            out.append(tok)
        return out

    def is_background(self, resolved: Resolved, doc: dt.date) -> bool:
        """Did the date's whole period end more than ``background_days`` before the document?
        "in 2019" in a November 2019 article is not background; "in 2014" is."""
        start = period_start(resolved.date, resolved.precision)
        last = shift(start, resolved.precision, 1) - dt.timedelta(days=1)
        return (doc - last).days > self.background_days

    def _future(self, anchors: list[Token]) -> bool:
        """A future auxiliary on the trigger's verb ("will visit")."""
        return any(
            c.dep_ in ("aux", "auxpass") and self.vocab.has("future_aux", c.lower_)
            for a in anchors
            for c in a.children
        )

    def find_date(
        self, anchors: list[Token], doc: dt.date, future: bool
    ) -> tuple[Resolved, list[Token]] | None:
        """The first temporal modifier of an anchor that resolves, with its words: a date
        written on the event noun itself first ("the 2014 annexation"), then the clause's."""
        for anchor in anchors:
            on_noun = anchor is anchors[0] and anchor.pos_ == "NOUN"
            for child in anchor.children:
                if on_noun and self.vocab.has("noun_time_dep", child.dep_):
                    words = [t for t in self._phrase(child) if t.dep_ != "case"]
                    found = read_phrase(self.vocab, [(t.text, t.tag_) for t in words], doc, future)
                    if found is not None and (future or found.date <= doc):
                        return found, words
                    continue
                if not self.vocab.has("time_dep", child.dep_):
                    continue
                if child.dep_ == "prep" and not self.vocab.has("time_prep", child.lower_):
                    continue
                words = self._phrase(child)
                body = words[1:] if child.dep_ == "prep" else words
                found = read_phrase(self.vocab, [(t.text, t.tag_) for t in body], doc, future)
                if found is None:
                    continue
                if not future and found.date > doc:
                    continue  # a past event is never dated after its document
                return found, words
        return None

    def _phrase(self, head: Token) -> list[Token]:
        """The words of a temporal modifier without what hangs off it: "on Friday" of "on
        Friday in Pakistan", "in June" of "in June, when the protests began"."""
        cut = {
            t.i
            for c in head.subtree
            if c is not head
            and (
                c.dep_ in ("relcl", "acl", "appos", "advcl")
                or (c.dep_ == "prep" and self.vocab.has("place_prep", c.lower_))
            )
            for t in c.subtree
        }
        kept = [t for t in head.subtree if t.i not in cut]
        return kept[: next((n for n, t in enumerate(kept) if t.i - kept[0].i != n), len(kept))]

    def find_place(self, anchors: list[Token], event: Event, sent: ParsedSentence) -> Place | None:
        """A place named in a locative phrase of the trigger's clause (nested once: "at a
        Walmart in El Paso"), or of one of its arguments ("police in Paris arrested", "stabbed
        people at a hall in London")."""
        for anchor in anchors:
            for prep in anchor.children:
                if prep.dep_ == "prep" and self.vocab.has("place_prep", prep.lower_):
                    found = self._place_in(prep, PLACE_DEPTH, event, sent)
                    if found:
                        return found
        for arg in anchors[0].children:
            if not self.vocab.has("arg_dep", arg.dep_):
                continue
            heads = [c for c in arg.children if c.dep_ == "pobj"] if arg.dep_ == "agent" else [arg]
            for head in heads:
                for prep in head.children:
                    if prep.dep_ == "prep" and self.vocab.has("place_prep", prep.lower_):
                        found = self._place_in(prep, PLACE_DEPTH, event, sent)
                        if found:
                            return found
        return None

    def _place_in(
        self, prep: Token, depth: int, event: Event, sent: ParsedSentence
    ) -> Place | None:
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            found = self._name(obj, event, sent)
            for owner in obj.children:  # "in California's Riverside County court"
                if found is None and owner.dep_ == "poss":
                    found = self._name(owner, event, sent)
            if found is None and obj.lemma_.lower() in self.vocab.words["place_noun"]:
                for outer in obj.children:  # "the city of Kharkiv"
                    if outer.dep_ == "prep" and self.vocab.has("place_outer_prep", outer.lower_):
                        for inner in outer.children:
                            if inner.dep_ == "pobj":
                                found = found or self._name(inner, event, sent)
            if found is None and depth > 0:
                for sub in obj.children:
                    if sub.dep_ == "prep" and self.vocab.has("place_prep", sub.lower_):
                        found = self._place_in(sub, depth - 1, event, sent)
                        if found:
                            break
            if found is not None:
                return found
        return None

    def _name(self, head: Token, event: Event, sent: ParsedSentence) -> Place | None:
        """The longest place name that ends at the noun-phrase head (or just before a place
        word: "the Kharkiv region") and is not part of a longer proper name."""
        doc = head.doc
        left = head.left_edge.i
        ends = [head.i + 1]
        if head.lemma_.lower() in self.vocab.words["place_noun"]:
            ends.append(head.i)
        for end in ends:
            for start in range(max(left, end - self.places.longest), end):
                span = doc[start:end]
                row = self.places.get(span.text)
                if row is None or not span[0].text[:1].isupper():
                    continue
                if start > left and _proper(doc[start - 1]):
                    continue  # "George Washington", "New Paris"
                place = _place(row, span.start_char + sent.offset, span.end_char + sent.offset)
                return None if _is_argument(place, event) else place
        return None


def _proper(tok: Token) -> bool:
    return tok.tag_ in ("NNP", "NNPS") and tok.text[:1].isupper()


def _is_argument(place: Place, event: Event) -> bool:
    """The place is itself the event's source or target ("Kharkiv" in "shelled Kharkiv")."""
    for ref in (event.source, event.target):
        if ref is not None and place.start <= ref.start and ref.end <= place.end:
            return True
    return False


def _place(row: PlaceRow, start: int, end: int) -> Place:
    return Place(row.id, row.name, start, end, row.country, row.admin1, row.lat, row.lon)


def _span(tokens: list[Token], offset: int) -> Span:
    first, last = tokens[0], tokens[-1]
    start, end = first.idx, last.idx + len(last.text)
    return Span(start + offset, end + offset, first.doc.text[start:end])


def _trigger_token(event: Event, sent: ParsedSentence) -> Token | None:
    span = sent.doc.char_span(
        event.trigger.start - sent.offset,
        event.trigger.end - sent.offset,
        alignment_mode="expand",
    )
    return span.root if span is not None and len(span) else None
