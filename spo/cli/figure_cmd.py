"""`spo figure add`: record a figure an office published, in its municipality's file.

It calls `spo.api.Registry.add_figure` and shows what it wrote as `spo engagement add` does
(`spo.cli.asked`); in a terminal, what is missing is asked for with the same questions
(`spo.cli.prompts`): each answer checked where it is typed.

Imports inside the functions: this module is imported whenever any command runs (see
`spo.cli.lazy`), so the registry and the writer are imported by the command that writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from spo.api import MAX_COUNT, METRICS, MUNICIPALITY_KINDS, QUALIFIERS, FileValue, UsageError
from spo.cli import words
from spo.cli.app import figure_app, settings
from spo.cli.asked import Given, command_line, named_as, report, summary, write_asked
from spo.cli.citing import file_value
from spo.cli.completion import MUNICIPALITY_ID, complete_values
from spo.cli.options import DryRun, Note, Source, When, Yes, count
from spo.cli.prompts import Asker, require, say
from spo.cli.render import console
from spo.cli.writing_options import named, root_and_lang

if TYPE_CHECKING:
    from spo.api import WriteResult

Cited = str | dict[str, str | None] | None


@dataclass(frozen=True)
class _Figure:
    """What `Registry.add_figure` is given: the options, or the answers to the questions."""

    to: str | None  # None: the office's municipality
    metric: str
    value: int
    qualifier: str
    when: str
    kind: str | None
    note: str | None
    source: Cited

    def write(self, root: Path, today: date, dry_run: bool) -> WriteResult:
        from spo.api import Registry

        return Registry(root).add_figure(
            municipality=self.to,
            date=self.when,
            metric=self.metric,
            value=self.value,
            qualifier=self.qualifier,
            municipality_kind=self.kind,
            note=self.note,
            source=self.source,
            today=today,
            dry_run=dry_run,
        )


def _cited(url: str | None, parts: dict[str, str | None]) -> Cited:
    """The source the options give: the web address alone, or a citation with it."""
    if not any(parts.values()):
        return url
    return {k: v for k, v in {**parts, "url": url}.items() if v is not None}


def _publisher(asker: Asker) -> str:
    """The office's municipality (said, not asked), or the one the user names."""
    from spo.api import Registry

    try:
        office = Registry(asker.root).office()
    except UsageError:
        return asker.record("municipality", "publisher")
    name = named_as(asker.name_of("municipality", office), office)
    console.tell(say("published-by", asker.lang, name=name))
    return office


@figure_app.command("add")
def figure_add(
    ctx: typer.Context,
    to: Annotated[
        str | None, typer.Option("--to", "--municipality", click_type=MUNICIPALITY_ID)
    ] = None,
    metric: Annotated[
        str | None, typer.Option("--metric", autocompletion=complete_values(METRICS))
    ] = None,
    value: Annotated[str | None, typer.Option("--value")] = None,
    qualifier: Annotated[
        str | None, typer.Option("--qualifier", autocompletion=complete_values(QUALIFIERS))
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", autocompletion=complete_values(MUNICIPALITY_KINDS))
    ] = None,
    when: When = None,
    note: Note = None,
    source: Source = None,
    source_title: Annotated[str | None, typer.Option("--source-title")] = None,
    source_publisher: Annotated[str | None, typer.Option("--source-publisher")] = None,
    source_date: Annotated[str | None, typer.Option("--source-date")] = None,
    source_archived: Annotated[str | None, typer.Option("--source-archived")] = None,
    dry_run: DryRun = False,
    yes: Yes = False,
) -> None:
    """Record a figure an office published ("16 municipalities hosted"), as of a date and from
    a source, in the reported figures of the office's municipality (or of --to). In a
    terminal, missing options are asked for."""
    root, lang = root_and_lang(ctx)
    to = named(root, "municipality", to)
    today = date.today()
    number = count("--value", value, MAX_COUNT)
    parts = {
        "publisher": source_publisher,
        "title": source_title,
        "date": source_date,
        "archived": source_archived,
    }
    cited = _cited(source, parts)
    required = {"--metric": metric, "--value": number, "--qualifier": qualifier}
    if not require({**required, "--date": when, "--source": cited}, lang):
        assert metric and number is not None and qualifier and when
        figure = _Figure(to, metric, number, qualifier, when, kind, note, cited)
        report(figure.write(root, today, dry_run), lang)
        return
    asker = Asker(root, lang)
    to = to or _publisher(asker)
    # Each answer below is a vocabulary's value (a label typed is taken for its value).
    metric = asker.term(METRICS, "metric", given=metric)
    kind = asker.optional_term(MUNICIPALITY_KINDS, "municipality-kind", given=kind)
    if number is None:
        number = asker.whole("value", MAX_COUNT)
    qualifier = asker.term(QUALIFIERS, "qualifier", given=qualifier)
    when = asker.day(today, given=when, suggest_today=False)
    note = note or asker.note()
    cited = cited or asker.web_address("source")
    figure = _Figure(to, metric, number, qualifier, when, kind, note, cited)
    _confirm(ctx, figure, asker, today, dry_run=dry_run, yes=yes)


def _confirm(
    ctx: typer.Context, figure: _Figure, asker: Asker, today: date, *, dry_run: bool, yes: bool
) -> None:
    """The answers shown, the lines to be written shown and confirmed, then written."""
    lang = asker.lang
    to, cited, kind = figure.to or "", figure.source, figure.kind
    shown_source = file_value(FileValue.of(cited, source=True)) if cited else None
    summary(
        [
            ("publisher", named_as(asker.name_of("municipality", to), to)),
            ("metric", words.label(METRICS, figure.metric, lang)),
            ("municipality-kind", kind and words.label(MUNICIPALITY_KINDS, kind, lang)),
            ("value", str(figure.value)),
            ("qualifier", words.label(QUALIFIERS, figure.qualifier, lang)),
            ("date", figure.when),
            ("note", figure.note),
            ("source", shown_source),
        ],
        lang,
    )
    given: list[Given] = [
        ("--to", to),
        ("--metric", figure.metric),
        ("--value", figure.value),
        ("--qualifier", figure.qualifier),
        ("--kind", kind),
        ("--date", figure.when),
        ("--note", figure.note),
    ]
    if isinstance(cited, dict):
        given += [(f"--source-{k}" if k != "url" else "--source", v) for k, v in cited.items()]
    else:
        given.append(("--source", cited))
    given.append(("--dry-run", dry_run))
    write_asked(
        lambda preview: figure.write(asker.root, today, preview),
        command_line(ctx, settings(ctx).root, given),
        lang,
        yes=yes,
        dry_run=dry_run,
    )
