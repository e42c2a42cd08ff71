"""Dates that say exactly what a source knows.

Sources often give only a month or a year, or say that something happened "by" a date. The registry
writes dates as ISO 8601 strings, with the EDTF notation for intervals:

    2025-03-21             that day
    2025-03                some day in March 2025
    2025                   some day in 2025
    ../2025-03-21          on or before 21 March 2025 (the start is unknown)
    2025-07/..             on or after July 2025 (the end is unknown)
    2024-10/2025-03        some day between October 2024 and March 2025

A `FuzzyDate` keeps the earliest and latest day it can be. Reports count an event only once it has
certainly happened (`latest <= as_of`), so no day is ever invented: an event "on or after" a day
has no latest day, and no report counts it as certainly done by any day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from spo.rules.message import Message

_POINT = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
# Used by the JSON Schemas too, so that a malformed date is a schema problem at its own line.
DATE_PATTERN = rf"^(?:(?:\.\./)?{_POINT}|{_POINT}/(?:\.\.|{_POINT}))$"
_POINT_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class DateError(ValueError):
    """A date string that is not a real date in one of the accepted forms."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.message = Message.of(key, **params)


@dataclass(frozen=True, order=False)
class FuzzyDate:
    text: str
    earliest: date | None  # None: no lower bound is known ("../2025-03-21")
    latest: date | None  # None: no upper bound is known ("2025-07/..")

    def certainly_by(self, day: date) -> bool:
        """True when the event has certainly happened on or before `day`."""
        return self.latest is not None and self.latest <= day

    def certainly_after(self, day: date) -> bool:
        return self.earliest is not None and self.earliest > day

    def certainly_before(self, other: FuzzyDate) -> bool:
        return (
            self.latest is not None and other.earliest is not None and self.latest < other.earliest
        )

    def sort_key(self) -> tuple[date, date]:
        """Latest possible day first (an open end sorts last), then the earliest."""
        return (self.latest or date.max, self.earliest or date.min)

    def __str__(self) -> str:
        return self.text


def _point_bounds(text: str, whole: str) -> tuple[date, date]:
    match = _POINT_RE.fullmatch(text)
    if not match:
        raise DateError("date.not-a-date", date=whole)
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if year == 0:  # ISO 8601 has a year 0000, Python's dates do not
        raise DateError("date.no-year-zero", date=whole)
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if not 1 <= month <= 12:
        raise DateError("date.no-such-month", date=whole, month=month)
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return date(year, month, 1), date(year, month, last)
    if not 1 <= day <= last:
        raise DateError("date.no-such-day", date=whole, month=f"{year}-{month:02d}", days=last)
    return date(year, month, day), date(year, month, day)


@lru_cache(maxsize=4096)
def parse_date(text: str) -> FuzzyDate:
    """Parse a registry date string; raise DateError saying what is wrong otherwise. A registry
    writes the same few hundred dates over and over: each is parsed once (a FuzzyDate is frozen,
    and an error is raised anew each time)."""
    if text.startswith("../"):
        _, latest = _point_bounds(text[3:], text)
        return FuzzyDate(text, None, latest)
    if text.endswith("/.."):
        earliest, _ = _point_bounds(text[:-3], text)
        return FuzzyDate(text, earliest, None)
    if "/" in text:
        start, _, end = text.partition("/")
        earliest, _ = _point_bounds(start, text)
        _, latest = _point_bounds(end, text)
        if latest < earliest:
            raise DateError("date.ends-before-start", date=text)
        return FuzzyDate(text, earliest, latest)
    earliest, latest = _point_bounds(text, text)
    return FuzzyDate(text, earliest, latest)


def parse_date_or_none(text: Any) -> FuzzyDate | None:
    """A registry date when `text` is one; None for anything else (the schema reports those)."""
    if not isinstance(text, str):
        return None
    try:
        return parse_date(text)
    except DateError:
        return None


def parse_day(text: str) -> date:
    """One exact day, `YYYY-MM-DD` and nothing else (a report is as of one day)."""
    try:
        if _DAY_RE.fullmatch(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise DateError("date.not-a-day", date=text)
