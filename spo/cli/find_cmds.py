"""`spo project list|show`, `spo municipality list|show`, `spo transfer list`, `spo search`.

Each command reads the registry, asks `spo.query` or `spo.search` for the records and hands them
to `spo.cli.render`. Those modules (and Rich, through them) are imported inside the commands, so
that `spo --help` stays fast. Shell completion lives in `spo.cli.completion`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from spo.cli.app import app, municipality_app, project_app, settings, transfer_app
from spo.cli.completion import complete_municipality_id, complete_project_id, complete_values
from spo.vocabulary import (
    MUNICIPALITY_KINDS,
    PROJECT_STATUSES,
    SERVICE_MODELS,
    STAGES,
    TARGET_GROUPS,
    THEMES,
    Lang,
    Vocabulary,
)

if TYPE_CHECKING:
    from spo.model import Registry


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    yaml = "yaml"


class ShowFormat(StrEnum):
    table = "table"
    json = "json"
    yaml = "yaml"


class SortBy(StrEnum):
    name = "name"
    date = "date"


def _vocab_option(name: str, vocab: Vocabulary, help: str) -> Any:
    metavar = name.removeprefix("--").upper().replace("-", "_")
    return typer.Option(name, help=help, metavar=metavar, autocompletion=complete_values(vocab))


# --- shared steps -------------------------------------------------------------------------------


def _open(ctx: typer.Context) -> tuple[Registry, Lang]:
    """The registry and the language; says on stderr how many files had to be left out."""
    from spo import registry
    from spo.cli.render.console import warn
    from spo.cli.render.labels import message
    from spo.reading import read_registry

    opts = settings(ctx)
    loaded = read_registry(registry.find_root(opts.root))
    if loaded.skipped:
        warn(message("skipped", opts.lang, count=len(loaded.skipped)))
    return loaded, opts.lang


def _sort_by(sort: SortBy) -> Literal["name", "date"]:
    return "date" if sort is SortBy.date else "name"


FORMAT_HELP = "table, json, csv or yaml."
SORT_HELP = "name (in Turkish alphabetical order) or date (oldest first)."
ANY_OF = "Repeat for any of several."

Format = Annotated[ListFormat, typer.Option("--format", "-f", help=FORMAT_HELP)]
Sort = Annotated[SortBy, typer.Option("--sort", help=SORT_HELP)]
Values = list[str] | None


# --- projects -----------------------------------------------------------------------------------


@project_app.command("list")
def project_list(
    ctx: typer.Context,
    owner: Annotated[
        Values,
        typer.Option(
            "--owner",
            help=f"Owned by this municipality (id). {ANY_OF}",
            metavar="ID",
            autocompletion=complete_municipality_id,
        ),
    ] = None,
    theme: Annotated[Values, _vocab_option("--theme", THEMES, f"Theme. {ANY_OF}")] = None,
    target_group: Annotated[
        Values, _vocab_option("--target-group", TARGET_GROUPS, f"Target group. {ANY_OF}")
    ] = None,
    service_model: Annotated[
        Values, _vocab_option("--service-model", SERVICE_MODELS, f"Service model. {ANY_OF}")
    ] = None,
    status: Annotated[
        Values, _vocab_option("--status", PROJECT_STATUSES, f"Status. {ANY_OF}")
    ] = None,
    adopted_by: Annotated[
        Values,
        typer.Option(
            "--adopted-by",
            help=f"Has a transfer to this municipality (id), at any stage. {ANY_OF}",
            metavar="ID",
            autocompletion=complete_municipality_id,
        ),
    ] = None,
    sort: Sort = SortBy.name,
    format: Format = ListFormat.table,
) -> None:
    """List projects. Vocabulary filters take a value or its label (--theme health, --theme
    sağlık)."""
    from spo import query
    from spo.cli.render.labels import message
    from spo.cli.render.listings import PROJECTS, emit

    reg, lang = _open(ctx)
    wanted = query.ProjectFilter(
        owners=query.known_ids("municipality", reg.municipalities, owner or []),
        themes=query.vocabulary_values("theme", THEMES, theme or []),
        target_groups=query.vocabulary_values("target group", TARGET_GROUPS, target_group or []),
        service_models=query.vocabulary_values(
            "service model", SERVICE_MODELS, service_model or []
        ),
        statuses=query.vocabulary_values("status", PROJECT_STATUSES, status or []),
        adopted_by=query.known_ids("municipality", reg.municipalities, adopted_by or []),
    )
    emit(
        format.value,
        PROJECTS,
        query.projects(reg, wanted, _sort_by(sort), lang),
        reg,
        lang,
        message("no_projects", lang),
    )


@project_app.command("show")
def project_show(
    ctx: typer.Context,
    project_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="The project's id.", autocompletion=complete_project_id),
    ],
    format: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="table (a readable view), json or yaml.")
    ] = ShowFormat.table,
) -> None:
    """Show one project and every municipality that has a transfer of it."""
    from spo import lookup, query
    from spo.cli.render.console import console
    from spo.cli.render.listings import write_record
    from spo.cli.render.records import project_record, transfer_record
    from spo.cli.render.views import project_view

    reg, lang = _open(ctx)
    project = lookup.get("project", reg.projects, project_id)
    if format is ShowFormat.table:
        console().print(project_view(project, reg, lang))
        return
    record = project_record(project, reg)
    record["transfers"] = [transfer_record(t, reg) for t in query.transfers_of(reg, project.id)]
    write_record(format.value, record)


# --- municipalities -----------------------------------------------------------------------------


@municipality_app.command("list")
def municipality_list(
    ctx: typer.Context,
    kind: Annotated[
        Values,
        _vocab_option(
            "--kind", MUNICIPALITY_KINDS, f"metropolitan, provincial, district or town. {ANY_OF}"
        ),
    ] = None,
    province: Annotated[
        Values,
        typer.Option(
            "--province", help=f"Province name or plate code. {ANY_OF}", metavar="PROVINCE"
        ),
    ] = None,
    engagements: Annotated[
        bool | None,
        typer.Option(
            "--has-engagements/--no-engagements",
            help="Only those with (or without) engagements.",
            show_default=False,
        ),
    ] = None,
    transfers: Annotated[
        bool | None,
        typer.Option(
            "--has-transfers/--no-transfers",
            help="Only those with (or without) transfers.",
            show_default=False,
        ),
    ] = None,
    stage: Annotated[
        Values,
        _vocab_option("--stage", STAGES, f"Has a transfer currently at this stage. {ANY_OF}"),
    ] = None,
    sort: Annotated[
        SortBy,
        typer.Option("--sort", help="name or date (of the latest engagement or transfer stage)."),
    ] = SortBy.name,
    format: Format = ListFormat.table,
) -> None:
    """List municipalities."""
    from spo import query
    from spo.cli.render.labels import message
    from spo.cli.render.listings import MUNICIPALITIES, emit

    reg, lang = _open(ctx)
    wanted = query.MunicipalityFilter(
        kinds=query.vocabulary_values("municipality kind", MUNICIPALITY_KINDS, kind or []),
        provinces=query.province_plates(province or []),
        has_engagements=engagements,
        has_transfers=transfers,
        stages=query.vocabulary_values("stage", STAGES, stage or []),
    )
    emit(
        format.value,
        MUNICIPALITIES,
        query.municipalities(reg, wanted, _sort_by(sort)),
        reg,
        lang,
        message("no_municipalities", lang),
    )


@municipality_app.command("show")
def municipality_show(
    ctx: typer.Context,
    municipality_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="The municipality's id.", autocompletion=complete_municipality_id
        ),
    ],
    format: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="table (a readable view), json or yaml.")
    ] = ShowFormat.table,
) -> None:
    """Show one municipality, its transfers, and a dated timeline of its engagements and
    transfer stages."""
    from spo import lookup
    from spo.cli.render.console import console
    from spo.cli.render.listings import write_record
    from spo.cli.render.records import municipality_record
    from spo.cli.render.views import municipality_view

    reg, lang = _open(ctx)
    municipality = lookup.get("municipality", reg.municipalities, municipality_id)
    if format is ShowFormat.table:
        console().print(municipality_view(municipality, reg, lang))
        return
    write_record(format.value, municipality_record(municipality, reg))


# --- transfers ----------------------------------------------------------------------------------


@transfer_app.command("list")
def transfer_list(
    ctx: typer.Context,
    project: Annotated[
        Values,
        typer.Option(
            "--project",
            help=f"Of this project (id). {ANY_OF}",
            metavar="ID",
            autocompletion=complete_project_id,
        ),
    ] = None,
    to: Annotated[
        Values,
        typer.Option(
            "--to",
            "--municipality",
            help=f"To this municipality (id). {ANY_OF}",
            metavar="ID",
            autocompletion=complete_municipality_id,
        ),
    ] = None,
    stage: Annotated[
        Values, _vocab_option("--stage", STAGES, f"Currently at this stage. {ANY_OF}")
    ] = None,
    owner: Annotated[
        Values,
        typer.Option(
            "--owner",
            "--mentor",
            help=f"Of a project owned by this (mentoring) municipality (id). {ANY_OF}",
            metavar="ID",
            autocompletion=complete_municipality_id,
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help="Current stage reached on or after this date (2025, 2025-03, 2025-03-21).",
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until",
            metavar="DATE",
            help="Current stage reached on or before this date. A date known only roughly "
            "counts when it certainly lies in the range.",
        ),
    ] = None,
    sort: Annotated[
        SortBy,
        typer.Option(
            "--sort",
            help="name (of the municipality, then the project) or date (of the current stage).",
        ),
    ] = SortBy.name,
    format: Format = ListFormat.table,
) -> None:
    """List transfers, each with its current stage."""
    from spo import query
    from spo.cli.render.labels import message
    from spo.cli.render.listings import TRANSFERS, emit

    reg, lang = _open(ctx)
    wanted = query.TransferFilter(
        projects=query.known_ids("project", reg.projects, project or []),
        municipalities=query.known_ids("municipality", reg.municipalities, to or []),
        stages=query.vocabulary_values("stage", STAGES, stage or []),
        mentors=query.known_ids("municipality", reg.municipalities, owner or []),
        dates=query.date_range(since, until),
    )
    emit(
        format.value,
        TRANSFERS,
        query.transfers(reg, wanted, _sort_by(sort), lang),
        reg,
        lang,
        message("no_transfers", lang),
    )


# --- search -------------------------------------------------------------------------------------


@app.command("search")
def search_command(
    ctx: typer.Context,
    query_words: Annotated[
        list[str],
        typer.Argument(metavar="QUERY", help="Words to look for, in Turkish or English."),
    ],
    format: Format = ListFormat.table,
) -> None:
    """Search projects and municipalities: names, summaries, tags, themes, target groups,
    provinces and districts. Case and Turkish letters are folded (istanbul finds İstanbul), word
    beginnings match (mutfak finds Mutfakları), and one typo is forgiven in longer words."""
    from spo import search
    from spo.cli.render.labels import message
    from spo.cli.render.listings import HITS, emit

    reg, lang = _open(ctx)
    text = " ".join(query_words)
    emit(
        format.value,
        HITS,
        search.search(reg, text, lang),
        reg,
        lang,
        message("no_hits", lang, query=text),
    )
