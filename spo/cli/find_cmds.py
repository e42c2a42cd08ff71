"""`spo project list|show`, `spo municipality list|show`, `spo transfer list`, `spo search`.

Each command reads the registry, asks `spo.query.lists` or `spo.query.search` for the records and
hands them to `spo.cli.render`. Help texts are in the catalogue (`help.*`).

Imports inside the functions: this module is imported whenever any command runs or shows its
help (see `spo.cli.lazy`), so the model, the queries, the search and the renderers (and Rich
through them) are imported only by the command that needs them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated

import typer

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
from spo.files import registry
from spo.query import naming
from spo.rules import lookup
from spo.rules.errors import SpoError
from spo.rules.vocabulary import (
    MUNICIPALITY_KINDS,
    PROJECT_STATUSES,
    SERVICE_MODELS,
    STAGES,
    TARGET_GROUPS,
    THEMES,
)

if TYPE_CHECKING:
    from spo.index import Index
    from spo.model import Registry

DEFAULT_TABLE_LIMIT = 20  # search results a table shows unless told (--limit)

ShowAs = Annotated[str, choice("--format", "-f", choices=ShowFormat)]


def _ids(reg: Registry, kind: str, given: Values) -> list[str]:
    """The ids of the records an option names: ids, or names as people type them
    (`spo.query.naming`)."""
    return [naming.record_id(reg.root, kind, text) for text in given or []]


def _open_one(ctx: typer.Context, kind: str, text: str) -> tuple[Registry, Lang, str]:
    """For `show`: the id `text` names (a name is looked up before anything is read), and the
    one file shown, read itself, with from the index only the records it names or is named by;
    the whole registry when that file is not a clean record, so that what is said about it stays
    what `_open` leads to; except that a file that exists and had to be left out is said to be
    unreadable (exit 1), not missing."""
    from spo.cli.render.labels import message
    from spo.query.reading import partial_registry, read_registry

    opts = settings(ctx)
    root = registry.find_root(opts.root)
    record_id = naming.record_id(root, kind, text)
    loaded = partial_registry(root, kind, record_id)
    if loaded is None:
        loaded = read_registry(root)
        path = registry.record_path(root, kind, record_id)
        if path in loaded.skipped:
            raise SpoError.of("show.unreadable", path=path.relative_to(root).as_posix())
    if loaded.skipped:
        warn(message("skipped", opts.lang, count=len(loaded.skipped)))
    return loaded, opts.lang, record_id


def _listed(
    ctx: typer.Context,
    format: str,
    whole: str | None,
    words: tuple[str, str],
    options: Sequence[object],
    select: Callable[[Registry, Lang], list[object]],
    delimiter: str | None = None,
) -> None:
    """A list command: `select` the records from the registry (`whole`: see
    `spo.query.reading.listing_registry_of`) and list them (`words`: the kind of record, whose
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
        from spo.query.reading import listing_registry_of

        reg = listing_registry_of(index, whole=whole)
        items = select(reg, opts.lang)
        listing = LISTINGS[kind]
        note = "" if items else "empty"
        if fmt is ListFormat.csv:
            return csv_of(listing, items, reg, style).encode("utf-8"), note
        if fmt is not ListFormat.table:
            return formatted(fmt.value, listing, items, reg), note
        if not items:
            return "", note
        table = table_of(listing, items, reg, opts.lang)
        return (lambda out: out.print(table)), note

    def heard(note: str) -> None:
        if note:
            kept.say(empty, opts.lang)

    def to_stdout(value: bytes | str) -> None:
        kept.write(kept_for_stdout(value) if isinstance(value, bytes) else value)

    to = to_stdout if fmt is ListFormat.csv else None
    parts = ("list", kind, fmt.value, opts.lang, options, width, style.delimiter)
    kept.show(registry.find_root(opts.root), opts.lang, parts, width, make, heard, to)


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

    def select(reg: Registry, lang: Lang) -> list[object]:
        from spo.cli.render.labels import name_of
        from spo.query import lists as query

        order = sort_order(sort)
        wanted = query.ProjectFilter(
            owners=query.known_ids(
                "municipality", reg.municipalities, _ids(reg, "municipality", owner)
            ),
            themes=query.vocabulary_values(THEMES, theme or []),
            target_groups=query.vocabulary_values(TARGET_GROUPS, target_group or []),
            service_models=query.vocabulary_values(SERVICE_MODELS, service_model or []),
            statuses=query.vocabulary_values(PROJECT_STATUSES, status or []),
            adopted_by=query.known_ids(
                "municipality", reg.municipalities, _ids(reg, "municipality", adopted_by)
            ),
        )
        return list(query.projects(reg, wanted, order, name_of(lang)))

    options = [owner, theme, target_group, service_model, status, adopted_by, sort]
    _listed(ctx, format, "project", ("project", "no_projects"), options, select, delimiter)


@project_app.command("show")
def project_show(
    ctx: typer.Context,
    project_id: Annotated[str, typer.Argument(click_type=PROJECT_ID)],
    format: ShowAs = ShowFormat.table.value,
) -> None:
    """Show one project and every municipality that has a transfer of it."""
    from spo.cli.render.listings import write_record
    from spo.cli.render.records import project_record, transfer_record
    from spo.cli.render.views import project_view
    from spo.query import lists as query

    fmt = choose("--format", format, ShowFormat)
    reg, lang, shown = _open_one(ctx, "project", project_id)
    project = lookup.get("project", reg.projects, shown)
    if fmt is ShowFormat.table:
        console().print(project_view(project, reg, lang))
        return
    record = project_record(project, reg)
    record["transfers"] = [transfer_record(t, reg) for t in query.transfers_of(reg, project.id)]
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

    def select(reg: Registry, lang: Lang) -> list[object]:
        from spo.query import lists as query

        order = sort_order(sort)
        wanted = query.MunicipalityFilter(
            kinds=query.vocabulary_values(MUNICIPALITY_KINDS, kind or []),
            provinces=query.province_plates(province or []),
            has_engagements=engagements,
            has_transfers=transfers,
            stages=query.vocabulary_values(STAGES, stage or []),
        )
        return list(query.municipalities(reg, wanted, order))

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

    def select(reg: Registry, lang: Lang) -> list[object]:
        from spo.cli.render.labels import name_of
        from spo.query import lists as query

        order = sort_order(sort)
        wanted = query.TransferFilter(
            projects=query.known_ids("project", reg.projects, _ids(reg, "project", project)),
            municipalities=query.known_ids(
                "municipality", reg.municipalities, _ids(reg, "municipality", to)
            ),
            stages=query.vocabulary_values(STAGES, stage or []),
            mentors=query.known_ids(
                "municipality", reg.municipalities, _ids(reg, "municipality", owner)
            ),
            dates=query.date_range(since, until),
        )
        return list(query.transfers(reg, wanted, order, name_of(lang)))

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
    from spo.query import search

    opts = settings(ctx)
    fmt = choose("--format", format, ListFormat)
    refuse_unless_csv(format, delimiter)
    style = csv_style(opts.lang, delimiter)
    most = count("--limit", limit)
    if most is None:
        most = DEFAULT_TABLE_LIMIT if fmt is ListFormat.table else 0
    text = " ".join(query_words)
    hits = search.search_registry(registry.find_root(opts.root), text, english=opts.lang == "en")
    shown = hits[:most] if most else hits
    empty = message("no_hits", opts.lang, query=text)
    search_results.emit(fmt.value, shown, len(hits) - len(shown), style, empty)
