"""`spo report [--as-of DATE] [--owner ID] [--format table|json|markdown]`."""

from __future__ import annotations

import re
import sys
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from spo.cli.app import LangChoice, app, lang_of, settings
from spo.errors import UsageError

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ReportFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


def parse_day(text: str) -> date:
    """`YYYY-MM-DD` and nothing else: a report is as of one day."""
    try:
        if _DAY.match(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise UsageError(f"--as-of {text}: not a day; write it as YYYY-MM-DD, e.g. 2025-03-21")


@app.command()
def report(
    ctx: typer.Context,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
        ),
    ] = None,
    owner: Annotated[
        str | None,
        typer.Option(
            "--owner",
            metavar="ID",
        ),
    ] = None,
    format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
        ),
    ] = ReportFormat.table,
    lang: Annotated[
        LangChoice | None,
        typer.Option(
            "--lang",
        ),
    ] = None,
) -> None:
    """The figures behind a press release as of a day, beside the figures published."""
    from spo import registry
    from spo.cli.render.report_json import format_json
    from spo.cli.render.report_markdown import format_markdown
    from spo.reading import read_registry
    from spo.report import compute_report

    opts = settings(ctx)
    chosen_lang = lang_of(lang) if lang else opts.lang
    day = parse_day(as_of) if as_of is not None else date.today()
    records = read_registry(registry.find_root(opts.root))
    result = compute_report(records, day, owner)
    if records.skipped:
        print(
            f"spo: warning: {len(records.skipped)} file(s) could not be read and are not "
            "counted; run `spo validate` to see why",
            file=sys.stderr,
        )
    if format is ReportFormat.json:
        sys.stdout.write(format_json(result))
    elif format is ReportFormat.markdown:
        sys.stdout.write(format_markdown(result, chosen_lang))
    else:
        from rich.console import Console

        from spo.cli.render.report_table import render_table

        render_table(result, chosen_lang, Console())
