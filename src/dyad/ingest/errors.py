"""The one exception the input stage raises for bad input."""

from __future__ import annotations


class InputError(Exception):
    """One bad input: names the file (and line where known) and the problem, in one line.

    The arguments are kept in ``args`` in constructor order so the error survives pickling
    (worker processes hand it back to the parent).
    """

    path: str
    line: int | None
    message: str

    def __init__(self, path: str, line: int | None, message: str) -> None:
        super().__init__(path, line, message)
        self.path = path
        self.line = line
        self.message = message

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"
