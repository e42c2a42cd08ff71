"""Read the registry into the model, fast when nothing changed.

Read commands go through the index (`spo.index`): an SQLite database in the user's cache folder
holding each file's parsed data, refreshed from a stat scan, so a second run costs a directory
scan and what the command asks for. `read_registry` builds the whole model from it; the fast
paths (`partial_registry`, the list and report commands) build only what they show.

Only a record that reads cleanly and has the schema's shape is built into the model; any other is
left out and named in `Registry.skipped` (`spo validate` says why). A record that passed those
checks and still cannot be built is a bug in spo, and says so with the file's name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spo.files import registry
from spo.index import Index, again_if_damaged, opened
from spo.model import Municipality, Project, Registry
from spo.model.building import (
    municipality_from,
    municipality_outline,
    project_from,
    project_outline,
    transfer_from,
)
from spo.rules.errors import InternalError
from spo.rules.message import Message

Found = tuple[str, str, Path, dict[str, Any]]  # kind, id, path, data


@again_if_damaged
def read_registry(root: Path) -> Registry:
    with opened(root) as index:
        return registry_of(index, index.records())


def read_municipalities(root: Path) -> dict[str, Municipality]:
    """The registry's municipalities alone, by id (no project is decoded or built): for what
    asks of the municipalities only, such as which one runs the office."""
    with opened(root) as index:
        return registry_of(index, index.records("municipality")).municipalities


def registry_of(index: Index, found: Iterable[Found]) -> Registry:
    """A model of the given records (in file order), with every skipped file of the index."""
    projects: dict[str, Project] = {}
    municipalities: dict[str, Municipality] = {}
    for kind, record_id, path, data in found:
        record = build(kind, record_id, path, data)
        if isinstance(record, Project):
            projects[record_id] = record
        else:
            municipalities[record_id] = record
    return Registry(index.root, projects, municipalities, tuple(index.skipped()))


def build(kind: str, record_id: str, path: Path, data: dict[str, Any]) -> Project | Municipality:
    try:
        if kind == "project":
            return project_from(record_id, path, data)
        return municipality_from(record_id, path, data)
    except Exception as exc:  # a record that passed the checks must build: a bug
        message = Message.of("internal.record", path=str(path), error=type(exc).__name__)
        raise InternalError(message) from exc


@again_if_damaged
def partial_registry(root: Path, kind: str, record_id: str) -> Registry | None:
    """The record of one file, read from the file itself, with the records within two links of
    it from the index (whatever a view of it names); None when that file is not a clean,
    buildable record (the caller then reads the whole registry and says what it says today)."""
    from spo.files.loader import load_file  # here: a read from the index alone needs no YAML parser

    path = registry.record_path(root, kind, record_id)
    if path.name != f"{record_id}.yaml" or path.parent != registry.folder(root, kind):
        return None  # not a plain id (`../x`, `a/b`): the whole registry decides
    with opened(root) as index:
        indexed = index.data_of(kind, record_id)
        if indexed is None:
            return None
        loaded = load_file(path, root)
        if loaded.data is None or loaded.problems or not _buildable(kind, loaded.data, indexed):
            return None
        wanted = index.related(kind, record_id) - {(kind, record_id)}
        found = _records_of(index, wanted)
        found.append((kind, record_id, path, loaded.data))
        found.sort(key=lambda r: (r[0] != "project", r[2].name))
        return registry_of(index, found)


def _buildable(kind: str, data: dict[str, Any], indexed: dict[str, Any]) -> bool:
    """Whether the data read can be built: known when it is what the index holds (the index
    keeps only buildable records), so the schema is consulted only if the file just changed."""
    if data == indexed:
        return True
    from spo.checks.buildable import buildable  # here, like the loader: read files only

    return buildable(kind, data)


def _records_of(index: Index, wanted: set[tuple[str, str]]) -> list[Found]:
    found: list[Found] = []
    for kind in ("project", "municipality"):
        ids = sorted(i for k, i in wanted if k == kind)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            found += index.records(kind, f"AND id IN ({marks})", tuple(chunk))
    return found


@again_if_damaged
def listing_registry(root: Path, *, whole: str | None) -> Registry:
    with opened(root) as index:
        return listing_registry_of(index, whole=whole)


def listing_registry_of(index: Index, *, whole: str | None) -> Registry:
    """A model for a list command: the records of kind `whole` built whole from the index's
    data, the others only outlined from its columns (`spo.model.building.project_outline`,
    `municipality_outline`: ids, names, owner, status, kind and transfers), which is all a list
    of one kind says of the other (a list of municipalities names no project, so gets none).
    With `whole` None, every record is outlined (the transfer list). Nothing outlined is
    JSON-decoded."""
    if whole is not None:
        built = registry_of(index, index.records(whole))
    else:
        built = Registry(index.root, {}, {}, tuple(index.skipped()))
    projects, municipalities = built.projects, built.municipalities
    if whole is None:  # a list of municipalities names no project
        rows = index.conn.execute(
            "SELECT id, name, name_tr, name_en, owner, status FROM records"
            " WHERE kind = 'project' ORDER BY name"
        )
        for record_id, name, name_tr, name_en, owner, status in rows:
            path = index.path_of("project", name)
            projects[record_id] = project_outline(record_id, path, name_tr, name_en, owner, status)
    if whole != "municipality":
        transfers: dict[str, list[Any]] = {}
        rows = index.conn.execute("SELECT municipality, data FROM transfers ORDER BY path, seq")
        for municipality_id, data in rows:
            transfers.setdefault(municipality_id, []).append(
                transfer_from(municipality_id, json.loads(data))
            )
        rows = index.conn.execute(
            "SELECT id, name, name_tr, municipality_kind FROM records"
            " WHERE kind = 'municipality' ORDER BY name"
        )
        for record_id, name, title, kind in rows:
            path = index.path_of("municipality", name)
            municipalities[record_id] = municipality_outline(
                record_id, path, title, kind, tuple(transfers.get(record_id, ()))
            )
    return built
