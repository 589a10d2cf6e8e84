"""Quotes: who said what, in direct and in reported speech.

Direct quotations are found in the raw text by their marks (straight, curly, single, guillemets,
over sentences, reopened paragraph by paragraph). Reported speech and the cue of each quotation
come from the parse: a speech verb and its complement clause ("X said (that) ..."), the words
around a quotation ('"...," Peskov said'; 'Peskov: "..."'; '"..." — Peskov'), and phrases that
name a source ("according to X, ..."). Speakers are resolved by the actor stage through the
``resolve`` callable, so a pronoun or a role description ends at a named actor where the text
allows. The cue words are data (``data/quotes/cues.yaml`` plus the event lexicon's speech verbs).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Token

from dyad.model import ActorRef, Quote, QuoteKind, Span
from dyad.nlp import ParsedSentence, word_forms
from dyad.resources import DataError, data_path, read_yaml_list

# Opening mark -> the marks that may close it (typesetters mix straight and curly marks).
DOUBLE = {'"': '"', "“": '”"', "«": "»", "„": '“”"'}
SINGLE = {"'": "'", "‘": "’'"}
CUE_KINDS = (
    "verb",
    "naming",
    "directive",
    "commissive",
    "charge",
    "phrase",
    "dash",
    "document",
    "authoring",
    "relay",
)
_PARAGRAPH = re.compile(r"\n\s*\n")
_WORD = re.compile(r"\w+")
# A quotation without a cue is kept only if it is at least a sentence: shorter ones are mostly
# scare quotes and titles ('a "sharp tool"').
_MIN_UNCUED_WORDS = 8
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_RELATIVE = {"who", "which", "that"}
_PERSONAL = {"he", "she"}
# How far back a speaker carries to a pronoun or an uncued quotation, in paragraph breaks.
_CARRY_PARAGRAPHS = 1
# How many sentences back a pronoun's antecedent is looked for in the parse.
_ANTECEDENT_SENTENCES = 3

Resolve = Callable[[Token, int], ActorRef | None]


@dataclass(frozen=True)
class QuoteSpan:
    """A stretch of directly quoted text, marks included; ``closed`` is False when the
    quotation ran to the end of its paragraph without a closing mark."""

    start: int
    end: int
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        """The quoted words without the marks."""
        return self.start + 1, self.end - 1 if self.closed else self.end


@dataclass(frozen=True)
class QuoteCues:
    """Words that introduce speech: verb lemmas, source phrases and attribution dashes."""

    verbs: frozenset[str]
    naming: frozenset[str]
    directive: frozenset[str]
    commissive: frozenset[str]
    charge: frozenset[str]
    documents: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    dashes: tuple[str, ...]
    forms: frozenset[str] = field(default=frozenset())
    authoring: frozenset[str] = field(default=frozenset())
    relay: frozenset[str] = field(default=frozenset())

    @property
    def prefilter(self) -> frozenset[str]:
        """Lowercased words whose presence makes a sentence worth parsing for quotes."""
        return self.forms | {max(p, key=len) for p in self.phrases}  # "according", not "in"


def load_cues(speech_verbs: Iterable[str], path: Path | None = None) -> QuoteCues:
    """The shipped cue file plus the event lexicon's speech verbs, validated."""
    path = path or data_path("quotes", "cues.yaml")
    words: dict[str, set[str]] = {k: set() for k in CUE_KINDS}
    for e in read_yaml_list(path, required=("id", "kind", "words")):
        if e["kind"] not in CUE_KINDS:
            raise DataError(f"{path.name}: {e['id']}: unknown kind {e['kind']!r}")
        if not isinstance(e["words"], list) or not all(isinstance(w, str) for w in e["words"]):
            raise DataError(f"{path.name}: {e['id']}: words must be a list of strings")
        words[e["kind"]].update(w.strip().lower() for w in e["words"] if w.strip())
    own = ("verb", "naming", "directive", "commissive", "charge", "relay")
    verbs = frozenset(set().union(*(words[k] for k in own)) | {v.lower() for v in speech_verbs})
    return QuoteCues(
        verbs=verbs,
        naming=frozenset(words["naming"]),
        directive=frozenset(words["directive"]),
        commissive=frozenset(words["commissive"]),
        charge=frozenset(words["charge"]),
        documents=frozenset(words["document"]),
        phrases=tuple(sorted(tuple(p.split()) for p in words["phrase"])),
        dashes=tuple(sorted(words["dash"], key=len, reverse=True)),
        forms=frozenset(f for v in verbs for f in word_forms(v)),
        authoring=frozenset(words["authoring"]),
        relay=frozenset(words["relay"]),
    )


# ---------------------------------------------------------------------------- direct marks


def quote_spans(text: str) -> list[QuoteSpan]:
    """Direct quotations in a text. An unclosed double quotation ends with its paragraph, unless
    the next paragraph reopens it (the newspaper convention for long quotes); a single-quoted
    stretch counts only if it closes in its paragraph, since the same mark is an apostrophe.
    Unbalanced marks never derail what follows."""
    spans: list[QuoteSpan] = []
    carry: int | None = None  # start of a quotation that runs on into the next paragraph
    prev_end = 0
    for p_start, p_end in _paragraphs(text):
        para = text[p_start:p_end]
        lead = len(para) - len(para.lstrip())
        first = para[lead : lead + 1]
        if carry is not None and first not in DOUBLE:
            spans.append(QuoteSpan(carry, prev_end, closed=False))
            carry = None
        prev_end = p_end
        i, opened, closers = 0, None, ""
        if carry is not None:
            opened, closers, carry = carry, DOUBLE[first], None
            i = lead + 1
        while i < len(para):
            ch = para[i]
            if opened is None and ch in DOUBLE:
                opened, closers = p_start + i, DOUBLE[ch]
            elif opened is None and ch in SINGLE and _opens_single(para, i):
                j = _closing_single(para, i + 1, SINGLE[ch])
                if j is not None:
                    spans.append(QuoteSpan(p_start + i, p_start + j + 1))
                    i = j
            elif opened is not None and ch in closers:
                spans.append(QuoteSpan(opened, p_start + i + 1))
                opened = None
            i += 1
        if opened is not None:
            carry = opened
    if carry is not None:
        spans.append(QuoteSpan(carry, len(text), closed=False))
    return spans


def _paragraphs(text: str) -> list[tuple[int, int]]:
    breaks = list(_PARAGRAPH.finditer(text))
    starts = [0] + [m.end() for m in breaks]
    ends = [m.start() for m in breaks] + [len(text)]
    return list(zip(starts, ends, strict=True))


def _opens_single(para: str, i: int) -> bool:
    before = para[i - 1] if i > 0 else " "
    after = para[i + 1] if i + 1 < len(para) else " "
    return (before.isspace() or before in "([—–:") and after.isalnum()


def _closing_single(para: str, i: int, closers: str) -> int | None:
    for j in range(i, len(para)):
        if para[j] in closers and not para[j - 1].isspace():
            after = para[j + 1 : j + 3].ljust(2)
            possessive = para[j - 1] == "s" and after[0] == " " and after[1].islower()
            if not after[0].isalnum() and not possessive:  # "the ministers' talks"
                return j
    return None


# ---------------------------------------------------------------------------- the finder


@dataclass
class _Cue:
    """A cue found in the parse: the cue words, the speaker and addressee tokens, and the
    character span of what was said."""

    words: Span
    speaker: Token | None
    addressee: Token | None
    start: int
    end: int
    sent: ParsedSentence
    phrase: bool = False  # 'according to X': a source that may only pass on another's words
    relay: bool = False  # 'X reported': the same, when what is reported is someone's saying
    plain: bool = True  # a verb of saying, not of urging, promising, accusing or naming


@dataclass
class _Found:
    """A quotation and how its speaker was named at the cue: by name, pronoun, definite role
    ('the researcher'), a document ('the statement said'), or not at all ('uncued')."""

    quote: Quote
    how: str
    role: str = ""
    sent: ParsedSentence | None = None
    phrase: bool = False
    relay: bool = False
    plain: bool = True
    document: str = ""  # the document noun that speaks ('statement'), if any
    authored: bool = False  # the text names the document's author at the cue
    pronoun: Token | None = None  # the 'he'/'she' at the cue
    antecedent: tuple[ActorRef, int] | None = None  # the person it points back to, and where
    subject: ActorRef | None = None  # an uncued quotation's clause subject ('X gave its "..."')


class QuoteFinder:
    """Finds the quotations of a document and resolves their speakers.

    Args:
        cues: the cue words (``load_cues``).
    """

    def __init__(self, cues: QuoteCues) -> None:
        self.cues = cues
        self._phrase_starts = {p[0] for p in cues.phrases}
        self._verb_cache: dict[int, set[int]] = {}  # sentence index -> speech verbs, per find
        dashes = "|".join(re.escape(d) for d in cues.dashes)
        opening = "".join(re.escape(m) for m in DOUBLE)
        # a colon before an opening mark, or a closing mark before a dash
        self._attribution = re.compile(rf":\s?[{opening}]|[\"”»] (?:{dashes})|^(?:{dashes})")
        self._dash_end = re.compile(rf"(?:{dashes})\s*$")

    def find(
        self,
        text: str,
        parsed: list[ParsedSentence],
        resolve: Resolve,
        is_person: Callable[[ActorRef], bool] = lambda ref: True,
    ) -> list[Quote]:
        """Quotations in text order. ``parsed`` are the parsed sentences (others are only seen
        through their marks); ``resolve`` turns a speaker token into an actor; ``is_person``
        tells a person from an organisation, for pronouns that point back to a speaker."""
        lookup = _Lookup(resolve, is_person, parsed)
        self._verb_cache = {}
        marks = quote_spans(text)
        inside = _Inside(marks)
        cued: dict[int, _Cue] = {}  # mark index -> its cue
        consumed: set[int] = set()  # marks that are fragments of a mixed quotation
        found: list[_Found] = []
        adjacent = [self._adjacent_cue(text, m, parsed, inside) for m in marks]
        for sent in parsed:
            for cue in self._clause_cues(sent, inside):
                covered = inside.overlapping(cue.start, cue.end)
                if any(_attributes_after(adjacent[k], marks[k]) for k in covered):
                    continue  # '"...," said X; he described ...': the parse ran two cues together
                if covered and _words_outside(text, cue, [marks[k] for k in covered]) < 2:
                    for k in covered:
                        cued.setdefault(k, cue)
                    continue
                kind: QuoteKind = "mixed" if covered else "indirect"
                consumed.update(covered)
                found.append(self._found(text, cue.start, cue.end, kind, cue, lookup))
        for k, mark in enumerate(marks):
            if k in consumed:
                continue
            cue = cued.get(k) or adjacent[k]
            start, end = _strip(text, *mark.inner)
            if not any(ch.isalnum() for ch in text[start:end]):
                continue  # a stray mark: '." ".'
            if cue is not None:
                found.append(self._found(text, start, end, "direct", cue, lookup))
            else:
                f = _Found(Quote(start, end, text[start:end], "direct"), "uncued")
                f.subject = _clause_speaker(text, mark, parsed, inside, lookup)
                found.append(f)
        order = {s.sentence.index: k for k, s in enumerate(parsed)}
        for f in found:
            if f.how == "role" and (f.quote.speaker is None or not is_person(f.quote.speaker)):
                start = f.sent.sentence.start if f.sent is not None else f.quote.start
                f.quote.speaker = lookup.introduced_as(f.role, start, parsed) or f.quote.speaker
            if f.pronoun is not None and f.sent is not None:
                f.antecedent = _antecedent(
                    text, f.pronoun, f.sent, parsed, order, inside, lookup, self._verbs_of
                )
        return _outermost(_carry_speakers(text, _inner_speech(found), is_person))

    # ------------------------------------------------------------ cues in the parse

    def wants(self, sentence: str, before: str = "") -> bool:
        """Does a sentence need a parse for its quotations even without a cue word? A name
        before a colon ('Peskov: "..."') or after a dash ('"..." — Peskov') attributes them;
        ``before`` is the text just before the sentence (the dash may end the previous one)."""
        return bool(self._attribution.search(sentence) or self._dash_end.search(before))

    def _clause_cues(self, sent: ParsedSentence, inside: _Inside) -> list[_Cue]:
        """Speech verbs with a complement clause, and source phrases, outside quotation marks."""
        out: list[_Cue] = []
        off = sent.offset
        verbs = self._verbs_of(sent)
        for tok in sent.doc:
            if tok.i in verbs:
                if inside.at(tok.idx + off):
                    continue
                cue = self._verb_cue(tok, sent, inside)
                if cue is not None:
                    out.append(cue)
            elif (phrase := self._phrase_at(tok)) is not None and not inside.at(tok.idx + off):
                cue = _phrase_cue(tok, phrase, sent)
                if cue is not None:
                    out.append(cue)
        return out

    def _verb_cue(self, verb: Token, sent: ParsedSentence, inside: _Inside) -> _Cue | None:
        off = sent.offset
        content = [c for c in verb.children if c.dep_ == "ccomp" and not _beyond_semicolon(c)]
        if content:
            tokens = [t for c in content for t in c.subtree]
        elif verb.dep_ == "parataxis":
            # 'The talks, he said, have failed': the statement is the verb's head clause, less
            # what frames the cue ('Speaking to PBS, he said, "..."').
            skip = {t.i for t in verb.subtree}
            for c in verb.head.children:
                if c.i < verb.i and c.dep_ in ("advcl", "prep", "npadvmod", "intj"):
                    skip.update(t.i for t in c.subtree)
            tokens = [t for t in verb.head.subtree if t.i not in skip]
        else:
            tokens = self._object_content(verb, inside, off)
            if not tokens:
                return None
        tokens = _trim(tokens)
        if not tokens:
            return None
        start, end = _chars(tokens, off)
        subject = _speaker_token(verb)
        if subject is not None and subject in tokens:
            subject = None
        lemma = verb.lemma_.lower()
        c = self.cues
        plain = lemma not in c.directive | c.commissive | c.charge | c.naming
        cue = _Cue(_word(verb, off), subject, _addressee(verb, tokens), start, end, sent)
        cue.relay, cue.plain = lemma in c.relay, plain
        return cue

    def _verbs_of(self, sent: ParsedSentence) -> set[int]:
        """Token indices of the sentence's speech verbs, computed once per sentence."""
        key = sent.sentence.index
        if key not in self._verb_cache:
            self._verb_cache[key] = {t.i for t in sent.doc if self._is_cue_verb(t)}
        return self._verb_cache[key]

    def _is_cue_verb(self, tok: Token) -> bool:
        """A speech verb: one of the inflected forms of the cue lemmas, tagged as a verb (by
        form, not lemma: the lemmatiser misses some, 'tweeted')."""
        return tok.lower_ in self.cues.forms and tok.pos_ in ("VERB", "AUX")

    def _object_content(self, verb: Token, inside: _Inside, offset: int) -> list[Token]:
        """What was said when it is not a clause: the infinitive of a directive or a commitment
        ('urged Iran to release the files', 'vowed to retaliate', 'called for talks'), the
        object and grounds of an accusation ('accused Russia of mobilizing'), or a quoted
        description ('called the attack "cowardly"')."""
        lemma = verb.lemma_.lower()
        rights = list(verb.rights)
        if lemma in self.cues.directive | self.cues.commissive:
            tokens = [t for c in rights if c.dep_ == "xcomp" for t in c.subtree]
            if not tokens and lemma in self.cues.directive:
                fors = [c for c in rights if c.dep_ == "prep" and c.lower_ == "for"]
                tokens = [
                    t for c in fors for g in c.children if g.dep_ == "pobj" for t in g.subtree
                ]
            if tokens:
                return tokens
        if lemma in self.cues.charge:
            objects = [c for c in rights if c.dep_ == "dobj"]
            grounds = [c for c in rights if c.dep_ == "prep" and c.lower_ in ("of", "for")]
            if objects and grounds:
                return [t for c in objects + grounds for t in c.subtree]
        if lemma in self.cues.naming:
            tokens = [t for c in rights if c.dep_ in ("dobj", "oprd", "xcomp") for t in c.subtree]
            if tokens and inside.overlapping(*_chars(tokens, offset)):
                return tokens
        return []

    def _phrase_at(self, tok: Token) -> tuple[str, ...] | None:
        if tok.lower_ not in self._phrase_starts:
            return None
        for phrase in self.cues.phrases:
            words = tok.doc[tok.i : tok.i + len(phrase)]
            if len(words) == len(phrase) and tuple(w.lower_ for w in words) == phrase:
                return phrase
        return None

    def _adjacent_cue(
        self, text: str, mark: QuoteSpan, parsed: list[ParsedSentence], inside: _Inside
    ) -> _Cue | None:
        """The cue of a quotation that no complement clause reaches: a speech verb in the
        sentence where it closes or opens ('"...," said Peskov'), a name and a colon before it
        ('Peskov: "..."'), or a dash and a name after it ('"..." — Peskov')."""
        closing = _sentence_at(parsed, mark.end - 1)
        opening = _sentence_at(parsed, mark.start)
        gap = 0  # (no copy of the rest of the text per quotation)
        while mark.end + gap < len(text) and text[mark.end + gap] in " \t,.;":
            gap += 1
        following = _sentence_at(parsed, mark.end + gap)  # '..." ' | 'Macron told the world.'
        if following is closing:
            following = None
        for sent, after in ((closing, True), (following, True), (opening, False)):
            if sent is None:
                continue
            off = sent.offset
            cue_verbs = self._verbs_of(sent)
            verbs = [
                t
                for t in (sent.doc[i] for i in sorted(cue_verbs))
                if not inside.at(t.idx + off)
                and ((t.idx + off >= mark.end) if after else (t.idx + off < mark.start))
            ]
            verbs.sort(key=lambda t: abs(t.idx + off - (mark.end if after else mark.start)))
            for verb in verbs:
                if not _introduces(text, verb, off, mark, after, sent):
                    continue
                if after and _opens_next(text, verb, off):
                    continue  # '"A." He said: "B."': the verb belongs to the next quotation
                if after and _own_content(verb, inside, off):
                    continue  # '"A." Nadler said the inquiry is ...': the verb has its own
                if sent is following and _opens_later(text, verb, sent):
                    continue  # '"A." Obadia told reporters "B."': the verb introduces B
                subject = _speaker_token(verb)
                if after and (subject is None or inside.at(subject.idx + off)):
                    subject = _inverted_subject(verb)
                if subject is not None and not inside.at(subject.idx + off):
                    return _Cue(_word(verb, off), subject, _addressee(verb, []), 0, 0, sent)
        before = text[: mark.start].rstrip()
        if before.endswith(",") and opening is not None:
            # 'Trump defended his decision, "..."': the quotation closes the sentence of a
            # clause whose subject speaks, whatever its verb.
            root = opening.doc[:].root
            subject = _speaker_token(root)
            if (
                subject is not None
                and root.idx + opening.offset < mark.start
                and subject.idx + opening.offset < mark.start
                and _ends_with(opening, mark)
            ):
                return _Cue(_word(root, opening.offset), subject, None, 0, 0, opening)
        if before.endswith(":") and opening is not None:
            tok = _token_at(opening, len(before) - 2)
            if tok is not None and tok.pos_ in ("PROPN", "NOUN"):
                verb = _governing_verb(tok)
                tok = _speaker_token(verb) if verb is not None else tok
                if tok is not None:  # an object is never the speaker ('read in part: "')
                    return _Cue(Span(len(before) - 1, len(before), ":"), tok, None, 0, 0, opening)
        rest = text[mark.end :]
        gap = len(rest) - len(rest.lstrip())
        for dash in self.cues.dashes:
            if rest[gap:].startswith(dash):
                at = mark.end + gap + len(dash)
                at += len(text[at:]) - len(text[at:].lstrip())
                sent = _sentence_at(parsed, at)
                tok = _token_at(sent, at) if sent is not None else None
                if tok is not None and tok.pos_ in ("PROPN", "NOUN"):
                    root = _name_head(tok)
                    cue = Span(mark.end + gap, mark.end + gap + len(dash), dash)
                    return _Cue(cue, root, None, 0, 0, sent)  # type: ignore[arg-type]
                break
        return None

    def _found(
        self,
        text: str,
        start: int,
        end: int,
        kind: QuoteKind,
        cue: _Cue,
        lookup: _Lookup,
    ) -> _Found:
        off = cue.sent.offset
        tok = cue.speaker
        how, speaker, noun, definite = "name", None, "", False
        if tok is not None and self.cues.documents & {tok.lemma_.lower(), tok.lower_}:
            noun = tok.lemma_.lower()
            definite = any(c.lower_ in ("the", "this", "that") for c in tok.children)
            how, document, tok = "document", tok, _author(tok, self.cues.authoring)
            if tok is None:
                # 'The Turkish statement called for ...': the statement's country, if any
                speaker = lookup.resolve(document, off)
        if tok is not None:
            speaker = lookup.speaker(tok, off)
            if tok.pos_ == "PRON" and tok.lower_ in _PERSONAL:
                how = "pronoun"
            elif tok.pos_ in ("NOUN", "PROPN") and any(c.lower_ == "the" for c in tok.children):
                how = "role"
        addressee = lookup.resolve(cue.addressee, off) if cue.addressee is not None else None
        quote = Quote(start, end, text[start:end], kind, cue.words, speaker, addressee)
        role = tok.lemma_.lower() if tok is not None and how == "role" else ""
        if noun and tok is None and not definite:
            noun = ""  # 'a statement said': no earlier statement to point back to
        pronoun = tok if how == "pronoun" else None
        authored = noun != "" and tok is not None
        return _Found(
            quote, how, role, cue.sent, cue.phrase, cue.relay, cue.plain, noun, authored, pronoun
        )


@dataclass
class _Lookup:
    """The actor stage as the quote finder sees it."""

    resolve_token: Resolve
    is_person: Callable[[ActorRef], bool]
    parsed: list[ParsedSentence] = field(default_factory=list)
    _done: set[str] = field(default_factory=set)  # surnames whose full name was resolved

    def resolve(self, tok: Token, offset: int) -> ActorRef | None:
        """The actor stage's answer for a token. A bare surname ('Mugabe') is resolved after
        the first full name that ends in it ('Robert Mugabe'), as the event stage would meet
        them in text order: resolving the surname first would make a new person of it."""
        if tok.pos_ == "PROPN" and tok.text not in self._done:
            self._done.add(tok.text)
            if not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.lefts):
                full = self._full_name(tok.text)
                if full is not None:
                    self.resolve_token(*full)
        return self.resolve_token(tok, offset)

    def _full_name(self, surname: str) -> tuple[Token, int] | None:
        for sent in self.parsed:
            for t in sent.doc:
                if t.text == surname and any(
                    c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.lefts
                ):
                    return t, sent.offset
        return None

    def speaker(self, tok: Token, offset: int) -> ActorRef | None:
        """The actor behind a speaker's words. A title that the parser split from its holder
        ('US Ambassador to Germany Richard Grenell', 'the Defence Secretary, Delfin Lorenzana')
        yields the holder: the person if known, else the name with the title's code. So does
        a description with a name after it between commas ('the El Paso mayor, Dee Margo,')."""
        ref = self.resolve(tok, offset) or _unresolved(tok, offset)
        holder = _title_holder(tok)
        if ref is not None and self.is_person(ref):
            # a person, unless the actor stage made one of a title ('First Minister of Scotland
            # Nicola Sturgeon'); 'Mike Ryan of the World Health Organization' names a body
            body = holder is not None and any(c.dep_ in ("det", "poss") for c in holder.children)
            if holder is None or body or holder.text in ref.name:
                return ref

        if holder is None and tok.pos_ == "NOUN" and (holder := _appositive_name(tok)):
            # the description codes the name ('the El Paso mayor, Dee Margo,': a mayor)
            name = _name_of(holder, offset)
            if ref is not None and ref.code is not None:
                return ActorRef(ref.code, name.name, name.start, name.end, ref.actor)
            return self.resolve(holder, offset) or name
        if holder is None:
            return ref
        person = self.resolve(holder, offset)
        if person is not None and self.is_person(person):
            return person
        name = _name_of(holder, offset)
        if ref is None or ref.code is None:
            return name
        return ActorRef(ref.code, name.name, name.start, name.end, ref.actor)

    def introduced_as(
        self, role: str, before: int, parsed: list[ParsedSentence]
    ) -> ActorRef | None:
        """'the judge' after 'Judge Bernard Schwartz' or 'Bernard Schwartz, the judge': the
        latest person the text introduced with that role word."""
        for sent in reversed(parsed):
            if sent.sentence.start >= before:
                continue
            for tok in reversed(sent.doc):
                if tok.lemma_.lower() != role and tok.lower_ != role:
                    continue
                holder = _title_holder(tok)
                if (
                    holder is None
                    and tok.dep_ in ("compound", "appos")
                    and tok.head.pos_ == "PROPN"
                ):
                    holder = tok.head
                if holder is not None and holder.idx + sent.offset < before:
                    person = self.resolve(holder, sent.offset)
                    if person is not None and self.is_person(person):
                        return person
                    return _name_of(holder, sent.offset)
        return None


def speakers_by_sentence(quotes: list[Quote], parsed: list[ParsedSentence]) -> dict[int, ActorRef]:
    """For each parsed sentence that starts inside a direct or mixed quotation: its coded
    speaker. The event stage attributes events in those sentences to the speaker (reported
    clauses it attributes itself, from the parse)."""
    out: dict[int, ActorRef] = {}
    for q in quotes:
        if q.kind == "indirect" or q.speaker is None or q.speaker.code is None:
            continue  # an event's attribution needs a coded actor
        for sent in parsed:
            if q.start - 1 <= sent.sentence.start < q.end:
                out[sent.sentence.index] = q.speaker
    return out


# ---------------------------------------------------------------------------- helpers


class _Inside:
    """Which characters lie inside a direct quotation."""

    def __init__(self, marks: list[QuoteSpan]) -> None:
        self.marks = marks  # in text order, never overlapping
        self.starts = [m.start for m in marks]
        self.ends = [m.end for m in marks]  # also ascending, as the marks never overlap

    def at(self, char: int) -> bool:
        k = bisect.bisect_right(self.starts, char) - 1
        return k >= 0 and char < self.marks[k].end

    def overlapping(self, start: int, end: int) -> list[int]:
        first = bisect.bisect_right(self.ends, start)  # the first mark ending after start
        return list(range(first, bisect.bisect_left(self.starts, end)))


def _speaker_token(verb: Token) -> Token | None:
    """Who says: the verb's subject (of two, the name: 'A member of parliament, Samir Dilou
    said'); through 'who' to the noun it describes; the noun a participle describes ('with
    officials saying', 'a statement saying'); through 'was quoted as saying' or 'was forceful
    in blaming' to the subject of the clause above; the agent of a passive ('was announced by
    the ministry'); failing all, a name just before the verb ('..., Jamel Msallem, said')."""
    node = verb
    for _ in range(6):
        for c in node.children:
            if c.dep_ == "agent":
                pobj = [g for g in c.children if g.dep_ == "pobj"]
                if pobj:
                    return pobj[0]
        subjects = [c for c in node.children if c.dep_ in _SUBJECTS]
        if subjects:
            names = [c for c in subjects if c.pos_ == "PROPN"]
            subject = names[-1] if len(subjects) > 1 and names else subjects[0]
            if subject.lower_ in _RELATIVE and node.dep_ == "relcl":
                return node.head
            if subject.lower_ in ("who", "which"):
                # the parser lost the relative clause ('according to police, who said'): the
                # noun just before 'who' is its antecedent
                before = [t for t in subject.doc[: subject.i] if not t.is_punct]
                if before and before[-1].pos_ in ("NOUN", "PROPN"):
                    return before[-1]
            return subject
        described = node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN")
        if described and (node is not verb or node.tag_ == "VBG"):  # not 'a process called'
            head = node.head
            by = [g for c in head.children if c.lower_ == "by" for g in c.children]
            if by and by[0].dep_ == "pobj":
                return by[0]  # 'the calls by British officials asking ...'
            if not (head.dep_ == "pobj" and head.head.lower_ in _CHANNEL_PREPS):
                return head  # not 'a message on Twitter blaming ...': the channel's user
        if node.dep_ not in _CLIMB:
            break
        node = node.head
    return _name_before(verb)


# Dependencies through which a speech verb without a subject takes the subject of the clause
# above ('was quoted as saying', 'voiced support, telling ...', 'was forceful in blaming').
_CLIMB = ("xcomp", "advcl", "acl", "dobj", "conj", "pcomp", "pobj", "prep", "acomp")
# Prepositions that put a medium, not a speaker, before a participle ('posted on Twitter
# blaming Iran').
_CHANNEL_PREPS = ("on", "via", "through", "in")


def _name_before(verb: Token) -> Token | None:
    """A name right before a verb the parser left without a subject: '..., the president of
    the league, Jamel Msallem, said' (the parser hangs the name on something earlier)."""
    k = verb.i - 1
    doc = verb.doc
    while k >= 0 and doc[k].is_punct and doc[k].text in ",":
        k -= 1
    if k < 0 or k == verb.i - 1 or doc[k].pos_ != "PROPN" or doc[k].dep_ not in ("appos", "conj"):
        return None
    return doc[k]


def _carry_speakers(
    text: str, found: list[_Found], is_person: Callable[[ActorRef], bool]
) -> list[Quote]:
    """Speakers that the cue alone cannot give, from the quotations before: an uncued quotation
    goes on with the last speaker of its or the previous paragraph ('"...," he said. "..."');
    'he' or 'she' at a cue is that speaker when it is a person (a name inside the last quote is
    a worse antecedent); 'the researcher' is the last speaker introduced as a researcher; 'the
    statement said' is the author of the last statement the text gave an author, else the last
    speaker."""
    out: list[Quote] = []
    spoken: list[Quote] = []  # earlier quotations with a speaker, in text order
    authors: dict[str, ActorRef] = {}  # document noun -> author of the latest such document
    for f in sorted(found, key=lambda f: f.quote.start):
        q = f.quote
        if f.document and not f.authored and f.document in authors:
            q.speaker = authors[f.document]  # 'the statement' after 'a statement by Erdogan'
        elif f.authored and q.speaker is not None:
            authors[f.document] = q.speaker
        last = spoken[-1] if spoken else None
        near = last is not None and _breaks(text, last.end, q.start) <= _CARRY_PARAGRAPHS
        if f.how == "uncued":
            same = last is not None and _breaks(text, last.end, q.start) == 0
            if near and (same or _opens_paragraph(text, q.start - 1)):
                q.speaker = f.subject or last.speaker  # type: ignore[union-attr]
            elif len(q.text.split()) < _MIN_UNCUED_WORDS:
                continue  # a scare quote or a title
            else:
                q.speaker = f.subject
        elif f.how == "pronoun":
            q.speaker = _pronoun_speaker(f, last, near, is_person)
        elif f.how == "role" and (q.speaker is None or not is_person(q.speaker)):
            for earlier in reversed(spoken):
                if f.role in _WORD.findall(earlier.speaker.name.lower()):  # type: ignore[union-attr]
                    q.speaker = earlier.speaker
                    break
        elif f.how == "document" and q.speaker is None and near:
            q.speaker = last.speaker  # type: ignore[union-attr]
        out.append(q)
        if q.speaker is not None:
            spoken.append(q)
    return out


def _clause_speaker(
    text: str, mark: QuoteSpan, parsed: list[ParsedSentence], inside: _Inside, lookup: _Lookup
) -> ActorRef | None:
    """Who speaks a quotation that no cue reaches but that sits inside a narrative clause ('The
    State Department gave its "deepest sympathies"', 'Calling it "just another apology", Anna
    Franowska told Reuters'): of the clauses above it (not a quoted verb's own: 'Amundson
    said Day "founded ..."'), the nearest whose subject is a name or an actor the tables know
    (not 'The move was "illegal"', not 'the company's helmet'). A pronoun subject is left to
    the carry."""
    sent = _sentence_at(parsed, mark.start)
    if sent is None or not any(ch.isalnum() for ch in text[sent.sentence.start : mark.start]):
        return None  # the quotation opens its sentence
    if text[: mark.start].rstrip().endswith((".", "!", "?", ":")):
        return None  # ... or follows one that the segmenter ran on into it
    off = sent.offset
    node = _token_at(sent, mark.start + 1)
    chain: list[Token] = []
    while node is not None:
        if not inside.at(node.idx + off):
            chain += [
                c
                for c in node.children
                if c.dep_ in ("nsubj", "nsubjpass") and not inside.at(c.idx + off)
            ][:1]
        if node.head.i == node.i:
            break
        node = node.head
    for subject in chain:
        if subject.pos_ == "PRON":
            return None
        if subject.lower_ in _RELATIVE or any(c.dep_ == "poss" for c in subject.children):
            continue
        if subject.pos_ == "PROPN":  # a name: 'Time credits an individual with "..."'
            return lookup.speaker(subject, off)
        ref = lookup.resolve(subject, off)
        if ref is not None and ref.code is not None:
            return ref
    return None


def _pronoun_speaker(
    f: _Found, last: Quote | None, near: bool, is_person: Callable[[ActorRef], bool]
) -> ActorRef | None:
    """Whom 'he' or 'she' at a cue stands for. The last speaker goes on ('"...," he added'),
    unless the text brought in a person after that quotation ('Callamard, a UN rapporteur,
    cautioned ... "...," she said'): then the actor stage's choice, or failing that the
    person the parse points back to (the subject of the nearest clause before)."""
    resolved = (
        f.quote.speaker if f.quote.speaker is not None and is_person(f.quote.speaker) else None
    )
    carry = last.speaker if last is not None and near and is_person(last.speaker) else None  # type: ignore[arg-type]
    if f.antecedent is not None:
        ref, at = f.antecedent
        if carry is None or last is None or at > last.end:
            if resolved is not None and resolved.actor != ref.actor:
                return resolved
            return ref  # the same person by name, not as 'he'
    return carry or f.quote.speaker


def _antecedent(
    text: str,
    pronoun: Token,
    sent: ParsedSentence,
    parsed: list[ParsedSentence],
    order: dict[int, int],
    inside: _Inside,
    lookup: _Lookup,
    verbs_of: Callable[[ParsedSentence], set[int]],
) -> tuple[ActorRef, int] | None:
    """The person a 'he'/'she' points back to, from the parse alone: in the pronoun's sentence
    and the parsed sentences right before it (an unparsed sentence of narrative between stops
    the search, as it may name someone; one inside quotation marks does not), the subject of
    the highest clause that is a person's name; a 'he'/'she' subject there passes the search
    on to what comes before it; an earlier sentence without a person subject offers its last
    person's name ('spoke with Anne Sacoolas. She said'); a description that speaks ('The
    head of the inquiry told the court') ends the search without a name."""
    limit = pronoun.i
    start = pronoun.idx + sent.offset
    own = True  # still in the pronoun's sentence, where a name outside the subject is
    # mostly whom the speaker addressed ('Speaking to Martin Smith of PBS, he said')
    speech = verbs_of(sent)
    for _ in range(_ANTECEDENT_SENTENCES + 8):
        off = sent.offset
        tokens = [t for t in sent.doc[:limit] if not inside.at(t.idx + off)]
        subjects = [t for t in tokens if t.dep_ in ("nsubj", "nsubjpass")]
        if any(t.pos_ == "NOUN" and t.head.i in speech for t in subjects):
            return None  # 'The head of the inquiry told the court ...': not a name
        subjects = [
            t
            for t in subjects
            if (t.pos_ == "PRON" and t.lower_ == pronoun.lower_)
            or (t.pos_ == "PROPN" and _is_person_name(t, off, text, lookup))
        ]
        if subjects:
            best = min(subjects, key=lambda t: (_depth(t), -t.i))
            if best.pos_ != "PRON":
                ref = lookup.speaker(best, off)
                return (ref, best.idx + off) if ref is not None else None
            limit = best.i  # 'she departed ...': look before that 'she'
            continue
        if not own and not any(t.pos_ == "PRON" and t.lower_ in _PERSONAL for t in tokens):
            names = [t for t in tokens if t.pos_ == "PROPN" and t.dep_ != "compound"]
            names = [t for t in names if _is_person_name(t, off, text, lookup)]
            if names:
                ref = lookup.speaker(names[-1], off)
                return (ref, names[-1].idx + off) if ref is not None else None
        k = order[sent.sentence.index]
        before = parsed[k - 1] if k > 0 else None
        if before is None or _breaks(text, before.sentence.start, start) > _CARRY_PARAGRAPHS:
            return None
        if sent.sentence.index - before.sentence.index > _ANTECEDENT_SENTENCES or any(
            ch.isalnum() and not inside.at(i)
            for i, ch in enumerate(
                text[before.sentence.end : sent.sentence.start], before.sentence.end
            )
        ):
            return None  # an unparsed sentence of narrative between may name someone
        sent, limit, own = before, len(before.doc), False
        speech = verbs_of(sent)
    return None


def _is_person_name(tok: Token, offset: int, text: str, lookup: _Lookup) -> bool:
    """Is a proper noun a person's name? It must look like one (a first and a last name, or a
    single word the text used before as the last of a full name: 'Spanton' after 'Emily
    Spanton'), without an article ('the Volvo'), and the actor stage must take it for a
    person or not know it at all."""
    if any(c.dep_ == "det" for c in tok.children):
        return False
    run = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [tok]
    words = [t.text for t in run if t.text[:1].isupper() and t.text.replace("-", "").isalpha()]
    if len(words) < 2:
        if not tok.text[:1].isupper() or not tok.text.isalpha():
            return False
        earlier = text[: tok.idx + offset]
        if not re.search(rf"\b[A-Z][\w'.-]+ {re.escape(tok.text)}\b", earlier):
            return False
    ref = lookup.resolve(tok, offset)
    if ref is None:
        return True
    return lookup.is_person(ref)


def _depth(tok: Token) -> int:
    n = 0
    while tok.head.i != tok.i:
        tok, n = tok.head, n + 1
    return n


def _breaks(text: str, start: int, end: int) -> int:
    return len(_PARAGRAPH.findall(text, start, max(start, end)))


def _author(document: Token, authoring: frozenset[str] = frozenset()) -> Token | None:
    """Who a statement, tweet or report is by: 'Erdogan's statement', 'a tweet by Pompeo', 'a
    poll published by NBC', or the subject of a verb that issues it ('They released a
    statement which said ...'; the verbs are the cue file's ``authoring`` words)."""
    for c in document.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if c.dep_ == "acl" and c.lemma_.lower() in authoring:
            agent = next((g for g in c.children if g.dep_ == "agent"), None)
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
            if pobj is not None:
                return pobj
    head = document.head
    if document.dep_ == "dobj" and head.lemma_.lower() in authoring:
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in _RELATIVE:
            return subject
    return None


def _attributes_after(cue: _Cue | None, mark: QuoteSpan) -> bool:
    """Is the quotation attributed by a verb right after it ('"...," said X')?"""
    return cue is not None and cue.words.start >= mark.end and cue.words.text not in ":"


def _opens_next(text: str, verb: Token, offset: int) -> bool:
    """Does a quotation open right after the verb ('said: "', 'said "')?"""
    rest = text[verb.idx + offset + len(verb.text) : verb.idx + offset + len(verb.text) + 4]
    stripped = rest.lstrip(" ,:")
    return bool(stripped) and stripped[0] in DOUBLE


def _beyond_semicolon(clause: Token) -> bool:
    """Is a clause the parser hung on a verb cut off from it by a semicolon ('X said A;
    TVN24 reported B': A is not what TVN24 reported)?"""
    verb = clause.head
    edge = [t.i for t in clause.subtree]
    lo, hi = (max(edge), verb.i) if clause.i < verb.i else (verb.i, min(edge))
    return any(t.text == ";" for t in verb.doc[lo:hi])


def _title_holder(title: Token) -> Token | None:
    """The person a title noun names, where the parser hangs the name off the title: an
    apposition ('the Defence Secretary, Delfin Lorenzana'), the object of 'of'/'to' that ends
    in a full name ('First Minister of Scotland Nicola Sturgeon'), or the name the title is a
    compound of ('President Donald Trump')."""
    if title.dep_ == "compound" and title.head.pos_ == "PROPN" and title.head.i > title.i:
        head = title.head
        if sum(1 for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN") >= 2:
            return head
    for c in title.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN":
            return c
        if c.dep_ == "prep" and c.lower_ in ("of", "to", "for"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            names = [g for g in pobj.lefts if g.dep_ == "compound"] if pobj is not None else []
            if pobj is not None and pobj.pos_ == "PROPN" and len(names) >= 2:
                return pobj
    return None


def _appositive_name(description: Token) -> Token | None:
    """The name set off by commas right after a description, which the parser did not attach
    to it: 'According to the El Paso mayor, Dee Margo, police ...'. Two or more capitalised
    words, then a comma or the verb."""
    doc = description.doc
    k = max(t.i for t in description.subtree) + 1
    if k >= len(doc) or doc[k].text != ",":
        return None
    j = k + 1
    while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
        j += 1
    if j - k - 1 < 2:
        return None
    if j < len(doc) and doc[j].text != "," and doc[j].pos_ not in ("VERB", "AUX"):
        return None
    return doc[j - 1]


def _name_of(holder: Token, offset: int) -> ActorRef:
    """A person's name ending at ``holder``: the last two capitalised words before it, three
    with a middle initial ('John R. Bolton'); a place before them ('Scotland') is left out."""
    run = [holder]
    for tok in reversed(list(holder.lefts)):
        if tok.dep_ != "compound" or tok.pos_ != "PROPN" or tok.i != run[0].i - 1:
            break
        run.insert(0, tok)
    keep = 3 if len(run) >= 3 and run[-2].text.endswith(".") else 2
    run = run[-keep:]
    start, end = _chars(run, offset)
    return ActorRef(None, holder.doc.text[start - offset : end - offset], start, end, None)


def _governing_verb(tok: Token) -> Token | None:
    """The verb whose object a word before a colon is: 'Bolsonaro opposed Macron's statement:
    "..."', 'Bolton replied, speaking via Twitter: "..."'. Its subject speaks (whatever the
    verb; the colon makes it the cue), not the object."""
    node = tok
    while node.dep_ in ("dobj", "pobj", "prep", "attr", "compound", "amod", "poss"):
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """'"...," tweeted former executive Ken Gude': the parser takes the speaker after the verb
    for its object."""
    for c in verb.rights:
        if c.dep_ in ("dobj", "attr", "npadvmod", "appos", "nsubj") and c.pos_ in ("PROPN", "NOUN"):
            return c
    return None


def _ends_with(sent: ParsedSentence, mark: QuoteSpan) -> bool:
    """Does the quotation run to the end of the sentence it opens in (or beyond)?"""
    return mark.end >= sent.sentence.end - 2


def _introduces(
    text: str, verb: Token, offset: int, mark: QuoteSpan, after: bool, sent: ParsedSentence
) -> bool:
    """Is the speech verb next to the quotation, not merely in its sentence? After it only
    punctuation, the subject and adverbs may come between ('"...," Peskov later said'); before
    it, a comma or colon must close the cue ('told reporters on Monday: "..."') unless the
    quotation follows the verb at once ('wrote "..."') or closes the sentence with no other
    verb between ('told the BBC after the verdict "..."')."""
    if after:
        between = [t for t in verb.doc if mark.end <= t.idx + offset < verb.idx + offset]
        subject = _speaker_token(verb)
        allowed = {t.i for t in subject.subtree} if subject is not None else set()
        return all(t.is_punct or t.i in allowed or t.dep_ in ("advmod", "aux") for t in between)
    gap = text[verb.idx + offset + len(verb.text) : mark.start]
    if not gap.strip() or gap.rstrip()[-1:] in (",", ":"):
        return True
    if verb.dep_ in ("relcl", "acl") or any(d in gap for d in "—–-(["):
        return False  # 'commented — which the BBC noted as unusual — "..."': an aside
    between = [t for t in verb.doc if verb.i < t.i and t.idx + offset < mark.start]
    return _ends_with(sent, mark) and not any(t.pos_ in ("VERB", "AUX") for t in between)


def _own_content(verb: Token, inside: _Inside, offset: int) -> bool:
    """Does the verb introduce a clause of its own outside quotation marks ('Nadler said the
    inquiry is under way')? Then it cannot attribute a quotation before it."""
    return any(
        c.dep_ == "ccomp" and c.i > verb.i and not inside.at(c.idx + offset) for c in verb.children
    )


def _opens_later(text: str, verb: Token, sent: ParsedSentence) -> bool:
    """Does a quotation open later in the verb's sentence, with no comma between or just after
    one ('Obadia told reporters "..."', 'he continued by noting that "..."', 'told AFP on
    Monday, "..."')? The verb introduces that one."""
    after = verb.idx + sent.offset + len(verb.text)
    rest = text[after : sent.sentence.end]
    k = min((rest.find(m) for m in DOUBLE if m in rest), default=-1)
    gap = rest[:k].rstrip()
    return k >= 0 and ("," not in gap or gap.endswith((",", ":")))


def _unresolved(tok: Token, offset: int) -> ActorRef | None:
    """A speaker the actor tables cannot code is still named: the name ('Tomasz Stefaniak') or
    the description ('a hospital spokesman'), with no code and no actor."""
    if tok.pos_ not in ("PROPN", "NOUN"):
        return None
    words = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "det", "poss", "nmod")]
    words = [t for c in words for t in c.subtree] + [tok]
    start, end = _chars(words, offset)
    text = tok.doc.text[start - offset : end - offset]
    return ActorRef(None, text, start, end, None)


def _addressee(verb: Token, content: list[Token]) -> Token | None:
    """Whom the speaker addressed: 'told Al Jazeera', 'said to reporters'."""
    for c in verb.children:
        if c in content:
            continue
        if c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN", "PRON"):
            return c
        if c.dep_ == "prep" and c.lower_ == "to":
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            if pobj:
                return pobj[0]
    return None


def _phrase_cue(tok: Token, phrase: tuple[str, ...], sent: ParsedSentence) -> _Cue | None:
    """'According to police, two people died': the source is the object of the phrase's last
    word, the statement the clause the phrase hangs on, minus the phrase."""
    last = tok.doc[tok.i + len(phrase) - 1]
    source = next((c for c in last.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    head = tok.head
    while head.dep_ not in ("ROOT", "ccomp", "conj") and head.head.i != head.i:
        head = head.head
    phrase_tokens = {t.i for t in tok.subtree} | {t.i for t in last.subtree}
    name = _appositive_name(source)
    if name is not None:  # 'According to the mayor, Dee Margo, ...': the name is the source's
        phrase_tokens.update(range(min(phrase_tokens), name.i + 2))
    tokens = _trim([t for t in head.subtree if t.i not in phrase_tokens])
    if not tokens:
        return None
    # Only the side of the sentence that holds the statement: the phrase is at its edge.
    lo, hi = min(phrase_tokens), max(phrase_tokens)
    side = (
        [t for t in tokens if t.i > hi] if tok.i <= tokens[0].i else [t for t in tokens if t.i < lo]
    )
    tokens = _trim(side or tokens)
    if not tokens:
        return None
    start, end = _chars(tokens, sent.offset)
    span = tok.doc[tok.i : tok.i + len(phrase)]
    words = Span(span.start_char + sent.offset, span.end_char + sent.offset, span.text)
    return _Cue(words, source, None, start, end, sent, phrase=True)


def _trim(tokens: list[Token]) -> list[Token]:
    """A clause's tokens in order, without a leading 'that', edge punctuation and marks."""
    out = sorted(tokens, key=lambda t: t.i)
    while out and (
        out[0].is_punct
        or out[0].dep_ == "mark"
        or out[0].is_space
        or (out[0].dep_ == "aux" and out[0].lower_ == "to")
    ):
        out = out[1:]
    while out and ((out[-1].is_punct and not _is_quote_mark(out[-1])) or out[-1].is_space):
        out = out[:-1]
    return out


def _is_quote_mark(tok: Token) -> bool:
    return tok.text in DOUBLE or tok.text in "”»’'"


def _chars(tokens: list[Token], offset: int) -> tuple[int, int]:
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx + offset, last.idx + len(last.text) + offset


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _words_outside(text: str, cue: _Cue, marks: list[QuoteSpan]) -> int:
    """Words of what was said that stand outside the quotation marks: two or more make a
    quoted fragment inside reported speech ('called the plan "an illusion"')."""
    chars = list(text[cue.start : cue.end])
    for m in marks:
        for i in range(max(m.start, cue.start), min(m.end, cue.end)):
            chars[i - cue.start] = " "
    return len(_WORD.findall("".join(chars)))


def _word(tok: Token, offset: int) -> Span:
    return Span(tok.idx + offset, tok.idx + offset + len(tok.text), tok.text)


def _sentence_at(parsed: list[ParsedSentence], char: int) -> ParsedSentence | None:
    for sent in parsed:
        if sent.sentence.start <= char < sent.sentence.end:
            return sent
    return None


def _token_at(sent: ParsedSentence, char: int) -> Token | None:
    for tok in sent.doc:
        if tok.idx + sent.offset <= char < tok.idx + sent.offset + len(tok.text):
            return tok
    return None


def _name_head(tok: Token) -> Token:
    """The last word of the name that starts at ``tok`` ('Donald Tusk' -> 'Tusk')."""
    while tok.dep_ == "compound" and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _opens_paragraph(text: str, char: int) -> bool:
    before = text[:char].rstrip(" \t")
    return not before or before.endswith("\n")


def _inner_speech(found: list[_Found]) -> list[_Found]:
    """'According to the BBC, a spokesman said that ...', 'Reuters reported a source said
    ...': the channel passes on the words of the speaker inside, whose quotation is kept
    instead of the channel's. A reporting verb gives way only to a verb of saying inside it
    ('The Times reported that Trump urged Zelensky to ...' is the Times' report)."""
    verbs = [f for f in found if not f.phrase and not f.relay]

    def within(f: _Found, g: _Found) -> bool:
        return f.quote.start <= g.quote.start and g.quote.end <= f.quote.end

    return [
        f
        for f in found
        if not (f.phrase and any(within(f, g) for g in verbs))
        and not (f.relay and any(within(f, g) and g.plain for g in verbs))
    ]


def _outermost(quotes: list[Quote]) -> list[Quote]:
    """Quotations in text order, without one nested in another ('X said Y claimed that ...')."""
    quotes = sorted(quotes, key=lambda q: (q.start, -(q.end - q.start)))
    out: list[Quote] = []
    for q in quotes:
        if out and q.start < out[-1].end and q.end <= out[-1].end:
            continue
        out.append(q)
    return out
