"""The model as HTML5: semantic markup that browsers, CMSes and print lay out right-to-left.

Direction is stated, never guessed by the browser: ``<html lang dir>`` carries the
document's, and a block gets its own ``dir`` wherever it differs.  Inside a block, a run
of the opposite direction (a Latin name or URL in Arabic, a Hebrew quote in English) is
wrapped in ``<bdi>``; the runs are ``text.bidi``'s, the ones the PDF and the DOCX use,
so a browser shows what the other formats show and a bracket pair is never cut.  The markup is built from escaped strings (no HTML library), which keeps
``to-html`` fast and makes it plain that article text never becomes markup.
"""
from __future__ import annotations

import base64
import html
from pathlib import Path
from typing import Optional

from ..model import Block, Document, Figure, Heading, List, Paragraph, Quote, Table, block_texts
from ..options import RenderOptions
from ..style import HouseStyle, header_values, numbers_digits, running_pieces
from ..text.bidi import direction_runs, has_strong_letter
from ..text.languages import FAMILIES, languages_in
from ..text.script import ARABIC, HEBREW, direction_of
from ..version import __version__
from . import _html_blocks as html_blocks

STYLESHEET = """\
html { font-family: "Noto Serif", Amiri, "Noto Naskh Arabic", "Frank Ruhl Libre", "Noto Serif Hebrew", serif;
       font-size: var(--body-size); line-height: var(--line-height, 1.4); color: var(--text-colour); background: #fff; }
body { margin: 0; padding: 1.5rem; }
article { max-inline-size: 42rem; margin-inline: auto; overflow-wrap: break-word; }
h1, h2, h3 { line-height: 1.35; text-align: start; break-after: avoid; color: var(--heading-colour); }
h1 { font-size: var(--title-size); margin-block: 0 1rem; }
h2 { font-size: var(--heading2-size); margin-block: 1.6rem 0.6rem; }
h3 { font-size: var(--heading3-size); margin-block: 1.3rem 0.5rem; }
h1 + h2 { font-size: var(--deck-size); font-weight: normal; }
.masthead { max-inline-size: 42rem; margin-inline: auto; margin-block-end: 1.5rem; padding-block-end: 0.5rem;
            border-block-end: 1px solid var(--rule-colour); display: flex; align-items: center; gap: 1rem; }
.masthead img { block-size: 3rem; inline-size: auto; }
.masthead p { margin: 0; font-weight: bold; font-size: var(--heading2-size); }
p { margin-block: 0 0.9rem; text-align: start; orphans: 2; widows: 2; }
ul, ol { margin-block: 0 0.9rem; padding-inline-start: 2rem; }
li { margin-block-end: 0.3rem; }
table { border-collapse: collapse; margin-block: 1rem; inline-size: 100%; }
table { font-size: var(--table-size); }
th, td { border: 1px solid var(--rule-colour); padding-block: 0.3rem; padding-inline: 0.6rem; text-align: start;
         vertical-align: top; }
th { background: #eee; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
@media print { body { padding: 0; } article, .masthead { max-inline-size: none; } }
""" + "".join(
    # Each language of a script in the script's bundled family, then in a common one of its own.
    f'{", ".join(f":lang({code})" for code in languages_in(script))} '
    f'{{ font-family: "{FAMILIES[script]}", "{fallback}", "Noto Serif", serif; }}\n'
    for script, fallback in ((ARABIC, "Noto Naskh Arabic"), (HEBREW, "Noto Serif Hebrew"))) + \
    f'{", ".join(f":lang({code})" for code in languages_in(ARABIC))} {{ line-height: var(--line-height, 1.75); }}\n'

_NUMERAL_STYLES = {"latin": "decimal", "arabic-indic": "arabic-indic", "persian": "persian"}


def write(document: Document, options: RenderOptions) -> bytes:
    """The document as a standalone HTML5 page, or only its ``<article>`` with ``options.fragment``."""
    if options.fragment:
        return (_article(document, _direction_attrs(document)) + "\n").encode("utf-8")
    return _page(document, options).encode("utf-8")


def _page(document: Document, options: RenderOptions) -> str:
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_escape(options.title or document.title or _fallback_title(document))}</title>",
        f'<meta name="generator" content="newsconv {__version__}">',
    ]
    for author in [options.author] if options.author else document.meta.authors:
        head.append(f'<meta name="author" content="{_escape_attr(author)}">')
    if options.date or document.meta.date:
        head.append(f'<meta name="dcterms.date" content="{_escape_attr(options.date or document.meta.date)}">')
    head += filter(None, [html_blocks.json_ld(document, options.title or document.title, options.author, options.date)])
    head.append(f"<style>\n{_custom_properties(options.style)}{STYLESHEET}{html_blocks.STYLESHEET}"
                f"{_page_rules(document, options)}</style>")
    head.extend(_house_css(options.css))
    return "\n".join([
        "<!DOCTYPE html>",
        f"<html{_direction_attrs(document)}>",
        "<head>", *head, "</head>",
        "<body>", *_masthead(options.style), _article(document, ""), "</body>",
        "</html>",
    ]) + "\n"


def _custom_properties(style: HouseStyle) -> str:
    """The house style as CSS custom properties, which the stylesheet reads."""
    properties = {"body-size": f"{style.body_size:g}pt", "title-size": f"{style.title_size:g}pt",
                  "deck-size": f"{style.deck_size:g}pt", "heading2-size": f"{style.heading2_size:g}pt",
                  "heading3-size": f"{style.heading3_size:g}pt", "table-size": f"{style.table_size:g}pt",
                  "text-colour": style.text_colour, "heading-colour": style.heading_colour,
                  "rule-colour": style.accent_colour}
    if style.line_height:
        properties["line-height"] = f"{style.line_height:g}"
    root = ":root { " + " ".join(f"--{name}: {value};" for name, value in properties.items()) + " }\n"
    # Browsers justify by widening spaces; none elongates with kashidas, so "kashida" justifies as they can.
    return root + ("article > p { text-align: justify; }\n" if style.justify else "")


def _page_rules(document: Document, options: RenderOptions) -> str:
    """The printed page: paper, margins, and the running header and footer as margin boxes."""
    style = options.style
    values = header_values(document, options)
    counter = _NUMERAL_STYLES[numbers_digits(document, style.digits)]
    boxes = []
    for box, template in (("top-center", style.header), ("bottom-center", style.footer)):
        if template:
            boxes.append(f"@{box} {{ content: {_css_content(template, values, counter)}; "
                         f"font-size: {style.footer_size:g}pt; color: {style.accent_colour}; }}")
    margins = " ".join(f"{side:g}pt" for side in (style.margin_top, style.margin_end, style.margin_bottom,
                                                  style.margin_start))
    return f"@page {{ size: {style.paper}; margin: {margins}; {' '.join(boxes)} }}\n"


def _css_content(template: str, values: dict[str, str], counter: str) -> str:
    """A header or footer template as a CSS ``content`` value: text as strings, pages as counters."""
    parts = [f"counter({piece[1:-1]}, {counter})" if piece in ("{page}", "{pages}") else _css_string(piece)
             for piece in running_pieces(template, values)]
    return " ".join(parts) or '""'


def _css_string(text: str) -> str:
    """``text`` as a CSS string, every character outside printable ASCII escaped (safe inside <style>)."""
    escaped = "".join(ch if " " <= ch <= "~" and ch not in "\\\"<>" else f"\\{ord(ch):x} " for ch in text)
    return f'"{escaped}"'


def _house_css(css: Optional[str]) -> list[str]:
    """``--css``: a readable local file is embedded after newsconv's rules, anything else is linked."""
    if not css:
        return []
    path = Path(css)
    if path.is_file():
        text = path.read_text(encoding="utf-8", errors="replace").replace("</", "<\\/")
        return [f"<style>\n{text}\n</style>"]
    return [f'<link rel="stylesheet" href="{_escape_attr(css)}">']


def _masthead(style: HouseStyle) -> list[str]:
    """The publication's name and logo above the article (nothing without them)."""
    logo = style.logo_image()
    if not style.publication and logo is None:
        return []
    parts = ['<header class="masthead">']
    if logo is not None:
        data = base64.b64encode(logo.data).decode("ascii")
        parts.append(f'<img src="data:{logo.mime};base64,{data}" alt="{_escape_attr(style.publication or "logo")}">')
    if style.publication:
        parts.append(f"<p>{_escape(style.publication)}</p>")
    parts.append("</header>")
    return ["".join(parts)]


def _direction_attrs(document: Document) -> str:
    return f' lang="{_escape_attr(document.lang)}" dir="{document.dir}"'


def _fallback_title(document: Document, limit: int = 80) -> str:
    """A title for a document without a level-1 heading: the start of its first text."""
    first = next((b for b in document.blocks if isinstance(b, (Heading, Paragraph))), None)
    if first is None:
        return ""
    if len(first.text) <= limit:
        return first.text
    return first.text[:limit].rsplit(" ", 1)[0] + "…"


def _article(document: Document, attrs: str) -> str:
    blocks = html_blocks.with_header(document, [_block(block, document.dir) for block in document.blocks])
    return "\n".join([f"<article{attrs}>", *blocks, "</article>"])


def _block(block: Block, document_dir: str) -> str:
    direction = block.dir or document_dir
    return BLOCK_WRITERS[type(block)](block, direction, _block_dir_attr(block, direction, document_dir))


def _heading(block: Heading, direction: str, attr: str) -> str:
    return f"<h{block.level}{attr}>{html_blocks.marked(block.text, block.marks, direction)}</h{block.level}>"


def _paragraph(block: Paragraph, direction: str, attr: str) -> str:
    return f"<p{attr}>{html_blocks.marked(block.text, block.marks, direction)}</p>"


def _block_dir_attr(block: Block, direction: str, document_dir: str) -> str:
    """``dir`` where the block's direction differs from the document's, and also where its
    letters alone would suggest the other direction, so that no reader has to guess."""
    by_letters = direction_of(" ".join(block_texts(block)), direction)
    return f' dir="{direction}"' if direction != document_dir or by_letters != direction else ""


def _list(block: List, direction: str, attr: str) -> str:
    tag = "ol" if block.ordered else "ul"
    style = _NUMERAL_STYLES.get(block.numerals) if block.ordered else None
    if style:
        attr += f' style="list-style-type: {style}"'
    items = "".join(f"<li>{_marked_part(block, index, direction)}</li>" for index, item in enumerate(block.items))
    return f"<{tag}{attr}>{items}</{tag}>"


def _table(block: Table, direction: str, attr: str) -> str:
    parts = [f"<table{attr}>"]
    if block.header:
        cells = "".join(f'<th scope="col">{_marked_part(block, index, direction)}</th>'
                        for index in range(len(block.header)))
        parts.append(f"<thead><tr>{cells}</tr></thead>")
    parts.append("<tbody>")
    part = len(block.header)
    for row in block.rows:
        parts.append("<tr>" + "".join(f"<td>{_marked_part(block, part + index, direction)}</td>"
                                      for index in range(len(row))) + "</tr>")
        part += len(row)
    parts.append("</tbody></table>")
    return "\n".join(parts)


# Every kind of block and the function that writes it (tests check that no kind is missing).
BLOCK_WRITERS = {Heading: _heading, Paragraph: _paragraph, List: _list, Table: _table,
                 Quote: html_blocks.quote, Figure: html_blocks.figure}


def _marked_part(block: Block, part: int, direction: str) -> str:
    """Text number ``part`` of a block (a list item, a table cell) with its marks."""
    return html_blocks.marked(block_texts(block)[part], html_blocks.part_marks(block.marks, part), direction)


def _inline(text: str, direction: str) -> str:
    """Escaped text with each run of the opposite direction that holds a letter of that
    direction isolated in ``<bdi>``: the runs the PDF reverses, so the three formats agree.
    A run of bare numbers is left alone: numbers read left to right in any context."""
    out, done = [], 0
    for start, end in isolated_runs(text, direction):
        out.append(html.escape(text[done:start], quote=False))
        out.append(f'<bdi dir="{"ltr" if direction == "rtl" else "rtl"}">{html.escape(text[start:end], quote=False)}</bdi>')
        done = end
    out.append(html.escape(text[done:], quote=False))
    return "".join(out)


def isolated_runs(text: str, direction: str) -> list[tuple[int, int]]:
    """The (start, end) of each run :func:`_inline` isolates: ``text.bidi``'s direction runs of
    the opposite direction that hold a letter of that direction."""
    rtl = direction == "rtl"
    return [(run.start, run.end) for run in direction_runs(text, rtl)
            if run.rtl != rtl and has_strong_letter(text[run.start:run.end], run.rtl)]


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _escape_attr(text: str) -> str:
    return html.escape(text, quote=True)
