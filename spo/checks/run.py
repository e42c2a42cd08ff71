"""Checking many files: in, the files (kind, path) of a registry, its root and today's date; out,
each file's own result (`spo.checks.file.FileResult`), in the order given.

An unchanged file's result comes from the result cache (`spo.checks.cache`); the others are
checked (`spo.checks.file.check_file`), spread over a pool of worker processes when there are
many (`spo.checks.pool`), and the results come back in the order of the files, so the output is
the same as in one process. Should the pool fail to start, or die, the files are checked in this
process. How far the run has got is told as it goes (`spo.checks.progress`).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from datetime import date
from pathlib import Path

from spo.checks.cache import ResultCache, Stamp, stamp
from spo.checks.file import FileResult, Output, check_file
from spo.checks.pool import POOL_THRESHOLD, mapped, pool_size, spans
from spo.checks.progress import Progress, Tally

# One file to check: its kind, its path (as text: paths are slow to pickle), the hash of its
# bytes that the cache remembers.
_Task = tuple[str | None, str, bytes | None]
# A result the cache holds for a file's path, stamp, hash of bytes: (path, stamp, digest, pickle).
_Kept = tuple[Path, Stamp, bytes, bytes]


def check_files(
    files: list[tuple[str | None, Path]],
    root: Path | None,
    today: date,
    *,
    threshold: int = POOL_THRESHOLD,
    cache: ResultCache | None = None,
    progress: Progress | None = None,
) -> list[FileResult]:
    """Every file checked, in the order given: from the cache when it is unchanged, in a pool
    of processes when `threshold` files or more are left. `progress` hears how many files are
    done, of how many."""
    results: list[FileResult | None] = []
    todo: list[tuple[int, Stamp | None]] = []
    tasks: list[_Task] = []
    for index, (kind, path) in enumerate(files):
        now = stamp(path) if cache else None
        kept = cache.by_stamp(path, now) if cache else None
        if kept is not None:
            results.append(FileResult(kind, path, None, *kept))
            continue
        results.append(None)
        todo.append((index, now))
        tasks.append((kind, str(path), cache.digest(path) if cache and now else None))
    tally = Tally(len(files), len(files) - len(tasks), progress)
    outputs = _run(tasks, root, today, threshold, caching=cache is not None, advance=tally.advance)
    rows: list[_Kept] = []
    for (index, now), output in zip(todo, outputs, strict=True):
        kind, path = files[index]
        results[index] = _result(kind, path, now, output, root, today, cache, rows)
    if cache:
        cache.store(rows)
    return [r for r in results if r is not None]


def _result(
    kind: str | None,
    path: Path,
    now: Stamp | None,
    output: Output,
    root: Path | None,
    today: date,
    cache: ResultCache | None,
    rows: list[_Kept],
) -> FileResult:
    """One checked file's result; what the cache should keep of it is added to `rows`."""
    text, sent, digest = output
    if sent is None:  # the bytes the cache remembers
        kept = cache.blob(path) if cache else None
        payload = ResultCache.loads(kept) if kept else None
        if kept and payload is not None and now and digest:
            rows.append((path, now, digest, kept))  # the same bytes under a new stamp
            return FileResult(kind, path, None, *payload)
        text, sent, digest = check_file(kind, path, root, today, caching=True, pack=True)
    assert sent is not None  # checked without a known hash: never "as remembered"
    payload = pickle.loads(sent) if isinstance(sent, bytes) else sent  # noqa: S301 - ours
    if cache and now and digest and isinstance(sent, bytes):
        rows.append((path, now, digest, sent))
    return FileResult(kind, path, text, *payload)


def _check_many(job: tuple[list[_Task], Path | None, date, bool]) -> list[Output]:
    tasks, root, today, caching = job
    return [
        check_file(kind, Path(name), root, today, known=known, caching=caching, pack=True)
        for kind, name, known in tasks
    ]


def _run(
    tasks: list[_Task],
    root: Path | None,
    today: date,
    threshold: int,
    *,
    caching: bool,
    advance: Callable[[int], None],
) -> list[Output]:
    workers = pool_size(len(tasks), threshold)
    if workers:
        try:
            return _in_pool(tasks, root, today, caching, workers, advance)
        except Exception:  # noqa: BLE001 - no pool here (no fork, no semaphores, a worker killed)
            pass
    outputs = []
    for kind, name, known in tasks:
        outputs.append(
            check_file(kind, Path(name), root, today, known=known, caching=caching, pack=caching)
        )
        advance(1)
    return outputs


def _in_pool(
    tasks: list[_Task],
    root: Path | None,
    today: date,
    caching: bool,
    workers: int,
    advance: Callable[[int], None],
) -> list[Output]:
    jobs = [(tasks[start:stop], root, today, caching) for start, stop in spans(len(tasks), workers)]
    outputs: list[Output] = []
    for chunk_outputs in mapped(_check_many, jobs, workers):
        outputs.extend(chunk_outputs)
        advance(len(chunk_outputs))
    return outputs
