"""A revision whose file git no longer has (a partial clone offline, a reference repository gone,
a damaged one) is git's refusal, quoted, as any other: not a crash on the size `git ls-tree -l`
gives such a file (`BAD`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REGISTRIES, run_spo
from tests.diff_history import commit, git, init

pytestmark = [
    pytest.mark.usefixtures("plain_git"),
    pytest.mark.skipif(shutil.which("git") is None, reason="git"),
]


def test_a_file_git_no_longer_has_is_git_s_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "sample", root)
    init(root)
    commit(root, "base")
    blob = git(root, "rev-parse", "HEAD:data/projects/kadin-ustalar.yaml").strip()
    (root / ".git" / "objects" / blob[:2] / blob[2:]).unlink()

    monkeypatch.chdir(root)
    run = run_spo("diff", "HEAD", "--as-of", "2026-01-01")

    assert (run.exit_code, run.stdout, run.stderr) == (2, "", f"spo: git failed: {blob} missing\n")
