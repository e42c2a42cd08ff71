"""Checks on what a user typed, before any file is read: each says plainly what is wrong."""

from __future__ import annotations

import re
from datetime import date

from spo.checks.personal import national_ids, phone_numbers
from spo.dates import DateError, FuzzyDate, parse_date
from spo.errors import UsageError
from spo.lookup import closest
from spo.vocabulary import Lang, Vocabulary
from spo.writing.editing import Refusal
from spo.writing.messages import say

_URL = re.compile(r"^https?://\S+$")


def term(vocab: Vocabulary, value: str, what: str, lang: Lang) -> str:
    """A vocabulary value from its value or its Turkish or English label ("Sunum")."""
    named = vocab.value_for(value)
    if named is not None:
        return named
    close = closest(value, vocab.values)
    hint = say("did-you-mean", lang, value=close) if close else ""
    raise UsageError(
        say(
            "bad-choice",
            lang,
            what=say(f"field-{what}", lang),
            value=value,
            hint=hint,
            options=", ".join(vocab.values),
        )
    )


def when(text: str, today: date, lang: Lang) -> FuzzyDate:
    """A registry date that has happened (or may have: `2025` counts during 2025)."""
    try:
        parsed = parse_date(text.strip())
    except DateError:
        raise UsageError(say("bad-date", lang, date=text)) from None
    if parsed.certainly_after(today):
        raise Refusal(say("future-date", lang, date=text, today=today.isoformat()))
    return parsed


def url(text: str | None, lang: Lang) -> str | None:
    if text is None:
        return None
    if not _URL.match(text.strip()):
        raise UsageError(say("bad-url", lang, value=text))
    return text.strip()


def free_text(text: str | None, what: str, lang: Lang) -> str | None:
    """Free text (a note, a summary): not blank, and no personal data."""
    if text is None:
        return None
    text = text.strip()
    field = say(f"field-{what}", lang)
    if not text:
        raise UsageError(say("blank", lang, what=field))
    for number in national_ids(text):
        raise Refusal(say("national-id", lang, field=field, value=number))
    for number in phone_numbers(text):
        raise Refusal(say("phone", lang, field=field, value=number))
    return text
