"""The ids a write checks references against, known from file names one name at a time.

A write needs to know whether a handful of ids exist (the project, the municipality, the hosts and
projects its file already names). Asking the file system about each name costs the same in a
registry of 100 files as in one of 10,000; listing the folder is left for the rare case that
needs every id (suggesting the id the user meant).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Set
from functools import cached_property
from pathlib import Path
from typing import Any

from spo.files import registry
from spo.rules.errors import UsageError
from spo.rules.schemas import MAX_ID_LENGTH, is_id, is_slug, shortened_id


def checked_id(value: str, shorter: bool = True) -> str:
    """An id given for a new record, if it is a slug short enough to be a file name; any other
    is a usage error, raised before anything touches the disk (`../x` or `/abs/path` would name
    a file outside the registry, 300 letters a file no system can make). A slug too long comes
    with a shorter one to give with --id, when `shorter` (the command has --id)."""
    if is_id(value):
        return value
    if not is_slug(value):
        raise UsageError.of("usage.bad-id", value=value)
    proposed = shortened_id(value) if shorter else None
    raise UsageError.of(
        "usage.id-too-long", length=len(value), limit=MAX_ID_LENGTH, suggestion=proposed
    )


def new_record_path(root: Path, kind: str, record_id: str) -> Path:
    """Where a new record goes; only a project's id can be given (--id), so only it gets a
    shorter one proposed."""
    return registry.record_path(root, kind, checked_id(record_id, shorter=kind == "project"))


class KnownIds(Set[str]):
    """The ids of one kind of record: a file `data/<folder>/<id>.yaml` exists."""

    def __init__(self, root: Path, kind: str, also: Iterable[str] = ()) -> None:
        self.root = root
        self.kind = kind
        self.also = frozenset(also)  # ids about to exist (a record being created)
        self._seen: dict[str, bool] = {}

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, str) or not is_id(value):
            return False  # also keeps '../x' (or 300 letters) from naming a file
        if value in self.also:
            return True
        if value not in self._seen:
            self._seen[value] = registry.record_path(self.root, self.kind, value).is_file()
        return self._seen[value]

    @cached_property
    def _all(self) -> frozenset[str]:
        return frozenset(registry.ids(self.root, self.kind) | self.also)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._all))

    def __len__(self) -> int:
        return len(self._all)


class KnownProjects(Mapping[str, dict[str, Any]]):
    """Projects by id: the records a write has read, and an empty record for any other project
    that exists (a write only needs to know those exist)."""

    def __init__(self, ids: KnownIds, read: Mapping[str, dict[str, Any]]) -> None:
        self.ids = ids
        self.read = read

    def __getitem__(self, project_id: str) -> dict[str, Any]:
        if project_id in self.read:
            return self.read[project_id]
        if project_id in self.ids:
            return {}
        raise KeyError(project_id)

    def __contains__(self, project_id: object) -> bool:
        return project_id in self.read or project_id in self.ids

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)
