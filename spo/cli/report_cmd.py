"""`spo report [--as-of DATE] [--owner ID] [--format table|json|markdown]`."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from spo.cli.app import LangChoice, app, settings
from spo.cli.completion import complete_municipality_id
from spo.cli.options import choice, choose
from spo.errors import UsageError


class ReportFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


def parse_day(text: str) -> date:
    """`YYYY-MM-DD` and nothing else: a report is as of one day."""
    from spo.dates import DateError
    from spo.dates import parse_day as day

    try:
        return day(text)
    except DateError as exc:
        raise UsageError.of("usage.bad-option", option="--as-of", problem=exc.message) from None


@app.command()
def report(
    ctx: typer.Context,
    as_of: Annotated[str | None, typer.Option("--as-of")] = None,
    owner: Annotated[
        str | None, typer.Option("--owner", autocompletion=complete_municipality_id)
    ] = None,
    format: Annotated[str, choice("--format", choices=ReportFormat)] = ReportFormat.table.value,
    lang: Annotated[str | None, choice("--lang", choices=LangChoice)] = None,
) -> None:
    """The figures behind a press release as of a day, beside the figures published."""
    from spo import registry
    from spo.cli.render.console import console, warn, write_text
    from spo.cli.render.labels import message
    from spo.reading import read_registry
    from spo.report import compute_report

    opts = settings(ctx)  # --lang here was read with the global one (see spo.cli.main)
    if lang is not None:
        choose("--lang", lang, LangChoice)
    fmt = choose("--format", format, ReportFormat)
    day = parse_day(as_of) if as_of is not None else date.today()
    records = read_registry(registry.find_root(opts.root))
    result = compute_report(records, day, owner)
    if records.skipped:
        warn(message("skipped", opts.lang, count=len(records.skipped)))
    if fmt is ReportFormat.json:
        from spo.cli.render.report_json import format_json

        write_text(format_json(result))
    elif fmt is ReportFormat.markdown:
        from spo.cli.render.report_markdown import format_markdown

        write_text(format_markdown(result, opts.lang))
    else:
        from spo.cli.render.report_table import render_table

        render_table(result, opts.lang, console())
