"""`spo validate [PATH...]`."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from spo.cli.app import app, settings
from spo.cli.options import choice, choose
from spo.errors import UsageError


class ProblemFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


@app.command()
def validate(
    ctx: typer.Context,
    paths: Annotated[list[Path] | None, typer.Argument()] = None,
    format: Annotated[str | None, choice("--format", choices=ProblemFormat)] = None,
    strict: Annotated[bool, typer.Option("--strict")] = False,
) -> None:
    """Check the registry against its schemas and rules; report every problem with its line."""
    from spo import registry
    from spo.cli.render.problems import FORMATTERS, default_format, format_text, summary
    from spo.validation import validate as run

    opts = settings(ctx)
    chosen = choose("--format", format, ProblemFormat).value if format else default_format()
    try:
        root: Path | None = registry.find_root(opts.root)
    except UsageError:
        if not paths or opts.root:
            raise
        root = None  # lone files outside any registry: check them on their own
    result = run(root, paths or (), cache=True)
    if chosen == "text":
        colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        sys.stdout.write(format_text(result.problems, opts.lang, None, colour))
    else:
        sys.stdout.write(FORMATTERS[chosen](result.problems, opts.lang, None))
    print(
        summary(result.files_checked, result.problems, opts.lang),
        file=sys.stderr if chosen == "json" else sys.stdout,
    )
    raise typer.Exit(1 if result.failed(strict) else 0)
