"""`spo project list|show`, `spo municipality list|show`, `spo transfer list`, `spo search`.

Each command reads the registry, asks `spo.api.Registry` for the records (its lists or search) and
hands them to `spo.cli.render`. Help texts are in the catalogue (`help.*`).

Imports inside the functions: this module is imported whenever any command runs or shows its
help (see `spo.cli.lazy`), so the model, the queries, the search and the renderers (and Rich
through them) are imported only by the command that needs them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from spo.api import (
    MUNICIPALITY_KINDS,
    PROJECT_STATUSES,
    SERVICE_MODELS,
    STAGES,
    TARGET_GROUPS,
    THEMES,
    Registry,
    lookup,
)
from spo.cli import kept
from spo.cli.app import app, municipality_app, project_app, settings, transfer_app
from spo.cli.completion import MUNICIPALITY_ID, PROJECT_ID
from spo.cli.csv_style import Delimiter, csv_style, kept_for_stdout, refuse_unless_csv
from spo.cli.language import Lang
from spo.cli.options import (
    Format,
    ListFormat,
    ShowFormat,
    Sort,
    SortBy,
    Values,
    choice,
    choose,
    count,
    sort_order,
    vocabulary,
)
from spo.cli.render.console import console, warn

if TYPE_CHECKING:
    from spo.api import Index, Records

DEFAULT_TABLE_LIMIT = 20  # search results a table shows unless told (--limit)

ShowAs = Annotated[str, choice("--format", "-f", choices=ShowFormat)]


def _open_one(ctx: typer.Context, kind: str, text: str) -> tuple[Records, Lang, str]:
    """For `show`: the id `text` names (a name is looked up before anything is read), and the
    one file shown, read itself, with from the index only the records it names or is named by;
    the whole registry when that file is not a clean record, so that what is said about it stays
    what `_open` leads to; except that a file that exists and had to be left out is said to be
    unreadable (exit 1), not missing."""
    from spo.cli.render.labels import message

    opts = settings(ctx)
    reg = Registry.at(opts.root)
    record_id = reg.id_of(kind, text)
    loaded = reg.read_around(kind, record_id)
    if loaded.skipped:
        warn(message("skipped", opts.lang, count=len(loaded.skipped)))
    return loaded, opts.lang, record_id


def _listed(
    ctx: typer.Context,
    format: str,
    whole: str | None,
    words: tuple[str, str],
    options: Sequence[object],
    select: Callable[[Registry, Records, Lang], list[object]],
    delimiter: str | None = None,
) -> None:
    """A list command: `select` the records from the registry (`whole`: see
    `spo.api.Registry.read_for_listing`) and list them (`words`: the kind of record, whose
    `Listing` is in spo.cli.render.listings, and the message when there is none).

    A list depends only on the records, the options and the language (and a table on its
    width), so it is kept in the index (`spo.cli.kept`), keyed by the index's generation (which
    moves on with any change to any file) and those: a warm run of an unchanged registry writes
    it back. A table on a styled terminal is always drawn afresh. CSV is kept without the byte
    order mark, which depends on where stdout goes (`spo.cli.csv_style.for_stdout`)."""
    fmt = choose("--format", format, ListFormat)  # a mistaken --format is said first
    refuse_unless_csv(format, delimiter)
    opts = settings(ctx)
    style = csv_style(opts.lang, delimiter)
    kind, empty = words
    width = kept.plain_width() if fmt is ListFormat.table else 0

    def make(index: Index) -> kept.Made:
        from spo.cli.render.listings import LISTINGS, csv_of, formatted, table_of

        records = registry.read_for_listing(index, whole=whole)
        items = select(registry, records, opts.lang)
        listing = LISTINGS[kind]
        note = "" if items else "empty"
        if fmt is ListFormat.csv:
            return csv_of(listing, items, records, style).encode("utf-8"), note
        if fmt is not ListFormat.table:
            return formatted(fmt.value, listing, items, records), note
        if not items:
            return "", note
        table = table_of(listing, items, records, opts.lang)
        return (lambda out: out.print(table)), note

    def heard(note: str) -> None:
        if note:
            kept.say(empty, opts.lang)

    def to_stdout(value: bytes | str) -> None:
        kept.write(kept_for_stdout(value) if isinstance(value, bytes) else value)

    to = to_stdout if fmt is ListFormat.csv else None
    parts = ("list", kind, fmt.value, opts.lang, options, width, style.delimiter)
    registry = Registry.at(opts.root)
    kept.show(registry.root, opts.lang, parts, width, make, heard, to)


# --- projects -----------------------------------------------------------------------------------


@project_app.command("list")
def project_list(
    ctx: typer.Context,
    owner: Annotated[Values, typer.Option("--owner", click_type=MUNICIPALITY_ID)] = None,
    theme: Annotated[Values, vocabulary("--theme", THEMES)] = None,
    target_group: Annotated[Values, vocabulary("--target-group", TARGET_GROUPS)] = None,
    service_model: Annotated[Values, vocabulary("--service-model", SERVICE_MODELS)] = None,
    status: Annotated[Values, vocabulary("--status", PROJECT_STATUSES)] = None,
    adopted_by: Annotated[Values, typer.Option("--adopted-by", click_type=MUNICIPALITY_ID)] = None,
    sort: Sort = SortBy.name.value,
    format: Format = ListFormat.table.value,
    delimiter: Delimiter = None,
) -> None:
    """List projects."""

    def select(reg: Registry, records: Records, lang: Lang) -> list[object]:
        from spo.cli.render.labels import name_of

        found = reg.projects(
            owner=owner or (),
            theme=theme or (),
            target_group=target_group or (),
            service_model=service_model or (),
            status=status or (),
            adopted_by=adopted_by or (),
            sort=sort_order(sort),
            name_of=name_of(lang),
            records=records,
        )
        return list(found)

    options = [owner, theme, target_group, service_model, status, adopted_by, sort]
    _listed(ctx, format, "project", ("project", "no_projects"), options, select, delimiter)


@project_app.command("show")
def project_show(
    ctx: typer.Context,
    project_id: Annotated[str, typer.Argument(click_type=PROJECT_ID)],
    format: ShowAs = ShowFormat.table.value,
) -> None:
    """Show one project and every municipality that has a transfer of it."""
    from spo.api import transfers_of
    from spo.cli.render.listings import write_record
    from spo.cli.render.records import project_record, transfer_record
    from spo.cli.render.views import project_view

    fmt = choose("--format", format, ShowFormat)
    reg, lang, shown = _open_one(ctx, "project", project_id)
    project = lookup.get("project", reg.projects, shown)
    if fmt is ShowFormat.table:
        console().print(project_view(project, reg, lang))
        return
    record = project_record(project, reg)
    record["transfers"] = [transfer_record(t, reg) for t in transfers_of(reg, project.id)]
    write_record(fmt.value, record)


# --- municipalities -----------------------------------------------------------------------------


@municipality_app.command("list")
def municipality_list(
    ctx: typer.Context,
    kind: Annotated[Values, vocabulary("--kind", MUNICIPALITY_KINDS)] = None,
    province: Annotated[Values, typer.Option("--province")] = None,
    engagements: Annotated[
        bool | None, typer.Option("--has-engagements/--no-engagements", show_default=False)
    ] = None,
    transfers: Annotated[
        bool | None, typer.Option("--has-transfers/--no-transfers", show_default=False)
    ] = None,
    stage: Annotated[Values, vocabulary("--stage", STAGES)] = None,
    sort: Sort = SortBy.name.value,
    format: Format = ListFormat.table.value,
    delimiter: Delimiter = None,
) -> None:
    """List municipalities."""

    def select(reg: Registry, records: Records, lang: Lang) -> list[object]:
        found = reg.municipalities(
            kind=kind or (),
            province=province or (),
            has_engagements=engagements,
            has_transfers=transfers,
            stage=stage or (),
            sort=sort_order(sort),
            records=records,
        )
        return list(found)

    options = [kind, province, engagements, transfers, stage, sort]
    words = ("municipality", "no_municipalities")
    _listed(ctx, format, "municipality", words, options, select, delimiter)


@municipality_app.command("show")
def municipality_show(
    ctx: typer.Context,
    municipality_id: Annotated[str, typer.Argument(click_type=MUNICIPALITY_ID)],
    format: ShowAs = ShowFormat.table.value,
) -> None:
    """Show one municipality, its transfers, and a dated timeline of its engagements and
    transfer stages."""
    from spo.cli.render.listings import write_record
    from spo.cli.render.records import municipality_record
    from spo.cli.render.views import municipality_view

    fmt = choose("--format", format, ShowFormat)
    reg, lang, shown = _open_one(ctx, "municipality", municipality_id)
    municipality = lookup.get("municipality", reg.municipalities, shown)
    if fmt is ShowFormat.table:
        console().print(municipality_view(municipality, reg, lang))
        return
    write_record(fmt.value, municipality_record(municipality, reg))


# --- transfers ----------------------------------------------------------------------------------


@transfer_app.command("list")
def transfer_list(
    ctx: typer.Context,
    project: Annotated[Values, typer.Option("--project", click_type=PROJECT_ID)] = None,
    to: Annotated[
        Values, typer.Option("--to", "--municipality", click_type=MUNICIPALITY_ID)
    ] = None,
    stage: Annotated[Values, vocabulary("--stage", STAGES)] = None,
    owner: Annotated[
        Values, typer.Option("--owner", "--mentor", click_type=MUNICIPALITY_ID)
    ] = None,
    since: Annotated[str | None, typer.Option("--since")] = None,
    until: Annotated[str | None, typer.Option("--until")] = None,
    sort: Sort = SortBy.name.value,
    format: Format = ListFormat.table.value,
    delimiter: Delimiter = None,
) -> None:
    """List transfers, each with its current stage."""

    def select(reg: Registry, records: Records, lang: Lang) -> list[object]:
        from spo.cli.render.labels import name_of

        found = reg.transfers(
            project=project or (),
            municipality=to or (),
            stage=stage or (),
            mentor=owner or (),
            since=since,
            until=until,
            sort=sort_order(sort),
            name_of=name_of(lang),
            records=records,
        )
        return list(found)

    options = [project, to, stage, owner, since, until, sort]
    _listed(ctx, format, None, ("transfer", "no_transfers"), options, select, delimiter)


# --- search -------------------------------------------------------------------------------------


@app.command("search")
def search_command(
    ctx: typer.Context,
    query_words: Annotated[list[str], typer.Argument()],
    limit: Annotated[str | None, typer.Option("--limit")] = None,
    format: Format = ListFormat.table.value,
    delimiter: Delimiter = None,
) -> None:
    """Search projects and municipalities by name, place, vocabulary labels, summary, notes and
    tags; the best matches first."""
    from spo.cli.render import search_results
    from spo.cli.render.labels import message

    opts = settings(ctx)
    fmt = choose("--format", format, ListFormat)
    refuse_unless_csv(format, delimiter)
    style = csv_style(opts.lang, delimiter)
    most = count("--limit", limit)
    if most is None:
        most = DEFAULT_TABLE_LIMIT if fmt is ListFormat.table else 0
    text = " ".join(query_words)
    hits = Registry.at(opts.root).search(text, english=opts.lang == "en")
    shown = hits[:most] if most else hits
    empty = message("no_hits", opts.lang, query=text)
    search_results.emit(fmt.value, shown, len(hits) - len(shown), style, empty)
