"""Validation problems as the Markdown of a GitHub job summary (`$GITHUB_STEP_SUMMARY`): a
heading, the summary line and the table of problems — the place where every problem is seen
when GitHub shows only the first annotations. A pure function to text."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spo.api import Problem
from spo.cli.language import Lang
from spo.cli.render.escape import Markdown, markdown, markdown_line
from spo.cli.render.problems import More, capped, display_path, summary
from spo.cli.render.report_markdown import markdown_table
from spo.cli.words import json_path, render, say

# Rows in the table at most: GitHub refuses a step summary over 1 MiB, and a row takes up to a
# few hundred bytes. The log holds the problems past it.
SUMMARY_ROWS = 1000

COLUMNS = ("file", "line", "severity", "problem", "code")


def _row(p: Problem | More, lang: Lang, base: Path | None) -> list[str]:
    severity = say(f"validate.{p.severity.value}", lang)
    if isinstance(p, More):
        text, line = say("validate.more-of-kind", lang, count=p.count), ""
    else:
        at = say("validate.at", lang, path=json_path(p, lang)) if p.path else ""
        text, line = render(p.message, lang) + at, f"{p.line}:{p.column}" if p.line else ""
    return [display_path(p.file, base), line, severity, text, Markdown(f"`{p.code}`")]


def format_summary(
    files_checked: int, problems: Sequence[Problem], lang: Lang, base: Path | None = None
) -> str:
    lines = [
        f"## {markdown(say('validate.summary-title', lang))}",
        "",
        markdown_line(summary(files_checked, problems, lang)),
    ]
    items = capped(problems)
    if items:
        columns = [say(f"validate.column-{c}", lang) for c in COLUMNS]
        rows = [_row(p, lang, base) for p in items[:SUMMARY_ROWS]]
        lines += ["", *markdown_table(columns, rows)]
        if len(items) > SUMMARY_ROWS:
            rest = say("validate.summary-rows-left", lang, count=len(items) - SUMMARY_ROWS)
            lines += ["", markdown_line(rest)]
    return "\n".join(lines) + "\n\n"
