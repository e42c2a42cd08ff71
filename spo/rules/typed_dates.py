"""Dates as people type them, turned into the registry's ISO form.

Turkish staff write `05.12.2026`, `5.12.2026`, `5 Aralık 2026`, `Aralık 2026` or `2026`; an English
speaker may write `5 December 2026`. The registry holds only ISO dates (`2026-12-05`, `2026-12`,
`2026`, and the EDTF intervals of `spo.rules.dates`), so what is typed is turned into one of those
before anything is written, and a form that could mean two days (`12/05/2026`), hides its century
(`5.12.26`) or names no real day (`31.02.2026`) is refused with a `DateError` that says why.
"""

from __future__ import annotations

import re
from datetime import date

from spo.rules.dates import DateError, parse_date, parse_day
from spo.rules.turkish import fold

# Month names, folded (case and diacritics: "ARALIK", "aralık", "Aralik" are all "aralik").
_MONTHS = {
    name: number
    for names in (
        "ocak subat mart nisan mayis haziran temmuz agustos eylul ekim kasim aralik",
        "january february march april may june july august september october november december",
    )
    for number, name in enumerate(names.split(), start=1)
}

# What starts as a year (or an open start) is meant as ISO or EDTF, and checked as such.
_ISO = re.compile(r"^(?:\.\./)?\d{4}(?:[-/]|$)")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_MONTH_DOTTED = re.compile(r"^(\d{1,2})\.(\d{4})$")
_SHORT_YEAR = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2})$")
_SLASHED = re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$")
_WORDS = re.compile(r"^(?:(\d{1,2})\.?\s+)?(\w+)\s+(\d{4})$")


def typed_date(text: str) -> str:
    """The ISO date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or an EDTF interval) that `text` means.

    Raises DateError naming what was typed: `date.typed-unknown` (no form spo knows),
    `date.typed-ambiguous`, `date.typed-short-year`, or a `date.*` code of `spo.rules.dates` for a
    day or month that does not exist."""
    typed = " ".join(text.split())
    if _ISO.match(typed):
        parse_date(typed)  # its own errors say what is wrong with an ISO form
        return typed
    iso = _iso_of(typed)
    try:
        parse_date(iso)
    except DateError as exc:
        raise DateError(exc.message.key, **{**exc.message.fields, "date": typed}) from None
    return iso


def typed_day(text: str) -> date:
    """One exact day, as people type it (`05.12.2026`, `5 Aralık 2026`, `2026-12-05`); a form
    that is no day says why (`DateError`: ambiguous, short year, no such day, only a month)."""
    iso = typed_date(text)
    try:
        return parse_day(iso)
    except DateError as exc:  # named as it was typed ("Mart 2025", not "2025-03")
        raise DateError(exc.message.key, **{**exc.message.fields, "date": text}) from None


def _iso_of(typed: str) -> str:
    if match := _DOTTED.match(typed):
        day, month, year = (int(g) for g in match.groups())
        return _iso(year, month, day)
    if match := _MONTH_DOTTED.match(typed):
        month, year = (int(g) for g in match.groups())
        return _iso(year, month)
    if match := _SHORT_YEAR.match(typed):
        day_part, month_part, short = match.groups()
        example = f"{day_part}.{month_part}.20{short}"
        raise DateError("date.typed-short-year", date=typed, example=example)
    if _SLASHED.match(typed):
        raise DateError("date.typed-ambiguous", date=typed)
    if (match := _WORDS.match(typed)) and fold(match.group(2)) in _MONTHS:
        day_text, month_name, year_text = match.groups()
        number = _MONTHS[fold(month_name)]
        return _iso(int(year_text), number, int(day_text) if day_text else None)
    raise DateError("date.typed-unknown", date=typed)


def _iso(year: int, month: int, day: int | None = None) -> str:
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
