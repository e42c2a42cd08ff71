"""The pending change's refusals name no absolute path of the computer that serves it: `spo
serve` shows them on a page, maybe to a browser on another computer (`--host`). The registry's
folder is named by its name, spo's files in git's folder from the repository's top, and git's
own words with the repository's folder as `.` (`spo.review.repo`)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from spo.api import Message, Registry, SpoError
from spo.review.repo import call, without_paths
from tests.conftest import REGISTRIES
from tests.diff_history import commit, git, init
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


def test_a_folder_whose_name_begins_like_the_repository_s_is_named_by_its_own(root: Path) -> None:
    """Not `.2`: the repository's folder is named only where a path's part ends."""
    beside = root.parent / f"{root.name}2"

    missing = call(["git", "-C", str(beside), "status"], root)

    assert missing.error == "fatal: cannot change to 'kayit2': No such file or directory"


# The reviewer's cases: a repository at /home/u/kayit whose git folder is a worktree's.
KAYIT = ((Path("/home/u/kayit"), "."), (Path("/home/u/main/.git/worktrees/kayit"), "$GIT_DIR"))


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        # A URL's path is the server's: left as git wrote it, host and all.
        ("fatal: unable to access 'ssh://srv/home/u/kayit/x'", None),
        ("fatal: repository 'https://example.org/home/u/kayit/' not found", None),
        ("'git@srv:/home/u/kayit.git'", None),
        # A file URL is this computer's: its path is reduced as a path is.
        ("fatal: repository 'file:///home/u/kayit-bare/' does not exist",
         "fatal: repository 'kayit-bare' does not exist"),
        ("fatal: 'file:///home/u/kayit/data' is not a repository",
         "fatal: 'data' is not a repository"),
        # The top, and what is inside it, from there.
        ("fatal: destination path '/home/u/kayit/' already exists",
         "fatal: destination path './' already exists"),
        ("fatal: Unable to create '/home/u/kayit/.git/index.lock': File exists.",
         "fatal: Unable to create '.git/index.lock': File exists."),
        ("warning: in the working copy of '/home/u/kayit', ...",
         "warning: in the working copy of '.', ..."),
        # git's folder, outside the top (a worktree's).
        ("fatal: Unable to create '/home/u/main/.git/worktrees/kayit/index.lock': File exists.",
         "fatal: Unable to create '$GIT_DIR/index.lock': File exists."),
        ("--git-dir=/home/u/main/.git/worktrees/kayit", "--git-dir=$GIT_DIR"),
        # Any other absolute path: its last name.
        ("fatal: '/home/u/kayit-bare' does not appear to be a git repository",
         "fatal: 'kayit-bare' does not appear to be a git repository"),
        ("error: could not lock config file /home/u/.gitconfig: Permission denied",
         "error: could not lock config file .gitconfig: Permission denied"),
        ("fatal: detected dubious ownership in repository at '/home/u'",
         "fatal: detected dubious ownership in repository at 'u'"),
        ("error: cannot open C:/Users/u/kayit-bare/HEAD", "error: cannot open HEAD"),
    ],
)  # fmt: skip
def test_git_s_words_keep_no_absolute_path_and_every_url_whole(
    said: str, shown: str | None
) -> None:
    assert without_paths(said, KAYIT) == (said if shown is None else shown)


def test_a_folder_is_named_only_as_a_whole_path_not_inside_another() -> None:
    assert without_paths("/b/a/c", ((Path("/a"), "."),)) == "c"
    assert without_paths("/a/c and /a", ((Path("/a"), "."),)) == "c and ."


def test_a_program_found_on_the_path_is_named_by_its_name(root: Path) -> None:
    refused = _refusal(lambda: call([str(root / "bin" / "gh"), "auth", "status"], root))

    assert refused.message == Message.of("review.no-program", program="gh")


def test_git_s_refusal_below_the_repository_s_top_names_the_top_by_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The registry in a folder of the repository: git runs there, and names the top."""
    top = tmp_path / "depo"
    shutil.copytree(REGISTRIES / "report-histories", top / "kayit")
    init(top)
    commit(top, "The registry")
    monkeypatch.setenv("GIT_TEST_ASSUME_DIFFERENT_OWNER", "1")  # as if another user's

    refused = _refusal(Registry(top / "kayit").pending)

    assert refused.message == Message.of(
        "review.git-failed",
        command="rev-parse",
        error="fatal: detected dubious ownership in repository at 'depo'",
    )


def test_git_s_refusal_while_the_change_is_compared_names_no_path(
    root: Path, tmp_path: Path
) -> None:
    """`spo diff`'s refusal, as the web's change page meets it: a record the change leaves
    alone was kept in a reference repository (`git clone --reference`) that is gone."""
    registry = Registry(root)
    stage(registry)
    blob = git(root, "rev-parse", "HEAD:data/projects/kadin-ustalar.yaml").strip()
    (root / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    alternates = root / ".git" / "objects" / "info" / "alternates"
    alternates.write_text(f"{tmp_path / 'paylasilan' / 'nesneler'}\n", encoding="utf-8")
    pending = registry.pending()

    refused = _refusal(lambda: registry.pending_diff(pending=pending))

    assert refused.message == Message.of(
        "diff.git-error", error="error: unable to normalize alternate object path: nesneler"
    )
