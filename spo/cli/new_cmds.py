"""`spo municipality new`, `spo project new`: create a record's file.

Each command calls one operation of `spo.writing` and shows the file it created, or with
`--dry-run` a diff. In a terminal, missing options are asked for (see `spo.cli.prompts`), and the
new file is shown before it is written.

Imports inside the functions: this module is imported whenever any command runs (see
`spo.cli.lazy`), so the writer (`spo.writing`, and YAML and the validator through it)
is imported by the command that writes.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from spo.api import KNOWN_STATUSES, MAX_ID_LENGTH, PROJECT_STATUSES
from spo.cli.app import municipality_app, project_app, settings
from spo.cli.asked import Given, command_line, named_as, report, write_asked
from spo.cli.asked import summary as show_answers
from spo.cli.completion import MUNICIPALITY_ID, complete_values
from spo.cli.language import Lang
from spo.cli.options import DryRun, Sources, Website, Yes
from spo.cli.place_questions import ask_place, asked_sources, recorded_already
from spo.cli.prompts import Asker, require, say
from spo.cli.render import console
from spo.cli.writing_options import named, root_and_lang

if TYPE_CHECKING:
    from spo.api import WriteResult


@municipality_app.command("new")
def municipality_new(
    ctx: typer.Context,
    province: Annotated[str | None, typer.Option("--province")] = None,
    district: Annotated[str | None, typer.Option("--district")] = None,
    town: Annotated[str | None, typer.Option("--town")] = None,
    kind: Annotated[str | None, typer.Option("--kind")] = None,
    name: Annotated[str | None, typer.Option("--name")] = None,
    website: Website = None,
    sources: Sources = None,
    dry_run: DryRun = False,
    yes: Yes = False,
) -> None:
    """Create a municipality file; its id, name and kind come from the province table."""
    from spo.api import Registry

    root, lang = root_and_lang(ctx)
    today = date.today()
    asked = require({"--province": province}, lang)
    if asked:
        asker = Asker(root, lang)
        while True:  # a municipality recorded already is said at its place's questions
            province, district, town = ask_place(asker, district, town)
            existing = recorded_already(root, province, kind, district, town)
            if existing is None:
                break
            console.warn(say("municipality-exists", lang, name=existing[0], path=existing[1]))
            district = town = None
        sources = sources or asked_sources(asker)
    assert province

    def make(preview: bool) -> WriteResult:
        assert province
        return Registry(root).new_municipality(
            province,
            kind=kind,
            district=district,
            town=town,
            name=name,
            website=website,
            sources=sources or (),
            today=today,
            dry_run=preview,
        )

    if not asked:
        report(make(dry_run), lang, created=True)
        return
    given: list[Given] = [("--province", province), ("--district", district), ("--town", town)]
    given += [("--kind", kind), ("--name", name), ("--website", website)]
    given += [("--source", sources or ()), ("--dry-run", dry_run)]
    line = command_line(ctx, settings(ctx).root, given)
    write_asked(make, line, lang, yes=yes, dry_run=dry_run, created=True)


def _shortened(name: str, lang: Lang) -> str | None:
    """In a terminal, a name too long to make an id gets a shorter one, said here and shown
    in the file before it is written (the person confirms it, or gives --id)."""
    from spo.api import shortened_project_id

    shorter = shortened_project_id(name)
    if shorter is not None:
        console.warn(say("shortened-id", lang, id=shorter, limit=MAX_ID_LENGTH))
    return shorter


@project_app.command("new")
def project_new(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Option("--name")] = None,
    owner: Annotated[str | None, typer.Option("--owner", click_type=MUNICIPALITY_ID)] = None,
    summary: Annotated[str | None, typer.Option("--summary")] = None,
    status: Annotated[
        str | None, typer.Option("--status", autocompletion=complete_values(PROJECT_STATUSES))
    ] = None,
    project_id: Annotated[str | None, typer.Option("--id")] = None,
    name_en: Annotated[str | None, typer.Option("--name-en")] = None,
    summary_en: Annotated[str | None, typer.Option("--summary-en")] = None,
    launched: Annotated[str | None, typer.Option("--launched")] = None,
    status_as_of: Annotated[str | None, typer.Option("--status-as-of")] = None,
    status_source: Annotated[str | None, typer.Option("--status-source")] = None,
    themes: Annotated[list[str] | None, typer.Option("--theme")] = None,
    target_groups: Annotated[list[str] | None, typer.Option("--target-group")] = None,
    service_model: Annotated[str | None, typer.Option("--service-model")] = None,
    website: Website = None,
    sources: Sources = None,
    dry_run: DryRun = False,
    yes: Yes = False,
) -> None:
    """Create a project file; its id is its Turkish name as a slug."""
    from spo.api import Registry, checked_id

    root, lang = root_and_lang(ctx)
    if project_id is not None:
        checked_id(project_id)  # before any question is asked
    owner = named(root, "municipality", owner)
    today = date.today()
    given = {"--name": name, "--owner": owner, "--summary": summary, "--status": status}
    asked = require(given, lang)
    if asked:
        asker = Asker(root, lang)
        name = name or asker.checked(
            lambda: asker.free_text("name", "name"),
            lambda answer: Registry(root).free_project_id(answer, project_id),
        )
        owner = owner or asker.record("municipality", "owner")
        summary = summary or asker.free_text("summary", "summary")
        status = status or asker.term(PROJECT_STATUSES, "status")
        if PROJECT_STATUSES.value_for(status) in KNOWN_STATUSES:
            status_as_of = asker.day(today, "status_as_of", suggest_today=False, given=status_as_of)
            status_source = status_source or asker.web_address("status_source")
        sources = sources or asked_sources(asker)
        project_id = project_id or _shortened(name, lang)

    def make(preview: bool) -> WriteResult:
        assert name and owner and summary and status
        return Registry(root).new_project(
            name,
            owner=owner,
            summary=summary,
            status=status,
            project_id=project_id,
            name_en=name_en,
            summary_en=summary_en,
            launched=launched,
            status_as_of=status_as_of,
            status_source=status_source,
            themes=themes or (),
            target_groups=target_groups or (),
            service_model=service_model,
            website=website,
            sources=sources or (),
            today=today,
            dry_run=preview,
        )

    if not asked:
        report(make(dry_run), lang, created=True)
        return
    assert owner
    show_answers([("owner", named_as(asker.name_of("municipality", owner), owner))], lang)
    options: list[Given] = [("--name", name), ("--owner", owner), ("--summary", summary)]
    options += [("--status", status), ("--id", project_id), ("--name-en", name_en)]
    options += [("--summary-en", summary_en), ("--launched", launched)]
    options += [("--status-as-of", status_as_of), ("--status-source", status_source)]
    options += [("--theme", themes or ()), ("--target-group", target_groups or ())]
    options += [("--service-model", service_model), ("--website", website)]
    options += [("--source", sources or ()), ("--dry-run", dry_run)]
    line = command_line(ctx, settings(ctx).root, options)
    write_asked(make, line, lang, yes=yes, dry_run=dry_run, created=True)
