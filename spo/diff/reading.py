"""Read one side of a comparison as `spo validate` and the read commands would: every problem of
the side, and the model of its records that read cleanly.

Each file's content is parsed and given its own checks once: a file the change leaves alone
(the same content under the same path on both sides) is read for the base and reused for the
head, and one that an earlier diff read is not read at all (`spo.diff.known` fills the memo;
the few such files whose findings need lines have their texts read again). The checks across
files (references, one municipality per province) run per side.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, partial
from pathlib import Path
from typing import Any

from spo.checks.buildable import buildable_given
from spo.checks.file import FileResult, checked_text, placed
from spo.checks.pool import POOL_THRESHOLD, mapped, pool_size, spans
from spo.checks.validation import problems_of, stray_problem
from spo.diff.sides import Side, SideFile
from spo.files.loader import Locator, decode
from spo.model import Municipality, Project, Registry
from spo.query.reading import build
from spo.rules.problems import Finding, JsonPath, Problem


@dataclass(frozen=True)
class Read:
    """One file as read: what validation keeps of it, and its data when it is a mapping."""

    result: FileResult
    data: dict[str, Any] | None
    clean: bool  # read without problems and buildable: in the model

    @property
    def in_model(self) -> bool:
        return self.clean and self.data is not None and self.result.kind is not None

    @cached_property
    def record(self) -> Project | Municipality | None:
        """The record in the model (built once, for both sides when they share the file)."""
        kind = self.result.kind
        if not self.in_model or self.data is None or kind is None:
            return None
        return build(kind, self.result.path.stem, self.result.path, self.data)


@dataclass(frozen=True)
class SideState:
    """A side, read: its files as read (by path), its problems and its model."""

    side: Side
    files: dict[Path, Read]
    problems: tuple[Problem, ...]

    @cached_property
    def registry(self) -> Registry:
        """The model (built only when asked: a report kept for the side needs none)."""
        return _registry(self.files)

    @property
    def skipped(self) -> list[Path]:
        """The files the model leaves out, as `Registry.skipped` lists them."""
        return [path for path, read in self.files.items() if not read.in_model]


# What was read, by (content, path): the same file on the other side is not read again.
Memo = dict[tuple[str, Path], Read]


def read_side(side: Side, today: date, memo: Memo, places: Places | None = None) -> SideState:
    wanted = [f for f in side.records if f.blob and (f.blob, f.path) not in memo]
    contents = side.read(f.blob for f in wanted)
    jobs = [(f, side.problem(f), contents.get(f.blob)) for f in wanted]
    memo.update(zip(((f.blob, f.path) for f in wanted), read_all(jobs, today), strict=True))
    files: dict[Path, Read] = {}
    for file in side.records:
        if file.blob:
            files[file.path] = memo[(file.blob, file.path)]
        else:  # a file that cannot be read: its problem is the side's own
            files[file.path] = _read(file, side.problem(file), None, today)
    results = [r.result for r in files.values()]
    place = partial((places or Places()).place, side)
    problems = problems_of(results, results, None, place)
    problems += [stray_problem(f.path) for f in side.stray]
    problems.sort(key=Problem.sort_key)
    return SideState(side, files, tuple(problems))


# Where a finding's JSON path (and whether it points at the key) lies in a content: its line
# and column, by (blob id, path).
Spots = dict[tuple[JsonPath, bool], tuple[int, int]]


@dataclass
class Places:
    """The lines of the findings of the checks across files, found once per content for both
    sides, and kept with the contents (`spo.diff.known`): a kept content is not composed again
    for the findings it had last time."""

    at: dict[tuple[str, Path], Spots] = field(default_factory=dict)
    new: set[tuple[str, Path]] = field(default_factory=set)  # contents with spots found now

    def place(
        self, side: Side, pairs: list[tuple[FileResult, list[Finding]]]
    ) -> list[list[Finding]]:
        """`spo.checks.validation.Placer` for one side: the texts it lacks read from the side."""
        blobs = {f.path: f.blob for f in side.records}
        wanted = [
            (result, found)
            for result, found in pairs
            if any(
                not f.line
                and (f.path, f.at_key) not in self.at.get((blobs[result.path], result.path), {})
                for f in found
            )
        ]
        unread = [r for r, _ in wanted if r.text is None and r.summary is not None]
        contents = side.read(blobs[r.path] for r in unread)
        for result, found in wanted:
            key = (blobs[result.path], result.path)
            text = result.text
            if text is None and key[0] in contents:
                decoded = decode(result.path, contents[key[0]])
                text = decoded if isinstance(decoded, str) else None
            locator = Locator(text)
            spots = self.at.setdefault(key, {})
            for f in found:
                if not f.line and (f.path, f.at_key) not in spots:
                    spots[(f.path, f.at_key)] = locator.locate(f.path, f.at_key)
            self.new.add(key)
        out = []
        for result, found in pairs:
            spots = self.at[(blobs[result.path], result.path)]
            out.append([f if f.line else _at(f, spots[(f.path, f.at_key)]) for f in found])
        return out


def _at(finding: Finding, spot: tuple[int, int]) -> Finding:
    return replace(finding, line=spot[0], column=spot[1])


# A file to read: the file, what keeps it from being read (if anything), its bytes.
Job = tuple[SideFile, Problem | None, bytes | None]
_JOBS: list[Job] = []  # handed to forked workers by inheritance, not by pickling


def read_all(jobs: list[Job], today: date) -> list[Read]:
    """Each file read, in order; many are spread over the machine's cores as `spo validate`
    spreads them (forked workers; in this process when no pool can start)."""
    workers = pool_size(len(jobs), POOL_THRESHOLD)
    if workers:
        try:
            return _in_pool(jobs, today, workers)
        except Exception:  # noqa: BLE001 - no pool here (no fork, no semaphores, a worker killed)
            pass
    return [_read(*job, today) for job in jobs]


def _in_pool(jobs: list[Job], today: date, workers: int) -> list[Read]:
    global _JOBS
    _JOBS = jobs
    try:
        chunks = [(start, stop, today) for start, stop in spans(len(jobs), workers)]
        found = mapped(_read_chunk, chunks, workers, fork_only=True)
        done = [read for chunk in found for read in chunk]
    finally:
        _JOBS = []
    # The texts stayed here: a worker sends back what it found, not the file again.
    return [_with_text(read, raw) for read, (_, _, raw) in zip(done, jobs, strict=True)]


def _read_chunk(chunk: tuple[int, int, date]) -> list[Read]:
    start, stop, today = chunk
    return [_without_text(_read(*job, today)) for job in _JOBS[start:stop]]


def _without_text(read: Read) -> Read:
    return replace(read, result=replace(read.result, text=None))


def _with_text(read: Read, raw: bytes | None) -> Read:
    if raw is None or read.result.summary is None:
        return read
    text = decode(read.result.path, raw)
    return replace(read, result=replace(read.result, text=text if isinstance(text, str) else None))


def _read(file: SideFile, problem: Problem | None, raw: bytes | None, today: date) -> Read:
    path = file.path
    if problem is None and raw is not None:
        decoded = decode(path, raw)
        if isinstance(decoded, str):
            payload, data = checked_text(file.kind, path, decoded, today)
            # Their lines found once, here (in a worker), for both sides and for the cache.
            payload = (
                payload[0],
                payload[1],
                placed(decoded, payload[2]),
                placed(decoded, payload[3]),
            )
            result = FileResult(file.kind, path, decoded, *payload)
            clean = (
                data is not None
                and file.kind is not None
                and not payload[0]
                and buildable_given(payload[2])
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
