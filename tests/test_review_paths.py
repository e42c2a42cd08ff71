"""The pending change's refusals name no absolute path of the computer that serves it: `spo
serve` shows them on a page, maybe to a browser on another computer (`--host`). The registry's
folder is named by its name, spo's files in git's folder from the repository's top, and git's
own words with the repository's folder as `.` (`spo.review.repo`)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from spo.api import Registry, SpoError
from spo.review.repo import call
from tests.diff_history import git
from tests.review_story import build, stage

pytestmark = pytest.mark.usefixtures("plain_git")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return build(tmp_path / "kayit")


def _refusal(attempt: object) -> SpoError:
    assert callable(attempt)
    with pytest.raises(SpoError) as refused:
        attempt()
    return refused.value


def test_a_registry_outside_git_is_named_by_its_folder_s_name(tmp_path: Path) -> None:
    (tmp_path / "ofis-kaydi" / "data").mkdir(parents=True)

    refused = _refusal(Registry(tmp_path / "ofis-kaydi").pending)

    assert refused.message.key == "review.not-git"
    assert dict(refused.message.params) == {"root": "ofis-kaydi"}


def test_a_damaged_journal_is_named_from_the_repository_s_top(root: Path) -> None:
    registry = Registry(root)
    stage(registry)
    (root / ".git" / "spo" / "pending" / "journal.json").write_text("{", encoding="utf-8")
    (root / ".git" / "spo" / "sent.json").write_text("[1]", encoding="utf-8")

    pending = _refusal(registry.pending)
    sent = _refusal(registry.sent)

    assert pending.message.key == sent.message.key == "review.journal-damaged"
    assert dict(pending.message.params) == {"path": ".git/spo/pending/journal.json"}
    assert dict(sent.message.params) == {"path": ".git/spo/sent.json"}


def test_a_worktree_s_journal_is_named_in_git_s_own_folder(root: Path, tmp_path: Path) -> None:
    """A worktree's git folder is under the main clone's `.git/worktrees/`, outside its top:
    git's documentation calls that folder `$GIT_DIR`."""
    other = tmp_path / "ikinci"
    git(root, "worktree", "add", "-q", "-b", "ikinci", str(other))
    registry = Registry(other)
    stage(registry)
    git_dir = subprocess.run(
        ["git", "rev-parse", "--absolute-git-dir"], cwd=other, capture_output=True, text=True,
        check=True,
    ).stdout.strip()  # fmt: skip
    (Path(git_dir) / "spo" / "pending" / "journal.json").write_text("{", encoding="utf-8")

    refused = _refusal(registry.pending)

    assert dict(refused.message.params) == {"path": "$GIT_DIR/spo/pending/journal.json"}


def test_git_s_words_name_the_folder_it_ran_in_as_a_dot(root: Path) -> None:
    missing = call(["git", "-C", str(root / "yok"), "status"], root)
    resolved = call(["git", "-C", str((root / "yok").resolve()), "status"], root)
    itself = call(["git", "clone", "-q", str(root), str(root)], root)

    assert missing.error == "fatal: cannot change to 'yok': No such file or directory"
    assert resolved.error == missing.error
    assert itself.error == (
        "fatal: destination path '.' already exists and is not an empty directory."
    )


def test_a_folder_whose_name_begins_like_the_repository_s_is_left_whole(root: Path) -> None:
    beside = root.parent / f"{root.name}2"

    missing = call(["git", "-C", str(beside), "status"], root)

    assert missing.error == f"fatal: cannot change to '{beside}': No such file or directory"
