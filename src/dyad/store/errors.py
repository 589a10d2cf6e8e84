"""The one exception the store raises for problems a user can fix."""

from __future__ import annotations

from dyad.resources import DataError


class StoreError(DataError):
    """A store file that cannot be used: held by another process, not a dyad store, too new.

    A ``DataError`` so that the command line reports it like any broken data file: one line on
    stderr, exit code 2, no traceback.
    """
