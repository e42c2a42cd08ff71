"""How a source is cited and a file's value is shown to a reader: the command line's words for
what the core carries as values (`spo.model.Source`, `spo.rules.message.FileValue`).

A source is cited as "publisher, title, date <address>", as far as those are known; a value of a
file as a reviewer reads it: text and numbers as they are, a list as "[a, b]", a mapping as
"key: value" pairs, and a mapping that is a source as its citation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spo.api import FileValue, Pairs

if TYPE_CHECKING:
    from spo.api import Source


def citation(source: Source) -> str:
    """Publisher, title and date, as far as they are known."""
    return _citation(source.publisher, source.title, source.date, None)


def cite(source: Source | None) -> str:
    """A source as the report cites it: "publisher, title, date <address>", as far as they are
    known, or whichever is known."""
    if source is None:
        return ""
    return _citation(source.publisher, source.title, source.date, source.url)


def _citation(publisher: Any, title: Any, date: Any, url: Any) -> str:
    text = ", ".join(p for p in (publisher, title, date) if p)
    return f"{text} <{url}>" if text and url else text or url or ""


def file_value(value: FileValue) -> str:
    return _cited(value.value) if value.source else _shown(value.value)


def _cited(source: Any) -> str:
    """A source as the report cites it; one whose fields are not all text (the file is invalid,
    and validate says so) as its `key: value` pairs."""
    if isinstance(source, Pairs) and not all(isinstance(v, str) for _, v in source):
        return ", ".join(f"{k}: {_shown(v)}" for k, v in source)
    if isinstance(source, str):
        return source
    if isinstance(source, Pairs):
        fields = dict(source)
        return _citation(*(fields.get(k) for k in ("publisher", "title", "date", "url")))
    return _shown(source) if source is not None else ""


def _shown(value: Any) -> str:
    if isinstance(value, Pairs):
        if any(k in ("url", "title", "archived") for k, _ in value):
            return _cited(value)
        return ", ".join(f"{k}: {_shown(v)}" for k, v in value)
    if isinstance(value, tuple):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    return str(value)
