"""The tests that read ../shared (reference tables, stored source texts) skip in a clone that does
not have it, and fail in CI, which always lays shared/ beside the clone: a moved or renamed file
must not turn a cross-check into a skip nobody reads.

Each story copies the test tools and one such test into a folder with no shared/ beside it and
runs pytest there, as a fresh clone would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TESTS, needs_shared


def lone_clone(tmp_path: Path) -> Path:
    clone = tmp_path / "nowhere" / "clone"
    (clone / "tests").mkdir(parents=True)
    for name in ("__init__.py", "conftest.py", "test_provinces_reference.py"):
        shutil.copy(TESTS / name, clone / "tests" / name)
    return clone


def pytest_in(clone: Path, ci: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CI": ci}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "tests"],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_clone_without_shared_skips_the_cross_checks_and_says_why(tmp_path: Path) -> None:
    clone = lone_clone(tmp_path)
    run = pytest_in(clone, ci="")

    assert run.returncode == 0, run.stdout
    missing = tmp_path / "nowhere" / "shared" / "reference" / "provinces.json"
    assert f"{missing} is not here (no ../shared beside this clone)" in run.stdout
    assert " skipped" in run.stdout.splitlines()[-1]
    assert " failed" not in run.stdout and " passed" not in run.stdout.splitlines()[-1]


def test_in_ci_a_missing_shared_folder_fails_the_run(tmp_path: Path) -> None:
    clone = lone_clone(tmp_path)
    run = pytest_in(clone, ci="true")

    assert run.returncode == 1, run.stdout
    missing = tmp_path / "nowhere" / "shared" / "reference" / "provinces.json"
    assert f"{missing} is missing: CI has ../shared beside the clone" in run.stdout
    assert " skipped" not in run.stdout.splitlines()[-1]


def test_a_present_file_lets_the_test_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    needs_shared(tmp_path)  # neither skips nor fails
