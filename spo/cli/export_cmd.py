"""`spo export sqlite FILE` and `spo export csv DIR`: the registry as tables for other tools.

The tables and their rows come from `spo.export`; this module checks where they go, words the
Datasette metadata (`metadata.json` beside the database, in the user's language) and says what
it wrote. Nothing is replaced without --force: an export names a file the user chose, and an
earlier export there may be one that was published.

Imports inside the functions: this module is imported whenever any command runs (see
`spo.cli.lazy`), so the model read from the index and the file writer are imported
by the export that needs them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from spo import __version__
from spo.api import (
    SEARCH_TEXT,
    SHAPES,
    Registry,
    Table,
    UsageError,
    csv_rows,
    dangling,
    with_bom,
    write_sqlite,
)
from spo.cli.app import export_app, settings
from spo.cli.csv_style import Delimiter, csv_style
from spo.cli.language import Lang
from spo.cli.render import console
from spo.cli.render.console import warn
from spo.cli.words import say

METADATA = "metadata.json"


def _root(ctx: typer.Context) -> Path:
    return Registry.at(settings(ctx).root).root


def _tables(ctx: typer.Context, root: Path) -> tuple[list[Table], Lang]:
    """The tables to write, after a warning on stderr for each kind of gap in them."""
    opts = settings(ctx)
    reg = Registry(root)
    records = reg.read()
    if records.skipped:
        from spo.cli.render.labels import message

        warn(message("skipped", opts.lang, count=len(records.skipped)))
    exported = reg.export_tables(records=records)
    broken = dangling(exported)
    if broken:
        warn(say("export.dangling", opts.lang, count=broken))
    return exported, opts.lang


def _free(targets: list[Path], force: bool, root: Path) -> None:
    """Refuse (exit 2) unless every target can be written: its folder exists, and it is one
    that `spo.writing.outputs.check_target` lets spo write (--force to replace a file)."""
    from spo.api import check_target

    for target in targets:
        if not target.parent.is_dir():
            raise UsageError.of("usage.export-no-folder", path=str(target.parent))
        check_target(target, force=force, registry=root)


Force = Annotated[bool, typer.Option("--force")]


@export_app.command("sqlite")
def export_sqlite(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument()],
    force: Force = False,
    source_url: Annotated[str | None, typer.Option("--source-url")] = None,
    license: Annotated[str | None, typer.Option("--license")] = None,
    license_url: Annotated[str | None, typer.Option("--license-url")] = None,
) -> None:
    """The registry as one SQLite database for Datasette, with metadata.json beside it."""
    metadata_file = file.parent / METADATA
    root = _root(ctx)
    _free([file, metadata_file], force, root)
    for option, url in (("--source-url", source_url), ("--license-url", license_url)):
        if url is not None and not url.startswith(("http://", "https://")):
            raise UsageError.of("usage.export-bad-url", option=option, value=url)
    exported, lang = _tables(ctx, root)
    from spo.api import write_files

    metadata = datasette_metadata(exported, lang, file.stem, source_url, license, license_url)
    text = json.dumps(metadata, ensure_ascii=False, indent=2) + "\n"
    write_files(
        [(file, lambda at: write_sqlite(exported, at)), (metadata_file, text.encode("utf-8"))],
        file,
    )
    for written in (file, metadata_file):
        console.tell(say("export.wrote", lang, path=str(written)))


@export_app.command("csv")
def export_csv(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument()],
    force: Force = False,
    delimiter: Delimiter = None,
) -> None:
    """The registry's tables as CSV files that Excel opens correctly, one per table: for
    Turkish Excel under --lang tr (`spo.cli.csv_style`)."""
    from spo.api import check_target

    style = csv_style(settings(ctx).lang, delimiter)
    root = _root(ctx)
    if folder.exists() and not folder.is_dir():
        raise UsageError.of("usage.export-not-a-folder", path=str(folder))
    if not folder.parent.is_dir():
        raise UsageError.of("usage.export-no-folder", path=str(folder.parent))
    check_target(folder / SHAPES[0].name, force=True, registry=root)  # not in a data folder
    existing = [folder / f"{shape.name}.csv" for shape in SHAPES] if folder.is_dir() else []
    _free(existing, force, root)
    exported, lang = _tables(ctx, root)
    from spo.api import write_files

    files: list[tuple[Path, bytes]] = [
        (
            folder / f"{table.name}.csv",
            with_bom(style.text(table.column_names, csv_rows(table, style.word, style.decimal))),
        )
        for table in exported
    ]
    write_files(files, folder, folder=folder)
    for path, _ in files:
        console.tell(say("export.wrote", lang, path=str(path)))


def datasette_metadata(
    exported: list[Table],
    lang: Lang,
    database: str,
    source_url: str | None,
    license: str | None,
    license_url: str | None,
) -> dict[str, object]:
    """Datasette's metadata: the title, description, source and licence of the whole, and a
    description of each table, in the user's language."""
    about: dict[str, object] = {
        "title": say("export.title", lang),
        "description": say("export.description", lang),
        "source": say("export.source", lang, version=__version__),
    }
    if source_url:
        about["source_url"] = source_url
    if license:
        about["license"] = license
    if license_url:
        about["license_url"] = license_url
    described: dict[str, object] = {}
    for table in exported:
        entry: dict[str, object] = {"description": say(f"export.table.{table.name}", lang)}
        if table.search:
            entry["fts_table"] = f"{table.name}_fts"  # matched to the table by its rowid
            entry["columns"] = {SEARCH_TEXT: say("export.search-text", lang)}
        if table.label:
            entry["label_column"] = table.label
        lists = {name for name, kind in table.columns if kind is list}
        entry["facets"] = [{"array": f} if f in lists else f for f in table.facets]
        described[table.name] = entry
    return {**about, "databases": {database: {**about, "tables": described}}}
