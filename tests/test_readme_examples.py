"""The README's examples are what spo really prints: every `$ spo ...` block in README.md is run
on a copy of the shipped registry and its output compared line by line ("..." in the README
stands for lines left out). The first example shows a reviewer's broken edit; the test makes
that edit to its copy first."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_spo

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
WIDTH = "100"  # the README's tables are shown as a 100-column terminal draws them


def _examples() -> list[tuple[str, list[str]]]:
    """(command, expected output lines) for each `$ spo` line of the README's code blocks."""
    found = []
    for block in re.findall(r"```\n(.*?)```", README, flags=re.DOTALL):
        lines = block.rstrip("\n").split("\n")
        starts = [i for i, line in enumerate(lines) if line.startswith("$ spo")]
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(lines)
            found.append((lines[start][2:], lines[start + 1 : end]))
    return found


def _artvin_broken(data: Path) -> None:
    """The README's reviewer makes Artvin metropolitan and mistypes its visit's host."""
    path = data / "municipalities" / "artvin.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("kind: provincial", "kind: metropolitan", 1)
    path.write_text(text.replace("host: mersin-bb", "host: mersin", 1), encoding="utf-8")


def _artvin_deleted(data: Path) -> None:
    """The README's pull request deletes Artvin's file from a registry kept in git."""
    folder = data.parent
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "spo",
        "GIT_AUTHOR_EMAIL": "spo@example.org",
        "GIT_COMMITTER_NAME": "spo",
        "GIT_COMMITTER_EMAIL": "spo@example.org",
    }
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "kayıt"]):
        subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)
    (data / "municipalities" / "artvin.yaml").unlink()


PREPARE: dict[str, Callable[[Path], None]] = {
    "spo validate": _artvin_broken,
    "spo diff HEAD --as-of 2026-11-01": _artvin_deleted,
}


def matches(expected: list[str], actual: list[str]) -> bool:
    """Line by line, trailing spaces ignored; a line "..." matches any run of lines, and "(...)"
    inside a line any text in parentheses (a commit id)."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(matches(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and _same_line(expected[0], actual[0]) and matches(expected[1:], actual[1:])


def _same_line(expected: str, actual: str) -> bool:
    if "(...)" not in expected:
        return expected == actual.rstrip()
    pattern = r"\([^)]*\)".join(re.escape(part) for part in expected.split("(...)"))
    return re.fullmatch(pattern, actual.rstrip()) is not None


def test_the_readme_has_examples() -> None:
    assert len(_examples()) >= 5


@pytest.mark.parametrize(("command", "expected"), _examples(), ids=lambda v: str(v)[:40])
def test_each_readme_example_prints_what_the_readme_shows(
    command: str, expected: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(REPO / "data", tmp_path / "data")
    PREPARE.get(command, lambda _: None)(tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    run = run_spo(*shlex.split(command)[1:], env={"COLUMNS": WIDTH, "SPO_LANG": "en"})
    actual = (run.stdout + run.stderr).rstrip("\n").split("\n")
    assert matches(expected, actual), "\n".join(actual)
