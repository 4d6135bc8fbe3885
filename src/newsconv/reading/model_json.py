"""The model reader: a document exactly as ``newsconv parse --json`` prints it, so a pipeline can
parse, edit the JSON and render it."""
from __future__ import annotations

import json
import re
from typing import Any

from ..errors import InputError
from ..model import Document
from ..text import valid

# A JSON string literal, escapes and all.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


def read(data: bytes, *, encoding: str | None = None, name: str = "<input>") -> Document:
    try:
        source = data.decode(encoding or "utf-8-sig")
        return Document.from_json(_made_valid(json.loads(source), source, name))
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: model JSON is not UTF-8 ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"{name}: not a newsconv model ({_describe(exc)})") from None


def _made_valid(data: Any, source: str, name: str) -> Any:
    """The parsed JSON without the characters no output can carry (a ``\\ud800`` escape, say),
    with one warning naming the line of the first string that held one."""
    found: list[str] = []
    cleaned = valid.strings_made_valid(data, found)
    if found:
        first = next(match for match in _STRING.finditer(source) if not valid.is_valid(json.loads(match.group())))
        valid.warn(f"{name}: line {source.count(chr(10), 0, first.start()) + 1}", found)
    return cleaned


def _describe(exc: Exception) -> str:
    return f"missing key {exc}" if isinstance(exc, KeyError) else str(exc)
