"""`spo report [--as-of DATE] [--owner ID] [--format table|json|markdown|html] [-o FILE]
[--strict]`, and `spo report --explain METRIC [--kind KIND]`: the records behind one figure.

Every format lists the record files the report was computed without (`spo.report.left_out`).
With `--strict` such a file makes the command exit 1; the report is still written whole (to
stdout or -o), since what it left out is on the page, and a CI job keeps it as an artifact.

Imports inside the functions: this module is imported whenever any command runs (see
`spo.cli.lazy`), so the model, the report's computation and its renderers (and Rich through
them) are imported only by the report that needs them."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from spo.api import METRICS, MUNICIPALITY_KINDS, Registry, UsageError
from spo.cli import kept
from spo.cli.app import LangChoice, app, settings
from spo.cli.completion import MUNICIPALITY_ID, complete_values
from spo.cli.days import parse_day
from spo.cli.language import Lang
from spo.cli.options import choice, choose
from spo.cli.render.console import PIPED_WIDTH, columns, warn

if TYPE_CHECKING:
    from spo.api import Explanation, Index, Records


class ReportFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


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
    opts = settings(ctx)  # --lang here was read with the global one (see spo.cli.main)
    if lang is not None:
        choose("--lang", lang, LangChoice)
    fmt = choose("--format", format, ReportFormat)
    day = parse_day(as_of) if as_of is not None else date.today()
    if kind is not None and explain is None:
        raise UsageError.of("usage.kind-needs-explain")
    if output is not None and explain is not None:
        raise UsageError.of("usage.output-with-explain")
    reg = Registry.at(opts.root)
    root = reg.root
    if output is not None:
        from spo.cli.render.report_file import check_output  # lazy: the writer of files

        check_output(output, force, root)
    if owner is not None:
        owner = reg.id_of("municipality", owner)
    if explain is None:
        left_out = _show(root, fmt, opts.lang, day, owner, output)
    else:
        left_out = _explain(root, explain, kind, fmt, opts.lang, day, owner)
    _exit_if_strict(strict, left_out, opts.lang)


def _exit_if_strict(strict: bool, left_out: int, lang: Lang) -> None:
    """Under --strict, a report computed without some records fails, once it is written."""
    if strict and left_out:
        from spo.cli.render.report_words import message  # lazy: needs the model

        warn(message("left_out_strict", lang, count=left_out))
        raise typer.Exit(1)


def _show(
    root: Path, fmt: ReportFormat, lang: Lang, day: date, owner: str | None, output: Path | None
) -> int:
    """A report depends only on the records, the day, the owner, the language (and a table on
    its width), so it is kept in the index (`spo.cli.kept`): a warm run of an unchanged registry
    writes it back instead of building the model and computing the report again. Returns how
    many record files it was computed without (kept as its note)."""
    width = kept.plain_width() if fmt is ReportFormat.table else 0
    if output is not None and width is None:  # a table into a file: as if piped
        width = columns() or PIPED_WIDTH

    def make(index: Index) -> kept.Made:
        records = Registry(root).read(index=index)
        return _report_output(records, fmt, lang, day, owner), str(len(records.skipped))

    parts = ("report", fmt.value, lang, day.isoformat(), owner, width)
    to = None if output is None else _to_file(output)
    return int(kept.show(root, lang, parts, width, make, to=to) or 0)


def _to_file(output: Path) -> kept.Write:
    def write(value: bytes | str) -> None:
        from spo.cli.render.report_file import write_file  # lazy: the writer of files

        write_file(output, value if isinstance(value, bytes) else value.encode("utf-8"))

    return write


def _report_output(
    records: Records, fmt: ReportFormat, lang: Lang, day: date, owner: str | None
) -> kept.Drawing:
    reg = Registry(records.root)
    result = reg.report(as_of=day, owner=owner, records=records)
    if fmt is ReportFormat.json:
        from spo.cli.render.report_json import format_json

        return format_json(result, lang).encode("utf-8")
    if fmt is ReportFormat.markdown:
        from spo.cli.render.report_markdown import format_markdown

        return format_markdown(result, lang).encode("utf-8")
    if fmt is ReportFormat.html:
        from spo.cli.render.report_html import format_html

        places = reg.places(as_of=day, owner=owner, records=records)
        years = reg.timeline(as_of=day, owner=owner, records=records)
        return format_html(result, places, years, lang).encode("utf-8")
    from spo.cli.render.report_table import render_table

    return lambda out: render_table(result, lang, out)


def _explain(
    root: Path,
    metric: str,
    kind: str | None,
    fmt: ReportFormat,
    lang: Lang,
    day: date,
    owner: str | None,
) -> int:
    """`--explain`: the records behind one figure, never kept. Returns how many record files
    it was computed without."""
    from spo.cli.render.labels import message

    reg = Registry(root)
    records = reg.read()
    explanation = reg.explain(metric, as_of=day, kind=kind, owner=owner, records=records)
    if records.skipped:
        warn(message("skipped", lang, count=len(records.skipped)))
    _print_explanation(explanation, records, fmt, lang)
    return len(records.skipped)


def _print_explanation(
    explanation: Explanation, records: Records, fmt: ReportFormat, lang: Lang
) -> None:
    from spo.cli.render import report_explain
    from spo.cli.render.console import console, write_text

    if fmt is ReportFormat.json:
        write_text(report_explain.format_json(explanation))
    elif fmt is ReportFormat.markdown:
        write_text(report_explain.format_markdown(explanation, records, lang))
    else:
        report_explain.render_table(explanation, records, lang, console())
