"""Where the report's municipalities are and when things happened, for a map and charts.

`relations` gives every municipality of the registry its closest relation to the office(s) in
scope as of a day, by the report's own sets (`spo.report.scope.Tallies`): launched, supported,
in talks, hosted, or none. A municipality in several sets takes the furthest along, in that
order. `timeline` counts, per year, the study visits held and the transfer stages reached in
scope, each dated by the year it had certainly happened by (its latest possible day).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from spo.model import Registry
from spo.report.scope import Scope, Tallies
from spo.rules.vocabulary import STAGES

# The relations, furthest along first; "none" is a municipality the report does not count.
RELATIONS = ("launched", "supported", "in_talks", "hosted")
NO_RELATION = "none"


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    kind: str
    plate: int | None  # None: not one of the 81 provinces (not on the map)
    relation: str  # one of RELATIONS or NO_RELATION


@dataclass(frozen=True)
class Year:
    year: int
    visits: int  # study visits held that year
    stages: dict[str, int]  # transfer history entries reached that year, every stage


def furthest(relations: Iterable[str]) -> str:
    """The furthest along of some relations, in `RELATIONS`' order; `NO_RELATION` for none."""
    given = set(relations)
    return next((r for r in RELATIONS if r in given), NO_RELATION)


def _tallies(registry: Registry, day: date, owner: str | None) -> Tallies:
    return Scope.of(registry, [owner])[owner].tallies(day)


def relations(registry: Registry, day: date, owner: str | None = None) -> tuple[Place, ...]:
    """Every municipality of the registry with its relation as of `day`, in id order."""
    tallies = _tallies(registry, day, owner)
    sets = {
        "launched": {t.municipality for t in tallies.launched_transfers},
        "supported": {t.municipality for t in tallies.supported_transfers},
        "in_talks": {t.municipality for t in tallies.in_talks_transfers},
        "hosted": {e.municipality for e in tallies.visits}
        | {t.municipality for t in tallies.visited_in_transfer},
    }
    places = []
    for municipality_id in sorted(registry.municipalities):
        municipality = registry.municipalities[municipality_id]
        relation = furthest([r for r, ids in sets.items() if municipality_id in ids])
        plate = municipality.province.plate if municipality.province else None
        places.append(Place(municipality_id, municipality.name, municipality.kind, plate, relation))
    return tuple(places)


def timeline(registry: Registry, day: date, owner: str | None = None) -> tuple[Year, ...]:
    """Study visits and stages reached per year, from the first year with either to the last."""
    tallies = _tallies(registry, day, owner)
    visits = Counter(e.date.latest.year for e in tallies.visits if e.date.latest)
    stages: Counter[tuple[int, str]] = Counter()
    for transfer in tallies.transfers:
        for entry in transfer.history:
            if entry.date.certainly_by(day) and entry.date.latest:
                stages[(entry.date.latest.year, entry.stage)] += 1
    years = set(visits) | {year for year, _ in stages}
    if not years:
        return ()
    return tuple(
        Year(year, visits[year], {s: stages[(year, s)] for s in STAGES.values})
        for year in range(min(years), max(years) + 1)
    )
