"""The `show` views: a project with the municipalities that adopt it, and a municipality with
its transfers, a dated timeline, its own projects and the figures it reported. Rich is imported
only when a view is built."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from spo.cli.language import Lang
from spo.cli.render.labels import (
    date_label,
    message,
    name_of,
    project_name,
    project_name_by_id,
    qualified,
    vocabulary_labels,
)
from spo.cli.render.tables import table
from spo.cli.words import label
from spo.dates import FuzzyDate
from spo.model import Engagement, Municipality, Project, Registry, Source
from spo.query import municipality_name
from spo.vocabulary import (
    ENGAGEMENT_KINDS,
    METRICS,
    MUNICIPALITY_KINDS,
    PARTNER_TYPES,
    PROJECT_STATUSES,
    SERVICE_MODELS,
    STAGES,
    TARGET_GROUPS,
    THEMES,
)

if TYPE_CHECKING:
    from rich.console import RenderableType


def _heading(text: str) -> RenderableType:
    from rich.text import Text

    return Text(text, style="bold")


def _fields(pairs: Iterable[tuple[str, str]], lang: Lang) -> RenderableType:
    """Label / value lines, skipping empty values."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for key, value in pairs:
        if value:
            grid.add_row(Text(message(key, lang)), Text(value))
    return grid


def _lines(texts: Iterable[str]) -> RenderableType:
    """Indented lines (a grid, which unlike Padding does not fill the line with spaces)."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 0, 0, 2), pad_edge=True)
    grid.add_column(overflow="fold")
    for text in texts:
        grid.add_row(Text(text))
    return grid


def _section(title: str, body: RenderableType | None) -> list[RenderableType]:
    return [] if body is None else ["", _heading(title), body]


def project_view(project: Project, registry: Registry, lang: Lang) -> RenderableType:
    """A project, then every municipality that has a transfer of it with its current stage."""
    from rich.console import Group

    from spo.query import transfers_of

    needs = "; ".join(f"{message('req_' + k, lang)}: {v}" for k, v in project.requirements if v)
    owner = registry.municipalities.get(project.owner)
    title = f"{project.name_tr} ({project.id})"
    english = project.name_en if project.name_en and project.name_en != project.name_tr else None
    parts: list[RenderableType] = [_heading(title)]
    if english:
        parts.append(english)
    parts += [
        "",
        _fields(
            [
                ("owner", f"{owner.name} ({owner.id})" if owner else project.owner),
                ("status", label(PROJECT_STATUSES, project.status, lang)),
                ("launched", date_label(project.launched, lang) if project.launched else ""),
                ("themes", vocabulary_labels(THEMES, project.themes, lang)),
                ("target_groups", vocabulary_labels(TARGET_GROUPS, project.target_groups, lang)),
                (
                    "service_model",
                    label(SERVICE_MODELS, project.service_model, lang)
                    if project.service_model
                    else "",
                ),
                (
                    "partners",
                    "; ".join(
                        f"{p.name} ({label(PARTNER_TYPES, p.type, lang)})" for p in project.partners
                    ),
                ),
                ("tags", ", ".join(project.tags)),
                ("requirements", needs),
                ("website", project.website or ""),
            ],
            lang,
        ),
    ]
    summaries = [s for s in (project.summary_tr, project.summary_en) if s]
    parts += _section(message("summary", lang), _lines(summaries))
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
    parts += _section(
        f"{message('transfers', lang)} ({len(adopting)})",
        table(["municipality", "id", "stage", "since"], rows, lang)
        if rows
        else _lines([message("none_yet", lang)]),
    )
    parts += _notes_and_sources(project.notes, project.sources, lang)
    return Group(*parts)


def _notes_and_sources(
    notes: str | None, sources: Sequence[Source], lang: Lang
) -> list[RenderableType]:
    parts: list[RenderableType] = []
    if notes:
        parts += _section(message("notes", lang), _lines([notes]))
    if sources:
        parts += _section(message("sources", lang), _lines([s.cite() for s in sources]))
    return parts


def _engagement(e: Engagement, key: str, other: str, registry: Registry, lang: Lang) -> str:
    kind = label(ENGAGEMENT_KINDS, e.kind, lang)
    text = message(key, lang, kind=kind, other=municipality_name(registry, other))
    if e.participants is not None:
        text += " · " + message("participants", lang, count=e.participants)
    return text + (f" — {e.note}" if e.note else "")


def timeline(municipality: Municipality, registry: Registry, lang: Lang) -> list[list[str]]:
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


def municipality_view(municipality: Municipality, registry: Registry, lang: Lang) -> RenderableType:
    """A municipality, its transfers, and its engagements and transfer stages as a timeline."""
    from rich.console import Group

    from spo.query import owned_projects

    province = municipality.province
    parts: list[RenderableType] = [
        _heading(f"{municipality.name} ({municipality.id})"),
        "",
        _fields(
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
        parts += _section(
            f"{message('transfers', lang)} ({len(rows)})",
            table(["project", "mentor", "stage", "since"], rows, lang),
        )
    events = timeline(municipality, registry, lang)
    if events:
        parts += _section(message("timeline", lang), table(["date", "event"], events, lang))
    owned = owned_projects(registry, municipality.id, name_of(lang))
    if owned:
        counts = {p.id: 0 for p in owned}
        for transfer in registry.transfers():
            if transfer.project in counts:
                counts[transfer.project] += 1
        rows = [[p.id, project_name(p, lang), str(counts[p.id])] for p in owned]
        parts += _section(
            f"{message('owned_projects', lang)} ({len(owned)})",
            table(["id", "name", "transfers"], rows, lang),
        )
    if municipality.reported_figures:
        rows = [
            [
                date_label(f.date, lang),
                label(METRICS, f.metric, lang),
                qualified(f.value, f.qualifier, lang),
            ]
            for f in municipality.reported_figures
        ]
        parts += _section(
            message("reported_figures", lang), table(["date", "metric", "value"], rows, lang)
        )
    parts += _notes_and_sources(municipality.notes, municipality.sources, lang)
    return Group(*parts)
