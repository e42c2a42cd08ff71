"""Render validation problems as text, JSON or GitHub annotations: pure functions to strings."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from spo.problems import Problem


def display_path(path: Path, base: Path | None = None) -> str:
    """A path as a user would type it: relative to the working folder when inside it, with `/`."""
    base = base or Path.cwd()
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _where(p: Problem, base: Path | None) -> str:
    file = display_path(p.file, base)
    return f"{file}:{p.line}:{p.column}" if p.line else file


def format_text(problems: Sequence[Problem], base: Path | None = None) -> str:
    lines = []
    for p in problems:
        at = f" at {p.json_path}" if p.path else ""
        lines.append(f"{_where(p, base)}: {p.severity.value}: {p.message} [{p.code}]{at}")
    return "".join(line + "\n" for line in lines)


def format_json(problems: Sequence[Problem], base: Path | None = None) -> str:
    records = [
        {
            "file": display_path(p.file, base),
            "line": p.line,
            "column": p.column,
            "path": p.json_path,
            "code": p.code,
            "message": p.message,
            "severity": p.severity.value,
        }
        for p in problems
    ]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: Sequence[Problem], base: Path | None = None) -> str:
    """Workflow commands that GitHub shows as annotations on the pull request's lines."""
    lines = []
    for p in problems:
        props = [f"file={_escape_property(display_path(p.file, base))}"]
        if p.line:
            props += [f"line={p.line}", f"col={p.column}"]
        props.append(f"title={_escape_property(f'spo {p.code}')}")
        at = f" at {p.json_path}" if p.path else ""
        lines.append(f"::{p.severity.value} {','.join(props)}::{_escape_data(p.message + at)}")
    return "".join(line + "\n" for line in lines)


FORMATTERS: dict[str, Callable[[Sequence[Problem], Path | None], str]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
}


def default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def summary(files_checked: int, problems: Sequence[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    files = "file" if files_checked == 1 else "files"
    detail = f" ({errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)})"
    count = len(problems)
    return f"{files_checked} {files} checked, {count} problem{'s' * (count != 1)}" + (
        detail if problems else ""
    )
