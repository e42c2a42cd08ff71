"""Checks inside one record that a schema cannot express: real dates, history order, sources."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from spo.rules.dates import DATE_PATTERN, DateError, parse_date, parse_date_or_none
from spo.rules.message import Message
from spo.rules.problems import Finding, JsonPath, Severity
from spo.rules.schemas import date_keys
from spo.rules.stages import comes_before, is_progress

_DATE_SHAPE = re.compile(DATE_PATTERN)


# Every key whose value is a registry date (`date`, `opened`, `launched`, `status_as_of`, a
# completeness statement's `from` and `to`): each must be a real day.
_DATE_KEYS = date_keys()
# A key as YAML writes it: the name, perhaps a closing quote, then a colon.
_DATE_KEY_WRITTEN = re.compile("(?:" + "|".join(sorted(_DATE_KEYS)) + r")['\"]?\s*:")


def _dates(value: Any, path: JsonPath) -> Iterator[tuple[JsonPath, str]]:
    """Every string under a date key, wherever it is in the record."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in _DATE_KEYS and isinstance(item, str):
                yield path + (key,), item
            else:
                yield from _dates(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _dates(item, path + (index,))


def _date_texts(value: Any, out: list[str]) -> None:
    """The strings that `_dates` yields, without their paths: a record's dates, gathered at
    the cost of one walk that builds no path."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in _DATE_KEYS and isinstance(item, str):
                out.append(item)
            elif isinstance(item, (dict, list)):
                _date_texts(item, out)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, (dict, list)):
                _date_texts(item, out)


def _date_is_fine(text: str, today: date) -> bool:
    """Whether `date_findings` finds nothing in this date wherever it stands: not shaped as a
    date (the schema says so), or a real day not after today. A date after today may still be
    fine (a source's); `date_findings` looks at its place. (`parse_date` keeps what it parsed:
    dates repeat from file to file.)"""
    if not _DATE_SHAPE.fullmatch(text):
        return True
    try:
        return not parse_date(text).certainly_after(today)
    except DateError:
        return False


def date_findings(data: dict[str, Any], today: date) -> list[Finding]:
    texts: list[str] = []
    _date_texts(data, texts)
    if all(_date_is_fine(text, today) for text in texts):
        return []
    found = []
    for path, text in _dates(data, ()):
        if not _DATE_SHAPE.fullmatch(text):
            continue  # the schema reports a malformed date, once
        try:
            when = parse_date(text)
        except DateError as exc:
            found.append(Finding(path, exc.message, "bad-date"))
            continue
        is_source_date = "source" in path or "sources" in path
        if when.certainly_after(today) and not is_source_date:
            message = Message.of("check.future-date", date=text, today=today.isoformat())
            found.append(Finding(path, message, "future-date"))
    return found


def history_findings(history: list[Any], path: JsonPath) -> list[Finding]:
    """A transfer's stages: no stage twice, listed by date, progress stages in their order."""
    found: list[Finding] = []
    entries = [
        (i, e.get("stage"), parse_date_or_none(e.get("date")))
        for i, e in enumerate(history)
        if isinstance(e, dict)
    ]
    seen: dict[str, int] = {}
    for i, stage, _ in entries:
        if is_progress(stage) and stage in seen:
            message = Message.of("check.duplicate-stage", stage=stage, entry=seen[stage] + 1)
            found.append(Finding(path + (i, "stage"), message, "duplicate-stage"))
        elif isinstance(stage, str):
            seen.setdefault(stage, i)
    for (_, _, earlier), (j, stage, later) in zip(entries, entries[1:], strict=False):
        if earlier and later and later.certainly_before(earlier):
            message = Message.of(
                "check.before-entry-above", stage=stage, date=later.text, other_date=earlier.text
            )
            found.append(Finding(path + (j, "date"), message, "stage-order"))
    progress = [(i, s, d) for i, s, d in entries if is_progress(s) and d]
    for i, stage, when in progress:
        for _, other, other_when in progress:
            assert when and other_when
            if comes_before(other, stage) and when.certainly_before(other_when):
                message = Message.of(
                    "check.before-earlier-stage",
                    stage=stage,
                    date=when.text,
                    other=other,
                    other_date=other_when.text,
                )
                found.append(Finding(path + (i, "date"), message, "stage-order"))
                break
    return found


def transfer_findings(data: dict[str, Any]) -> list[Finding]:
    found: list[Finding] = []
    transfers = data.get("transfers")
    if not isinstance(transfers, list):
        return found
    first_of: dict[str, int] = {}
    for i, transfer in enumerate(transfers):
        if not isinstance(transfer, dict):
            continue
        project = transfer.get("project")
        if isinstance(project, str):
            if project in first_of:
                message = Message.of(
                    "check.duplicate-transfer", project=project, entry=first_of[project] + 1
                )
                found.append(Finding(("transfers", i, "project"), message, "duplicate-transfer"))
            first_of.setdefault(project, i)
        history = transfer.get("history")
        if isinstance(history, list):
            found.extend(history_findings(history, ("transfers", i, "history")))
    return found


def completeness_findings(data: dict[str, Any]) -> list[Finding]:
    """A statement of completeness must say until when for certain, and not end before it starts
    (`spo.model.completeness`)."""
    found: list[Finding] = []
    statements = data.get("completeness")
    for i, statement in enumerate(statements if isinstance(statements, list) else []):
        if not isinstance(statement, dict):
            continue
        start, to = (
            parse_date_or_none(statement.get("from")),
            parse_date_or_none(statement.get("to")),
        )
        if to is not None and to.earliest is None:
            message = Message.of("check.completeness-open-end", to=to.text)
            found.append(Finding(("completeness", i, "to"), message, "completeness-open-end"))
        elif start is not None and to is not None and to.certainly_before(start):
            message = Message.of("check.completeness-backwards", start=start.text, to=to.text)
            found.append(Finding(("completeness", i, "from"), message, "completeness-backwards"))
    return found


def source_findings(data: dict[str, Any]) -> list[Finding]:
    if data.get("sources"):
        return []
    return [Finding((), Message.of("check.no-source"), "no-source", Severity.WARNING)]


def content_findings(data: dict[str, Any], today: date, text: str | None = None) -> list[Finding]:
    """With the file's YAML `text`: a file that writes no date key (nor any escape, which could
    spell one) has none, and its values are not walked to look for one."""
    dated = text is None or "\\" in text or bool(_DATE_KEY_WRITTEN.search(text))
    dates = date_findings(data, today) if dated else []
    return dates + transfer_findings(data) + completeness_findings(data) + source_findings(data)
