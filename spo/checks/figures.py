"""A record's published figures checked against each other (`spo.agreement`): a warning on the
later figure of two that cannot both be true, naming the earlier one."""

from __future__ import annotations

import json
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from spo.agreement import disagreements
from spo.dates import FuzzyDate, parse_date_or_none
from spo.message import Message
from spo.problems import Finding, Severity
from spo.vocabulary import METRICS, QUALIFIERS


@dataclass(frozen=True)
class _Entry:
    """One entry of `reported_figures`, as the rule reads it, with its place in the list."""

    index: int
    owner: str
    date: FuzzyDate
    metric: str
    municipality_kind: str | None
    value: int
    qualifier: str
    source: Hashable


def _entries(data: dict[str, Any]) -> list[_Entry]:
    """The well-formed entries (the schema and the date checks report the others)."""
    found = []
    for index, entry in enumerate(data.get("reported_figures") or []):
        if not isinstance(entry, dict):
            continue
        when = parse_date_or_none(entry.get("date"))
        value = entry.get("value")
        metric, qualifier = entry.get("metric"), entry.get("qualifier")
        kind = entry.get("municipality_kind")
        if (
            when is None
            or not isinstance(value, int)
            or isinstance(value, bool)
            or metric not in METRICS.values
            or qualifier not in QUALIFIERS.values
            or not (kind is None or isinstance(kind, str))
        ):
            continue
        source = json.dumps(entry.get("source"), sort_keys=True, ensure_ascii=False, default=str)
        owner = str(data.get("id"))
        found.append(_Entry(index, owner, when, metric, kind, value, qualifier, source))
    return found


def figure_findings(data: dict[str, Any]) -> list[Finding]:
    found = []
    for disagreement in disagreements(_entries(data)):
        earlier, later = disagreement.earlier[0], disagreement.later[0]
        message = Message.of(
            "check.figures-disagree",
            earlier_date=earlier.date.text,
            earlier_metric=earlier.metric,
            earlier_value=earlier.value,
        )
        path = ("reported_figures", later.index)
        found.append(Finding(path, message, "figures-disagree", Severity.WARNING))
    return found
