"""Copies of glyphs with the advance they are drawn with, added to a TrueType subset.

A PDF glyph's width (/W) must equal its advance in the embedded font program (PDF/UA-1
7.21.5, PDF/A-2 6.2.11.5), but shaping draws one glyph at several advances (Arabic cursive
attachment, kerning, marks with none), and the text layer needs each drawn at its own:
widths that carry every glyph to its place are what keep extractors from seeing gaps inside
words (a /W of the font's advance with TJ adjustments was measured: poppler's words found
fell from 0.993 to 0.969).  So each (glyph, advance) pair that differs from the font gets a
composite glyph of its own: one component, the original outline at (0, 0), and the advance
it is drawn with.  The outline is shared, the rendering is the same.

Written here rather than with fontTools because importing fontTools' TrueType tables costs
a cold ``to-pdf`` about 37 ms (of about 220); the change is four small tables of the
subset HarfBuzz already made (glyf, loca, hmtx and the counts in maxp, hhea and head).
"""
from __future__ import annotations

import struct

_ARG_WORDS_XY = 0x0001 | 0x0002  # ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES


def with_copies(font: bytes, copies: list[tuple[int, int]]) -> tuple[bytes, list[int]]:
    """``font`` (a TrueType subset) with a glyph appended for each (glyph, advance in font
    units) of ``copies``, and the glyph id of each copy.  A font without TrueType outlines
    comes back unchanged, each copy being its glyph itself."""
    tables = _tables(font)
    if not copies or not {b"glyf", b"loca", b"hmtx", b"hhea", b"maxp", b"head"} <= tables.keys():
        return font, [gid for gid, _ in copies]
    head, maxp, hhea = bytearray(tables[b"head"]), bytearray(tables[b"maxp"]), bytearray(tables[b"hhea"])
    count = struct.unpack(">H", maxp[4:6])[0]
    long_loca = struct.unpack(">h", head[50:52])[0] == 1
    loca = (struct.unpack(f">{count + 1}L", tables[b"loca"][:4 * (count + 1)]) if long_loca else
            [2 * offset for offset in struct.unpack(f">{count + 1}H", tables[b"loca"][:2 * (count + 1)])])
    glyf = bytearray(tables[b"glyf"])
    metrics = _metrics(tables[b"hmtx"], struct.unpack(">H", hhea[34:36])[0], count)
    offsets = list(loca)
    for gid, advance in copies:
        start, end = loca[gid], loca[gid + 1]
        if end > start:  # an outline: a composite of it; an empty glyph stays empty
            bbox = glyf[start + 2:start + 10]
            glyf += struct.pack(">h", -1) + bbox + struct.pack(">HHhh", _ARG_WORDS_XY, gid, 0, 0)
            glyf += b"\0" * (-len(glyf) % 4)
        offsets.append(len(glyf))
        metrics.append((max(0, min(advance, 0xFFFF)), metrics[gid][1]))
    total = count + len(copies)
    struct.pack_into(">h", head, 50, 1)  # long loca offsets
    struct.pack_into(">L", head, 8, 0)  # checkSumAdjustment, set again below
    struct.pack_into(">H", maxp, 4, total)
    if len(maxp) >= 32:  # version 1.0: composites of depth 1 and one element now exist
        struct.pack_into(">H", maxp, 28, max(1, struct.unpack(">H", maxp[28:30])[0]))
        struct.pack_into(">H", maxp, 30, max(1, struct.unpack(">H", maxp[30:32])[0]))
        points, contours = struct.unpack(">HH", maxp[6:10])
        composite_points, composite_contours = struct.unpack(">HH", maxp[10:14])
        struct.pack_into(">HH", maxp, 10, max(points, composite_points), max(contours, composite_contours))
    struct.pack_into(">H", hhea, 34, total)
    struct.pack_into(">H", hhea, 10, max(struct.unpack(">H", hhea[10:12])[0], max(a for a, _ in metrics)))
    tables.update({
        b"head": bytes(head), b"maxp": bytes(maxp), b"hhea": bytes(hhea), b"glyf": bytes(glyf),
        b"loca": struct.pack(f">{total + 1}L", *offsets),
        b"hmtx": b"".join(struct.pack(">Hh", advance, lsb) for advance, lsb in metrics),
    })
    return _sfnt(font[:4], tables), list(range(count, total))


def _tables(font: bytes) -> dict[bytes, bytes]:
    count = struct.unpack(">H", font[4:6])[0]
    tables = {}
    for index in range(count):
        tag, _, offset, length = struct.unpack(">4sLLL", font[12 + 16 * index:28 + 16 * index])
        tables[tag] = font[offset:offset + length]
    return tables


def _metrics(hmtx: bytes, long_count: int, count: int) -> list[tuple[int, int]]:
    """(advance, left side bearing) of every glyph; the last long metric's advance repeats."""
    metrics = [struct.unpack(">Hh", hmtx[4 * i:4 * i + 4]) for i in range(long_count)]
    bearings = hmtx[4 * long_count:]
    last = metrics[-1][0] if metrics else 0
    metrics += [(last, struct.unpack(">h", bearings[2 * i:2 * i + 2])[0]) for i in range(count - long_count)]
    return metrics


def _sfnt(version: bytes, tables: dict[bytes, bytes]) -> bytes:
    """The font file: table directory, then the tables 4-byte aligned, with their checksums."""
    tags = sorted(tables)
    power = 1 << (len(tags).bit_length() - 1)
    header = version + struct.pack(">HHHH", len(tags), power * 16, power.bit_length() - 1, len(tags) * 16 - power * 16)
    offset = 12 + 16 * len(tags)
    directory, body = b"", b""
    for tag in tags:
        data = tables[tag]
        directory += struct.pack(">4sLLL", tag, _checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    font = bytearray(header + directory + body)
    index = tags.index(b"head")
    head_offset = struct.unpack(">L", font[12 + 16 * index + 8:12 + 16 * index + 12])[0]
    struct.pack_into(">L", font, head_offset + 8, (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF)
    return bytes(font)


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(padded) // 4}L", padded)) & 0xFFFFFFFF
