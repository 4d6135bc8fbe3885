"""What a saved page says about its article besides the text: ``<meta>`` tags, Open Graph's
``article:*`` properties, schema.org NewsArticle in JSON-LD, and ``<time datetime>``.

Read before the page's ``<head>`` and scripts are thrown away.  JSON-LD is trusted first (it
is what CMSes write for search engines and what newsconv's HTML writer writes), then the
``<meta>`` tags; anything unparsable is ignored, never an error.
"""
from __future__ import annotations

import json
import re
import unicodedata
from typing import Any, Iterator, Optional

from bs4 import BeautifulSoup, Tag

from ..model import Meta
from .meta import split_authors

_ARTICLE_TYPES = re.compile(r"(News|Blog|Report|Analysis|Opinion)?Article|ReportageNewsArticle|WebPage$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")


def page_meta(soup: BeautifulSoup) -> Meta:
    """The article's metadata as the page states it (byline lines and dateline excepted: those
    are in the body, and the reader takes them from there)."""
    ld = _news_article(soup)
    tags = _meta_tags(soup)
    authors = _ld_names(ld.get("author")) or tuple(
        name for value in tags.get("author", []) + tags.get("article:author", []) if not value.startswith("http")
        for name in split_authors(value))
    date = _iso(ld.get("datePublished")) or _iso(_first(tags, "article:published_time", "date", "dcterms.date",
                                                        "pubdate", "publish-date")) or _time(soup)
    keywords = ld.get("keywords")
    if isinstance(keywords, str):
        keywords = [k.strip() for k in keywords.split(",")]
    if not keywords:
        keywords = tags.get("article:tag") or [k.strip() for k in _first(tags, "keywords", "news_keywords").split(",")]
    return Meta(
        title=_text(ld.get("headline")) or _first(tags, "og:title") or None,
        authors=tuple(a for a in authors if a),
        date=date,
        place=_text(_name(ld.get("contentLocation"))),
        source=_text(_name(ld.get("sourceOrganization"))),
        section=_text(_one(ld.get("articleSection"))) or _first(tags, "article:section") or None,
        url=_text(ld.get("url")) or _first(tags, "og:url") or _canonical(soup),
        keywords=tuple(k for k in (_text(k) for k in keywords or ()) if k),
    )


def _news_article(soup: BeautifulSoup) -> dict[str, Any]:
    """The first JSON-LD object typed as an article (``@graph`` and lists searched)."""
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (ValueError, RecursionError):
            continue
        for item in _objects(data):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(kind, str) and _ARTICLE_TYPES.search(kind) for kind in kinds):
                return item
    return {}


def _objects(data: Any) -> Iterator[dict]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph", []))


def _meta_tags(soup: BeautifulSoup) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    for tag in soup.find_all("meta"):
        key = str(tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        value = " ".join(str(tag.get("content", "")).split())
        if key and value:
            tags.setdefault(key, []).append(value)
    return tags


def _first(tags: dict[str, list[str]], *keys: str) -> str:
    return next((tags[key][0] for key in keys if tags.get(key)), "")


def _time(soup: BeautifulSoup) -> Optional[str]:
    """The first ``<time datetime>`` of the article (its header's publication time)."""
    scope = soup.find("article") or soup
    for tag in scope.find_all("time"):
        date = _iso(tag.get("datetime"))
        if date:
            return date
    return None


def _canonical(soup: BeautifulSoup) -> Optional[str]:
    link = soup.find("link", rel="canonical")
    href = str(link.get("href", "")) if isinstance(link, Tag) else ""
    return href if href.startswith(("http://", "https://")) else None


def _iso(value: Any) -> Optional[str]:
    value = _text(_one(value))
    return value if value and _ISO_DATE.match(value) else None


def _ld_names(value: Any) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    return tuple(name for name in (_text(_name(v)) for v in values) if name)


def _name(value: Any) -> Any:
    return value.get("name") if isinstance(value, dict) else value


def _one(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _text(value: Any) -> Optional[str]:
    """A text of the model: whitespace collapsed, NFC; None when empty or not a string."""
    return unicodedata.normalize("NFC", " ".join(value.split())) or None if isinstance(value, str) else None
