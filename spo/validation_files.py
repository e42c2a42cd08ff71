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

import pickle
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from spo.checks.cache import ResultCache, Stamp, digest_of, stamp
from spo.checks.characters import character_findings
from spo.checks.content import content_findings
from spo.checks.figures import figure_findings
from spo.checks.personal import comment_findings, personal_data_findings
from spo.checks.pool import POOL_THRESHOLD, mapped, pool_size, spans
from spo.checks.references import id_findings
from spo.checks.schema import schema_findings
from spo.loader import decode, load_file, parse, read_bytes
from spo.message import Message
from spo.problems import Finding, Problem

# Told how many files are done, of how many.
Progress = Callable[[int, int], None]
# What the checks across files read of a record (spo.checks.references): its fields, and of each
# list entry the fields named here (a list keeps its length, so findings keep their paths).
_SUMMARY_FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "project": {"owner": (), "partners": ("municipality", "type")},
    "municipality": {
        "name": (),
        "province": (),
        "kind": (),
        "district": (),
        "office": ("district",),
        "engagements": ("host",),
        "transfers": ("project",),
    },
    "": {"province": (), "kind": ()},  # a file of no known kind: one per province counts it
}


@dataclass(frozen=True)
class FileResult:
    """What validation keeps of one file."""

    kind: str | None
    path: Path
    text: str | None  # to turn findings into lines; None when it had none (`text_of`)
    problems: tuple[Problem, ...]  # met while reading
    summary: dict[str, Any] | None  # None when the file could not be read as a mapping
    own: tuple[Finding, ...]  # the findings that need no other file
    comments: tuple[Finding, ...]  # personal data in comments

    @cached_property
    def id(self) -> str:
        return self.path.stem


def _part(value: Any, keys: tuple[str, ...]) -> Any:
    """The named keys of a mapping, or of each mapping in a list (anything else as None)."""
    if isinstance(value, dict):
        return {k: value[k] for k in keys if k in value}
    if isinstance(value, list):
        return [_part(entry, keys) if isinstance(entry, dict) else None for entry in value]
    return None


def summary_of(kind: str | None, data: dict[str, Any]) -> dict[str, Any]:
    """The parts of a record that the checks across files read, and nothing else: the record
    itself is dropped as soon as its own checks are done."""
    fields = _SUMMARY_FIELDS.get(kind or "", _SUMMARY_FIELDS[""])
    return {k: _part(data[k], keys) if keys else data[k] for k, keys in fields.items() if k in data}


def own_findings(
    kind: str, record_id: str, data: dict[str, Any], today: date, text: str | None
) -> list[Finding]:
    """Every check of one record that needs no other record."""
    found = schema_findings(kind, data) + id_findings(record_id, data)
    found += content_findings(data, today, text) + figure_findings(data)
    found += character_findings(data, text)
    return found + personal_data_findings(data, text)


# One file's own result, as sent from a worker and kept in the cache: its reading problems, its
# summary, its own findings and its comments' findings (FileResult's fields but the first three).
Payload = tuple[
    tuple[Problem, ...], dict[str, Any] | None, tuple[Finding, ...], tuple[Finding, ...]
]
# What checking one file gives: its text, its payload (pickled when asked: to be sent or kept;
# None when its bytes are those the cache remembers), and the hash of its bytes when asked.
Output = tuple[str | None, Payload | bytes | None, bytes | None]


def _checked(kind: str | None, path: Path, text: str, today: date) -> Payload:
    return checked_text(kind, path, text, today)[0]


def checked_text(
    kind: str | None, path: Path, text: str, today: date
) -> tuple[Payload, dict[str, Any] | None]:
    """One file's own result from its text, and its data (None when it is not a mapping)."""
    loaded = parse(path, text)
    data = loaded.data
    if data is None:
        return (loaded.problems, None, (), ()), None
    own: tuple[Finding, ...] = ()
    comments: tuple[Finding, ...] = ()
    if kind is not None:
        try:
            own = tuple(own_findings(kind, path.stem, data, today, text))
            comments = tuple(comment_findings(text))
        except Exception as exc:  # noqa: BLE001 - a bug in a check: this file's problem, not the run's
            return (loaded.problems, summary_of(kind, data), (internal_error(exc),), ()), data
    return (loaded.problems, summary_of(kind, data), own, comments), data


def internal_error(exc: Exception) -> Finding:
    """A check that failed on a file: a problem of that file, asking for a bug report; the run
    goes on to check every other file."""
    message = Message.of("check.internal-error", error=f"{type(exc).__name__}: {exc}")
    return Finding((), message, "internal-error")


def check_file(
    kind: str | None,
    path: Path,
    root: Path | None,
    today: date,
    known: bytes | None = None,
    caching: bool = False,
    pack: bool = False,
) -> Output:
    """Read and check one file, as `spo.loader.load_file` reads it. With `caching`, the hash of
    its bytes comes back too, and nothing else when it is `known` (the cache has the result)."""
    raw = read_bytes(path, root)
    digest = None
    if isinstance(raw, Problem):
        text: str | None = None
        payload: Payload = ((raw,), None, (), ())
    else:
        digest = digest_of(raw) if caching else None
        if known is not None and digest == known:
            return None, None, digest
        decoded = decode(path, raw)
        text = None if isinstance(decoded, Problem) else decoded
        if isinstance(decoded, Problem):
            payload = ((decoded,), None, (), ())
        else:
            payload = _checked(kind, path, decoded, today)
            if not payload[2] and not payload[3]:
                text = None  # kept only to place findings: read again should others come
    return text, pickle.dumps(payload, pickle.HIGHEST_PROTOCOL) if pack else payload, digest


# One file to check: its kind, its path (as text: paths are slow to pickle), the hash of its
# bytes that the cache remembers.
_Task = tuple[str | None, str, bytes | None]


def _check_many(job: tuple[list[_Task], Path | None, date, bool]) -> list[Output]:
    tasks, root, today, caching = job
    return [
        check_file(kind, Path(name), root, today, known, caching, pack=True)
        for kind, name, known in tasks
    ]


def check_files(
    files: list[tuple[str | None, Path]],
    root: Path | None,
    today: date,
    threshold: int = POOL_THRESHOLD,
    cache: ResultCache | None = None,
    progress: Progress | None = None,
) -> list[FileResult]:
    """Every file checked, in the order given: from the cache when it is unchanged, in a pool
    of processes when many are left. `progress` hears how many files are done, of how many."""
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
    done = len(files) - len(tasks)

    def advance(count: int) -> None:
        """Report progress; first called once the pool has started, so that a progress bar's
        thread never runs while workers are being forked."""
        nonlocal done
        done += count
        if progress:
            progress(done, len(files))

    outputs = _run(tasks, root, today, threshold, cache is not None, advance)
    rows: list[tuple[Path, Stamp, bytes, bytes]] = []
    for (index, now), (text, sent, digest) in zip(todo, outputs, strict=True):
        kind, path = files[index]
        if sent is None:  # the bytes the cache remembers
            kept = cache.blob(path) if cache else None
            payload = ResultCache.loads(kept) if kept else None
            if kept and payload is not None and now and digest:
                rows.append((path, now, digest, kept))  # the same bytes under a new stamp
                results[index] = FileResult(kind, path, None, *payload)
                continue
            text, sent, digest = check_file(kind, path, root, today, None, True, True)
        assert sent is not None  # checked without a known hash: never "as remembered"
        payload = pickle.loads(sent) if isinstance(sent, bytes) else sent  # noqa: S301 - ours
        if cache and now and digest and isinstance(sent, bytes):
            rows.append((path, now, digest, sent))
        results[index] = FileResult(kind, path, text, *payload)
    if cache:
        cache.store(rows)
    return [r for r in results if r is not None]


def _run(
    tasks: list[_Task],
    root: Path | None,
    today: date,
    threshold: int,
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
        outputs.append(check_file(kind, Path(name), root, today, known, caching, pack=caching))
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


def text_of(result: FileResult, root: Path | None) -> str | None:
    """The file's text, read again for a result that came from the cache."""
    if result.text is None and result.summary is not None:
        return load_file(result.path, root).text
    return result.text
