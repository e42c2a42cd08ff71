"""`spo diff` as text for a terminal, as Markdown for a pull request (a headline, then the
details in a collapsible section), and as JSON. The lines are `diff_words`'; only the layout
differs; `spo serve`'s change page (`spo.cli.web.change`) lays out `sections` and
`problem_sections` as HTML."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spo.api import DIFF_KINDS as KINDS
from spo.api import Diff, FileValue, Message, Problem, RecordDiff, Side
from spo.cli.citing import file_value
from spo.cli.language import Lang
from spo.cli.render.diff_words import Namer, figure_line, headline, status_line, title
from spo.cli.render.escape import json_text, markdown, markdown_line, terminal
from spo.cli.render.problems import display_path, problem_record
from spo.cli.render.problems import format_text as problem_lines
from spo.cli.render.problems_summary import SUMMARY_ROWS
from spo.cli.words import render, say

# A line of a section: its depth, its text, and whether it heads the lines below it.
Line = tuple[int, str, bool]


def _records(diff: Diff, namer: Namer) -> Iterator[Line]:
    """A heading per kind of record, a line per record, one per change."""
    for kind in KINDS:
        records = [r for r in diff.records if r.kind == kind]
        if records:
            yield 0, say(f"diff.kind.{kind}", namer.lang), True
            for record in records:
                yield 1, namer.record_line(record), False
                for change in record.changes:
                    yield 2, namer.change(change), False


def sections(diff: Diff, lang: Lang) -> Iterator[tuple[str, list[Line]]]:
    namer = Namer(diff, lang)
    if diff.records:
        yield say("diff.records", lang), list(_records(diff, namer))
    if diff.figures:
        yield say("diff.figures", lang), [(0, figure_line(d, lang), False) for d in diff.figures]
    if diff.statuses:
        lines = [(0, status_line(s, namer), False) for s in diff.statuses]
        yield say("diff.published", lang), lines


def problem_sections(diff: Diff) -> Iterator[tuple[str, tuple[Problem, ...]]]:
    for key, problems in (("introduced", diff.introduced), ("fixed", diff.fixed)):
        if problems:
            yield key, problems


def format_text(diff: Diff, lang: Lang) -> str:
    out = [terminal(title(diff, lang)), "", *map(terminal, headline(diff, lang))]
    for heading, lines in sections(diff, lang):
        out += ["", terminal(heading)]
        out += ["  " * (depth + 1) + terminal(line) for depth, line, _ in lines]
    for key, problems in problem_sections(diff):
        out += ["", say("diff.count", lang, heading=say(f"diff.{key}", lang), count=len(problems))]
        out += ["  " + line for line in problem_lines(problems, lang).splitlines()]
    return "\n".join(out) + "\n"


# A pull request's summary holds this many lines of details at most: GitHub refuses a job
# summary over 1 MiB (as for validate's table); the rest is a count, and the terminal has it all.
MARKDOWN_LINES = SUMMARY_ROWS
# A line longer than this (a long note) is cut in Markdown, where it would wrap for pages.
MARKDOWN_WIDTH = 400


def format_markdown(diff: Diff, lang: Lang) -> str:
    out = [f"### spo diff: {markdown(title(diff, lang))}", ""]
    out += [f"- {markdown_line(line)}" for line in headline(diff, lang)]
    if diff.empty:
        return "\n".join(out) + "\n"
    out += ["", "<details>", f"<summary>{markdown(say('diff.details', lang))}</summary>", ""]
    parts = list(_markdown_sections(diff, lang))
    left = MARKDOWN_LINES
    for heading, items in parts:
        shown = items[:left]
        left -= len(shown)
        if shown:
            out += [f"#### {markdown(heading)}", "", *shown, ""]
    hidden = sum(len(items) for _, items in parts) - MARKDOWN_LINES
    if hidden > 0:
        out += [markdown_line(say("diff.more", lang, count=hidden)), ""]
    out += ["</details>"]
    return "\n".join(out) + "\n"


def _markdown_sections(diff: Diff, lang: Lang) -> Iterator[tuple[str, list[str]]]:
    for heading, lines in sections(diff, lang):
        yield (
            heading,
            [
                "  " * depth + (f"- **{_cut(line)}**" if strong else f"- {_cut(line, True)}")
                for depth, line, strong in lines
            ],
        )
    for key, problems in problem_sections(diff):
        heading = say("diff.count", lang, heading=say(f"diff.{key}", lang), count=len(problems))
        yield heading, [f"- {_problem_item(p, lang)}" for p in problems]


def _cut(line: str, starts: bool = False) -> str:
    """A line as Markdown, cut to `MARKDOWN_WIDTH`; `starts` a list item's text."""
    text = terminal(" ".join(line.split()))
    cut = text if len(text) <= MARKDOWN_WIDTH else text[: MARKDOWN_WIDTH - 1] + "…"
    return markdown_line(cut) if starts else markdown(cut)


def _problem_item(problem: Problem, lang: Lang) -> str:
    where = display_path(problem.file)
    if problem.line:
        where += f":{problem.line}:{problem.column}"
    severity = say(f"validate.{problem.severity.value}", lang)
    at = say("validate.at", lang, path=problem.json_path) if problem.path else ""
    message = _cut(render(problem.message, lang) + at)
    return f"{markdown_line(where)} {markdown(severity)}: {message} ({markdown(problem.code)})"


def format_json(diff: Diff, lang: Lang) -> str:
    namer = Namer(diff, lang)
    data = {
        "base": _side(diff.base),
        "head": _side(diff.head),
        "as_of": diff.as_of.isoformat(),
        "records": [_record(r, namer) for r in diff.records],
        "figures": [
            {"metric": d.metric, "part": d.part, "before": d.before, "after": d.after}
            for d in diff.figures
        ],
        "published": [vars(s) | {"text": status_line(s, namer)} for s in diff.statuses],
        "problems": {
            "introduced": [problem_record(p, lang) for p in diff.introduced],
            "fixed": [problem_record(p, lang) for p in diff.fixed],
        },
        "failed": diff.failed(),
    }
    return json_text(data)


def _side(side: Side) -> dict[str, Any]:
    return {"label": side.label, "origin": side.origin, "revision": side.revision}


def _plain(message: Message) -> dict[str, Any]:
    """A message's parameters for JSON: a file's value as a reviewer reads it (as text)."""
    return {k: file_value(v) if isinstance(v, FileValue) else v for k, v in message.params}


def _record(record: RecordDiff, namer: Namer) -> dict[str, Any]:
    return {
        "kind": record.kind,
        "id": record.id,
        "name": namer.record(record.kind, record.id),
        "status": record.status,
        "renamed_from": record.renamed_from,
        "changes": [
            {
                "change": c.what.key.removeprefix("diff.change."),
                **_plain(c.what),
                "at": {"event": c.at.key.removeprefix("diff.at."), **_plain(c.at)}
                if c.at
                else None,
                "text": namer.change(c),
            }
            for c in record.changes
        ],
    }
