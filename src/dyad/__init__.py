"""dyad: political event data from news text.

>>> import dyad
>>> doc = dyad.code("Russia accused Ukraine of shelling Donetsk.", date="2022-01-25")
>>> [(e.source.code, e.code, e.target and e.target.code) for e in doc.events]
"""

from dyad.model import (
    Actor,
    ActorRef,
    Document,
    Event,
    InputDocument,
    Mention,
    Quote,
    Span,
)
from dyad.pipeline import Coder, code
from dyad.store import Store
from dyad.store import open_store as open  # dyad.open("dyad.duckdb")

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorRef",
    "Coder",
    "Document",
    "Event",
    "InputDocument",
    "Mention",
    "Quote",
    "Span",
    "Store",
    "__version__",
    "code",
    "open",
]
