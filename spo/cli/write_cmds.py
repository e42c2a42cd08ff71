"""`spo transfer add`, `spo engagement add`.

Each command calls one operation of `spo.writing` and shows what it wrote (`report`): the file
and its new lines, or with `--dry-run` a diff. In a terminal, missing options are asked for (see
`spo.cli.prompts`).

Imports inside the functions: this module is imported whenever any command runs (see
`spo.cli.lazy`), so the writer (`spo.writing`, and YAML and the validator through it)
is imported by the command that writes.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from spo.api import ENGAGEMENT_KINDS, MAX_COUNT, STAGES, SpoError, Vocabulary, next_stage
from spo.cli import words
from spo.cli.app import engagement_app, settings, transfer_app
from spo.cli.asked import Given, command_line, named_as, report, summary, write_asked
from spo.cli.completion import MUNICIPALITY_ID, PROJECT_ID, complete_values
from spo.cli.language import Lang
from spo.cli.options import DryRun, Note, Source, When, Yes, count
from spo.cli.prompts import Asker, reason, require, say
from spo.cli.render import console
from spo.cli.writing_options import named, root_and_lang

# --- shared by the two commands ----------------------------------------------------------------


def _label(vocab: Vocabulary, typed: str, lang: Lang) -> str:
    """The label of what was typed, a value or a label ("toplantı" reads "Toplantı")."""
    return words.label(vocab, vocab.value_for(typed) or typed, lang)


def _next_stage(asker: Asker, project: str, municipality: str) -> str | None:
    """The stage that would follow the transfer's current one; shows the current one."""
    found = asker.registry.municipalities.get(municipality)
    for transfer in found.transfers if found else ():
        if transfer.project == project:
            current = transfer.current
            label = words.label(STAGES, current.stage, asker.lang)
            console.tell(say("current", asker.lang, stage=label, date=current.date))
            return next_stage(current.stage)
    return next_stage(None)


def _stage_and_day(
    asker: Asker, project: str, to: str, stage: str | None, when: str | None, today: date
) -> tuple[str, str]:
    """The stage and its date, asked for until the transfer's history can take them: a stage
    already recorded, or a date out of order with the history, is said where it was typed and
    both are asked again, so that nothing is refused after the other answers."""
    from spo.api import Refusal, Registry

    while True:
        stage = stage or asker.term(STAGES, "stage", _next_stage(asker, project, to))
        when = asker.day(today, given=when)
        try:  # the write's own rules, on a dry run with what is known so far
            Registry(asker.root).add_stage(project, to, stage, date=when, today=today, dry_run=True)
        except (SpoError, Refusal) as exc:
            said = reason(exc)
            if said.key not in _HISTORY_REFUSALS:
                return stage, when  # no other answer mends it: the write says so, keeping them
            asker.try_again(said)
            stage = when = None
            continue
        return stage, when


# What a stage and its date can mend: the refusals of the history's order (`spo.writing.transfers`).
_HISTORY_REFUSALS = frozenset(
    f"refusal.{r}" for r in ("duplicate-stage", "before-earlier", "after-later", "current-stage")
)


# --- transfer add -------------------------------------------------------------------------------


@transfer_app.command("add")
def transfer_add(
    ctx: typer.Context,
    project: Annotated[str | None, typer.Option("--project", click_type=PROJECT_ID)] = None,
    to: Annotated[str | None, typer.Option("--to", click_type=MUNICIPALITY_ID)] = None,
    stage: Annotated[
        str | None, typer.Option("--stage", autocompletion=complete_values(STAGES))
    ] = None,
    when: When = None,
    note: Note = None,
    source: Source = None,
    dry_run: DryRun = False,
    yes: Yes = False,
) -> None:
    """Record a stage of a project's transfer to a municipality, in that municipality's file.

    The first stage creates the transfer; later ones join its history in date order. In a
    terminal, missing options are asked for.
    """
    from spo.api import Registry

    root, lang = root_and_lang(ctx)
    project, to = named(root, "project", project), named(root, "municipality", to)
    today = date.today()
    if not require({"--project": project, "--to": to, "--stage": stage}, lang):
        assert project and to and stage
        result = Registry(root).add_stage(
            project, to, stage, date=when, note=note, source=source, today=today, dry_run=dry_run
        )
        report(result, lang)
        return
    asker = Asker(root, lang)
    project = project or asker.record("project", "project")
    owner = asker.registry.projects[project].owner if project in asker.registry.projects else ""
    if to is not None and to == owner:  # given as --to: said now, and asked again
        name = asker.name_of("municipality", to) or to
        console.warn(say("owns-project", lang, name=name))
        to = None
    to = to or asker.record("municipality", "adopting", exclude=[owner], excluded="owns-project")
    stage, when = _stage_and_day(asker, project, to, stage, when, today)
    note = note or asker.note()
    source = source or asker.source()
    summary(
        [
            ("project", named_as(asker.name_of("project", project), project)),
            ("adopting", named_as(asker.name_of("municipality", to), to)),
            ("stage", _label(STAGES, stage, lang)),
            ("date", when),
            ("note", note),
            ("source", source),
        ],
        lang,
    )
    stage_value = STAGES.value_for(stage) or stage
    given: list[Given] = [("--project", project), ("--to", to), ("--stage", stage_value)]
    given += [("--date", when), ("--note", note), ("--source", source), ("--dry-run", dry_run)]
    write_asked(
        lambda preview: Registry(root).add_stage(
            project, to, stage, date=when, note=note, source=source, today=today, dry_run=preview
        ),
        command_line(ctx, settings(ctx).root, given),
        lang,
        yes=yes,
        dry_run=dry_run,
    )


# --- engagement add -----------------------------------------------------------------------------


@engagement_app.command("add")
def engagement_add(
    ctx: typer.Context,
    to: Annotated[str | None, typer.Option("--to", click_type=MUNICIPALITY_ID)] = None,
    host: Annotated[str | None, typer.Option("--host", click_type=MUNICIPALITY_ID)] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", autocompletion=complete_values(ENGAGEMENT_KINDS))
    ] = None,
    when: When = None,
    participants: Annotated[str | None, typer.Option("--participants")] = None,
    note: Note = None,
    source: Source = None,
    dry_run: DryRun = False,
    yes: Yes = False,
) -> None:
    """Record a study visit, meeting or training with a mentoring municipality (such as a
    Social Policy Tour visit), in the visiting municipality's file. In a terminal, missing
    options are asked for."""
    from spo.api import Registry

    root, lang = root_and_lang(ctx)
    to, host = named(root, "municipality", to), named(root, "municipality", host)
    today = date.today()
    head_count = count("--participants", participants, MAX_COUNT)
    if not require({"--to": to, "--host": host, "--kind": kind}, lang):
        assert to and host and kind
        result = Registry(root).add_engagement(
            to,
            host,
            kind,
            date=when,
            participants=head_count,
            note=note,
            source=source,
            today=today,
            dry_run=dry_run,
        )
        report(result, lang)
        return
    asker = Asker(root, lang)
    to = to or asker.record("municipality", "visitor")
    host = host or asker.record("municipality", "host", exclude=[to])
    kind = kind or asker.term(ENGAGEMENT_KINDS, "kind")
    when = asker.day(today, given=when)
    if head_count is None:
        head_count = asker.count("participants", MAX_COUNT)
    note = note or asker.note()
    source = source or asker.source()
    summary(
        [
            ("visitor", named_as(asker.name_of("municipality", to), to)),
            ("host", named_as(asker.name_of("municipality", host), host)),
            ("kind", _label(ENGAGEMENT_KINDS, kind, lang)),
            ("date", when),
            ("participants", None if head_count is None else str(head_count)),
            ("note", note),
            ("source", source),
        ],
        lang,
    )
    kind_value = ENGAGEMENT_KINDS.value_for(kind) or kind
    given: list[Given] = [("--to", to), ("--host", host), ("--kind", kind_value)]
    given += [("--date", when), ("--participants", head_count), ("--note", note)]
    given += [("--source", source), ("--dry-run", dry_run)]
    write_asked(
        lambda preview: Registry(root).add_engagement(
            to,
            host,
            kind,
            date=when,
            participants=head_count,
            note=note,
            source=source,
            today=today,
            dry_run=preview,
        ),
        command_line(ctx, settings(ctx).root, given),
        lang,
        yes=yes,
        dry_run=dry_run,
    )
