"""`spo report --explain METRIC`: the records behind one figure of the report.

For a municipality metric, one row per municipality counted, with the first event that makes it
count (a study visit, or the transfer entry that reached the stage); for a project metric, one
row per project, with its first supporting transfer entry; for visitors, one row per engagement
held, with its participant count (None: not counted). Every row carries its date as recorded and
its source, so that a number can be traced down to the articles behind it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from spo.model import Engagement, Registry, Source, StageEntry, Transfer
from spo.report.figures import FigureCheck, checkable, figure_checks
from spo.report.scope import TRANSFER_METRICS, Scope, Tallies
from spo.rules import lookup
from spo.rules.dates import FuzzyDate
from spo.rules.stages import is_support
from spo.rules.turkish import sort_key
from spo.rules.vocabulary import METRICS, MUNICIPALITY_KINDS


@dataclass(frozen=True)
class ExplainRow:
    id: str  # a municipality's id; a project's for the project metrics
    name_tr: str
    name_en: str | None
    kind: str | None  # the municipality's kind; None for a project
    event: str  # an engagement kind or a transfer stage
    date: FuzzyDate
    source: Source | None
    project: str | None = None  # the transfer's project, for an event of a transfer
    municipality: str | None = None  # the adopting municipality, for a project row
    participants: int | None = None  # visitors only


@dataclass(frozen=True)
class Explanation:
    metric: str
    as_of: date
    kind: str | None
    owner: str | None
    rows: tuple[ExplainRow, ...]
    # The published figures of the metric (of the kind, when one is given) in scope by the day,
    # each with its status as the report gives it.
    figures: tuple[FigureCheck, ...] = ()


def explain(
    registry: Registry, metric: str, as_of: date, kind: str | None = None, owner: str | None = None
) -> Explanation:
    """The records behind `metric`; UsageError (exit 2) for an unknown metric, kind or owner."""
    metric = lookup.value(METRICS, metric)
    kind = lookup.value(MUNICIPALITY_KINDS, kind) if kind else None
    if owner:
        lookup.get("municipality", registry.municipalities, owner)
    tallies = Scope.of(registry, [owner])[owner].tallies(as_of)
    if kind is not None:
        tallies = _of_kind(tallies, kind)
    rows = _rows(tallies, metric)
    rows.sort(key=lambda r: (r.date.sort_key(), sort_key(r.name_tr), r.event))
    figures = [
        f
        for f in registry.reported_figures()
        if f.metric == metric
        and (kind is None or f.municipality_kind == kind)
        and checkable(f, owner, as_of)
    ]
    checks = figure_checks(figures, Scope.of(registry, {f.owner for f in figures}), as_of)
    return Explanation(metric, as_of, kind, owner, tuple(rows), checks)


def _of_kind(tallies: Tallies, kind: str) -> Tallies:
    """The same tallies with only the records of municipalities of `kind`."""

    def keep(municipality_id: str) -> bool:
        found = tallies.municipalities.get(municipality_id)
        return found is not None and found.kind == kind

    return replace(
        tallies,
        engagements=[e for e in tallies.engagements if keep(e.municipality)],
        transfers=[t for t in tallies.transfers if keep(t.municipality)],
    )


def _rows(tallies: Tallies, metric: str) -> list[ExplainRow]:
    registry, day = tallies.registry, tallies.day
    if metric == "visitors":
        return [
            replace(_engagement_row(registry, e), participants=e.participants)
            for e in tallies.engagements
        ]
    if metric == "municipalities-hosted":
        rows = [_engagement_row(registry, e) for e in tallies.visits]
        rows += [
            _transfer_row(registry, t, _first(t, day, lambda stage: stage == "study-visit"))
            for t in tallies.visited_in_transfer
        ]
        return _first_per(rows, lambda r: r.id)
    records, counted_what = TRANSFER_METRICS[metric]
    if metric == "municipalities-in-talks":
        rows = [_transfer_row(registry, t, _latest(t, day)) for t in records(tallies)]
        return _first_per(rows, lambda r: r.id)
    rows = [_transfer_row(registry, t, _first(t, day, is_support)) for t in records(tallies)]
    if counted_what == "projects":
        return [_project_row(registry, r) for r in _first_per(rows, lambda r: r.project or "")]
    return _first_per(rows, lambda r: r.id)


def _first(transfer: Transfer, day: date, counts: Callable[[str], bool]) -> StageEntry:
    """The first entry of `transfer`, certainly by `day`, whose stage `counts`."""
    return next(e for e in transfer.history if counts(e.stage) and e.date.certainly_by(day))


def _latest(transfer: Transfer, day: date) -> StageEntry:
    entry = transfer.as_of(day)
    assert entry is not None  # only transfers started by the day are in the tallies
    return entry


def _first_per(rows: list[ExplainRow], key: Callable[[ExplainRow], str]) -> list[ExplainRow]:
    """One row per key: the one with the earliest date (then the first given)."""
    chosen: dict[str, ExplainRow] = {}
    for row in sorted(rows, key=lambda r: r.date.sort_key()):
        chosen.setdefault(key(row), row)
    return list(chosen.values())


def _row(
    registry: Registry,
    municipality_id: str,
    event: str,
    when: FuzzyDate,
    source: Source | None,
    project: str | None = None,
) -> ExplainRow:
    found = registry.municipalities.get(municipality_id)
    name, kind = (found.name, found.kind) if found else (municipality_id, None)
    return ExplainRow(municipality_id, name, None, kind, event, when, source, project=project)


def _engagement_row(registry: Registry, engagement: Engagement) -> ExplainRow:
    e = engagement
    return _row(registry, e.municipality, e.kind, e.date, e.source)


def _transfer_row(registry: Registry, transfer: Transfer, entry: StageEntry) -> ExplainRow:
    t = transfer
    return _row(registry, t.municipality, entry.stage, entry.date, entry.source, t.project)


def _project_row(registry: Registry, row: ExplainRow) -> ExplainRow:
    """A transfer's row turned to its project: the project's names, the adopter beside."""
    project_id = row.project or ""
    project = registry.projects.get(project_id)
    return replace(
        row,
        id=project_id,
        name_tr=project.name_tr if project else project_id,
        name_en=project.name_en if project else None,
        kind=None,
        project=None,
        municipality=row.id,
    )
