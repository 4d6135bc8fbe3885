"""Bytes to text: the encodings newsrooms actually send, never a silent latin-1 guess.

Order of trust: an explicit ``encoding``; a byte-order mark (UTF-8, UTF-16 LE/BE);
strict UTF-8; then charset detection restricted to the legacy code pages of our languages
(Windows-1256 for Arabic, Persian and Urdu, Windows-1255 for Hebrew, and the Western
code pages for English and French), choosing the one whose decoding reads as real words.
A document's own claim (an HTML page's ``<meta charset>``) is trusted only where the bytes
agree with it.  Nothing is ever replaced: UTF-8 with a damaged byte, or a file that turns from
UTF-8 to another encoding half-way, is an error naming the byte and its line.
"""
from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from typing import Optional

from ..errors import InputError
from ..text.script import OTHER, letter_script
from ..model import made_valid

log = logging.getLogger("newsconv")

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
LEGACY_ENCODINGS = ("cp1256", "cp1255", "cp1252", "iso8859_6", "iso8859_8")
# Bytes that fail as UTF-8 in a text that otherwise reads as UTF-8 mean damage, not a legacy code
# page: in our legacy fixtures at most 1 high byte in 25 happens to form a valid UTF-8 sequence.
_UTF8_EVIDENCE = 8
_TAG = re.compile(r"<[^<>]*>")
# Python codecs that are text encodings to Python but no character set a document is saved in.
_NOT_CHARSETS = frozenset({"undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode"})
_LEGACY_NAMES = frozenset(codecs.lookup(encoding).name for encoding in LEGACY_ENCODINGS)


def decode(data: bytes, encoding: Optional[str] = None, *, name: str = "<input>",
           declared: Optional[str] = None) -> str:
    """Decode article bytes to text with normalised line ends, in Unicode NFC, without the
    characters no output can carry (removed with a warning naming the line).

    ``encoding`` is the user's (trusted); ``declared`` is what the document says of itself (an
    HTML page's charset, already mapped as a browser maps it): used when the bytes agree, else a
    warning and detection.  Raises InputError for binary data, bytes that decode in no plausible
    encoding, and UTF-8 with invalid bytes (naming the first one's offset and line).
    """
    if encoding:
        text = _decode_as(data, encoding, name)
    else:
        text = _detect_and_decode(data, name, declared)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return made_valid(unicodedata.normalize("NFC", text), name)


def text_codec(label: str) -> Optional[str]:
    """The canonical name of the character encoding ``label`` names; None for an unknown label, a
    codec that does not turn bytes into text (``rot13``, ``base64``, ``zlib``), or one of Python's
    own escapes that no file is written in (``unicode_escape`` reads UTF-8 Arabic as Latin-1)."""
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):  # ValueError: a label with a NUL in it
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return info.name


def _decode_as(data: bytes, encoding: str, name: str) -> str:
    if text_codec(encoding) is None:
        known = "unknown encoding" if _unknown(encoding) else "not a text encoding"
        raise InputError(f"{name}: {known} {encoding!r} (give one such as utf-8, cp1256, cp1255)")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid {encoding} at {_where(data, exc.start)} ({exc.reason})") from None
    except UnicodeError as exc:  # codecs that fail without saying where (utf-7's neighbours)
        raise InputError(f"{name}: not valid {encoding} ({exc})") from None


def _unknown(label: str) -> bool:
    try:
        codecs.lookup(label)
    except (LookupError, ValueError):
        return True
    return False


def _where(data: bytes, offset: int) -> str:
    """``byte N (line L)`` for an offset into ``data``, the way an editor counts lines."""
    line = data.count(b"\n", 0, offset) + 1
    return f"byte {offset} (line {line})"


def _detect_and_decode(data: bytes, name: str, declared: Optional[str]) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, encoding, name)
    if _looks_binary(data):
        utf16 = _utf16_without_bom(data)
        if utf16:
            raise InputError(f"{name}: looks like {utf16.upper()} without a byte-order mark; give --encoding {utf16}")
        raise InputError(f"{name}: a binary file, not article text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        _refuse_damaged_utf8(data, exc.start, name)
    else:
        if declared and not data.isascii() and codecs.lookup(declared).name not in ("utf-8", "utf-8-sig"):
            log.warning("%s: the page declares %s but is UTF-8; read as UTF-8", name, declared)
        return text
    if declared:
        return _decode_declared(data, declared, name)
    return _decode_legacy(data, name)


def _refuse_damaged_utf8(data: bytes, first_bad: int, name: str) -> None:
    """InputError when bytes invalid as UTF-8 sit in a text that reads as UTF-8 elsewhere.

    Decoding such a file with a legacy code page would turn every Arabic letter into two
    letters of mojibake; replacing the bad bytes would alter the article unseen.  So the user
    is told where the damage is (a damaged byte, or a second file in another encoding pasted on).
    """
    lenient = data.decode("utf-8", errors="replace")
    invalid = lenient.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    valid = sum(1 for ch in lenient if ch > "\x7f") - invalid
    before = sum(1 for ch in data[:first_bad].decode("utf-8") if ch > "\x7f")
    if before >= _UTF8_EVIDENCE or valid >= 2 * invalid:
        raise InputError(f"{name}: invalid UTF-8 at {_where(data, first_bad)} in a text that otherwise reads as "
                         f"UTF-8 ({invalid} invalid sequence{'s' if invalid > 1 else ''}: a damaged file, or two "
                         "encodings mixed); repair it, or give its encoding with --encoding")


def _decode_declared(data: bytes, declared: str, name: str) -> str:
    """The page's declared encoding, unless its bytes are not in it, or it is one of our legacy
    code pages and another of them reads as real words where it does not."""
    try:
        text: Optional[str] = data.decode(declared)
    except UnicodeDecodeError:
        text = None
    if text is not None and codecs.lookup(declared).name not in _LEGACY_NAMES:
        return text  # Shift-JIS, KOI8-R ...: the plausibility test below knows only our scripts
    score, encoding, best = _best_legacy(data, name)
    if text is not None and (encoding == declared or _plausibility(text) >= score):
        return text
    log.warning("%s: the page declares %s but reads as %s; read as %s", name, declared, encoding, encoding)
    return best


def _looks_binary(data: bytes) -> bool:
    """NUL bytes without a UTF-16 BOM, or many control bytes, mark a binary (an image, a zip)."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(head) // 50)


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """"utf-16-le" or "utf-16-be" when the NUL bytes all fall on one side of the code units, as
    the spaces and Latin letters of UTF-16 text put them; None otherwise (an image, a zip)."""
    head = data[:8192]
    if len(data) % 2:
        return None
    low_nuls, high_nuls = head[0::2].count(0), head[1::2].count(0)
    if low_nuls == 0 and high_nuls * 16 >= len(head) // 2:
        return "utf-16-le"
    if high_nuls == 0 and low_nuls * 16 >= len(head) // 2:
        return "utf-16-be"
    return None


def _decode_legacy(data: bytes, name: str) -> str:
    return _best_legacy(data, name)[2]


def _best_legacy(data: bytes, name: str) -> tuple[int, str, str]:
    """The legacy code page whose reading looks most like real words: its score, name and text.

    General-purpose detectors (charset-normalizer) refused Persian in Windows-1256 when
    measured; with the candidates limited to our languages' code pages a simple test is
    reliable: right decodings give words of one script, wrong ones mix scripts inside words
    or produce runs of accented Latin letters.
    """
    readings = []
    for encoding in LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        readings.append((_plausibility(text), encoding, text))
    best = max(readings, default=None, key=lambda reading: reading[0])
    if best is None or best[0] <= 0:
        raise InputError(f"{name}: cannot tell the text encoding (not UTF-8, UTF-16 or an Arabic, Hebrew or "
                         "Western code page); give one with --encoding")
    return best


def _plausibility(text: str) -> int:
    """Letters in single-script words, less a heavy penalty for each implausible word (markup
    tags count as spaces, so ``<p>سلام`` is a word of one script)."""
    good = bad = 0
    for word in _TAG.sub(" ", text).split():
        scripts = {_letter_class(ch) for ch in word if ch.isalpha()}
        accented = sum(1 for ch in word if ch.isalpha() and not ch.isascii() and _letter_class(ch) == "latin")
        if len(scripts) > 1 or accented > 1 and accented * 2 > len(word):
            bad += 1
        else:
            good += sum(1 for ch in word if ch.isalpha())
    controls = sum(1 for ch in text if "\x80" <= ch <= "\x9f")
    return good - 10 * bad - 10 * controls


def _letter_class(ch: str) -> str:
    script = letter_script(ch)
    return "latin" if script == OTHER else script
