"""Typed records from data that passed the schema (`spo.query.reading` makes sure of that): one
builder per record kind, so that `spo.model` stays the records themselves."""

from __future__ import annotations

from pathlib import Path

from spo.model import (
    REQUIREMENTS,
    Completeness,
    Contact,
    Data,
    Engagement,
    Municipality,
    Office,
    Partner,
    Project,
    ReportedFigure,
    Source,
    StageEntry,
    Transfer,
)
from spo.places.provinces import find_province
from spo.rules.dates import parse_date
from spo.rules.vocabulary import FIELD_GROUPS


def _contact(data: Data) -> Contact:
    return Contact(
        data["name"],
        data["role"],
        data.get("email"),
        data.get("phone"),
        Source.of(data.get("source")),
    )


def _office(data: Data | None) -> Office | None:
    if not data:
        return None
    opened, head = data.get("opened"), data.get("head")
    return Office(
        name=data["name"],
        opened=parse_date(opened) if opened else None,
        opened_note=data.get("opened_note"),
        neighbourhood=data.get("neighbourhood"),
        district=data.get("district"),
        head=_contact(head) if head else None,
        framework=tuple(data.get("framework") or ()),
        framework_source=Source.of(data.get("framework_source")),
        sources=_sources(data),
    )


def _sources(data: Data) -> tuple[Source, ...]:
    return tuple(s for s in map(Source.of, data.get("sources") or []) if s)


def _transfer(municipality_id: str, data: Data) -> Transfer:
    history = tuple(
        StageEntry(e["stage"], parse_date(e["date"]), e.get("note"), Source.of(e.get("source")))
        for e in data["history"]
    )
    if not history:
        raise ValueError("a transfer needs at least one stage")
    return Transfer(data["project"], municipality_id, history, data.get("note"))


def municipality_from(record_id: str, path: Path, data: Data) -> Municipality:
    """Build a Municipality from schema-valid data."""
    return Municipality(
        id=record_id,
        name=str(data["name"]),
        kind=data["kind"],
        province_given=data["province"],
        province=find_province(data["province"]),
        district=data.get("district"),
        website=data.get("website"),
        office=_office(data.get("office")),
        contacts=tuple(_contact(c) for c in data.get("contacts") or []),
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
        completeness=tuple(
            Completeness(
                record_id,
                c["records"],
                parse_date(c["to"]),
                parse_date(c["from"]) if c.get("from") else None,
                Source.of(c.get("source")),
                c.get("note"),
            )
            for c in data.get("completeness") or []
        ),
    )


def project_from(record_id: str, path: Path, data: Data) -> Project:
    """Build a Project from schema-valid data."""
    name, summary = data["name"], data["summary"]
    launched, status_as_of = data.get("launched"), data.get("status_as_of")
    requirements = data.get("requirements") or {}
    return Project(
        id=record_id,
        name_tr=name["tr"],
        name_en=name.get("en"),
        owner=data["owner"],
        summary_tr=summary["tr"],
        summary_en=summary.get("en"),
        status=data["status"],
        status_as_of=parse_date(status_as_of) if status_as_of else None,
        status_source=Source.of(data.get("status_source")),
        launched=parse_date(launched) if launched else None,
        themes=tuple(data.get("themes") or ()),
        inferred_themes=tuple(data.get("inferred_themes") or ()),
        target_groups=tuple(data.get("target_groups") or ()),
        service_model=data.get("service_model"),
        partners=tuple(
            Partner(
                p["name"],
                p.get("type"),
                p["role"],
                p.get("municipality"),
                p.get("note"),
                Source.of(p.get("source")),
            )
            for p in data.get("partners") or []
        ),
        tags=tuple(data.get("tags") or ()),
        requirements=tuple((k, requirements[k]) for k in REQUIREMENTS if requirements.get(k)),
        website=data.get("website"),
        notes=data.get("notes"),
        sources=_sources(data),
        path=path,
        field_sources=_field_sources(data.get("field_sources") or {}),
    )


def _field_sources(given: Data) -> tuple[tuple[str, Source], ...]:
    pairs = ((group, Source.of(given.get(group))) for group in FIELD_GROUPS)
    return tuple((group, source) for group, source in pairs if source)


# --- records from the index's columns only (see spo.query.reading.listing_registry)
# --------------------


def transfer_from(municipality_id: str, data: Data) -> Transfer:
    return _transfer(municipality_id, data)


def project_outline(
    record_id: str, path: Path, name_tr: str, name_en: str | None, owner: str, status: str
) -> Project:
    """A project as the lists of other records name it: its id, names, owner and status; every
    other field empty. Only for commands that show no more of it."""
    return Project(
        id=record_id,
        name_tr=name_tr,
        name_en=name_en,
        owner=owner,
        summary_tr="",
        summary_en=None,
        status=status,
        status_as_of=None,
        status_source=None,
        launched=None,
        themes=(),
        inferred_themes=(),
        target_groups=(),
        service_model=None,
        partners=(),
        tags=(),
        requirements=(),
        website=None,
        notes=None,
        sources=(),
        path=path,
    )


def municipality_outline(
    record_id: str, path: Path, name: str, kind: str, transfers: tuple[Transfer, ...]
) -> Municipality:
    """A municipality as the lists of other records name it: its id, name, kind and transfers;
    every other field empty. Only for commands that show no more of it."""
    return Municipality(
        id=record_id,
        name=name,
        kind=kind,
        province_given="",
        province=None,
        district=None,
        website=None,
        office=None,
        contacts=(),
        engagements=(),
        transfers=transfers,
        reported_figures=(),
        notes=None,
        sources=(),
        path=path,
    )
