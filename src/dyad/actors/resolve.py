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
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyad.actors.gazetteer import PRIORITY, Entry, Gazetteer, fold_norms
from dyad.model import Actor, ActorRef, Mention

# Dependencies that stay inside a noun phrase when composing an actor.
NP_DEPS = {"compound", "amod", "nmod", "poss", "det", "nummod", "flat", "case", "appos", "punct"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
THING_PRONOUNS = {"it", "its", "they", "them", "their"}
SELF_WORDS = {"country", "nation", "government", "state"}
FORMER_ROLE = "ELI"
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


class DocumentActors:
    """Actors and mentions of one document, filled as the document is read."""

    def __init__(self, gazetteer: Gazetteer, tokens: Doc, date: str, role_labels: dict[str, str]):
        self.gaz = gazetteer
        self.tokens = tokens
        self.text = tokens.text
        self.date = date
        self.role_labels = role_labels
        self.actors: dict[str, Actor] = {}
        self.mentions: dict[tuple[int, int], Mention] = {}
        self._order: list[tuple[int, int, tuple[int, int]]] = []  # (start, seq, key), sorted
        self.matches: list[Match] = self._match()
        self._starts = [m.start for m in self.matches]
        self._surnames: dict[str, str] = {}  # surname or full name -> person actor id
        self._unknown_names: set[str] = set()  # people named in the text whom dyad cannot code
        self._unknown_at: list[tuple[int, str]] = []  # where they are mentioned
        self._individuals: set[tuple[int, int]] = set()  # role phrases naming one person
        self.default_country = self._main_country()
        self._register_known_surnames()
        self._register_titled_people()
        self._match_surnames()

    # ---------------------------------------------------------------- whole-text pass

    def _match(self) -> list[Match]:
        spans: list[tuple[Span, list[Entry]]] = []
        fold_norms(self.tokens)
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

    def _former(self, surface: str) -> list[Entry]:
        """A known person outside every dated term: former officials code as ELI after office."""
        rows = [e for e in self.gaz.dated_out(surface) if e.kind == "person"]
        past = [e for e in rows if e.end and e.end <= self.date]
        if not past or any(e.start and e.start > self.date for e in rows if e not in past):
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
            self._actor(actor_id, e.name, e.code, kind="person")
            self._surnames.setdefault(self.tokens[m.token_end - 1].text, actor_id)

    def _register_titled_people(self) -> None:
        """People introduced as '[country/seat] title Firstname Lastname' get that code."""
        toks = self.tokens
        i = 0
        while i < len(toks):
            if not _is_name_token(toks[i]) or self.match_at_token(toks[i].i):
                i += 1
                continue
            j = i
            while j < len(toks) and _is_name_token(toks[j]) and not self.match_at_token(j):
                j += 1
            if j - i >= 2 or (j - i == 1 and i > 0):
                code = self._code_from_left_context(i)
                if code:
                    self._register_person(toks[i:j], code)
            i = max(j, i + 1)

    def _code_from_left_context(self, i: int) -> str | None:
        country = role = None
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
            if kind == "title" and role is None:
                role = match.entry.code
            elif (
                kind in ("country", "demonym", "capital", "seat", "org", "place")
                and country is None
            ):
                country = match.entry.code[:3] if kind != "org" else match.entry.code
                break
            k = match.token_start - 1
        if role and country:
            return country if country.startswith(("IGO", "NGO", "IMG")) else country + role
        return None

    def _register_person(self, span: Span, code: str) -> str:
        name = span.text
        actor_id = "person:" + _slug(name)
        self._actor(actor_id, name, code, kind="person")
        self._surnames.setdefault(name, actor_id)
        self._surnames.setdefault(span[-1].text, actor_id)
        self._mention(span.start_char, span.end_char, actor_id, "name")
        return actor_id

    def _match_surnames(self) -> None:
        """Later mentions of a registered person by surname or full name."""
        for tok in self.tokens:
            actor_id = self._surnames.get(tok.text)
            if actor_id and not self.match_at_token(tok.i):
                self._mention(tok.idx, tok.idx + len(tok.text), actor_id, "surname")

    def note_people(self, doc: Doc, offset: int) -> None:
        """Remember people the parser names that no table knows, so that 'he' after them does
        not jump back to an earlier, known person."""
        for run in self._name_runs(doc, offset):
            if len(run) < 2 or run.text in self._surnames or run[-1].text in self._surnames:
                continue
            self._unknown_names.update({run.text, run[-1].text})
        for tok in doc:
            if tok.text in self._unknown_names and tok.text not in self._surnames:
                self._unknown_at.append((tok.idx + offset, tok.text))
        self._unknown_at.sort()

    def _name_runs(self, doc: Doc, offset: int) -> list[Span]:
        """Runs of capitalised proper nouns that no table knows: likely names of people.
        (The parser's own entity recogniser would double the cost of a parse.)"""
        runs: list[Span] = []
        start = None
        for tok in [*doc, None]:
            ok = tok is not None and self._unknown_name(tok, offset)
            if ok and start is None:
                start = tok.i
            elif not ok and start is not None:
                runs.append(doc[start : tok.i if tok is not None else len(doc)])
                start = None
        return runs

    def _unknown_name(self, tok: Token, offset: int) -> bool:
        """A capitalised proper noun that no table knows."""
        return (
            tok.pos_ == "PROPN"
            and tok.text[:1].isupper()
            and self.match_at_char(tok.idx + offset) is None
        )

    # ---------------------------------------------------------------- lookups

    def match_at_token(self, i: int) -> Match | None:
        """The gazetteer match covering token ``i`` of the tokenised text, if any."""
        char = self.tokens[i].idx
        return self.match_at_char(char)

    def match_at_char(self, char: int) -> Match | None:
        k = bisect.bisect_right(self._starts, char) - 1
        if k >= 0 and self.matches[k].start <= char < self.matches[k].end:
            return self.matches[k]
        return None

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
        ref = self._resolve(token, offset, direct, places)
        if ref is None and private and self.default_country and token.pos_ == "PROPN":
            ref = self._private_person(token, offset)
        return ref

    def _private_person(self, token: Token, offset: int) -> ActorRef | None:
        runs = self._name_runs(token.doc, offset)
        run = next((r for r in runs if r.start <= token.i < r.end), None)
        if run is None or token.i != run.end - 1:
            return None
        actor_id = self._surnames.get(run.text) or self._surnames.get(run[-1].text)
        if actor_id is None:
            actor_id = "person:" + _slug(run.text)
            self._actor(actor_id, run.text, f"{self.default_country}CVL", kind="person")
            self._surnames.setdefault(run.text, actor_id)
            self._surnames.setdefault(run[-1].text, actor_id)
        start = run.start_char + offset
        end = start + len(run.text)
        self._mention(start, end, actor_id, "name")
        return ActorRef(self.actors[actor_id].code, run.text, start, end, actor_id)

    def _resolve(self, token: Token, offset: int, direct: bool, places: bool) -> ActorRef | None:
        if token.pos_ == "PRON":
            return self._pronoun(token, offset)
        gerund_owner = _gerund_owner(token)
        if gerund_owner is not None:
            token = gerund_owner  # "Turkey's supplying Ukraine" mis-parsed around "Ukraine"
        np = noun_phrase(token)
        heads = [token, *[c for c in token.children if c.dep_ == "appos"]]
        matches = self._matches_in(np, offset)
        # 1. a head covered by a name with its own code
        for head in heads:
            m = self.match_at_char(head.idx + offset)
            if m and m.entry.kind not in ("title", "sector", "demonym", "place"):
                return self._ref_for_match(m, np, offset)
            actor_id = self._surnames.get(head.text)
            if actor_id:
                return self._ref(actor_id, np, offset, "surname")
            if places and m and m.entry.kind == "place":
                return self._ref(self._code_actor(m.entry.code), np, offset, "place")
        # 2. a role or title head (or a name after a title) composed with a country
        role = self._role(heads, matches, offset)
        country = self._country(np, matches, token, offset)
        if role and not country and not _owned_by_unknown(token, self, offset):
            country = (
                self._country_from_place(token, offset)
                or self.default_country
                or self._sentence_country(token, offset)
            )
        if role and country:
            code = country if country.startswith(("IGO", "NGO", "IMG")) else country + role
            names = [t for t in np if self._unknown_name(t, offset)]
            if names:
                span = token.doc[names[0].i : names[-1].i + 1]
                # a name with a title is a person; with a sector word ("Iranian airline Mahan
                # Air") an organisation
                kind = "person" if any(m.entry.kind == "title" for m in matches) else "organization"
                actor_id = ("person:" if kind == "person" else "org:") + _slug(span.text)
                self._actor(actor_id, span.text, code, kind=kind)
                self._surnames.setdefault(span.text, actor_id)
                # a person is called by the surname later, an organisation by its first word
                self._surnames.setdefault(span[-1 if kind == "person" else 0].text, actor_id)
                self._mention(span.start_char + offset, span.end_char + offset, actor_id, "name")
                return self._ref(actor_id, np, offset, "title")
            ref = self._ref(self._code_actor(code), np, offset, "role")
            if token.tag_ == "NN" and role in PERSON_ROLES:
                self._individuals.add((ref.start, ref.end))  # "the driver": a 'he' later
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
                    return self._ref(self._code_actor(code), np, offset, "pronoun")
        # 4. a thing marked by its owner: "the Turkish initiative", "Turkey's offer"
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

    def _matches_in(self, np: list[Token], offset: int) -> list[Match]:
        seen: dict[int, Match] = {}
        for tok in np:
            m = self.match_at_char(tok.idx + offset)
            if m:
                seen[m.start] = m
        return list(seen.values())

    def _role(self, heads: list[Token], matches: list[Match], offset: int) -> str | None:
        for head in heads:
            m = self.match_at_char(head.idx + offset)
            if m and m.entry.kind in ("title", "sector"):
                return m.entry.code
        # a name whose compound modifiers include a title: "spokesman Dmitry Peskov"
        titles = [m for m in matches if m.entry.kind == "title"]
        if titles and any(h.pos_ == "PROPN" for h in heads):
            return titles[-1].entry.code
        sectors = [m for m in matches if m.entry.kind in ("title", "sector")]
        if sectors and heads[0].pos_ != "PROPN":
            return sectors[-1].entry.code
        # "Iranian airline Mahan Air": a sector word in the name's own modifiers
        head = heads[0]
        own = {c.i for c in head.children if c.dep_ == "compound"}
        for m in sectors:
            if any(t.i in own for t in head.doc if m.start <= t.idx + offset < m.end):
                return m.entry.code
        return None

    def _country(
        self, np: list[Token], matches: list[Match], head: Token, offset: int
    ) -> str | None:
        for m in matches:
            if m.entry.kind in ("country", "demonym", "capital", "seat"):
                return m.entry.code[:3]
            if m.entry.kind == "org":
                return m.entry.code
        for tok in np:
            if tok.dep_ == "poss" and tok.pos_ == "PRON":
                ref = self._pronoun(tok, offset)
                if ref:
                    return ref.code[:3]
        return None

    def _country_from_place(self, token: Token, offset: int) -> str | None:
        """'police in Paris', 'a judge from Texas': the country of a place the role is at."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "from", "at", "of"):
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    for tok in noun_phrase(pobj):
                        m = self.match_at_char(tok.idx + offset)
                        if m and m.entry.kind in COUNTRY_KINDS:
                            return m.entry.country or m.entry.code[:3]
        return None

    def _sentence_country(self, token: Token, offset: int) -> str | None:
        """The one country a sentence places itself in, if it names exactly one."""
        start, end = offset, offset + len(token.doc.text)
        k = bisect.bisect_left(self._starts, start)
        found = set()
        while k < len(self.matches) and self.matches[k].start < end:
            m = self.matches[k]
            if m.entry.kind in COUNTRY_KINDS:
                found.add(m.entry.country or m.entry.code[:3])
            k += 1
        return found.pop() if len(found) == 1 else None

    def _main_country(self) -> str | None:
        """The country a document is about, when one clearly dominates its mentions."""
        counts: dict[str, int] = {}
        for m in self.matches:
            if m.entry.kind in COUNTRY_KINDS:
                c = m.entry.country or m.entry.code[:3]
                counts[c] = counts.get(c, 0) + 1
        if not counts:
            return None
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        top, n = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0
        return top if n >= 2 * second else None

    def _pronoun(self, token: Token, offset: int) -> ActorRef | None:
        word = token.lower_
        char = token.idx + offset
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
        k = bisect.bisect_left(self._order, (char + 1,))
        while k > 0:
            k -= 1
            start, seq, key = self._order[k]
            if best is not None and start < best.start:
                break
            mention = self.mentions[key]
            if mention.end > char or mention.how in ("pronoun", "demonym", "modifier", "place"):
                continue  # adjectives and owners of things are not what 'it' points back to
            actor = self.actors[mention.actor]
            is_person = actor.kind == "person" or key in self._individuals
            if (wanted == "person") != is_person:
                continue
            if best is None or seq < best_seq:
                best, best_seq = mention, seq
        if best is None:
            return None
        if wanted == "person":
            lo = bisect.bisect_left(self._unknown_at, (best.end, ""))
            hi = bisect.bisect_left(self._unknown_at, (char, ""))
            if any(name not in self._surnames for _, name in self._unknown_at[lo:hi]):
                return None  # the latest person is one dyad cannot code
        end = char + len(token.text)
        self._mention(char, end, best.actor, "pronoun")
        actor = self.actors[best.actor]
        return ActorRef(actor.code, token.text, char, end, actor.id)

    # ---------------------------------------------------------------- records

    def _ref_for_match(
        self, m: Match, np: list[Token], offset: int, how: str | None = None
    ) -> ActorRef:
        e = m.entry
        if e.kind == "person" or (e.kind == "user" and e.actor_kind == "person"):
            actor_id = "person:" + _slug(e.name)
            self._actor(actor_id, e.name, e.code, kind="person")
        else:
            actor_id = self._code_actor(e.code, e.name if e.kind in ("org", "user") else None)
        self._mention(m.start, m.end, actor_id, e.kind)
        return self._ref(actor_id, np, offset, how or e.kind)

    def _ref(self, actor_id: str, np: list[Token], offset: int, how: str) -> ActorRef:
        core = [t for t in np if not t.is_punct] or np
        start = min(t.idx for t in core) + offset
        last = max(core, key=lambda t: t.idx)
        end = last.idx + len(last.text) + offset
        if how != "modifier":  # "the Turkish initiative" names a thing, not an actor
            self._mention(start, end, actor_id, how, alias=False)
        return ActorRef(self.actors[actor_id].code, self.text[start:end], start, end, actor_id)

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

    def _mention(self, start: int, end: int, actor_id: str, how: str, alias: bool = True) -> None:
        if (start, end) in self.mentions:
            return
        text = self.text[start:end]
        self.mentions[(start, end)] = Mention(start, end, text, actor_id, -1, how)
        bisect.insort(self._order, (start, len(self.mentions), (start, end)))
        aliases = self.actors[actor_id].aliases
        if alias and how in NAME_KINDS and text not in aliases:
            aliases.append(text)

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

    def resolve_pronouns(
        self, speakers: list[tuple[int, int, ActorRef]], first_person: set[str]
    ) -> None:
        """Every personal pronoun of the text as a mention: 'he', 'his', 'she', 'her' point back
        to the latest person; 'I', 'we', 'our' inside a quotation to its speaker."""
        for tok in self.tokens:
            span = (tok.idx, tok.idx + len(tok.text))
            if span in self.mentions:
                continue
            word = tok.lower_
            if word in PERSON_PRONOUNS:
                self._pronoun(tok, 0)
            elif word in first_person:
                for start, end, speaker in speakers:
                    if start <= tok.idx < end and speaker.actor:
                        self._mention(*span, speaker.actor, "pronoun")
                        break

    def finish(self, sentence_starts: list[int]) -> tuple[list[Actor], list[Mention]]:
        """Actors and mentions in text order, each mention with its sentence index."""
        mentions = sorted(self.mentions.values(), key=lambda m: (m.start, m.end))
        for m in mentions:
            m.sentence = max(0, bisect.bisect_right(sentence_starts, m.start) - 1)
        used = {m.actor for m in mentions}
        actors = [a for a in self.actors.values() if a.id in used]
        return actors, mentions


def noun_phrase(token: Token) -> list[Token]:
    """The token and the modifiers that belong to the same actor description."""
    out = [token]
    for child in token.children:
        if is_coordinated_modifier(child) or _parenthesised(child):
            continue
        if (
            child.dep_ in NP_DEPS
            or (child.dep_ == "prep" and child.lower_ == "of" and token.pos_ == "NOUN")
            or child.dep_ == "pobj"
        ):
            out.extend(noun_phrase(child))
    return sorted({t.i: t for t in out if not t.is_space}.values(), key=lambda t: t.i)


def _gerund_owner(token: Token) -> Token | None:
    """In "Turkey's supplying Ukraine with drones" the parser makes "Ukraine" the head, with
    "supplying" and "Turkey" as its modifiers; the actor meant is the gerund's owner."""
    children = list(token.children)
    gerund = any(c.dep_ == "amod" and c.tag_ == "VBG" for c in children)
    owners = [c for c in children if c.dep_ == "poss" and c.pos_ != "PRON"]
    return owners[0] if gerund and owners else None


def _owned_by_unknown(token: Token, actors: DocumentActors, offset: int) -> bool:
    """'the government of Abdrabbuh Mansur Hadi': a role that belongs to someone dyad does
    not know takes no country by default."""
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


def _is_name_token(tok: Token) -> bool:
    return bool(_NAME_TOKEN.match(tok.text)) and not tok.is_sent_start and len(tok.text) > 1


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
