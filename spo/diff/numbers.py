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

from spo.report import KINDS, Report
from spo.report.figures import FigureCheck
from spo.rules.problems import Problem


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
    """A published figure whose status changes. A figure is itself by its owner, date, metric
    and kind of municipality, so a corrected value is one figure (`value_before` the old one).
    A status is one of `spo.report.figures.STATUSES`; None where the figure is not in the file, and
    `UNCOUNTED` where it is but its owner's record cannot be read (the problems say why)."""

    owner: str
    date: str
    metric: str
    municipality_kind: str | None
    value: int
    qualifier: str
    before: str | None
    after: str | None
    recorded_before: int | None
    recorded_after: int | None
    value_before: int | None = None  # when the published value or qualifier changed
    qualifier_before: str | None = None


UNCOUNTED = "uncounted"


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
    return (check.owner, check.date, check.metric, check.municipality_kind)


def status_changes(
    before: Report, after: Report, uncounted: tuple[set[str], set[str]] = (set(), set())
) -> list[StatusChange]:
    """`uncounted`: the owners whose records are in the files but not in the model, before
    and after."""
    old: dict[tuple[object, ...], list[FigureCheck]] = {}
    for check in before.reported:
        old.setdefault(_key(check), []).append(check)
    pairs: list[tuple[FigureCheck | None, FigureCheck | None]] = []
    for check in after.reported:
        same = old.get(_key(check))
        pairs.append((same.pop(0) if same else None, check))
    pairs += [(check, None) for checks in old.values() for check in checks]
    changes = []
    for was, now in pairs:
        if was and now and (was.status, *_published(was)) == (now.status, *_published(now)):
            continue
        some = now or was
        assert some is not None
        corrected = was is not None and now is not None and _published(was) != _published(now)
        changes.append(
            StatusChange(
                owner=some.owner,
                date=some.date,
                metric=some.metric,
                municipality_kind=some.municipality_kind,
                value=some.value,
                qualifier=some.qualifier,
                before=_status(was, some.owner in uncounted[0]),
                after=_status(now, some.owner in uncounted[1]),
                recorded_before=was.recorded_value if was else None,
                recorded_after=now.recorded_value if now else None,
                value_before=was.value if corrected and was else None,
                qualifier_before=was.qualifier if corrected and was else None,
            )
        )
    return changes


def _published(check: FigureCheck) -> tuple[int, str]:
    return check.value, check.qualifier


def _status(check: FigureCheck | None, uncounted: bool) -> str | None:
    if check is not None:
        return check.status
    return UNCOUNTED if uncounted else None


def _same(problem: Problem, moved: Mapping[Path, Path]) -> tuple[object, ...]:
    """What makes a problem the same on both sides: not its line, which an edit above it moves
    (nor the line a message names, nor its list indexes), and a renamed file's problems are the
    new file's. Alike problems are counted, so one more of a kind is still new."""
    params = tuple((k, v) for k, v in problem.message.params if not k.endswith("line"))
    file = moved.get(problem.file, problem.file)
    # List indexes move too when an entry is added above: the place is its keys.
    place = tuple(part for part in problem.path if not isinstance(part, int))
    return (str(file), problem.code, place, problem.message.key, params, problem.severity)


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
