"""Many files spread over the machine's cores: `spo validate` checks them, `spo diff` reads them.

Below `POOL_THRESHOLD` files a pool costs more than it saves, and so does a machine with one
core. Work goes out in spans of files, several per worker, so that a slow span does not hold up
the others; workers are forked where the system allows it (they start at once, and inherit what
the parent has built, such as the schema validators). Results come back in the order sent.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from spo.checks.schema import fast_validator

# Below this many files a pool costs more than it saves.
POOL_THRESHOLD = 200
MAX_WORKERS = 8

Job = TypeVar("Job")
Result = TypeVar("Result")


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def pool_size(count: int, threshold: int = POOL_THRESHOLD) -> int:
    """How many workers `count` files are worth: 0 when one process is better."""
    workers = min(cores(), MAX_WORKERS)
    return workers if count >= threshold and workers >= 2 else 0


def spans(count: int, workers: int) -> list[tuple[int, int]]:
    """[start, stop) spans of `count` items, several per worker."""
    size = max(16, min(256, count // (workers * 8) or 1))
    return [(start, min(start + size, count)) for start in range(0, count, size)]


def mapped(
    work: Callable[[Job], Result], jobs: Sequence[Job], workers: int, fork_only: bool = False
) -> Iterator[Result]:
    """`work` of each job in a pool of processes, in order. With `fork_only`, a system that
    cannot fork raises RuntimeError (the jobs rely on what the workers inherit)."""
    # Imported here: a registry below POOL_THRESHOLD never pays for starting multiprocessing.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    if fork_only and "fork" not in methods:
        raise RuntimeError("these jobs reach the workers by inheritance: they need fork")
    for record_kind in ("project", "municipality"):
        fast_validator(record_kind)  # built once, before the workers are forked
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        yield from pool.map(work, jobs)
