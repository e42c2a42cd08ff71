"""`spo diff [BASE [HEAD]]`: what a change does to the records and to the office's numbers.

Imports inside the functions: this module is imported whenever any command runs (see
`spo.cli.lazy`), so the comparison (git, the validator, the report) and its views are
imported by `spo diff` alone."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from spo.cli.app import app, settings
from spo.cli.days import parse_day
from spo.cli.options import choice, choose


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command()
def diff(
    ctx: typer.Context,
    base: Annotated[str | None, typer.Argument()] = None,
    head: Annotated[str | None, typer.Argument()] = None,
    base_dir: Annotated[
        Path | None, typer.Option("--base-dir", file_okay=False, exists=False)
    ] = None,
    head_dir: Annotated[
        Path | None, typer.Option("--head-dir", file_okay=False, exists=False)
    ] = None,
    as_of: Annotated[str | None, typer.Option("--as-of")] = None,
    format: Annotated[str, choice("--format", "-f", choices=DiffFormat)] = DiffFormat.text.value,
    strict: Annotated[bool, typer.Option("--strict")] = False,
) -> None:
    """What a change does to the registry: records, events, sources, figures and problems."""
    from spo.api import compare
    from spo.cli.render.diff_views import format_json, format_markdown, format_text

    opts = settings(ctx)
    chosen = choose("--format", format, DiffFormat)
    day = parse_day(as_of) if as_of is not None else date.today()
    result = compare(base, head, root=opts.root, base_dir=base_dir, head_dir=head_dir, as_of=day)
    views = {"text": format_text, "markdown": format_markdown, "json": format_json}
    sys.stdout.write(views[chosen.value](result, opts.lang))
    raise typer.Exit(1 if result.failed(strict) else 0)
