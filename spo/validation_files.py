"""The part of `spo validate` that looks at one file at a time, spread over the machine's cores.

Each file is read and given every check that needs nothing but the file itself (and today's
date). What the checks across files need (ids, owners, partners, provinces, references) is kept
as a small summary of the record; the parsed document itself is dropped as soon as the file is
done, so that memory holds summaries and texts rather than every document at once.

A large registry is spread over a pool of worker processes (forked where the system allows it);
the results come back in the order of the files, so the output is the same as in one process.
Should the pool fail to start, or die, the files are checked in this process.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from spo.checks.content import content_findings
from spo.checks.personal import comment_findings, personal_data_findings
from spo.checks.references import id_findings
from spo.checks.schema import fast_validator, schema_findings
from spo.loader import load_file
from spo.problems import Finding, Problem

# Below this many files a pool costs more than it saves.
POOL_THRESHOLD = 200
# Fields of a record that the checks across files read (spo.checks.references).
_SUMMARY_FIELDS = {
    "project": ("owner", "partners"),
    "municipality": ("province", "kind", "district", "office", "engagements", "transfers"),
}


@dataclass(frozen=True)
class FileResult:
    """What validation keeps of one file."""

    kind: str | None
    path: Path
    text: str | None  # to turn findings into lines, should the file have any
    problems: tuple[Problem, ...]  # met while reading
    summary: dict[str, Any] | None  # None when the file could not be read as a mapping
    own: tuple[Finding, ...]  # the findings that need no other file
    comments: tuple[Finding, ...]  # personal data in comments

    @property
    def id(self) -> str:
        return self.path.stem


def summary_of(kind: str | None, data: dict[str, Any]) -> dict[str, Any]:
    """The fields of a record that the checks across files read; the whole record for a file
    of no known kind (it is not checked, and counts only where any record could)."""
    fields = _SUMMARY_FIELDS.get(kind or "")
    if fields is None:
        return {k: data[k] for k in ("province", "kind") if k in data}
    return {k: data[k] for k in fields if k in data}


def own_findings(
    kind: str, record_id: str, data: dict[str, Any], today: date, text: str | None
) -> list[Finding]:
    """Every check of one record that needs no other record."""
    found = schema_findings(kind, data) + id_findings(record_id, data)
    return found + content_findings(data, today) + personal_data_findings(data, text)


def check_file(kind: str | None, path: Path, root: Path | None, today: date) -> FileResult:
    loaded = load_file(path, root)
    data = loaded.data
    if data is None:
        return FileResult(kind, path, loaded.text, loaded.problems, None, (), ())
    own: tuple[Finding, ...] = ()
    comments: tuple[Finding, ...] = ()
    if kind is not None:
        own = tuple(own_findings(kind, path.stem, data, today, loaded.text))
        comments = tuple(comment_findings(loaded.text or ""))
    return FileResult(
        kind, path, loaded.text, loaded.problems, summary_of(kind, data), own, comments
    )


# What a worker sends back for one file: FileResult's fields after `kind` and `path`, which the
# parent knows (paths are slow to pickle).
_Sent = tuple[
    str | None, tuple[Problem, ...], dict[str, Any] | None, tuple[Finding, ...], tuple[Finding, ...]
]


def _check_many(job: tuple[list[tuple[str | None, str]], Path | None, date]) -> list[_Sent]:
    files, root, today = job
    sent = []
    for kind, name in files:
        r = check_file(kind, Path(name), root, today)
        sent.append((r.text, r.problems, r.summary, r.own, r.comments))
    return sent


def _workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def check_files(
    files: list[tuple[str | None, Path]],
    root: Path | None,
    today: date,
    threshold: int = POOL_THRESHOLD,
) -> list[FileResult]:
    """Every file checked, in the order given: in a pool of processes when there are many."""
    workers = min(_workers(), 8)
    if len(files) < threshold or workers < 2:
        return [check_file(kind, path, root, today) for kind, path in files]
    try:
        return list(_in_pool(files, root, today, workers))
    except Exception:  # noqa: BLE001 - no pool here (no fork, no semaphores, a worker killed)
        return [check_file(kind, path, root, today) for kind, path in files]


def _in_pool(
    files: list[tuple[str | None, Path]], root: Path | None, today: date, workers: int
) -> Iterator[FileResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    for record_kind in ("project", "municipality"):
        fast_validator(record_kind)  # built once, before the workers are forked
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    # Chunks of files, several per worker, so that a slow chunk does not hold up the others.
    size = max(16, min(256, len(files) // (workers * 8) or 1))
    names = [(kind, str(path)) for kind, path in files]
    chunks = [names[i : i + size] for i in range(0, len(names), size)]
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        results: Iterable[list[_Sent]] = pool.map(
            _check_many, [(chunk, root, today) for chunk in chunks]
        )
        collected = [sent for chunk_results in results for sent in chunk_results]
    for (kind, path), sent in zip(files, collected, strict=True):
        yield FileResult(kind, path, *sent)
