"""Bytes to text: every encoding newsrooms send, and a clear error for what is not text."""
from __future__ import annotations

import codecs

import pytest

from newsconv.errors import InputError
from newsconv.reading.decode import decode

ARABIC = "أكد الرئيس الروسي فلاديمير بوتين أن روسيا مستعدة لبذل كافة الجهود الممكنة لحماية سيادة سوريا."
PERSIAN = "رئیس جمهور گفت که دولت برنامه‌های اقتصادی خود را با جدیت پیگیری خواهد کرد و این کار ادامه دارد."
HEBREW = "ראש הממשלה אמר כי הממשלה תמשיך בתוכניותיה הכלכליות למרות הקשיים שעומדים בפני המדינה."
FRENCH = "Le président a déclaré que la France était prête à agir, « dès la semaine prochaine », a-t-il ajouté."


@pytest.mark.parametrize("data", [
    ARABIC.encode("utf-8"), codecs.BOM_UTF8 + ARABIC.encode("utf-8"),
    codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"), codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"),
])
def test_unicode_encodings(data):
    assert decode(data) == ARABIC


@pytest.mark.parametrize("text, encoding", [(ARABIC, "cp1256"), (PERSIAN.replace("ی", "ي"), "cp1256"), (HEBREW, "cp1255"),
                                            (FRENCH, "cp1252")])
def test_legacy_code_pages_are_detected(text, encoding):
    sample = (text + "\n") * 3
    assert decode(sample.encode(encoding)) == sample


def test_forced_encoding_wins():
    assert decode(HEBREW.encode("cp1255"), "cp1255") == HEBREW


def test_line_ends_and_nfc():
    decomposed = "e\u0301t\u00e9\r\nligne\rfin"
    assert decode(decomposed.encode("utf-8")) == "\u00e9t\u00e9\nligne\nfin"


@pytest.mark.parametrize("data, message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    ("نص".encode("utf-8"), None),
])
def test_binary_is_refused(data, message):
    if message:
        with pytest.raises(InputError, match=message):
            decode(data, name="photo.png")
    else:
        assert decode(data) == "نص"


def test_unknown_or_wrong_forced_encoding():
    with pytest.raises(InputError, match="unknown encoding"):
        decode(b"abc", "klingon")
    with pytest.raises(InputError, match="not valid utf-8"):
        decode(ARABIC.encode("cp1256"), "utf-8")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_names_the_way_out(encoding):
    with pytest.raises(InputError, match=f"looks like {encoding.upper()} without a byte-order mark; give --encoding "
                                         f"{encoding}"):
        decode((ARABIC + "\n").encode(encoding))
    assert decode((ARABIC + "\n").encode(encoding), encoding) == ARABIC + "\n"
