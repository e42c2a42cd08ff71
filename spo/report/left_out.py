"""What a report left out: the record files that could not be read, and the figures they may affect.

`left_out(registry)` returns one `LeftOut` per file of `Registry.skipped` (the files the model was
built without), in the order they are read: the file, its first problem's line and the problem
as a code with a `Message` (the same one `spo validate` gives first for that file), and what the
report may get wrong because of it:

- a municipality file: that municipality's own figures (what it hosted, its transfers, its
  office, the figures it published) and, since every total counts them, the totals;
- a project file: that project's rows (the most adopted projects, the catalogue by theme, target
  group and partners). Transfers to it are still counted: they live in municipality files.

Only files on disk are read again, and only the skipped ones (a handful), so a report of a clean
registry costs nothing more. Nothing here is worded: `spo.cli.render.report_left_out` words it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spo.files import registry as folders
from spo.model import Registry
from spo.rules.message import Message
from spo.rules.problems import Problem

# What a left-out file may affect, as the renderers name it.
MUNICIPALITY_FIGURES = "municipality"  # that municipality's own figures
TOTALS = "totals"  # every total of the report
PROJECT_ROWS = "project"  # that project's rows


@dataclass(frozen=True)
class LeftOut:
    file: Path  # relative to the registry's folder
    kind: str | None  # "project" or "municipality", from the folder
    record: str  # the id the file's name gives
    line: int  # 1-based; 0 when the problem is the file as a whole
    code: str
    message: Message
    affects: tuple[str, ...]  # MUNICIPALITY_FIGURES, TOTALS, PROJECT_ROWS


def left_out(registry: Registry) -> tuple[LeftOut, ...]:
    """One `LeftOut` per skipped file of the registry, in the order they are read."""
    return tuple(_left_out(path, registry.root) for path in registry.skipped)


def affects(kind: str | None) -> tuple[str, ...]:
    if kind == "project":
        return (PROJECT_ROWS,)
    return (MUNICIPALITY_FIGURES, TOTALS)


def _left_out(path: Path, root: Path) -> LeftOut:
    kind = folders.kind_of(path)
    problem = first_problem(path, kind, root)
    try:  # as the registry names it: the same from any working folder (a kept report is reused)
        shown = path.relative_to(root)
    except ValueError:
        shown = path
    return LeftOut(
        file=shown,
        kind=kind,
        record=path.stem,
        line=problem.line,
        code=problem.code,
        message=problem.message,
        affects=affects(kind),
    )


def first_problem(path: Path, kind: str | None, root: Path) -> Problem:
    """The first reason a file is kept out of the model: a reading problem, else the first
    finding that makes it unbuildable (`spo.checks.buildable.UNBUILDABLE`), with its line."""
    # Imported here: a report is read from the index; only a record left out is read again.
    from spo.checks.buildable import unbuildable_findings
    from spo.checks.file import to_problems
    from spo.files.loader import load_file

    loaded = load_file(path, root)
    problems = sorted(loaded.problems, key=Problem.sort_key)
    if not problems and loaded.data is not None and kind is not None:
        findings = unbuildable_findings(kind, loaded.data)
        problems = sorted(to_problems(path, loaded.text, findings), key=Problem.sort_key)
    errors = [p for p in problems if p.is_error] or problems
    if errors:
        return errors[0]
    # Changed since the index read it (or a name that cannot be an id): `spo validate` says more.
    return Problem(path, 0, 0, (), Message.of("read.changed-since-read"), "unreadable")
