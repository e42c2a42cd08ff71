"""A revision is read from git as `spo validate` reads a checkout of it: a clean working tree
compared with HEAD is no change, whatever odd entries the tree holds (links in and out of the
registry, a submodule, a folder named like a record, a stray in a subfolder)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REGISTRIES, run_spo
from tests.diff_history import git

pytestmark = [
    pytest.mark.usefixtures("plain_git"),
    pytest.mark.skipif(
        shutil.which("git") is None or os.name == "nt", reason="git, and links as POSIX has them"
    ),
]


def test_odd_tree_entries_read_as_a_checkout_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "sample", root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    projects = root / "data" / "projects"
    (projects / "kopya.yaml").symlink_to("kadin-ustalar.yaml")  # inside: read, id mismatch
    (projects / "disari.yaml").symlink_to("../../../elsewhere.yaml")  # out of the repository
    (tmp_path / "elsewhere.yaml").write_text("id: disari\n", encoding="utf-8")
    (projects / "yok.yaml").symlink_to("nothing-here.yaml")  # leads nowhere
    (projects / "klasor.yaml").mkdir()
    (projects / "klasor.yaml" / "keep").write_text("", encoding="utf-8")
    (projects / "alt").mkdir()
    (projects / "alt" / "x.yaml").write_text("id: x\n", encoding="utf-8")
    git(root, "add", "-A")
    commit = git(root, "rev-parse", "HEAD").strip()
    git(root, "update-index", "--add", "--cacheinfo", f"160000,{commit},data/projects/alt2.yaml")
    (projects / "alt2.yaml").mkdir()  # a submodule's folder, as a checkout leaves it
    git(root, "commit", "-qm", "odd entries")

    monkeypatch.chdir(root)
    same = run_spo("diff", "HEAD", "--as-of", "2026-01-01")
    added = run_spo("diff", "HEAD~1", "HEAD", "--as-of", "2026-01-01")
    validate = run_spo("validate", "--format", "json")

    assert (same.exit_code, same.stdout.splitlines()[2:]) == (
        0,
        ["No change to the records, the numbers or the problems."],
    )
    # What the commit brings is what validate finds in its checkout, problem for problem.
    assert added.exit_code == 1
    found = [
        line.split(": ", 2)[:2] for line in added.stdout.split("New problems")[1].splitlines()[1:]
    ]

    expected = [
        [f"{p['file']}:{p['line']}:{p['column']}" if p["line"] else p["file"], p["severity"]]
        for p in json.loads(validate.stdout)
    ]
    assert [[where.strip(), severity] for where, severity in found] == expected
    assert {p["code"] for p in json.loads(validate.stdout)} >= {
        "link-outside",
        "file-missing",
        "not-a-file",
        "stray-file",
        "id-mismatch",
    }
    assert (
        subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True).stdout
        == b""
    )
