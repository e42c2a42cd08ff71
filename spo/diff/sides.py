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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from spo.files import registry
from spo.files.loader import read_bytes
from spo.rules.problems import Problem


class Blobs(Protocol):
    """Where a revision's file contents come from (`spo.diff.git.Git`), by blob id."""

    def blobs(self, ids: Sequence[str]) -> dict[str, bytes]: ...


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
    _git: Blobs | None = None
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
