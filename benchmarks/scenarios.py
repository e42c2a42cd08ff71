"""The comparisons of issue #12's table, each a row: an spo command against a yardstick, both run
as fresh processes on the same registry, with the issue's target for their ratio."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from benchmarks.bench import Bench, Row
from benchmarks.bench_diff import rows as diff_rows
from benchmarks.bench_serve import rows as serve_rows
from benchmarks.measure import Figure, added, measure, spo_command

HERE = Path(__file__).resolve().parent
SCHEMAS = HERE.parent / "schemas"
TRANSFER_TO = "ilce-0"
TRANSFER_PROJECT = "proje-1"  # owned by a provincial municipality, never transferred to ilce-0
SHOWN = "proje-1"
PARSERS = [  # parse_all.py's flag, the row: each parser alone, no guard, against libyaml's C
    ("--yaml-rs", "parse: yaml-rs (Rust), every file"),
    ("--ryaml", "parse: ryaml (Rust, serde_yaml), every file"),
]


def rows(bench: Bench) -> Iterator[Row]:
    parse = bench.python(str(HERE / "parse_all.py"), str(bench.national))
    c_parse = "libyaml C parse"
    cold = bench.spo("validate", cache="cold", before=bench.fresh_cache("cold"))
    yield Row("spo validate, cold", cold, c_parse, parse, "CPU ≤ 1.3, wall ≤ 0.8", 1.3, 0.8)
    schema_tool = check_jsonschema(bench)
    yield Row(
        "spo validate, cold", cold, "check-jsonschema", schema_tool, "≤ 0.05 (≥ 20× faster)", 0.05
    )
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
    yield from serve_rows(bench, parse)  # issue 26: a warm page of `spo serve`
    # issue 25: every file into Python data, one process, by each parser (no target: figures to
    # compare), then as spo reads (the fast path: yaml-rs, guarded; spo's exact reading where it
    # must), and a cold validate against the targets
    for flag, what in PARSERS:
        if flag == "--ryaml" and importlib.util.find_spec("ryaml") is None:
            figure = Figure(failed="ryaml is not installed (pip install ryaml)")
        else:
            figure = bench.python(str(HERE / "parse_all.py"), str(bench.national), flag)
        yield Row(what, figure, c_parse, parse, "", None)
    reading = bench.python(str(HERE / "parse_all.py"), str(bench.national), "--spo")
    yield Row("spo's reading, fast path first", reading, c_parse, parse, "CPU ≤ 0.6", 0.6)
    yield Row("spo validate, cold (issue 25)", cold, c_parse, parse, "CPU ≤ 0.6", 0.6)
    yield Row(
        "spo validate, cold (issue 25)", cold, "check-jsonschema", schema_tool,
        "≤ 0.025 (≥ 40× faster)", 0.025,
    )  # fmt: skip


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
