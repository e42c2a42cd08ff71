"""Checks on what a user typed, before any file is read: each says plainly what is wrong.

`field` names what was typed as a glossary key ("note", "summary", "name"...), so that the
message can name it in the user's language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from spo.checks.characters import character_findings
from spo.checks.personal_text import personal_sightings
from spo.rules import lookup
from spo.rules.dates import DateError, FuzzyDate, parse_date
from spo.rules.errors import UsageError
from spo.rules.schemas import URL_PATTERN
from spo.rules.typed_dates import typed_date
from spo.rules.vocabulary import Vocabulary
from spo.writing.editing import Refusal

_URL = re.compile(URL_PATTERN)


def term(vocab: Vocabulary, value: str) -> str:
    """A vocabulary value from its id, its Turkish or English label ("Sunum"), a prefix or a
    typo (`spo.rules.lookup.value`)."""
    return lookup.value(vocab, value)


def when(text: str, today: date) -> FuzzyDate:
    """A date as people type it (`05.12.2026`, `5 Aralık 2026`, ISO), as the registry writes it,
    that has happened (or may have: `2025` counts during 2025)."""
    try:
        parsed = parse_date(typed_date(text))
    except DateError as exc:
        raise UsageError(exc.message) from None
    if parsed.certainly_after(today):
        raise Refusal("future-date", date=parsed.text, today=today.isoformat())
    return parsed


def url(text: str | None) -> str | None:
    """A web address as the schema wants it (`http://` or `https://`, then no space); a scheme
    typed in capitals is written in small letters (`HTTPS://` is `https://`). A refusal says what
    is wrong: no scheme, nothing after it, or a space in it."""
    if text is None:
        return None
    typed = text.strip()
    scheme, sep, rest = typed.partition("://")
    if sep and scheme.lower() in ("http", "https"):
        typed = f"{scheme.lower()}://{rest}"
        if not rest.strip():
            raise UsageError.of("usage.url-no-site", value=text)
        if any(char.isspace() for char in rest):
            raise UsageError.of("usage.url-space", value=text)
    if not _URL.match(typed):
        raise UsageError.of("usage.bad-url", value=text)
    return typed


def not_blank(text: str | None, field: str) -> str | None:
    """The text without surrounding spaces; blank text is refused (None passes: not given)."""
    if text is None:
        return None
    if not text.strip():
        raise UsageError.of("usage.blank", field=field)
    return text.strip()


def free_text(text: str | None, field: str) -> str | None:
    """Free text (a note, a summary): not blank, and no personal data (validate's rule for a
    value outside a contact). The refusal names the kind of data, never the data."""
    text = not_blank(text, field)
    if text is None:
        return None
    for sighting in personal_sightings(text):
        raise Refusal(sighting.kind.value, field=field)
    for finding in character_findings({field: text}):  # validate's rule, said where it is typed
        raise Refusal(finding.message)
    return text


# The keys of a source given as a citation, in the order the schema lists them.
SOURCE_KEYS = ("publisher", "title", "date", "url", "archived", "note")


def source(given: str | Mapping[str, str | None] | None, today: date) -> str | dict[str, str]:
    """A source that must be given: a web address, or a citation (`SOURCE_KEYS`) with a title or
    an address, each part checked as it would be typed alone (its date as people write dates,
    its texts free of personal data). A citation of an address alone is that address."""
    if given is None or (isinstance(given, str) and not given.strip()):
        raise Refusal("source-needed")
    if isinstance(given, str):
        return url(given) or ""
    unknown = sorted(set(given) - set(SOURCE_KEYS))
    if unknown:
        raise UsageError.of("usage.source-key", key=unknown[0], keys=", ".join(SOURCE_KEYS))
    cited: dict[str, str] = {}
    for key in SOURCE_KEYS:
        typed = given.get(key)
        if typed is None or not typed.strip():
            continue
        if key == "date":
            cited[key] = when(typed, today).text
        elif key == "url":
            cited[key] = url(typed) or ""
        else:
            cited[key] = free_text(typed, "source") or ""
    if not cited:
        raise Refusal("source-needed")
    if "title" not in cited and "url" not in cited:
        raise Refusal("source-needs-title")
    return cited["url"] if list(cited) == ["url"] else cited
