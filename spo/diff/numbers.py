"""What a change does to the office's numbers and to the registry's problems.

The report is computed on both sides as of one day (`spo.report.compute_report`, the same rules
as `spo report`): every headline figure whose value changes is listed, and every published
figure whose status changes (a figure that appears or goes has no status on one side). Problems
are compared without their lines, which any edit above them moves: a problem is the same when
its file, rule, place in the record and message are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from spo.problems import Problem
from spo.report import KINDS, Report
from spo.report.figures import FigureCheck


@dataclass(frozen=True)
class FigureDelta:
    """A headline figure: `metric` a report metric (`municipalities-supported`, ...), `part` a
    kind of municipality or a stage when the figure is split (None for the total)."""

    metric: str
    part: str | None
    before: int
    after: int


@dataclass(frozen=True)
class StatusChange:
    """A published figure whose status changes; None where the figure is not on that side."""

    owner: str
    date: str
    metric: str
    municipality_kind: str | None
    value: int
    qualifier: str
    before: str | None  # met, not-met, unbacked
    after: str | None
    recorded_before: int | None
    recorded_after: int | None


def headline(report: Report) -> dict[tuple[str, str | None], int]:
    """The report's headline figures, by metric and part."""
    figures: dict[tuple[str, str | None], int] = {}
    tallies = {
        "municipalities-hosted": report.hosted,
        "municipalities-in-talks": report.in_talks,
        "municipalities-supported": report.supported,
        "municipalities-launched": report.launched,
    }
    for metric, tally in tallies.items():
        figures[(metric, None)] = tally.total
        for kind in KINDS:
            figures[(metric, kind)] = tally.count(kind)
    figures[("projects-transferred", None)] = report.projects_transferred
    for stage, count in report.transfers_by_stage.items():
        figures[("transfers-by-stage", stage)] = count
    figures[("visitors", None)] = report.visitors.total
    figures[("engagements-without-count", None)] = report.visitors.engagements_without_count
    return figures


def figure_deltas(before: Report, after: Report) -> list[FigureDelta]:
    old, new = headline(before), headline(after)
    return [
        FigureDelta(metric, part, old.get((metric, part), 0), value)
        for (metric, part), value in new.items()
        if old.get((metric, part), 0) != value
    ]


def _key(check: FigureCheck) -> tuple[object, ...]:
    return (
        check.owner,
        check.date,
        check.metric,
        check.municipality_kind,
        check.value,
        check.qualifier,
    )


def status_changes(before: Report, after: Report) -> list[StatusChange]:
    old = {_key(c): c for c in before.reported}
    new = {_key(c): c for c in after.reported}
    changes = []
    for key in list(new) + [k for k in old if k not in new]:
        was, now = old.get(key), new.get(key)
        if was and now and was.status == now.status:
            continue
        some = now or was
        assert some is not None
        changes.append(
            StatusChange(
                owner=some.owner,
                date=some.date,
                metric=some.metric,
                municipality_kind=some.municipality_kind,
                value=some.value,
                qualifier=some.qualifier,
                before=was.status if was else None,
                after=now.status if now else None,
                recorded_before=was.recorded if was and was.measure.family else None,
                recorded_after=now.recorded if now and now.measure.family else None,
            )
        )
    return changes


def _same(problem: Problem, moved: Mapping[Path, Path]) -> tuple[object, ...]:
    """What makes a problem the same on both sides: not its line, which an edit above it moves
    (nor the line a message names), and a renamed file's problems are the new file's."""
    params = tuple((k, v) for k, v in problem.message.params if not k.endswith("line"))
    file = moved.get(problem.file, problem.file)
    return (str(file), problem.code, problem.path, problem.message.key, params, problem.severity)


def problem_changes(
    before: tuple[Problem, ...], after: tuple[Problem, ...], moved: Mapping[Path, Path]
) -> tuple[list[Problem], list[Problem]]:
    """The problems only the head has (with their lines there), and those only the base had
    (`moved`: a renamed file's path before and after)."""
    return _only_in(after, before, {}, moved), _only_in(before, after, moved, {})


def _only_in(
    these: tuple[Problem, ...],
    others: tuple[Problem, ...],
    these_moved: Mapping[Path, Path],
    others_moved: Mapping[Path, Path],
) -> list[Problem]:
    """The problems of `these` that `others` lacks, counted: two alike are two."""
    left = Counter(_same(p, others_moved) for p in others)
    found = []
    for problem in these:
        key = _same(problem, these_moved)
        if left[key] > 0:
            left[key] -= 1
        else:
            found.append(problem)
    return found
