"""The event lexicon: verb patterns, event nouns, light verbs, frames and modality cues, as data.

Everything here is read from ``data/lexicon/`` and checked against the CAMEO ontology at start-up;
the extractor only holds mechanisms. See ``data/lexicon/README.md`` for the formats.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dyad.cameo import Ontology, load_ontology
from dyad.nlp import word_forms
from dyad.resources import DataError, data_path, read_tsv, read_yaml_list

FRAMES = {"intend", "appeal", "demand", "reject", "threaten", "accuse", "deny"}
CODE_CHANGING_FRAMES = FRAMES - {"accuse", "deny"}
POLICY_KINDS = {
    "negation",
    "conditional_mark",
    "hypothetical_aux",
    "intent_aux",
    "claim_adverb",
    "speech_verb",
    "intent_head",
    "hypothetical_head",
    "one_sided_root",
    "hypothetical_noun",
    "reciprocal_root",
    "first_person",
    "private_person_root",
    "suspect_root",
    "allege_verb",
    "alleged_root",
    "told_wrong_root",
    "address_verb",
    "verdict_verb",
    "bare_refusal_verb",
    "traffic_noun",
    "party_passive_root",
    "member_verb",
    "relation_noun",
    "leader_verb",
    "founding_verb",
    "message_noun",
    "disaster_word",
    "disaster_root",
    "quantity_noun",
    "between_root",
    "role_noun",
    "authority_root",
    "negative_argument",
    "plan_modifier",
    "cancel_verb",
    "standing_root",
    "state_root",
    "private_role",
}


def _targets(value: object, where: str) -> tuple[str, ...]:
    if value in (None, ""):
        return ("object",)
    parts = tuple(p.strip() for p in str(value).split("|") if p.strip())
    for part in parts:
        if part not in ("object", "none", "clause", "poss") and not part.startswith("prep:"):
            raise DataError(f"{where}: bad target {part!r}")
    return parts


def _words(value: object) -> frozenset[str] | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise DataError(f"expected a list of words, got {value!r}")
    return frozenset(str(v).lower() for v in value)


@dataclass(frozen=True)
class VerbEntry:
    """A verb pattern: the lemma, the selectors that pick this sense, and the code."""

    id: str
    lemma: str
    code: str | None
    prep: str | None = None
    particle: str | None = None
    objects: frozenset[str] | None = None
    not_objects: frozenset[str] = frozenset()
    object_role: str | None = None
    passive: bool = True
    frame: str | None = None
    targets: tuple[str, ...] = ("object",)
    pos: str = "VERB"
    complements: frozenset[str] | None = None  # what the object is called: 'called it a "hoax"'
    modifiers: frozenset[str] | None = None  # the object's own modifier: "a *hunger* strike"
    # what the object must not resolve to: "speaking to the BBC" is an interview, no consultation
    not_object_roles: frozenset[str] = frozenset()
    no_complement: bool = False  # 'called him "humble"' is no phone call
    intransitive: bool = False  # "demonstrated a shocking ignorance" is no street protest
    clause: bool = False  # needs a complement clause: "asked X to act", not "asked X about it"
    # a word that must head the verb's subject or another of its phrases: "our *thoughts* are
    # with X", "we are with X in our *thoughts*" (a subject cue's possessor is the doer)
    cues: frozenset[str] | None = None

    @property
    def specificity(self) -> int:
        # a complement selector outranks an object-role one: 'called Trump a "liar"' is no call
        return sum(
            x is not None
            for x in (
                self.prep,
                self.particle,
                self.objects,
                self.object_role,
                self.modifiers,
                self.cues,
            )
        ) + 2 * (self.complements is not None)


@dataclass(frozen=True)
class NounEntry:
    """An event noun: 'sanctions', 'invasion', 'talks'."""

    id: str
    lemma: str
    code: str
    target_preps: tuple[str, ...] = ()
    modifiers: frozenset[str] | None = None
    plural: bool = False
    target_role: str | None = None  # the code when the target has this role: "with the navies"

    @property
    def specificity(self) -> int:
        return int(self.modifiers is not None) + int(self.plural)


@dataclass(frozen=True)
class LightVerb:
    """A verb that passes an event noun's code through: 'impose sanctions', 'hold talks'."""

    id: str
    lemma: str
    particle: str | None = None
    roots: tuple[str, ...] | None = None
    targets: tuple[str, ...] = ("object",)


@dataclass
class Policy:
    """Modality cues and which roots may be coded without a target."""

    words: dict[str, frozenset[str]] = field(default_factory=dict)

    def has(self, kind: str, word: str) -> bool:
        return word.lower() in self.words.get(kind, frozenset())

    def covers(self, kind: str, code: str) -> bool:
        """Whether a CAMEO code falls under one of the code prefixes listed for ``kind``."""
        return any(code.startswith(prefix) for prefix in self.words.get(kind, ()))


@dataclass
class Lexicon:
    """All lexicon files, indexed for the extractor."""

    verbs: dict[str, list[VerbEntry]]
    nouns: dict[str, list[NounEntry]]
    light_verbs: dict[str, list[LightVerb]]
    frames: dict[str, list[tuple[str, str, str]]]  # frame -> [(prefix, code, row id)] longest first
    policy: Policy

    def frame_code(self, frame: str, embedded: str) -> tuple[str, str] | None:
        """The code (and row id) a frame gives to an embedded event's code, if any."""
        for prefix, code, row_id in self.frames.get(frame, []):
            if embedded.startswith(prefix):
                return code, row_id
        return None

    def one_sided(self, code: str) -> bool:
        return self.policy.covers("one_sided_root", code)

    def trigger_forms(self) -> frozenset[str]:
        """Every inflected form of every lemma that can start an event or a quote."""
        # an entry with cue words can only match where one is present: "be" alone would make
        # every sentence worth parsing, "thoughts" or "prayers" does not
        lemmas = {
            word
            for lemma, entries in self.verbs.items()
            for e in entries
            for word in (e.cues if e.cues is not None else (lemma,))
        }
        lemmas |= set(self.nouns) | set(self.light_verbs)
        lemmas |= set(self.policy.words.get("speech_verb", ()))
        return frozenset(f for lemma in lemmas for f in word_forms(lemma))


def _check_code(onto: Ontology, file: str, entry_id: str, code: object) -> str:
    code = str(code)
    if code not in onto:
        raise DataError(f"{file}: {entry_id}: {code!r} is not a CAMEO code")
    return code


def load_lexicon(folder: Path | None = None) -> Lexicon:
    """Read and validate every lexicon file."""
    folder = folder or data_path("lexicon")
    onto = load_ontology()
    seen: set[str] = set()

    def unique(file: str, entry_id: str) -> None:
        if entry_id in seen:
            raise DataError(f"{file}: id {entry_id!r} is used twice across the lexicon")
        seen.add(entry_id)

    verbs: dict[str, list[VerbEntry]] = defaultdict(list)
    for e in read_yaml_list(folder / "verbs.yaml", required=("id", "lemma")):
        where = f"verbs.yaml: {e['id']}"
        unique("verbs.yaml", e["id"])
        frame = e.get("frame")
        if frame is not None and frame not in FRAMES:
            raise DataError(f"{where}: unknown frame {frame!r}")
        code = e.get("code")
        if code is None and frame is None:
            raise DataError(f"{where}: an entry needs a code or a frame")
        if e.get("modifier") is not None and e.get("object") is None:
            raise DataError(f"{where}: a modifier selector needs an object selector")
        role = e.get("object_role")
        if role not in (None, "person", "actor"):
            raise DataError(f"{where}: object_role must be person or actor")
        not_roles = _words(e.get("not_object_role")) or frozenset()
        if any(len(r) != 3 or not r.isalpha() for r in not_roles):
            raise DataError(f"{where}: not_object_role lists three-letter roles (MED, CVL)")
        verbs[str(e["lemma"]).lower()].append(
            VerbEntry(
                id=str(e["id"]),
                lemma=str(e["lemma"]).lower(),
                code=_check_code(onto, "verbs.yaml", e["id"], code) if code is not None else None,
                prep=str(e["prep"]).lower() if e.get("prep") else None,
                particle=str(e["particle"]).lower() if e.get("particle") else None,
                objects=_words(e.get("object")),
                not_objects=_words(e.get("not_object")) or frozenset(),
                object_role=role,
                passive=bool(e.get("passive", True)),
                frame=frame,
                targets=_targets(e.get("target"), where),
                pos=str(e.get("pos", "VERB")).upper(),
                complements=_words(e.get("complement")),
                modifiers=_words(e.get("modifier")),
                not_object_roles=frozenset(r.upper() for r in not_roles),
                no_complement=bool(e.get("no_complement", False)),
                intransitive=bool(e.get("intransitive", False)),
                clause=bool(e.get("clause", False)),
                cues=_words(e.get("cue")),
            )
        )
    nouns: dict[str, list[NounEntry]] = defaultdict(list)
    for e in read_yaml_list(folder / "nouns.yaml", required=("id", "lemma", "code")):
        unique("nouns.yaml", e["id"])
        preps = e.get("target_preps") or []
        nouns[str(e["lemma"]).lower()].append(
            NounEntry(
                id=str(e["id"]),
                lemma=str(e["lemma"]).lower(),
                code=_check_code(onto, "nouns.yaml", e["id"], e["code"]),
                target_preps=tuple(str(p).lower() for p in preps),
                modifiers=_words(e.get("modifiers")),
                plural=bool(e.get("plural", False)),
                target_role=str(e["target_role"]).upper() if e.get("target_role") else None,
            )
        )
    light: dict[str, list[LightVerb]] = defaultdict(list)
    for e in read_yaml_list(folder / "light_verbs.yaml", required=("id", "lemma")):
        unique("light_verbs.yaml", e["id"])
        roots = e.get("roots")
        light[str(e["lemma"]).lower()].append(
            LightVerb(
                id=str(e["id"]),
                lemma=str(e["lemma"]).lower(),
                particle=str(e["particle"]).lower() if e.get("particle") else None,
                roots=tuple(str(r) for r in roots) if roots else None,
                targets=_targets(e.get("target"), f"light_verbs.yaml: {e['id']}"),
            )
        )
    frames: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for row in read_tsv(folder / "frames.tsv", required=("id", "frame", "embedded", "code")):
        unique("frames.tsv", row["id"])
        if row["frame"] not in CODE_CHANGING_FRAMES:
            raise DataError(f"frames.tsv: {row['id']}: unknown frame {row['frame']!r}")
        if not row["embedded"].isdigit():
            raise DataError(f"frames.tsv: {row['id']}: embedded must be a code prefix")
        code = _check_code(onto, "frames.tsv", row["id"], row["code"])
        frames[row["frame"]].append((row["embedded"], code, row["id"]))
    for rows in frames.values():
        rows.sort(key=lambda r: -len(r[0]))
    return Lexicon(dict(verbs), dict(nouns), dict(light), dict(frames), load_policy(folder))


def load_policy(folder: Path) -> Policy:
    """Modality cue words and one-sided roots from ``policy.yaml``."""
    policy = Policy()
    words: dict[str, set[str]] = defaultdict(set)
    for e in read_yaml_list(folder / "policy.yaml", required=("id", "kind", "words")):
        if e["kind"] not in POLICY_KINDS:
            raise DataError(f"policy.yaml: {e['id']}: unknown kind {e['kind']!r}")
        if isinstance(e["words"], list) and any(isinstance(w, bool) for w in e["words"]):
            # YAML 1.1 reads a bare no/yes/on/off as a boolean: the word would never match
            raise DataError(f"policy.yaml: {e['id']}: quote no/yes/on/off, they read as booleans")
        words[e["kind"]].update(_words(e["words"]) or frozenset())
    policy.words = {k: frozenset(v) for k, v in words.items()}
    return policy


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded once per process."""
    return load_lexicon()
