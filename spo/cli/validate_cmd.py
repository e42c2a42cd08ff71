"""`spo validate [PATH...]`.

Imports inside the functions: this module is imported whenever any command runs (see
`spo.cli.lazy`), so the validator, the summary and Rich (for the progress bar) are
imported by `spo validate` alone."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from spo.api import UsageError
from spo.cli.app import app, settings
from spo.cli.language import Lang
from spo.cli.options import choice, choose
from spo.cli.render.console import tell, warn, wrapped
from spo.cli.render.problems import FORMATTERS, default_format, format_text, summary
from spo.cli.words import say

# A run shorter than this shows no progress bar at all.
PROGRESS_AFTER_SECONDS = 1.0


def wants_progress(chosen: str, stderr: TextIO, environ: Mapping[str, str]) -> bool:
    """A progress bar only for a person watching: on a terminal, outside CI, not for JSON."""
    return chosen != "json" and not environ.get("CI") and stderr.isatty()


class ProgressBar:
    """Rich's progress bar on standard error, shown once a run has taken a second, and gone
    when the run ends (the output is the same with and without it)."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.started = time.monotonic()
        self.progress: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.progress is None:
            if time.monotonic() - self.started < PROGRESS_AFTER_SECONDS or done >= total:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.progress = Progress(
                TextColumn(say("validate.progress", self.lang)),
                BarColumn(),
                MofNCompleteColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("", total=total)
        self.progress.update(self.task, completed=done)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


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
    if_changed: Annotated[bool, typer.Option("--if-changed")] = False,
) -> None:
    """Check the registry against its schemas and rules; report every problem with its line."""
    from spo.api import Registry

    opts = settings(ctx)
    chosen = choose("--format", format, ProblemFormat).value if format else default_format()
    try:
        reg: Registry | None = Registry.at(opts.root)
    except UsageError:
        if not paths or opts.root:
            raise
        reg = None  # lone files outside any registry: check them on their own
    if if_changed and reg is not None and not paths and not reg.touched():
        tell(say("validate.unchanged", opts.lang))
        raise typer.Exit(0)
    bar = ProgressBar(opts.lang) if wants_progress(chosen, sys.stderr, os.environ) else None
    try:
        # CI machines start without a cache folder: keeping results there would only cost time.
        if reg is None:
            result = Registry.validate_files(paths or (), progress=bar)
        else:
            result = reg.validate(paths or (), cache=not os.environ.get("CI"), progress=bar)
    finally:
        if bar:
            bar.stop()
    if chosen == "text":
        colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        # On a terminal, each problem is broken between words, never inside one.
        sys.stdout.write(wrapped(format_text(result.problems, opts.lang, None, colour), sys.stdout))
    else:
        sys.stdout.write(FORMATTERS[chosen](result.problems, opts.lang, None))
    out = sys.stderr if chosen == "json" else sys.stdout
    print(wrapped(summary(result.files_checked, result.problems, opts.lang), out), file=out)
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if chosen == "github" and step_summary:
        _write_step_summary(Path(step_summary), result.files_checked, result.problems, opts.lang)
    raise typer.Exit(1 if result.failed(strict) else 0)


def _write_step_summary(file: Path, files_checked: int, problems: Any, lang: Lang) -> None:
    """Appends the problem table to GitHub's job summary: every problem is seen there, when the
    annotations show only the first ones."""
    from spo.cli.render.problems_summary import format_summary

    try:
        with file.open("a", encoding="utf-8") as out:
            out.write(format_summary(files_checked, problems, lang))
    except OSError as exc:
        warn(say("validate.summary-not-written", lang, path=file, error=exc))
