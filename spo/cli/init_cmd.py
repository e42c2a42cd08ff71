"""`spo init [DIR]`: start a registry for another office; `spo schema`: the schemas spo ships.

In a terminal, `spo init` without --province asks for the office's municipality (province, then
optionally district and town) with the questions of `spo municipality new`; elsewhere --province
is required. The work is `spo.writing.starting.start_registry`.

Imports inside the functions: this module is imported whenever any command runs (see
`spo.cli.lazy`), so the starting of a registry and the file writer are imported by
`spo init` and `spo schema` alone.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from spo.api import Registry, UsageError, schemas
from spo.cli import words
from spo.cli.app import app, settings
from spo.cli.language import Lang
from spo.cli.options import Sources, Website, choose
from spo.cli.place_questions import ask_place, asked_sources
from spo.cli.prompts import Asker, require
from spo.cli.render.console import tell


def say(key: str, lang: Lang, /, **fields: object) -> str:
    """A word of `spo init` and `spo schema` (`init.<key>` in the catalogue)."""
    return words.say(f"init.{key}", lang, **fields)


@app.command("init")
def init(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument()] = Path("."),
    province: Annotated[str | None, typer.Option("--province")] = None,
    district: Annotated[str | None, typer.Option("--district")] = None,
    town: Annotated[str | None, typer.Option("--town")] = None,
    office: Annotated[str | None, typer.Option("--office")] = None,
    website: Website = None,
    sources: Sources = None,
    spo_requirement: Annotated[str | None, typer.Option("--spo-requirement")] = None,
) -> None:
    """Start a new registry for another office."""
    from spo.api import requirement

    lang = settings(ctx).lang
    Registry(folder).refuse_taken()  # before any question is asked
    if spo_requirement is not None:
        requirement(spo_requirement)  # refused before any question too
    if require({"--province": province}, lang):
        asker = Asker(folder, lang)
        province, district, town = ask_place(asker, district, town)
        office = office or asker.optional("office")
        sources = sources or asked_sources(asker)
    assert province
    started = Registry(folder).start(
        province,
        district,
        town,
        office=office,
        website=website,
        sources=sources or (),
        spo_requirement=spo_requirement,
        today=date.today(),
        language=lang,
    )
    tell(say("started", lang, folder=str(folder), municipality=started.municipality))
    for path in started.files:
        typer.echo(f"  {path.relative_to(folder).as_posix()}")
    if started.left:
        tell(say("left", lang))
        for path in started.left:
            typer.echo(f"  {path.relative_to(folder).as_posix()}")
    tell(say("next", lang, folder=str(folder)))


class SchemaKind(StrEnum):
    project = "project"
    municipality = "municipality"


@app.command("schema")
def schema(
    ctx: typer.Context,
    kind: Annotated[str | None, typer.Argument()] = None,
    write: Annotated[Path | None, typer.Option("--write")] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
) -> None:
    """Print a JSON Schema of the registry's files, or write both into a folder."""
    from spo.api import check_target, schema_files, write_files

    lang = settings(ctx).lang
    if (kind is None) == (write is None):
        raise UsageError.of("usage.schema-kind-or-write")
    if kind is not None:
        # Named as its help page names it (KIND, TÜR).
        metavar = words.say("help.schema.options.kind.metavar", lang)
        chosen = choose(metavar, kind, SchemaKind).value
        typer.echo(schemas.render(chosen), nl=False)
        return
    assert write is not None
    if write.exists() and not write.is_dir():
        raise UsageError.of("usage.not-a-folder", folder=str(write))
    try:
        root: Path | None = Registry.at(settings(ctx).root).root
    except UsageError:  # no registry here: the schemas can go anywhere but a data folder
        root = None
    files = schema_files(write)
    for path, _ in files:
        check_target(path, force=force, registry=root)
    write_files(files, write, folder=write)
    for path, _ in files:
        tell(say("wrote", lang, path=str(path)))
