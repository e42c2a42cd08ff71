"""A staff member presses "send for review": the pending change becomes one commit on a new
branch, made without touching their working tree or index, pushed and opened as a pull request
where the repository allows it; the files go back to how they were, and the sent change is
remembered with its state (`spo.api.Registry.send_for_review`, `sent`, `push_again`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from spo.api import Registry, SpoError
from tests.diff_history import git
from tests.review_story import (
    SCHEMA,
    SEYHAN,
    TODAY,
    USKUDAR,
    blob,
    build,
    engagement,
    new_municipality,
    stage,
)

# No gh of the machine's: a test that wants one puts a fake in tmp_path / "bin", first on PATH.
pytestmark = pytest.mark.usefixtures("git_without_gh")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return build(tmp_path / "registry")


def _fake_gh(tmp_path: Path, state: str = "OPEN") -> Path:
    """A `gh` that writes down every call's arguments (and what it read on stdin), is logged
    in, opens pull requests and reads their state from a file."""
    calls = tmp_path / "gh-calls.jsonl"
    (tmp_path / "gh-state").write_text(state, encoding="utf-8")
    script = tmp_path / "bin" / "gh"
    script.write_text(
        f"""#!{sys.executable}
import json, sys
args = sys.argv[1:]
given = sys.stdin.read() if "--body-file=-" in args else None
with open({str(calls)!r}, "a", encoding="utf-8") as out:
    out.write(json.dumps({{"args": args, "stdin": given}}) + "\\n")
if args[:2] == ["auth", "status"]:
    sys.exit(0)
if args[:2] == ["pr", "create"]:
    print("Creating pull request...")
    print("https://github.com/ofis/kayit/pull/7")
    sys.exit(0)
if args[:2] == ["pr", "view"]:
    state = open({str(tmp_path / "gh-state")!r}, encoding="utf-8").read()
    print(json.dumps({{"state": state, "url": args[2]}}))
    sys.exit(0)
sys.exit(1)
""",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return calls


def _calls(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _bare_remote(root: Path, tmp_path: Path) -> Path:
    bare = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    git(root, "remote", "add", "origin", str(bare))
    git(root, "push", "-q", "-u", "origin", "main")
    return bare


def test_sent_without_a_remote_the_branch_waits_and_the_tree_is_as_before(
    root: Path, tmp_path: Path
) -> None:
    registry = Registry(root)
    head = git(root, "rev-parse", "HEAD").strip()
    uskudar = (root / USKUDAR).read_bytes()
    stage(registry)
    new_municipality(registry)
    written = {path: (root / path).read_bytes() for path in (USKUDAR, SEYHAN, SCHEMA)}
    # The user's own work, which the change must not take nor touch: an edit, a staged file.
    mine = root / "data" / "projects" / "camasir-kafe.yaml"
    my_edit = mine.read_bytes() + b"# benim notum\n"
    mine.write_bytes(my_edit)
    (root / "staged.txt").write_text("hazır\n", encoding="utf-8")
    git(root, "add", "staged.txt")
    index = (root / ".git" / "index").read_bytes()

    sent = registry.send_for_review("Üsküdar: Kadın Ustalar sunumu; Seyhan Belediyesi eklendi")

    assert sent.remote is None and not sent.pushed and sent.pr_url is None
    assert sent.no_request == "no-remote" and sent.state == "branch-waiting"
    assert sent.branch.startswith("spo/degisiklik-")
    # One commit on HEAD, whose tree differs from HEAD's only in the pending files.
    assert git(root, "rev-list", f"{head}..{sent.branch}").split() == [sent.commit]
    assert git(root, "rev-parse", f"{sent.commit}^").strip() == head
    changed = git(root, "diff", "--name-only", head, sent.branch).split()
    assert sorted(changed) == sorted([USKUDAR, SEYHAN, SCHEMA])
    assert all(blob(root, sent.branch, path) == raw for path, raw in written.items())
    # The working tree as before the change; the user's edit and index untouched.
    assert (root / USKUDAR).read_bytes() == uskudar
    assert not (root / SEYHAN).exists() and not (root / SCHEMA).exists()
    assert mine.read_bytes() == my_edit
    assert (root / ".git" / "index").read_bytes() == index
    assert git(root, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
    assert Registry(root).pending().empty
    assert sorted(sent.restored) == sorted([USKUDAR, SEYHAN, SCHEMA])

    # The branch is a registry `spo validate` passes.
    checkout = tmp_path / "checkout"
    git(root, "worktree", "add", "-q", str(checkout), sent.branch)
    assert not [p for p in Registry(checkout).validate(today=TODAY).problems if p.is_error]

    [remembered] = registry.sent()
    assert (remembered.branch, remembered.commit, remembered.state) == (
        sent.branch,
        sent.commit,
        "branch-waiting",
    )


def test_sent_with_a_remote_the_branch_is_pushed(root: Path, tmp_path: Path) -> None:
    bare = _bare_remote(root, tmp_path)
    registry = Registry(root)
    stage(registry)

    sent = registry.send_for_review("Üsküdar: sunum", branch="spo/uskudar-sunum")

    assert sent.pushed and sent.remote == "origin" and sent.failure is None
    assert sent.no_request == "no-gh"
    assert git(bare, "rev-parse", "refs/heads/spo/uskudar-sunum").strip() == sent.commit


def test_with_gh_logged_in_a_pull_request_is_opened_and_its_state_read(
    root: Path, tmp_path: Path
) -> None:
    _bare_remote(root, tmp_path)
    calls = _fake_gh(tmp_path)
    registry = Registry(root)
    stage(registry)
    message = 'Üsküdar: "sunum" $(touch pwned) `id`\n\n-flag --base=evil\nikinci satır'

    sent = registry.send_for_review(message, branch="spo/uskudar")

    assert sent.pr_url == "https://github.com/ofis/kayit/pull/7" and sent.state == "open"
    create = next(c for c in _calls(calls) if c["args"][:2] == ["pr", "create"])  # type: ignore[index]
    assert create["args"] == [
        "pr",
        "create",
        "--head=spo/uskudar",
        "--base=main",
        '--title=Üsküdar: "sunum" $(touch pwned) `id`',
        "--body-file=-",
    ]
    assert create["stdin"] == "-flag --base=evil\nikinci satır"
    assert git(root, "log", "-1", "--format=%B", sent.commit).strip() == message
    assert not (root / "pwned").exists() and not (tmp_path / "pwned").exists()

    [shown] = registry.sent()
    assert shown.state == "open" and shown.pr_url == sent.pr_url
    (tmp_path / "gh-state").write_text("MERGED", encoding="utf-8")
    assert [s.state for s in registry.sent()] == ["merged"]
    assert registry.sent() == ()  # shown once merged, then forgotten


def test_a_push_refused_keeps_the_branch_and_can_be_tried_again(root: Path, tmp_path: Path) -> None:
    git(root, "remote", "add", "origin", str(tmp_path / "nowhere.git"))
    registry = Registry(root)
    original = (root / USKUDAR).read_bytes()
    stage(registry)

    sent = registry.send_for_review("Üsküdar: sunum", branch="spo/uskudar")

    assert not sent.pushed and sent.no_request == "not-pushed"
    assert sent.failure is not None and sent.failure.key == "review.push-failed"
    assert sent.failure.get("remote") == "origin" and sent.failure.get("error")
    assert git(root, "rev-parse", "refs/heads/spo/uskudar").strip() == sent.commit
    assert (root / USKUDAR).read_bytes() == original and registry.pending().empty

    bare = tmp_path / "nowhere.git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    again = registry.push_again("spo/uskudar")
    assert again.pushed and again.failure is None
    assert git(bare, "rev-parse", "refs/heads/spo/uskudar").strip() == sent.commit


def test_no_git_identity_is_refused_with_nothing_changed(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = Registry(root)
    stage(registry)
    written = (root / USKUDAR).read_bytes()
    for name in ("NAME", "EMAIL"):
        for who in ("AUTHOR", "COMMITTER"):
            monkeypatch.delenv(f"GIT_{who}_{name}")
    monkeypatch.setenv("HOME", str(root.parent))  # no ~/.gitconfig either
    branches = git(root, "branch", "--list")

    with pytest.raises(SpoError) as refused:
        registry.send_for_review("Üsküdar: sunum")

    assert refused.value.message.key == "review.no-identity"
    assert git(root, "branch", "--list") == branches
    assert (root / USKUDAR).read_bytes() == written
    assert [f.path for f in registry.pending().files] == [USKUDAR]


@pytest.mark.parametrize(
    "branch",
    ["-f", "--force", "a b", "x..y", "$(touch pwned)", "@{-1}", "a\nb", "HEAD", "", "kötü~1", "a/"],
)
def test_a_branch_name_git_refuses_is_refused(root: Path, branch: str) -> None:
    registry = Registry(root)
    stage(registry)

    with pytest.raises(SpoError) as refused:
        registry.send_for_review("Üsküdar: sunum", branch=branch)

    assert refused.value.message.key == "review.bad-branch"
    assert [f.path for f in registry.pending().files] == [USKUDAR]
    assert not (root / "pwned").exists()


def test_an_existing_branch_an_empty_message_and_nothing_pending_are_refused(root: Path) -> None:
    registry = Registry(root)
    with pytest.raises(SpoError) as refused:
        registry.send_for_review("boş")
    assert refused.value.message.key == "review.nothing-pending"

    stage(registry)
    git(root, "branch", "spo/var")
    for message, branch, key in [
        ("Üsküdar", "spo/var", "review.branch-exists"),
        (" \n ", "spo/yeni", "review.empty-message"),
    ]:
        with pytest.raises(SpoError) as refused:
            registry.send_for_review(message, branch=branch)
        assert refused.value.message.key == key
    assert [f.path for f in registry.pending().files] == [USKUDAR]


def test_a_file_edited_since_the_write_is_sent_only_when_forced(root: Path) -> None:
    registry = Registry(root)
    original = (root / USKUDAR).read_bytes()
    stage(registry)
    edited = (root / USKUDAR).read_bytes() + b"# elle eklendi\n"
    (root / USKUDAR).write_bytes(edited)

    with pytest.raises(SpoError) as refused:
        registry.send_for_review("Üsküdar: sunum")
    assert refused.value.message.key == "review.edited-since"

    sent = registry.send_for_review("Üsküdar: sunum", force=True)
    assert blob(root, sent.branch, USKUDAR) == edited  # nothing of the edit lost
    assert (root / USKUDAR).read_bytes() == original


def test_gh_logged_out_or_failing_leaves_the_branch_pushed_and_says_why(
    root: Path, tmp_path: Path
) -> None:
    bare = _bare_remote(root, tmp_path)
    script = tmp_path / "bin" / "gh"
    registry = Registry(root)
    for exit_status, branch, expected in [
        ("sys.exit(1 if sys.argv[1] == 'auth' else 0)", "spo/bir", "gh-logged-out"),
        (
            "print('GraphQL: bad', file=sys.stderr); sys.exit(sys.argv[1] != 'auth')",
            "spo/iki",
            "failed",
        ),
    ]:
        script.write_text(f"#!{sys.executable}\nimport sys\n{exit_status}\n", encoding="utf-8")
        script.chmod(0o755)
        (stage if branch == "spo/bir" else engagement)(registry)
        sent = registry.send_for_review("Üsküdar", branch=branch)
        assert sent.pushed and sent.pr_url is None and sent.no_request == expected
        assert git(bare, "rev-parse", f"refs/heads/{branch}").strip() == sent.commit
        if expected == "failed":
            assert sent.failure is not None and sent.failure.key == "review.pr-failed"
            assert sent.failure.get("error") == "GraphQL: bad"


def test_a_file_with_edits_of_its_own_before_the_first_write_is_sent_only_when_forced(
    root: Path,
) -> None:
    uskudar = root / USKUDAR
    before = uskudar.read_bytes() + b"# kaydedilmemis not\n"
    uskudar.write_bytes(before)  # the user's own uncommitted edit, then a form saved on top
    registry = Registry(root)
    stage(registry)
    assert not registry.pending().files[0].from_head

    with pytest.raises(SpoError) as refused:
        registry.send_for_review("Üsküdar: sunum")
    assert refused.value.message.key == "review.not-from-head"

    registry.send_for_review("Üsküdar: sunum", force=True)
    assert uskudar.read_bytes() == before  # back to the user's own edit, not to HEAD


def test_a_gh_that_hangs_is_stopped_and_said(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spo.review import send

    _bare_remote(root, tmp_path)
    script = tmp_path / "bin" / "gh"
    script.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(30)\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setattr(send, "NETWORK_SECONDS", 0.5)
    registry = Registry(root)
    stage(registry)

    sent = registry.send_for_review("Üsküdar", branch="spo/bekle")

    assert sent.pushed and sent.no_request == "failed"
    assert sent.failure is not None and sent.failure.key == "review.timeout"
    assert registry.pending().empty
