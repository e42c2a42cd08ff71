"""`spo report [--as-of DATE] [--owner ID] [--format table|json|markdown|html] [-o FILE]
[--strict]`, and `spo report --explain METRIC [--kind KIND]`: the records behind one figure.

Every format lists the record files the report was computed without (`spo.report.left_out`).
With `--strict` such a file makes the command exit 1; the report is still written whole (to
stdout or -o), since what it left out is on the page, and a CI job keeps it as an artifact."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from spo.cli.app import LangChoice, app, settings
from spo.cli.completion import MUNICIPALITY_ID, complete_values
from spo.cli.language import Lang
from spo.cli.options import choice, choose
from spo.errors import UsageError
from spo.vocabulary import METRICS, MUNICIPALITY_KINDS

if TYPE_CHECKING:
    from spo.index import Index
    from spo.model import Registry
    from spo.report import Explanation


class ReportFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


def parse_day(text: str) -> date:
    """One day, as people type it (`2025-03-21`, `21.03.2025`, `21 Mart 2025`): a report is as of
    one day."""
    from spo.dates import DateError
    from spo.typed_dates import typed_day as day

    try:
        return day(text)
    except DateError as exc:
        raise UsageError.of("usage.bad-option", option="--as-of", problem=exc.message) from None


@app.command()
def report(
    ctx: typer.Context,
    as_of: Annotated[str | None, typer.Option("--as-of")] = None,
    owner: Annotated[str | None, typer.Option("--owner", click_type=MUNICIPALITY_ID)] = None,
    format: Annotated[
        str, choice("--format", "-f", choices=ReportFormat)
    ] = ReportFormat.table.value,
    lang: Annotated[str | None, choice("--lang", choices=LangChoice)] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", dir_okay=False)] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    strict: Annotated[bool, typer.Option("--strict")] = False,
    explain: Annotated[
        str | None, typer.Option("--explain", autocompletion=complete_values(METRICS))
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", autocompletion=complete_values(MUNICIPALITY_KINDS))
    ] = None,
) -> None:
    """The figures behind a press release as of a day, beside the figures published."""
    from spo import registry

    opts = settings(ctx)  # --lang here was read with the global one (see spo.cli.main)
    if lang is not None:
        choose("--lang", lang, LangChoice)
    fmt = choose("--format", format, ReportFormat)
    day = parse_day(as_of) if as_of is not None else date.today()
    if kind is not None and explain is None:
        raise UsageError.of("usage.kind-needs-explain")
    if output is not None and explain is not None:
        raise UsageError.of("usage.output-with-explain")
    root = registry.find_root(opts.root)
    if output is not None:
        from spo.cli.render.report_file import check_output

        check_output(output, force, root)
    if owner is not None:
        from spo.naming import record_id

        owner = record_id(root, "municipality", owner)
    if explain is None:
        from spo.cli.kept import plain_width

        width = plain_width() if fmt is ReportFormat.table else 0
        if output is not None and width is None:  # a table into a file: as if piped
            from spo.cli.render.console import PIPED_WIDTH, columns

            width = columns() or PIPED_WIDTH
        if width is not None:
            left_out = _print_kept(root, fmt, opts.lang, day, owner, width, output)
            _exit_if_strict(strict, left_out, opts.lang)
            return
    from spo.cli.render.console import console, warn
    from spo.cli.render.labels import message
    from spo.reading import read_registry
    from spo.report import compute_report
    from spo.report import explain as explain_figure

    records = read_registry(root)
    if explain is not None:
        explanation = explain_figure(records, explain, day, kind, owner)
    else:
        result = compute_report(records, day, owner, with_left_out=True)
    if records.skipped:
        warn(message("skipped", opts.lang, count=len(records.skipped)))
    if explain is not None:
        _print_explanation(explanation, records, fmt, opts.lang)
    else:
        from spo.cli.render.report_table import render_table

        render_table(result, opts.lang, console())
    _exit_if_strict(strict, len(records.skipped), opts.lang)


def _exit_if_strict(strict: bool, left_out: int, lang: Lang) -> None:
    """Under --strict, a report computed without some records fails, once it is written."""
    if strict and left_out:
        from spo.cli.render.console import warn
        from spo.cli.render.report_words import message

        warn(message("left_out_strict", lang, count=left_out))
        raise typer.Exit(1)


def _print_kept(
    root: Path,
    fmt: ReportFormat,
    lang: Lang,
    day: date,
    owner: str | None,
    width: int,
    output: Path | None = None,
) -> int:
    """A report depends only on the records, the day, the owner, the language (and a table on
    its width), so it is kept in the index (`spo.cli.kept`): a warm run of an unchanged registry
    writes it back instead of building the model and computing the report again. Returns how
    many record files it was computed without (kept as its note)."""
    from spo.cli import kept

    def make(index: Index) -> kept.Kept:
        from spo.reading import registry_of

        records = registry_of(index, index.records())
        return _report_output(records, fmt, lang, day, owner, width), str(len(records.skipped))

    parts = ("report", fmt.value, lang, day.isoformat(), owner, width)
    value, note = kept.output(root, lang, parts, make)
    if output is None:
        kept.write(value)
    else:
        from spo.cli.render.report_file import write_file

        write_file(output, value if isinstance(value, bytes) else value.encode("utf-8"))
    return int(note or 0)


def _report_output(
    records: Registry, fmt: ReportFormat, lang: Lang, day: date, owner: str | None, width: int
) -> bytes | str:
    from spo.report import compute_report

    result = compute_report(records, day, owner, with_left_out=True)
    if fmt is ReportFormat.json:
        from spo.cli.render.report_json import format_json

        return format_json(result, lang).encode("utf-8")
    if fmt is ReportFormat.markdown:
        from spo.cli.render.report_markdown import format_markdown

        return format_markdown(result, lang).encode("utf-8")
    if fmt is ReportFormat.html:
        from spo.cli.render.report_html import format_html
        from spo.report.places import relations, timeline

        places, years = relations(records, day, owner), timeline(records, day, owner)
        return format_html(result, places, years, lang).encode("utf-8")
    from spo.cli.kept import drawn
    from spo.cli.render.report_table import render_table

    return drawn(width, lambda out: render_table(result, lang, out))


def _print_explanation(
    explanation: Explanation, records: Registry, fmt: ReportFormat, lang: Lang
) -> None:
    from spo.cli.render import report_explain
    from spo.cli.render.console import console, write_text

    if fmt is ReportFormat.json:
        write_text(report_explain.format_json(explanation))
    elif fmt is ReportFormat.markdown:
        write_text(report_explain.format_markdown(explanation, records, lang))
    else:
        report_explain.render_table(explanation, records, lang, console())
