"""Where the registry is and which files it holds.

A registry is a folder holding `data/projects/<id>.yaml` and `data/municipalities/<id>.yaml`; the
file name is the record's id.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from spo.rules.errors import UsageError

FOLDERS = {"project": "projects", "municipality": "municipalities"}
KIND_OF_FOLDER = {folder: kind for kind, folder in FOLDERS.items()}


@dataclass(frozen=True)
class RecordFile:
    kind: str  # "project" or "municipality"
    path: Path

    @property
    def id(self) -> str:
        return self.path.stem


def find_root(explicit: Path | None = None, cwd: Path | None = None) -> Path:
    """`--root`, else `$SPO_ROOT`, else the nearest folder at or above cwd that holds `data/`."""
    for given, origin in ((explicit, "--root"), (os.environ.get("SPO_ROOT"), "SPO_ROOT")):
        if given:
            root = Path(given).expanduser()
            if not (root / "data").is_dir():
                raise UsageError.of("usage.no-data-folder", origin=origin, root=str(root))
            return root
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "data").is_dir():
            return folder
    raise UsageError.of("usage.no-registry")


def folder(root: Path, kind: str) -> Path:
    return root / "data" / FOLDERS[kind]


def record_path(root: Path, kind: str, record_id: str) -> Path:
    return folder(root, kind) / f"{record_id}.yaml"


def kind_of(path: Path) -> str | None:
    """The record kind of a file, from the folder it is in."""
    return KIND_OF_FOLDER.get(path.parent.name)


def _name(path: Path) -> str:
    return path.name


def record_files(root: Path) -> list[RecordFile]:
    found: list[RecordFile] = []
    for kind in FOLDERS:
        base = folder(root, kind)
        if base.is_dir():
            # by name: the same order as by path within one folder, and ten times faster
            found.extend(RecordFile(kind, p) for p in sorted(base.glob("*.yaml"), key=_name))
    return found


def stray_files(root: Path) -> list[Path]:
    """Files in the record folders that spo would not read (e.g. `.yml`), so none hides unseen."""
    stray: list[Path] = []
    for kind in FOLDERS:
        base = folder(root, kind)
        if base.is_dir():
            stray.extend(
                sorted(
                    (
                        p
                        for p in base.iterdir()
                        if p.suffix != ".yaml" and not p.name.startswith(".")
                    ),
                    key=_name,
                )
            )
    return stray


def ids(root: Path, kind: str) -> set[str]:
    """The ids of one kind, from file names alone: no file is read."""
    base = folder(root, kind)
    return {p.stem for p in base.glob("*.yaml")} if base.is_dir() else set()
