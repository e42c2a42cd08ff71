"""`python -m benchmarks --quick` runs every comparison of issues #12 and #25 on a tiny registry,
and the scaling rows on three tiny ones, and prints one table with a row for each (the figures
themselves are for the benchmark, never asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.__main__ import _options
from benchmarks.measure import Figure, measure
from benchmarks.scenarios import Row
from benchmarks.table import cells, markdown

ROOT = Path(__file__).resolve().parent.parent

NO_CACHE = "CPU ≤ 1.3; no cache: no slower than today"
ROWS = [
    ("spo validate, cold", "libyaml C parse", "CPU ≤ 1.3, wall ≤ 0.8"),
    ("spo validate, cold", "check-jsonschema", "≤ 0.05 (≥ 20× faster)"),
    ("spo validate, unchanged (warm)", "libyaml C parse", "≤ 0.15"),
    ("warm spo search mutfak", "libyaml C parse", "≤ 0.1"),
    ("warm spo report --format json", "libyaml C parse", "≤ 0.1"),
    ("warm spo transfer list", "libyaml C parse", "≤ 0.1"),
    ("warm spo project show proje-1", "libyaml C parse", "≤ 0.1"),
    ("warm spo project list --format json", "libyaml C parse", "≤ 0.3"),
    ("spo --version", 'python -c "import typer"', "≤ 1.3"),
    ("spo transfer add, 100 projects", "the same, 100 projects", "≤ 1.2"),
    ("spo validate, peak memory (max RSS)", "parsed data (tracemalloc)", "≤ 2"),
    ("spo diff HEAD~1 HEAD", "spo validate, cold", NO_CACHE),
    ("spo diff HEAD~1 HEAD", "libyaml C parse", "CPU ≤ 1.7"),
    ("spo diff HEAD~1 HEAD, warm", "spo validate, cold", "CPU ≤ 0.3"),
    ("spo diff HEAD~1 HEAD, base known", "spo validate, cold", "CPU ≤ 0.3"),
    ("spo diff HEAD, worktree", "spo validate, cold", NO_CACHE),
    ("spo diff HEAD, worktree", "libyaml C parse", "CPU ≤ 1.7"),
    ("spo diff HEAD, worktree, warm", "spo validate, cold", "CPU ≤ 0.3"),
    ("spo serve, warm page /municipalities (server CPU per request)", "libyaml C parse", "≤ 0.1"),
    ("spo serve, warm page /report (server CPU per request)", "libyaml C parse", "≤ 0.1"),
    ("parse: yaml-rs (Rust), every file", "libyaml C parse", "—"),
    ("parse: ryaml (Rust, serde_yaml), every file", "libyaml C parse", "—"),
    ("spo's reading, fast path first", "libyaml C parse", "CPU ≤ 0.6"),
    ("spo validate, cold (issue 25)", "libyaml C parse", "CPU ≤ 0.6"),
    ("spo validate, cold (issue 25)", "check-jsonschema", "≤ 0.025 (≥ 40× faster)"),
    # how cost grows: --quick's registries of 50, 100 and 250 projects (90 municipalities)
    (
        "spo validate, cold, 100 projects (190 files)",
        "the same, 50 projects (140 files)",
        "≤ 2.2× for 2× the projects",
    ),
    (
        "spo validate, cold, 250 projects (340 files)",
        "the same, 100 projects (190 files)",
        "≤ 2.75× for 2.5× the projects",
    ),
    (
        "warm spo report --format json, 100 projects (190 files)",
        "the same, 50 projects (140 files)",
        "≤ 2.2× for 2× the projects",
    ),
    (
        "warm spo report --format json, 250 projects (340 files)",
        "the same, 100 projects (190 files)",
        "≤ 2.75× for 2.5× the projects",
    ),
]
# The pull request `spo diff` is measured on, and what it parses: every file of the base once,
# and of the head only the four files the pull request touches (190 + 4, not 190 + 191).
TOUCHED = [
    "data/municipalities/ilce-0.yaml",
    "data/municipalities/ilce-yeni.yaml",
    "data/projects/proje-0.yaml",
    "data/projects/proje-4.yaml",
]
FILES_READ = {"files_read": 194, "base_files": 190, "head_files": 191, "changed": 4}
HEADER = (
    "| what | spo CPU | spo wall | against | its CPU | ratio CPU | ratio wall | target | met? |"
)


def test_quick_run_prints_every_row(tmp_path: Path) -> None:
    saved = tmp_path / "results.json"
    run = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--json", str(saved)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )

    lines = run.stdout.splitlines()
    assert lines[0] == HEADER
    table = [[c.strip() for c in line.strip("|").split(" | ")] for line in lines[2:]]
    assert [(r[0], r[3], r[7]) for r in table[: len(ROWS)]] == ROWS
    assert all(len(r) == 9 for r in table[: len(ROWS)])
    # no row more: what may follow the rows is the list of n/a reasons, after a blank line
    assert len(table) == len(ROWS) or not lines[len(ROWS) + 2]
    results = json.loads(saved.read_text(encoding="utf-8"))
    assert [(r["what"], r["against"], r["target"] or "—") for r in results["rows"]] == ROWS
    assert [(s["projects"], s["files"]) for s in results["scaling"]] == [
        (50, 140), (100, 190), (250, 340),
    ]  # fmt: skip
    assert results["files"] == 190
    served = [r for r in results["rows"] if r["what"].startswith("spo serve")]
    assert [r["spo"]["failed"] for r in served] == [None, None]  # the web extra is a test's too
    assert all(0 <= r["spo"]["cpu"] < 1 and r["spo"]["wall"] > 0 for r in served)
    assert results["diff"] == {
        "touched": TOUCHED, "committed": FILES_READ, "worktree": FILES_READ,
    }  # fmt: skip
    assert "spo diff (committed): 194 files parsed, 381 on both sides (190 + 191)" in run.stderr
    shown = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--show", str(saved)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert shown.stdout == run.stdout  # a saved run prints the same table again


def test_a_command_that_fails_or_does_not_exist_yet_is_shown_as_na(tmp_path: Path) -> None:
    failing = [sys.executable, "-c", "print(\"No such command 'index'.\"); raise SystemExit(2)"]
    figure = measure(failing, tmp_path, dict(os.environ), runs=3)
    row = Row("spo index", figure, "libyaml C parse", Figure(2.0, 2.5), "≤ 0.1", 0.1)

    assert cells(row) == [
        "spo index", "n/a", "n/a", "libyaml C parse", "2.00 s", "n/a", "n/a", "≤ 0.1", "n/a",
    ]  # fmt: skip
    assert markdown([row]).splitlines()[-1] == (
        "- spo index / libyaml C parse: exit 2: No such command 'index'."
    )


def test_a_row_with_no_target_is_a_figure_to_read() -> None:
    row = Row("parse: ryaml", Figure(1.0, 1.0), "libyaml C parse", Figure(2.0, 2.0), "", None)

    assert row.met is None
    assert cells(row)[-3:] == ["0.50×", "—", "—"]


def test_an_optional_parser_that_is_not_installed_is_shown_as_na_with_why() -> None:
    row = Row(
        "parse: ryaml", Figure(failed="ryaml is not installed (pip install ryaml)"),
        "libyaml C parse", Figure(2.0, 2.5), "", None,
    )  # fmt: skip

    assert cells(row)[1] == "n/a"
    assert "ryaml is not installed (pip install ryaml)" in markdown([row])


def test_the_scaling_sizes_are_two_or_more_and_growing() -> None:
    assert _options(["--scale", "1000,10000,50000"]).scale == (1000, 10000, 50000)
    assert _options(["--no-scaling"]).scaling is False
    assert _options(["--quick"]).scale == (50, 100, 250)
    for wrong in ("1000", "10000,1000", "0,10"):
        with pytest.raises(SystemExit):
            _options(["--scale", wrong])
