"""`spo validate`: read every file, run every check, return every problem with its line.

One bad file never hides another: a file that cannot be read is a problem in the result, and the
other files are still checked against the rest of the registry.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from spo.checks.cache import ResultCache
from spo.checks.file import FileResult, own_findings, text_of, to_problems
from spo.checks.personal import comment_findings
from spo.checks.pool import POOL_THRESHOLD
from spo.checks.progress import Progress
from spo.checks.references import (
    municipality_findings,
    one_per_province_findings,
    project_findings,
)
from spo.checks.run import check_files
from spo.files import registry
from spo.files.loader import decode, parse, size_problem
from spo.rules.errors import UsageError
from spo.rules.message import Message
from spo.rules.problems import Finding, Problem, Severity


@dataclass(frozen=True)
class ValidationResult:
    files_checked: int
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files named on the command line; a folder stands for the YAML files below it."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir() and path.suffix != ".yaml":
            out.extend(sorted(path.rglob("*.yaml")))
        elif path.exists() or path.suffix == ".yaml":
            out.append(path)
        else:
            raise UsageError.of("usage.no-such-path", path=str(path))
    return out


def validate(
    root: Path | None,
    paths: Sequence[Path] = (),
    *,
    today: date | None = None,
    pool_threshold: int = POOL_THRESHOLD,
    cache: bool = False,
    progress: Progress | None = None,
) -> ValidationResult:
    """Check the whole registry under `root`, or only `paths` (references still resolve
    against the whole registry). With `cache`, each file's own result is kept in the user's
    cache folder and reused while the file, spo and the day stay the same."""
    today = today or date.today()
    files: list[tuple[str | None, Path]] = [
        (f.kind, f.path) for f in (registry.record_files(root) if root else [])
    ]
    chosen: list[int] | None = None
    if paths:
        index = {path.resolve(): i for i, (_, path) in enumerate(files)}
        chosen = []
        for path in expand(paths):
            found = index.get(path.resolve())
            if found is None:
                found = len(files)
                files.append((registry.kind_of(path), path))
            chosen.append(found)
    kept = ResultCache(root, today) if cache and root else None
    try:
        everything = check_files(
            files, root, today, threshold=pool_threshold, cache=kept, progress=progress
        )
    finally:
        if kept:
            kept.close()
    selected = everything if chosen is None else [everything[i] for i in chosen]

    problems = problems_of(everything, selected, root)
    if root and not paths:
        problems.extend(stray_problem(p) for p in registry.stray_files(root))
    problems.sort(key=Problem.sort_key)
    return ValidationResult(len(selected), tuple(problems))


# Places findings for a caller that knows where they lie: given each result and its findings
# (some without their lines), the same findings, all with their lines (`spo diff` keeps them).
Placer = Callable[[list[tuple[FileResult, list[Finding]]]], list[list[Finding]]]


def problems_of(
    everything: list[FileResult],
    selected: list[FileResult],
    root: Path | None,
    place: Placer | None = None,
) -> list[Problem]:
    """The problems of the selected files, their own and those of the checks across all files
    (references, one municipality per province), with their lines; in no particular order.
    `place` gives lines to findings without them (all at once); otherwise the file's text is
    composed for them, read again under `root` for a result kept without it."""
    findings = _findings(everything, selected)
    if place is not None:
        unplaced = [(c, found) for c in selected if _unplaced(found := findings.get(id(c), []))]
        for (checked, _), placed in zip(unplaced, place(unplaced), strict=True):
            findings[id(checked)] = placed
    problems: list[Problem] = []
    for checked in selected:
        problems.extend(checked.problems)
        located = findings.get(id(checked), [])
        if located:  # only a finding without its line needs the text
            text = text_of(checked, root) if _unplaced(located) else None
            problems.extend(to_problems(checked.path, text, located))
    return problems


def _unplaced(findings: list[Finding]) -> bool:
    return any(not f.line for f in findings)


def stray_problem(path: Path) -> Problem:
    """A file in a record folder that spo does not read (e.g. `.yml`)."""
    message = Message.of("check.stray-file")
    return Problem(path, 0, 0, (), message, "stray-file", Severity.WARNING)


def _findings(everything: list[FileResult], selected: list[FileResult]) -> dict[int, list[Finding]]:
    """The findings of each selected file (by its result's `id()`) that its result lacks."""
    municipalities: dict[str, dict[str, Any]] = {}
    projects: dict[str, dict[str, Any]] = {}
    for c in everything:
        if c.summary is not None:
            table = projects if c.kind == "project" else municipalities
            table.setdefault(c.id, c.summary)
    municipality_ids = {c.id for c in everything if c.kind == "municipality"}
    per_province = one_per_province_findings(municipalities)

    out: dict[int, list[Finding]] = {}
    for c in selected:
        summary = c.summary
        if summary is None:
            continue
        if c.kind is None:
            out[id(c)] = [Finding((), Message.of("check.unknown-kind"), "unknown-kind")]
            continue
        found = list(c.own) + _reference_findings(c.kind, c.id, summary, municipality_ids, projects)
        found += c.comments
        if c.kind == "municipality":
            found += per_province.get(c.id, [])
        out[id(c)] = found
    return out


def _reference_findings(
    kind: str,
    record_id: str,
    data: dict[str, Any],
    municipality_ids: Collection[str],
    projects: Mapping[str, dict[str, Any]],
) -> list[Finding]:
    if kind == "project":
        return project_findings(data, municipality_ids)
    return municipality_findings(record_id, data, municipality_ids, projects)


def _record_findings(
    kind: str,
    record_id: str,
    data: dict[str, Any],
    today: date,
    municipality_ids: Collection[str],
    projects: Mapping[str, dict[str, Any]],
    text: str | None = None,
) -> list[Finding]:
    """Every check of one record that needs no other record's content but its references'."""
    found = own_findings(kind, record_id, data, today, text)
    return found + _reference_findings(kind, record_id, data, municipality_ids, projects)


def check_text(
    kind: str,
    path: Path,
    text: str,
    today: date,
    municipality_ids: Collection[str],
    projects: Mapping[str, dict[str, Any]],
) -> tuple[Problem, ...]:
    """Check one file's would-be content as `validate` would, before it is written.

    References resolve against the ids and project records given rather than the whole
    registry, so a write costs the same however large the registry is. The one check that
    needs every other municipality's content (one metropolitan or provincial municipality per
    province) is left to `spo validate`.
    """
    loaded = parse(path, text)
    problems = list(loaded.problems)
    if loaded.data is not None:
        data = loaded.data
        findings = _record_findings(kind, path.stem, data, today, municipality_ids, projects, text)
        findings += comment_findings(text)
        problems.extend(to_problems(path, text, findings))
    problems.sort(key=Problem.sort_key)
    return tuple(problems)


def check_bytes(
    kind: str,
    path: Path,
    raw: bytes,
    today: date,
    municipality_ids: Collection[str],
    projects: Mapping[str, dict[str, Any]],
) -> tuple[Problem, ...]:
    """`check_text` of the very bytes a write would leave on disk, read as `validate` reads a
    file: first its size (a write must not make a file too large to be read), then its text."""
    too_large = size_problem(path, len(raw))
    if too_large is not None:
        return (too_large,)
    text = decode(path, raw)
    if isinstance(text, Problem):
        return (text,)
    return check_text(kind, path, text, today, municipality_ids, projects)
