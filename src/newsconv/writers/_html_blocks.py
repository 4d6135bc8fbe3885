"""Version 2 of the model in HTML: inline marks, quotes, figures and the article's header.

Kept apart from ``html.py`` (the page, its stylesheet and plain blocks) so each grows on its own.
Marks are stand-off spans in the model and nested elements in HTML: at each boundary the
elements that end are closed and those that start are opened, always in one order (link
outermost, then strong, emphasis, code), so overlapping marks still give well-nested markup.
A run of the opposite direction stays one ``<bdi>`` (splitting an isolate would reorder it), and
marks crossing its edge are closed and reopened there; the reader merges them back.
"""
from __future__ import annotations

import json
from typing import Optional, Sequence

from ..model import Document, Figure, Heading, Mark, Paragraph, Quote


def _page():
    """The page writer, whose escaping and bidi isolation these blocks share (imported when first
    needed: it imports this module)."""
    from . import html
    return html


# The version-2 blocks' share of the page's style: quotes set off at the start edge, figures
# at the text's width, the byline block small and grey.
STYLESHEET = """\
blockquote { margin-block: 1.2rem; margin-inline: 0; padding-inline-start: 1rem;
             border-inline-start: 4px solid #999; font-size: 1.1rem; }
blockquote p { margin-block: 0 0.4rem; }
blockquote cite { display: block; font-style: normal; font-size: 0.9rem; color: #444; }
figure { margin-block: 1.2rem; margin-inline: 0; }
figure img { display: block; max-inline-size: 100%; block-size: auto; }
figcaption { font-size: 0.85rem; color: #444; margin-block-start: 0.4rem; }
figcaption .credit { color: #666; }
.article-meta { font-size: 0.9rem; color: #444; margin-block: 0 1rem; }
.article-meta p { margin-block: 0; }
.dateline { font-weight: bold; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
"""

_ORDER = {"link": 0, "strong": 1, "emphasis": 2, "code": 3}
_TAGS = {"link": "a", "strong": "strong", "emphasis": "em", "code": "code"}


def marked(text: str, marks: Sequence[Mark], direction: str) -> str:
    """``text`` escaped, its opposite-direction runs in ``<bdi>`` and its marks as elements."""
    if not marks:
        return _page()._inline(text, direction)
    opposite = "ltr" if direction == "rtl" else "rtl"
    isolates = _page().isolated_runs(text, direction)
    cuts = sorted({0, len(text), *(i for span in isolates for i in span),
                   *(i for mark in marks for i in (mark.start, mark.end))})
    out: list[str] = []
    stack: list[tuple[str, Optional[str]]] = []
    for start, end in zip(cuts, cuts[1:]):
        isolate = next((span for span in isolates if span[0] <= start < span[1]), None)
        if isolate and start == isolate[0]:
            _close(out, stack, 0)
            out.append(f'<bdi dir="{opposite}">')
        active = sorted({(m.kind, m.href) for m in marks if m.start <= start < m.end}, key=lambda m: _ORDER[m[0]])
        kept = next((i for i, (a, b) in enumerate(zip(stack, active)) if a != b), min(len(stack), len(active)))
        _close(out, stack, kept)
        for kind, href in active[kept:]:
            out.append(_open(kind, href))
            stack.append((kind, href))
        out.append(_page()._escape(text[start:end]))
        if isolate and end == isolate[1]:
            _close(out, stack, 0)
            out.append("</bdi>")
    _close(out, stack, 0)
    return "".join(out)


def _open(kind: str, href: Optional[str]) -> str:
    if kind == "link":
        return f'<a href="{_page()._escape_attr(href or "")}" rel="noopener noreferrer">'
    return f"<{_TAGS[kind]}>"


def _close(out: list[str], stack: list, keep: int) -> None:
    while len(stack) > keep:
        out.append(f"</{_TAGS[stack.pop()[0]]}>")


def part_marks(marks: Sequence[Mark], part: int) -> list[Mark]:
    return [mark for mark in marks if mark.part == part]


def quote(block: Quote, direction: str, attr: str) -> str:
    """A ``<blockquote>``, its attribution in ``<cite>``."""
    cite = f"<cite>{marked(block.attribution, part_marks(block.marks, 1), direction)}</cite>" \
        if block.attribution else ""
    return f"<blockquote{attr}><p>{marked(block.text, part_marks(block.marks, 0), direction)}</p>{cite}</blockquote>"


def figure(block: Figure, direction: str, attr: str) -> str:
    """A ``<figure>``: the image (a data: URI) with its alt text, the caption and the credit."""
    image = f'<img src="{_page()._escape_attr(block.src)}" alt="{_page()._escape_attr(block.alt)}">' if block.src else ""
    credit = f' <small class="credit">{marked(block.credit, part_marks(block.marks, 1), direction)}</small>' \
        if block.credit else ""
    caption = f"<figcaption>{marked(block.caption, part_marks(block.marks, 0), direction)}{credit}</figcaption>" \
        if block.caption or block.credit else ""
    if not image and not block.alt:
        return f"<figure{attr}>{caption}</figure>"
    if not image:
        image = f'<span class="missing-image" data-alt="{_page()._escape_attr(block.alt)}"></span>'
    return f"<figure{attr}>{image}{caption}</figure>"


def header(document: Document) -> str:
    """The byline block: each line the article printed its byline, date and dateline on as a
    ``<p class="byline">``; the date in ``<time datetime>`` around the last line with a digit
    (where articles print it), or empty at the end when no line holds one."""
    meta = document.meta
    if not meta.byline and not meta.date:
        return ""
    dated = max((i for i, line in enumerate(meta.byline) if any(ch.isdigit() for ch in line)), default=None) \
        if meta.date else None
    out = []
    for index, line in enumerate(meta.byline):
        text = _page()._inline(line, document.dir)
        if index == dated:
            text = f'<time datetime="{_page()._escape_attr(meta.date)}">{text}</time>'
        out.append(f'<p class="byline">{text}</p>')
    if meta.date and dated is None:
        out.append(f'<time datetime="{_page()._escape_attr(meta.date)}"></time>')
    return '<div class="article-meta">' + "".join(out) + "</div>"


def with_header(document: Document, blocks: list[str]) -> list[str]:
    """The blocks' HTML with the dateline opening the first paragraph and the byline block
    before it, where the reader found them (as in the model's version-1 view)."""
    at = leading_headings(document)
    blocks = list(blocks)
    if document.meta.dateline and at < len(blocks) and isinstance(document.blocks[at], Paragraph):
        tag_end = blocks[at].index(">") + 1
        blocks[at] = blocks[at][:tag_end] + dateline(document) + blocks[at][tag_end:]
    elif document.meta.dateline:
        blocks.insert(at, f"<p>{dateline(document).rstrip()}</p>")
    head = header(document)
    return blocks[:at] + [head] + blocks[at:] if head else blocks


def json_ld(document: Document, title: Optional[str], author: Optional[str], date: Optional[str]) -> str:
    """schema.org NewsArticle for search engines and CMS importers, when the model knows more than
    its headline ("" otherwise: a page of plain text then carries no script element at all);
    ``<``, ``>`` and ``&`` escaped so that no text can close the script element."""
    meta = document.meta
    if not (author or date or any(value for name, value in meta.__dict__.items() if name != "byline")):
        return ""
    data: dict = {"@context": "https://schema.org", "@type": "NewsArticle"}
    if title:
        data["headline"] = title
    authors = [author] if author else list(meta.authors)
    if authors:
        data["author"] = [{"@type": "Person", "name": name} for name in authors]
    if date or meta.date:
        data["datePublished"] = date or meta.date
    for key, value in (("dateline", meta.dateline), ("articleSection", meta.section), ("url", meta.url),
                       ("keywords", list(meta.keywords))):
        if value:
            data[key] = value
    if meta.source:
        data["sourceOrganization"] = {"@type": "Organization", "name": meta.source}
    if meta.place:
        data["contentLocation"] = {"@type": "Place", "name": meta.place}
    data["inLanguage"] = document.lang
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def leading_headings(document: Document) -> int:
    """How many headings open the article: the byline block goes right after them."""
    return next((i for i, block in enumerate(document.blocks) if not isinstance(block, Heading)),
                len(document.blocks))


def dateline(document: Document) -> str:
    """The dateline that opens the first paragraph, as its own span."""
    if not document.meta.dateline:
        return ""
    return f'<span class="dateline">{_page()._inline(document.meta.dateline, document.dir)}</span> '

