"""Checks inside one record that a schema cannot express: real dates, history order, sources."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from spo.dates import DATE_PATTERN, DateError, FuzzyDate, parse_date
from spo.problems import Finding, JsonPath, Severity
from spo.vocabulary import PROGRESS_STAGES, STAGES

_DATE_SHAPE = re.compile(DATE_PATTERN)


def _dates(value: Any, path: JsonPath) -> Iterator[tuple[JsonPath, str]]:
    """Every string under a key named `date`, wherever it is in the record."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "date" and isinstance(item, str):
                yield path + (key,), item
            else:
                yield from _dates(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _dates(item, path + (index,))


def date_findings(data: dict[str, Any], today: date) -> list[Finding]:
    found = []
    for path, text in _dates(data, ()):
        if not _DATE_SHAPE.match(text):
            continue  # the schema reports a malformed date, once
        try:
            when = parse_date(text)
        except DateError as exc:
            found.append(Finding(path, str(exc), "bad-date"))
            continue
        is_source_date = "source" in path or "sources" in path
        if when.certainly_after(today) and not is_source_date:
            found.append(
                Finding(path, f"date {text} is in the future (today is {today})", "future-date")
            )
    return found


def _parsed(text: Any) -> FuzzyDate | None:
    try:
        return parse_date(text) if isinstance(text, str) else None
    except DateError:
        return None


def history_findings(history: list[Any], path: JsonPath) -> list[Finding]:
    """A transfer's stages: no stage twice, listed by date, progress stages in their order."""
    found: list[Finding] = []
    entries = [
        (i, e.get("stage"), _parsed(e.get("date")))
        for i, e in enumerate(history)
        if isinstance(e, dict)
    ]
    seen: dict[str, int] = {}
    for i, stage, _ in entries:
        if stage in PROGRESS_STAGES and stage in seen:
            found.append(
                Finding(
                    path + (i, "stage"),
                    f"stage '{stage}' is recorded twice (also entry {seen[stage] + 1})",
                    "duplicate-stage",
                )
            )
        elif isinstance(stage, str):
            seen.setdefault(stage, i)
    for (_, _, earlier), (j, stage, later) in zip(entries, entries[1:], strict=False):
        if earlier and later and later.certainly_before(earlier):
            found.append(
                Finding(
                    path + (j, "date"),
                    f"stage '{stage}' is dated {later}, before the entry above it "
                    f"({earlier}); list the history in date order",
                    "stage-order",
                )
            )
    progress = [(i, s, d) for i, s, d in entries if s in PROGRESS_STAGES and d]
    for i, stage, when in progress:
        for _, other, other_when in progress:
            assert when and other_when
            if STAGES.index(other) < STAGES.index(stage) and when.certainly_before(other_when):
                found.append(
                    Finding(
                        path + (i, "date"),
                        f"stage '{stage}' is dated {when}, before the earlier stage "
                        f"'{other}' ({other_when})",
                        "stage-order",
                    )
                )
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
                found.append(
                    Finding(
                        ("transfers", i, "project"),
                        f"project '{project}' already has a transfer here (entry "
                        f"{first_of[project] + 1}); add stages to that one",
                        "duplicate-transfer",
                    )
                )
            first_of.setdefault(project, i)
        history = transfer.get("history")
        if isinstance(history, list):
            found.extend(history_findings(history, ("transfers", i, "history")))
    return found


def source_findings(data: dict[str, Any]) -> list[Finding]:
    if data.get("sources"):
        return []
    return [
        Finding(
            (),
            "record has no sources; say where its facts come from",
            "no-source",
            Severity.WARNING,
        )
    ]


def content_findings(data: dict[str, Any], today: date) -> list[Finding]:
    return date_findings(data, today) + transfer_findings(data) + source_findings(data)
