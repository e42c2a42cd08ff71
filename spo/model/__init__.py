"""The registry as typed records: what list, show, search and report work on. In, data that
passed the schema; out, `Project`, `Municipality` and the values they hold.

Records are built by `spo.model.building` from data that passed the schema, and each
can give its data back in the layout of the YAML files (`to_data`), for JSON, YAML and CSV
output. No record keeps the raw dictionary it was read from. `spo.model.completeness` says
which shortfall a completeness statement makes a contradiction. Built on `spo.rules` and
`spo.places` only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from spo.places.provinces import Province
from spo.rules.dates import FuzzyDate, parse_date_or_none

Data = dict[str, Any]


def without_empty(values: Data, *, nested: bool = False) -> Data:
    """The fields that have a value, in the order given: None, [] and {} are no value. With
    `nested`, a mapping's own fields are kept the same way first (one left empty is dropped)."""
    out: Data = {}
    for key, value in values.items():
        if nested and isinstance(value, dict):
            value = without_empty(value, nested=True)
        if value is not None and value != [] and value != {}:
            out[key] = value
    return out


def _data(**values: Any) -> Data:
    """The fields that have a value, in the order given (the schema's order)."""
    return without_empty(values)


def _plain(value: Any) -> Any:
    """A value as the files write it: dates as their text, records as their data."""
    if isinstance(value, FuzzyDate):
        return value.text
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    to_data = getattr(value, "to_data", None)
    return to_data() if to_data else value


def _fields_data(record: Any, *, leave_out: tuple[str, ...] = ()) -> Data:
    """A record whose fields are named and ordered as its YAML keys, as data."""
    return _data(
        **{
            f.name: _plain(getattr(record, f.name))
            for f in fields(record)
            if f.name not in leave_out
        }
    )


@dataclass(frozen=True)
class Source:
    publisher: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    archived: str | None = None  # the stored copy: a file name or an archive address
    note: str | None = None

    @classmethod
    def of(cls, value: Any) -> Source | None:
        if isinstance(value, str):
            return cls(url=value)
        if isinstance(value, dict):
            return cls(**{name: value.get(name) for name in _SOURCE_FIELDS})
        return None

    def to_data(self) -> str | Data:
        """As the files write it: a bare address, or its fields."""
        data = _fields_data(self)
        return self.url if list(data) == ["url"] and self.url else data


_SOURCE_FIELDS = tuple(f.name for f in fields(Source))


def known_by(source: Source | None, day: date) -> bool:
    """Whether a fact resting on `source` is known by `day`: its source is certainly dated by
    then. A fact with no source of its own, or an undated one, is known with its record."""
    dated = parse_date_or_none(source.date) if source and source.date else None
    return dated is None or dated.certainly_by(day)


@dataclass(frozen=True)
class StageEntry:
    stage: str
    date: FuzzyDate
    note: str | None = None
    source: Source | None = None

    def to_data(self) -> Data:
        return _fields_data(self)


@dataclass(frozen=True)
class Transfer:
    project: str
    municipality: str  # the adopting municipality, whose file holds the transfer
    history: tuple[StageEntry, ...]
    note: str | None = None

    @property
    def current(self) -> StageEntry:
        """A transfer's current stage is its latest entry."""
        return self.history[-1]

    @property
    def current_stage(self) -> str:
        return self.current.stage

    def as_of(self, day: date) -> StageEntry | None:
        """The latest entry that had certainly happened by `day`; None if none had."""
        reached = [e for e in self.history if e.date.certainly_by(day)]
        return reached[-1] if reached else None

    def reached(self, stage: str, day: date | None = None) -> bool:
        return any(
            e.stage == stage and (day is None or e.date.certainly_by(day)) for e in self.history
        )

    def to_data(self) -> Data:
        return _fields_data(self, leave_out=("municipality",))


@dataclass(frozen=True)
class Engagement:
    municipality: str  # the visiting / engaged municipality
    kind: str
    host: str
    date: FuzzyDate
    participants: int | None = None
    note: str | None = None
    source: Source | None = None

    def to_data(self) -> Data:
        return _fields_data(self, leave_out=("municipality",))


@dataclass(frozen=True)
class ReportedFigure:
    owner: str  # the municipality that published it
    date: FuzzyDate
    metric: str
    value: int
    qualifier: str
    municipality_kind: str | None = None
    note: str | None = None
    source: Source | None = None

    def to_data(self) -> Data:
        return _fields_data(self, leave_out=("owner",))


@dataclass(frozen=True)
class Completeness:
    """A publisher's statement that the registry holds every record of a kind over a period:
    from `start` (None: from the beginning) to `to` (`spo.model.completeness`)."""

    owner: str  # the municipality whose records (as publisher or host) are complete
    records: str  # a COMPLETE_RECORDS value
    to: FuzzyDate
    start: FuzzyDate | None = None  # the file's `from`
    source: Source | None = None
    note: str | None = None

    def to_data(self) -> Data:
        return _data(
            records=self.records,
            **{"from": self.start.text if self.start else None},
            to=self.to.text,
            source=self.source.to_data() if self.source else None,
            note=self.note,
        )


@dataclass(frozen=True)
class Contact:
    name: str
    role: str
    email: str | None = None
    phone: str | None = None
    source: Source | None = None

    def to_data(self) -> Data:
        return _fields_data(self)


@dataclass(frozen=True)
class Office:
    """The office a municipality runs to design and pass on its social services."""

    name: str
    opened: FuzzyDate | None = None
    opened_note: str | None = None
    neighbourhood: str | None = None
    district: str | None = None
    head: Contact | None = None
    framework: tuple[str, ...] = ()
    framework_source: Source | None = None  # the first source to give the framework
    sources: tuple[Source, ...] = ()

    def to_data(self) -> Data:
        return _fields_data(self)


@dataclass(frozen=True)
class Municipality:
    id: str
    name: str
    kind: str
    province_given: int | str  # as the file writes it: a plate code or a name
    province: Province | None  # None: not one of the 81 (`spo validate` says so)
    district: str | None
    website: str | None
    office: Office | None
    contacts: tuple[Contact, ...]
    engagements: tuple[Engagement, ...]
    transfers: tuple[Transfer, ...]
    reported_figures: tuple[ReportedFigure, ...]
    notes: str | None
    sources: tuple[Source, ...]
    path: Path
    completeness: tuple[Completeness, ...] = ()  # what its records are declared complete for

    @property
    def province_name(self) -> str:
        return self.province.name if self.province else str(self.province_given)

    def to_data(self) -> Data:
        return _data(
            id=self.id,
            name=self.name,
            kind=self.kind,
            province=self.province_given,
            district=self.district,
            website=self.website,
            office=self.office.to_data() if self.office else None,
            contacts=[c.to_data() for c in self.contacts],
            engagements=[e.to_data() for e in self.engagements],
            transfers=[t.to_data() for t in self.transfers],
            reported_figures=[f.to_data() for f in self.reported_figures],
            completeness=[c.to_data() for c in self.completeness],
            notes=self.notes,
            sources=[s.to_data() for s in self.sources],
        )


@dataclass(frozen=True)
class Partner:
    name: str
    type: str | None  # None where no source says what kind of body it is
    role: str
    municipality: str | None = None  # the registry's id, when the partner is one of its records
    note: str | None = None
    source: Source | None = None

    def to_data(self) -> Data:
        return _fields_data(self)


REQUIREMENTS = ("staff", "space", "budget", "partners")


@dataclass(frozen=True)
class Project:
    id: str
    name_tr: str
    name_en: str | None
    owner: str
    summary_tr: str
    summary_en: str | None
    status: str
    status_as_of: FuzzyDate | None
    status_source: Source | None
    launched: FuzzyDate | None
    themes: tuple[str, ...]
    inferred_themes: tuple[str, ...]
    target_groups: tuple[str, ...]
    service_model: str | None
    partners: tuple[Partner, ...]
    tags: tuple[str, ...]
    requirements: tuple[tuple[str, str], ...]  # (what, text), in REQUIREMENTS order
    website: str | None
    notes: str | None
    sources: tuple[Source, ...]
    path: Path
    # The source that first gives a group of fields (`spo.rules.vocabulary.FIELD_GROUPS`), where it
    # is later than the project: (group, source), in FIELD_GROUPS order.
    field_sources: tuple[tuple[str, Source], ...] = ()

    def source_of(self, group: str) -> Source | None:
        """The source that first gives a group of fields; None: the project's own sources."""
        return dict(self.field_sources).get(group)

    def to_data(self) -> Data:
        return _data(
            id=self.id,
            name=_data(tr=self.name_tr, en=self.name_en),
            owner=self.owner,
            summary=_data(tr=self.summary_tr, en=self.summary_en),
            status=self.status,
            status_as_of=self.status_as_of.text if self.status_as_of else None,
            status_source=self.status_source.to_data() if self.status_source else None,
            launched=self.launched.text if self.launched else None,
            themes=list(self.themes),
            inferred_themes=list(self.inferred_themes),
            target_groups=list(self.target_groups),
            service_model=self.service_model,
            field_sources={group: source.to_data() for group, source in self.field_sources},
            partners=[p.to_data() for p in self.partners],
            tags=list(self.tags),
            requirements=dict(self.requirements),
            website=self.website,
            notes=self.notes,
            sources=[s.to_data() for s in self.sources],
        )


@dataclass(frozen=True)
class Registry:
    root: Path
    projects: dict[str, Project]
    municipalities: dict[str, Municipality]
    skipped: tuple[Path, ...] = ()

    def transfers(self) -> Iterator[Transfer]:
        for municipality in self.municipalities.values():
            yield from municipality.transfers

    def engagements(self) -> Iterator[Engagement]:
        for municipality in self.municipalities.values():
            yield from municipality.engagements

    def reported_figures(self) -> Iterator[ReportedFigure]:
        for municipality in self.municipalities.values():
            yield from municipality.reported_figures
