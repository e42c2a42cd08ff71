"""Shared test tools: run the real `spo` entry point on a registry folder, in-process."""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from spo.cli import main

TESTS = Path(__file__).resolve().parent
REGISTRIES = TESTS / "registries"
# The team's shared folder beside the clone (../shared): reference tables and stored source texts
# that the repository does not hold. A fresh clone may not have it; CI always does.
SHARED = TESTS.parent.parent / "shared"


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str


class _Entry:
    """Lets click's CliRunner drive `spo.cli.main`, so tests pass through the same error
    boundary as a user's shell."""

    name = "spo"

    def main(self, args: Sequence[str], prog_name: str | None = None, **_: object) -> None:
        main(list(args))


def run_spo(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Run:
    runner = CliRunner()
    base_env = {
        "SPO_LANG": "en",
        "NO_COLOR": "1",
        "COLUMNS": "120",
        "GITHUB_ACTIONS": "",
        "SPO_ROOT": "",
        "GITHUB_STEP_SUMMARY": "",
    }
    result = runner.invoke(_Entry(), list(args), input=input, env={**base_env, **(env or {})})  # type: ignore[arg-type]
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory):
    """Tests never touch the user's cache folder: spo's index and results go to a temporary one
    (spo processes started by tests inherit it)."""
    folder = tmp_path_factory.mktemp("spo-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SPO_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture
def spo():
    return run_spo


@pytest.fixture
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the `valid-base` registry, as the current folder: tests write one broken file
    into it and run `spo validate`."""
    root = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "valid-base", root)
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def registry_copy(tmp_path: Path):
    """Copy a registry from tests/registries/<name> into a temporary folder and return it."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(REGISTRIES / name, target)
        return target

    return copy


def needs_shared(path: Path) -> None:
    """Skip a test whose data under ../shared is not here (a clone without the shared folder
    beside it); in CI (CI=true), which always lays shared/ beside the clone, fail instead, so that
    a moved or renamed file cannot turn the cross-checks into silent skips."""
    if path.exists():
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{path} is missing: CI has ../shared beside the clone", pytrace=False)
    pytest.skip(f"{path} is not here (no ../shared beside this clone)")


def assert_golden(path: Path, text: str) -> None:
    """`text` is what the golden file at `path` holds; with SPO_UPDATE_GOLDEN set, it becomes
    so (read the change before committing it)."""
    if os.environ.get("SPO_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.fixture
def plain_git(monkeypatch: pytest.MonkeyPatch) -> None:
    """git, as spo runs it in the test, reads no user or system configuration and commits as
    the same reviewer at the same time (`tests.diff_history.GIT_ENV`). A module that runs git
    says `pytestmark = pytest.mark.usefixtures("plain_git")`."""
    from tests.diff_history import GIT_ENV

    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def git_without_gh(plain_git: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Plain git, and no `gh` of the machine's on PATH: only git's folder and the test's own
    `bin` folder (returned), where a test that wants a `gh` puts a fake one."""
    folder = tmp_path / "bin"
    folder.mkdir()
    git_folder = str(Path(shutil.which("git") or "/usr/bin/git").parent)
    monkeypatch.setenv("PATH", os.pathsep.join([str(folder), git_folder]))
    return folder
