"""What a benchmark measures with and what it yields: a `Bench` (the registries, the work folder,
how often to run) in, `Row`s (spo's figure beside the one it is held against, and the limit of
their ratio) out. Apart from `benchmarks.scenarios`, so that each scenario module can use both
without importing the module that gathers them.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.measure import Figure, measure, spo_command


@dataclass(frozen=True)
class Row:
    what: str
    spo: Figure
    against: str
    other: Figure
    target: str
    cpu_limit: float | None  # spo / against must be at most this (CPU, or memory); None: a
    # figure to read, with no target (shown as "—")
    wall_limit: float | None = None
    memory: bool = False  # figures are bytes of memory, not seconds

    @property
    def failed(self) -> str | None:
        return self.spo.failed or self.other.failed

    @property
    def ratio_cpu(self) -> float | None:
        if self.failed:
            return None
        if self.memory:
            return self.spo.rss / self.other.rss if self.other.rss else None
        return self.spo.cpu / self.other.cpu if self.other.cpu else None

    @property
    def ratio_wall(self) -> float | None:
        if self.failed or self.memory or not self.other.wall:
            return None
        return self.spo.wall / self.other.wall

    @property
    def met(self) -> bool | None:
        cpu, wall = self.ratio_cpu, self.ratio_wall
        if cpu is None or self.cpu_limit is None:
            return None
        return cpu <= self.cpu_limit and (
            self.wall_limit is None or (wall is not None and wall <= self.wall_limit)
        )


@dataclass
class Bench:
    """Where and how often to measure: the national registry, a 100-project one, a work folder."""

    national: Path
    small: Path
    work: Path
    runs: int
    projects: int = 10_000
    small_projects: int = 100
    notes: dict[str, Any] = field(default_factory=dict)  # what is not a row, for --json

    def env(self, cache: Path) -> dict[str, str]:
        env = {**os.environ, "SPO_LANG": "en", "NO_COLOR": "1", "COLUMNS": "120"}
        env.pop("SPO_ROOT", None)
        env["SPO_CACHE_DIR"] = str(cache)
        return env

    def fresh_cache(self, name: str) -> Callable[[], None]:
        folder = self.work / name

        def empty() -> None:
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)

        return empty

    def spo(self, *args: str, cache: str = "warm", root: Path | None = None, **kw: Any) -> Figure:
        folder = self.work / cache
        folder.mkdir(parents=True, exist_ok=True)
        return measure(
            [*spo_command(), *args], root or self.national, self.env(folder), self.runs, **kw
        )

    def python(self, *args: str, runs: int | None = None) -> Figure:
        env = self.env(self.work / "unused")
        return measure([sys.executable, *args], self.national, env, runs or self.runs)
