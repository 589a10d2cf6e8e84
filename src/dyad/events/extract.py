"""Event extraction from one parsed sentence.

For every predicate the lexicon knows (a verb sense, a light verb with an event noun, a frame
verb wrapping another event, or a nominal event) the extractor finds the arguments in the
dependency parse: subjects and by-agents, objects and prepositional targets, controllers of
infinitives, coordinated actors (one event per source-target pair). It then reads the modality
(negation, condition, hypothesis, intention, claim) and the speaker a reported clause belongs to.
Nothing is coded unless the source resolves to an actor: precision first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dyad.actors import DocumentActors, is_coordinated_modifier
from dyad.cameo import Ontology
from dyad.events.lexicon import Lexicon, NounEntry, Policy, VerbEntry
from dyad.model import ActorRef, Event, Span
from dyad.nlp import ParsedSentence
from dyad.timeplace.vocab import load_vocabulary

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj", "attr"}
# How the leader hangs on a "-led" participle ("US-led", "Saudi-led").
LEADER_DEPS = {"npadvmod", "compound", "nmod", "amod", "nsubj"}
# Roots where a named but unresolved object means the act was not aimed at an actor at all
# ("attacked the proclamation"), so no one-sided event is coded.
ACTOR_AIMED = {"18", "19"}
# Roots whose target may be a place, coded as its country: "annexed Crimea", "shelled Kharkiv".
PLACE_TARGET_ROOTS = {"15", "17", "18", "19", "20"}
# Roots whose agentless passive may name its doer through the means: "killed in a US raid".
MEANS_ROOTS = {"18", "19", "20"}
MODALITY_ORDER = ("negated", "conditional", "hypothetical", "claimed", "intended", "asserted")


@dataclass
class Predicate:
    """A predicate the lexicon recognises, before its arguments are resolved."""

    token: Token
    code: str
    rule: str
    targets: tuple[str, ...]
    target_host: Token  # the token whose dependents hold the target (verb or event noun)
    frame: str | None = None
    embedded: Predicate | None = None
    extra_targets: list[Token] = field(default_factory=list)
    modality: str | None = None  # forced modality (frames)
    source_tokens: list[Token] | None = None  # forced sources (control)
    means: Token | None = None  # "killed in a US operation": who did it, when no one is named
    role_codes: dict[str, tuple[str, str]] = field(default_factory=dict)  # target role -> code
    # the antecedent of a relative clause the parser hung on the wrong noun (see _high_antecedent)
    relative_object: Token | None = None


class EventExtractor:
    """Turns parsed sentences into events with the lexicon and the document's actors."""

    def __init__(self, lexicon: Lexicon, ontology: Ontology) -> None:
        self.lex = lexicon
        self.onto = ontology
        self._actors: DocumentActors | None = None  # set per sentence by extract()
        self._offset = 0
        self._quoted_by: ActorRef | None = None
        self._quotations: list[tuple[int, int, ActorRef]] = []
        # (verb, entry id) -> the higher antecedent its object selector accepted, per sentence
        self._high: dict[tuple[int, str], Token] = {}

    # ------------------------------------------------------------------ public

    def extract(
        self,
        sent: ParsedSentence,
        actors: DocumentActors,
        quoted_by: ActorRef | None = None,
        quotations: list[tuple[int, int, ActorRef]] | None = None,
    ) -> list[Event]:
        """All events of one parsed sentence; ``quoted_by`` is the speaker when the sentence
        sits inside a direct quotation whose speech verb is in another sentence, and
        ``quotations`` the quote stage's direct quotations (start, end, speaker), for a
        quotation introduced in its own sentence ('responded on Twitter: "I reject ..."')."""
        actors.reading(sent.doc)
        try:
            return self._extract(sent, actors, quoted_by, quotations)
        finally:
            actors.reading(None)

    def _extract(
        self,
        sent: ParsedSentence,
        actors: DocumentActors,
        quoted_by: ActorRef | None,
        quotations: list[tuple[int, int, ActorRef]] | None,
    ) -> list[Event]:
        doc = sent.doc
        offset = sent.offset
        self._actors, self._offset, self._quoted_by = actors, offset, quoted_by
        self._high = {}
        self._quotations = [
            (start, end, speaker)
            for start, end, speaker in quotations or ()
            if speaker.code is not None and start < sent.sentence.end and offset < end
        ]
        # Noun phrases first, in text order, so that a pronoun later in the sentence ("his
        # country", "detained him") can point back to someone the sentence itself introduces.
        for tok in doc:
            if tok.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | OBJECT_DEPS | {"pobj", "appos"}:
                actors.resolve(tok, offset)
        preds: dict[int, Predicate] = {}
        consumed: set[int] = set()
        for tok in doc:
            pred = self.verb_predicate(tok)
            if pred is not None:
                preds[tok.i] = pred
                consumed.update(_embedded_tokens(pred))
        for tok in doc:
            if tok.i in preds or tok.i in consumed or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            noun = self.noun_predicate(tok)
            if noun is not None and not self.lex.policy.covers("standing_root", noun.code):
                preds[tok.i] = noun  # "part of a pact between the EU and Mercosur": a state
        events: list[Event] = []
        policy = self.lex.policy
        disaster = any(policy.has("disaster_word", t.lemma_) for t in doc)
        for i, pred in sorted(preds.items()):
            if i in consumed or (disaster and policy.covers("disaster_root", pred.code)):
                continue
            events.extend(self._emit(pred, sent, actors, offset))
            events.extend(self._allegation(pred, sent, actors, offset))
        events.extend(self._bare_refusals(events, sent, actors, offset))
        return _dedupe(events)

    def _bare_refusals(
        self, events: list[Event], sent: ParsedSentence, actors: DocumentActors, offset: int
    ) -> list[Event]:
        """'asked Judge Miller to delay his ruling, but he declined': a refusal with nothing of
        its own, coordinated with an appeal or demand to the refuser, rejects it (120)."""
        out: list[Event] = []
        for tok in sent.doc:
            if (
                tok.pos_ != "VERB"
                or tok.dep_ != "conj"
                or not self.lex.policy.has("bare_refusal_verb", tok.lemma_)
                or any(c.dep_ in ("dobj", "obj", "xcomp", "ccomp", "prep") for c in tok.children)
            ):
                continue
            pred = Predicate(tok, "120", f"refuse:{tok.lemma_.lower()}", ("none",), tok)
            modality = self._modality(pred)
            if modality != "asserted":
                continue
            refusers = self._resolve_all(
                [c for c in tok.children if c.dep_ in SUBJECT_DEPS], actors, offset
            )
            asked = [
                e
                for e in events
                if e.root in ("02", "10")
                and e.modality == "asserted"
                and e.target is not None
                and e.trigger.start < tok.idx + offset
                and sent.doc[tok.head.i].idx + offset == e.trigger.start  # the verb it joins
            ]
            for e in asked:
                for ref in refusers:
                    if e.target is not None and _one_party(ref, e.target):
                        rule = f"{pred.rule}+{e.rule}"
                        out.append(
                            self._event("120", ref, e.source, modality, sent, tok, rule, None)
                        )
        return out

    # ------------------------------------------------------------------ predicates

    def verb_predicate(self, tok: Token) -> Predicate | None:
        """The lexicon's reading of a verb (or frame adjective), with any embedded event."""
        if tok.pos_ not in ("VERB", "AUX", "ADJ"):
            return None
        lemma = tok.lemma_.lower()
        entry = self._best_verb(tok, self.lex.verbs.get(lemma, []))
        if entry is not None:
            if entry.frame:
                return self._frame(tok, entry)
            assert entry.code is not None
            pred = Predicate(tok, entry.code, entry.id, entry.targets, tok)
            pred.relative_object = self._high.get((tok.i, entry.id))
            if entry.cues is not None:
                # "our thoughts are with X": whose thoughts
                pred.source_tokens = _cue_owners(tok, entry.cues)
            if entry.objects is not None:
                obj = pred.relative_object or _selected_object(tok, entry)
                if obj is not None:  # "accepted the invitation": one event, not two
                    pred.embedded = Predicate(obj, entry.code, entry.id, ("none",), obj)
                if (
                    entry.code[:2] in MEANS_ROOTS
                    and entry.prep
                    and _is_passive(tok)
                    and _prep(tok, "by") is None
                ):
                    pred.means = obj  # "was killed in a Russian airstrike"
            return pred
        if tok.pos_ == "ADJ":
            return None
        return self._light_verb(tok)

    def noun_predicate(self, tok: Token) -> Predicate | None:
        """A nominal event: 'Russia's annexation of Crimea', 'talks between X and Y'."""
        entry = self._best_noun(tok)
        if entry is None:
            return None
        targets = tuple(f"prep:{p}" for p in entry.target_preps) or ("none",)
        pred = Predicate(tok, entry.code, entry.id, targets, tok)
        if entry.modifiers is None:
            pred.role_codes = self._role_codes(tok)
        return pred

    def _role_codes(self, tok: Token) -> dict[str, tuple[str, str]]:
        """Codes an event noun takes by its target's role: cooperation with navies is military."""
        return {
            e.target_role: (e.code, e.id)
            for e in self.lex.nouns.get(tok.lemma_.lower(), [])
            if e.target_role is not None
        }

    def _best_verb(self, tok: Token, entries: list[VerbEntry]) -> VerbEntry | None:
        best: VerbEntry | None = None
        for entry in entries:
            if entry.pos != ("ADJ" if tok.pos_ == "ADJ" else "VERB"):
                continue
            if self._verb_matches(tok, entry) and (
                best is None or entry.specificity > best.specificity
            ):
                best = entry
        return best

    def _verb_matches(self, tok: Token, entry: VerbEntry) -> bool:
        if entry.particle and entry.particle not in _particles(tok):
            return False
        if not entry.passive and _is_passive(tok):
            return False
        obj = self._counted(_object(tok))
        if entry.prep:
            # "invested billions in Egypt": the parser may hang the phrase on the object
            preps = _preps(tok, entry.prep) or (_preps(obj, entry.prep) if obj is not None else [])
            if not preps:
                return False
            # "On October 6 ... spoke on the phone": the phrase the selector accepts
            phrases = [[c for c in p.children if c.dep_ in ("pobj", "pcomp")] for p in preps]
            pobjs = next(
                (
                    ph
                    for ph in phrases
                    if entry.objects is None or (ph and _object_lemmas(ph[0]) & entry.objects)
                ),
                phrases[0],
            )
            obj = self._counted(pobjs[0]) if pobjs else None
        if entry.complements is not None and not (_complement_lemmas(tok) & entry.complements):
            return False
        if entry.no_complement and _complement_lemmas(tok):
            return False  # 'called D'Souza "humble"', 'admits that he will lose the case'
        if entry.cues is not None and not _cue_words(tok, entry) & entry.cues:
            return False  # "we are with you" alone is no sympathy; "in our thoughts" is
        if entry.clause and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
            return False  # "asked Trump about it", "asking local authorities": a question
        if entry.intransitive and any(c.dep_ in ("dobj", "obj") for c in tok.children):
            return False  # "demonstrated a shocking ignorance" shows, it does not protest
        if entry.objects is not None and not (_object_lemmas(obj) & entry.objects):
            high = _high_antecedent(tok, entry.objects) if not entry.prep else None
            if high is None:
                return False
            obj = self._high[(tok.i, entry.id)] = high
        lemma = obj.lemma_.lower() if obj is not None else None
        if lemma is not None and lemma in entry.not_objects:
            return False
        if entry.modifiers is not None and not (_modifier_lemmas(obj) & entry.modifiers):
            return False  # "went on a hunger strike" is no labour strike
        if (
            not entry.prep
            and entry.not_objects
            and any(
                c.dep_ in OBJECT_DEPS and c.lemma_.lower() in entry.not_objects
                for c in tok.children
            )
        ):
            return False  # "deny terrorism any victory": either object may rule the sense out
        if entry.object_role is not None:
            if obj is None or self._actors is None:
                return False
            ref = self._actors.resolve(obj, self._offset, direct=True)
            if ref is None:
                return False
            if entry.object_role == "person" and not (
                ref.actor and ref.actor.startswith("person:")
            ):
                return False
        if entry.not_object_roles and obj is not None and self._actors is not None:
            ref = self._actors.resolve(obj, self._offset, direct=True)
            if ref is not None and ref.code[3:6] in entry.not_object_roles:
                return False  # "told the BBC", "speaking to NBC News": an interview
        return True

    def _counted(self, obj: Token | None) -> Token | None:
        """What a quantity noun counts: "hundreds of thousands of refugees" selects as refugees;
        "the role of mediator" as a mediator."""
        policy = self.lex.policy
        while obj is not None and (
            obj.like_num
            or policy.has("quantity_noun", obj.lemma_)
            or policy.has("role_noun", obj.lemma_)
        ):
            of = _prep(obj, "of")
            pobjs = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
            if not pobjs:
                break
            obj = pobjs[0]
        return obj

    def _best_noun(self, tok: Token) -> NounEntry | None:
        best: NounEntry | None = None
        for entry in self.lex.nouns.get(tok.lemma_.lower(), []):
            if entry.target_role is not None:
                continue  # chosen once the target is known (role_codes)
            if entry.plural and tok.tag_ not in ("NNS", "NNPS"):
                continue
            if entry.modifiers is not None:
                mods = {
                    c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod")
                }
                # "restrictions on flights" is a kind of restriction, as "flight restrictions" is
                mods |= {t.lemma_.lower() for p in _preps(tok, "on") for t in p.children}
                if not mods & entry.modifiers:
                    continue
            if best is None or entry.specificity > best.specificity:
                best = entry
        return best

    def _light_verb(self, tok: Token) -> Predicate | None:
        obj = _object(tok)
        if obj is None:
            return None
        for light in self.lex.light_verbs.get(tok.lemma_.lower(), []):
            if light.particle and light.particle not in _particles(tok):
                continue
            noun = self._best_noun(obj)
            if noun is None:
                continue
            if light.roots and not any(noun.code.startswith(r) for r in light.roots):
                continue
            targets = light.targets + tuple(f"prep:{p}" for p in noun.target_preps)
            pred = Predicate(tok, noun.code, f"{light.id}+{noun.id}", targets, tok)
            if noun.modifiers is None:
                pred.role_codes = self._role_codes(obj)
            pred.extra_targets = [obj]
            pred.embedded = Predicate(obj, noun.code, noun.id, ("none",), obj)
            return pred
        return None

    def _frame(self, tok: Token, entry: VerbEntry) -> Predicate | None:
        inner = self._embedded(tok, entry)
        frame = entry.frame
        assert frame is not None
        if frame in ("accuse", "deny"):
            if entry.code is None:
                return None
            pred = Predicate(tok, entry.code, entry.id, entry.targets, tok, frame=frame)
            if inner is not None:
                inner.modality = "claimed" if frame == "accuse" else "negated"
                if frame == "accuse":
                    inner.source_tokens = _targets_of(tok, entry.targets)
                pred.embedded = inner
            return pred
        if inner is not None and frame == "reject":
            inner = self._demanded(inner)
        if inner is not None:
            mapped = self.lex.frame_code(frame, inner.code)
            if mapped is not None:
                code, row = mapped
                pred = Predicate(
                    tok, code, f"{entry.id}+{inner.rule}+{row}", entry.targets, tok, frame=frame
                )
                pred.embedded = inner
                pred.extra_targets = [inner.target_host]
                if frame == "intend":
                    pred.modality = "intended"
                return pred
        if entry.code is None:
            return None
        pred = Predicate(tok, entry.code, entry.id, entry.targets, tok, frame=frame)
        if frame == "intend":
            pred.modality = "intended"
        return pred

    def _demanded(self, inner: Predicate) -> Predicate:
        """What a rejected demand or appeal asked for: "rejected the US demand that Maduro step
        down" is refusing to resign (1231), "rejected Hamas's demand for a prisoner release"
        refusing a release (1243). The demand noun stays the target host, so its maker is the
        target; the asked-for event is consumed."""
        tok = inner.token
        if tok.pos_ != "NOUN" or inner.code[:2] not in ("02", "10"):
            return inner
        content: Predicate | None = None
        for child in tok.children:
            if child.dep_ in ("acl", "relcl", "ccomp") and _subjunctive(child):
                content = self.verb_predicate(child)
            elif child.dep_ == "prep" and child.lower_ == "for":
                nouns = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
                content = self.noun_predicate(nouns[0]) if nouns else None
            if content is not None and self.lex.frame_code("reject", content.code) is not None:
                break
            content = None
        if content is None:
            return inner
        demanded = Predicate(
            content.token, content.code, f"{inner.rule}+{content.rule}", inner.targets, tok
        )
        demanded.embedded = content
        return demanded

    def _embedded(self, tok: Token, entry: VerbEntry) -> Predicate | None:
        """The event a frame verb wraps: infinitive, gerund, object noun or prepositional noun."""
        candidates: list[Token] = []
        for child in tok.children:
            if child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX"):
                candidates.append(child)
            elif entry.prep and child.dep_ == "advcl" and _infinitive(child):
                candidates.append(child)  # "counts on Turkey to act": parsed as a purpose clause
        if entry.prep:
            prep = _prep(tok, entry.prep)
            if prep is not None and prep.dep_ == "mark":
                candidates.append(prep.head)
            elif prep is not None:
                candidates += [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        for prep_word in ("of", "for", "with"):  # "accused X of mobilizing", "blamed X for"
            prep = _prep(tok, prep_word)
            if prep is not None:
                candidates += [c for c in prep.children if c.dep_ in ("pcomp", "pobj")]
        obj = _object(tok)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):  # a verb as object is a mis-tag
            candidates.append(obj)
        for cand in candidates:
            if cand.pos_ in ("VERB", "AUX"):
                pred = self.verb_predicate(cand)
            else:
                pred = self.noun_predicate(cand)
            if pred is not None:
                return pred
        return None

    # ------------------------------------------------------------------ arguments

    def _emit(
        self,
        pred: Predicate,
        sent: ParsedSentence,
        actors: DocumentActors,
        offset: int,
        forced_modality: str | None = None,
        speaker: ActorRef | None = None,
    ) -> list[Event]:
        events: list[Event] = []
        sources = self._sources(pred, actors, offset)
        reported = speaker is not None
        if speaker is None:
            reported, speaker = self._speaker(pred.token, actors, offset)
        modality = forced_modality or self._modality(pred)
        if self.lex.policy.covers("state_root", pred.code):
            # "SpaceX tested its rocket", "social media struggled to censor the videos": a
            # show of force or an administrative sanction is done by those who hold power
            sources = [s for s in sources if not self.lex.policy.has("private_role", s.code[3:6])]
        between = _between(pred) if not sources else []
        if len(between) >= 2:  # "talks between Israel and Egypt": each side to the other
            sources = self._resolve_all(between, actors, offset)
        if sources:
            targets = self._targets(pred, actors, offset)
            if not targets:
                targets = self._act_target(pred, sources, actors, offset)
            if not targets and self.lex.policy.covers("between_root", pred.code):
                # "ready to mediate ... so that peace prevails between Russia and Ukraine"
                parties = _sentence_between(pred.token)
                targets = self._resolve_all(parties, actors, offset) if len(parties) >= 2 else []
            if self.lex.policy.covers("suspect_root", pred.code):
                # a civilian arrested, charged or convicted is a suspect in that event
                targets = [_as_role(t, "CVL", "CRM") for t in targets]
            pairs = [(s, t) for s in sources for t in targets if not _same(s, t)]
            reciprocal = self.lex.policy.covers("reciprocal_root", pred.code)
            if not targets and len(sources) == 1 and reciprocal:
                # "US President Trump and Turkish President Erdogan spoke": the parser may hang
                # the first party inside the second one's name
                for r in self._resolve_all(_inner_conjuncts(pred), actors, offset):
                    if not any(_same(r, s) or r.code == s.code for s in sources):
                        sources.append(r)
            if not targets and len(sources) >= 2 and reciprocal:
                # "Russia and China held talks": each with the other
                pairs = [(s, t) for s in sources for t in sources if not _same(s, t)]
            elif not pairs and self._one_sided_ok(pred):
                pairs = [(s, None) for s in sources]
            alleged = _alleging_verb(pred.token, self.lex.policy, "allege_verb") is not None
            for source, target in pairs:
                m = modality
                if (
                    m in ("asserted", "intended")
                    and reported
                    and (
                        speaker is None
                        or speaker.code[:3] != source.code[:3]
                        or (alleged and not _same_side(speaker, source))
                    )
                ):
                    m = "claimed"  # someone else's word for it
                code, rule = pred.code, pred.rule
                role = target.code[3:6] if target is not None else ""
                if role in pred.role_codes:  # "cooperation with the navies": military
                    code, row = pred.role_codes[role]
                    rule = f"{rule}+{row}"
                events.append(self._event(code, source, target, m, sent, pred.token, rule, speaker))
                if m in ("asserted", "claimed"):
                    actors.note_act(source, pred.token.idx + offset)
        inner = pred.embedded
        if inner is not None and pred.frame in ("accuse", "deny"):
            claimer = sources[0] if sources else None
            events.extend(
                self._emit(inner, sent, actors, offset, inner.modality, claimer or speaker)
            )
        return events

    def _event(
        self,
        code_id: str,
        source: ActorRef,
        target: ActorRef | None,
        modality: str,
        sent: ParsedSentence,
        trigger: Token,
        rule: str,
        speaker: ActorRef | None,
    ) -> Event:
        code = self.onto[code_id]
        return Event(
            source=source,
            target=target,
            code=code.code,
            root=code.root,
            label=code.label,
            goldstein=code.goldstein,
            quad_class=code.quad_class,
            plover=code.plover,
            plover_mode=code.plover_mode,
            modality=modality,
            sentence=sent.sentence.index,
            trigger=_span(trigger, sent.offset),
            rule=rule,
            attributed_to=speaker,
        )

    def _sources(self, pred: Predicate, actors: DocumentActors, offset: int) -> list[ActorRef]:
        """The doers: subjects, agents, controllers; the actor a participle modifies ("police
        blocking the road"); the owner of the means of an agentless passive ("was killed in a
        US operation")."""
        private = self.lex.policy.covers("private_person_root", pred.code)
        tok = pred.token
        if (
            pred.source_tokens is None
            and tok.dep_ == "acl"
            and tok.tag_ == "VBG"
            # "a message on Twitter blaming Iran": not Twitter; but "with students protesting"
            and (tok.head.dep_ != "pobj" or tok.head.head.lower_ == "with")
        ):
            own = self._resolve_all(_conjuncts(tok.head), actors, offset)
            if own:
                return own
        sources = self._resolve_all(
            pred.source_tokens or _sources(pred), actors, offset, private=private
        )
        if not sources and pred.source_tokens is None:
            # "his critics, which include Greenpeace, blame him": the named members act
            members = [
                m
                for t in _sources(pred)
                for rel in t.children
                if rel.dep_ == "relcl" and self.lex.policy.has("member_verb", rel.lemma_)
                for c in rel.children
                if c.dep_ in OBJECT_DEPS
                for m in _conjuncts(c)
            ]
            sources = self._resolve_all(members, actors, offset, private=private)
        if not sources and pred.source_tokens is None and tok.pos_ in ("VERB", "AUX"):
            # two subjects are a misparse: the nearer one failed, try the other
            subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS][:-1]
            for sub in reversed(subjects):
                sources = self._resolve_all(_conjuncts(sub), actors, offset, private=private)
                if sources:
                    break
        if (
            not sources
            and tok.pos_ in ("VERB", "AUX")
            and _is_passive(tok)
            and _prep(tok, "by") is None
        ):
            # "was sentenced in a federal court": a court a thing is done in is its doer
            inside = _prep(tok, "in")
            for t in [c for c in inside.children if c.dep_ == "pobj"] if inside is not None else []:
                ref = actors.resolve(t, offset)
                if ref is not None and ref.code.endswith("JUD"):
                    return [ref]
        if (
            not sources
            and tok.pos_ in ("VERB", "AUX")
            and _is_passive(tok)
            and _prep(tok, "by") is None
            and self.lex.policy.covers("authority_root", pred.code)
        ):
            # "a police spokesman confirmed two suspects were arrested": an arrest or charge
            # announced by an organ of the state with no other doer is that state's act
            _, speaker = self._speaker(tok, actors, offset)
            if speaker is not None and speaker.code[3:6] in AUTHORITY_ROLES:
                return [speaker]
        if (
            not sources
            and tok.pos_ in ("VERB", "AUX")
            and _is_passive(tok)
            and _prep(tok, "by") is None
            and _prep(tok, "with") is not None
            and self.lex.policy.covers("party_passive_root", pred.code)
        ):
            # '"An agreement has been reached with the Syrian government," the SDF said': who
            # reports an agreement or talks with someone, with no other party named, is the party
            reported, speaker = self._speaker(tok, actors, offset)
            if reported and speaker is not None:
                return [speaker]
        if not sources and pred.means is not None:
            # the means' own modifiers: "a US counter-terrorism operation", "a Russian airstrike"
            for t in [pred.means, *[t for t in pred.means.subtree if t.i < pred.means.i]]:
                ref = actors.resolve(t, offset) if t.pos_ in ("NOUN", "PROPN", "ADJ") else None
                if ref is not None:
                    return [ref]
        return sources

    def _allegation(
        self, pred: Predicate, sent: ParsedSentence, actors: DocumentActors, offset: int
    ) -> list[Event]:
        """'X claimed Y attacked journalists': saying that another actor did something hostile
        is an accusation of that actor (112); saying one did it oneself claims responsibility
        (015). The hostile act itself is coded as claimed by the extractor as usual."""
        policy = self.lex.policy
        if pred.frame is not None or not policy.covers("alleged_root", pred.code):
            return []
        verb = _alleging_verb(pred.token, policy, "allege_verb")
        speech = verb is None
        # "said the government is breaking the law": telling of a wrong is accusing its doer
        told_wrong = speech and policy.covers("told_wrong_root", pred.code)
        if speech and (pred.code[:2] in ("18", "19", "20") or told_wrong):
            verb = _alleging_verb(pred.token, policy, "speech_verb")  # "said it carried out"
        verdict = False
        if told_wrong and verb is None:
            # "the judge determined Manafort had violated the deal": a court's finding of a
            # wrong is a verdict (116) against the doer; anyone else's, an accusation
            verb = _alleging_verb(pred.token, policy, "verdict_verb")
            verdict = verb is not None
        if verb is None:
            return []
        doers = self._sources(pred, actors, offset)
        claim = Predicate(verb, "112", f"allege:{verb.lemma_.lower()}+{pred.rule}", ("none",), verb)
        claimers = self._resolve_all(_verb_subjects(verb), actors, offset)
        told = self._modality(pred)  # the act as told: it happened, by the telling
        if not doers or not claimers or told not in ("asserted", "claimed"):
            return []
        if speech and told != "asserted":
            return []
        modality = self._modality(claim)
        _, speaker = self._speaker(verb, actors, offset)
        out = []
        for claimer in claimers:
            for doer in doers:
                # "said it carried out" (the same actor or group speaking); on alleging, also
                # another organ of the same state ("Russia claimed its forces shelled")
                own = claimer.code == doer.code or _same(claimer, doer)
                if own or (not speech and _same_side(claimer, doer)):
                    if pred.code[:2] in ("18", "19", "20"):
                        out.append(
                            self._event(
                                "015", claimer, None, modality, sent, verb, claim.rule, speaker
                            )
                        )
                elif not speech or told_wrong:  # a court or parliament may accuse its government
                    code = "116" if verdict and claimer.code.endswith("JUD") else "112"
                    if code == "116":
                        doer = _as_role(doer, "CVL", "CRM")  # the convicted is a suspect
                    out.append(
                        self._event(code, claimer, doer, modality, sent, verb, claim.rule, speaker)
                    )
        return out

    def _members(
        self, toks: list[Token], refs: list[ActorRef], actors: DocumentActors, offset: int
    ) -> list[ActorRef]:
        """'the navies of China, India and Russia': each further country with the same role."""
        out: list[ActorRef] = []
        for tok in toks:
            members = _of_members(tok)
            head = actors.resolve(tok, offset) if members else None
            role = head.code[3:] if head is not None else ""
            for member in members:
                ref = actors.resolve(member, offset)
                if ref is None or any(_same(ref, r) for r in refs + out):
                    continue
                if len(ref.code) == 3 and role:
                    ref = ActorRef(ref.code + role, ref.name, ref.start, ref.end, ref.actor)
                out.append(ref)
        return out

    def _owners(self, toks: list[Token]) -> list[Token]:
        """Who a thing belongs to, for a target that is no actor: 'criticized Pierluisi's oath',
        'attacked the proclamation by Trump'. A possessor of an event noun may be its victim
        ("Khashoggi's killing"), and a relative is a person of their own ("Trump's lawyer")."""
        out: list[Token] = []
        for t in toks:
            if t.pos_ not in ("NOUN", "PROPN") or self.lex.policy.has("relation_noun", t.lemma_):
                continue
            by = _prep(t, "by")
            if by is not None:
                out += [c for p in by.children if p.dep_ == "pobj" for c in _conjuncts(p)]
            out += _relative_doers(t)  # "the plan which France proposed", "... proposed by France"
            out += self._leaders(t)  # "the US-led coalition", "the US announced a coalition"
            if self.lex.policy.has("message_noun", t.lemma_):  # "an offer from Turkey"
                frm = _prep(t, "from")
                if frm is not None:
                    out += [c for p in frm.children if p.dep_ == "pobj" for c in _conjuncts(p)]
            if t.lemma_.lower() not in self.lex.nouns:  # a pronoun owner is too often misread
                owners = [p for p in t.children if p.dep_ == "poss" and p.pos_ != "PRON"]
                out += [c for p in owners for c in _conjuncts(p)]
                of = _prep(t, "of")  # "the swearing-in of Pierluisi": a named owner only
                if of is not None and self._actors is not None:
                    named = [p for p in of.children if p.dep_ == "pobj" and p.pos_ == "PROPN"]
                    out += [
                        c
                        for p in named
                        for c in _conjuncts(p)
                        if self._actors.resolve(c, self._offset, direct=True) is not None
                    ]
                if t.pos_ == "NOUN" and self._actors is not None:
                    # "a ruling against President Donald Trump finding ...": a misparsed name
                    out += [
                        c
                        for c in t.children
                        if c.dep_ == "compound"
                        and c.pos_ == "PROPN"
                        and self._actors.resolve(c, self._offset, direct=True) is not None
                    ]
            for child in t.children:  # "allies such as Germany": the named members
                if (
                    child.dep_ == "prep"
                    and child.lower_ == "as"
                    and any(c.lower_ == "such" for c in child.children)
                ):
                    out += [c for p in child.children if p.dep_ == "pobj" for c in _conjuncts(p)]
        return out

    def _leaders(self, tok: Token) -> list[Token]:
        """Who leads a body or brought it into being: "the US-led coalition", "a mission
        headed by France", and the subject of the verb that made it ("the US announced a naval
        coalition, which was joined by Australia")."""
        policy = self.lex.policy
        out: list[Token] = []
        for c in tok.children:
            if c.tag_ != "VBN" or not policy.has("leader_verb", c.lemma_):
                continue
            if c.dep_ == "amod":  # "US-led": the leader hangs on the participle
                out += [t for g in c.children if g.dep_ in LEADER_DEPS for t in _conjuncts(g)]
            elif c.dep_ == "acl" and (agent := _prep(c, "by")) is not None:
                out += [g for p in agent.children if p.dep_ == "pobj" for g in _conjuncts(p)]
        if tok.dep_ in OBJECT_DEPS and policy.has("founding_verb", tok.head.lemma_):
            out += _verb_subjects(tok.head)
        return out

    def _resolve_all(
        self,
        toks: list[Token],
        actors: DocumentActors,
        offset: int,
        places: bool = False,
        private: bool = False,
    ) -> list[ActorRef]:
        """Actors for argument tokens; 'we' and 'I' in a statement are its speaker."""
        refs: list[ActorRef] = []
        policy = self.lex.policy
        for t in toks:
            ref = None
            if _is_time(t):
                continue  # "On Friday, ... announced restrictions on flights": a day is no one
            if t.pos_ == "PRON" and policy.has("first_person", t.lower_):
                _, speaker = self._speaker(t, actors, offset)
                if speaker is not None:
                    start = t.idx + offset
                    ref = ActorRef(speaker.code, t.text, start, start + len(t.text), speaker.actor)
            else:
                ref = actors.resolve(t, offset, places=places, private=private)
            if ref is not None and _names_disaster(
                t.doc, ref.start - offset, ref.end - offset, policy
            ):
                continue  # "Typhoon Haiyan, which killed 6,000 people": a storm is no actor
            if ref is not None and not any(r.actor == ref.actor for r in refs):
                refs.append(ref)
        return refs

    def _one_sided_ok(self, pred: Predicate) -> bool:
        """May this event stand without a target? Where CAMEO allows it for the code, and no
        named target failed to resolve: "attacked the proclamation" is no armed attack. A noun
        alone ("its investigation") is background, not a new event, unless it is a protest."""
        if not self.lex.one_sided(pred.code):
            return False
        if pred.token.pos_ in ("NOUN", "PROPN") and pred.code[:2] != "14":
            return False
        if pred.code[:2] not in ACTOR_AIMED or pred.token.pos_ not in ("VERB", "AUX"):
            return True
        if pred.embedded is not None or "object" not in pred.targets:
            return True
        obj = _object(pred.token)
        return obj is None or obj.pos_ not in ("NOUN", "PROPN")

    def _act_target(
        self, pred: Predicate, sources: list[ActorRef], actors: DocumentActors, offset: int
    ) -> list[ActorRef]:
        """'condemned the move': an act word in the target slot, with no actor of its own, is
        the act reported before it; its doer is the target."""
        if not pred.targets or pred.targets[0] == "none":
            return []
        exclude = {s.actor for s in sources if s.actor is not None}
        for tok in _target_tokens(pred.target_host, pred.targets[0]):
            ref = actors.act_of(tok, offset, exclude)
            if ref is not None:
                return [ref]
        return []

    def _targets(self, pred: Predicate, actors: DocumentActors, offset: int) -> list[ActorRef]:
        """The target: where the entry says, on the verb, its object, or the embedded event."""
        inner = pred.embedded if pred.frame not in ("accuse", "deny") else None
        hosts = [pred.target_host, *pred.extra_targets]
        if inner is not None:
            hosts.append(inner.target_host)
        for host in list(hosts):
            obj = _object(host) if host.pos_ in ("VERB", "AUX") else None
            if obj is not None and obj not in hosts:
                hosts.append(obj)  # "offered condolences to Turkey": the prep hangs on the object
        places = pred.code[:2] in PLACE_TARGET_ROOTS
        private = self.lex.policy.covers("private_person_root", pred.code)
        # the named target itself first, then (for a verb: a noun event is mostly background)
        # its owner
        for owners in (False, True) if pred.token.pos_ in ("VERB", "AUX") else (False,):
            for specs in (pred.targets, inner.targets if inner is not None else ()):
                for spec in specs:
                    if spec == "none":
                        break  # no target slot here; the embedded event may have one
                    for host in hosts:
                        # "investigated itself": no one else is the target
                        found = (
                            _conjuncts(pred.relative_object)
                            if spec == "object"
                            and host is pred.target_host
                            and pred.relative_object is not None
                            else _target_tokens(host, spec)
                        )
                        toks = [t for t in found if not _reflexive(t)]
                        toks = self._traffic_ends(toks)
                        if owners:
                            toks = self._owners(toks)
                        refs = self._resolve_all(toks, actors, offset, places, private)
                        if refs:
                            return refs + self._members(toks, refs, actors, offset)
        if inner is not None and pred.frame in ("appeal", "demand") and inner.token.pos_ == "NOUN":
            # "called for Rosselló's resignation": the appeal is addressed to the owner
            owners = [c for c in inner.token.children if c.dep_ == "poss"]
            return self._resolve_all(owners, actors, offset)
        tok = pred.token
        verb = tok.head
        if tok.dep_ == "acl" and verb.dep_ in OBJECT_DEPS:
            verb = verb.head  # "sent a letter to X asking ...": the participle is on the letter
        if (
            pred.frame in ("appeal", "demand")
            and tok.dep_ in ("advcl", "acl")
            and self.lex.policy.has("address_verb", verb.lemma_)
        ):
            # "wrote to the embassy asking it to waive ...": the letter's addressee is asked
            letter = _object(verb)  # the "to" phrase may hang on the letter
            for host in (verb, *([letter] if letter is not None else [])):
                refs = self._resolve_all(_target_tokens(host, "prep:to"), actors, offset)
                if refs:
                    return refs
        return []

    def _traffic_ends(self, toks: list[Token]) -> list[Token]:
        """Traffic stands for where it goes or comes from: "restrictions on flights to Cuba",
        "a ban on imports from Iran" target Cuba and Iran."""
        out: list[Token] = []
        for tok in toks:
            ends = []
            if self.lex.policy.has("traffic_noun", tok.lemma_):
                ends = [
                    t
                    for word in ("to", "from")
                    for p in _preps(tok, word)
                    for c in p.children
                    if c.dep_ == "pobj"
                    for t in _conjuncts(c)
                ]
            out.extend(ends or [tok])
        return out

    # ------------------------------------------------------------------ modality

    def _modality(self, pred: Predicate) -> str:
        found: set[str] = set()
        if pred.modality:
            found.add(pred.modality)
        policy = self.lex.policy
        tok = pred.token
        clause = _clause_chain(tok)
        for head in clause:
            for child in head.children:
                word = child.lower_
                if child.dep_ == "neg" or (
                    child.dep_ in ("advmod", "det")
                    and policy.has("negation", word)
                    and word in ("never", "no")
                ):
                    found.add("negated")
                if child.dep_ == "mark" and policy.has("conditional_mark", word):
                    found.add("conditional")
                if child.dep_ == "aux" and policy.has("hypothetical_aux", word):
                    # "announced she would launch": a future told in the past
                    found.add(
                        "intended"
                        if word == "would" and _speech_verb(tok, policy) is not None
                        else "hypothetical"
                    )
                if child.dep_ == "aux" and policy.has("intent_aux", word):
                    found.add("intended")
                if child.dep_ == "advmod" and policy.has("claim_adverb", word):
                    found.add("claimed")
            if head.dep_ == "xcomp" and policy.has("intent_head", head.head.lemma_):
                found.add("intended")
            if head.dep_ == "xcomp" and policy.has("hypothetical_head", head.head.lemma_):
                found.add("hypothetical")
            if head.dep_ in ("relcl", "acl") and _infinitive(head):
                found.add("hypothetical")  # "an initiative to mediate": a potential act
        if _negative_argument(tok, policy) or (
            pred.embedded is not None and _negative_argument(pred.embedded.token, policy)
        ):
            found.add("negated")  # "conceded nothing", "expressed no regret", "no country sent"
        if tok.pos_ in ("NOUN", "PROPN"):
            found |= self._noun_modality(tok)
        elif tok.dep_ in ("csubj", "nsubj") and tok.tag_ == "VBG" and _has_modal(tok.head, policy):
            found.add("hypothetical")  # "NATO imposing sanctions will cause problems"
        sent_text = tok.sent.text.rstrip()
        if sent_text.endswith("?"):
            found.add("hypothetical")
        for m in MODALITY_ORDER:
            if m in found:
                return m
        return "asserted"

    def _noun_modality(self, tok: Token) -> set[str]:
        found: set[str] = set()
        # "the possibility of Russia's invasion", "the threat of sanctions"
        if tok.head.dep_ == "prep" and self.lex.policy.has(
            "hypothetical_noun", tok.head.head.lemma_
        ):
            found.add("hypothetical")
        policy = self.lex.policy
        for child in tok.children:
            if child.dep_ in ("amod", "compound") and policy.has("plan_modifier", child.lower_):
                found.add("intended")  # "Trump's planned trip to Warsaw" has not happened
        for acl in (c for c in tok.children if c.dep_ in ("acl", "relcl")):
            # "Putin's visit to Ankara not being achieved": the participle negates the event
            if acl.dep_ == "acl" and any(c.dep_ == "neg" for c in acl.children):
                found.add("negated")
            if policy.has("cancel_verb", acl.lemma_):
                found.add("negated")  # "the trip, which was cancelled"
        if tok.dep_ in ("dobj", "nsubjpass") and policy.has("cancel_verb", tok.head.lemma_):
            found.add("negated")  # "cancelled his visit", "the summit was called off"
        head = tok.head
        if head.i != tok.i:
            for child in head.children:
                if child.dep_ == "neg":
                    found.add("negated")
                if child.dep_ == "aux" and self.lex.policy.has("hypothetical_aux", child.lower_):
                    found.add("hypothetical")
        return found

    def _speaker(
        self, tok: Token, actors: DocumentActors, offset: int
    ) -> tuple[bool, ActorRef | None]:
        """Whether the predicate sits in reported speech, and the speaker if dyad knows them."""
        verb = _speech_verb(tok, self.lex.policy, nouns=True)
        if verb is not None:
            subs = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
            ref = actors.resolve(subs[0], offset) if subs else None
            if ref is not None:
                return True, ref
        if self._quoted_by is not None:
            return True, self._quoted_by
        char = tok.idx + offset
        for start, end, speaker in self._quotations:
            if start <= char < end:
                return True, speaker  # the quote stage knows the speaker the parse does not
        return verb is not None, None


# ---------------------------------------------------------------------- parse helpers


def _object_lemmas(obj: Token | None) -> set[str]:
    """The object's lemma and those of its coordinated or modifying nouns: "weapons and defense
    technologies" is parsed with "weapons" as a modifier of "technologies"."""
    if obj is None:
        return set()
    return {obj.lemma_.lower()} | {
        c.lemma_.lower() for c in obj.children if c.dep_ in ("conj", "nmod", "compound")
    }


def _modifier_lemmas(obj: Token | None) -> set[str]:
    """The words that say what kind of thing the object is: "a *hunger* strike",
    "*military* aid"."""
    if obj is None:
        return set()
    return {
        c.lemma_.lower()
        for c in obj.children
        if c.dep_ in ("amod", "compound", "nmod") or (c.dep_ == "acl" and c.tag_ == "VBN")
    }  # "a coalition *led* by the US" like "a US-*led* coalition"


def _infinitive(tok: Token) -> bool:
    """A "to" infinitive: "(counts on Turkey) to act"."""
    return tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    )


def _subjunctive(tok: Token) -> bool:
    """A clause that says what is demanded: "(the demand) that he resign", "that they be
    released", "to release"; not a relative clause that tells of the demand ("that Russia
    rejected")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.dep_ == "acl" and _infinitive(tok):
        return True  # "the demand to release the tanker"
    if not _has_subject(tok):
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children):
        return False
    if tok.tag_ == "VB" or any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
        return True  # a that-clause on a noun is its content
    if tok.tag_ == "VBP":  # "that he resign": a bare verb after a singular subject
        subs = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
        return bool(subs) and (
            subs[0].tag_ in ("NN", "NNP") or subs[0].lower_ in ("he", "she", "it")
        )
    return any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in tok.children)


def _cue_words(tok: Token, entry: VerbEntry) -> set[str]:
    """Lemmas of the verb's subjects and of its phrases other than the target's."""
    words = {
        t.lemma_.lower() for c in tok.children if c.dep_ in SUBJECT_DEPS for t in _conjuncts(c)
    }
    # "with the people of X in our prayers": the parser may hang the phrase on the target
    hosts = [tok, *(c for p in _preps(tok, entry.prep or "") for c in p.children)]
    for prep in (p for h in hosts for p in h.children):
        if prep.dep_ == "prep" and prep.lower_ != entry.prep:
            words |= {
                t.lemma_.lower() for c in prep.children if c.dep_ == "pobj" for t in _conjuncts(c)
            }
    return words


def _cue_owners(tok: Token, cues: frozenset[str]) -> list[Token] | None:
    """The possessor of a subject cue ("*our* thoughts are with X"), else the usual subjects."""
    for sub in (c for c in tok.children if c.dep_ in SUBJECT_DEPS):
        if sub.lemma_.lower() in cues:
            owners = [c for c in sub.children if c.dep_ == "poss"]
            return _conjuncts(owners[0]) if owners else []
    return None


def _selected_object(tok: Token, entry: VerbEntry) -> Token | None:
    """The noun an entry's object selector looked at."""
    if entry.prep:
        for prep in _preps(tok, entry.prep):
            pobjs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if pobjs and (entry.objects is None or _object_lemmas(pobjs[0]) & entry.objects):
                return pobjs[0]
        return None
    return _object(tok)


def _particles(tok: Token) -> set[str]:
    # the parser sometimes tags "back", "down" as adverbs: "stepped down", "pulled back"
    return {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod")}


def _preps(tok: Token, word: str) -> list[Token]:
    """Every phrase with this preposition on the token (or the clause it marks)."""
    found = [c for c in tok.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ == word]
    if found:
        return found
    mark = _prep(tok, word)
    return [mark] if mark is not None else []


def _prep(tok: Token, word: str) -> Token | None:
    for child in tok.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ == word:
            return child
    for child in tok.children:
        # "called for NATO members to increase spending": "for" marks a clause
        if child.dep_ == "advcl" and child.pos_ in ("VERB", "AUX"):
            for mark in child.children:
                if (
                    word == "for"
                    and mark.dep_ == "mark"
                    and mark.lower_ == word
                    and mark.i < child.i
                    and _has_subject(child)
                ):
                    return mark
    return None


def _is_passive(tok: Token) -> bool:
    if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "a lawsuit filed by the Senate"
        return True
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in tok.children)


def _dative_passive(tok: Token) -> Token | None:
    """The receiver of a passive that keeps its direct object: "Syria was given aid by Turkey"
    (the aid is the thing given, Syria the one it went to)."""
    if not any(c.dep_ == "dobj" for c in tok.children):
        return None
    return next((c for c in tok.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)


def _object(tok: Token) -> Token | None:
    if _is_passive(tok):
        if _dative_passive(tok) is not None:
            return next(c for c in tok.children if c.dep_ == "dobj")
        for child in tok.children:
            if child.dep_ in PASSIVE_SUBJECT_DEPS:
                if tok.dep_ == "relcl" and child.tag_ == "WDT":
                    return tok.head  # "a coalition which was joined by Australia"
                return child
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head  # the participle's noun is what was acted on
        return None
    for child in tok.children:
        if child.dep_ in OBJECT_DEPS:
            return child
    return None


def _high_antecedent(verb: Token, objects: frozenset[str]) -> Token | None:
    """'a naval coalition to patrol the Persian Gulf, which was joined by Australia': the parser
    hangs a relative clause on the nearest noun; when that noun is a name the verb's object
    selector refuses, a common noun above it that the selector accepts is the antecedent. Up
    to three steps through the phrases and clauses that hold the name."""
    if verb.dep_ != "relcl" or not any(
        c.tag_ == "WDT" and c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | OBJECT_DEPS
        for c in verb.children
    ):
        return None
    low = verb.head
    if low.pos_ != "PROPN":
        return None
    node = low
    for _ in range(3):
        if node.dep_ not in ("pobj", "prep", "dobj", "acl", "relcl") or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ == "NOUN" and _object_lemmas(node) & objects:
            return node
    return None


def _conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            out.extend(_conjuncts(child))
        elif is_coordinated_modifier(child):
            out.insert(0, child)
    return out


def _of_members(tok: Token) -> list[Token]:
    """'the navies of China, India and Russia': each country's navy is a party."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return []
    of = _prep(tok, "of")
    pobjs = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
    return [t for p in pobjs for t in _conjuncts(p)[1:]]


def _target_tokens(host: Token, spec: str) -> list[Token]:
    if spec == "object":
        obj = _object(host)
        return _conjuncts(obj) if obj is not None else []
    if spec == "poss":  # "ordered Khashoggi's killing": whose killing
        obj = _object(host)
        owners = [c for c in obj.children if c.dep_ == "poss"] if obj is not None else []
        return _conjuncts(owners[0]) if owners else []
    if spec == "clause":  # 'ruled the government's policy unlawful': whose policy
        for child in host.children:
            if child.dep_ not in ("ccomp", "oprd", "xcomp"):
                continue
            agent = _prep(child, "by") if _is_passive(child) else None
            # "investigating whether it was written by the suspect": the doer first
            doers = (
                [t for c in agent.children if c.dep_ == "pobj" for t in _conjuncts(c)]
                if agent
                else []
            )
            subs = [c for c in child.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
            if doers or subs:
                return doers + (_conjuncts(subs[0]) if subs else [])
        return []
    if spec.startswith("prep:"):
        prep = _prep(host, spec[5:])
        receiver = _dative_passive(host) if spec == "prep:to" else None
        if prep is None and receiver is not None:
            return _conjuncts(receiver)  # "Ukraine was promised aid by Germany"
        if prep is None:
            return []
        if prep.dep_ == "mark":  # "for NATO members to increase": the clause's subject
            subs = [c for c in prep.head.children if c.dep_ in SUBJECT_DEPS]
            return _conjuncts(subs[0]) if subs else []
        return [t for c in prep.children if c.dep_ == "pobj" for t in _conjuncts(c)]
    return []


def _as_role(ref: ActorRef, old: str, new: str) -> ActorRef:
    if not ref.code.endswith(old):
        return ref
    return ActorRef(ref.code[: -len(old)] + new, ref.name, ref.start, ref.end, ref.actor)


def _between(pred: Predicate) -> list[Token]:
    """The parties of 'between X and Y' on a predicate, for events with no named source."""
    for host in (pred.token, pred.target_host):
        prep = _prep(host, "between")
        if prep is not None:
            return [t for c in prep.children if c.dep_ == "pobj" for t in _conjuncts(c)]
    return []


def _sentence_between(tok: Token) -> list[Token]:
    """The parties of the one 'between X and Y' of a sentence, wherever the parser hung it."""
    preps = [t for t in tok.sent if t.lower_ == "between" and t.dep_ == "prep"]
    if len(preps) != 1:
        return []
    return [t for c in preps[0].children if c.dep_ == "pobj" for t in _conjuncts(c)]


def _targets_of(tok: Token, specs: tuple[str, ...]) -> list[Token]:
    for spec in specs:
        toks = _target_tokens(tok, spec)
        if toks:
            return toks
    return []


def _sources(pred: Predicate) -> list[Token]:
    tok = pred.token
    if tok.pos_ in ("NOUN", "PROPN"):
        for child in tok.children:
            if child.dep_ == "poss":
                return _conjuncts(child)
        by = _prep(tok, "by")
        if by is not None:
            return [t for c in by.children if c.dep_ == "pobj" for t in _conjuncts(c)]
        return []
    return _verb_subjects(tok)


def _verb_subjects(tok: Token) -> list[Token]:
    """Subjects of a verb, following passives, control, coordination and relative clauses."""
    if _is_passive(tok):
        agent = _prep(tok, "by")
        if agent is None and _dative_passive(tok) is not None:
            obj = _object(tok)
            agent = _prep(obj, "by") if obj is not None else None  # "promised aid by Germany"
        if agent is not None:
            return [t for c in agent.children if c.dep_ == "pobj" for t in _conjuncts(c)]
        return []
    subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
    for child in subjects[-1:]:  # two subjects are a misparse: the nearer one is the verb's
        if child.lower_ in ("that", "which", "who") and tok.dep_ == "relcl":
            return _conjuncts(tok.head)
        return _conjuncts(child)
    for child in tok.children:
        if child.dep_ == "poss" and tok.tag_ == "VBG":
            return _conjuncts(child)
    head = tok.head
    if head.i == tok.i:
        return []
    if tok.pos_ == "ADJ" or tok.dep_ in ("acomp",):
        return _verb_subjects(head)
    if tok.dep_ == "xcomp":
        if any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in head.children):
            # "were reported by local media to have visited", "was urged to withdraw": the
            # passive subject does it, never the agent of the verb above
            return _conjuncts(next(c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS))
        obj = _object(head)
        if obj is not None and head.lemma_.lower() in _OBJECT_CONTROL_VERBS:
            return _conjuncts(obj)
        return _verb_subjects(head)
    if tok.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        if tok.tag_ in ("VBD", "VBZ") and head.tag_ == "VB" and head.dep_ == "xcomp":
            # "urged the embassy to reconsider and spoke with Pompeo": a finite verb is no
            # second infinitive, whatever the parse; it goes with the verb above
            return _verb_subjects(head.head)
        return _verb_subjects(head)
    if tok.dep_ == "relcl":
        return _conjuncts(head)
    if tok.dep_ == "pcomp" and head.dep_ == "prep" and tok.tag_ == "VBG":
        # "responded by accepting", "was forceful in blaming": the clause's subject (a past
        # participle, "described the attack as designed to", names no doer)
        governor = head.head
        while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
            governor = governor.head
        if governor.pos_ in ("VERB", "AUX"):
            return _verb_subjects(governor)
        return []
    if tok.dep_ == "advcl" or (tok.dep_ == "acl" and _on_object(head)):
        # "X said, blaming Iran", "X posted a message (on Twitter) blaming Iran": the clause's
        # subject (an actor the participle modifies is preferred by the extractor)
        governor = head
        while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
            governor = governor.head
        if governor.pos_ in ("VERB", "AUX") and governor.i != tok.i:
            return _verb_subjects(governor)
    return []


# Verbs whose object is the doer of their infinitive: "urged Russia to withdraw".
_OBJECT_CONTROL_VERBS = {
    "urge", "ask", "call", "press", "invite", "request", "encourage", "order", "force",
    "tell", "persuade", "push", "allow", "warn", "advise", "pressure", "compel", "demand",
}  # fmt: skip


def _on_object(tok: Token) -> bool:
    """The object, or a noun in a phrase on the object ("a message on Twitter")."""
    if tok.dep_ in OBJECT_DEPS:
        return True
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.dep_ in OBJECT_DEPS


def _complement_lemmas(tok: Token) -> set[str]:
    """What a verb says its object is: 'called it a "witch hunt"', 'described it as a sham',
    'ruled the policy is unconstitutional', 'found them guilty'."""
    out: set[str] = set()
    for child in tok.children:
        heads: list[Token] = []
        clauses: list[Token] = []
        if child.dep_ in ("oprd", "xcomp", "ccomp", "acomp"):
            heads.append(child)
            # "found X was motivated ... and is unlawful"
            clauses = [child, *[c for c in child.children if c.dep_ == "conj"]]
        elif child.dep_ == "conj" and not _has_subject(child):
            clauses = [child]  # "ruled the practice ... is unconstitutional", misparsed
        elif child.dep_ == "prep" and child.lower_ == "as":
            heads += [c for c in child.children if c.dep_ in ("pobj", "amod", "acomp")]
        elif child.dep_ in OBJECT_DEPS:  # 'called the deal "lousy"': parsed as a modifier after it
            heads += [c for c in child.children if c.dep_ == "amod" and c.i > child.i]
        for clause in clauses:
            if clause.lemma_ == "be":
                heads += [c for c in clause.children if c.dep_ in ("acomp", "attr")]
        for h in heads:
            out.add(h.lemma_.lower())
            out |= {c.lemma_.lower() for c in h.children if c.dep_ in ("compound", "amod")}
    return out


def _inner_conjuncts(pred: Predicate) -> list[Token]:
    """Coordinated nouns inside the subject phrase of a verb (a misparsed coordination)."""
    if pred.token.pos_ not in ("VERB", "AUX"):
        return []
    subs = [c for c in pred.token.children if c.dep_ in SUBJECT_DEPS]
    if not subs:
        return []
    out: list[Token] = []
    for t in subs[-1].subtree:
        if t.dep_ == "conj" and t.pos_ in ("PROPN", "NOUN"):
            for part in (t.head, t):  # both sides of the coordination, with their names
                out.append(part)
                out += [
                    c
                    for c in part.children
                    if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN"
                ]
    return out


def _reflexive(tok: Token) -> bool:
    return tok.pos_ == "PRON" and tok.lower_.endswith(("self", "selves"))


def _relative_doers(tok: Token) -> list[Token]:
    """The subject of a relative clause that says who did the thing: 'the state of emergency
    Trump declared'. Not when the relative pronoun has another role ('which Ross referred to')."""
    out: list[Token] = []
    for rel in tok.children:
        if rel.dep_ != "relcl" or rel.pos_ not in ("VERB", "AUX"):
            continue
        if _is_passive(rel):  # "the plan which was proposed by France"
            agent = _prep(rel, "by") if _object(rel) == tok else None
            out += (
                [t for c in agent.children if c.dep_ == "pobj" for t in _conjuncts(c)]
                if agent
                else []
            )
            continue
        objects = [c for c in rel.children if c.dep_ in OBJECT_DEPS]
        if objects and not any(c.tag_ in ("WDT", "WP") for c in objects):
            continue  # the clause has an object of its own: not the noun
        if any(t.tag_ in ("WDT", "WP") and t.dep_ not in OBJECT_DEPS for t in rel.subtree):
            continue
        subs = [c for c in rel.children if c.dep_ in SUBJECT_DEPS]
        if subs:
            out += _conjuncts(subs[0])
    return out


def _is_time(tok: Token) -> bool:
    """Whether a token names a time: a weekday, a month (as a name), a calendar unit."""
    vocab = load_vocabulary()
    word = tok.lower_
    return (
        tok.ent_type_ in ("DATE", "TIME")
        or word in vocab.weekdays
        or (tok.tag_ == "NNP" and word in vocab.months)
        or vocab.unit(word) is not None
    )


def _names_disaster(doc: Doc, start: int, end: int, policy: Policy) -> bool:
    """Whether a mention's head is a natural disaster: "the storm", "Typhoon Haiyan" (a name
    after a disaster word), but not "flood victims"."""
    toks = [t for t in doc if start <= t.idx < end]
    if not toks:
        return False
    head = toks[-1]
    return policy.has("disaster_word", head.lemma_) or (
        head.pos_ == "PROPN"
        and any(
            c.dep_ == "compound" and policy.has("disaster_word", c.lemma_) for c in head.children
        )
    )


def _negative_argument(tok: Token, policy: Policy) -> bool:
    """Whether the verb's subject or object is a negative word or has a negative determiner:
    "they have conceded nothing", "no organization claimed the attack"."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    for child in tok.children:
        if child.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | OBJECT_DEPS:
            continue
        if policy.has("negative_argument", child.lower_) or any(
            c.dep_ == "det" and policy.has("negative_argument", c.lower_) for c in child.children
        ):
            return True
    return False


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"expl"} for c in tok.children)


def _alleging_verb(tok: Token, policy: Policy, kind: str) -> Token | None:
    """The verb of alleging ('claimed', 'alleged') or saying whose complement clause holds the
    token."""
    node = tok
    while node.head.i != node.i and node.dep_ in ("conj", "xcomp", "ccomp", "aux"):
        if node.dep_ == "ccomp" and policy.has(kind, node.head.lemma_):
            return node.head
        node = node.head
    return None


def _clause_chain(tok: Token) -> list[Token]:
    """The token and the heads it shares a clause with (infinitive and coordinated chains)."""
    chain = [tok]
    node = tok
    while node.dep_ in ("xcomp", "conj", "acomp", "pcomp", "pobj", "prep", "dobj") and (
        node.head.i != node.i
    ):
        node = node.head
        chain.append(node)
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("xcomp", "conj"):
            break
    return chain


def _has_modal(tok: Token, policy: Policy) -> bool:
    return any(
        c.dep_ == "aux"
        and (policy.has("hypothetical_aux", c.lower_) or policy.has("intent_aux", c.lower_))
        for c in tok.children
    )


def _speech_verb(tok: Token, policy: Policy, nouns: bool = False) -> Token | None:
    """The speech verb whose statement (a complement clause or, with ``nouns``, a noun object:
    "suggested Putin's rejection") contains the token, if any."""
    node = tok
    while node.head.i != node.i:
        parent = node.head
        if policy.has("speech_verb", parent.lemma_) and (
            node.dep_ in ("ccomp", "parataxis")
            or (nouns and node.dep_ == "dobj" and node.pos_ == "NOUN")
        ):
            return parent
        node = parent
    return None


# Organs of a state that arrest, charge and try people.
AUTHORITY_ROLES = {"GOV", "COP", "JUD"}

# Roles of a state: a state's organs speak for each other ("Russia claimed its forces ...").
STATE_ROLES = {"", "GOV", "MIL", "COP", "SPY", "JUD", "LEG"}


def _same_side(a: ActorRef, b: ActorRef) -> bool:
    """The same actor, the same coded group, or organs of the same state."""
    if _same(a, b) or a.code == b.code:
        return True
    return a.code[:3] == b.code[:3] and a.code[3:6] in STATE_ROLES and b.code[3:6] in STATE_ROLES


def _same(a: ActorRef, b: ActorRef) -> bool:
    return (a.actor is not None and a.actor == b.actor) or (a.start, a.end) == (b.start, b.end)


def _one_party(a: ActorRef, b: ActorRef) -> bool:
    """The same actor, or a country and its own organ ("Turkey" and "Ankara")."""
    if _same(a, b) or a.code == b.code:
        return True
    return a.code[:3] == b.code[:3] and min(len(a.code), len(b.code)) == 3


def _span(tok: Token, offset: int) -> Span:
    start = tok.idx + offset
    return Span(start, start + len(tok.text), tok.text)


def _embedded_tokens(pred: Predicate) -> list[int]:
    out = []
    inner = pred.embedded
    while inner is not None:
        out.append(inner.token.i)
        inner = inner.embedded
    return out


def _dedupe(events: list[Event]) -> list[Event]:
    seen: set[tuple] = set()
    out = []
    for e in events:
        key = (
            e.code,
            e.source.code,
            e.source.start,
            e.target.code if e.target else None,
            e.target.start if e.target else None,
            e.trigger.start,
        )
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
