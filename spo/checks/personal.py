"""Personal data that must not appear in a public registry, in values and in comments.

A Turkish national ID number (T.C. kimlik no, 11 digits with two check digits) is refused
wherever it appears. A phone number belongs only in a contact's `phone` field, and there it
must be an institution's line (a landline, a switchboard, a 444 or 0850 number), not a mobile.
An e-mail address outside a contact's `email` field must be an institution's. Comments are
published with the file, so they are held to the same rules as any value outside a contact.

Messages name the kind of data and where it is, never the data itself: a problem list is
published too (CI logs, pull requests).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

from spo.checks.personal_prefilter import yaml_may_have_sightings
from spo.checks.personal_text import (
    Kind,
    Line,
    is_national_id,
    may_have_sightings,
    personal_sightings,
    phone_lines,
    sightings,
)
from spo.rules.message import Message
from spo.rules.positions import LINE_BREAK, Positions
from spo.rules.problems import Finding, JsonPath

__all__ = [
    "comment_findings",
    "is_national_id",
    "national_ids",
    "personal_data_findings",
    "phone_numbers",
]

CODE = "personal-data"

_IN_VALUE = {
    Kind.NATIONAL_ID: "check.national-id",
    Kind.PHONE_NUMBER: "check.phone-number",
    Kind.EMAIL_ADDRESS: "check.email-address",
    Kind.IBAN: "check.iban",
}
_IN_KEY = {
    Kind.NATIONAL_ID: "check.key-national-id",
    Kind.PHONE_NUMBER: "check.key-phone-number",
    Kind.EMAIL_ADDRESS: "check.key-email-address",
    Kind.IBAN: "check.key-iban",
}
_IN_COMMENT = {
    Kind.NATIONAL_ID: "check.comment-national-id",
    Kind.PHONE_NUMBER: "check.comment-phone-number",
    Kind.EMAIL_ADDRESS: "check.comment-email-address",
    Kind.IBAN: "check.comment-iban",
}


def national_ids(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sightings(text) if s.kind is Kind.NATIONAL_ID]


def phone_numbers(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sightings(text) if s.kind is Kind.PHONE_NUMBER]


def _outside_contact(text: str) -> list[Kind]:
    """The kinds of personal data in text that is not a contact's phone or e-mail."""
    return [s.kind for s in personal_sightings(text)]


def _keys(value: Any, path: JsonPath) -> Iterator[tuple[JsonPath, str]]:
    """Every key of the record, at its path: a key is published as much as a value is."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield path + (key,), str(key)
            yield from _keys(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _keys(item, path + (index,))


def _scalars(value: Any, path: JsonPath) -> Iterator[tuple[JsonPath, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _scalars(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _scalars(item, path + (index,))
    elif isinstance(value, (str, int)) and not isinstance(value, bool):
        yield path, str(value)


def _contact_field(path: JsonPath) -> str | None:
    """`phone` or `email` when the path is that field of a contact (the office's head is one)."""
    field = path[-1] if path else None
    if field not in ("phone", "email"):
        return None
    parent = path[:-1]
    is_contact = (len(parent) == 2 and parent[0] == "contacts") or parent == ("office", "head")
    return str(field) if is_contact else None


def _contact_phone_findings(path: JsonPath, text: str) -> list[Finding]:
    if any(s.kind is Kind.NATIONAL_ID for s in sightings(text)):
        return [Finding(path, Message.of("check.national-id"), CODE)]
    lines = phone_lines(text)
    if Line.MOBILE in lines:
        return [Finding(path, Message.of("check.contact-phone-mobile"), CODE)]
    if not any(line in (Line.LANDLINE, Line.INSTITUTIONAL) for line in lines):
        return [Finding(path, Message.of("check.contact-phone-not-institutional"), CODE)]
    return []


def _contact_phones(data: dict[str, Any]) -> Iterator[tuple[JsonPath, str]]:
    """The values that `_contact_field` calls a phone, in the order `_scalars` meets them."""
    for key, value in data.items():
        if key == "contacts" and isinstance(value, dict | list):
            entries = value.items() if isinstance(value, dict) else enumerate(value)
            for index, contact in entries:
                if isinstance(contact, dict):
                    yield from _scalars(contact.get("phone"), ("contacts", index, "phone"))
        elif key == "office" and isinstance(value, dict):
            head = value.get("head")
            if isinstance(head, dict):
                yield from _scalars(head.get("phone"), ("office", "head", "phone"))


def personal_data_findings(data: dict[str, Any], text: str | None = None) -> list[Finding]:
    """One finding per kind of personal data in each value, at the value.

    With the file's YAML `text`, a file none of whose values can hold personal data (one pass
    of one regular expression over the text) has only its contacts' phones looked at.
    """
    found = []
    quick = text is not None and not yaml_may_have_sightings(text)
    scalars = _contact_phones(data) if quick else _scalars(data, ())
    for path, value in scalars:
        field = _contact_field(path)
        if field == "phone":
            found += _contact_phone_findings(path, value)
            continue
        if not may_have_sightings(value):
            continue
        kinds = [s.kind for s in sightings(value)] if field == "email" else _outside_contact(value)
        if field == "email":  # any address may stand here, but nothing else personal
            kinds = [k for k in kinds if k is not Kind.EMAIL_ADDRESS]
        for kind in dict.fromkeys(kinds):
            found.append(Finding(path, Message.of(_IN_VALUE[kind]), CODE))
    for path, key in () if quick else _keys(data, ()):
        for kind in dict.fromkeys(_outside_contact(key)):
            found.append(Finding(path, Message.of(_IN_KEY[kind]), CODE, at_key=True))
    return found


_COMMENT = re.compile(r"#[^\r\n]*")
_BLOCK_HEADER_COMMENT = re.compile(r"[ \t]#[^\r\n]*")


def comment_findings(text: str) -> list[Finding]:
    """Personal data in the comments of a file that parses, at its line and column."""
    # Every comment lies within the rest of a line after its first "#": when those rests hold
    # nothing (the `$schema` line, a reviewer's note), no comment does; the common case costs
    # one short pass instead of one over the whole file.
    rests = "\n".join(_COMMENT.findall(text))
    if not rests or not _outside_contact(rests):
        return []
    found = []
    positions: Positions | None = None
    for start, comment in _comments(text):
        for s in personal_sightings(comment):
            positions = positions or Positions(text)
            line, column = positions.at(start + s.start)
            message = Message.of(_IN_COMMENT[s.kind])
            found.append(Finding((), message, CODE, line=line, column=column))
    return found


def _comments(text: str) -> Iterator[tuple[int, str]]:
    """Each comment of the text with its index: what lies between the YAML tokens, and the
    rest of a block scalar's header line (`notes: |  # ...`), which libyaml keeps in the token."""
    end = 0
    try:
        for token in yaml.scan(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            start = token.start_mark.index
            for m in _COMMENT.finditer(text, end, max(start, end)):
                yield m.start(), m.group()
            if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
                header_end = LINE_BREAK.search(text, start, token.end_mark.index)
                stop = header_end.start() if header_end else token.end_mark.index
                header = _BLOCK_HEADER_COMMENT.search(text, start, stop)
                if header:
                    yield header.start() + 1, header.group()[1:]
            end = max(end, token.end_mark.index)
    except yaml.YAMLError:
        return  # the file does not parse: its syntax error is the problem to fix first
