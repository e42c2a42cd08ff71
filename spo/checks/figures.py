"""A record's published figures checked against each other (`spo.rules.agreement`): a warning on the
later figure of two that cannot both be true, naming the earlier one."""

from __future__ import annotations

from typing import Any

from spo.model import ReportedFigure, Source
from spo.rules.agreement import disagreements
from spo.rules.dates import parse_date_or_none
from spo.rules.message import Message
from spo.rules.problems import Finding, Severity
from spo.rules.vocabulary import METRICS, QUALIFIERS


def _figures(data: dict[str, Any]) -> dict[int, tuple[int, ReportedFigure]]:
    """The well-formed entries as the model holds them (the schema and the date checks report
    the others), each with its place in the list, by the identity of the figure."""
    found: dict[int, tuple[int, ReportedFigure]] = {}
    entries = data.get("reported_figures")
    if not isinstance(entries, list):
        return found  # the schema says what it should be
    for index, entry in enumerate(entries):
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
        source = Source.of(entry.get("source"))
        figure = ReportedFigure(
            str(data.get("id")), when, metric, value, qualifier, kind, None, source
        )
        found[id(figure)] = (index, figure)
    return found


def figure_findings(data: dict[str, Any]) -> list[Finding]:
    figures = _figures(data)
    found = []
    for disagreement in disagreements(figure for _, figure in figures.values()):
        earlier, later = disagreement.earlier[0], disagreement.later[0]
        message = Message.of(
            "check.figures-disagree",
            earlier_date=earlier.date.text,
            earlier_metric=earlier.metric,
            earlier_value=earlier.value,
        )
        path = ("reported_figures", figures[id(later)][0])
        found.append(Finding(path, message, "figures-disagree", Severity.WARNING))
    return found
