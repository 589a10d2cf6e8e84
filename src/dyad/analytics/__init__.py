"""Analyses over a dyad store: cross-article groups, GDELT export, dyad series and alerts.

Every function takes a DuckDB connection to a store with the layout of ``store/schema.sql``.
Names are imported on first use, so that ``dyad code`` does not pay for pandas and DuckDB.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "Alert": "alerts",
    "find_alerts": "alerts",
    "Selection": "base",
    "open_db": "base",
    "dyad_series": "dyads",
    "write_gdelt": "gdelt",
    "group_events": "grouping",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'dyad.analytics' has no attribute {name!r}")
    return getattr(import_module(f"dyad.analytics.{_WHERE[name]}"), name)
