"""Actors: find every mention of a country, organisation, group or person and give it a code.

``ActorResolver`` holds the gazetteer (built-in tables plus a user's dictionary) for a run;
``ActorResolver.document`` starts the per-document state that the event stage asks for the actor
behind each argument.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from dyad.actors.gazetteer import Entry, Gazetteer, build_gazetteer, read_user_actors
from dyad.actors.resolve import DocumentActors, is_coordinated_modifier, noun_phrase
from dyad.resources import data_path, read_tsv

__all__ = [
    "ActorResolver",
    "DocumentActors",
    "Entry",
    "Gazetteer",
    "is_coordinated_modifier",
    "noun_phrase",
    "read_user_actors",
]


class ActorResolver:
    """The gazetteer for a run, and the factory of per-document actor state."""

    def __init__(self, nlp: Language, user_actors: str | Path | Iterable[Entry] | None = None):
        if isinstance(user_actors, (str, Path)):
            user = read_user_actors(user_actors)
        else:
            user = list(user_actors or [])
        self.gazetteer = build_gazetteer(nlp, user)
        rows = read_tsv(data_path("cameo", "actor_roles.tsv"), required=("code", "label"))
        self.role_labels = {r["code"]: r["label"] for r in rows}

    def document(self, tokens: Doc, date: str, text: str | None = None) -> DocumentActors:
        """Per-document state: gazetteer matches and titled people of this text. ``text`` is
        the string the tokens were made from, when the caller has it (spaCy joins the tokens
        again for ``Doc.text``)."""
        return DocumentActors(self.gazetteer, tokens, date, self.role_labels, text)
