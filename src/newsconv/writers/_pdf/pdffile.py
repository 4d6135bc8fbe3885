"""The PDF file itself: numbered objects, streams, the cross-reference table.

newsconv writes its few object kinds (pages, content streams, embedded fonts, metadata)
directly instead of through reportlab's canvas: importing and setting up reportlab cost
more than the whole rest of a cold ``to-pdf`` (see bench/bench_pdf.py).
"""
from __future__ import annotations

import zlib


class PdfFile:
    """Objects numbered from 1, serialized in order with an xref table and a trailer."""

    def __init__(self) -> None:
        self._bodies: list[bytes | None] = []

    def reserve(self) -> int:
        """A number for an object written later (fonts are written once every page is drawn)."""
        self._bodies.append(None)
        return len(self._bodies)

    def put(self, number: int, body: str | bytes) -> int:
        self._bodies[number - 1] = body.encode("latin-1") if isinstance(body, str) else body
        return number

    def add(self, body: str | bytes) -> int:
        return self.put(self.reserve(), body)

    def add_stream(self, data: bytes, entries: str = "", number: int = 0, compress: bool = True) -> int:
        """A Flate-compressed stream (plain when not ``compress``: XMP metadata, which PDF/A wants
        readable by tools that know no PDF); ``entries`` are extra dictionary entries."""
        # Level 1: files 4 % larger than at the default 6, written in a fifth less time (fixtures, warm).
        packed = zlib.compress(data, 1) if compress else data
        flate = "/Filter /FlateDecode " if compress else ""
        head = f"<< /Length {len(packed)} {flate}{entries}>>\nstream\n".encode("latin-1")
        return self.put(number or self.reserve(), head + packed + b"\nendstream")

    def to_bytes(self, root: int, info: int) -> bytes:
        """The whole file; its /ID is a hash of the body, so equal documents give equal bytes."""
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(self._bodies, 1):
            offsets.append(len(out))
            out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        digest = fingerprint(bytes(out)).encode()
        out += (b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n"
                % (len(offsets) + 1, root, info, digest, digest, xref))
        return bytes(out)


def fingerprint(data: bytes) -> str:
    """32 hex digits that change with ``data``: zlib's checksums, because loading hashlib (OpenSSL)
    costs a cold ``to-pdf`` more than writing the whole file, and nothing here needs a secure hash."""
    words = (zlib.crc32(data), zlib.adler32(data), zlib.crc32(data, 0x9E3779B9), zlib.adler32(data, 0x2545F491))
    return "".join(f"{word:08x}" for word in words)


def text_string(text: str) -> str:
    """A PDF text string (UTF-16BE with its byte-order mark, in hex) for metadata."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def number(value: float) -> str:
    """A number as PDF content streams write it: at most 3 decimals, no trailing zeros."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text
