"""How cost grows with the registry (issue 25): a cold `spo validate` and a warm
`spo report --format json` on synthetic registries of several sizes (1,000, 10,000 and 50,000
projects by default), the municipalities fixed (1,400 by default: a national registry grows in
projects, not in municipalities), and the ratio of each step.

Each step's row holds the larger registry against the smaller one; its target is "at most
linear" with a tenth to spare: ≤ 1.1 × the growth in projects (10,000 → 50,000: ≤ 5.5× for 5×
the projects). With the municipalities fixed the files grow a little less than the projects
(11,400 → 51,400 files is 4.5×), which the row's text says.

Each registry is built in the work folder, measured, then deleted. Building 50,000 projects
(51,400 files, 65 MB) takes a few seconds; its cold validate and warm report, three runs each
(and the warm report's unmeasured first run, which builds the index), about 75 s on 2 cores.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.bench import Bench, Row
from benchmarks.measure import Figure
from benchmarks.synthetic import build

SIZES = (1_000, 10_000, 50_000)
SLACK = 1.1  # "at most linear", with a tenth to spare for noise
COMMANDS = [  # what the row calls it, and how it is measured
    ("spo validate, cold", "cold"),
    ("warm spo report --format json", "warm"),
]


def measure_size(work: Path, projects: int, municipalities: int, runs: int) -> dict[str, Any]:
    """Build one registry, measure both commands on it, delete it: its figures and its size."""
    start = time.perf_counter()
    root = build(work / f"registry-{projects}", municipalities, projects)
    built = time.perf_counter() - start
    files = list(root.glob("data/*/*.yaml"))
    size = sum(f.stat().st_size for f in files)
    bench = Bench(root, root, work / f"work-{projects}", runs, projects)
    figures = {
        "cold": bench.spo("validate", cache="cold", before=bench.fresh_cache("cold")),
        "warm": bench.spo("report", "--format", "json", prime=True),
    }
    shutil.rmtree(root, ignore_errors=True)
    shutil.rmtree(bench.work, ignore_errors=True)
    return {
        "projects": projects,
        "municipalities": municipalities,
        "files": len(files),
        "megabytes": round(size / 1e6, 1),
        "build_seconds": round(built, 1),
        "figures": figures,
    }


def measure_all(
    work: Path, sizes: tuple[int, ...], municipalities: int, runs: int
) -> list[dict[str, Any]]:
    measured = []
    for projects in sizes:
        start = time.perf_counter()
        size = measure_size(work, projects, municipalities, runs)
        cold, warm = size["figures"]["cold"], size["figures"]["warm"]
        print(
            f"  scaling: {projects:,} projects, {size['files']:,} files, {size['megabytes']} MB,"
            f" built in {size['build_seconds']:.0f} s, measured in"
            f" {time.perf_counter() - start - size['build_seconds']:.0f} s;"
            f" cold validate {_per_file(cold, size['files'])}, warm report"
            f" {_per_file(warm, size['files'])}",
            file=sys.stderr,
        )
        measured.append(size)
    return measured


def _limit(smaller: int, larger: int) -> tuple[float, str]:
    growth = larger / smaller
    limit = round(SLACK * growth, 2)
    return limit, f"≤ {limit:g}× for {growth:g}× the projects"


def rows(measured: list[dict[str, Any]]) -> Iterator[Row]:
    """One row per command and step: the larger registry against the smaller one."""
    for what, key in COMMANDS:
        for small, large in zip(measured, measured[1:], strict=False):
            limit, target = _limit(small["projects"], large["projects"])
            yield Row(
                f"{what}, {large['projects']:,} projects ({large['files']:,} files)",
                large["figures"][key],
                f"the same, {small['projects']:,} projects ({small['files']:,} files)",
                small["figures"][key],
                target,
                limit,
            )


def notes(measured: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What --json keeps of each size beside the rows: its size and how long it took to build."""
    return [{k: v for k, v in size.items() if k != "figures"} for size in measured]


def _per_file(figure: Figure, files: int) -> str:
    if figure.failed:
        return "n/a"
    return f"{figure.cpu:.2f} s CPU ({figure.cpu / files * 1e6:.0f} µs a file)"
