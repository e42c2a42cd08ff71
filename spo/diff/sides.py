"""The two registries `spo diff` compares: a git revision, read from git's objects (nothing is
checked out and the working tree is never touched: `spo.diff.git`), or a folder on disk (the
working tree, or `--base-dir`/`--head-dir`).

A side is a list of record files, each with the id of its content: git's object id for a
revision, and for a file on disk the same hash computed from its bytes (`blob_id`), so that a
file the change leaves alone has the same id on both sides and is parsed once. Paths are
relative to the registry's root (`data/projects/x.yaml`), whatever the side.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from spo import registry
from spo.errors import UsageError
from spo.loader import read_bytes
from spo.problems import Problem

if TYPE_CHECKING:
    from spo.diff.git import Git


@dataclass(frozen=True)
class SideFile:
    kind: str | None  # "project", "municipality"; None for a stray file (not `.yaml`)
    path: Path  # relative to the registry's root
    blob: str  # the id of its content ("" when it could not be read)


@dataclass
class Side:
    """One side of a comparison: its name as the user gave it (or as git resolved it), and
    its files. `read` gives files' bytes by blob id; `problem`, what keeps a file from being
    read."""

    label: str  # the revision as given ("HEAD~2"), the default branch, or the folder
    revision: str | None  # the commit, for a git side
    files: list[SideFile]
    origin: str = "revision"  # "revision", "merge-base" (with `label`), "worktree", "folder"
    _git: Git | None = None
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
    side = Side(str(root), None, [], origin)
    for record in registry.record_files(root):
        relative = record.path.relative_to(root)
        raw = read_bytes(record.path, root)
        if isinstance(raw, Problem):
            side._problems[relative] = replace(raw, file=relative)
            side.files.append(SideFile(record.kind, relative, ""))
            continue
        blob = blob_id(raw, object_format)
        side._bytes[blob] = raw
        side.files.append(SideFile(record.kind, relative, blob))
    side.files += [SideFile(None, p.relative_to(root), "") for p in registry.stray_files(root)]
    return side


def file_order(file: SideFile) -> tuple[int, str]:
    """The order `spo validate` reads files in: projects, then municipalities, by name."""
    return (0 if file.kind == "project" else 1, file.path.name)


def choose_sides(
    find_root: Callable[[], Path],
    base: str | None,
    head: str | None,
    base_dir: Path | None,
    head_dir: Path | None,
) -> tuple[Side, Side]:
    """The two sides a command line names. BASE defaults to the merge base of HEAD with the
    default branch, HEAD to the working tree; a folder stands in for either."""
    from spo.diff.git import Git

    if base is not None and base_dir is not None:
        raise UsageError.of("diff.side-twice", argument="BASE", option="--base-dir")
    if head is not None and head_dir is not None:
        raise UsageError.of("diff.side-twice", argument="HEAD", option="--head-dir")
    for given, option in ((base_dir, "--base-dir"), (head_dir, "--head-dir")):
        if given is not None and not (given / "data").is_dir():
            raise UsageError.of("usage.no-data-folder", origin=option, root=str(given))
    git: Git | None = None
    if base_dir is None or head is not None:
        git = Git(_git_root(find_root, both=head is not None and base_dir is None))
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


def _git_root(find_root: Callable[[], Path], both: bool) -> Path:
    """The folder whose repository holds the revisions: the registry's; with two revisions,
    the current folder will do (a clone without a checkout has no `data/` to find)."""
    try:
        return find_root()
    except UsageError:
        if both:
            return Path.cwd()
        raise
