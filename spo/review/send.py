"""Send the pending change for review: one commit on a new branch, made with git's plumbing
(the working tree and the user's index are never used), then pushed, and a pull request opened,
where the repository allows it.

The order, so that nothing is lost whatever fails:
1. refuse, with nothing changed: an empty message, no git identity, a branch name git refuses
   or one that exists, nothing pending, a file changed since its last recorded write or one
   that had uncommitted edits before the first write (unless `force`);
2. under the journal's lock: the commit (a temporary index read from HEAD, the pending files'
   bytes as they are now, `write-tree`, `commit-tree`), then the branch (`update-ref`, which
   refuses if the branch appeared meanwhile), then the sent change remembered in
   `<git dir>/spo/sent.json`. Only once the branch holds the commit are the files put back as
   they were before the first write (each under its record's lock, and only if it still holds
   the bytes committed: one changed meanwhile stays as it is, and is said), and the journal
   cleared whatever happened to the files then, since all of it is on the branch (nothing is
   sent twice). A failure before the branch exists changes nothing;
3. outside the lock (the network may be slow): the push, then the pull request. Their failures
   are values of the result (`failure`, a `review.*` message quoting git or gh), not errors:
   the change is safe on its local branch by then, and `push_again` tries again.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Literal

from spo.review.journal import Journal
from spo.review.pending import put_back, read_pending
from spo.review.repo import NETWORK_SECONDS, Repo, call
from spo.rules.errors import RefusedWrite, SpoError, UsageError
from spo.rules.message import Message
from spo.writing import atomic

# Why no pull request was opened, as a value a front end words.
NoRequest = Literal["no-remote", "not-pushed", "no-gh", "gh-logged-out", "detached", "failed"]
State = Literal["open", "merged", "closed", "branch-waiting", "unknown"]
# A page shows the sent changes' states: it waits this long for each at most.
STATUS_SECONDS = 15


@dataclass(frozen=True)
class Sent:
    """A change sent for review, as `sent.json` remembers it."""

    branch: str
    commit: str
    base: str | None  # the branch it was made from (the pull request's base)
    remote: str | None  # where it was pushed or is to be (None: no remote: the branch stays local)
    pushed: bool
    pr_url: str | None
    no_request: NoRequest | None = None  # why there is no pull request
    failure: Message | None = None  # what went wrong with the push or the pull request
    restored: tuple[str, ...] = ()  # files put back as they were
    kept: tuple[str, ...] = ()  # files changed meanwhile, left as they are (their change sent)
    state: State = "branch-waiting"


def send(
    repo: Repo,
    root: Path,
    message: str,
    branch: str | None,
    *,
    force: bool = False,
    now: datetime | None = None,
) -> Sent:
    if not message.strip():
        raise UsageError.of("review.empty-message")
    if "\0" in message:
        raise UsageError.of("review.bad-message")
    head = repo.head()
    if not repo.has_identity():
        raise RefusedWrite.of("review.no-identity")
    branch = branch if branch is not None else _free_branch(repo, now or datetime.now())
    check_branch(repo, branch)
    journal = Journal(repo)
    with journal.locked() as entries:  # re-entrant: `read_pending` takes it again
        pending = read_pending(repo, root)
        if pending.empty or not entries:
            raise RefusedWrite.of("review.nothing-pending")
        if not force:
            if pending.edited:
                paths = ", ".join(f.path for f in pending.edited)
                raise RefusedWrite.of("review.edited-since", paths=paths)
            if not all(f.from_head for f in pending.files):
                paths = ", ".join(f.path for f in pending.files if not f.from_head)
                raise RefusedWrite.of("review.not-from-head", paths=paths)
        current = {name: _bytes(repo.top / name) for name in entries}
        commit = _commit(repo, head, current, message)
        zero = "0" * len(head)
        done = repo.run(
            "update-ref", "-m", "spo: send for review", f"refs/heads/{branch}", commit, zero
        )
        if not done.ok:
            raise RefusedWrite.of("review.branch-exists", branch=branch)
        sent = Sent(branch, commit, repo.branch(), repo.remote(), False, None)
        _remember(journal, sent)
        shown = {f.git_path: f.path for f in pending.files}
        restored: list[str] = []
        kept: list[str] = []
        for name in sorted(entries):
            try:
                original = journal.original(name, entries[name])
                expected = _fingerprint(current[name])
                done_here = put_back(root, repo, name, original, expected)
            except SpoError:  # its change is on the branch: the file is left as it is
                done_here = False
            (restored if done_here else kept).append(shown.get(name, name))
        entries.clear()  # all of it is on the branch: nothing is sent twice
    sent = replace(sent, restored=tuple(restored), kept=tuple(kept))
    return _publish(repo, journal, sent, message)


def push_again(repo: Repo, branch: str) -> Sent:
    """Push a sent change that is still only local (and open its pull request), as `send` would
    have: after a failure, or once the repository has a remote."""
    journal = Journal(repo)
    found = [s for s in _load(journal) if s.branch == branch]
    if not found:
        raise UsageError.of("review.not-sent", branch=branch)
    sent = replace(found[0], remote=repo.remote(), failure=None, no_request=None)
    message = repo.must("log", "-1", "--format=%B", "--end-of-options", sent.commit)
    return _publish(repo, journal, sent, message)


def _publish(repo: Repo, journal: Journal, sent: Sent, message: str) -> Sent:
    if sent.remote is None:
        sent = replace(sent, no_request="no-remote")
    elif not sent.pushed:
        sent = _push(repo, sent)
    if sent.pushed and sent.pr_url is None:
        sent = _request(repo, sent, message)
    if sent.pr_url is not None:
        sent = replace(sent, state="open")
    _remember(journal, sent)
    return sent


def _push(repo: Repo, sent: Sent) -> Sent:
    assert sent.remote is not None
    try:
        done = repo.run(
            "push", "-u", sent.remote, f"refs/heads/{sent.branch}:refs/heads/{sent.branch}",
            timeout=NETWORK_SECONDS,
        )  # fmt: skip
    except SpoError as exc:  # a timeout: no network answer
        return replace(sent, failure=exc.message, no_request="not-pushed")
    if not done.ok:
        failure = Message.of("review.push-failed", remote=sent.remote, error=done.error)
        return replace(sent, failure=failure, no_request="not-pushed")
    return replace(sent, pushed=True)


def _request(repo: Repo, sent: Sent, message: str) -> Sent:
    """Open the pull request with `gh`, where it is installed and logged in."""
    gh = shutil.which("gh")
    if gh is None:
        return replace(sent, no_request="no-gh")
    if sent.base is None:
        return replace(sent, no_request="detached")
    try:
        if not call([gh, "auth", "status"], repo.top, timeout=NETWORK_SECONDS).ok:
            return replace(sent, no_request="gh-logged-out")
        title, _, body = message.strip().partition("\n")
        done = call(
            [gh, "pr", "create", f"--head={sent.branch}", f"--base={sent.base}",
             f"--title={title.strip()}", "--body-file=-"],
            repo.top, given=(body.strip() or title.strip()).encode("utf-8"),
            timeout=NETWORK_SECONDS, named=repo.named,
        )  # fmt: skip
    except SpoError as exc:
        return replace(sent, failure=exc.message, no_request="failed")
    urls = [w for w in done.text.split() if w.startswith(("https://", "http://"))]
    if not done.ok or not urls:
        failure = Message.of("review.pr-failed", error=done.error)
        return replace(sent, failure=failure, no_request="failed")
    return replace(sent, pr_url=urls[-1])


def sent_changes(repo: Repo) -> tuple[Sent, ...]:
    """The changes sent and not yet merged, each with its state: a pull request's as `gh pr
    view` reads it; a branch without one is `merged` once HEAD holds its commit, else
    `branch-waiting`. A merged change is shown this once, then forgotten."""
    journal = Journal(repo)
    found = []
    gh = shutil.which("gh")
    for sent in _load(journal):
        state: State = "branch-waiting"
        if sent.pr_url and gh:
            try:
                done = call([gh, "pr", "view", sent.pr_url, "--json", "state,url"], repo.top,
                            timeout=STATUS_SECONDS)  # fmt: skip
                read = str(json.loads(done.stdout).get("state", "")).lower() if done.ok else ""
            except (SpoError, ValueError, AttributeError):
                read = ""
            state = read if read in ("open", "merged", "closed") else "unknown"  # type: ignore[assignment]
        elif sent.pr_url:
            state = "unknown"
        if state in ("branch-waiting", "unknown") and _merged(repo, sent.commit):
            state = "merged"
        found.append(replace(sent, state=state))
    with journal.held():
        merged = {s.branch for s in found if s.state == "merged"}
        _save(journal, [s for s in _load(journal) if s.branch not in merged])
    return tuple(found)


def _merged(repo: Repo, commit: str) -> bool:
    return repo.run("merge-base", "--is-ancestor", "--end-of-options", commit, "HEAD").ok


def check_branch(repo: Repo, branch: str) -> None:
    """`review.bad-branch` for a name git refuses (or one read as an option, or a revision
    expression), `review.branch-exists` for one that exists."""
    if (
        not branch
        or branch.startswith("-")
        or branch == "HEAD"
        or not repo.run("check-ref-format", f"refs/heads/{branch}").ok
    ):
        raise UsageError.of("review.bad-branch", branch=branch)
    if repo.ref_exists(f"refs/heads/{branch}"):
        raise RefusedWrite.of("review.branch-exists", branch=branch)


def _free_branch(repo: Repo, now: datetime) -> str:
    """`spo/degisiklik-<day>-<time>`, with a number after it when that is taken."""
    stem = f"spo/degisiklik-{now:%Y%m%d-%H%M%S}"
    number = 1
    while repo.ref_exists(f"refs/heads/{stem if number == 1 else f'{stem}-{number}'}"):
        number += 1
    return stem if number == 1 else f"{stem}-{number}"


def _fingerprint(raw: bytes | None) -> str:
    return atomic.ABSENT if raw is None else atomic.fingerprint_of(raw)


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _commit(repo: Repo, head: str, files: dict[str, bytes | None], message: str) -> str:
    """The commit of HEAD with `files` as given (None: removed), on HEAD, made in a temporary
    index so that the user's stays as it is."""
    index = repo.folder / f"index-{os.getpid()}-{uuid.uuid4().hex}"
    env = {"GIT_INDEX_FILE": str(index)}
    try:
        repo.must("read-tree", head, env=env)
        modes = _modes(repo, head, list(files))
        zero = "0" * len(head)
        lines = []
        for name, raw in sorted(files.items()):
            if raw is None:
                lines.append(f"0 {zero}\t{name}\0")
                continue
            blob = repo.must("hash-object", "-w", "--stdin", f"--path={name}", given=raw)
            lines.append(f"{modes.get(name, '100644')} {blob}\t{name}\0")
        repo.must("update-index", "-z", "--index-info", given="".join(lines).encode(), env=env)
        tree = repo.must("write-tree", env=env)
        if tree == repo.must("rev-parse", f"{head}^{{tree}}"):
            raise RefusedWrite.of("review.no-difference")
        text = message.strip() + "\n"
        return repo.must(
            "-c", "user.useConfigOnly=true", "commit-tree", tree, "-p", head, "-F", "-",
            given=text.encode("utf-8"),
        )  # fmt: skip
    finally:
        index.unlink(missing_ok=True)


def _modes(repo: Repo, head: str, names: list[str]) -> dict[str, str]:
    done = repo.run("ls-tree", "-z", "--full-tree", head, "--", *names)
    modes = {}
    for entry in done.stdout.decode("utf-8", "surrogateescape").split("\0"):
        meta, _, name = entry.partition("\t")
        if name and meta.split()[:1]:
            modes[name] = meta.split()[0]
    return modes


# --- what was sent, in <git dir>/spo/sent.json ----------------------------------------------

_FIELDS = ("branch", "commit", "base", "remote", "pushed", "pr_url")


def _file(journal: Journal) -> Path:
    return journal.repo.folder / "sent.json"


def _load(journal: Journal) -> list[Sent]:
    try:
        raw = json.loads(_file(journal).read_text(encoding="utf-8"))
        sent = [Sent(**{k: item[k] for k in _FIELDS}) for item in raw]
        if not all(_sound(s) for s in sent):
            raise ValueError("not a record spo wrote")
        return sent
    except FileNotFoundError:
        return []
    except (OSError, ValueError, TypeError, KeyError):
        raise SpoError.of(
            "review.journal-damaged", path=journal.repo.shown(_file(journal))
        ) from None


_COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
_BRANCH = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")


def _sound(sent: Sent) -> bool:
    """Whether a sent change read back is one spo wrote: git and gh are given its commit, its
    branch and its pull request's address, so a hand-edited file must not smuggle an option
    (`--output=...`) or another program's address into them."""
    return (
        isinstance(sent.commit, str)
        and _COMMIT.fullmatch(sent.commit) is not None
        and isinstance(sent.branch, str)
        and _BRANCH.fullmatch(sent.branch) is not None
        and (
            sent.pr_url is None
            or (isinstance(sent.pr_url, str) and sent.pr_url.startswith("https://"))
        )
    )


def _save(journal: Journal, sent: list[Sent]) -> None:
    items = [{k: getattr(s, k) for k in _FIELDS} for s in sent]
    text = json.dumps(items, indent=1, ensure_ascii=False) + "\n"
    atomic.replace(_file(journal), text.encode("utf-8"))


def _remember(journal: Journal, sent: Sent) -> None:
    """Add or update the sent change (by its branch). The caller may hold the journal's lock:
    the lock is re-entrant within a process."""
    with journal.held():
        others = [s for s in _load(journal) if s.branch != sent.branch]
        _save(journal, [*others, sent])
