"""Resolution of actor mentions inside one document.

Two passes. Over the whole tokenised text (cheap): gazetteer matches, and people introduced with a
title ("Kremlin spokesman Dmitry Peskov") registered so that a later surname ("Peskov") resolves.
Then, for each argument of an event in a parsed sentence: the noun phrase around the argument is
composed from what it holds (a country or demonym, a seat of government, a title or sector word,
a name), and pronouns point back to the latest fitting actor.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from spacy.attrs import DEP as DEP_ATTR
from spacy.attrs import HEAD as HEAD_ATTR
from spacy.attrs import IDX as IDX_ATTR
from spacy.attrs import LENGTH as LENGTH_ATTR
from spacy.attrs import POS as POS_ATTR
from spacy.attrs import SENT_START as SENT_START_ATTR
from spacy.strings import get_string_id as _string_id
from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Span, Token

from dyad.actors.gazetteer import PRIORITY, Entry, Gazetteer, fold
from dyad.model import Actor, ActorRef, Mention

# Dependencies of words that modify another noun: not actors of their own in a sweep.
MODIFIER_DEPS = {"compound", "amod", "flat", "nmod", "nummod", "det", "case", "punct", "quantmod"}
# Dependencies the event stage resolves itself, sentence by sentence (events/extract.py): the
# sweep leaves them to it rather than compose the same phrase twice.
ARGUMENT_DEPS = {"nsubj", "csubj", "nsubjpass", "csubjpass", "dobj", "obj", "attr", "pobj", "appos"}
NOT_SWEPT_DEP_IDS = {_string_id(d) for d in MODIFIER_DEPS | ARGUMENT_DEPS}
ARGUMENT_DEP_IDS = {_string_id(d) for d in ARGUMENT_DEPS}
SWEPT_POS = {NOUN, PROPN}
POSS_DEP_ID = _string_id("poss")
# Mentions a pronoun never points back to.
UNREFERRED_HOWS = {"pronoun", "demonym", "modifier", "place"}
# Roles of private people: their nouns before a name ("national", "tourist") give a code only
# with a country named before them.
PRIVATE_ROLES = {"CVL", "CRM"}
# Roles that are mostly local to where a story happens (police, courts, private people, the
# press and reporters): without a country of their own they
# take the country of the text's located places.
LOCAL_ROLES = {"COP", "JUD", "CVL", "CRM", "HLH", "MED"}
# Prepositions before a place name that say where something is.
LOCATED_PREPS = {"in", "at", "near", "outside", "inside"}
# Mentions that name a place a country is in: they may only be where something happens.
PLACE_HOWS = {"country", "capital", "place"}
# Dependencies that stay inside a noun phrase when composing an actor.
NP_DEPS = {"compound", "amod", "nmod", "poss", "det", "nummod", "flat", "case", "appos", "punct"}
NP_DEP_IDS = {_string_id(d) for d in NP_DEPS}
COORDINABLE_DEP_IDS = {_string_id(d) for d in ("nmod", "compound", "amod")}
APPOS_DEP_ID, PREP_DEP_ID, POBJ_DEP_ID, AMOD_DEP_ID = (
    _string_id(d) for d in ("appos", "prep", "pobj", "amod")
)
LATTER_ID = _string_id("latter")
# Under a mention's head: phrases that are mentions of their own, and function words.
OWN_MENTION_DEP_IDS = {_string_id(d) for d in ("appos", "poss", "relcl", "acl")}
FUNCTION_DEP_IDS = {_string_id(d) for d in ("det", "case", "punct", "cc", "predet")}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m"} | {
    w: "f" for w in ("she", "her", "hers", "herself")
}
THING_PRONOUNS = {"it", "its", "they", "them", "their", "itself", "themselves"}
# Verbs whose subject 'it' is usually a dummy or an event ("it is possible", "it happened").
DUMMY_IT_HEADS = {"be", "seem", "appear", "happen", "take", "mean", "matter", "become", "remain"}
SELF_WORDS = {"country", "nation", "government", "state"}
NOTHING, ONLY_POSSESSIVE, SOMETHING = 0, 1, 2  # what a token's subtree holds (``_under``)
ON_DIRECT, ON_PLACES = 1, 2  # the options of ``resolve`` an answer depended on
DEFINITE_DETS = {"the", "this", "that"}
ACT_REACH = 1200  # how far back (characters) an act word may point: about five sentences
FORMER_ROLE = "ELI"
FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
QUOTE_MARKS = set('"“”«»')
# Nouns for people related to someone: "Erdogan's rival" is not Erdogan.
PERSON_NOUNS = {
    "rival", "opponent", "ally", "friend", "wife", "husband", "son", "daughter", "brother",
    "sister", "father", "mother", "aide", "adviser", "advisor", "successor", "predecessor",
    "critic", "supporter", "lawyer", "deputy", "assistant", "family", "relative", "partner",
}  # fmt: skip
# Roles a single unnamed person can hold ("the driver", "a suspect"): 'he' may point to them.
PERSON_ROLES = {"CVL", "CRM", "GOV", "MIL", "COP", "JUD", "LEG", "MED", "EDU", "OPP", "ELI"}
# Mentions whose text is a name of the actor (kept as aliases), not a description of it.
# Matches that place something in a country.
COUNTRY_KINDS = {"country", "demonym", "capital", "place"}
NAME_KINDS = {"user", "person", "seat", "org", "country", "capital", "surname", "name"}
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$")


@dataclass
class Match:
    """A gazetteer match in the document text."""

    start: int
    end: int
    text: str
    entry: Entry
    token_start: int
    token_end: int


_UINT64 = (1 << 64) - 1
ROLE_CHILD_DEP_IDS = {_string_id(d) for d in ("compound", "amod", "appos")}


class _SentenceView:
    """A parsed sentence as plain lists (part of speech, dependency, head, where each token
    starts in the document and its text): reading them builds no spaCy token."""

    __slots__ = ("chars", "dep", "doc", "heads", "offset", "pos", "poss", "texts")

    def __init__(self, doc: Doc, offset: int, text: str) -> None:
        self.doc = doc
        self.offset = offset
        # column by column: a list per row would be thousands of small objects per document
        self.pos, self.dep, heads, idx, lengths = doc.to_array(
            [POS_ATTR, DEP_ATTR, HEAD_ATTR, IDX_ATTR, LENGTH_ATTR]
        ).T.tolist()
        # HEAD is stored relative to the token, as an unsigned 64-bit number: adding the
        # token's own index wraps round to the head's index
        self.heads = [(h + i) & _UINT64 for i, h in enumerate(heads)]
        self.chars = [c + offset for c in idx]
        self.texts = [text[c : c + n] for c, n in zip(self.chars, lengths, strict=True)]
        dep, pos = self.dep, self.pos
        self.poss = (
            [i for i, d in enumerate(dep) if d == POSS_DEP_ID and pos[i] == PRON]
            if POSS_DEP_ID in dep
            else []
        )

    def token_at(self, char: int) -> int | None:
        """The index of the token that starts at document offset ``char``."""
        k = bisect.bisect_left(self.chars, char)
        return k if k < len(self.chars) and self.chars[k] == char else None


class DocumentActors:
    """Actors and mentions of one document, filled as the document is read."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        tokens: Doc,
        date: str,
        role_labels: dict[str, str],
        text: str | None = None,
    ):
        self.gaz = gazetteer
        self.tokens = tokens
        self.date = date
        self.role_labels = role_labels
        # read through arrays: walking the document would build a token object per word
        self.text = tokens.text if text is None else text
        cols = tokens.to_array([IDX_ATTR, LENGTH_ATTR, SENT_START_ATTR])
        self._token_starts: list[int] = cols[:, 0].tolist()  # where each token of the text starts
        ends = (cols[:, 0] + cols[:, 1]).tolist()
        words = list(map(self.text.__getitem__, map(slice, self._token_starts, ends)))
        positions: defaultdict[str, list[int]] = defaultdict(list)
        for i, word in enumerate(words):
            positions[word].append(i)
        self._positions: dict[str, list[int]] = dict(positions)  # token text -> token indices
        # the tokens that start with a capital and do not start a sentence: names may stand there
        opens = (cols[:, 2] == 1).tolist()
        self._opens: list[bool] = opens  # tokens that open a sentence of the segmenter
        self._not_names = gazetteer.cues.get("not_a_name", frozenset())  # 'Thursday'
        self._capital_words: list[tuple[int, str]] = [
            (i, word)
            for i, word in enumerate(words)
            if word[:1].isupper() and not opens[i] and word.lower() not in self._not_names
        ]
        self.actors: dict[str, Actor] = {}
        self.mentions: dict[tuple[int, int], Mention] = {}
        # mentions a pronoun may point back to, (start, seq, key) in text order: of people,
        # and of other actors; adjectives, places and pronouns themselves are left out
        self._persons: list[tuple[int, int, tuple[int, int]]] = []
        self._things: list[tuple[int, int, tuple[int, int]]] = []
        self._seq: dict[tuple[int, int], int] = {}
        self._sent_starts: list[int] | None = None  # where the segmenter's sentences start
        self._resolving_subject = False  # a cataphor is resolving its sentence's subject
        self._gender: dict[str, str] = {}  # person -> 'm' or 'f', from the pronouns used
        self.matches: list[Match] = self._match()
        self._starts = [m.start for m in self.matches]
        # every character a match covers -> the match: asked for ~500 times per document
        self._covering: dict[int, Match] = {
            char: m for m in self.matches for char in range(m.start, m.end)
        }
        self._surnames: dict[str, str] = {}  # surname or full name -> person actor id
        self._unknown_names: set[str] = set()  # people named in the text whom dyad cannot code
        self._unknown_at: list[tuple[int, str]] = []  # where they are mentioned
        self._individuals: set[tuple[int, int]] = set()  # role phrases naming one person
        self._weak: set[str] = set()  # people coded with the document's country, not their own
        self._defaulted = False  # the latest title took the document's country
        self._described: set[tuple[int, int]] = set()  # mentions spanning a whole noun phrase
        self._views: list[_SentenceView] = []  # the parsed sentences, in text order
        self._view_starts: list[int] = []  # where they start
        self._name_chars: list[int] = []  # where the words of ``_surnames`` stand, sorted
        self._poss: dict[int, tuple[Doc, list[int]]] = {}  # sentence -> possessive pronouns
        self._runs: dict[int, tuple[Doc, list[Span]]] = {}  # sentence -> unknown name runs
        self._nps: dict[int, tuple[Doc, dict[int, list[Token]]]] = {}  # sentence -> phrases
        self._starts_in: dict[int, tuple[Doc, dict[int, int]]] = {}  # sentence -> token starts
        self._linking = False  # once set, a new name is looked for in the whole text at once
        self._last_key: tuple[int, int] = (0, 0)  # the mention the latest noun phrase made
        self._loose = False  # the latest role came from a word that only modifies the head
        self._named: set[int] = set()  # where the mentions of people by name start
        # role word -> where it described which actor ("Iranian airline Mahan Air"), in text order
        self._by_head: dict[str, list[tuple[int, str]]] = {}
        # title word -> where a person was introduced with it ("Mayor Dee Margo"), in order
        self._titled: dict[str, list[tuple[int, str]]] = {}
        self._title_words: list[str] = []  # title words of the latest left context read
        self._introduced: set[int] = set()  # unnamed individuals a later name was given to
        self._swept: dict[tuple[int, int], ActorRef] = {}  # role arguments resolved in the sweep
        self._reading: Doc | None = None  # the sentence the event stage reads (``reading``)
        # its arguments -> answers given: (actor, direct, places, which of the two it used)
        self._answers: dict[tuple[int, int], list[tuple[ActorRef | None, bool, bool, int]]] = {}
        self._depends = 0  # ON_DIRECT | ON_PLACES: what the latest composition looked at
        # private people named with no word for their part ("An Australian, Ann Lee, 28,"),
        # in text order: 'the accused' or 'the suspect' later is one of them
        self._roleless: list[tuple[int, str]] = []
        self._acts: list[tuple[int, str]] = []  # (where, doer) of the events coded so far
        self.default_country = self._main_country()
        self._where = self._located_country()
        self._register_known_surnames()
        self._register_short_names()
        self._register_titled_people()
        self._match_surnames()
        self._linking = True

    # ---------------------------------------------------------------- whole-text pass

    def _match(self) -> list[Match]:
        spans: list[tuple[Span, list[Entry]]] = []
        self.gaz.fold_doc(self.tokens)
        for name, matcher in self.gaz.matchers.items():
            for _, start, end in matcher(self.tokens):
                span = self.tokens[start:end]
                entries = self.gaz.lookup(span.text, self.date)
                if not entries:
                    entries = self._former(span.text)
                if not entries:
                    continue
                top = entries[0]
                proper = top.kind not in ("title", "sector")
                if name == "lower" and proper and not _capitalised(span):
                    continue
                if top.exact and not self._alone_capitalised(span):
                    continue
                if not proper and _against(span):
                    continue  # "an anti-gang unit" is no gang
                if top.kind == "title" and self._names_a_body(span):
                    continue  # "the Maryland General Assembly" has no general
                if top.kind == "person" and (
                    _runs_on(span)
                    or (len(span) == 1 and self._other_given_name(span.start, top.name))
                ):
                    continue  # "Park Jin-young", "Hunter Biden": someone else
                spans.append((span, entries))
        # Longest first, then priority; keep non-overlapping.
        spans.sort(key=lambda s: (-(s[0].end - s[0].start), -PRIORITY[s[1][0].kind], s[0].start))
        taken: set[int] = set()
        out: list[Match] = []
        for span, entries in spans:
            if any(i in taken for i in range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            out.append(
                Match(span.start_char, span.end_char, span.text, entries[0], span.start, span.end)
            )
        out.sort(key=lambda m: m.start)
        return out

    def _index_at(self, char: int) -> int:
        """The index of the token of the text that starts at ``char`` (0 if none does)."""
        k = bisect.bisect_left(self._token_starts, char)
        return k if k < len(self._token_starts) and self._token_starts[k] == char else 0

    def _other_given_name(self, i: int, name: str) -> bool:
        """A bare surname (token ``i``) right after a capitalised word that is not in the
        person's ``name`` and is no title, honorific or other known name ('Hunter Biden' is
        not Joe Biden) names someone else."""
        if i == 0:
            return False
        prev = self.tokens[i - 1]
        if prev.text in name.split():
            return False
        if prev.is_sent_start or not prev.is_alpha or not prev.text[:1].isupper():
            return False
        if prev.whitespace_ != " " or fold(prev.text) in self.gaz.genders.get("title", {}):
            return False
        return not self.gaz.lookup(prev.text, self.date) and not self.gaz.dated_out(prev.text)

    def _names_a_body(self, span: Span) -> bool:
        """A capitalised title word followed by a capitalised word for a body is part of that
        body's name ('General Assembly', 'Ombudsman Office')."""
        end = span.end
        if end >= len(self.tokens) or not span[0].text[:1].isupper():
            return False
        nxt = self.tokens[end]
        words = self.gaz.cues.get("institution_word", ())
        return nxt.text[:1].isupper() and fold(nxt.text) in words

    def _alone_capitalised(self, span: Span) -> bool:
        """A role word that is one only when capitalised ('the House') must not open a
        sentence ('House prices rose'), end another name ('Chatham House') or begin one
        ('House of Commons')."""
        first = span[0]
        if first.is_sent_start or first.i == 0:
            return False
        if span.end < len(self.tokens) and self.tokens[span.end].lower_ == "of":
            return False  # 'House of Commons', 'House of Saud': a name of its own
        before = self.tokens[first.i - 1]
        return not (before.text[:1].isupper() and before.is_alpha and before.lower_ != "the")

    def _former(self, surface: str) -> list[Entry]:
        """A known person outside every dated term: former officials code as ELI after office."""
        rows = [e for e in self.gaz.dated_out(surface) if e.kind == "person"]
        past = [e for e in rows if e.end and e.end <= self.date]
        if not past:  # not yet in office; between two terms a person is a former official
            return []
        last = max(past, key=lambda e: e.end or "")
        return [
            Entry(
                last.id,
                last.pattern,
                "person",
                last.code[:3] + FORMER_ROLE,
                last.name,
                last.country,
                last.end,
                None,
                "person",
            )
        ]

    def _register_known_surnames(self) -> None:
        """A known person named in full ("Boris Johnson") is meant by the bare surname later in
        the same document, even where the surname alone is too ambiguous for the tables."""
        for m in self.matches:
            e = m.entry
            if e.kind != "person" or m.token_end - m.token_start < 2:
                continue
            actor_id = "person:" + _slug(e.name)
            self._actor(actor_id, e.name, self._titled_code(m), kind="person")
            self._add_name(self._called_by(m), actor_id)
            # "Crown Prince Mohammed bin Salman" ... "the crown prince": the same person
            self._note_titled(self._titles_before(m.token_start), m.start, actor_id)

    def _titled_code(self, m: Match) -> str:
        """A known person outside every listed term is a former official, unless the text
        gives a title of the same country ("Conservative MP Philip Hammond"): the title wins."""
        e = m.entry
        if not e.code.endswith(FORMER_ROLE) or m.token_start == 0:
            return e.code
        code = self._code_from_left_context(m.token_start)
        self._title_words, self._defaulted = [], False
        if code is None or code.endswith(FORMER_ROLE) or code[:3] != e.code[:3]:
            return e.code
        return code

    def _called_by(self, m: Match) -> str:
        """The word a known person named in full is called by later: the surname, last in
        most names; first in Chinese and Korean names ("Wang Yi": Wang), unless the name
        starts with a Western given name ("Carrie Lam"); the given name, first, in a name
        with a patronymic ("Mohammed bin Salman": 'Salman' is his father)."""
        words = [t.text for t in self.tokens[m.token_start : m.token_end]]
        cues = self.gaz.cues
        if any(w.lower() in cues.get("patronymic", ()) for w in words[1:-1]):
            return words[0]
        country = (m.entry.country or m.entry.code[:3]).lower()
        given = self.gaz.genders.get("given", {})
        if country in cues.get("family_name_first", ()) and fold(words[0]) not in given:
            return words[0]
        return words[-1]

    def _titles_before(self, i: int) -> list[str]:
        """The title words right before token ``i`` ("Crown Prince", "Foreign Minister")."""
        words: list[str] = []
        k = i - 1
        while k >= 0:
            match = self.match_at_token(k)
            if match is None or match.entry.kind != "title":
                break
            words.append(match.text.split()[-1].lower())
            k = match.token_start - 1
        return words

    def _register_short_names(self) -> None:
        """'Mahan Air' ... 'Mahan': a company named in full is called later by the one word
        of its name that is not a generic company word, when the text never writes that word
        in small letters (so it is no common word)."""
        generic = self.gaz.cues.get("company_word", frozenset())
        for m in self.matches:
            e = m.entry
            if e.kind != "org" or e.actor_kind != "company" or m.token_end - m.token_start < 2:
                continue
            words = self.tokens[m.token_start : m.token_end]
            first = words[0].text
            if not all(fold(t.text) in generic for t in words[1:]) or fold(first) in generic:
                continue
            if len(first) < 3 or not first.isalpha() or not first[:1].isupper():
                continue
            if first.lower() in self._positions or first in self._surnames:
                continue
            self._add_name(first, self._code_actor(e.code, e.name))

    def _register_titled_people(self) -> None:
        """People introduced as '[country/seat] title Firstname Lastname' get that code; so do
        the next names of a list after a plural title ("Senators Ann Lee and Bo Park"), and a
        name followed by its description ("Ann Lee, a Canadian lawyer")."""
        toks = self.tokens
        ok = [
            i
            for i, word in self._capital_words
            if _is_name_word(word) and self.match_at_token(i) is None
        ]
        listed: tuple[int, str, bool] | None = None  # (end of run, code, weak) of a plural title
        previous = -1  # where the last run of names ended
        n = 0
        while n < len(ok):
            i = ok[n]
            m = n
            while m + 1 < len(ok) and ok[m + 1] == ok[m] + 1:
                m += 1
            j = ok[m] + 1  # the run of name words is toks[i:j]
            n = m + 1
            if j - i == 1 and self._is_known_surname(toks[i].text):
                previous = j  # "Prime Minister Johnson" after "Boris Johnson": the same person
                continue
            if not self._person_run(i, j):
                continue
            if j - i >= 2 or (j - i == 1 and i > 0):
                self._defaulted = False
                roleless = False
                code = self._code_from_left_context(i)
                plural = bool(self._title_words) and _plural(self._title_words[0])
                # "..., Adam Lee and Bo Park": the next names of a list after a plural title
                if (
                    code is None
                    and listed is not None
                    and j - i >= 2
                    and self._list_link(listed[0], i)
                ):
                    code, self._defaulted = listed[1], listed[2]
                    plural = True
                if code is None and j - i >= 2:
                    code = self._code_from_description(j)
                elif code is None and self._first_name_at_start(i):
                    code = self._code_from_description(j)  # "Howard Lee, a Toronto lawyer"
                    i = i - 1 if code else i
                if (
                    code is None
                    and not self._title_words
                    and not (0 <= i - previous <= 3 and self._list_link(previous, i))
                    and self._age_after(j)
                ):
                    # "Ann Lee, 39, said ...", also at the start of a sentence
                    if j - i == 1 and self._first_name_at_start(i):
                        i -= 1
                    if j - i >= 2:
                        nation = self._nationality_before(i)
                        code = f"{nation}CVL" if nation else self._private_code(toks[i].idx)
                        if code and (nation or code == f"{self._where}CVL"):
                            roleless = True  # no word yet says what part the person plays
                if code:
                    actor_id = self._register_person(toks[i:j], code)
                    if roleless:
                        self._roleless.append((toks[i].idx, actor_id))
                    if j - i >= 2:
                        self._note_titled(self._title_words, toks[i].idx, actor_id)
                    if self._defaulted:
                        self._weak.add(actor_id)
                listed = (j, code, self._defaulted) if code and plural else None
            previous = j

    def _person_run(self, i: int, j: int) -> bool:
        """Could the capitalised words toks[i:j] name a person? Not when a title follows them
        ('First Minister Ann Lee': 'First' is part of the title) nor when they end in a word
        for a body ('Maryland General Assembly')."""
        after = self.match_at_token(j) if j < len(self.tokens) else None
        if after is not None and after.entry.kind == "title" and after.token_start == j:
            return False
        return fold(self.tokens[j - 1].text) not in self.gaz.cues.get("institution_word", ())

    def _is_known_surname(self, word: str) -> bool:
        """The surname of a known person named in full in the text."""
        actor_id = self._surnames.get(word)
        return actor_id is not None and self.actors[actor_id].kind == "person"

    def _first_name_at_start(self, i: int) -> bool:
        """The word before a one-word name opens the sentence and looks like a given name
        ("Howard Lee, ..."); the name test leaves sentence starts out."""
        if i < 1:
            return False
        tok = self.tokens[i - 1]
        return (
            tok.is_sent_start
            and tok.lower_ not in self._not_names
            and bool(_NAME_TOKEN.match(tok.text))
            and tok.is_alpha
            and self.match_at_token(i - 1) is None
        )

    def _age_after(self, j: int) -> bool:
        """'Ann Lee, 39, said': a name followed by an age between commas is a private person
        introduced by the story (officials are introduced by their titles)."""
        toks = self.tokens
        if j + 2 >= len(toks) or toks[j].text != ",":
            return False
        k = j + 2 if toks[j + 1].lower_ == "aged" else j + 1  # "Ann Lee, aged 39,"
        if k + 1 >= len(toks) or not toks[k].is_digit:
            return False
        age = toks[k].text
        return len(age) <= 3 and 0 < int(age) < 120 and toks[k + 1].text in (",", "and", ")")

    def _nationality_before(self, i: int) -> str | None:
        """'An Australian, Ann Lee, 28,': a nationality noun in apposition before the name."""
        toks = self.tokens
        if i < 3 or toks[i - 1].text != ",":
            return None
        m = self.match_at_token(i - 2)
        if m is None or m.entry.kind != "demonym" or m.token_end != i - 1:
            return None
        if m.token_start < 1 or toks[m.token_start - 1].lower_ not in ("a", "an"):
            return None
        return m.entry.country or m.entry.code[:3]

    def _private_code(self, char: int) -> str | None:
        """The code of a private person first named at ``char``: that of the one person the
        story introduced before without a name ("a Canadian tourist ... Ann Lee, 39,"), once;
        otherwise a civilian of the country the story's located places are in."""
        k = bisect.bisect_left(self._starts, char)
        while k > 1:
            k -= 1
            m = self.matches[k]
            if m.entry.kind != "sector" or m.entry.code not in PRIVATE_ROLES:
                continue
            if m.start in self._introduced or _plural(m.text.split()[-1]):
                continue
            before = self.matches[k - 1]
            first = self.tokens[before.token_start - 1] if before.token_start > 0 else None
            if (
                before.token_end == m.token_start
                and before.entry.kind in ("demonym", "country")
                and first is not None
                and first.lower_ in ("a", "an")
            ):
                self._introduced.add(m.start)
                return (before.entry.country or before.entry.code[:3]) + m.entry.code
        return f"{self._where}CVL" if self._where else None

    def _list_link(self, end: int, start: int) -> bool:
        """Only list punctuation between two runs of names: ',', 'and', ', and'."""
        seen = False
        for t in self.tokens[end:start]:  # stops at the first other word: the runs may be far apart
            if t.is_space:
                continue
            if t.text not in (",", "and"):
                return False
            seen = True
        return seen

    def _code_from_description(self, j: int) -> str | None:
        """'Ann Lee, a Canadian lawyer', 'Ann Lee, a researcher in Turkey's foreign policy': a
        title right after the name and its comma, with the country named before the title or
        in a place phrase right after it. A phrase behind 'of' or 'for' describes someone
        else ("fiancée of journalist X"), so the title must come before any preposition."""
        toks = self.tokens
        k = j
        if k >= len(toks) or toks[k].text not in (",", "is", "was"):
            return None  # "Ann Lee, a ..." or "Ann Lee is a ..."
        k += 1
        country = role = None
        voice = False  # "a spokesperson for ...": the body named next gives the code
        limit = min(len(toks), k + 8)
        while k < limit:
            tok = toks[k]
            match = self.match_at_token(k)
            if match is None:
                if tok.lower_ in ("a", "an", "the", "'s", "’s", "former") or tok.is_space:
                    k += 1
                    continue
                if voice is False and role is not None and tok.lower_ in ("for", "of"):
                    title = self.match_at_token(k - 1)
                    words = self.gaz.cues.get("voice_title", ())
                    if title is not None and title.text.split()[-1].lower() in words:
                        voice, country, limit = True, None, min(len(toks), k + 8)
                        k += 1
                        continue
                if voice and tok.is_title and tok.is_alpha:
                    k += 1  # a word of the body's name ("the National Police")
                    continue
                if role is not None and tok.lower_ in ("in", "at", "from", "of") and not country:
                    k += 1
                    continue
                if role is None and tok.is_alpha and tok.is_lower and tok.lower_ not in _PREPS:
                    k += 1  # other words of the description ("a senior researcher")
                    continue
                break
            kind = match.entry.kind
            if voice and kind in ("sector", "title", "org", "seat"):
                # the body the spokesperson speaks for, after its country if named; of its
                # role words the last is its head ("the National Police")
                if kind in ("org", "seat"):
                    return match.entry.code
                role = match.entry.code
                k = match.token_end
                continue
            if voice and kind in ("country", "demonym") and country is None:
                country = match.entry.country or match.entry.code[:3]
                k = match.token_end
                continue
            if kind == "title" and role is None:
                role = match.entry.code
                if any(t.lower_ == "former" for t in toks[j:k]):
                    role = FORMER_ROLE
            elif kind == "sector" and role is None and country:
                if match.entry.code not in PRIVATE_ROLES:
                    break
                role = match.entry.code  # "Ann Lee is a Turkish national"
            elif kind in ("country", "demonym", "capital", "place") and country is None:
                country = match.entry.country or match.entry.code[:3]
                if role is not None:
                    break
            else:
                break
            k = match.token_end
        if role and country:
            return _compose(country, role)
        return None

    def _note_head(self, word: str, char: int, actor_id: str) -> None:
        entries = self._by_head.setdefault(word, [])
        if (char, actor_id) not in entries:
            bisect.insort(entries, (char, actor_id))

    def _head_before(self, word: str, char: int) -> str | None:
        """The actor the role word last described before ``char`` ("the airline" after
        "Iranian airline Mahan Air"); never one the text only introduces later."""
        entries = self._by_head.get(word, ())
        k = bisect.bisect_left(entries, (char, ""))
        return entries[k - 1][1] if k > 0 else None

    def _listed_after(
        self, token: Token, matches: list[Match], code: str, explicit: bool, offset: int
    ) -> None:
        """'officers Ann Lee and Bo Park': the other names joined to a name after a plural
        title hold the same title."""
        if not any(m.entry.kind == "title" and _plural(m.text.split()[-1]) for m in matches):
            return
        for conj in token.children:
            if conj.dep_ == "conj" and self._unknown_name(conj, offset):
                self._name_person(conj, code, explicit, offset)

    def _name_person(self, token: Token, code: str, explicit: bool, offset: int) -> None:
        """Register the unknown name a token heads as a person with this code."""
        span = self._name_span(token, self._noun_phrase(token), offset)
        if span is None or span.text in self._surnames:
            return
        actor_id = "person:" + _slug(span.text)
        self._actor(actor_id, span.text, code, kind="person")
        self._settle(actor_id, code, explicit)
        self._add_name(span.text, actor_id)
        self._add_name(span[-1].text, actor_id)
        self._mention(span.start_char + offset, span.end_char + offset, actor_id, "name")

    def _named_members(self, token: Token, code: str, offset: int) -> None:
        """'met officers Ann Lee and Bo Park' parsed with the names in apposition to the
        plural title: each name is a person of the body the title stands for."""
        if token.tag_ != "NNS":
            return
        for child in token.children:
            if child.dep_ == "appos" and self._unknown_name(child, offset):
                self._name_person(child, code, False, offset)
                for conj in child.children:
                    if conj.dep_ == "conj" and self._unknown_name(conj, offset):
                        self._name_person(conj, code, False, offset)

    def _roleless_before(self, char: int) -> str | None:
        """The latest private person named before ``char`` with no word for their part."""
        k = bisect.bisect_left(self._roleless, (char, ""))
        return self._roleless[k - 1][1] if k > 0 else None

    def _body_before(self, matches: list[Match], offset: int) -> str | None:
        """The code of the group (not a person) that a title word of the phrase described
        earlier in the text, if any."""
        for m in matches:
            if m.entry.kind != "title":
                continue
            earlier = self._head_before(m.text.split()[-1].lower(), m.start)
            if earlier is not None and self.actors[earlier].kind != "person":
                return self.actors[earlier].code
        return None

    def _note_titled(self, words: list[str], char: int, actor_id: str) -> None:
        for word in words:
            self._titled.setdefault(word, []).append((char, actor_id))

    def _titled_before(self, word: str, char: int, country: str | None) -> str | None:
        """The person most recently introduced with this title word before ``char`` (of this
        country, when the description names one): 'the mayor' after 'Mayor Dee Margo'."""
        found: list[str] = []
        for at, actor_id in reversed(self._titled.get(word, ())):
            actor = self.actors[actor_id]
            same = country is None or (actor.country or actor.code[:3]) == country
            if at < char and same and actor_id not in found:
                found.append(actor_id)
        if len(found) < 2:
            return found[0] if found else None
        # two people introduced with the title ("US President X", "Turkish President Y"):
        # the one the text spoke of last, by any name or pronoun, not the one introduced last
        k = bisect.bisect_left(self._persons, (char,))
        for _, _, key in reversed(self._persons[max(0, k - 200) : k]):
            if self.mentions[key].actor in found:
                return self.mentions[key].actor
        return found[0]

    def _code_from_left_context(self, i: int) -> str | None:
        country = role = own = None
        private = False
        voice: int | None = None  # where a spokesperson's title starts
        self._title_words = []
        k = i - 1
        while k >= 0:
            match = self.match_at_token(k)
            if match is None:
                tok = self.tokens[k]
                if tok.is_punct or tok.is_space or not (tok.is_title or tok.is_lower):
                    break
                if tok.lower_ in {"the", "a", "an", "'s", "of", "former"}:
                    k -= 1
                    continue
                # other words may be part of a title ("Defense" in "Defense Minister")
                if tok.is_title:
                    k -= 1
                    continue
                break
            kind = match.entry.kind
            if kind == "title":
                self._title_words.append(match.text.split()[-1].lower())
            if kind == "title" and role is None:
                role = match.entry.code
                own = match.entry.country  # "Foreign Secretary": a British title
                if match.text.split()[-1].lower() in self.gaz.cues.get("voice_title", ()):
                    voice = match.token_start
            elif kind in ("sector", "title") and match.token_end == voice:
                # "police spokesman", "military spokesperson": who speaks for a body has its role
                role, voice = match.entry.code, None
            elif kind == "sector" and role is None and match.token_end == i:
                if match.entry.code not in PRIVATE_ROLES:
                    break
                # "Turkish national Hatice Cengiz", "British teenager Tom Lee": a private
                # person's noun gives a role only with the country named before it
                role, private = match.entry.code, True
            elif (
                kind in ("country", "demonym", "capital", "seat", "org", "place")
                and country is None
            ):
                before = self._accredited_to(match.token_start)
                if before is not None:
                    k = before  # "Ambassador to Germany": where he serves, not whom for
                    continue
                country = match.entry.code[:3] if kind != "org" else match.entry.code
                break
            k = match.token_start - 1
        if private and not country:
            # "killed motorcyclist Tom Lee": a private person of the country where the story
            # happens, when its located places agree; else no code
            if self._where is None:
                return None
            country = self._where
        if role and not country and own:
            country = own
        if role and not country and self._bare_title(i):
            country = self._fallback_country(i, role)  # "President Brenda Hale", British story
            self._defaulted = True
        if role and any(_former_word(self.tokens[j]) for j in range(max(k - 3, 0), i)):
            role = FORMER_ROLE  # "former federal prosecutor Elie Honig"
        if role and country:
            return _compose(country, role)
        return None

    def _fallback_country(self, i: int, role: str) -> str | None:
        """The country a title before a name takes when its phrase names none."""
        return self._default_for(self.tokens[i].idx, role)

    def _default_for(
        self, char: int, role: str, sentence: tuple[int, int] | None = None
    ) -> str | None:
        """The country of a role whose phrase names none, from positive evidence only:
        a role that is mostly local (police, courts, private people) takes the country all
        the text's located places are in ("police" in a story set in Northampton); otherwise
        the document's main country when the paragraph names it or names no country at all;
        otherwise, for a role in a parsed sentence, the one country the sentence names."""
        para = self._paragraph_countries(char)
        if role in LOCAL_ROLES and self._where is not None:
            return self._where
        main = self.default_country
        if main is not None and (main in para or not para):
            return main
        if sentence is not None:
            named = self._countries_between(*sentence, demonyms=False)
            if len(named) == 1:
                return next(iter(named))
        return None

    def _paragraph_countries(self, char: int) -> set[str]:
        """Countries named in the paragraph (line of text) around ``char``."""
        start = self.text.rfind("\n", 0, char) + 1
        end = self.text.find("\n", char)
        return self._countries_between(start, len(self.text) if end < 0 else end)

    def _countries_between(self, start: int, end: int, demonyms: bool = True) -> set[str]:
        """Countries named between two offsets; ``demonyms=False`` leaves out adjectives,
        which mostly describe things ("met at an Irish pub")."""
        k = bisect.bisect_left(self._starts, start)
        found = set()
        while k < len(self.matches) and self.matches[k].start < end:
            m = self.matches[k]
            if m.entry.kind in COUNTRY_KINDS and (demonyms or m.entry.kind != "demonym"):
                found.add(m.entry.country or m.entry.code[:3])
            k += 1
        return found

    def _located_country(self) -> str | None:
        """The country that the text's located places lie in ("in Paris", "at a hospital in
        Watford"), when they all agree, or one has twice the count of any other."""
        counts: dict[str, int] = {}
        for m in self.matches:
            if m.entry.kind not in ("place", "capital") or m.token_start == 0:
                continue
            if self.tokens[m.token_start - 1].lower_ not in LOCATED_PREPS:
                continue
            c = m.entry.country or m.entry.code[:3]
            counts[c] = counts.get(c, 0) + 1
        if not counts:
            return None
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        second = ranked[1][1] if len(ranked) > 1 else 0
        return ranked[0][0] if ranked[0][1] >= 2 * second else None

    def _accredited_to(self, start: int) -> int | None:
        """In 'Ambassador to Germany', 'envoy to the United Nations' the place after 'to' is
        where the title holder serves. The index of the title before 'to', if so."""
        k = start - 1
        if k >= 0 and self.tokens[k].lower_ == "the":
            k -= 1
        if k < 1 or self.tokens[k].lower_ != "to":
            return None
        title = self.match_at_token(k - 1)
        return k - 1 if title is not None and title.entry.kind == "title" else None

    def _bare_title(self, i: int) -> bool:
        """A title right before the name, with nothing that names a country before it."""
        m = self.match_at_token(i - 1) if i > 0 else None
        return m is not None and m.entry.kind == "title"

    def _register_person(self, span: Span, code: str) -> str:
        name = span.text
        actor_id = "person:" + _slug(name)
        self._actor(actor_id, name, code, kind="person")
        self._add_name(name, actor_id)
        self._add_name(span[-1].text, actor_id)
        self._mention(span.start_char, span.end_char, actor_id, "name")
        return actor_id

    def _add_name(self, key: str, actor_id: str) -> None:
        """Remember a name or surname of an actor; after the first pass, also mark its other
        occurrences in the whole text at once, so that a pronoun further on can point to them."""
        if key in self._surnames:
            return
        self._surnames[key] = actor_id
        for i in self._positions.get(key, ()):
            bisect.insort(self._name_chars, self.tokens[i].idx)
        if not self._linking:
            return
        name = self.actors[actor_id].name
        for i in self._positions.get(key, ()):
            if not self.match_at_token(i) and not self._other_given_name(i, name):
                tok = self.tokens[i]
                self._mention(tok.idx, tok.idx + len(tok.text), actor_id, "surname")

    def _match_surnames(self) -> None:
        """Later mentions of a registered person by surname or full name."""
        for key, actor_id in list(self._surnames.items()):
            name = self.actors[actor_id].name
            for i in self._positions.get(key, ()):
                if not self.match_at_token(i) and not self._other_given_name(i, name):
                    tok = self.tokens[i]
                    self._mention(tok.idx, tok.idx + len(tok.text), actor_id, "surname")

    def note_people(self, doc: Doc, offset: int) -> None:
        """Remember people the parser names that no table knows, so that 'he' after them does
        not jump back to an earlier, known person. (The sentence is read through arrays: walking
        a parsed sentence builds every token anew, and most words are no actor.)"""
        view = _SentenceView(doc, offset, self.text)
        self._views.append(view)
        self._view_starts.append(offset)
        self._poss[id(doc)] = (doc, view.poss)
        for run in self._name_runs(doc, offset, view):
            if len(run) < 2 or run.text in self._surnames or run[-1].text in self._surnames:
                continue
            self._unknown_names.update({run.text, run[-1].text})
        found = self._unknown_names.intersection(view.texts).difference(self._surnames)
        if found:
            for char, text in zip(view.chars, view.texts, strict=True):
                if text in found:
                    self._unknown_at.append((char, text))
            self._unknown_at.sort()
        self._sweep(doc, view)

    def _sweep(self, doc: Doc, view: _SentenceView) -> None:
        """Every noun phrase of a parsed sentence that stands for an actor becomes a mention,
        not only the arguments of events ("Adamowicz's former party", "Quirin, Redouane and an
        unidentified third officer"). Modifiers are left to the phrase they modify."""
        offset = view.offset
        role_heads = self._role_heads(view)
        # tokens with a role word right under them ('French police officers', 'Iranian airline
        # Mahan Air')
        role_parents = {
            view.heads[j]
            for j in role_heads
            if view.heads[j] != j and view.dep[j] in ROLE_CHILD_DEP_IDS
        }
        for i, (pos, dep) in enumerate(zip(view.pos, view.dep, strict=True)):
            if pos not in SWEPT_POS:
                continue
            if dep in NOT_SWEPT_DEP_IDS and not (
                dep in ARGUMENT_DEP_IDS and (i in role_heads or i in role_parents)
            ):
                continue
            char = view.chars[i]
            if (char, char + len(view.texts[i])) in self.mentions:
                continue
            tok = doc[i]
            if self._may_be_actor(tok, offset) and self._under(tok, offset) != NOTHING:
                ref = self._resolve(tok, offset, direct=True, places=False, strict=True)
                if ref is not None and dep in ARGUMENT_DEP_IDS and i in role_heads:
                    # the event stage asks again for this argument: a role word heads it, so
                    # the answer does not depend on how it is asked
                    self._swept[(char, i)] = ref

    def _role_heads(self, view: _SentenceView) -> set[int]:
        """Tokens of a sentence inside a match of a role word (sector or title)."""
        out: set[int] = set()
        lo = view.offset
        hi = view.chars[-1] + 1 if view.chars else lo
        k = max(bisect.bisect_right(self._starts, lo) - 1, 0)
        while k < len(self.matches) and self.matches[k].start < hi:
            m = self.matches[k]
            k += 1
            if m.end <= lo or m.entry.kind not in ("sector", "title"):
                continue
            first = bisect.bisect_left(view.chars, m.start)
            last = bisect.bisect_left(view.chars, m.end)
            out.update(range(first, last))
        return out

    def _parsed_token(self, char: int) -> Token | None:
        """The token of a parsed sentence that starts at document offset ``char``, if any."""
        k = bisect.bisect_right(self._view_starts, char) - 1
        if k < 0:
            return None
        i = self._views[k].token_at(char)
        return None if i is None else self._views[k].doc[i]

    def _role_head(self, tok: Token, offset: int) -> bool:
        """An argument headed by a role word: resolved in reading order, so that a bare role
        word later ("officers Ann Lee and Bo Park") finds the body it described, even when a
        quotation is read before the events of the sentences before it."""
        m = self.match_at_char(tok.idx + offset)
        return m is not None and m.entry.kind in ("sector", "title")

    def _may_be_actor(self, tok: Token, offset: int) -> bool:
        """Cheap test before composing a phrase: the word or one of its modifiers is a known
        name or role word, or the word is a surname, a member noun or 'country'."""
        if self.match_at_char(tok.idx + offset) is not None or tok.text in self._surnames:
            return True
        if tok.lower_ in self.gaz.member_nouns or tok.lemma_.lower() in SELF_WORDS:
            return True
        return any(
            c.dep_ in ("appos", "compound", "amod", "poss", "nmod", "prep")
            and (
                self.match_at_char(c.idx + offset) is not None
                or (
                    c.dep_ == "prep" and any(self.match_at_char(g.idx + offset) for g in c.children)
                )
            )
            for c in tok.children
        )

    def _name_runs(self, doc: Doc, offset: int, view: _SentenceView | None = None) -> list[Span]:
        """Runs of capitalised proper nouns that no table knows: likely names of people.
        (The parser's own entity recogniser would double the cost of a parse.) Cached per
        sentence: the quote and event stages ask again for each name they meet."""
        cached = self._runs.get(id(doc))
        if cached is not None and cached[0] is doc:
            return cached[1]
        if view is None:
            view = _SentenceView(doc, offset, self.text)
        runs: list[Span] = []
        start = None
        for i, (pos, char) in enumerate(zip(view.pos, view.chars, strict=True)):
            ok = (
                pos == PROPN
                and self.text[char].isupper()
                and self.match_at_char(char) is None
                and view.texts[i].lower() not in self._not_names
            )
            if ok and start is None:
                start = i
            elif not ok and start is not None:
                runs.append(doc[start:i])
                start = None
        if start is not None:
            runs.append(doc[start : len(doc)])
        self._runs[id(doc)] = (doc, runs)
        return runs

    def _unknown_name(self, tok: Token, offset: int) -> bool:
        """A capitalised proper noun that no table knows and that can be a name ('Thursday' is
        none)."""
        return (
            tok.pos_ == "PROPN"
            and tok.text[:1].isupper()
            and self.match_at_char(tok.idx + offset) is None
            and tok.lower_ not in self._not_names
        )

    # ---------------------------------------------------------------- lookups

    def match_at_token(self, i: int) -> Match | None:
        """The gazetteer match covering token ``i`` of the tokenised text, if any."""
        return self.match_at_char(self._token_starts[i])

    def match_at_char(self, char: int) -> Match | None:
        return self._covering.get(char)

    # ---------------------------------------------------------------- parse-time resolution

    def resolve(
        self,
        token: Token,
        offset: int,
        direct: bool = False,
        places: bool = False,
        private: bool = False,
    ) -> ActorRef | None:
        """The actor a parsed token stands for, composed from its noun phrase; None if unknown.

        ``direct`` refuses actors that only modify a thing ("the Turkish initiative");
        ``places`` accepts a place for its country ("shelled Kharkiv": Ukraine); ``private``
        takes a person named without any role, in a document about one country, for a
        civilian of that country ("Judge Miller sentenced Paul Manafort")."""
        key = (token.idx + offset, token.i)
        ref = self._swept.get(key)
        if ref is None:
            ref = self._answer(token, key, offset, direct, places)
        if ref is None and private and self.default_country and token.pos_ == "PROPN":
            ref = self._private_person(token, offset)
        return ref

    def reading(self, doc: Doc | None) -> None:
        """Open (with None, close) the event stage's reading of one parsed sentence. While it
        lasts, an argument asked about again gets the answer it got first, unless the new
        question differs in a way that answer depended on (``direct``, ``places``). The event
        stage asks about most arguments twice or more: once in text order, then once for each
        event that takes them; one argument is one actor throughout its sentence."""
        self._reading = doc
        self._answers = {}

    def _answer(
        self, token: Token, key: tuple[int, int], offset: int, direct: bool, places: bool
    ) -> ActorRef | None:
        """``_resolve``, through the answers of the sentence being read (see ``reading``)."""
        if token.doc is not self._reading:
            return self._resolve(token, offset, direct, places)
        answers = self._answers.setdefault(key, [])
        for ref, asked_direct, asked_places, depends in answers:
            if (asked_direct == direct or not depends & ON_DIRECT) and (
                asked_places == places or not depends & ON_PLACES
            ):
                return ref
        outer, self._depends = self._depends, 0
        ref = self._resolve(token, offset, direct, places)
        answers.append((ref, direct, places, self._depends))
        self._depends |= outer
        return ref

    def note_act(self, doer: ActorRef, char: int) -> None:
        """An event the event stage coded, by its doer, at its trigger: 'the withdrawal' later
        may mean it (see ``act_of``). One entry per doer and trigger, however many targets."""
        if doer.actor is not None and (char, doer.actor) not in self._acts[-1:]:
            self._acts.append((char, doer.actor))

    def act_of(self, token: Token, offset: int, exclude: Collection[str]) -> ActorRef | None:
        """'Corbyn condemned the move', 'the SDF opposed the withdrawal': a definite act word
        (``act_noun`` cues) that names no owner of its own means the latest act reported in
        the last few sentences by someone not in ``exclude`` (who reacts to it); the reference
        is that act's doer. Only asked when the phrase resolved to no actor."""
        if token.tag_ != "NN" or token.lemma_.lower() not in self.gaz.cues.get("act_noun", ()):
            return None
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in token.children):
            return None
        char = token.idx + offset
        for where, actor_id in reversed(self._acts):
            if where >= char:
                continue
            if char - where > ACT_REACH:
                return None
            if actor_id not in exclude:
                return self._ref(actor_id, self._noun_phrase(token), offset, "modifier")
        return None

    def _private_person(self, token: Token, offset: int) -> ActorRef | None:
        runs = self._name_runs(token.doc, offset)
        run = next((r for r in runs if r.start <= token.i < r.end), None)
        if run is None or token.i != run.end - 1:
            return None
        actor_id = (
            self._surnames.get(run.text)
            or self._surnames.get(run[-1].text)
            or (self._variant_of(run.text) if len(run) == 1 else None)
        )
        if actor_id is None and len(run) == 1 and run.text.isupper():
            return None  # an acronym ('BTP') is no person's name
        if actor_id is None and self._led_by_body(run, offset):
            return None  # 'RAF Croughton': a base, not a person
        if actor_id is None:
            country = self._default_for(token.idx + offset, "CVL")
            if country is None:
                return None
            actor_id = "person:" + _slug(run.text)
            self._actor(actor_id, run.text, f"{country}CVL", kind="person")
            self._add_name(run.text, actor_id)
            self._add_name(run[-1].text, actor_id)
        start = run.start_char + offset
        end = start + len(run.text)
        self._mention(start, end, actor_id, "name")
        return ActorRef(self.actors[actor_id].code, run.text, start, end, actor_id)

    def _led_by_body(self, run: Span, offset: int) -> bool:
        """A run of names that opens with a word of places and bases ('RAF Croughton', 'Fort
        Bragg', 'Camp David') names a place, not a person; one that ends with a word that ends
        the names of bodies ('Federal Aviation Office') names a body."""
        if len(run) < 2:
            return False
        if fold(run[0].text) in self.gaz.cues.get("place_name_first", ()):
            return True
        return fold(run[-1].text) in self.gaz.cues.get("institution_word", ())

    def _resolve(
        self, token: Token, offset: int, direct: bool, places: bool, strict: bool = False
    ) -> ActorRef | None:
        if token.pos == PRON:
            return self._pronoun(token, offset)
        if token.lower == LATTER_ID and any(c.lower_ == "the" for c in token.children):
            return self._latter(token, offset)
        under = self._under(token, offset)
        if under == NOTHING:
            return None
        gerund_owner = _gerund_owner(token)
        if gerund_owner is not None:
            token = gerund_owner  # "Turkey's supplying Ukraine" mis-parsed around "Ukraine"
        if under == ONLY_POSSESSIVE and self._possessives_only(token, offset):
            return None
        np = self._noun_phrase(token)
        heads = [token, *[c for c in token.children if c.dep_ == "appos"]]
        matches = self._matches_in(np, offset)
        # 1. a head covered by a name with its own code
        for head in heads:
            m = self.match_at_char(head.idx + offset)
            whole = m is not None and m.end == head.idx + len(head.text) + offset  # ends at head
            if m is not None and m.entry.kind in ("capital", "place"):
                self._depends |= ON_PLACES
            if places and whole and m.entry.kind == "capital":
                # "shelled Kyiv", "a bomb in Kabul": the city hit, not the government there
                country = m.entry.country or m.entry.code[:3]
                return self._ref(self._code_actor(country), np, offset, "place", head=head)
            if m and m.entry.kind not in ("title", "sector", "demonym", "place"):
                ref = self._ref_for_match(m, np, offset, head=head)
                for sm in self._matches_in(np, offset):
                    if sm.entry.kind == "sector" and ref.actor:  # "Iranian airline Mahan Air"
                        self._note_head(sm.text.split()[-1].lower(), sm.start, ref.actor)
                return ref
            actor_id = self._surnames.get(head.text)
            if actor_id and self._other_given_name(
                self._index_at(head.idx + offset), self.actors[actor_id].name
            ):
                actor_id = None  # "Hunter Biden" after "Joe Biden"
            if actor_id:
                if actor_id in self._weak:  # "Jamal Khashoggi, a Saudi national"
                    nation = self._country(np, self._matches_in(np, offset), head, offset)
                    if nation and len(nation) == 3:
                        self._settle(actor_id, nation + "CVL", True)
                return self._ref(actor_id, np, offset, "surname", head=head)
            if places and m and m.entry.kind == "place":
                return self._ref(self._code_actor(m.entry.code), np, offset, "place", head=token)
            if whole and m.entry.kind == "demonym" and head.tag_ in ("NNPS", "NNS"):
                # "warned the Saudis", "the Turks said": a people named by its plural demonym
                return self._ref(self._code_actor(m.entry.code), np, offset, "demonym", head=head)
        # 2. a role or title head (or a name after a title) composed with a country
        self._loose = False
        role = self._role(heads, matches, offset, strict)
        if (
            not role
            and token.lower_ in self.gaz.member_nouns
            and not _before_name(token)  # "AU head Moussa Faki": a title before a person's name
        ):
            # "members of the European Union", "a Hamas source": a body's members, staff or
            # sources act for the body itself
            body = next((m for m in matches if m.entry.kind == "org"), None)
            if body is not None:
                return self._ref_for_match(body, np, offset, head=token)
        country = self._country(np, matches, token, offset)
        explicit = country or (self._country_from_place(token, offset) if role else None)
        if role and not country and any(is_coordinated_modifier(c) for c in token.children):
            return None  # "US and British authorities": bodies of two countries, no one code
        if role and token.tag_ in ("NN", "NNP") and any(c.lower_ == "the" for c in token.children):
            # 'the mayor', 'the El Paso mayor', 'the foreign minister': the person introduced
            # with that title before, of the same country if the description names one
            nation = explicit[:3] if isinstance(explicit, str) else None
            person = self._titled_before(token.lower_, token.idx + offset, nation)
            if person is not None:
                return self._ref(person, np, offset, "role", head=token)
        if role == "CRM" and not explicit and _definite_singular(token):
            person = self._roleless_before(token.idx + offset)
            if person is not None:
                # 'the accused' after "An Australian, Ann Lee, 28, appeared in court": the
                # person's country, in the part the phrase now gives
                code = self.actors[person].code[:3] + role
                return self._ref(self._code_actor(code), np, offset, "role", head=token)
        if role and not explicit and (token.pos_ == "NOUN" or self._role_head(token, offset)):
            earlier = self._head_before(token.lemma_.lower(), token.idx + offset)
            if earlier and not (token.tag_ == "NNS" and self.actors[earlier].kind == "person"):
                # "the airline" after "Iranian airline Mahan Air", "officers" after "French
                # police officers": the same actor again
                if self.actors[earlier].kind != "person":
                    self._named_members(token, self.actors[earlier].code, offset)
                return self._ref(earlier, np, offset, "role", head=token)
        inherited = None
        if role and not explicit and token.pos_ == "PROPN":
            # "met officers Ann Lee and Bo Park" after "French police officers": a bare title
            # before a name is the body the same word described before
            inherited = self._body_before(matches, offset)
            country = inherited[:3] if inherited else None
        if role and not country and not _owned_by_unknown(token, self, offset):
            country = (
                self._country_from_place(token, offset)
                or next((m.entry.country for m in matches if m.entry.kind == "title"), None)
                or self._default_for(
                    token.idx + offset, role, (offset, offset + _doc_length(token.doc))
                )
            )
        if role and country:
            code = inherited or _compose(country, role)
            span = self._name_span(token, np, offset)
            if span is not None:
                # a name with a title is a person; with a sector word ("Iranian airline Mahan
                # Air") an organisation
                kind = (
                    "person"
                    if any(m.entry.kind == "title" for m in matches)
                    and fold(span[-1].text) not in self.gaz.cues.get("institution_word", ())
                    else "organization"
                )
                actor_id = ("person:" if kind == "person" else "org:") + _slug(span.text)
                self._actor(actor_id, span.text, code, kind=kind)
                self._settle(actor_id, code, bool(explicit))
                for m in matches:
                    # a sector word beside a person's name is the body, not the person
                    # ("House of Commons Speaker John Bercow" ... "the House")
                    if m.entry.kind == "title" or (
                        m.entry.kind == "sector" and kind == "organization"
                    ):
                        self._note_head(m.text.split()[-1].lower(), m.start, actor_id)
                    if m.entry.kind == "title" and kind == "person":
                        self._note_titled(
                            [m.text.split()[-1].lower()], span.start_char + offset, actor_id
                        )
                self._add_name(span.text, actor_id)
                # a person is called by the surname later, an organisation by its first word
                self._add_name(span[-1 if kind == "person" else 0].text, actor_id)
                self._mention(span.start_char + offset, span.end_char + offset, actor_id, "name")
                if kind == "person":
                    self._listed_after(token, matches, code, bool(explicit), offset)
                return self._ref(actor_id, np, offset, "title", head=token)
            how = "modifier" if self._loose else "role"
            ref = self._ref(self._code_actor(code), np, offset, how, head=token)
            if explicit and how == "role":
                self._note_head(token.lemma_.lower(), ref.start, code)
                self._note_head(token.lower_, ref.start, code)
            if token.tag_ == "NN" and self._one_person(token, offset, role):
                self._individual((ref.start, ref.end))  # "the driver": a 'he' later
                self._individual(self._last_key)
            return ref
        # 3. a pronoun possessor's country: "his country"
        lemma = token.lemma_.lower()
        if lemma in SELF_WORDS:
            poss = [c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"]
            if poss:
                ref = self._pronoun(poss[0], offset)
                if ref:
                    suffix = "GOV" if lemma == "government" else ""
                    code = ref.code[:3] + suffix
                    return self._ref(self._code_actor(code), np, offset, "pronoun", head=token)
            elif lemma in ("country", "nation") and token.tag_ == "NN" and _only_the(token):
                # "the country's borders": the country or government the text named last; a
                # bare "the country" is mostly a place ("left the country")
                actor_id = self._country_before(token.idx + offset)
                if actor_id is not None:
                    return self._ref(actor_id, np, offset, "pronoun", head=token)
        # 4. a thing marked by its owner: "the Turkish initiative", "Turkey's offer"
        self._depends |= ON_DIRECT
        if token.pos_ in ("NOUN", "PROPN") and not role and not direct:
            owners = [c for c in token.children if c.dep_ in ("amod", "poss", "compound")]
            owners += [
                g
                for c in owners
                if c.dep_ == "compound"
                for g in c.children
                if g.dep_ in ("amod", "poss", "compound")
            ]
            for child in owners:
                if child.pos_ != "PRON":
                    m = self.match_at_char(child.idx + offset)
                    # a person's thing is theirs ("Putin's invitation"); a person's person
                    # ("Erdogan's rival") is someone else
                    person_head = token.pos_ == "PROPN" or token.lemma_.lower() in PERSON_NOUNS
                    if (m and m.entry.kind in ("demonym", "country", "org", "seat")) or (
                        m and m.entry.kind == "person" and not person_head
                    ):
                        return self._ref_for_match(m, np, offset, how="modifier")
        return None

    def _under(self, token: Token, offset: int) -> int:
        """What the token governs that could make it an actor: NOTHING (no gazetteer match, no
        known name, no possessive pronoun and no self word such as 'country' in its subtree),
        ONLY_POSSESSIVE (possessive pronouns and nothing else: "his agency") or SOMETHING. The
        noun phrase is a part of the subtree, so composing it would find nothing more; most
        arguments of events end here, before the costlier composition."""
        if token.lemma_.lower() in SELF_WORDS:
            return SOMETHING
        left, right = token.left_edge, token.right_edge
        start = left.idx + offset
        end = right.idx + len(right.text) + offset
        k = bisect.bisect_left(self._starts, end) - 1
        if k >= 0 and self.matches[k].end > start:
            return SOMETHING
        at = self._name_chars
        n = bisect.bisect_left(at, start)
        if n < len(at) and at[n] < end:
            return SOMETHING
        # a possessive pronoun ("its staff") is resolved on the way, as a mention of its own
        poss = self._poss_in(token.doc)
        n = bisect.bisect_left(poss, left.i)
        return ONLY_POSSESSIVE if n < len(poss) and poss[n] <= right.i else NOTHING

    def _possessives_only(self, token: Token, offset: int) -> bool:
        """Composing a phrase whose only clue is a possessive pronoun ("his agency") finds no
        actor; on the way it resolves the pronouns, in order, up to the first that points back
        to someone (the country test of ``_country``). This does that and nothing else, unless
        a word of the phrase is a known name after all (a sentence tokenised apart from the
        whole text): then it returns False, and the phrase is composed in full."""
        np = self._noun_phrase(token)
        if any(t.text in self._surnames for t in np) or any(
            c.dep == APPOS_DEP_ID and c.text in self._surnames for c in token.children
        ):
            return False
        self._loose = False
        for tok in np:
            if tok.dep == POSS_DEP_ID and tok.pos == PRON and self._pronoun(tok, offset):
                break
        return True

    def _noun_phrase(self, token: Token) -> list[Token]:
        """``noun_phrase``, cached per sentence: the event stage asks for the same arguments
        several times. The list is shared; callers must not change it."""
        doc = token.doc
        cached = self._nps.get(id(doc))
        if cached is None or cached[0] is not doc:
            cached = self._nps[id(doc)] = (doc, {})
        found = cached[1].get(token.i)
        if found is None:
            found = cached[1][token.i] = noun_phrase(token)
        return found

    def _poss_in(self, doc: Doc) -> list[int]:
        """Indices of the possessive pronouns of a parsed sentence (cached per sentence)."""
        found = self._poss.get(id(doc))
        if found is None or found[0] is not doc:
            found = (doc, [t.i for t in doc if t.dep == POSS_DEP_ID and t.pos == PRON])
            self._poss[id(doc)] = found
        return found[1]

    def _sex_of(self, key: tuple[int, int], actor_id: str, default: str) -> str:
        """The sex of whom a mention names: of a person, as known; of a role phrase, from its
        title word ('the king', 'the spokeswoman')."""
        if self.actors[actor_id].kind == "person":
            return self._gender.get(actor_id, default)
        if key not in self._individuals:
            return default
        word = fold(self.text[key[0] : key[1]].split()[-1])
        return self.gaz.genders.get("title", {}).get(word, default)

    def _one_person(self, token: Token, offset: int, role: str) -> bool:
        """'the judge', 'the driver', 'a suspect' name one person whom 'he' or 'she' may
        mean later; 'the court', 'the government' and 'the police' name institutions; nor does
        an office ('a candidate for prime minister', 'served as mayor')."""
        if role not in PERSON_ROLES:
            return False
        if token.dep_ == "pobj" and token.head.lower_ in ("for", "as"):
            return False
        if token.lower_ in self.gaz.cues.get("collective", ()):
            return False  # 'a gang', 'the family': many people
        m = self.match_at_char(token.idx + offset)
        return m is not None and (m.entry.kind == "title" or role in ("CVL", "CRM"))

    def _settle(self, actor_id: str, code: str, explicit: bool) -> None:
        """A person first coded from the document's country ("journalist Jamal Khashoggi") takes
        the country that the text states later ("Jamal Khashoggi, a Saudi national"), keeping
        the role already known when the new phrase only gives a nationality."""
        if not explicit:
            self._weak.add(actor_id)
            return
        actor = self.actors[actor_id]
        if actor_id not in self._weak or actor.code == code:
            return
        self._weak.discard(actor_id)
        if code.endswith("CVL") and len(code) == 6 and actor.role:
            code = code[:3] + actor.role
        roles = [code[i : i + 3] for i in range(3, len(code), 3)]
        actor.code = code
        actor.country = code[:3] if code[:3] in self.gaz.countries else None
        actor.sectors = roles
        actor.role = roles[0] if roles else None

    def _name_span(self, token: Token, np: list[Token], offset: int) -> Span | None:
        """The run of unknown capitalised names that the head is, or that stands in apposition to
        it or right before it; not every name of the phrase ("Hatice Cengiz, fiancée of
        journalist Jamal Khashoggi" names two people)."""
        names = {t.i for t in np if self._unknown_name(t, offset)}
        if not names:
            return None
        anchor: int | None = token.i if token.i in names else None
        if anchor is None:
            anchor = next((c.i for c in token.children if c.dep_ == "appos" and c.i in names), None)
        if anchor is None:
            before = [i for i in names if i < token.i]
            anchor = max(before) if before else min(names)
        lo = hi = anchor
        while lo - 1 in names:
            lo -= 1
        while hi + 1 in names:
            hi += 1
        if hi + 1 < len(token.doc):
            after = self.match_at_char(token.doc[hi + 1].idx + offset)
            if after is not None and after.entry.kind == "title":
                return None  # "First Minister Ann Lee": 'First' belongs to the title
        return token.doc[lo : hi + 1]

    def _matches_in(self, np: list[Token], offset: int) -> list[Match]:
        seen: dict[int, Match] = {}
        for tok in np:
            m = self.match_at_char(tok.idx + offset)
            if m:
                seen[m.start] = m
        return list(seen.values())

    def _role(
        self, heads: list[Token], matches: list[Match], offset: int, strict: bool = False
    ) -> str | None:
        for head in heads:
            m = self.match_at_char(head.idx + offset)
            if m and m.entry.kind in ("title", "sector"):
                return m.entry.code
        # a name whose compound modifiers include a title: "spokesman Dmitry Peskov"; not a
        # title behind a preposition, which describes someone else ("fiancée of journalist X")
        stop = {h.i for h in heads}
        titles = [
            m
            for m in matches
            if m.entry.kind == "title" and not _via_prep(self._token_in(heads[0], m, offset), stop)
        ]
        if titles and any(h.pos_ == "PROPN" for h in heads):
            return titles[-1].entry.code
        sectors = [m for m in matches if m.entry.kind in ("title", "sector")]
        # "members of parliament", "a government source": a member of a group takes its role;
        # other things a role word modifies are not actors ("a press badge", "bank robberies")
        if sectors and heads[0].lower_ in self.gaz.member_nouns:
            return sectors[-1].entry.code
        if sectors and heads[0].pos_ != "PROPN" and not strict:
            self._loose = True  # an event argument "the conduct of President Trump": no mention
            return sectors[-1].entry.code
        # "Iranian airline Mahan Air": a sector word in the name's own modifiers
        head = heads[0]
        own = {c.i for c in head.children if c.dep_ == "compound"}
        for m in sectors:
            if any(m.start <= head.doc[i].idx + offset < m.end for i in own):
                return m.entry.code
        return None

    def _country(
        self, np: list[Token], matches: list[Match], head: Token, offset: int
    ) -> str | None:
        for m in matches:
            if m.entry.kind not in ("country", "demonym", "capital", "seat", "org"):
                continue
            prep = _prep_between(self._token_in(head, m, offset), head.i)
            # "met officers X and Y at an Irish pub": an adjective or place behind a preposition
            # other than 'of' describes where, not whose ("the government of Ukraine" is
            # Ukraine's)
            if (
                prep is not None
                and prep.lower_ != "of"  # "hundreds of Syrian refugees" are Syrians
                and (m.entry.kind == "demonym" or prep.lower_ in LOCATED_PREPS)
            ):
                continue
            return m.entry.code if m.entry.kind == "org" else m.entry.code[:3]
        # "the Trump administration", "Erdogan's office": the country of the person
        for tok in np:
            if tok.i == head.i or tok.dep_ not in ("compound", "poss"):
                continue
            m = self.match_at_char(tok.idx + offset)
            actor_id = self._surnames.get(tok.text)
            if m is not None and m.entry.kind == "person":
                return m.entry.code[:3]
            if m is None and actor_id and self.actors[actor_id].country:
                return self.actors[actor_id].country
        for tok in np:
            if tok.dep_ == "poss" and tok.pos_ == "PRON":
                ref = self._pronoun(tok, offset)
                if ref:
                    return ref.code[:3]
        return None

    def _country_from_place(self, token: Token, offset: int) -> str | None:
        """'police in Paris', 'a judge from Texas', 'students protesting in Belgium': the
        country of a place the role is at."""
        children = [*token.children]
        children += [g for c in children if c.dep_ == "acl" for g in c.children]
        for child in children:
            if child.dep_ == "prep" and child.lower_ in ("in", "from", "at", "of"):
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    for tok in self._noun_phrase(pobj):
                        m = self.match_at_char(tok.idx + offset)
                        # a named place, not an adjective: "met at an Irish pub" in Paris
                        if m and m.entry.kind in COUNTRY_KINDS and m.entry.kind != "demonym":
                            return m.entry.country or m.entry.code[:3]
        return None

    def _main_country(self) -> str | None:
        """The country a document is about, when one clearly dominates its mentions."""
        counts: dict[str, int] = {}
        for m in self.matches:
            kind = m.entry.kind
            # the country's people and institutions count as much as its name: a story about
            # Washington's dealings with Kyiv names Ukraine often, but its actors are American
            if kind in COUNTRY_KINDS or (
                kind in ("person", "seat") and m.entry.code[:3] in self.gaz.countries
            ):
                c = m.entry.country or m.entry.code[:3]
                counts[c] = counts.get(c, 0) + 1
        if not counts:
            return None
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        top, n = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0
        return top if n >= 2 * second else None

    def _pronoun(
        self, token: Token, offset: int, exclude: frozenset[str] = frozenset()
    ) -> ActorRef | None:
        """The actor a pronoun means: the latest fitting mention before it; never one of
        ``exclude`` (the speaker of the quotation a 'he' or 'she' stands in)."""
        word = token.lower_
        char = token.idx + offset
        gender = GENDER.get(word, "")
        if word in PERSON_PRONOUNS:
            wanted = "person"
        elif word in THING_PRONOUNS:
            wanted = "thing"
        else:
            return None
        # The latest fitting mention before the pronoun (the earliest recorded among those
        # starting at the same place), scanning back from the pronoun in text order.
        best: Mention | None = None
        best_seq = 0
        order = self._persons if wanted == "person" else self._things
        k = bisect.bisect_left(order, (char + 1,))
        while k > 0:
            k -= 1
            start, seq, key = order[k]
            if best is not None and start < best.start:
                break
            mention = self.mentions[key]
            if mention.end > char or (
                gender and self._sex_of(key, mention.actor, gender) != gender
            ):
                continue  # 'he' is not someone already called 'she'
            if mention.actor in exclude:
                continue
            if gender and self._many(key, mention):
                continue  # 'she' is not 'prosecutors' nor 'the jury'
            # of mentions starting at one place, the whole description ("Hong Kong protesters",
            # not "Hong Kong"), then the earliest recorded
            if best is None or (mention.end, -seq) > (best.end, -best_seq):
                best, best_seq = mention, seq
        if best is not None and word in ("it", "its", "itself") and not self._in_adverbial(char):
            best = self._subject_before(char, best)
        if best is not None and wanted == "person":
            best = self._person_subject(token, char, best, gender, exclude)
        if wanted == "person" and token.tag_ in ("PRP$", ""):
            best = self._cataphor(char) or best
        if best is None:
            return None
        if wanted == "person" and self._unknown_between(best, char):
            return None  # the latest person is one dyad cannot code
        end = char + len(token.text)
        self._mention(char, end, best.actor, "pronoun")
        if gender and self.actors[best.actor].kind == "person":
            self._gender.setdefault(best.actor, gender)  # not a shared actor ('the king': GOV)
        actor = self.actors[best.actor]
        return ActorRef(actor.code, token.text, char, end, actor.id)

    def _names_a_person(self, mention: Mention) -> bool:
        """Is a role phrase one person by its title word ('the researcher', 'the minister')?"""
        if (mention.start, mention.end) in self._individuals:
            return True
        m = self.match_at_char(mention.end - 1)
        return m is not None and m.entry.kind == "title"

    def _many(self, key: tuple[int, int], mention: Mention) -> bool:
        """Does a role phrase name many people ('prosecutors', 'the jury')?"""
        if self.actors[mention.actor].kind == "person":
            return False
        word = fold(mention.text.split()[-1])
        if word in self.gaz.cues.get("collective", ()):
            return True
        head = self._head_token(mention)
        return head is not None and head.tag_ in ("NNS", "NNPS")

    def _person_subject(
        self, token: Token, char: int, best: Mention, gender: str, exclude: frozenset[str]
    ) -> Mention:
        """'Ann Lee, who was a diplomat's wife, was involved in a crash. She left ...': a 'he'
        or 'she' that is the subject of its clause continues the subject of the sentence
        before (or of its own sentence), rather than a person named in passing in between.
        The latest fitting person that is a clause subject, from the previous sentence on,
        when the latest fitting person is not one."""
        if token.dep_ not in SUBJECT_DEPS:
            return best
        head = self._head_token(best)
        if head is None or head.dep_ in SUBJECT_DEPS:
            return best
        lo = self._sentence_start(char, back=1)
        for key, mention in self._mentions_back(self._persons, best.start, lo):
            if mention.actor in exclude or mention.actor == best.actor:
                continue
            if gender and (
                self._sex_of(key, mention.actor, gender) != gender or self._many(key, mention)
            ):
                continue
            head = self._head_token(mention)
            if head is not None and head.dep_ in SUBJECT_DEPS:
                return mention
        return best

    def _unknown_between(self, best: Mention, char: int) -> bool:
        """Does a name dyad cannot code stand between the pronoun and its antecedent, so that
        the pronoun may mean that unknown person? Not when the antecedent is the subject of its
        clause and the unknown name is not: 'Erdogan pledged converting Hagia Sophia ... He
        announced' keeps the subject (a name in an object or a place phrase is often a thing:
        a building, a festival week)."""
        lo = bisect.bisect_left(self._unknown_at, (best.end, ""))
        hi = bisect.bisect_left(self._unknown_at, (char, ""))
        places = self.gaz.cues.get("place_name_first", ())
        unknown = [
            (at, name)
            for at, name in self._unknown_at[lo:hi]
            if name not in self._surnames and not self._after_word(at, places)
        ]
        if not unknown:
            return False
        head = self._head_token(best)
        while head is not None and head.dep_ == "appos" and head.head.i != head.i:
            head = head.head  # 'Ann Lee, a cyclist, was struck': the subject is described
        if head is None or head.dep_ not in SUBJECT_DEPS:
            return True
        given = self.gaz.genders.get("given", {})
        for at, _ in unknown:
            tok = self._parsed_token(at)
            if tok is None or self._after_word(at, given) or fold(tok.text) in given:
                return True  # 'spoke with Anne Lee': a person's name, wherever it stands
            while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
                tok = tok.head  # 'Sacred' of 'Sacred Defence Week' -> 'Week'
            if tok.dep_ in SUBJECT_DEPS or tok.dep_ in ("appos", "conj"):
                return True
        return False

    def _after_word(self, char: int, words: Collection[str]) -> bool:
        """Is the parsed token at ``char`` right after one of ``words`` ('RAF Croughton')?"""
        tok = self._parsed_token(char)
        return tok is not None and tok.i > 0 and fold(tok.nbor(-1).text) in words

    def _in_adverbial(self, char: int) -> bool:
        """'sanctions on Russia if it attacked Ukraine': in a conditional or temporal clause
        'it' keeps the latest actor; the sentence subject is preferred only in what a verb says
        or proves ('to prove to Russia that it did not align')."""
        tok = self._parsed_token(char)
        if tok is None:
            return False
        return tok.head.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless", "when", "once", "after", "before")
            for c in tok.head.children
        )

    def _subject_before(self, char: int, best: Mention) -> Mention:
        """'Turkey wanted to prove to Russia that it ...': 'it' continues the subject of the
        sentence rather than the latest object. The latest actor before the pronoun that is the
        subject of a clause of the pronoun's own sentence, if any."""
        found: tuple[int, Mention] | None = None
        for _, mention in self._mentions_back(self._things, char + 1, self._sentence_start(char)):
            if mention.end > char:
                continue
            head = self._head_token(mention)
            if head is not None and head.dep_ in ("nsubj", "nsubjpass"):
                # 'it' means one actor: not "Ukraine and Western countries"
                plural = head.tag_ in ("NNS", "NNPS") or any(
                    c.dep_ == "conj" for c in head.children
                )
                if plural:
                    return best if found is None else found[1]
                if self._names_a_person(mention):
                    continue  # 'the researcher said that Turkey ... it': not the researcher
                depth = _depth(head)
                if found is None or depth < found[0]:
                    found = (depth, mention)  # the main clause's subject before a nested one
        return best if found is None else found[1]

    def _cataphor(self, char: int) -> Mention | None:
        """'In his speech in Ankara, the Ukrainian ambassador said ...': a possessive in a
        phrase put before the subject of the sentence means that subject, when it is a
        person."""
        tok = self._parsed_token(char)
        if tok is None or tok.tag_ != "PRP$":
            return None
        offset = char - tok.idx
        root = tok.doc[tok.i]
        while root.head.i != root.i:
            root = root.head
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or tok.i >= subj.left_edge.i or subj.pos_ == "PRON":
            return None
        if any(c.dep_ == "nsubj" for c in tok.head.ancestors):
            return None
        if self._resolving_subject:
            return None
        self._resolving_subject = True
        try:
            ref = self._resolve(subj, offset, direct=True, places=False)
        finally:
            self._resolving_subject = False
        if ref is None or ref.actor is None:
            return None
        key = next(
            (
                k
                for k, m in self.mentions.items()
                if m.actor == ref.actor and m.start >= ref.start and m.end <= ref.end
            ),
            None,
        )
        if key is None:
            return None
        person = self.actors[ref.actor].kind == "person" or key in self._individuals
        return self.mentions[key] if person else None

    def _mentions_back(
        self, order: list[tuple[int, int, tuple[int, int]]], before: int, since: int = 0
    ) -> Iterator[tuple[tuple[int, int], Mention]]:
        """The mentions of ``order`` (``_persons`` or ``_things``) that start before ``before``
        and not before ``since``, latest first."""
        k = bisect.bisect_left(order, (before,))
        while k > 0:
            k -= 1
            start, _, key = order[k]
            if start < since:
                return
            mention = self.mentions.get(key)
            if mention is not None:
                yield key, mention

    def _sentence_start(self, char: int, back: int = 0) -> int:
        """Where the sentence holding ``char`` starts, or the one ``back`` sentences before."""
        starts = self._sentence_starts()
        n = bisect.bisect_right(starts, char) - 1
        return starts[max(0, n - back)] if n >= 0 else 0

    def _latter(self, token: Token, offset: int) -> ActorRef | None:
        """'the latter': of the actors just named, the one named last (not a pronoun)."""
        char = token.idx + offset
        for _, mention in self._mentions_back(self._things, char):
            if mention.end <= char:
                end = char + len(token.text)
                self._mention(char, end, mention.actor, "pronoun")
                actor = self.actors[mention.actor]
                return ActorRef(actor.code, token.text, char, end, actor.id)
        return None

    def _country_before(self, char: int) -> str | None:
        """The country of the latest country, demonym, capital or place named before ``char``
        ("the Syrian government ... the country's borders")."""
        k = bisect.bisect_left(self._starts, char)
        while k > 0:
            k -= 1
            m = self.matches[k]
            if m.end <= char and m.entry.kind in COUNTRY_KINDS:
                return self._code_actor(m.entry.country or m.entry.code[:3])
        return None

    def _sentence_starts(self) -> list[int]:
        if self._sent_starts is None:
            # what ``Doc.sents`` yields, read from the arrays: the first token always opens one
            opens = self._opens
            self._sent_starts = [c for i, c in enumerate(self._token_starts) if opens[i] or not i]
        return self._sent_starts

    # ---------------------------------------------------------------- records

    def _ref_for_match(
        self,
        m: Match,
        np: list[Token],
        offset: int,
        how: str | None = None,
        head: Token | None = None,
    ) -> ActorRef:
        e = m.entry
        if e.kind == "person" or (e.kind == "user" and e.actor_kind == "person"):
            actor_id = "person:" + _slug(e.name)
            self._actor(actor_id, e.name, e.code, kind="person")
        else:
            actor_id = self._code_actor(e.code, e.name if e.kind in ("org", "user") else None)
        self._mention(m.start, m.end, actor_id, e.kind)
        return self._ref(actor_id, np, offset, how or e.kind, head=head)

    def _ref(
        self, actor_id: str, np: list[Token], offset: int, how: str, head: Token | None = None
    ) -> ActorRef:
        # the phrase without punctuation at either end, in text order, as phrases are
        first = next((t for t in np if not t.is_punct), None)
        if first is None:
            first, last = np[0], np[-1]
        else:
            last = next(t for t in reversed(np) if not t.is_punct)
        start = first.idx + offset
        end = last.idx + len(last.text) + offset
        self._last_key = (-1, -1)
        if how != "modifier":  # "the Turkish initiative" names a thing, not an actor
            lo, hi = _mention_tokens(head, np) if head is not None else (first, last)
            m_start = lo.idx + offset
            m_end = hi.idx + len(hi.text) + offset
            if self._mention(m_start, m_end, actor_id, how, alias=False):
                self._described.add((m_start, m_end))
            self._last_key = (m_start, m_end)
        return ActorRef(self.actors[actor_id].code, self.text[start:end], start, end, actor_id)

    def _token_in(self, anchor: Token, m: Match, offset: int) -> Token:
        """The token of a parsed sentence where a match starts (through the sentence's arrays,
        or a map of token starts for a sentence the sweep did not see: building a span for each
        question is costly)."""
        doc = anchor.doc
        k = bisect.bisect_right(self._view_starts, offset) - 1
        if k >= 0 and self._views[k].doc is doc:
            i = self._views[k].token_at(m.start)
        else:  # a sentence the sweep did not see
            cached = self._starts_in.get(id(doc))
            if cached is None or cached[0] is not doc:
                cached = self._starts_in[id(doc)] = (doc, {t.idx: t.i for t in doc})
            i = cached[1].get(m.start - offset)
        if i is not None:
            return doc[i]
        return doc.char_span(m.start - offset, m.end - offset, alignment_mode="expand")[0]

    def _code_actor(self, code: str, name: str | None = None) -> str:
        country = code[:3]
        roles = [code[i : i + 3] for i in range(3, len(code), 3)]
        if name is None:
            base = self.gaz.countries.get(country, country)
            labels = [self.role_labels.get(r, r) for r in roles]
            name = base + (f" ({', '.join(labels)})" if labels else "")
        kind = "country" if country in self.gaz.countries else "organization"
        self._actor(code, name, code, kind=kind, sectors=roles)
        return code

    def _actor(
        self, actor_id: str, name: str, code: str, kind: str, sectors: list[str] | None = None
    ) -> None:
        if actor_id in self.actors:
            return
        roles = (
            sectors if sectors is not None else [code[i : i + 3] for i in range(3, len(code), 3)]
        )
        self.actors[actor_id] = Actor(
            id=actor_id,
            name=name,
            code=code,
            country=code[:3] if code[:3] in self.gaz.countries else None,
            sectors=roles,
            role=roles[0] if roles else None,
            kind=kind,
        )

    def _individual(self, key: tuple[int, int]) -> None:
        """Mark a role phrase as naming one person; a 'he' or 'she' may now point to it."""
        if key in self._individuals:
            return
        self._individuals.add(key)
        seq = self._seq.get(key)
        if seq is None or self.actors[self.mentions[key].actor].kind == "person":
            return
        entry = (key[0], seq, key)
        k = bisect.bisect_left(self._things, entry)
        if k < len(self._things) and self._things[k] == entry:
            del self._things[k]
            bisect.insort(self._persons, entry)

    def _mention(self, start: int, end: int, actor_id: str, how: str, alias: bool = True) -> bool:
        """Record a mention; False if one was already recorded at the same place."""
        if (start, end) in self.mentions:
            return False
        text = self.text[start:end]
        key = (start, end)
        self.mentions[key] = Mention(start, end, text, actor_id, -1, how)
        if how not in UNREFERRED_HOWS:  # adjectives and owners of things: not what 'it' means
            entry = (start, len(self.mentions), key)
            self._seq[key] = entry[1]
            person = self.actors[actor_id].kind == "person" or key in self._individuals
            bisect.insort(self._persons if person else self._things, entry)
        if how in ("name", "person", "user") and self.actors[actor_id].kind == "person":
            self._gender_of_name(actor_id, start, text)
        aliases = self.actors[actor_id].aliases
        if alias and how in NAME_KINDS and text not in aliases:
            aliases.append(text)
        return True

    def _gender_of_name(self, actor_id: str, start: int, text: str) -> None:
        """A person's sex from the given name ('Emily Lee') or the title before the name
        ('King Maha', 'Princess Ubolratana'), so that 'she' does not point to a king."""
        if actor_id in self._gender:
            return
        genders = self.gaz.genders
        first = fold(text.split()[0]) if " " in text else ""
        # the given name, or a title inside the matched name ("King Felipe")
        sex = genders.get("given", {}).get(first) or genders.get("title", {}).get(first)
        k = bisect.bisect_left(self._token_starts, start) - 1
        while sex is None and k >= 0 and self.tokens[k].is_space:
            k -= 1
        if sex is None and k >= 0:
            sex = genders.get("title", {}).get(fold(self.tokens[k].text.rstrip(".")))
        if sex is not None:
            self._gender[actor_id] = sex

    def register_all_matches(self) -> None:
        """Record every named match as a mention, so pronouns and readers see them."""
        for m in self.matches:
            if m.entry.kind in ("title", "sector", "place"):
                continue
            if m.entry.kind == "demonym":
                actor_id = self._code_actor(m.entry.code)
            elif m.entry.kind == "person" or (
                m.entry.kind == "user" and m.entry.actor_kind == "person"
            ):
                actor_id = "person:" + _slug(m.entry.name)
                self._actor(actor_id, m.entry.name, m.entry.code, kind="person")
            else:
                name = m.entry.name if m.entry.kind in ("org", "user") else None
                actor_id = self._code_actor(m.entry.code, name)
            self._mention(m.start, m.end, actor_id, m.entry.kind)
        self._register_anaphors()
        self._register_peoples()

    def _register_peoples(self) -> None:
        """'The SDF ... the Kurds did most of the fighting': a stateless people named as a side
        stands for the armed group the text names most in its name (``peoples.tsv``); with
        none named, or two named equally often, the word stays uncoded."""
        for words, groups in self.gaz.peoples.items():
            places = self._positions.get(words[0])
            if not places:
                continue
            counts: dict[str, int] = {}
            entry_of: dict[str, Entry] = {}
            for m in self.matches:
                if m.entry.id in groups and m.entry.applies_on(self.date):
                    counts[m.entry.id] = counts.get(m.entry.id, 0) + 1
                    entry_of[m.entry.id] = m.entry
            ranked = sorted(counts.values(), reverse=True)
            if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
                continue
            top = entry_of[max(counts, key=lambda g: counts[g])]
            actor_id = self._code_actor(top.code, top.name)
            for i in places:
                j = i + len(words)
                if j > len(self.tokens) or tuple(t.text for t in self.tokens[i:j]) != words:
                    continue
                if j < len(self.tokens) and self.tokens[j].text[:1].isupper():
                    continue  # 'Kurdish Red Crescent', 'Kurd Ali': a name of its own
                start = self.tokens[i].idx
                end = self.tokens[j - 1].idx + len(self.tokens[j - 1].text)
                self._mention(start, end, actor_id, "role", alias=False)

    def _register_anaphors(self) -> None:
        """'NATO ... Ukraine's accession to the alliance': a body's lower-case 'the ...' name
        (data: an organisation name written 'the alliance') stands for it once the text has
        named the body by a proper name; before that, or if no such body is named, it is an
        ordinary word."""
        for words, entries in self.gaz.anaphors.items():
            for i in self._positions.get(words[0], ()):
                j = i + len(words)
                if j > len(self.tokens) or [t.text for t in self.tokens[i:j]] != list(words):
                    continue
                k = i - 1
                while k >= 0 and self.tokens[k].is_space:
                    k -= 1
                if k < 0 or self.tokens[k].lower_ != "the":
                    continue
                start = self.tokens[i].idx
                named = {
                    m.entry.id for m in self.matches[: bisect.bisect_left(self._starts, start)]
                }
                entry = next(
                    (e for e in entries if e.id in named and e.applies_on(self.date)), None
                )
                if entry is None:
                    continue
                end = self.tokens[j - 1].idx + len(self.tokens[j - 1].text)
                actor_id = self._code_actor(entry.code, entry.name)
                self._mention(start, end, actor_id, "org", alias=False)

    def resolve_pronouns(
        self, speakers: list[tuple[int, int, ActorRef]], first_person: set[str]
    ) -> None:
        """Every personal pronoun of the text as a mention: 'he', 'his', 'she', 'her' point back
        to the latest person; 'I', 'we', 'our' inside a quotation to its speaker."""
        words = PERSON_PRONOUNS | THING_PRONOUNS | set(first_person)
        found = sorted(
            i for text, where in self._positions.items() if text.lower() in words for i in where
        )
        for tok in (self.tokens[i] for i in found):
            span = (tok.idx, tok.idx + len(tok.text))
            word = tok.lower_
            if word in PERSON_PRONOUNS:
                self._not_the_speaker(tok, speakers)
            if span in self.mentions:
                continue
            if word in PERSON_PRONOUNS:
                self._pronoun(tok, 0)
            elif word in THING_PRONOUNS:
                parsed = self._parsed_token(tok.idx)
                if (parsed is None and word != "it") or (parsed is not None and _refers(parsed)):
                    self._pronoun(tok, 0)
            elif word in first_person:
                for start, end, speaker in speakers:
                    if start <= tok.idx < end and speaker.actor:
                        actor_id = speaker.actor
                        if word in FIRST_PLURAL:
                            actor_id = self._group_of(actor_id)
                        self._mention(*span, actor_id, "pronoun")
                        break

    def _not_the_speaker(self, tok: Token, speakers: list[tuple[int, int, ActorRef]]) -> None:
        """'Mme Lee did not lie, she is not a liar,' said her lawyer: inside a quotation a 'he' or
        'she' means someone the speaker talks about, never the speaker (who says 'I'). A
        pronoun that was pointed to the speaker is pointed again, past the speaker."""
        char = tok.idx
        quote = next(
            (
                (start, ref)
                for start, end, ref in speakers
                if start <= char < end and ref.actor and self._opens_quote(start)
            ),
            None,
        )
        if quote is None:
            return
        speaker = self._speaker_and_description(*quote)
        span = (char, char + len(tok.text))
        mention = self.mentions.get(span)
        if mention is not None:
            if mention.actor not in speaker:
                return
            del self.mentions[span]
        parsed = self._parsed_token(char)
        if parsed is None:
            ref = self._pronoun(tok, 0, exclude=speaker)
        else:
            ref = self._pronoun(parsed, char - parsed.idx, exclude=speaker)
        if ref is None and mention is not None:
            self.mentions[span] = mention  # no one else fits: keep what the event stage saw

    def _speaker_and_description(self, start: int, ref: ActorRef) -> frozenset[str]:
        """The speaker of a quotation, and the role phrases with the speaker's code that the
        sentence introducing the quotation names ('Ann Lee, a French lawyer, said "..."')."""
        lo = self._sentence_start(start)
        out = {ref.actor} if ref.actor else set()
        k = bisect.bisect_left(self._persons, (lo,))
        while k < len(self._persons) and self._persons[k][0] < start:
            mention = self.mentions[self._persons[k][2]]
            if self.actors[mention.actor].code == ref.code and (
                self.actors[mention.actor].kind != "person"
            ):
                out.add(mention.actor)
            k += 1
        return frozenset(out)

    def _opens_quote(self, start: int) -> bool:
        """Does a quotation span start at a quotation mark? Reported speech ('She told police
        she had immunity') is not one: there 'she' may well be the speaker."""
        before = self.text[max(0, start - 1) : start + 1]
        return any(c in QUOTE_MARKS for c in before)

    def _group_of(self, actor_id: str) -> str:
        """The group a speaker's 'we' stands for: a former official speaks for no body of
        their own, so their 'we' is their country ("We must stand by our allies", said a
        former ambassador); anyone else's 'we' is the body they belong to."""
        actor = self.actors[actor_id]
        if actor.kind == "person" and actor.role == FORMER_ROLE and actor.country:
            return self._code_actor(actor.country)
        return actor_id

    def finish(
        self, sentence_starts: list[int], referenced: Collection[str] = ()
    ) -> tuple[list[Actor], list[Mention]]:
        """Actors and mentions in text order, each mention with its sentence index; words that
        only place or describe something else are dropped, and of overlapping mentions one
        stays. ``referenced`` are the actor ids the other stages' records point to (events,
        quotations): those actors are kept even without a mention, and no others are; an actor
        met only while composing a phrase that no record kept is no row of its own."""
        self._link_variants()
        self._send_home()
        self._case_parties()
        self._kin()
        mentions = sorted(self.mentions.values(), key=lambda m: (m.start, -m.end))
        self._named = {m.start for m in mentions if m.how in ("person", "name", "surname", "user")}
        mentions = [m for m in mentions if not self._not_an_actor(m)]
        mentions = self._one_per_place(mentions)
        for m in mentions:
            m.sentence = max(0, bisect.bisect_right(sentence_starts, m.start) - 1)
        used = {m.actor for m in mentions} | set(referenced)
        actors = [a for a in self.actors.values() if a.id in used]
        return actors, mentions

    def _case_parties(self) -> None:
        """'Ann Lee was robbed ... a lawyer for the victim', '"My client is relieved"': a
        definite word for the private party of a case means the latest private person
        named before it (a civilian or an accused, by name)."""
        words = self.gaz.cues.get("case_party", ())
        for word in words:
            for i in self._positions.get(word, ()):
                tok = self.tokens[i]
                k = i - 1
                while k >= 0 and self.tokens[k].is_space:
                    k -= 1
                if k < 0 or self.tokens[k].lower_ not in ("the", "my", "our"):
                    continue
                parsed = self._parsed_token(tok.idx)
                if parsed is None or parsed.dep_ == "compound" or parsed.tag_ != "NN":
                    continue
                person = self._private_before(tok.idx)
                if person is None:
                    continue
                span = (tok.idx, tok.idx + len(tok.text))
                old = [
                    key
                    for key, m in self.mentions.items()
                    if m.start <= span[0] and span[1] <= m.end
                ]
                if any(self.actors[self.mentions[key].actor].kind == "person" for key in old):
                    continue  # already someone ('the victim, Ann Lee')
                for key in old:
                    del self.mentions[key]
                self._mention(*span, person, "role", alias=False)

    def _kin(self) -> None:
        """'her family', 'the family of Ann Lee': kin of a named private person are civilians
        of that person's country (a Canadian's family in a story set in France)."""
        for word in self.gaz.cues.get("kin_word", ()):
            for i in self._positions.get(word, ()):
                tok = self.tokens[i]
                parsed = self._parsed_token(tok.idx)
                if parsed is None:
                    continue
                offset = tok.idx - parsed.idx
                owners = [c for c in parsed.children if c.dep_ == "poss"]
                if parsed.dep_ == "conj":  # 'her friends and family'
                    owners += [c for c in parsed.head.children if c.dep_ == "poss"]
                owners += [
                    g
                    for c in parsed.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
                for owner in owners:
                    m = self._mention_at(owner.idx + offset)
                    if m is None:
                        continue
                    actor = self.actors[m.actor]
                    if actor.kind != "person" or actor.role != "CVL" or not actor.country:
                        continue
                    span = (tok.idx, tok.idx + len(tok.text))
                    old = self.mentions.get(span)
                    if old is not None and self.actors[old.actor].kind == "person":
                        break
                    if old is not None:
                        del self.mentions[span]
                    kin = self._code_actor(f"{actor.country}CVL")
                    self._mention(*span, kin, "role", alias=False)
                    break

    def _mention_at(self, char: int) -> Mention | None:
        """The mention that covers ``char``, if any (a name or a pronoun)."""
        for (start, end), m in self.mentions.items():
            if start <= char < end:
                return m
        return None

    def _private_before(self, char: int) -> str | None:
        """The latest private person (a civilian) named by name before ``char``."""
        for _, mention in self._mentions_back(self._persons, char):
            if mention.how not in NAME_KINDS:
                continue
            actor = self.actors[mention.actor]
            if actor.kind == "person" and actor.role == "CVL":
                return actor.id
        return None

    def _send_home(self) -> None:
        """'Ann Lee ... She left the UK and returned to the US': a private person coded with the
        country the story is set in, whom the text sends home to another country, is a
        civilian of that country."""
        local = {c for c in (self._where, self.default_country) if c}
        if not local:
            return
        verbs = self.gaz.cues.get("homecoming_verb", ())
        for m in list(self.mentions.values()):
            actor = self.actors[m.actor]
            if actor.kind != "person" or actor.code not in {f"{c}CVL" for c in local}:
                continue
            tok = self._parsed_token(m.start)
            if tok is None or tok.dep_ not in SUBJECT_DEPS:
                continue
            for verb in (tok.head, *(c for c in tok.head.children if c.dep_ == "conj")):
                if verb.pos_ != "VERB" or verb.lemma_ not in verbs:
                    continue
                country = self._destination(verb, m.start - tok.idx)
                if country and country != actor.code[:3]:
                    actor.code = f"{country}CVL"
                    actor.country = country

    def _destination(self, verb: Token, offset: int) -> str | None:
        """The country a verb of going goes 'to' ('returned to the US', 'returned home to
        Canada')."""
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "to":
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                m = self.match_at_char(pobj.idx + offset)
                if m is not None and m.entry.kind == "country":
                    return m.entry.country or m.entry.code[:3]
        return None

    # ---------------------------------------------------------------- clean-up

    def _link_variants(self) -> None:
        """A surname spelt another way later ("Sarea" ... "Saree", "Mahmoud Rantisi" ...
        "Al-Rantissi") is the same person: close spelling (rapidfuzz ratio >= 80, article
        particles aside, same first letter) to exactly one surname of a person in the text."""
        keys = self._variant_keys()
        if not keys:
            return
        covered = sorted((m.start, m.end) for m in self.mentions.values())
        starts = [c[0] for c in covered]
        for text, where in self._positions.items():
            if len(text) < 4 or not text[:1].isupper() or text in self._surnames:
                continue
            if not (text.isalpha() or "-" in text):
                continue
            actor_id = self._variant_of(text, keys)
            if actor_id is None:
                continue
            for i in where:
                tok = self.tokens[i]
                k = bisect.bisect_right(starts, tok.idx) - 1
                inside = k >= 0 and covered[k][0] <= tok.idx < covered[k][1]
                if not inside and self.match_at_token(i) is None:
                    self._mention(tok.idx, tok.idx + len(text), actor_id, "surname")

    def _variant_keys(self) -> dict[str, str]:
        """Single-word surnames of people in the text, without article particles."""
        keys: dict[str, str] = {}
        for key, actor_id in self._surnames.items():
            if " " not in key and len(key) >= 4 and self.actors[actor_id].kind == "person":
                keys[self._bare_name(key)] = actor_id
        return keys

    def _variant_of(self, text: str, keys: dict[str, str] | None = None) -> str | None:
        """The one person whose surname ``text`` is a close spelling of, if any."""
        keys = self._variant_keys() if keys is None else keys
        bare = self._bare_name(text)
        if len(bare) < 4 or not keys:
            return None
        initial = bare[:1].lower()
        if not any(key[:1].lower() == initial for key in keys):
            return None  # a variant keeps its first letter: no surname here could be one
        found = process.extract(bare, list(keys), scorer=fuzz.ratio, score_cutoff=80, limit=2)
        hits = [c for c, _, _ in found if c[:1].lower() == initial]
        return keys[hits[0]] if len(hits) == 1 else None

    def _bare_name(self, name: str) -> str:
        """A surname without a leading article particle: 'Al-Rantissi' -> 'Rantissi'."""
        head, sep, rest = name.partition("-")
        if sep and rest and head.lower() in self.gaz.cues.get("name_particle", ()):
            return rest
        return name

    def _not_an_actor(self, m: Mention) -> bool:
        """A demonym that modifies a thing ("Turkish airstrikes"), a country or city that is
        only a place ("returned to Thailand"), or a country word inside a title before a name
        ("US Secretary of State Mike Pompeo")."""
        if m.how == "demonym" and self._modifies(m):
            return True
        if m.how in PLACE_HOWS and self._is_location(m):
            return True
        if m.how in ("role", "title") and self._beside_name(m):
            return True
        return m.how in ("country", "demonym", "capital", "seat", "org") and self._in_title(m)

    def _head_token(self, m: Mention) -> Token | None:
        """The parsed token that heads a mention, or None if its sentence was not parsed: the
        first of its words whose head lies outside it (read from the sentence's arrays)."""
        k = bisect.bisect_right(self._view_starts, m.start) - 1
        if k < 0:
            return None
        view = self._views[k]
        first = view.token_at(m.start)
        if first is None:
            return None
        last = bisect.bisect_left(view.chars, m.end, first)  # the words before the end
        if last == first:
            return None
        heads = view.heads
        head = next(
            (i for i in range(first, last) if not first <= heads[i] < last or heads[i] == i),
            last - 1,
        )
        return view.doc[head]

    def _next_word(self, end: int) -> Token | None:
        """The segmenter's token after a character offset, skipping spaces."""
        k = self._token_after(end)
        return self.tokens[k] if k < len(self.tokens) else None

    def _token_after(self, end: int) -> int:
        """Index of the first token at or after a character offset, past white space."""
        text = self.text
        while end < len(text) and text[end].isspace():
            end += 1
        if end >= len(text):
            return len(self.tokens)
        # every character that is not white space belongs to the token that starts last before it
        return bisect.bisect_right(self._token_starts, end) - 1

    def _modifies(self, m: Mention) -> bool:
        head = self._head_token(m)
        if head is not None:
            return head.dep_ in ("amod", "compound", "nmod") and head.head.i != head.i
        nxt = self._next_word(m.end)  # not parsed: a word right after it is what it modifies
        return nxt is not None and nxt.is_alpha and nxt.lower_ not in ("and", "or")

    def _beside_name(self, m: Mention) -> bool:
        """'Paweł Adamowicz, mayor of Gdańsk', 'the Ukrainian ambassador, Wasil Bodnar': a role
        in apposition to a named person only describes that person."""
        head = self._head_token(m)
        if head is None:
            return False
        offset = self._view_starts[bisect.bisect_right(self._view_starts, m.start) - 1]
        linked = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            linked.append(head.head)
        return any(
            t.pos_ == "PROPN" and any(x.idx + offset in self._named for x in t.subtree)
            for t in linked
        )

    def _is_location(self, m: Mention) -> bool:
        head = self._head_token(m)
        if head is None:
            return False
        while head.dep_ in ("conj", "appos") and head.head.i != head.i:
            head = head.head
        if head.dep_ != "pobj" or head.head.dep_ not in ("prep", "agent"):
            return False
        prep = head.head
        word = prep.lower_
        if prep.head.pos_ in ("VERB", "AUX"):
            return word in self.gaz.cues.get("place_prep_verb", ())
        return word in self.gaz.cues.get("place_prep_noun", ())

    def _in_title(self, m: Mention) -> bool:
        """'US' in 'US President Donald Trump': a title follows, then a capitalised name."""
        k = self._token_after(m.end)
        seen_title = False
        for tok in self.tokens[k : k + 8]:
            if tok.is_space:
                continue
            match = self.match_at_token(tok.i)
            if match is not None and match.entry.kind == "title":
                seen_title = True
                continue
            if not seen_title:
                return False
            if match is not None:
                return match.entry.kind in ("person", "user")
            return tok.text[:1].isupper() and tok.is_alpha
        return False

    def _one_per_place(self, mentions: list[Mention]) -> list[Mention]:
        """Of mentions that overlap, keep one reading: a title phrase around a name gives way to
        the name ("Paweł Adamowicz, mayor of ..." -> "Paweł Adamowicz"); a description keeps its
        words ("German officials" swallows "German", "Trump administration" swallows "Trump")."""
        out: list[Mention] = []
        i = 0
        while i < len(mentions):
            outer = mentions[i]
            group = [outer]
            end = outer.end
            j = i + 1
            while j < len(mentions) and mentions[j].start < end:
                group.append(mentions[j])
                end = max(end, mentions[j].end)
                j += 1
            i = j
            if len(group) == 1:
                out.append(outer)
                continue
            outer = max(group, key=lambda m: (m.end - m.start, -m.start))
            key = (outer.start, outer.end)
            names = [
                m
                for m in group
                if m is not outer
                and m.actor == outer.actor
                and (m.start, m.end) not in self._described
                and outer.start <= m.start
                and m.end <= outer.end
            ]
            if key in self._described and names:
                keep = max(names, key=lambda m: m.end - m.start)
            else:
                keep = outer
            out.append(keep)
            # mentions that only partly overlap the kept one stay
            out.extend(m for m in group if m.start >= keep.end or m.end <= keep.start)
        out.sort(key=lambda m: (m.start, m.end))
        return out


def noun_phrase(token: Token) -> list[Token]:
    """The token and the modifiers that belong to the same actor description."""
    found: dict[int, Token] = {}
    _collect_phrase(token, found)
    return [found[i] for i in sorted(found)]


def _collect_phrase(token: Token, found: dict[int, Token]) -> None:
    if not token.is_space:
        found[token.i] = token
    for child in token.children:
        dep = child.dep
        if dep in COORDINABLE_DEP_IDS and is_coordinated_modifier(child):
            continue
        if dep == APPOS_DEP_ID and _parenthesised(child):
            continue
        if (
            dep in NP_DEP_IDS
            or (dep == PREP_DEP_ID and child.lower_ == "of" and token.pos == NOUN)
            or dep == POBJ_DEP_ID
        ):
            _collect_phrase(child, found)


def _depth(tok: Token) -> int:
    """How many heads lie between a token and its sentence's root."""
    n = 0
    while tok.head.i != tok.i and n < 50:
        tok, n = tok.head, n + 1
    return n


def _compose(country: str, role: str) -> str:
    """A role under a country ('TUR' + 'GOV'); an organisation's people take the organisation's
    own code ("Houthi military spokesperson": YEMREB, not YEMREBGOV)."""
    if country.startswith(("IGO", "NGO", "IMG")) or len(country) > 3:
        return country
    return country + role


def _before_name(token: Token) -> bool:
    """The next word is a proper name or its apposition is one: the word is a title."""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.pos == PROPN:
        return True
    return any(c.dep == APPOS_DEP_ID and c.pos == PROPN for c in token.children)


def _only_the(token: Token) -> bool:
    """ "the country's": a bare definite owner, with nothing that says which country."""
    children = list(token.children)
    return (
        any(c.lower_ == "the" for c in children)
        and any(c.dep_ == "case" for c in children)
        and all(c.dep_ in ("det", "case") for c in children)
    )


def _doc_length(doc: Doc) -> int:
    """Length of a parsed sentence's text, without joining its tokens into a string."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def _refers(tok: Token) -> bool:
    """'they', 'its' nearly always point to an actor or a thing named before; 'it' only as the
    subject or object of a verb that is not a dummy ("it is possible", "it happened")."""
    if tok.lower_ != "it":
        return True
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return tok.head.lemma_.lower() not in DUMMY_IT_HEADS
    return tok.dep_ in ("dobj", "dative")


def _mention_tokens(head: Token, np: list[Token]) -> tuple[Token, Token]:
    """The first and last words of a mention: the noun phrase around the head without its
    determiner, its owner ("his country": "country"; "Turkey's offer") and appositions, which
    are mentions of their own; the contiguous run that holds the head."""
    cut: set[int] = set()
    for child in head.children:
        dep = child.dep
        if dep in OWN_MENTION_DEP_IDS:
            cut.update(t.i for t in child.subtree)
        elif dep in FUNCTION_DEP_IDS:
            cut.add(child.i)
    keep = {t.i for t in np if t.i not in cut and not t.is_punct}
    keep.add(head.i)
    lo = hi = head.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    return head.doc[lo], head.doc[hi]


def _via_prep(tok: Token, stop: set[int]) -> bool:
    """True when ``tok`` hangs from one of the ``stop`` tokens through a preposition."""
    while tok.i not in stop and tok.head.i != tok.i:
        if tok.dep_ in ("prep", "pobj"):
            return True
        tok = tok.head
    return False


def _against(span: Span) -> bool:
    """'anti-gang', 'counter-terrorism': a role word joined to 'anti-' names what something
    is against."""
    i = span.start
    doc = span.doc
    return (
        i >= 2
        and doc[i - 1].text in ("-", "–")
        and doc[i - 2].lower_ in ("anti", "counter")
        and not doc[i - 2].whitespace_
    )


def _runs_on(span: Span) -> bool:
    """A name joined by a hyphen to the next word ('Park Jin-young') goes on past the span."""
    doc = span.doc
    end = span.end
    return (
        end + 1 < len(doc)
        and not doc[end - 1].whitespace_
        and doc[end].text in ("-", "–")
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    )


def _former_word(tok: Token) -> bool:
    """'former', or 'then-' and 'ex-' joined to a title ('then-prime-minister X'): the
    person no longer holds it."""
    if tok.lower_ == "former":
        return True
    doc = tok.doc
    return (
        tok.lower_ in ("then", "ex")
        and not tok.whitespace_
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].text in ("-", "–")
    )


def _definite_singular(token: Token) -> bool:
    """'the suspect', 'the accused': one person the text has spoken of before."""
    return token.tag_ in ("NN", "NNP", "VBN", "JJ") and any(
        c.lower_ == "the" for c in token.children
    )


def _prep_between(tok: Token, stop: int) -> Token | None:
    """The preposition nearest to the head ``stop`` on the way up from ``tok``, if any."""
    found = None
    while tok.i != stop and tok.head.i != tok.i:
        if tok.dep_ == "prep":
            found = tok
        tok = tok.head
    return found if tok.i == stop else None


def _gerund_owner(token: Token) -> Token | None:
    """In "Turkey's supplying Ukraine with drones" the parser makes "Ukraine" the head, with
    "supplying" and "Turkey" as its modifiers; the actor meant is the gerund's owner."""
    gerund = owner = None
    for c in token.children:
        dep = c.dep
        if dep == AMOD_DEP_ID and gerund is None and c.tag_ == "VBG":
            gerund = c
        elif dep == POSS_DEP_ID and owner is None and c.pos != PRON:
            owner = c
    return owner if gerund is not None else None


def _owned_by_unknown(token: Token, actors: DocumentActors, offset: int) -> bool:
    """'the government of Abdrabbuh Mansur Hadi': a role that belongs to someone dyad does
    not know takes no country by default. A capitalised head is a name of its own ('the Court
    of Session')."""
    if token.text[:1].isupper() and not token.is_sent_start:
        return False
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN":
                    return actors.match_at_char(pobj.idx + offset) is None
    return False


def _parenthesised(tok: Token) -> bool:
    """'the West (Al-Jazeera)': a parenthesised apposition is a source note, not the actor."""
    first = tok.left_edge.i
    return tok.dep_ == "appos" and first > 0 and tok.doc[first - 1].text == "("


def is_coordinated_modifier(tok: Token) -> bool:
    """A modifier with its own coordination is a mis-parsed conjunct: 'Ukraine and Western
    countries' comes out as nmod(countries, Ukraine) + conj(Ukraine, Western)."""
    return (
        tok.dep_ in ("nmod", "compound", "amod")
        and any(c.dep_ == "cc" for c in tok.children)
        and any(c.dep_ == "conj" for c in tok.children)
    )


def _capitalised(span: Span) -> bool:
    """A proper name must be written as one: 'the West' yes, 'the west wind' no."""
    words = [t for t in span if t.lower_ not in ("the", "a", "an")] or list(span)
    first = words[0].text
    return first[:1].isupper() or first[:1].isdigit()


_PREPS = {"of", "for", "to", "with", "by", "on", "in", "at", "from", "who", "which", "and", "or"}


def _plural(word: str) -> bool:
    """'senators', 'officers': a title word in the plural heads a list of names."""
    return word.endswith("s") and not word.endswith("ss")


def _is_name_word(word: str) -> bool:
    return len(word) > 1 and bool(_NAME_TOKEN.match(word))


@lru_cache(maxsize=65536)
def _slug(name: str) -> str:
    """An actor id's name part; cached, as the same names recur across documents."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
