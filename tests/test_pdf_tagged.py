"""The tagged PDF checked as a PDF/UA-1 and PDF/A-2u validator would, with pikepdf.

No validator (veraPDF) installs from the registries here, so these tests read what the
machine-checkable Matterhorn Protocol checkpoints read (listed in the README): content
tagged or artifact, the structure tree against the model, MCIDs and the ParentTree,
Lang, the title and XMP, bookmarks, every glyph mapped to Unicode.
"""
from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pikepdf
import pytest

import newsconv
from newsconv import Document, Figure, FontError, Heading, List, Paragraph, Quote, RenderOptions, Table
from newsconv.model import header_in_body
from newsconv.writers._pdf.structure import STANDARD_TYPES

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
# ar, fa, he, ur, en with headings, lists (bulleted and numbered) and tables.
FIXTURES = ["ar-seed", "ar-20-health-question-headings-lists", "fa-03-cp1256-pipe-table-dash-bullets",
            "he-01-pipe-table-niqqud", "ur-02-cp1256-numbered-tab-table", "en-03-markdown-table-arabic-line",
            # model v2: byline, bold and italic, links, a quote, a figure (raw text and a CMS page)
            "v2/ar-marked.txt", "v2/ar-cms.html"]
V2 = ROOT / "tests" / "data"
TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
PAINT_OPERATORS = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh"}
NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
      "xmp": "http://ns.adobe.com/xap/1.0/", "pdf": "http://ns.adobe.com/pdf/1.3/",
      "pdfuaid": "http://www.aiim.org/pdfua/ns/id/", "pdfaid": "http://www.aiim.org/pdfa/ns/id/"}


def load(name: str) -> Document:
    if name.startswith("v2/"):
        return newsconv.parse(V2 / name)
    return Document.from_json(json.loads((ARTICLES / f"{name}.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module", params=FIXTURES)
def article(request):
    document = load(request.param)
    data = newsconv.render(document, "pdf", author="Desk", date="2026-11-29T08:30:00+01:00")
    return document, data, pikepdf.open(io.BytesIO(data))


def elements(pdf: pikepdf.Pdf):
    """Every structure element, depth first in tree (reading) order, with its parent."""
    def walk(element, parent):
        yield element, parent
        kids = element.get("/K")
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                yield from walk(kid, element)
    yield from walk(pdf.Root.StructTreeRoot.K[0], pdf.Root.StructTreeRoot)


def kind(element) -> str:
    return str(element.S).lstrip("/")


def marked_content(pdf: pikepdf.Pdf):
    """Per page: the MCIDs its content opens, and every painting operator with the marked-content
    stack around it (each entry "MCID" for tagged content, "Artifact", or another tag)."""
    pages = []
    for page in pdf.pages:
        stack, mcids, painted = [], [], []
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "BDC":
                properties = operands[1]
                if str(operands[0]) == "/Artifact":
                    stack.append("Artifact")
                elif isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
                    mcids.append(int(properties.MCID))
                    stack.append("MCID")
                else:
                    stack.append(str(operands[0]))
            elif op == "BMC":
                stack.append("Artifact" if str(operands[0]) == "/Artifact" else str(operands[0]))
            elif op == "EMC":
                stack.pop()
            elif op in TEXT_OPERATORS or op in PAINT_OPERATORS:
                painted.append((op, tuple(stack)))
        assert not stack, "unbalanced marked content"
        pages.append((page, mcids, painted))
    return pages


def model_counts(document: Document) -> Counter:
    counts = Counter()
    for block in header_in_body(document).blocks:  # the PDF prints the byline lines as paragraphs
        if isinstance(block, Heading):
            counts[f"H{block.level}"] += 1
        elif isinstance(block, Paragraph):
            counts["P"] += 1
        elif isinstance(block, List):
            counts["L"] += 1
            counts["LI"] += len(block.items)
        elif isinstance(block, Table):
            counts["Table"] += 1
            counts["TH"] += block.column_count if block.header else 0
            counts["TD"] += block.column_count * len(block.rows)
        elif isinstance(block, Quote):
            counts["BlockQuote"] += 1
            counts["P"] += 1 + bool(block.attribution)
        elif isinstance(block, Figure):
            counts["Figure"] += 1
            counts["Caption"] += 1
    return counts


def test_catalog_says_tagged_with_language_and_title_shown(article):
    document, _, pdf = article
    root = pdf.Root
    assert root.MarkInfo.Marked is True and not root.MarkInfo.get("/Suspects", False)
    assert "/StructTreeRoot" in root
    assert str(root.Lang) == document.lang
    assert root.ViewerPreferences.DisplayDocTitle is True
    assert str(pdf.docinfo.Title)


def test_structure_tree_mirrors_the_model(article):
    document, _, pdf = article
    types = Counter(kind(element) for element, _ in elements(pdf))
    want = model_counts(document)
    for name in ("H1", "H2", "H3", "P", "L", "LI", "Table", "TH", "TD", "BlockQuote", "Figure", "Caption"):
        assert types[name] == want[name], name
    assert types["Lbl"] == types["LBody"] == types["LI"]
    assert set(types) <= STANDARD_TYPES and "/RoleMap" not in pdf.Root.StructTreeRoot


def test_elements_are_nested_as_the_standard_says(article):
    _, _, pdf = article
    allowed_parents = {"LI": {"L"}, "Lbl": {"LI"}, "LBody": {"LI"}, "TR": {"THead", "TBody", "Table"},
                       "TH": {"TR"}, "TD": {"TR"}, "THead": {"Table"}, "TBody": {"Table"}, "Caption": {"Figure"},
                       "Link": {"P", "H1", "H2", "H3", "LBody", "Caption"}}
    for element, parent in elements(pdf):
        if kind(element) in allowed_parents:
            assert kind(parent) in allowed_parents[kind(element)]
        if kind(element) == "Figure":
            assert str(element.Alt)
        if kind(element) == "TH":
            assert element.A.Scope == "/Column"
        assert element.P.objgen == parent.objgen


def test_every_mcid_is_referenced_exactly_once_from_the_parent_tree(article):
    _, _, pdf = article
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    parent_tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    references = Counter()
    for element, _ in elements(pdf):
        kids = element.K
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                references[(kid.Pg.objgen, int(kid.MCID))] += 1
                assert parent_tree[int(kid.Pg.StructParents)][int(kid.MCID)].objgen == element.objgen
    links = [annotation for page in pdf.pages for annotation in page.get("/Annots", [])]
    assert int(pdf.Root.StructTreeRoot.ParentTreeNextKey) == len(pdf.pages) + len(links)
    for annotation in links:  # each link annotation is the object of its own Link element
        link = parent_tree[int(annotation.StructParent)]
        assert kind(link) == "Link" and link.K[0].Type == "/OBJR" and link.K[0].Obj.objgen == annotation.objgen
    for index, (page, mcids, _) in enumerate(marked_content(pdf)):
        assert int(page.StructParents) == index
        assert sorted(mcids) == list(range(len(mcids)))  # each MCID once on its page
        assert len(parent_tree[index]) == len(mcids)
        for mcid in mcids:
            assert references[(page.objgen, mcid)] == 1


def test_everything_drawn_is_tagged_content_or_an_artifact(article):
    _, _, pdf = article
    for _, _, painted in marked_content(pdf):
        for operator, stack in painted:
            assert stack, f"{operator} outside marked content"
            assert ("MCID" in stack) != ("Artifact" in stack), f"{operator} in {stack}"


def test_page_numbers_are_artifacts_and_not_in_the_tree(article):
    _, _, pdf = article
    for _, _, painted in marked_content(pdf):
        assert painted[-1][1][0] == "Artifact"  # the footer is drawn last


def test_every_drawn_glyph_maps_to_unicode(article):
    _, _, pdf = article
    for page in pdf.pages:
        mapped = {}
        for name, font in page.Resources.Font.items():
            cmap = font.ToUnicode.read_bytes().decode("latin-1")
            mapped[name] = {int(code, 16) for code, text in re.findall(r"<([0-9A-F]{4})> <([0-9A-F]+)>", cmap)}
        current = None
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) == "Tf":
                current = str(operands[0])
            elif str(operator) == "Tj":
                codes = bytes(operands[0])
                for at in range(0, len(codes), 2):
                    assert int.from_bytes(codes[at:at + 2], "big") in mapped[current]


def test_xmp_is_well_formed_and_matches_the_info_dictionary(article):
    document, _, pdf = article
    xmp = ET.fromstring(re.sub(rb"<\?xpacket[^>]*\?>", b"", pdf.Root.Metadata.read_bytes()))
    info = pdf.docinfo
    assert xmp.find(".//dc:title//rdf:li", NS).text == str(info.Title)
    assert xmp.find(".//dc:creator//rdf:li", NS).text == str(info.Author) == "Desk"
    assert xmp.find(".//dc:language//rdf:li", NS).text == document.lang
    assert xmp.find(".//xmp:CreatorTool", NS).text == str(info.Creator)
    assert xmp.find(".//pdf:Producer", NS).text == str(info.Producer)
    assert xmp.find(".//xmp:CreateDate", NS).text == "2026-11-29T08:30:00+01:00"
    assert str(info.CreationDate) == "D:20261129083000+01'00'"
    assert xmp.find(".//pdfuaid:part", NS).text == "1"
    assert xmp.find(".//pdfaid:part", NS) is None
    assert "/Filter" not in pdf.Root.Metadata


def test_bookmarks_are_the_headings_nested_by_level(article):
    document, _, pdf = article
    headings = [(block.level, block.text) for block in document.blocks if isinstance(block, Heading)]
    found = []

    def walk(item, depth):
        while item is not None:
            found.append((depth, str(item.Title)))
            assert item.SE.S == f"/H{next(level for level, text in headings if text == str(item.Title))}"
            walk(item.get("/First"), depth + 1)
            item = item.get("/Next")

    walk(pdf.Root.Outlines.get("/First"), 0)
    assert [text for _, text in found] == [text for _, text in headings]
    for (depth, _), (level, _) in zip(found, headings):
        assert depth <= level - 1  # never deeper than its level


@pytest.mark.skipif(not shutil.which("qpdf") or not shutil.which("pdfinfo"), reason="qpdf and poppler-utils")
def test_qpdf_finds_nothing_and_pdfinfo_says_tagged(article, tmp_path):
    _, data, _ = article
    path = tmp_path / "a.pdf"
    path.write_bytes(data)
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout
    assert "WARNING" not in check.stdout + check.stderr
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M)


def test_a_repeated_table_header_is_an_artifact():
    rows = tuple((f"row {n}", "text " * 8) for n in range(80))
    pdf = pikepdf.open(io.BytesIO(newsconv.render(Document("en", "ltr", (Table(("Name", "Note"), rows),)), "pdf")))
    assert len(pdf.pages) > 1
    types = Counter(kind(element) for element, _ in elements(pdf))
    assert types["TH"] == 2 and types["TD"] == 160
    for index, (_, _, painted) in enumerate(marked_content(pdf)):
        first_text = next(stack for operator, stack in painted if operator in TEXT_OPERATORS)
        assert first_text == (("MCID",) if index == 0 else ("Artifact",))


def test_a_block_in_another_script_has_its_language():
    document = Document("en", "ltr", (Heading(1, "Title"), Paragraph("English text."),
                                      Paragraph("هذا سطر عربي في مقال إنجليزي.", dir="rtl")))
    pdf = pikepdf.open(io.BytesIO(newsconv.render(document, "pdf")))
    langs = [(kind(element), str(element.get("/Lang", ""))) for element, _ in elements(pdf)]
    assert langs[1:] == [("H1", ""), ("P", ""), ("P", "ar")]


def test_a_document_without_heading_gets_a_title_from_its_text():
    pdf = pikepdf.open(io.BytesIO(newsconv.render(Document("en", "ltr", (Paragraph("Just a line."),)), "pdf")))
    assert str(pdf.docinfo.Title) == "Just a line."
    assert "/Outlines" not in pdf.Root


def test_a_document_without_any_text_claims_no_pdfua():
    pdf = pikepdf.open(io.BytesIO(newsconv.render(Document("en", "ltr", ()), "pdf")))
    assert "/Title" not in pdf.docinfo and b"<pdfuaid:part>" not in pdf.Root.Metadata.read_bytes()


@pytest.mark.parametrize("standard, part", [("a-2u", 2), ("a-3u", 3)])
def test_pdfa_adds_its_identification_and_an_srgb_output_intent(standard, part):
    data = newsconv.render(load("ar-seed"), "pdf", RenderOptions(pdf_standard=standard))
    pdf = pikepdf.open(io.BytesIO(data))
    xmp = ET.fromstring(re.sub(rb"<\?xpacket[^>]*\?>", b"", pdf.Root.Metadata.read_bytes()))
    assert xmp.find(".//pdfaid:part", NS).text == str(part)
    assert xmp.find(".//pdfaid:conformance", NS).text == "U"
    assert xmp.find(".//pdfuaid:part", NS).text == "1"
    assert b"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>" in pdf.Root.Metadata.read_bytes()
    intent = pdf.Root.OutputIntents[0]
    assert intent.S == "/GTS_PDFA1" and intent.DestOutputProfile.N == 3
    profile = intent.DestOutputProfile.read_bytes()
    assert profile[36:40] == b"acsp" and profile[16:20] == b"RGB "
    assert profile[24:36] == bytes.fromhex("07d0 0001 0001 0000 0000 0000")  # not the clock: same input, same bytes


def test_pdfa_refuses_characters_no_font_has():
    document = Document("en", "ltr", (Paragraph("A snowman \u2603 and \U0001F600."),))
    default = pikepdf.open(io.BytesIO(newsconv.render(document, "pdf")))  # warns and draws boxes (.notdef),
    assert b"<pdfuaid:part>" not in default.Root.Metadata.read_bytes()  # so it is no PDF/UA-1 (7.21.8)
    with pytest.raises(FontError, match="PDF/A-2U forbids .*U\\+2603"):
        newsconv.render(document, "pdf", pdf_standard="a-2u")


def test_glyph_widths_agree_with_the_embedded_font_program(article):
    """PDF/UA-1 7.21.5, PDF/A-2 6.2.11.5: /W equals the font's advance (within 1/1000 em) for
    every glyph drawn, while the text layer keeps its placed widths (glyph copies)."""
    from fontTools.ttLib import TTFont

    _, _, pdf = article
    for font in pdf.pages[0].Resources.Font.values():
        cid_font = font.DescendantFonts[0]
        program = TTFont(io.BytesIO(cid_font.FontDescriptor.FontFile2.read_bytes()))
        order, scale = program.getGlyphOrder(), 1000 / program["head"].unitsPerEm
        widths = [int(width) for width in cid_font.W[1]]
        gid_map = cid_font.CIDToGIDMap.read_bytes()
        for code, width in enumerate(widths[1:], 1):
            gid = int.from_bytes(gid_map[2 * code:2 * code + 2], "big")
            program["glyf"][order[gid]].getCoordinates(program["glyf"])  # outlines and copies resolve
            assert abs(program["hmtx"][order[gid]][0] * scale - width) <= 1, (code, gid)


def restricted_copy(tmp_path) -> Path:
    """A bundled font whose OS/2 fsType says "restricted licence embedding" (checksums made anew,
    so the font check takes it for a sound font)."""
    from fontTools.ttLib import TTFont

    from newsconv import fonts

    font = TTFont(fonts.fallback_chain("en")[0].path)
    font["OS/2"].fsType = 2
    path = tmp_path / "restricted.ttf"
    font.save(path)
    return path


def test_pdfa_refuses_a_font_whose_licence_forbids_embedding(tmp_path):
    document = Document("en", "ltr", (Paragraph("Plain text."),))
    font = str(restricted_copy(tmp_path))
    assert newsconv.render(document, "pdf", font=font)
    with pytest.raises(FontError, match="licence forbids embedding"):
        newsconv.render(document, "pdf", font=font, pdf_standard="a-3u")


def test_cli_pdf_standard(tmp_path):
    from click.testing import CliRunner

    from newsconv.cli import main

    article = tmp_path / "a.txt"
    article.write_text("عنوان الخبر\n\nنص الخبر هنا.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["to-pdf", str(article), "-o", str(tmp_path / "a.pdf"), "--pdf-standard", "a-2u"])
    assert result.exit_code == 0, result.output
    assert b"<pdfaid:part>2</pdfaid:part>" in pikepdf.open(tmp_path / "a.pdf").Root.Metadata.read_bytes()
    article.write_text("Snow \u2603\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["to-pdf", str(article), "-o", str(tmp_path / "b.pdf"), "--pdf-standard", "a-2u"])
    assert result.exit_code == 5 and "forbids" in result.output and not (tmp_path / "b.pdf").exists()
    result = CliRunner().invoke(main, ["to-pdf", str(article), "--pdf-standard", "x-1"])
    assert result.exit_code == 2


def assert_tagged_as_the_model(document: Document, pdf: pikepdf.Pdf) -> None:
    """What the fixture tests check, for a document made here: the model's elements, everything
    drawn tagged or an artifact, every MCID on its page once."""
    types = Counter(kind(element) for element, _ in elements(pdf))
    want = model_counts(document)
    for name in ("H1", "H2", "H3", "P", "L", "LI", "Table", "TH", "TD", "BlockQuote", "Figure", "Caption"):
        assert types[name] == want[name], name
    for _, mcids, painted in marked_content(pdf):
        assert sorted(mcids) == list(range(len(mcids)))
        for operator, stack in painted:
            assert ("MCID" in stack) != ("Artifact" in stack), f"{operator} in {stack}"


def cell_pages(pdf: pikepdf.Pdf, type_: str) -> list[set[int]]:
    """For each element of ``type_``, the pages (counted from 0) its marked content is on."""
    page_index = {page.objgen: index for index, page in enumerate(pdf.pages)}
    found = []
    for element, _ in elements(pdf):
        if kind(element) == type_:
            kids = element.K
            found.append({page_index[kid.Pg.objgen] for kid in (kids if isinstance(kids, pikepdf.Array) else [kids])
                          if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR"})
    return found


def test_a_row_split_across_pages_is_one_cell_element_with_content_on_each_page():
    long_cell = " ".join(f"w{n}" for n in range(1500))
    document = Document("ar", "rtl", (Table(("الاسم", "النص"), (("أول", long_cell), ("ثان", "قصير"))),))
    pdf = pikepdf.open(io.BytesIO(newsconv.render(document, "pdf")))
    assert len(pdf.pages) >= 3
    assert_tagged_as_the_model(document, pdf)
    long_td = cell_pages(pdf, "TD")[1]
    assert long_td == set(range(len(pdf.pages))) and len(long_td) >= 3
    for index, (_, _, painted) in enumerate(marked_content(pdf)):
        first_text = next(stack for operator, stack in painted if operator in TEXT_OPERATORS)
        assert first_text == (("MCID",) if index == 0 else ("Artifact",))  # the header, repeated


def test_a_table_wider_than_the_text_is_one_table_of_the_model_rows():
    header = tuple(f"H{n}" for n in range(40))
    rows = tuple(tuple(f"r{row}c{column}" for column in range(40)) for row in range(3))
    document = Document("en", "ltr", (Table(header, rows),))
    pdf = pikepdf.open(io.BytesIO(newsconv.render(document, "pdf")))
    assert_tagged_as_the_model(document, pdf)
    rows_found = [element for element, _ in elements(pdf) if kind(element) == "TR"]
    assert len(rows_found) == 4 and all(len(row.K) == 40 for row in rows_found)
    assert all(pages for pages in cell_pages(pdf, "TD") + cell_pages(pdf, "TH"))  # every cell drawn
