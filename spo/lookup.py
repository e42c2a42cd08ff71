"""Finding a record by id, with a suggestion when the id is mistyped."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import TypeVar

from spo.errors import UsageError

T = TypeVar("T")


def closest(value: str, options: Iterable[str]) -> str | None:
    """The one option close enough to `value` to suggest, if any (the "did you mean" rule)."""
    close = difflib.get_close_matches(value, sorted(options), n=1, cutoff=0.6)
    return close[0] if close else None


def unknown_id(what: str, value: str, known: Iterable[str]) -> UsageError:
    """`no project 'x'; did you mean 'y'?` (exit 2)."""
    close = closest(value, known)
    hint = f"; did you mean '{close}'?" if close else ""
    return UsageError(f"no {what} '{value}'{hint}")


def get(what: str, records: Mapping[str, T], record_id: str) -> T:
    try:
        return records[record_id]
    except KeyError:
        raise unknown_id(what, record_id, records) from None
