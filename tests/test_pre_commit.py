"""The pre-commit hook (.pre-commit-hooks.yaml) on real commits: pre-commit itself runs it from a
git hook, as in a registry repository. pre-commit never passes deleted files to a hook, so the
hook runs on every commit and asks git whether the registry changed; deleting a record that
another one references must stop the commit."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REGISTRIES
from tests.git_shell import NEEDS_GIT_AND_PRE_COMMIT, SPO, GitShell

REPO = Path(__file__).resolve().parent.parent
HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))

pytestmark = [
    *NEEDS_GIT_AND_PRE_COMMIT,
]


def test_hook_checks_the_whole_registry_once_on_every_commit():
    (hook,) = HOOKS
    assert hook["id"] == "spo-validate"
    assert hook["entry"] == "spo validate --if-changed"
    # No file names (so no batches, one summary line), and run even when the commit only deletes.
    assert (hook["pass_filenames"], hook["always_run"]) == (False, True)


@pytest.fixture
def repository(tmp_path: Path) -> GitShell:
    """A registry repository with the hook installed: the shipped hook's definition, run with the
    installed spo (`language: system`, so nothing is fetched), and a first commit."""
    root = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "sample", root)
    (root / "README.md").write_text("Registry\n", encoding="utf-8")
    (hook,) = HOOKS
    local = {
        **hook,
        "language": "system",
        "entry": hook["entry"].replace("spo", str(SPO), 1),
        "verbose": True,  # the hook's output on success too, to compare it
    }
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    (root / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    repo = GitShell(root, tmp_path / "home")
    repo.git("init", "-q", "-b", "main")
    for key, value in (("user.name", "Test"), ("user.email", "t@example.org")):
        repo.git("config", key, value)
    repo.git("config", "commit.gpgsign", "false")
    installed = repo.run(sys.executable, "-m", "pre_commit", "install")
    assert installed.returncode == 0, installed.stdout
    repo.git("add", "-A")
    first = repo.commit("registry")
    assert first.returncode == 0, first.stdout
    assert "10 files checked, 0 problems\n" in first.stdout
    return repo


def _hook_output(done: subprocess.CompletedProcess[str]) -> list[str]:
    """The lines the hook printed, without pre-commit's own header lines."""
    lines = done.stdout.splitlines()
    return [line for line in lines if line and not line.startswith(("spo validate", "- "))]


def test_deleting_a_referenced_record_fails_the_commit(repository):
    repository.git("rm", "-q", "data/municipalities/izmir-bb.yaml")
    done = repository.commit("remove izmir-bb")
    assert done.returncode == 1
    assert _hook_output(done) == [
        "data/projects/bizizmir-dayanisma-noktalari.yaml:5:8: error: no municipality "
        "'izmir-bb' in the registry [unknown-reference] at $.owner",
        "9 files checked, 1 problem (1 error, 0 warnings)",
    ]
    assert done.stdout.startswith("spo validate")
    assert "Failed" in done.stdout.splitlines()[0]
    # Nothing was committed: the record is still in HEAD.
    tracked = repository.git("ls-tree", "-r", "--name-only", "HEAD").stdout
    assert "data/municipalities/izmir-bb.yaml" in tracked.splitlines()


def test_renaming_a_referenced_record_fails_the_commit(repository):
    repository.git("mv", "data/municipalities/izmir-bb.yaml", "data/municipalities/izmir.yaml")
    done = repository.commit("rename izmir-bb")
    assert done.returncode == 1
    assert _hook_output(done) == [
        "data/municipalities/izmir.yaml:1:5: error: id 'izmir-bb' does not match the file name "
        "'izmir.yaml' [id-mismatch] at $.id",
        "data/projects/bizizmir-dayanisma-noktalari.yaml:5:8: error: no municipality "
        "'izmir-bb' in the registry (did you mean 'izmir'?) [unknown-reference] at $.owner",
        "10 files checked, 2 problems (2 errors, 0 warnings)",
    ]


def test_a_commit_that_leaves_the_registry_alone_is_not_checked(repository):
    (repository.root / "README.md").write_text("Registry of the office\n", encoding="utf-8")
    repository.git("add", "README.md")
    done = repository.commit("readme")
    assert done.returncode == 0, done.stdout
    assert _hook_output(done) == ["No registry file changed; the registry was not checked."]


def test_a_valid_change_to_a_record_passes_with_one_summary_line(repository):
    record = repository.root / "data/municipalities/artvin.yaml"
    record.write_text(
        record.read_text(encoding="utf-8").replace("Artvin Belediyesi", "Artvin İl Belediyesi"),
        encoding="utf-8",
    )
    repository.git("add", "-A")
    done = repository.commit("rename artvin")
    assert done.returncode == 0, done.stdout
    assert _hook_output(done) == ["10 files checked, 0 problems"]


def test_run_on_all_files_checks_the_registry(repository):
    (repository.root / "data/municipalities/izmir-bb.yaml").unlink()
    done = repository.run(sys.executable, "-m", "pre_commit", "run", "--all-files")
    assert done.returncode == 1
    assert _hook_output(done)[-1] == "9 files checked, 1 problem (1 error, 0 warnings)"


def test_pre_commit_accepts_the_hook_manifest():
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", ".pre-commit-hooks.yaml"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
