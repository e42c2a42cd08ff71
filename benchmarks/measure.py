"""One command in a fresh process: its CPU (user + sys, the child and whatever it waited for, from
`os.wait4`), its wall time and its peak memory (max RSS); the median of a few runs."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Sample:
    cpu: float  # seconds, user + sys
    wall: float  # seconds
    rss: int  # bytes, the largest resident set of the child or its children
    code: int
    output: str  # stdout and stderr, to say why a run failed


@dataclass(frozen=True)
class Figure:
    """The median of the runs, or why there is none (`failed`: the command did not succeed)."""

    cpu: float = 0.0
    wall: float = 0.0
    rss: int = 0
    failed: str | None = None


def spo_command() -> list[str]:
    """The `spo` users run: the console script next to this interpreter, else `python -m spo`."""
    script = Path(sys.executable).parent / "spo"
    return [str(script)] if script.exists() else [sys.executable, "-m", "spo"]


def run_once(args: Sequence[str], cwd: Path, env: dict[str, str]) -> Sample:
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(
            list(args), cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=out
        )
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read().decode("utf-8", "replace")
    return Sample(
        cpu=usage.ru_utime + usage.ru_stime,
        wall=wall,
        rss=usage.ru_maxrss * 1024,  # Linux reports KiB
        code=child.returncode,
        output=output,
    )


def measure(
    args: Sequence[str],
    cwd: Path,
    env: dict[str, str],
    runs: int,
    before: Callable[[], None] = lambda: None,
    prime: bool = False,
    ok: Callable[[Sample], bool] = lambda s: s.code == 0,
) -> Figure:
    """The median of `runs` runs; `before` runs ahead of each (to reset a file or a cache), and
    `prime` makes one unmeasured run first (to measure a warm cache)."""
    samples = []
    for index in range(runs + (1 if prime else 0)):
        before()
        sample = run_once(args, cwd, env)
        if not ok(sample):
            lines = sample.output.strip().splitlines() or ["no output"]
            return Figure(failed=f"exit {sample.code}: {lines[-1][:100]}")
        if prime and index == 0:
            continue
        samples.append(sample)
    return Figure(
        cpu=statistics.median(s.cpu for s in samples),
        wall=statistics.median(s.wall for s in samples),
        rss=int(statistics.median(s.rss for s in samples)),
    )


def added(first: Figure, second: Figure) -> Figure:
    """Two commands that together do one job (check-jsonschema runs once per schema)."""
    failed = first.failed or second.failed
    if failed:
        return Figure(failed=failed)
    return Figure(first.cpu + second.cpu, first.wall + second.wall, max(first.rss, second.rss))
