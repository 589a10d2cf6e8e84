"""What the actor tests ask of a coded document: the code behind a mention."""

from __future__ import annotations

from dyad import Document


def code_of(doc: Document, surface: str, nth: int = 0) -> str | None:
    """The code of the actor behind the ``nth`` mention with this exact text (None if fewer)."""
    found = [m for m in doc.mentions if m.text == surface]
    if len(found) <= nth:
        return None
    return next(a.code for a in doc.actors if a.id == found[nth].actor)
