"""The comparisons of issue #12's table, each a row: an spo command against a yardstick, both run
as fresh processes on the same registry, with the issue's target for their ratio."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.bench_diff import rows as diff_rows
from benchmarks.measure import Figure, added, measure, spo_command

HERE = Path(__file__).resolve().parent
SCHEMAS = HERE.parent / "schemas"
TRANSFER_TO = "ilce-0"
TRANSFER_PROJECT = "proje-1"  # owned by a provincial municipality, never transferred to ilce-0
SHOWN = "proje-1"


@dataclass(frozen=True)
class Row:
    what: str
    spo: Figure
    against: str
    other: Figure
    target: str
    cpu_limit: float  # the ratio spo / against must be at most this (CPU, or memory)
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
        if cpu is None:
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


def rows(bench: Bench) -> Iterator[Row]:
    parse = bench.python(str(HERE / "parse_all.py"), str(bench.national))
    c_parse = "libyaml C parse"
    cold = bench.spo("validate", cache="cold", before=bench.fresh_cache("cold"))
    yield Row("spo validate, cold", cold, c_parse, parse, "CPU ≤ 1.3, wall ≤ 0.8", 1.3, 0.8)
    yield Row(
        "spo validate, cold", cold, "check-jsonschema", check_jsonschema(bench),
        "≤ 0.05 (≥ 20× faster)", 0.05,
    )  # fmt: skip
    warm = bench.spo("validate", cache="revalidate", prime=True)
    yield Row("spo validate, unchanged (warm)", warm, c_parse, parse, "≤ 0.15", 0.15)
    for args, limit in [
        (("search", "mutfak"), 0.1),
        (("report", "--format", "json"), 0.1),
        (("transfer", "list"), 0.1),
        (("project", "show", SHOWN), 0.1),
        (("project", "list", "--format", "json"), 0.3),
    ]:
        figure = bench.spo(*args, prime=True)
        yield Row(f"warm spo {' '.join(args)}", figure, c_parse, parse, f"≤ {limit}", limit)
    fast = bench.runs * 5  # start-up is short and noisy: more runs
    version = measure(
        [*spo_command(), "--version"], bench.national, bench.env(bench.work / "warm"), fast
    )
    typer = bench.python("-c", "import typer", runs=fast)
    yield Row("spo --version", version, 'python -c "import typer"', typer, "≤ 1.3", 1.3)
    yield Row(
        f"spo transfer add, {bench.projects:,} projects", transfer_add(bench, bench.national),
        f"the same, {bench.small_projects:,} projects", transfer_add(bench, bench.small),
        "≤ 1.2", 1.2,
    )  # fmt: skip
    yield Row(
        "spo validate, peak memory (max RSS)", cold, "parsed data (tracemalloc)",
        parsed_size(bench), "≤ 2", 2.0, memory=True,
    )  # fmt: skip
    yield from diff_rows(bench, cold, parse)


def check_jsonschema(bench: Bench) -> Figure:
    figures = []
    for kind, schema in [("projects", "project"), ("municipalities", "municipality")]:
        files = sorted(str(p) for p in (bench.national / "data" / kind).glob("*.yaml"))
        tool = Path(sys.executable).parent / "check-jsonschema"
        if not tool.exists():
            return Figure(failed="check-jsonschema is not installed")
        args = [str(tool), "--schemafile", str(SCHEMAS / f"{schema}.schema.json"), *files]
        figures.append(measure(args, bench.national, bench.env(bench.work / "unused"), bench.runs))
    return added(*figures)


def transfer_add(bench: Bench, registry: Path) -> Figure:
    """On a copy, warm, the municipality file put back before every run."""
    root = bench.work / f"copy-{registry.name}"
    if not root.exists():
        shutil.copytree(registry, root)
    target = root / f"data/municipalities/{TRANSFER_TO}.yaml"
    original = target.read_bytes()
    return bench.spo(
        "transfer", "add", "--project", TRANSFER_PROJECT, "--to", TRANSFER_TO,
        "--stage", "inquiry", "--date", "2025-01-02", "--source", "https://example.org/haber",
        "--note", "Kaynak görüşmeyi anlatıyor.", "--yes",
        cache=f"cache-{registry.name}", root=root, prime=True,
        before=lambda: target.write_bytes(original),
    )  # fmt: skip


def parsed_size(bench: Bench) -> Figure:
    run = subprocess.run(
        [sys.executable, str(HERE / "parse_all.py"), str(bench.national), "--memory"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if run.returncode:
        return Figure(failed=f"exit {run.returncode}")
    size, _peak = (int(x) for x in run.stdout.split())
    return Figure(rss=size)
