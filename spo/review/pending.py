"""The pending change as a value (`Pending`), what it does (`pending_diff`, the `Diff` of
`spo diff`), and how it is discarded (`discard`: every file put back exactly).

In: the journal (`spo.review.journal`) and the files as they are now; out: values, and
`review.*` refusals.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from spo.diff import Diff, compare
from spo.diff.git import Git
from spo.diff.sides import Side, SideFile, blob_id, file_order
from spo.files.registry import kind_of
from spo.review.journal import Journal
from spo.review.repo import Repo, without_paths
from spo.rules.errors import RefusedWrite, SpoError, UsageError
from spo.writing import atomic

State = Literal["as-written", "edited", "removed"]


@dataclass(frozen=True)
class PendingFile:
    path: str  # from the registry's root, with `/` (as `spo validate` shows it)
    git_path: str  # from the repository's top, as git names it
    status: Literal["added", "changed"]  # the file did not exist before the first write, or did
    original: str | None  # sha256 of the bytes before the first write
    written: str  # sha256 of the bytes the last write left
    now: str  # sha256 of the bytes now (`atomic.ABSENT`: the file is gone)
    outside: bool  # a later write found the file changed by hand or by the command line
    from_head: bool  # the bytes before the first write were HEAD's (no edit of its own before)

    @property
    def state(self) -> State:
        """`as-written`: as the last write left it; `edited`: changed since (by hand, by the
        command line); `removed`: gone since."""
        if self.now == self.written:
            return "as-written"
        return "removed" if self.now == atomic.ABSENT else "edited"


@dataclass(frozen=True)
class Pending:
    """What a front end wrote since the last send or discard: one change."""

    files: tuple[PendingFile, ...]
    others: tuple[str, ...]  # uncommitted changes outside it (from the registry's root)
    head: str | None  # the commit it applies to (None: a repository without commits)
    branch: str | None  # the current branch (None: a detached HEAD)

    @property
    def empty(self) -> bool:
        return not self.files

    @property
    def edited(self) -> tuple[PendingFile, ...]:
        """The files changed since their last recorded write: send and discard refuse them
        unless forced."""
        return tuple(f for f in self.files if f.state != "as-written")


def read_pending(repo: Repo, root: Path) -> Pending:
    journal = Journal(repo)
    with journal.locked() as entries:
        found = dict(entries)
    head = repo.head_or_none()
    in_head = _head_blobs(repo, head, list(found))
    object_format = repo.object_format()
    files = []
    for name, entry in sorted(found.items()):
        original = journal.original(name, entry)
        files.append(
            PendingFile(
                path=_shown(repo, root, name),
                git_path=name,
                status="added" if entry.original is None else "changed",
                original=entry.original,
                written=entry.written,
                now=atomic.fingerprint(repo.top / name),
                outside=entry.outside,
                from_head=in_head.get(name) == _blob(original, object_format),
            )
        )
    others = [_shown(repo, root, p) for p in repo.changed_paths() if p not in found]
    return Pending(tuple(files), tuple(others), head, repo.branch())


def _shown(repo: Repo, root: Path, name: str) -> str:
    try:
        return (repo.top / name).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return name


def _blob(raw: bytes | None, object_format: str) -> str | None:
    return None if raw is None else blob_id(raw, object_format)


def _head_blobs(repo: Repo, head: str | None, names: list[str]) -> dict[str, str | None]:
    """Each path's blob id in HEAD (None where HEAD has no such file)."""
    blobs: dict[str, str | None] = dict.fromkeys(names)
    if head is None or not names:
        return blobs
    done = repo.run("ls-tree", "-z", "--full-tree", head, "--", *names)
    for entry in done.stdout.decode("utf-8", "surrogateescape").split("\0"):
        meta, _, name = entry.partition("\t")
        if name in blobs and len(meta.split()) == 3:
            blobs[name] = meta.split()[2]
    return blobs


def pending_diff(repo: Repo, root: Path, pending: Pending, as_of: date) -> Diff:
    """What the pending change does: HEAD against HEAD with the pending files as they are now,
    compared as `spo diff` compares two sides (the cache of `root` reused).

    The diff floor's refusals (`diff.git-error`: git's first line) are `spo diff`'s, which names
    the folders it was given; here they may be shown on a web page, so they come without this
    computer's paths, as the repository's own refusals do (`spo.review.repo.without_paths`)."""
    try:
        return _diff(repo, root, pending, as_of)
    except UsageError as refused:
        if not refused.message.key.startswith("diff."):
            raise
        params = {
            name: without_paths(value, repo.named) if isinstance(value, str) else value
            for name, value in refused.message.params
        }
        raise UsageError.of(refused.message.key, **params) from None


def _diff(repo: Repo, root: Path, pending: Pending, as_of: date) -> Diff:
    git = Git(root)
    base = git.side("HEAD")
    files = {f.path: f for f in base.files}
    contents: dict[str, bytes] = {}
    for file in pending.files:
        relative = Path(file.path)
        if relative.parts[:1] != ("data",) or kind_of(relative) is None:
            continue  # not a record (a schema written with one)
        files.pop(relative, None)
        if file.now == atomic.ABSENT:
            continue
        raw = (root / relative).read_bytes()
        blob = blob_id(raw, git.object_format)
        contents[blob] = raw
        files[relative] = SideFile(kind_of(relative), relative, blob)
    records = sorted((f for f in files.values() if f.kind), key=file_order)
    stray = sorted((f for f in files.values() if not f.kind), key=file_order)
    head = Side(
        "pending",
        None,
        records + stray,
        "worktree",
        _git=git,
        _problems={p: v for p, v in base._problems.items() if p in files},
        _bytes=contents,
    )
    return compare(base, head, as_of, cache=root)


def put_back(root: Path, repo: Repo, name: str, original: bytes | None, expected: str) -> bool:
    """Put a file back as it was before the first write (remove it if it did not exist), under
    the record's own lock and only if it still holds the bytes `expected`; whether it did."""
    path = repo.top / name
    try:
        with atomic.locked(root, path):
            if atomic.fingerprint(path) != expected:
                return False
            if original is None:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                _remove_empty_folders(path.parent, repo.top)
                return True
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic.replace(path, original, expected, atomic.temp_folder(root, path))
            return True
    except atomic.Changed:
        return False
    except atomic.LockTimeout:
        raise SpoError.of("review.file-locked", path=name) from None


def _remove_empty_folders(folder: Path, top: Path) -> None:
    """Remove the folders a new file's write made, now empty (up to the repository's top)."""
    while folder != top and top in folder.parents:
        try:
            folder.rmdir()  # only an empty one
        except OSError:
            return
        folder = folder.parent


def discard(repo: Repo, root: Path, force: bool = False) -> tuple[str, ...]:
    """Put every pending file back exactly and clear the journal; the paths put back.
    `review.edited-since` (nothing changed) when a file changed since its last recorded
    write, unless `force`."""
    journal = Journal(repo)
    with journal.locked() as entries:
        now = {name: atomic.fingerprint(repo.top / name) for name in entries}
        edited = [n for n, e in entries.items() if now[n] != e.written]
        if edited and not force:
            shown = ", ".join(_shown(repo, root, n) for n in sorted(edited))
            raise RefusedWrite.of("review.edited-since", paths=shown)
        originals = {n: journal.original(n, e) for n, e in entries.items()}
        done: list[str] = []
        for name in sorted(entries):
            if put_back(root, repo, name, originals[name], now[name]):
                done.append(_shown(repo, root, name))
                del entries[name]
        if entries:  # changed between the look and the lock: kept, and said
            shown = ", ".join(_shown(repo, root, n) for n in sorted(entries))
            raise RefusedWrite.of("review.changed-meanwhile", paths=shown)
    return tuple(done)


@dataclass(frozen=True)
class PendingRecord:
    """A record the change adds or changes, with its Turkish name, for a commit message."""

    kind: str  # "project", "municipality"
    id: str
    status: str  # as `spo diff` says it: "added", "changed", "removed", "renamed"
    name: str | None


def records_of(diff: Diff) -> tuple[PendingRecord, ...]:
    """The records a change's diff names, each with its name (the new one where both sides
    have the record)."""
    out = []
    for record in diff.records:
        if record.kind == "project":
            found = diff.names.projects.get(record.id)
            name = found[0] if found else None
        else:
            name = diff.names.municipalities.get(record.id)
        out.append(PendingRecord(record.kind, record.id, record.status, name))
    return tuple(out)
