"""The two registries `spo diff` compares: a git revision, read from git's objects (nothing is
checked out and the working tree is never touched), or a folder on disk (the working tree, or
`--base-dir`/`--head-dir`).

A side is a list of record files, each with the id of its content: git's object id for a
revision, and for a file on disk the same hash computed from its bytes (`blob_id`), so that a
file the change leaves alone has the same id on both sides and is parsed once. Paths are
relative to the registry's root (`data/projects/x.yaml`), whatever the side.
"""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from spo import registry
from spo.errors import UsageError
from spo.loader import MAX_FILE_BYTES, read_bytes
from spo.message import Message
from spo.problems import Problem

# Where a default branch may be found when `origin/HEAD` does not say (`git clone` sets it).
DEFAULT_BRANCHES = ("origin/main", "origin/master", "main", "master")
_RECORD_FOLDERS = tuple(f"data/{name}" for name in registry.FOLDERS.values())


@dataclass(frozen=True)
class SideFile:
    kind: str | None  # "project", "municipality"; None for a stray file (not `.yaml`)
    path: Path  # relative to the registry's root
    blob: str  # the id of its content ("" when it could not be read)


@dataclass
class Side:
    """One side of a comparison: its name as the user gave it (or as git resolved it), and
    its files. `read` gives each file's bytes, or the problem that keeps it from being read."""

    label: str  # the revision as given ("HEAD~2"), the default branch, or the folder
    revision: str | None  # the commit, for a git side
    files: list[SideFile]
    origin: str = "revision"  # "revision", "merge-base" (with `label`), "worktree", "folder"
    _git: Git | None = None
    _root: Path | None = None
    _problems: dict[Path, Problem] = field(default_factory=dict)
    _bytes: dict[str, bytes] = field(default_factory=dict)

    @property
    def records(self) -> list[SideFile]:
        return [f for f in self.files if f.kind is not None]

    @property
    def stray(self) -> list[SideFile]:
        return [f for f in self.files if f.kind is None]

    def problem(self, file: SideFile) -> Problem | None:
        """What keeps a file from being read (a link, a special file, ...), if anything."""
        return self._problems.get(file.path)

    def read(self, blobs: Iterable[str]) -> dict[str, bytes]:
        """The bytes of each blob: kept from the folder's scan, or asked of git at once."""
        wanted = list(dict.fromkeys(blobs))
        out = {b: self._bytes[b] for b in wanted if b in self._bytes}
        missing = [b for b in wanted if b not in out]
        if missing and self._git is not None:
            out.update(self._git.blobs(missing))
        return out


def blob_id(raw: bytes, object_format: str = "sha1") -> str:
    """The id git gives a blob of these bytes."""
    digest = hashlib.new(object_format)
    digest.update(b"blob %d\0" % len(raw))
    digest.update(raw)
    return digest.hexdigest()


def folder_side(root: Path, origin: str = "folder", object_format: str = "sha1") -> Side:
    """The registry in a folder as it is on disk, read as `spo validate` reads it."""
    side = Side(str(root), None, [], origin, _root=root)
    for record in registry.record_files(root):
        relative = record.path.relative_to(root)
        raw = read_bytes(record.path, root)
        if isinstance(raw, Problem):
            side._problems[relative] = _relative(raw, relative)
            side.files.append(SideFile(record.kind, relative, ""))
            continue
        blob = blob_id(raw, object_format)
        side._bytes[blob] = raw
        side.files.append(SideFile(record.kind, relative, blob))
    side.files += [SideFile(None, p.relative_to(root), "") for p in registry.stray_files(root)]
    return side


def _relative(problem: Problem, path: Path) -> Problem:
    return Problem(path, problem.line, problem.column, problem.path, problem.message, problem.code)


class Git:
    """The git repository that holds a registry, asked through the `git` command."""

    def __init__(self, root: Path) -> None:
        self.root = root
        found = self._run("rev-parse", "--show-toplevel", "--show-prefix", cwd=root, quiet=True)
        if found is None:
            raise UsageError.of("diff.not-git", root=str(root))
        top, _, prefix = found.partition("\n")
        self.top = Path(top)
        self.prefix = prefix.strip()
        self.object_format = (
            self._run("rev-parse", "--show-object-format", quiet=True) or "sha1"
        ).strip() or "sha1"

    def _run(self, *args: str, cwd: Path | None = None, quiet: bool = False) -> str | None:
        try:
            done = subprocess.run(
                ["git", *args],
                cwd=cwd or self.top,
                capture_output=True,
                check=False,
            )
        except OSError:  # no git at all
            raise UsageError.of("diff.no-git") from None
        if done.returncode != 0:
            return None
        return done.stdout.decode("utf-8", "surrogateescape")

    def commit(self, revision: str) -> str:
        """The commit a revision names; an unknown one is a usage error."""
        if revision.startswith("-"):
            raise UsageError.of("diff.unknown-revision", revision=revision)
        found = self._run(
            "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"
        )
        if not found:
            raise UsageError.of("diff.unknown-revision", revision=revision)
        return found.strip()

    def default_base(self) -> Side:
        """The merge base of HEAD with the default branch (named as the side's label)."""
        named = self._run("symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD")
        candidates = ([named.strip()] if named else []) + list(DEFAULT_BRANCHES)
        for branch in candidates:
            if self._run("rev-parse", "--verify", "--quiet", f"{branch}^{{commit}}"):
                base = self._run("merge-base", "HEAD", branch)
                if base:
                    side = self.side(base.strip(), "merge-base")
                    side.label = branch
                    return side
        raise UsageError.of("diff.no-default-branch", tried=", ".join(candidates))

    def side(self, revision: str, origin: str = "revision") -> Side:
        commit = self.commit(revision)
        folders = [f"{self.prefix}{folder}/" for folder in _RECORD_FOLDERS]
        listing = self._run("ls-tree", "-r", "-z", "--full-tree", commit, "--", *folders)
        side = Side(revision, commit, [], origin, _git=self)
        for entry in (listing or "").split("\0"):
            if not entry:
                continue
            meta, _, name = entry.partition("\t")
            mode, kind, blob = meta.split()
            path = (
                PurePosixPath(name).relative_to(self.prefix) if self.prefix else PurePosixPath(name)
            )
            if len(path.parts) != 3 or path.name.startswith("."):
                continue  # what `spo validate` would not read: below a record folder, hidden
            relative = Path(path)
            if path.suffix != ".yaml":
                side.files.append(SideFile(None, relative, ""))
                continue
            record_kind = registry.kind_of(relative)
            if kind != "blob" or mode == "120000":
                # a link or a submodule in git: `spo validate` of a checkout would not read it
                message = Message.of("read.special-file")
                side._problems[relative] = Problem(relative, 0, 0, (), message, "special-file")
                side.files.append(SideFile(record_kind, relative, ""))
                continue
            side.files.append(SideFile(record_kind, relative, blob))
        records = sorted((f for f in side.files if f.kind), key=_file_order)
        side.files = records + sorted((f for f in side.files if not f.kind), key=_file_order)
        return side

    def blobs(self, ids: Sequence[str]) -> dict[str, bytes]:
        """The content of each blob, in one `git cat-file --batch`."""
        unique = list(dict.fromkeys(ids))
        done = subprocess.run(
            ["git", "cat-file", "--batch"],
            cwd=self.top,
            input="".join(f"{i}\n" for i in unique).encode(),
            capture_output=True,
            check=True,
        )
        out: dict[str, bytes] = {}
        data, at = done.stdout, 0
        for blob in unique:
            end = data.index(b"\n", at)
            header = data[at:end].split()
            size = int(header[2])
            out[blob] = data[end + 1 : end + 1 + size]
            at = end + 1 + size + 1
        return out


def _file_order(file: SideFile) -> tuple[int, str]:
    """The order `spo validate` reads files in: projects, then municipalities, by name."""
    return (0 if file.kind == "project" else 1, file.path.name)


def too_large(path: Path, raw: bytes) -> Problem | None:
    if len(raw) <= MAX_FILE_BYTES:
        return None
    message = Message.of("read.file-too-large", size=len(raw), limit=MAX_FILE_BYTES)
    return Problem(path, 0, 0, (), message, "file-too-large")


def choose_sides(
    find_root: Callable[[], Path],
    base: str | None,
    head: str | None,
    base_dir: Path | None,
    head_dir: Path | None,
) -> tuple[Side, Side]:
    """The two sides a command line names. BASE defaults to the merge base of HEAD with the
    default branch, HEAD to the working tree; a folder stands in for either."""
    if base is not None and base_dir is not None:
        raise UsageError.of("diff.side-twice", argument="BASE", option="--base-dir")
    if head is not None and head_dir is not None:
        raise UsageError.of("diff.side-twice", argument="HEAD", option="--head-dir")
    for given, option in ((base_dir, "--base-dir"), (head_dir, "--head-dir")):
        if given is not None and not (given / "data").is_dir():
            raise UsageError.of("usage.no-data-folder", origin=option, root=str(given))
    git: Git | None = None
    if base_dir is None or head is not None:
        git = Git(find_root())
    if base_dir is not None:
        base_side = folder_side(base_dir)
    elif base is not None:
        assert git is not None
        base_side = git.side(base)
    else:
        assert git is not None
        base_side = git.default_base()
    object_format = git.object_format if git else "sha1"
    if head_dir is not None:
        head_side = folder_side(head_dir, object_format=object_format)
    elif head is not None:
        assert git is not None
        head_side = git.side(head)
    else:
        head_side = folder_side(find_root(), "worktree", object_format)
    return base_side, head_side
