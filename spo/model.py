"""The registry as typed records: what list, show, search and report work on.

Records are built from the data the loader read. A file that cannot be read or does not have the
shape of its record is left out of the model and named in `Registry.skipped`, so read commands
still work on the rest and can say what they skipped (`spo validate` says why).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from spo.dates import FuzzyDate, parse_date
from spo.provinces import Province, find_province


@dataclass(frozen=True)
class Source:
    publisher: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    note: str | None = None

    @classmethod
    def of(cls, value: Any) -> Source | None:
        if isinstance(value, str):
            return cls(url=value)
        if isinstance(value, dict):
            return cls(**{k: value.get(k) for k in ("publisher", "title", "date", "url", "note")})
        return None

    def cite(self) -> str:
        parts = [p for p in (self.publisher, self.title, self.date) if p]
        text = ", ".join(parts)
        return f"{text} <{self.url}>" if text and self.url else text or self.url or ""


@dataclass(frozen=True)
class StageEntry:
    stage: str
    date: FuzzyDate
    note: str | None = None
    source: Source | None = None


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


@dataclass(frozen=True)
class Engagement:
    municipality: str  # the visiting / engaged municipality
    kind: str
    host: str
    date: FuzzyDate
    participants: int | None = None
    note: str | None = None
    source: Source | None = None


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


@dataclass(frozen=True)
class Contact:
    name: str
    role: str
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Municipality:
    id: str
    name: str
    kind: str
    province: Province | None
    district: str | None
    website: str | None
    contacts: tuple[Contact, ...]
    engagements: tuple[Engagement, ...]
    transfers: tuple[Transfer, ...]
    reported_figures: tuple[ReportedFigure, ...]
    notes: str | None
    sources: tuple[Source, ...]
    path: Path
    data: dict[str, Any] = field(repr=False, compare=False)


@dataclass(frozen=True)
class Partner:
    name: str
    type: str
    note: str | None = None


@dataclass(frozen=True)
class Project:
    id: str
    name_tr: str
    name_en: str | None
    owner: str
    summary_tr: str
    summary_en: str | None
    status: str
    launched: FuzzyDate | None
    themes: tuple[str, ...]
    target_groups: tuple[str, ...]
    service_model: str | None
    partners: tuple[Partner, ...]
    tags: tuple[str, ...]
    requirements: dict[str, str]
    website: str | None
    notes: str | None
    sources: tuple[Source, ...]
    path: Path
    data: dict[str, Any] = field(repr=False, compare=False)

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_tr


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


def _sources(data: dict[str, Any]) -> tuple[Source, ...]:
    return tuple(s for s in map(Source.of, data.get("sources") or []) if s)


def _transfer(municipality_id: str, data: dict[str, Any]) -> Transfer:
    history = tuple(
        StageEntry(e["stage"], parse_date(e["date"]), e.get("note"), Source.of(e.get("source")))
        for e in data["history"]
    )
    if not history:
        raise ValueError("a transfer needs at least one stage")
    return Transfer(data["project"], municipality_id, history, data.get("note"))


def municipality_from(record_id: str, path: Path, data: dict[str, Any]) -> Municipality:
    """Build a Municipality; raises KeyError, TypeError or ValueError on a malformed record."""
    province_value = data["province"]
    return Municipality(
        id=record_id,
        name=str(data["name"]),
        kind=data["kind"],
        province=find_province(province_value),
        district=data.get("district"),
        website=data.get("website"),
        contacts=tuple(
            Contact(c["name"], c["role"], c.get("email"), c.get("phone"))
            for c in data.get("contacts") or []
        ),
        engagements=tuple(
            Engagement(
                record_id,
                e["kind"],
                e["host"],
                parse_date(e["date"]),
                e.get("participants"),
                e.get("note"),
                Source.of(e.get("source")),
            )
            for e in data.get("engagements") or []
        ),
        transfers=tuple(_transfer(record_id, t) for t in data.get("transfers") or []),
        reported_figures=tuple(
            ReportedFigure(
                record_id,
                parse_date(f["date"]),
                f["metric"],
                int(f["value"]),
                f["qualifier"],
                f.get("municipality_kind"),
                f.get("note"),
                Source.of(f.get("source")),
            )
            for f in data.get("reported_figures") or []
        ),
        notes=data.get("notes"),
        sources=_sources(data),
        path=path,
        data=data,
    )


def project_from(record_id: str, path: Path, data: dict[str, Any]) -> Project:
    """Build a Project; raises KeyError, TypeError or ValueError on a malformed record."""
    name, summary = data["name"], data["summary"]
    launched = data.get("launched")
    return Project(
        id=record_id,
        name_tr=name["tr"],
        name_en=name.get("en"),
        owner=data["owner"],
        summary_tr=summary["tr"],
        summary_en=summary.get("en"),
        status=data["status"],
        launched=parse_date(launched) if launched else None,
        themes=tuple(data.get("themes") or ()),
        target_groups=tuple(data.get("target_groups") or ()),
        service_model=data.get("service_model"),
        partners=tuple(
            Partner(p["name"], p["type"], p.get("note")) for p in data.get("partners") or []
        ),
        tags=tuple(data.get("tags") or ()),
        requirements=dict(data.get("requirements") or {}),
        website=data.get("website"),
        notes=data.get("notes"),
        sources=_sources(data),
        path=path,
        data=data,
    )
