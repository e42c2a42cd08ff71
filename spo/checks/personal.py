"""Personal data that must not appear in a public registry.

A Turkish national ID number (T.C. kimlik no) is 11 digits with two check digits; a string of 11
digits that passes the official checksum is refused wherever it appears. Phone numbers are allowed
only in a contact's `phone` field, where a public official's office number belongs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spo.message import Message
from spo.problems import Finding, JsonPath

_ELEVEN_DIGITS = re.compile(r"(?<!\d)[1-9]\d{10}(?!\d)")
# A Turkish number: optional +90 or 0 trunk prefix, a 3-digit area or mobile code (2xx-5xx, 850),
# then 7 digits, in the groupings people write: 0532 123 45 67, (0324) 123-4567, +905321234567.
_PHONE = re.compile(
    r"(?<![\d+(])(?:\+90[\s.-]?)?\(?0?[\s.-]?(?:[2-5]\d{2}|850)\)?[\s.-]?"
    r"\d{3}[\s.-]?\d{2}[\s.-]?\d{2}(?!\d)"
)


def is_national_id(digits: str) -> bool:
    if len(digits) != 11 or not digits.isdigit() or digits[0] == "0":
        return False
    d = [int(c) for c in digits]
    tenth = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    return d[9] == tenth and d[10] == sum(d[:10]) % 10


def national_ids(text: str) -> list[str]:
    return [m.group() for m in _ELEVEN_DIGITS.finditer(text) if is_national_id(m.group())]


def phone_numbers(text: str) -> list[str]:
    return [m.group() for m in _PHONE.finditer(text) if not is_national_id(_digits(m.group()))]


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _scalars(value: Any, path: JsonPath) -> Iterator[tuple[JsonPath, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _scalars(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _scalars(item, path + (index,))
    elif isinstance(value, (str, int)) and not isinstance(value, bool):
        yield path, str(value)


def _is_contact_phone(path: JsonPath) -> bool:
    return len(path) == 3 and path[0] == "contacts" and path[2] == "phone"


def personal_data_findings(data: dict[str, Any]) -> list[Finding]:
    found = []
    for path, text in _scalars(data, ()):
        for number in national_ids(text):
            message = Message.of("check.national-id", value=number)
            found.append(Finding(path, message, "personal-data"))
        if not _is_contact_phone(path):
            for number in phone_numbers(text):
                message = Message.of("check.phone-number", value=number)
                found.append(Finding(path, message, "personal-data"))
    return found
