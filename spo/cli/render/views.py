"""The `show` views: a project with the municipalities that adopt it, and a municipality with
its transfers, a dated timeline, its own projects and the figures it reported. Rich is imported
only when a view is built.

Imports inside the functions: Rich only when a record is drawn for a terminal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spo.api import (
    COMPLETE_RECORDS,
    ENGAGEMENT_KINDS,
    MUNICIPALITY_KINDS,
    PARTNER_ROLES,
    PARTNER_TYPES,
    PROJECT_STATUSES,
    SERVICE_MODELS,
    STAGES,
    TARGET_GROUPS,
    THEMES,
    Engagement,
    FuzzyDate,
    Municipality,
    Office,
    Partner,
    Project,
    Records,
    Source,
    municipality_name,
    owned_projects,
    transfers_of,
)
from spo.cli.citing import cite
from spo.cli.language import Lang
from spo.cli.render.blocks import fields, heading, lines, section, source_lines
from spo.cli.render.labels import (
    date_label,
    message,
    metric_label,
    name_of,
    period_label,
    project_name,
    project_name_by_id,
    qualified,
    vocabulary_labels,
)
from spo.cli.render.tables import table
from spo.cli.words import label

if TYPE_CHECKING:
    from rich.console import RenderableType


def project_view(project: Project, registry: Records, lang: Lang) -> RenderableType:
    """A project, then every municipality that has a transfer of it with its current stage."""
    from rich.console import Group

    needs = "; ".join(f"{message('req_' + k, lang)}: {v}" for k, v in project.requirements if v)
    owner = registry.municipalities.get(project.owner)
    title = f"{project.name_tr} ({project.id})"
    english = project.name_en if project.name_en and project.name_en != project.name_tr else None
    parts: list[RenderableType] = [heading(title)]
    if english:
        parts.append(english)
    parts += [
        "",
        fields(
            [
                ("owner", f"{owner.name} ({owner.id})" if owner else project.owner),
                ("status", _status(project, lang)),
                ("launched", date_label(project.launched, lang) if project.launched else ""),
                ("themes", vocabulary_labels(THEMES, project.themes, lang)),
                ("inferred_themes", _inferred_themes(project, lang)),
                ("target_groups", vocabulary_labels(TARGET_GROUPS, project.target_groups, lang)),
                (
                    "service_model",
                    label(SERVICE_MODELS, project.service_model, lang)
                    if project.service_model
                    else "",
                ),
                ("partners", _each_line([_partner(p, registry, lang) for p in project.partners])),
                ("tags", ", ".join(project.tags)),
                ("requirements", needs),
                ("website", project.website or ""),
            ],
            lang,
        ),
    ]
    summaries = [s for s in (project.summary_tr, project.summary_en) if s]
    parts += section(message("summary", lang), lines(summaries))
    adopting = transfers_of(registry, project.id)
    rows = [
        [
            municipality_name(registry, t.municipality),
            t.municipality,
            label(STAGES, t.current_stage, lang),
            date_label(t.current.date, lang),
        ]
        for t in adopting
    ]
    parts += section(
        f"{message('transfers', lang)} ({len(adopting)})",
        table(["municipality", "id", "stage", "since"], rows, lang)
        if rows
        else lines([message("none_yet", lang)]),
    )
    parts += _notes_and_sources(project.notes, project.sources, lang)
    return Group(*parts)


def _status(project: Project, lang: Lang) -> str:
    """A known status with the day and the source it rests on, "Active (as of 2026-01-29;
    source: ...; stored copy: ...)"; "Unknown" alone."""
    status = label(PROJECT_STATUSES, project.status, lang)
    basis, source = [], project.status_source
    if project.status_as_of:
        basis.append(message("status_as_of", lang, day=date_label(project.status_as_of, lang)))
    if source and cite(source):
        basis.append(message("status_source", lang, source=cite(source)))
    if source and source.archived:
        basis.append(message("archived", lang, copy=source.archived))
    return f"{status} ({'; '.join(basis)})" if basis else status


def _inferred_themes(project: Project, lang: Lang) -> str:
    """Themes no source states, said to be the registry's reading, never mixed with the rest."""
    if not project.inferred_themes:
        return ""
    themes = vocabulary_labels(THEMES, project.inferred_themes, lang)
    return message("inferred_themes_value", lang, themes=themes)


def _partner(partner: Partner, registry: Records, lang: Lang) -> str:
    """A partner with its type and role, "Lund Üniversitesi (University, Supporter)"; one that
    is a municipality of the registry also names the record it points at."""
    typed = partner.type
    kind = label(PARTNER_TYPES, typed, lang) if typed else message("type_unknown", lang)
    role = label(PARTNER_ROLES, partner.role, lang)
    if not partner.municipality:
        return message("partner", lang, name=partner.name, type=kind, role=role)
    found = registry.municipalities.get(partner.municipality)
    record = f"{found.name} ({found.id})" if found else partner.municipality
    return message(
        "partner_in_registry", lang, name=partner.name, type=kind, role=role, record=record
    )


def _office(office: Office, lang: Lang) -> RenderableType:
    """The office a municipality runs: its name, opening, place, head, framework and sources."""
    opened = date_label(office.opened, lang) if office.opened else ""
    opened_lines = [line for line in (opened, office.opened_note) if line]
    place = ", ".join(p for p in (office.neighbourhood, office.district) if p)
    head = f"{office.head.name}, {office.head.role}" if office.head else ""
    sources = lines(source_lines(office.sources, lang), indent=0) if office.sources else ""
    body = fields(
        [
            ("office_name", office.name),
            ("opened", _each_line(opened_lines)),
            ("place", place),
            ("head", head),
            ("framework", _each_line(office.framework)),
            ("sources", sources),
        ],
        lang,
    )
    return lines([body])


def _each_line(texts: Sequence[str]) -> str | RenderableType:
    """Values shown one to a line; a line break inside a value is shown as `\\n`, like any other
    control character a value holds."""
    return lines(texts, indent=0) if len(texts) > 1 else "".join(texts)


def _notes_and_sources(
    notes: str | None, sources: Sequence[Source], lang: Lang
) -> list[RenderableType]:
    parts: list[RenderableType] = []
    if notes:
        parts += section(message("notes", lang), lines([notes]))
    if sources:
        parts += section(message("sources", lang), lines(source_lines(sources, lang)))
    return parts


def _engagement(e: Engagement, key: str, other: str, registry: Records, lang: Lang) -> str:
    kind = label(ENGAGEMENT_KINDS, e.kind, lang)
    text = message(key, lang, kind=kind, other=municipality_name(registry, other))
    if e.participants is not None:
        text += " · " + message("participants", lang, count=e.participants)
    return text + (f" — {e.note}" if e.note else "")


def timeline(municipality: Municipality, registry: Records, lang: Lang) -> list[list[str]]:
    """(date, event) rows, oldest first: the municipality's engagements, those it hosted, and
    its transfers' stages. Events of one day keep the order of the files."""
    events: list[tuple[FuzzyDate, str]] = [
        (e.date, _engagement(e, "host", e.host, registry, lang)) for e in municipality.engagements
    ]
    events += [
        (e.date, _engagement(e, "guest", e.municipality, registry, lang))
        for e in registry.engagements()
        if e.host == municipality.id and e.municipality != municipality.id
    ]
    for t in municipality.transfers:
        name = project_name_by_id(registry, t.project, lang)
        for entry in t.history:
            text = f"{name}: {label(STAGES, entry.stage, lang)}"
            events.append((entry.date, text + (f" — {entry.note}" if entry.note else "")))
    events.sort(key=lambda pair: pair[0].sort_key())
    return [[date_label(when, lang), text] for when, text in events]


def municipality_view(municipality: Municipality, registry: Records, lang: Lang) -> RenderableType:
    """A municipality, its transfers, and its engagements and transfer stages as a timeline."""
    from rich.console import Group

    province = municipality.province
    parts: list[RenderableType] = [
        heading(f"{municipality.name} ({municipality.id})"),
        "",
        fields(
            [
                ("kind", label(MUNICIPALITY_KINDS, municipality.kind, lang)),
                ("province", f"{province.name} ({province.plate:02d})" if province else ""),
                ("district", municipality.district or ""),
                ("website", municipality.website or ""),
                ("contacts", "; ".join(f"{c.name}, {c.role}" for c in municipality.contacts)),
            ],
            lang,
        ),
    ]
    if municipality.office:
        parts += section(message("office", lang), _office(municipality.office, lang))
    if municipality.transfers:
        rows = []
        for t in municipality.transfers:
            project = registry.projects.get(t.project)
            rows.append(
                [
                    project_name_by_id(registry, t.project, lang),
                    municipality_name(registry, project.owner) if project else "",
                    label(STAGES, t.current_stage, lang),
                    date_label(t.current.date, lang),
                ]
            )
        parts += section(
            f"{message('transfers', lang)} ({len(rows)})",
            table(["project", "mentor", "stage", "since"], rows, lang),
        )
    events = timeline(municipality, registry, lang)
    if events:
        parts += section(message("timeline", lang), table(["date", "event"], events, lang))
    owned = owned_projects(registry, municipality.id, name_of(lang))
    if owned:
        counts = {p.id: 0 for p in owned}
        for transfer in registry.transfers():
            if transfer.project in counts:
                counts[transfer.project] += 1
        rows = [[p.id, project_name(p, lang), str(counts[p.id])] for p in owned]
        parts += section(
            f"{message('owned_projects', lang)} ({len(owned)})",
            table(["id", "name", "transfers"], rows, lang),
        )
    if municipality.reported_figures:
        rows = [
            [
                date_label(f.date, lang),
                metric_label(f.metric, f.municipality_kind, lang),
                qualified(f.value, f.qualifier, lang),
            ]
            for f in municipality.reported_figures
        ]
        parts += section(
            message("reported_figures", lang), table(["date", "metric", "value"], rows, lang)
        )
    if municipality.completeness:
        rows = [
            [
                label(COMPLETE_RECORDS, c.records, lang),
                period_label(c, lang),
                cite(c.source),
            ]
            for c in municipality.completeness
        ]
        parts += section(
            message("completeness", lang), table(["records", "period", "source"], rows, lang)
        )
    parts += _notes_and_sources(municipality.notes, municipality.sources, lang)
    return Group(*parts)
