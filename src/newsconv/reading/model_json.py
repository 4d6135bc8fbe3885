"""The model reader: a document exactly as ``newsconv parse --json`` prints it, so a pipeline can
parse, edit the JSON and render it."""
from __future__ import annotations

import json

from ..errors import InputError
from ..model import Document


def read(data: bytes, *, encoding: str | None = None, name: str = "<input>") -> Document:
    try:
        return Document.from_json(json.loads(data.decode(encoding or "utf-8-sig")))
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: model JSON is not UTF-8 ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"{name}: not a newsconv model ({_describe(exc)})") from None


def _describe(exc: Exception) -> str:
    return f"missing key {exc}" if isinstance(exc, KeyError) else str(exc)
