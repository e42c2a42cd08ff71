"""The figures behind a press release, computed from the registry as of a given day.

`compute_report(registry, as_of, owner)` returns a `Report` value; it prints nothing, and
`spo.cli.render.report_*` turn it into a table, JSON or Markdown. `explain` lists the records
behind one figure.

What counts, as of day D:

- An event counts only once it has certainly happened: its date's latest possible day is on or
  before D (`FuzzyDate.certainly_by`). `../2025-03-21` counts from 2025-03-21, `2025-03` from
  2025-03-31, `2025` from 2025-12-31, `2024-10/2025-03` from 2025-03-31; `2025-07/..` (on or
  after) has no latest day and never counts. No day is invented.
- A transfer's stage as of D is its latest history entry certainly by D (`Transfer.as_of`); a
  transfer with no entry by D had not started and is not counted anywhere.
- Hosted: municipalities with a study-visit engagement, or a transfer history entry with stage
  study-visit, by D.
- In talks: municipalities with a transfer whose stage as of D is `inquiry`.
- Supported: municipalities with a transfer that had reached `presentation` or a later progress
  stage (planning-support, implementation-support, launched) by D. Support once given stays
  given, as in the office's published figures: a transfer that reached presentation and was then
  paused or dropped still counts as supported, but it is neither in talks nor launched.
  "Municipalities transferred to" is the same set.
- Launched: municipalities with a transfer whose stage as of D is `launched`.
- Each of these counts every municipality once, split by kind (all four kinds, zeros included).
- Projects transferred: distinct projects with a transfer that had reached presentation or later
  by D. Transfers by stage: transfers counted by their stage as of D (all eight stages).
- Visitors: the participants of every engagement certainly held by D, and how many of those
  engagements give no participant count (they are not guessed).
- Most adopted projects: transfers at presentation or later per project, the top 10 (ties in
  Turkish alphabetical order). Adopters by province: the supported municipalities per province.
- Projects by theme, by target group and partners by type describe the catalogue as of D: the
  projects in scope that the registry knows existed by D (`spo.report.catalogue`). An undated
  project is listed apart and not counted. Partners are those of these projects, counted once
  per type however many projects they work with (names compared folded).

Scope: with `owner`, only transfers of that municipality's projects, engagements it hosted and
its projects count, and only its reported figures are shown. Without, everything counts and every
owner's figures are shown; each figure is still set beside the registry's value *in its owner's
scope*. The offices of the municipalities in scope head the report.

Reported vs recorded: see `spo.report.figures` (met, partly recorded, contradicted, unbacked;
the qualifiers' rules).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from spo.model import (
    Completeness,
    Municipality,
    Office,
    Project,
    Registry,
    ReportedFigure,
    Transfer,
    known_by,
)
from spo.model.completeness import in_force
from spo.report.catalogue import Catalogue
from spo.report.explain import ExplainRow, Explanation, explain
from spo.report.figures import FigureCheck, checkable, figure_checks
from spo.report.left_out import LeftOut, left_out
from spo.report.scope import KINDS, Measure, Scope, Tally, Visitors, stage_as_of
from spo.rules import lookup
from spo.rules.agreement import Disagreement, disagreements
from spo.rules.errors import SpoError
from spo.rules.qualifiers import APPROXIMATELY_WITHIN, NEARLY_WITHIN, figure_met
from spo.rules.turkish import sort_key

__all__ = [
    "APPROXIMATELY_WITHIN",
    "KINDS",
    "NEARLY_WITHIN",
    "AdoptedProject",
    "ExplainRow",
    "Explanation",
    "FigureCheck",
    "LeftOut",
    "Measure",
    "OfficeOf",
    "Disagreement",
    "Report",
    "Tally",
    "Visitors",
    "compute_report",
    "explain",
    "figure_met",
]

TOP_PROJECTS = 10


@dataclass(frozen=True)
class AdoptedProject:
    project: str
    name_tr: str
    name_en: str | None
    owner: str | None
    adopters: int  # transfers at presentation or later
    launched: int  # of which the service runs (stage as of the day is launched)


@dataclass(frozen=True)
class OfficeOf:
    """A municipality's office, heading the report."""

    municipality: str
    municipality_name: str
    office: Office


@dataclass(frozen=True)
class Report:
    as_of: date
    owner: str | None
    owner_name: str | None
    offices: tuple[OfficeOf, ...]
    hosted: Tally
    in_talks: Tally
    supported: Tally
    launched: Tally
    projects_transferred: int
    transfers_by_stage: Mapping[str, int]
    visitors: Visitors
    most_adopted_projects: tuple[AdoptedProject, ...]
    adopters_by_province: Mapping[str, int]
    projects_by_theme: Mapping[str, int]
    projects_by_target_group: Mapping[str, int]
    partners_by_type: Mapping[str, int]
    undated_projects: tuple[Project, ...]  # in scope, dated by nothing: not counted above
    reported: tuple[FigureCheck, ...]
    # The name of every municipality the report refers to by id (owners, publishers), so that a
    # reader sees "Mersin Büyükşehir Belediyesi", not "mersin-bb".
    names: Mapping[str, str]
    # How many transfers and engagements the registry records in scope by the day: with none, a
    # count of that kind is not 0 but nothing recorded (`recorded`).
    transfers_recorded: int = 0
    engagements_recorded: int = 0
    # Published figures that cannot both be true (`spo.report.agreement`).
    disagreements: tuple[Disagreement[ReportedFigure], ...] = ()
    # What the municipalities in scope declare their records complete for
    # (`spo.model.completeness`), on authorities out by the day.
    completeness: tuple[Completeness, ...] = ()
    # The record files the registry could not read, so counted nowhere above
    # (`spo.report.left_out`).
    left_out: tuple[LeftOut, ...] = ()

    def recorded(self, key: str) -> bool:
        """Whether the registry records anything that a section of the report counts: "hosted"
        (engagements or transfers), "partners_by_type" (typed partners), and every transfer
        count (in talks, supported, launched, projects transferred, transfers by stage)."""
        if key == "hosted":
            return bool(self.transfers_recorded or self.engagements_recorded)
        if key == "partners_by_type":
            return any(self.partners_by_type.values())
        return bool(self.transfers_recorded)

    def name_of(self, municipality: str | None) -> str:
        """A municipality's name; its id when the registry has no such record."""
        return self.names.get(municipality or "", municipality or "")


def compute_report(
    registry: Registry, as_of: date, owner: str | None = None, *, with_left_out: bool = False
) -> Report:
    """The report as of `as_of`; raises UsageError (exit 2) for an unknown owner. With
    `with_left_out`, the registry's skipped files are read again (they are on disk under its
    root) to say why each was left out; `spo diff`'s registries come from git, not the disk."""
    if owner is not None and owner not in registry.municipalities and with_left_out:
        _refuse_unread_owner(registry, owner)
    owner_record = (
        lookup.get("municipality", registry.municipalities, owner) if owner is not None else None
    )
    tallies = Scope.of(registry, [owner])[owner].tallies(as_of)
    supported = tallies.supported_transfers
    in_scope = [p for p in registry.projects.values() if owner in (None, p.owner)]
    by_project: dict[str, list[Transfer]] = {}
    for transfer in registry.transfers():
        by_project.setdefault(transfer.project, []).append(transfer)
    catalogue = Catalogue.of(in_scope, as_of, by_project)
    figures = [f for f in registry.reported_figures() if checkable(f, owner, as_of)]
    most_adopted = _most_adopted(registry, supported, as_of)
    undated = tuple(sorted(catalogue.undated, key=lambda p: sort_key(p.name_tr)))
    named = {f.owner for f in figures} | {p.owner for p in most_adopted if p.owner}
    named |= {p.owner for p in undated}
    completeness = tuple(
        statement
        for municipality in _in_scope(registry, owner_record)
        for statement in in_force(municipality.completeness, as_of)
    )
    named |= {statement.owner for statement in completeness}
    return Report(
        as_of=as_of,
        owner=owner,
        owner_name=owner_record.name if owner_record else None,
        offices=_offices(registry, owner_record, as_of),
        hosted=tallies.hosted,
        in_talks=tallies.in_talks,
        supported=tallies.supported,
        launched=tallies.launched,
        projects_transferred=tallies.projects_transferred,
        transfers_by_stage=tallies.transfers_by_stage,
        visitors=tallies.visitors,
        most_adopted_projects=most_adopted,
        adopters_by_province=_adopters_by_province(registry, supported),
        projects_by_theme=catalogue.by_theme(),
        projects_by_target_group=catalogue.by_target_group(),
        partners_by_type=catalogue.partners_by_type(),
        undated_projects=undated,
        reported=figure_checks(figures, Scope.of(registry, {f.owner for f in figures}), as_of),
        names={m: registry.municipalities[m].name for m in named if m in registry.municipalities},
        transfers_recorded=len(tallies.transfers),
        engagements_recorded=len(tallies.engagements),
        disagreements=disagreements(figures),
        completeness=completeness,
        left_out=left_out(registry) if with_left_out else (),
    )


def _refuse_unread_owner(registry: Registry, owner: str) -> None:
    """A report on a municipality whose own file could not be read would be all zeros: refused
    (exit 1, the registry has a problem), naming the file, its line and why."""
    for item in left_out(registry):
        if item.kind == "municipality" and item.record == owner:
            where = item.file.as_posix() + (f":{item.line}" if item.line else "")
            raise SpoError.of(
                "report.owner-unread", municipality=owner, where=where, problem=item.message
            )


def _in_scope(registry: Registry, owner: Municipality | None) -> list[Municipality]:
    """The municipality the report is about, or every one, in Turkish alphabetical order."""
    records = [owner] if owner else list(registry.municipalities.values())
    return sorted(records, key=lambda m: sort_key(m.name))


def _offices(registry: Registry, owner: Municipality | None, day: date) -> tuple[OfficeOf, ...]:
    """The offices in scope as of `day`: one not certainly opened by then is left out, and so are
    a head and a framework whose source is dated after it."""
    found = []
    for municipality in _in_scope(registry, owner):
        office = municipality.office
        if office is None or (office.opened and not office.opened.certainly_by(day)):
            continue
        if office.head and not known_by(office.head.source, day):
            office = replace(office, head=None)
        if office.framework and not known_by(office.framework_source, day):
            office = replace(office, framework=())
        found.append(OfficeOf(municipality.id, municipality.name, office))
    return tuple(sorted(found, key=lambda o: sort_key(o.municipality_name)))


def _most_adopted(
    registry: Registry, supported: list[Transfer], day: date
) -> tuple[AdoptedProject, ...]:
    adopters = Counter(t.project for t in supported)
    launched = Counter(t.project for t in supported if stage_as_of(t, day) == "launched")
    # Only projects that can make the top list need a Turkish sort key for the tie-break.
    counts = sorted(((-n, -launched[p]) for p, n in adopters.items()))
    cutoff = counts[TOP_PROJECTS - 1] if len(counts) >= TOP_PROJECTS else (0, 0)
    rows = []
    for project_id, count in adopters.items():
        if (-count, -launched[project_id]) > cutoff:
            continue
        project = registry.projects.get(project_id)
        rows.append(
            AdoptedProject(
                project=project_id,
                name_tr=project.name_tr if project else project_id,
                name_en=project.name_en if project else None,
                owner=project.owner if project else None,
                adopters=count,
                launched=launched[project_id],
            )
        )
    rows.sort(key=lambda r: (-r.adopters, -r.launched, sort_key(r.name_tr)))
    return tuple(rows[:TOP_PROJECTS])


def _adopters_by_province(registry: Registry, supported: list[Transfer]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for municipality_id in {t.municipality for t in supported}:
        counts[registry.municipalities[municipality_id].province_name] += 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], sort_key(item[0]))))
