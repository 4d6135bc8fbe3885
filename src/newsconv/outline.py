"""A readable outline of a document, for ``newsconv parse FILE`` without ``--json``."""
from __future__ import annotations

from .model import Document, Figure, Heading, List, Paragraph, Quote, Table

_PREVIEW = 70


def outline(document: Document) -> str:
    lines = [f"lang={document.lang} dir={document.dir} blocks={len(document.blocks)}"]
    for block in document.blocks:
        lines.extend(_describe(block))
    return "\n".join(lines)


def _describe(block) -> list[str]:
    marker = f" [{block.dir}]" if block.dir else ""
    if isinstance(block, Heading):
        return [f"{'#' * block.level} {_short(block.text)}{marker}"]
    if isinstance(block, Paragraph):
        return [f"¶ {_short(block.text)}{marker}"]
    if isinstance(block, List):
        kind = "numbered" if block.ordered else "bulleted"
        return [f"{kind} list, {len(block.items)} items{marker}"] + [f"  - {_short(i)}" for i in block.items]
    if isinstance(block, Quote):
        return [f"> {_short(block.text)}{marker}"] + ([f"  — {_short(block.attribution)}"] if block.attribution else [])
    if isinstance(block, Figure):
        return [f"figure {'(no image)' if not block.src else ''}{marker}".rstrip()] + \
            [f"  {label}: {_short(text)}" for label, text in (("alt", block.alt), ("caption", block.caption),
                                                               ("credit", block.credit)) if text]
    assert isinstance(block, Table)
    rows = [block.header] if block.header else []
    head = "with header" if block.header else "no header"
    return [f"table {len(block.rows)} rows x {block.column_count} columns, {head}{marker}"] + \
        [f"  | {' | '.join(_short(c, 24) for c in row)} |" for row in rows + list(block.rows)]


def _short(text: str, limit: int = _PREVIEW) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
