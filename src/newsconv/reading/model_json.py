"""The model reader: a document exactly as ``newsconv parse --json`` prints it, so a pipeline can
parse, edit the JSON and render it.  The JSON's shape is checked before any of it is used
(model.Document.from_json), so a bad model is one error naming the path of the bad value."""
from __future__ import annotations

import json
import re
from typing import Any

from ..errors import InputError
from ..model import Document, ModelError, is_valid_text, strings_made_valid, warn_invalid
from .decode import decode

# A JSON string literal, escapes and all.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


def read(data: bytes, *, encoding: str | None = None, name: str = "<input>") -> Document:
    text = decode(data, encoding or "utf-8-sig", name=name)  # RFC 8259: JSON is UTF-8
    try:
        model = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except ValueError as exc:  # a number of more digits than Python converts (4,300)
        raise InputError(f"{name}: not valid JSON ({str(exc).split(':')[0]})") from None
    except RecursionError:
        raise InputError(f"{name}: not a newsconv model (nested too deeply)") from None
    try:
        return Document.from_json(_made_valid(model, text, name))
    except ModelError as exc:
        raise InputError(f"{name}: not a newsconv model: {exc}") from None


def _made_valid(data: Any, source: str, name: str) -> Any:
    """The parsed JSON without the characters no output can carry (a ``\\ud800`` escape, say),
    with one warning naming the line of the first string that held one."""
    found: list[str] = []
    cleaned = strings_made_valid(data, found)
    if found:
        first = next(match for match in _STRING.finditer(source) if not is_valid_text(json.loads(match.group())))
        warn_invalid(f"{name}: line {source.count(chr(10), 0, first.start()) + 1}", found)
    return cleaned
