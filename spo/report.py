"""The figures behind a press release, computed from the registry as of a given day.

`compute_report(registry, as_of, owner)` returns a `Report` value; it prints nothing, and
`spo.report_formats` turns it into a table, JSON or Markdown.

What counts, as of day D:

- An event counts only once it has certainly happened: its date's latest possible day is on or
  before D (`FuzzyDate.certainly_by`). `../2025-03-21` counts from 2025-03-21, `2025-03` from
  2025-03-31, `2025` from 2025-12-31, `2024-10/2025-03` from 2025-03-31. No day is invented.
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
  Turkish alphabetical order).
  Adopters by province: the supported municipalities per province.
- Projects by theme, by target group and partners by type describe the catalogue: every project
  in scope except one whose launch date is certainly after D. A project's launch date is often
  unknown or imprecise, and the catalogue does not hide a project for that. Partners are counted
  once per type however many projects they work with (names compared folded).

Scope: with `owner`, only transfers of that municipality's projects and engagements it hosted
count, and only its reported figures are shown. Without, everything counts and every owner's
figures are shown; each figure is still set beside the registry's value *in its owner's scope*.

Reported vs recorded: each published figure (certainly published by D) is set beside the
registry's own value of its metric as of the figure's date (its latest possible day), split by
kind when the figure names one: municipalities-hosted, -in-talks and -supported are the counts
above, municipalities-transferred-to is the supported count, projects-transferred and
projects-supported are the projects transferred, visitors is the visitors' total. A figure
with a metric or qualifier spo does not know is left out (`spo validate` reports it).
Qualifiers: `exact` is met by the same number, `at-least` by that number or more, `more-than`
by a larger number, `approximately` by a number within 10% of the published one
(|recorded - value| <= value / 10: "close to 40" is met by 36 to 44).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from spo import lookup
from spo.model import (
    Engagement,
    Municipality,
    Project,
    Registry,
    ReportedFigure,
    Source,
    Transfer,
)
from spo.rules import is_support
from spo.turkish import fold, sort_key
from spo.vocabulary import (
    METRICS,
    MUNICIPALITY_KINDS,
    PARTNER_TYPES,
    QUALIFIERS,
    STAGES,
    TARGET_GROUPS,
    THEMES,
    Vocabulary,
)

KINDS = tuple(MUNICIPALITY_KINDS.values)
TOP_PROJECTS = 10
APPROXIMATELY_WITHIN = 10  # percent


@dataclass(frozen=True)
class Tally:
    """Municipalities, each counted once, and how many of each kind."""

    total: int
    by_kind: Mapping[str, int]

    @classmethod
    def of(cls, ids: Iterable[str], municipalities: Mapping[str, Municipality]) -> Tally:
        unique = set(ids)
        kinds = Counter(municipalities[i].kind for i in unique if i in municipalities)
        return cls(len(unique), {kind: kinds[kind] for kind in KINDS})

    def count(self, kind: str | None = None) -> int:
        return self.total if kind is None else self.by_kind.get(kind, 0)


@dataclass(frozen=True)
class Visitors:
    total: int
    engagements_without_count: int


@dataclass(frozen=True)
class AdoptedProject:
    project: str
    name_tr: str
    name_en: str | None
    owner: str | None
    adopters: int  # transfers at presentation or later
    launched: int  # of which the service runs (stage as of the day is launched)


@dataclass(frozen=True)
class FigureCheck:
    """A published figure beside the registry's own value as of the figure's date."""

    owner: str
    date: str
    metric: str
    municipality_kind: str | None
    value: int
    qualifier: str
    recorded: int
    source: Source | None

    @property
    def difference(self) -> int:
        return self.recorded - self.value

    @property
    def met(self) -> bool:
        return figure_met(self.qualifier, self.value, self.recorded)


@dataclass(frozen=True)
class Report:
    as_of: date
    owner: str | None
    owner_name: str | None
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
    reported: tuple[FigureCheck, ...]


@dataclass(frozen=True)
class _Tallies:
    """The counts a published figure can be checked against, for one scope and one day."""

    hosted: Tally
    in_talks: Tally
    supported: Tally
    launched: Tally
    projects_transferred: int
    transfers_by_stage: Mapping[str, int]
    visitors: Visitors

    def recorded(self, metric: str, kind: str | None) -> int:
        by_metric = {
            "municipalities-hosted": self.hosted,
            "municipalities-in-talks": self.in_talks,
            "municipalities-supported": self.supported,
            "municipalities-transferred-to": self.supported,
        }
        if metric in by_metric:
            return by_metric[metric].count(kind)
        if metric in ("projects-transferred", "projects-supported"):
            return self.projects_transferred
        if metric == "visitors":
            return self.visitors.total
        raise ValueError(f"unknown metric {metric!r}")


def figure_met(qualifier: str, value: int, recorded: int) -> bool:
    if qualifier == "exact":
        return recorded == value
    if qualifier == "at-least":
        return recorded >= value
    if qualifier == "more-than":
        return recorded > value
    if qualifier == "approximately":
        return abs(recorded - value) * 100 <= value * APPROXIMATELY_WITHIN
    if qualifier == "nearly":  # "40'a yakın": at most 40, and within 10 % below it
        return recorded <= value and (value - recorded) * 100 <= value * APPROXIMATELY_WITHIN
    if qualifier == "fewer-than":
        return recorded < value
    raise ValueError(f"unknown qualifier {qualifier!r}")


def _supported_by(transfer: Transfer, day: date) -> bool:
    return any(is_support(e.stage) and e.date.certainly_by(day) for e in transfer.history)


def _stage_as_of(transfer: Transfer, day: date) -> str | None:
    entry = transfer.as_of(day)
    return entry.stage if entry else None


class _Scope:
    """The transfers and engagements that count for one owner (or for everyone: owner None)."""

    def __init__(
        self,
        registry: Registry,
        owner: str | None,
        transfers: list[Transfer],
        engagements: list[Engagement],
    ) -> None:
        self.registry = registry
        self.owner = owner
        self.transfers = transfers
        self.engagements = engagements

    @classmethod
    def of(cls, registry: Registry, owners: Iterable[str | None]) -> dict[str | None, _Scope]:
        """The scope of each owner, sorting the registry's transfers and engagements once."""
        scopes = {owner: cls(registry, owner, [], []) for owner in owners}
        everyone = scopes.get(None)
        for transfer in registry.transfers():
            project = registry.projects.get(transfer.project)
            if everyone is not None:
                everyone.transfers.append(transfer)
            if project and project.owner in scopes:
                scopes[project.owner].transfers.append(transfer)
        for engagement in registry.engagements():
            if everyone is not None:
                everyone.engagements.append(engagement)
            if engagement.host in scopes:
                scopes[engagement.host].engagements.append(engagement)
        return scopes

    def projects(self) -> list[Project]:
        return [p for p in self.registry.projects.values() if self.owner in (None, p.owner)]

    def supported(self, day: date) -> list[Transfer]:
        return [t for t in self.transfers if _supported_by(t, day)]

    def tallies(self, day: date) -> _Tallies:
        municipalities = self.registry.municipalities
        engagements = [e for e in self.engagements if e.date.certainly_by(day)]
        staged = [(t, _stage_as_of(t, day)) for t in self.transfers]
        supported = self.supported(day)
        hosted = {e.municipality for e in engagements if e.kind == "study-visit"} | {
            t.municipality for t in self.transfers if t.reached("study-visit", day)
        }
        stage_counts = Counter(stage for _, stage in staged if stage)
        return _Tallies(
            hosted=Tally.of(hosted, municipalities),
            in_talks=Tally.of(
                (t.municipality for t, s in staged if s == "inquiry"), municipalities
            ),
            supported=Tally.of((t.municipality for t in supported), municipalities),
            launched=Tally.of(
                (t.municipality for t, s in staged if s == "launched"), municipalities
            ),
            projects_transferred=len({t.project for t in supported}),
            transfers_by_stage={stage: stage_counts[stage] for stage in STAGES.values},
            visitors=Visitors(
                sum(e.participants or 0 for e in engagements),
                sum(1 for e in engagements if e.participants is None),
            ),
        )


def compute_report(registry: Registry, as_of: date, owner: str | None = None) -> Report:
    """The report as of `as_of`; raises UsageError (exit 2) for an unknown owner."""
    owner_record = lookup.get("municipality", registry.municipalities, owner) if owner else None
    scope = _Scope.of(registry, [owner])[owner]
    tallies = scope.tallies(as_of)
    supported = scope.supported(as_of)
    catalogue = [
        p for p in scope.projects() if p.launched is None or not p.launched.certainly_after(as_of)
    ]
    return Report(
        as_of=as_of,
        owner=owner,
        owner_name=owner_record.name if owner_record else None,
        hosted=tallies.hosted,
        in_talks=tallies.in_talks,
        supported=tallies.supported,
        launched=tallies.launched,
        projects_transferred=tallies.projects_transferred,
        transfers_by_stage=tallies.transfers_by_stage,
        visitors=tallies.visitors,
        most_adopted_projects=_most_adopted(registry, supported, as_of),
        adopters_by_province=_adopters_by_province(registry, supported),
        projects_by_theme=_ranked(Counter(t for p in catalogue for t in set(p.themes)), THEMES),
        projects_by_target_group=_ranked(
            Counter(g for p in catalogue for g in set(p.target_groups)), TARGET_GROUPS
        ),
        partners_by_type=_partners_by_type(catalogue),
        reported=_figure_checks(registry, owner, as_of),
    )


def _most_adopted(
    registry: Registry, supported: list[Transfer], day: date
) -> tuple[AdoptedProject, ...]:
    adopters = Counter(t.project for t in supported)
    launched = Counter(t.project for t in supported if _stage_as_of(t, day) == "launched")
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


def _ranked(counts: Counter[str], vocabulary: Vocabulary) -> dict[str, int]:
    """Most frequent first; ties in the vocabulary's order (unknown values last)."""
    order = {value: i for i, value in enumerate(vocabulary.values)}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], order.get(item[0], len(order))))
    return dict(ranked)


def _partners_by_type(projects: list[Project]) -> dict[str, int]:
    folded: dict[str, str] = {}  # the same partners recur across projects: fold each name once
    partners: set[tuple[str, str]] = set()
    for project in projects:
        for partner in project.partners:
            if partner.name not in folded:
                folded[partner.name] = fold(partner.name)
            partners.add((partner.type, folded[partner.name]))
    counts = Counter(kind for kind, _ in partners)
    return {kind: counts[kind] for kind in PARTNER_TYPES.values}


def _figure_order(figure: ReportedFigure) -> tuple[object, ...]:
    kind = figure.municipality_kind
    return (
        figure.date.sort_key(),
        METRICS.index(figure.metric),
        -1 if kind is None else KINDS.index(kind) if kind in KINDS else len(KINDS),
        figure.owner,
    )


def _figure_checks(registry: Registry, owner: str | None, day: date) -> tuple[FigureCheck, ...]:
    figures = sorted(
        (
            f
            for f in registry.reported_figures()
            if owner in (None, f.owner)
            and f.date.certainly_by(day)
            and f.metric in METRICS.values
            and f.qualifier in QUALIFIERS.values
        ),
        key=_figure_order,
    )
    scopes = _Scope.of(registry, {f.owner for f in figures})
    tallies: dict[tuple[str, date], _Tallies] = {}
    checks = []
    for figure in figures:
        published = figure.date.latest
        assert published is not None  # certainly published by the report's day
        key = (figure.owner, published)
        if key not in tallies:
            tallies[key] = scopes[figure.owner].tallies(published)
        checks.append(
            FigureCheck(
                owner=figure.owner,
                date=figure.date.text,
                metric=figure.metric,
                municipality_kind=figure.municipality_kind,
                value=figure.value,
                qualifier=figure.qualifier,
                recorded=tallies[key].recorded(figure.metric, figure.municipality_kind),
                source=figure.source,
            )
        )
    return tuple(checks)
