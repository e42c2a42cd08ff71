"""`spo project list|show`, `spo municipality list|show`, `spo transfer list`, `spo search`.

Each command reads the registry, asks `spo.query` or `spo.search` for the records and hands them
to `spo.output`. Those modules (and Rich, through them) are imported inside the commands, so that
`spo --help` stays fast. The id completions are public: other command modules use them too.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from spo.cli.app import app, municipality_app, project_app, settings, transfer_app
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


# --- shell completion ---------------------------------------------------------------------------


def _given_root(ctx: typer.Context | None) -> Path | None:
    """The --root typed so far on the command line being completed."""
    if ctx is None:
        return None
    value = ctx.find_root().params.get("root")
    return Path(value) if value else None


def _complete_ids(kind: str, incomplete: str, ctx: typer.Context | None) -> list[tuple[str, str]]:
    """(id, name) pairs for ids starting with `incomplete`. Completion runs inside the user's
    shell, so a missing or broken registry gives no candidates rather than an error."""
    from spo import registry
    from spo.errors import SpoError
    from spo.reading import read_registry

    try:
        root = registry.find_root(_given_root(ctx))
        found = sorted(i for i in registry.ids(root, kind) if i.startswith(incomplete))
        if not found:
            return []
        loaded = read_registry(root)
    except (SpoError, OSError, ValueError):
        return []
    names: dict[str, str] = {m.id: m.name for m in loaded.municipalities.values()}
    if kind == "project":
        names = {p.id: p.name_tr for p in loaded.projects.values()}
    return [(i, names.get(i, "")) for i in found]


def complete_project_id(incomplete: str, ctx: typer.Context | None = None) -> list[tuple[str, str]]:
    """Project ids for shell completion, each with the project's name."""
    return _complete_ids("project", incomplete, ctx)


def complete_municipality_id(
    incomplete: str, ctx: typer.Context | None = None
) -> list[tuple[str, str]]:
    """Municipality ids for shell completion, each with the municipality's name."""
    return _complete_ids("municipality", incomplete, ctx)


def _complete_values(vocab: Vocabulary) -> Callable[[str], list[tuple[str, str]]]:
    def complete(incomplete: str) -> list[tuple[str, str]]:
        return [
            (t.value, f"{t.tr} / {t.en}") for t in vocab.terms if t.value.startswith(incomplete)
        ]

    return complete


def _vocab_option(name: str, vocab: Vocabulary, help: str) -> Any:
    metavar = name.removeprefix("--").upper().replace("-", "_")
    return typer.Option(name, help=help, metavar=metavar, autocompletion=_complete_values(vocab))


# --- shared steps -------------------------------------------------------------------------------


def _open(ctx: typer.Context) -> tuple[Registry, Lang]:
    """The registry and the language; says on stderr how many files had to be left out."""
    from spo import output, registry
    from spo.reading import read_registry

    opts = settings(ctx)
    loaded = read_registry(registry.find_root(opts.root))
    if loaded.skipped:
        output.warn(output.message("skipped", opts.lang, count=len(loaded.skipped)))
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
    from spo import output, query

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
    output.emit(
        format.value,
        output.PROJECTS,
        query.projects(reg, wanted, _sort_by(sort), lang),
        reg,
        lang,
        output.message("no_projects", lang),
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
    from spo import lookup, output, query

    reg, lang = _open(ctx)
    project = lookup.get("project", reg.projects, project_id)
    if format is ShowFormat.table:
        output.console().print(output.project_view(project, reg, lang))
        return
    record = output.project_record(project, reg)
    record["transfers"] = [
        output.transfer_record(t, reg) for t in query.transfers_of(reg, project.id)
    ]
    output.write_record(format.value, record)


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
    from spo import output, query

    reg, lang = _open(ctx)
    wanted = query.MunicipalityFilter(
        kinds=query.vocabulary_values("municipality kind", MUNICIPALITY_KINDS, kind or []),
        provinces=query.province_plates(province or []),
        has_engagements=engagements,
        has_transfers=transfers,
        stages=query.vocabulary_values("stage", STAGES, stage or []),
    )
    output.emit(
        format.value,
        output.MUNICIPALITIES,
        query.municipalities(reg, wanted, _sort_by(sort)),
        reg,
        lang,
        output.message("no_municipalities", lang),
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
    from spo import lookup, output

    reg, lang = _open(ctx)
    municipality = lookup.get("municipality", reg.municipalities, municipality_id)
    if format is ShowFormat.table:
        output.console().print(output.municipality_view(municipality, reg, lang))
        return
    output.write_record(format.value, output.municipality_record(municipality, reg))


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
    from spo import output, query

    reg, lang = _open(ctx)
    wanted = query.TransferFilter(
        projects=query.known_ids("project", reg.projects, project or []),
        municipalities=query.known_ids("municipality", reg.municipalities, to or []),
        stages=query.vocabulary_values("stage", STAGES, stage or []),
        mentors=query.known_ids("municipality", reg.municipalities, owner or []),
        dates=query.date_range(since, until),
    )
    output.emit(
        format.value,
        output.TRANSFERS,
        query.transfers(reg, wanted, _sort_by(sort), lang),
        reg,
        lang,
        output.message("no_transfers", lang),
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
    from spo import output, search

    reg, lang = _open(ctx)
    text = " ".join(query_words)
    output.emit(
        format.value,
        output.HITS,
        search.search(reg, text, lang),
        reg,
        lang,
        output.message("no_hits", lang, query=text),
    )
