"""Version 2 in DOCX, on the issue's Arabic CMS page and raw text: hyperlinks with their
relationships, complex-script bold and italic, the picture part, Quote and Caption styles and
the authors in the core properties."""
from __future__ import annotations

import io
import re
import zipfile

import pytest

import newsconv



@pytest.fixture(scope="module")
def packages(v2_desk):
    desk = v2_desk
    out = {}
    for name in ("ar-cms.html", "ar-marked.txt"):
        with zipfile.ZipFile(io.BytesIO(newsconv.render(newsconv.parse(desk / name), "docx"))) as package:
            out[name] = {part: package.read(part).decode("utf-8", "replace") for part in package.namelist()}
    return out


NAMES = ["ar-cms.html", "ar-marked.txt"]


@pytest.mark.parametrize("name", NAMES)
def test_links_are_hyperlinks_with_external_relationships(packages, name):
    parts = packages[name]
    ids = re.findall(r'<w:hyperlink r:id="(rId\d+)"', parts["word/document.xml"])
    rels = parts["word/_rels/document.xml.rels"]
    targets = {rid: re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{rid}"', rels) for rid in ids}
    hrefs = {next(filter(None, match.groups())) for match in targets.values()}
    assert "https://example.org/acwa" in hrefs
    assert 'TargetMode="External"' in rels
    assert not any("javascript" in part for part in parts.values())


@pytest.mark.parametrize("name", NAMES)
def test_bold_and_italic_are_set_for_complex_script_runs_too(packages, name):
    body = packages[name]["word/document.xml"]
    runs = re.findall(r"<w:r>(.*?)</w:r>", body)
    bold = [r for r in runs if "<w:b/>" in r and "<w:bCs/>" in r and "<w:rtl/>" in r]
    italic = [r for r in runs if "<w:i/>" in r and "<w:iCs/>" in r and "<w:rtl/>" in r]
    assert bold and italic


@pytest.mark.parametrize("name", NAMES)
def test_the_figure_is_an_inline_picture_with_a_caption(packages, name):
    parts = packages[name]
    assert any(part.startswith("word/media/image") for part in parts)
    body = parts["word/document.xml"]
    assert "<wp:inline" in body and 'descr="' in body
    styles = parts["word/styles.xml"]
    caption_id = re.search(r'w:styleId="(\w+)"><w:name w:val="caption"', styles, re.IGNORECASE).group(1)
    quote_id = re.search(r'w:styleId="(\w+)"><w:name w:val="Quote"', styles).group(1)
    assert f'<w:pStyle w:val="{caption_id}"/>' in body and f'<w:pStyle w:val="{quote_id}"/>' in body


def test_core_properties_carry_the_article_meta(packages):
    core = packages["ar-cms.html"]["docProps/core.xml"]
    assert "<dc:creator>سلمى الحربي; خالد العتيبي</dc:creator>" in core
    assert "<cp:keywords>طاقة, هيدروجين, نيوم</cp:keywords>" in core and "<dc:subject>اقتصاد</dc:subject>" in core
    assert "2025-11-29T06:12:00Z" in core  # 09:12+03:00 in UTC
    assert "<dc:creator>سلمى الحربي</dc:creator>" in packages["ar-marked.txt"]["docProps/core.xml"]


def test_the_byline_and_dateline_are_printed(packages):
    body = re.sub(r"<[^>]+>", "", packages["ar-marked.txt"]["word/document.xml"])
    assert "بقلم: سلمى الحربي" in body and "الرياض (واس) - افتتحت" in body.replace("\u200f", "")


def test_marks_in_table_cells(packages):
    body = packages["ar-cms.html"]["word/document.xml"]
    cells = re.findall(r"<w:tc>(.*?)</w:tc>", body)
    strong_cell = next(cell for cell in cells if "600 طن يومياً" in re.sub(r"<[^>]+>", "", cell))
    assert "<w:bCs/>" in strong_cell
    plain_cell = next(cell for cell in cells if "8.4 مليار دولار" in re.sub(r"<[^>]+>", "", cell))
    assert "<w:b/>" not in plain_cell
