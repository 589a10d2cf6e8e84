"""dyad: political event data from news text.

>>> import dyad
>>> doc = dyad.code("Russia accused Ukraine of shelling Donetsk.", date="2022-01-25")
>>> [(e.source.code, e.code, e.target and e.target.code) for e in doc.events]
"""

from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from dyad.pipeline import Coder, code
    from dyad.store import Store
    from dyad.store import open_store as open  # dyad.open("dyad.duckdb")

__version__ = "0.1.0"

# The pipeline loads spaCy and the store DuckDB: imported on first use, so that commands that
# need neither (dyad dyads, dyad alerts, dyad --help) start at once.
_LAZY = {
    "Coder": ("dyad.pipeline", "Coder"),
    "code": ("dyad.pipeline", "code"),
    "Store": ("dyad.store", "Store"),
    "open": ("dyad.store", "open_store"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'dyad' has no attribute {name!r}")


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
