"""What counts for one owner (or for everyone) as of one day: the municipality tallies, and for
each published metric the value the registry records and the records it rests on.

A value rests on records (`Measure.backing`): the engagements and transfers that make a
municipality hosted, in talks or supported, the supported transfers behind a project count, the
engagements whose participants were counted. A value can only be set against a published figure
when the registry records events of its kind at all (`Measure.family`): study visits for
"hosted", transfers for the transfer figures, counted engagements for "visitors". With none, the
figure is unbacked, not contradicted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from spo.model import Engagement, Municipality, Registry, Source, StageEntry, Transfer
from spo.rules.stages import is_support
from spo.rules.vocabulary import MUNICIPALITY_KINDS, STAGES

KINDS = tuple(MUNICIPALITY_KINDS.values)


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
    counted: int = 0  # engagements that give a participant count: none, and there is no sum


@dataclass(frozen=True)
class Measure:
    """The registry's value of a metric, the records it rests on, and how many records of the
    metric's kind the registry holds at all (none: nothing could back a published figure)."""

    value: int
    backing: int
    family: int
    without_count: int = 0  # visitors: engagements held whose participants were not counted
    # The source of each record the value rests on (None where the record cites none): whether
    # a figure is confirmed by other documents or only echoed by its own.
    sources: tuple[Source | None, ...] = ()


def supported_by(transfer: Transfer, day: date) -> bool:
    return any(is_support(e.stage) and e.date.certainly_by(day) for e in transfer.history)


def _first(transfer: Transfer, day: date, counts: Callable[[StageEntry], bool]) -> Source | None:
    """The source of the first entry, certainly by `day`, that makes a transfer count."""
    for entry in transfer.history:
        if counts(entry) and entry.date.certainly_by(day):
            return entry.source
    return None


def stage_as_of(transfer: Transfer, day: date) -> str | None:
    entry = transfer.as_of(day)
    return entry.stage if entry else None


def started_by(transfer: Transfer, day: date) -> bool:
    return transfer.as_of(day) is not None


@dataclass(frozen=True)
class Tallies:
    """The counts of one scope on one day."""

    registry: Registry
    day: date
    engagements: list[Engagement]  # certainly held by the day
    transfers: list[Transfer]  # with an entry certainly by the day

    @property
    def municipalities(self) -> Mapping[str, Municipality]:
        return self.registry.municipalities

    @cached_property
    def visits(self) -> list[Engagement]:
        return [e for e in self.engagements if e.kind == "study-visit"]

    @cached_property
    def visited_in_transfer(self) -> list[Transfer]:
        return [t for t in self.transfers if t.reached("study-visit", self.day)]

    @cached_property
    def in_talks_transfers(self) -> list[Transfer]:
        return [t for t in self.transfers if stage_as_of(t, self.day) == "inquiry"]

    @cached_property
    def supported_transfers(self) -> list[Transfer]:
        return [t for t in self.transfers if supported_by(t, self.day)]

    @cached_property
    def launched_transfers(self) -> list[Transfer]:
        return [t for t in self.transfers if stage_as_of(t, self.day) == "launched"]

    @property
    def hosted(self) -> Tally:
        ids = [e.municipality for e in self.visits]
        ids += [t.municipality for t in self.visited_in_transfer]
        return Tally.of(ids, self.municipalities)

    @property
    def in_talks(self) -> Tally:
        return Tally.of((t.municipality for t in self.in_talks_transfers), self.municipalities)

    @property
    def supported(self) -> Tally:
        return Tally.of((t.municipality for t in self.supported_transfers), self.municipalities)

    @property
    def launched(self) -> Tally:
        return Tally.of((t.municipality for t in self.launched_transfers), self.municipalities)

    @property
    def projects_transferred(self) -> int:
        return len({t.project for t in self.supported_transfers})

    @property
    def transfers_by_stage(self) -> dict[str, int]:
        counts = Counter(stage_as_of(t, self.day) for t in self.transfers)
        return {stage: counts[stage] for stage in STAGES.values}

    @property
    def visitors(self) -> Visitors:
        return Visitors(
            sum(e.participants or 0 for e in self.engagements),
            sum(1 for e in self.engagements if e.participants is None),
            sum(1 for e in self.engagements if e.participants is not None),
        )

    def measure(self, metric: str, kind: str | None = None) -> Measure:
        """The registry's value of a published metric, for municipalities of `kind` (or all)."""

        def of_kind(municipality_id: str) -> bool:
            found = self.municipalities.get(municipality_id)
            return kind is None or (found is not None and found.kind == kind)

        day = self.day
        if metric == "visitors":
            counted = [e for e in self.engagements if e.participants is not None]
            total = sum(e.participants or 0 for e in counted)
            without = len(self.engagements) - len(counted)
            sources = tuple(e.source for e in counted)
            return Measure(total, len(counted), len(counted), without, sources)
        if metric == "municipalities-hosted":
            visits = [(e.municipality, e.source) for e in self.visits]
            visits += [
                (t.municipality, _first(t, day, lambda e: e.stage == "study-visit"))
                for t in self.visited_in_transfer
            ]
            backing = [(m, source) for m, source in visits if of_kind(m)]
            value = len({m for m, _ in backing})
            return Measure(value, len(backing), len(visits), 0, tuple(s for _, s in backing))
        if metric not in TRANSFER_METRICS:
            raise ValueError(f"unknown metric {metric!r}")
        records, counted_what = TRANSFER_METRICS[metric]
        transfers = [t for t in records(self) if of_kind(t.municipality)]
        if counted_what == "projects":
            value = len({t.project for t in transfers})
        else:
            value = len({t.municipality for t in transfers})
        if metric == "municipalities-in-talks":
            sources = tuple(entry.source if (entry := t.as_of(day)) else None for t in transfers)
        else:
            sources = tuple(_first(t, day, lambda e: is_support(e.stage)) for t in transfers)
        return Measure(value, len(transfers), len(self.transfers), 0, sources)


# The transfer figures: which transfers back them, and whether they count municipalities or
# projects. "Transferred to" and "supported" are the same set, as in the office's figures.
TRANSFER_METRICS: dict[str, tuple[Callable[[Tallies], list[Transfer]], str]] = {
    "municipalities-in-talks": (lambda t: t.in_talks_transfers, "municipalities"),
    "municipalities-supported": (lambda t: t.supported_transfers, "municipalities"),
    "municipalities-transferred-to": (lambda t: t.supported_transfers, "municipalities"),
    "projects-transferred": (lambda t: t.supported_transfers, "projects"),
    "projects-supported": (lambda t: t.supported_transfers, "projects"),
}


class Scope:
    """The transfers and engagements that count for one owner (or for everyone: owner None)."""

    def __init__(self, registry: Registry, owner: str | None) -> None:
        self.registry = registry
        self.owner = owner
        self.transfers: list[Transfer] = []
        self.engagements: list[Engagement] = []

    @classmethod
    def of(cls, registry: Registry, owners: Iterable[str | None]) -> dict[str | None, Scope]:
        """The scope of each owner, sorting the registry's transfers and engagements once."""
        scopes = {owner: cls(registry, owner) for owner in owners}
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

    def tallies(self, day: date) -> Tallies:
        return Tallies(
            self.registry,
            day,
            [e for e in self.engagements if e.date.certainly_by(day)],
            [t for t in self.transfers if started_by(t, day)],
        )
