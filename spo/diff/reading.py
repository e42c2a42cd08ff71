"""Read one side of a comparison as `spo validate` and the read commands would: every problem of
the side, and the model of its records that read cleanly.

Each file's content is parsed and given its own checks once: a file the change leaves alone
(the same content under the same path on both sides) is read for the base and reused for the
head. The checks across files (references, one municipality per province) run per side.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from spo.diff.sides import Side, SideFile, too_large
from spo.loader import decode
from spo.model import Municipality, Project, Registry
from spo.problems import Problem
from spo.reading import build
from spo.validation import buildable, problems_of, stray_problem
from spo.validation_files import FileResult, checked_text


@dataclass(frozen=True)
class Read:
    """One file as read: what validation keeps of it, and its data when it is a mapping."""

    result: FileResult
    data: dict[str, Any] | None
    clean: bool  # read without problems and buildable: in the model

    @cached_property
    def record(self) -> Project | Municipality | None:
        """The record in the model (built once, for both sides when they share the file)."""
        kind = self.result.kind
        if not self.clean or self.data is None or kind is None:
            return None
        return build(kind, self.result.path.stem, self.result.path, self.data)


@dataclass(frozen=True)
class SideState:
    """A side, read: its files as read (by path), its problems and its model."""

    side: Side
    files: dict[Path, Read]
    problems: tuple[Problem, ...]
    registry: Registry

    def data(self, kind: str, record_id: str) -> dict[str, Any] | None:
        found = self.files.get(Path("data", _FOLDER[kind], f"{record_id}.yaml"))
        return found.data if found else None


_FOLDER = {"project": "projects", "municipality": "municipalities"}
# What was read, by (content, path): the same file on the other side is not read again.
Memo = dict[tuple[str, Path], Read]


def read_side(side: Side, today: date, memo: Memo) -> SideState:
    wanted = [f for f in side.records if f.blob and (f.blob, f.path) not in memo]
    contents = side.read(f.blob for f in wanted)
    files: dict[Path, Read] = {}
    for file in side.records:
        key = (file.blob, file.path)
        if key not in memo or not file.blob:
            memo_entry = _read(file, side.problem(file), contents.get(file.blob), today)
            if not file.blob:
                files[file.path] = memo_entry
                continue
            memo[key] = memo_entry
        files[file.path] = memo[key]
    results = [r.result for r in files.values()]
    problems = problems_of(results, results, None)
    problems += [stray_problem(f.path) for f in side.stray]
    problems.sort(key=Problem.sort_key)
    return SideState(side, files, tuple(problems), _registry(files))


def _read(file: SideFile, problem: Problem | None, raw: bytes | None, today: date) -> Read:
    path = file.path
    if problem is None and raw is not None:
        problem = too_large(path, raw)
    if problem is None and raw is not None:
        decoded = decode(path, raw)
        if isinstance(decoded, str):
            payload, data = checked_text(file.kind, path, decoded, today)
            result = FileResult(file.kind, path, decoded, *payload)
            clean = (
                data is not None
                and file.kind is not None
                and not payload[0]
                and buildable(file.kind, data)
            )
            return Read(result, data, clean)
        problem = decoded
    assert problem is not None  # a file with no blob has a problem
    return Read(FileResult(file.kind, path, None, (problem,), None, (), ()), None, False)


def _registry(files: dict[Path, Read]) -> Registry:
    projects: dict[str, Project] = {}
    municipalities: dict[str, Municipality] = {}
    skipped = []
    for path, read in files.items():
        record = read.record
        if record is None:
            skipped.append(path)
        elif isinstance(record, Project):
            projects[path.stem] = record
        else:
            municipalities[path.stem] = record
    return Registry(Path("."), projects, municipalities, tuple(skipped))
