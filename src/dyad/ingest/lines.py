"""Byte-level line reading, so errors can name the exact line and byte of bad input."""

from __future__ import annotations

from typing import BinaryIO

HEAD_BYTES = 8192  # how much of the start is checked for binary data
_CHUNK = 1 << 16
BOM = b"\xef\xbb\xbf"


class ByteLines:
    """Reads a binary stream line by line with a cap on line length.

    Python's own ``readline`` would hold an arbitrarily long line in memory; this reader
    returns at most ``limit`` bytes and lets the caller discard the rest, so one runaway
    record cannot exhaust memory. It also tracks the 1-based line number and the byte offset.
    """

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._buf = bytearray()
        self._eof = False
        self.line = 0  # number of the line last returned (1-based)
        self.offset = 0  # byte offset, from the start of the stream, of the next line

    def _fill(self) -> bool:
        """Read one more chunk into the buffer; False at end of stream."""
        if self._eof:
            return False
        data = self._raw.read(_CHUNK)
        if not data:
            self._eof = True
            return False
        self._buf += data
        return True

    def head(self, n: int = HEAD_BYTES) -> bytes:
        """The first ``n`` bytes (fewer at end of stream), without consuming them."""
        while len(self._buf) < n and self._fill():
            pass
        return bytes(self._buf[:n])

    def readline(self, limit: int) -> tuple[bytes, bool] | None:
        """The next line with its newline, and whether it was cut at ``limit`` bytes.

        None at end of stream. After a cut line, call ``skip_line`` to drop its rest.
        """
        start = 0
        while True:
            i = self._buf.find(b"\n", start, limit)
            if i >= 0:
                return self._take(i + 1, cut=False)
            if len(self._buf) >= limit:
                return self._take(limit, cut=True)
            start = len(self._buf)
            if not self._fill():
                if not self._buf:
                    return None
                return self._take(len(self._buf), cut=False)

    def _take(self, n: int, *, cut: bool) -> tuple[bytes, bool]:
        data = bytes(self._buf[:n])
        del self._buf[:n]  # deleting from the front of a bytearray is amortised O(1)
        self.line += 1
        self.offset += n
        return data, cut

    def skip_line(self) -> None:
        """Discard input up to and including the next newline, in bounded chunks."""
        while True:
            i = self._buf.find(b"\n")
            if i >= 0:
                self.offset += i + 1
                del self._buf[: i + 1]
                return
            self.offset += len(self._buf)
            self._buf.clear()
            if not self._fill():
                return

    def read_up_to(self, n: int) -> bytes:
        """Up to ``n`` bytes of what is left, as one block (for single-document text)."""
        while len(self._buf) < n and self._fill():
            pass
        data = bytes(self._buf[:n])
        del self._buf[:n]
        self.offset += len(data)
        return data

    def at_end(self) -> bool:
        """True when nothing is left to read."""
        return not self._buf and not self._fill()
