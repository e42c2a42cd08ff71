"""Render validation problems as text, JSON or GitHub annotations: pure functions to strings.

Messages are worded in the user's language; the codes (`[kind-province]`), JSON paths, JSON keys
and GitHub's workflow commands stay as they are, so that scripts and CI read them the same in any
language. In a terminal the text format colours the severity and the location.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spo.api import Message, Problem, Severity
from spo.cli.language import Lang
from spo.cli.render.escape import json_text, terminal, workflow_data, workflow_property
from spo.cli.words import json_path, render, say

# ANSI colours for a terminal: red errors, yellow warnings, the location in bold.
_RED, _YELLOW, _BOLD, _RESET = "\x1b[31m", "\x1b[33m", "\x1b[1m", "\x1b[0m"


def display_path(path: Path, base: Path | None = None) -> str:
    """A path as a user would type it: relative to the working folder when inside it, with `/`."""
    base = base or Path.cwd()
    try:
        # The folder is resolved, not the file: a symbolic link is named, not its target.
        return (path.parent.resolve() / path.name).relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def one_line(text: str) -> str:
    """Text that prints as exactly one line whatever values it holds (the terminal's escaper:
    `\\n`, `\\x07`, `\\u2028`), so a value cannot forge a problem line."""
    return terminal(text)


def one_line_values(message: Message) -> Message:
    """The message with each text value on one line (`one_line`): a value typed or read cannot
    forge a line of its own, move the cursor or recolour the terminal."""
    values = {k: one_line(v) if isinstance(v, str) else v for k, v in message.fields.items()}
    return Message.of(message.key, **values)


def _where(p: Problem, base: Path | None) -> str:
    file = display_path(p.file, base)
    return f"{file}:{p.line}:{p.column}" if p.line else file


# Problems of one kind printed per file; the rest are counted on one line. 16,000 unknown keys
# are one mistake (a file pasted under the wrong key), not 16,000 lines to scroll.
PER_KIND = 50


@dataclass(frozen=True)
class More:
    """The problems of one kind in one file beyond the first `PER_KIND`, as a count."""

    file: Path
    code: str
    severity: Severity
    count: int


def capped(problems: Sequence[Problem]) -> list[Problem | More]:
    """The problems to print, at most `PER_KIND` of a kind per file, each run of one file's
    problems followed by a count of the ones left out: one pass, linear time."""
    out: list[Problem | More] = []
    seen: dict[str, int] = {}
    hidden: dict[str, More] = {}
    for i, p in enumerate(problems):
        seen[p.code] = seen.get(p.code, 0) + 1
        if seen[p.code] <= PER_KIND:
            out.append(p)
        else:
            more = hidden.get(p.code)
            hidden[p.code] = More(p.file, p.code, p.severity, (more.count if more else 0) + 1)
        if i + 1 == len(problems) or problems[i + 1].file != p.file:
            out.extend(hidden.values())
            seen, hidden = {}, {}
    return out


def _text_line(p: Problem | More, lang: Lang, base: Path | None, colour: bool) -> str:
    if isinstance(p, More):
        where, severity = (
            one_line(display_path(p.file, base)),
            say(f"validate.{p.severity.value}", lang),
        )
        if colour:
            tint = _RED if p.severity is Severity.ERROR else _YELLOW
            where, severity = f"{_BOLD}{where}{_RESET}", f"{tint}{severity}{_RESET}"
        more = say("validate.more-of-kind", lang, count=p.count)
        return f"{where}: {severity}: {more} [{p.code}]"
    at = say("validate.at", lang, path=json_path(p, lang)) if p.path else ""
    severity = say(f"validate.{p.severity.value}", lang)
    where = one_line(_where(p, base))
    message, at = one_line(render(p.message, lang)), one_line(at)
    if colour:
        tint = _RED if p.is_error else _YELLOW
        where, severity = f"{_BOLD}{where}{_RESET}", f"{tint}{severity}{_RESET}"
    return f"{where}: {severity}: {message} [{p.code}]{at}"


def format_text(
    problems: Sequence[Problem], lang: Lang, base: Path | None = None, colour: bool = False
) -> str:
    return "".join(_text_line(p, lang, base, colour) + "\n" for p in capped(problems))


def problem_record(p: Problem, lang: Lang, base: Path | None = None) -> dict[str, object]:
    """A problem as JSON data: where, which rule, and what it says in `lang`."""
    return {
        "file": display_path(p.file, base),
        "line": p.line,
        "column": p.column,
        "path": json_path(p, lang),
        "code": p.code,
        "message": render(p.message, lang),
        "severity": p.severity.value,
    }


def format_json(problems: Sequence[Problem], lang: Lang, base: Path | None = None) -> str:
    records = [problem_record(p, lang, base) for p in problems]
    return json_text(records)


# GitHub shows at most this many annotations of each severity per step and drops the rest
# silently; past it, problems are printed as log lines, and one notice says where they are.
ANNOTATIONS_PER_SEVERITY = 10


def _annotation(p: Problem | More, lang: Lang, base: Path | None) -> str:
    props = [f"file={workflow_property(display_path(p.file, base))}"]
    if isinstance(p, More):
        props.append(f"title={workflow_property(f'spo {p.code}')}")
        more = say("validate.more-of-kind", lang, count=p.count)
        return f"::{p.severity.value} {','.join(props)}::{workflow_data(more)}"
    if p.line:
        props += [f"line={p.line}", f"col={p.column}"]
    props.append(f"title={workflow_property(f'spo {p.code}')}")
    at = say("validate.at", lang, path=json_path(p, lang)) if p.path else ""
    text = render(p.message, lang) + at
    return f"::{p.severity.value} {','.join(props)}::{workflow_data(text)}"


def format_github(problems: Sequence[Problem], lang: Lang, base: Path | None = None) -> str:
    """Workflow commands that GitHub shows as annotations on the pull request's lines: the first
    `ANNOTATIONS_PER_SEVERITY` errors and warnings; the others as the text format's lines, so
    that the log holds every problem, and a notice that counts them."""
    lines = []
    shown = {severity: 0 for severity in Severity}
    left = 0
    for p in capped(problems):
        if shown[p.severity] < ANNOTATIONS_PER_SEVERITY:
            shown[p.severity] += 1
            lines.append(_annotation(p, lang, base))
        else:
            left += 1
            lines.append(_text_line(p, lang, base, colour=False))
    if left:
        notice = say("validate.annotations-left", lang, count=left)
        lines.append(f"::notice title=spo::{workflow_data(notice)}")
    return "".join(line + "\n" for line in lines)


FORMATTERS: dict[str, Callable[[Sequence[Problem], Lang, Path | None], str]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
}


def default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _counted(key: str, count: int, lang: Lang) -> str:
    return say(f"validate.{key}-{'one' if count == 1 else 'many'}", lang, count=count)


def summary(files_checked: int, problems: Sequence[Problem], lang: Lang) -> str:
    errors = sum(p.is_error for p in problems)
    text = say(
        "validate.summary",
        lang,
        files=_counted("files", files_checked, lang),
        problems=_counted("problems", len(problems), lang),
    )
    if not problems:
        return text
    detail = say(
        "validate.detail",
        lang,
        errors=_counted("errors", errors, lang),
        warnings=_counted("warnings", len(problems) - errors, lang),
    )
    return f"{text} {detail}"
