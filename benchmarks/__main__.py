"""`python -m benchmarks`: issues #12 and #25's comparisons on a national synthetic registry,
one table.

Builds the registry (1,400 municipalities and 10,000 projects by default) in a temporary folder,
runs each spo command and its yardstick as fresh processes (the median of --runs runs, CPU from
os.wait4), and prints what, spo CPU and wall, against what, ratios, target and whether it is met.
A command that fails (or does not exist yet) is reported as n/a; the run goes on. Then, unless
--no-scaling, how cost grows: a cold validate and a warm report on registries of --scale
projects (1,000, 10,000 and 50,000; the municipalities as --municipalities). Building the
50,000-project registry (51,400 files, 65 MB) takes a few seconds; measuring it, with 3 runs,
about a minute and a quarter on 2 cores, and the three sizes about 100 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import bench_scaling
from benchmarks.bench import Bench, Row
from benchmarks.bench_scaling import SIZES
from benchmarks.scenarios import rows
from benchmarks.synthetic import build
from benchmarks.table import load, markdown, save

SMALL = 100  # projects in the registry `transfer add` is compared on
QUICK_SIZES = (50, 100, 250)  # --quick's scaling rows: a smoke run


def _options(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="runs per command (median)")
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--municipalities", type=int, default=1_400)
    parser.add_argument("--quick", action="store_true", help="a small smoke run: tiny, one run")
    parser.add_argument(
        "--scale",
        type=_sizes,
        default=SIZES,
        help="projects of the registries the scaling rows compare, comma-separated"
        " (default 1000,10000,50000: building 50,000 projects takes a few seconds, measuring"
        " them with 3 runs about 75 s on 2 cores)",
    )
    parser.add_argument(
        "--no-scaling", dest="scaling", action="store_false", help="leave the scaling rows out"
    )
    parser.add_argument("--json", type=Path, help="also save the results to this file")
    parser.add_argument("--show", type=Path, help="print the table of a run saved with --json")
    options = parser.parse_args(argv)
    if options.quick:
        options.runs, options.projects, options.municipalities = 1, 100, 90
        options.scale = QUICK_SIZES
    return options


def _sizes(text: str) -> tuple[int, ...]:
    sizes = tuple(int(x) for x in text.replace("_", "").split(","))
    if len(sizes) < 2 or list(sizes) != sorted(set(sizes)) or sizes[0] < 1:
        raise argparse.ArgumentTypeError("two sizes or more, growing: 1000,10000,50000")
    return sizes


def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.partition(":")[2].strip()
                break
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model or platform.processor(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def _files_read(counts: dict[str, int]) -> str:
    both = counts["base_files"] + counts["head_files"]
    return (
        f"{counts['files_read']:,} files parsed, {both:,} on both sides"
        f" ({counts['base_files']:,} + {counts['head_files']:,}),"
        f" {counts['changed']} changed: N + changed = {counts['base_files'] + counts['changed']:,}"
    )


def main(argv: list[str] | None = None) -> None:
    options = _options(argv)
    if options.show:
        print(markdown(load(options.show)[0]))
        return
    with tempfile.TemporaryDirectory(prefix="spo-bench-") as tmp:
        work = Path(tmp)
        start = time.perf_counter()
        national = build(work / "national", options.municipalities, options.projects)
        small = build(work / "small", municipalities=90, projects=SMALL)
        files = list(national.glob("data/*/*.yaml"))
        size = sum(f.stat().st_size for f in files)
        about = {
            **machine(),
            "files": len(files),
            "megabytes": round(size / 1e6, 1),
            "projects": options.projects,
            "municipalities": options.municipalities,
            "runs": options.runs,
        }
        print(
            f"{len(files)} files, {size / 1e6:.1f} MB,"
            f" built in {time.perf_counter() - start:.0f} s;"
            f" {about['cpus']} CPUs, {about['cpu_model']}, Python {about['python']};"
            f" median of {options.runs} run(s)",
            file=sys.stderr,
        )
        results: list[Row] = []
        bench = Bench(national, small, work, options.runs, options.projects, SMALL)
        for row in rows(bench):
            print(f"  {row.what} / {row.against}", file=sys.stderr)
            results.append(row)
        about.update(bench.notes)
        for side, counts in bench.notes.get("diff", {}).items():
            if side != "touched":
                print(f"  spo diff ({side}): {_files_read(counts)}", file=sys.stderr)
        if options.scaling:
            measured = bench_scaling.measure_all(
                work / "scaling", options.scale, options.municipalities, options.runs
            )
            results += bench_scaling.rows(measured)
            about["scaling"] = bench_scaling.notes(measured)
    print(markdown(results))
    if options.json:
        save(options.json, results, about)


if __name__ == "__main__":
    main()
