"""Which records a list command selects, and in which order.

Pure functions over `spo.model` values. A filter holds what the user asked for, already resolved to
vocabulary values and ids (`vocabulary_values`, `province_plates`, `date_range` turn the user's
words into those, or raise a UsageError with a message code); an empty set means "no condition".
Several values for one filter mean "any of them"; different filters must all hold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, TypeVar

from spo.model import Municipality, Project, Registry, Transfer
from spo.places.provinces import all_provinces, find_province
from spo.rules import lookup
from spo.rules.dates import DateError, FuzzyDate, parse_date
from spo.rules.errors import UsageError
from spo.rules.turkish import SortKey, fold, sort_key
from spo.rules.typed_dates import typed_date
from spo.rules.vocabulary import Vocabulary

SortBy = Literal["name", "date"]
T = TypeVar("T")
NO_DATE = (date.max, date.max)  # undated records sort after dated ones
# Which of a project's names to sort by: the one the reader sees (Turkish unless told).
NameOf = Callable[[Project], str]


def turkish_name(project: Project) -> str:
    return project.name_tr


# --- turning the user's words into values -------------------------------------------------------


def vocabulary_values(vocab: Vocabulary, given: Iterable[str]) -> frozenset[str]:
    """Each given value as a vocabulary value; a label in either language, a prefix or a typo is
    accepted too (`--theme sağlık`, `--theme Health`, `--theme hijyen`:
    `spo.rules.lookup.value`)."""
    return frozenset(lookup.value(vocab, text) for text in given)


def known_ids(kind: str, records: dict[str, Any], given: Iterable[str]) -> frozenset[str]:
    """The given ids, each checked to exist (an unknown one suggests the closest)."""
    for record_id in given:
        lookup.get(kind, records, record_id)
    return frozenset(given)


def province_plates(given: Iterable[str]) -> frozenset[int]:
    """Provinces by name or plate code (`mersin`, `33`), as plate codes."""
    plates: set[int] = set()
    for text in given:
        province = find_province(text)
        if province is None:
            names = {fold(p.name): p.name for p in all_provinces()}
            close = lookup.closest(fold(text), names)
            raise UsageError.of(
                "lookup.unknown-province", value=text, suggestion=names[close] if close else None
            )
        plates.add(province.plate)
    return frozenset(plates)


@dataclass(frozen=True)
class DateRange:
    """From the first day of `since` to the last day of `until`, both optional."""

    since: date | None = None
    until: date | None = None

    def holds(self, when: FuzzyDate) -> bool:
        """True when `when` certainly lies in the range: an imprecise date that may fall outside
        it is left out, as reports do, rather than guessed in."""
        if self.since is not None and (when.earliest is None or when.earliest < self.since):
            return False
        return self.until is None or when.certainly_by(self.until)

    @property
    def unbounded(self) -> bool:
        return self.since is None and self.until is None


def date_range(since: str | None, until: str | None) -> DateRange:
    """`--since 2025-03 --until 2025` means 1 March 2025 to 31 December 2025."""
    start = _option_date("--since", since)
    end = _option_date("--until", until)
    if start is not None and start.earliest is None:
        raise UsageError.of("usage.since-without-start", date=since)
    if end is not None and end.latest is None:
        raise UsageError.of("usage.until-without-end", date=until)
    result = DateRange(start.earliest if start else None, end.latest if end else None)
    if result.since and result.until and result.until < result.since:
        raise UsageError.of("usage.until-before-since", until=until, since=since)
    return result


def _option_date(option: str, text: str | None) -> FuzzyDate | None:
    """A date as people type it (`05.12.2026`, `Aralık 2026`) or in the registry's own form."""
    try:
        return parse_date(typed_date(text)) if text else None
    except DateError as exc:
        raise UsageError.of("usage.bad-option", option=option, problem=exc.message) from None


# --- filters ------------------------------------------------------------------------------------


def _any(wanted: frozenset[Any], have: Iterable[Any]) -> bool:
    return not wanted or any(value in wanted for value in have)


@dataclass(frozen=True)
class ProjectFilter:
    owners: frozenset[str] = frozenset()
    themes: frozenset[str] = frozenset()
    target_groups: frozenset[str] = frozenset()
    service_models: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    adopted_by: frozenset[str] = frozenset()  # municipalities with a transfer of it, any stage

    def holds(self, project: Project, adopters: set[str]) -> bool:
        return (
            _any(self.owners, [project.owner])
            and _any(self.themes, project.themes)
            and _any(self.target_groups, project.target_groups)
            and _any(self.service_models, [project.service_model])
            and _any(self.statuses, [project.status])
            and _any(self.adopted_by, adopters)
        )


@dataclass(frozen=True)
class MunicipalityFilter:
    kinds: frozenset[str] = frozenset()
    provinces: frozenset[int] = frozenset()  # plate codes
    has_engagements: bool | None = None
    has_transfers: bool | None = None
    stages: frozenset[str] = frozenset()  # has a transfer whose current stage is one of these

    def holds(self, municipality: Municipality) -> bool:
        plate = municipality.province.plate if municipality.province else None
        return (
            _any(self.kinds, [municipality.kind])
            and _any(self.provinces, [plate])
            and _flag(self.has_engagements, bool(municipality.engagements))
            and _flag(self.has_transfers, bool(municipality.transfers))
            and _any(self.stages, (t.current_stage for t in municipality.transfers))
        )


def _flag(wanted: bool | None, have: bool) -> bool:
    return wanted is None or wanted == have


@dataclass(frozen=True)
class TransferFilter:
    projects: frozenset[str] = frozenset()
    municipalities: frozenset[str] = frozenset()  # the adopting municipality
    stages: frozenset[str] = frozenset()  # current stage
    mentors: frozenset[str] = frozenset()  # owner of the project: the mentoring municipality
    dates: DateRange = DateRange()  # of the current stage

    def holds(self, transfer: Transfer, mentor: str | None) -> bool:
        return (
            _any(self.projects, [transfer.project])
            and _any(self.municipalities, [transfer.municipality])
            and _any(self.stages, [transfer.current_stage])
            and _any(self.mentors, [mentor])
            and self.dates.holds(transfer.current.date)
        )


def adopters(registry: Registry) -> dict[str, set[str]]:
    """Project id -> the municipalities that have a transfer of it."""
    found: dict[str, set[str]] = {}
    for transfer in registry.transfers():
        found.setdefault(transfer.project, set()).add(transfer.municipality)
    return found


def mentor_of(registry: Registry, transfer: Transfer) -> str | None:
    project = registry.projects.get(transfer.project)
    return project.owner if project else None


# --- selecting and sorting ----------------------------------------------------------------------


def latest_activity(municipality: Municipality) -> FuzzyDate | None:
    """The latest date among a municipality's engagements and transfer stages."""
    dates = [e.date for e in municipality.engagements]
    dates += [entry.date for t in municipality.transfers for entry in t.history]
    return max(dates, key=FuzzyDate.sort_key, default=None)


def _date_key(when: FuzzyDate | None) -> tuple[date, date]:
    return when.sort_key() if when else NO_DATE


def projects(
    registry: Registry, wanted: ProjectFilter, sort: SortBy = "name", name_of: NameOf = turkish_name
) -> list[Project]:
    adopted = adopters(registry) if wanted.adopted_by else {}
    chosen = [p for p in registry.projects.values() if wanted.holds(p, adopted.get(p.id, set()))]
    return _sorted(
        chosen,
        name=lambda p: sort_key(name_of(p)),
        when=lambda p: p.launched,
        sort=sort,
    )


def municipalities(
    registry: Registry, wanted: MunicipalityFilter, sort: SortBy = "name"
) -> list[Municipality]:
    chosen = [m for m in registry.municipalities.values() if wanted.holds(m)]
    return _sorted(chosen, name=lambda m: sort_key(m.name), when=latest_activity, sort=sort)


def transfers(
    registry: Registry,
    wanted: TransferFilter,
    sort: SortBy = "name",
    name_of: NameOf = turkish_name,
) -> list[Transfer]:
    chosen = [t for t in registry.transfers() if wanted.holds(t, mentor_of(registry, t))]

    def names(transfer: Transfer) -> tuple[SortKey, SortKey]:
        project = registry.projects.get(transfer.project)
        return (
            sort_key(municipality_name(registry, transfer.municipality)),
            sort_key(name_of(project) if project else transfer.project),
        )

    return _sorted(chosen, name=names, when=lambda t: t.current.date, sort=sort)


def _sorted(
    records: Sequence[T],
    *,
    name: Callable[[T], Any],
    when: Callable[[T], FuzzyDate | None],
    sort: SortBy,
) -> list[T]:
    """By name in Turkish alphabetical order; or by date, oldest first, undated last, ties by
    name."""
    if sort == "date":
        return sorted(records, key=lambda r: (_date_key(when(r)), name(r)))
    return sorted(records, key=name)


def municipality_name(registry: Registry, municipality_id: str) -> str:
    """A municipality's name; its id when the registry does not hold it."""
    found = registry.municipalities.get(municipality_id)
    return found.name if found else municipality_id


def transfers_of(registry: Registry, project_id: str) -> list[Transfer]:
    """Every transfer of one project, by the adopting municipality's name."""
    return transfers(registry, TransferFilter(projects=frozenset([project_id])), "name")


def owned_projects(
    registry: Registry, municipality_id: str, name_of: NameOf = turkish_name
) -> list[Project]:
    return projects(registry, ProjectFilter(owners=frozenset([municipality_id])), "name", name_of)
