"""Read the whole registry into the model, fast when nothing changed.

Read commands (list, show, search, report) go through `read_registry`. Parsed file data is cached
in `<root>/.spo-cache/` keyed by each file's path, size and modification time, so a second run costs
little more than a directory scan. The cache holds JSON, never pickles: a registry is shared through
pull requests, and a cache file must not be able to run code. A cache that cannot be read or
written is ignored; it only ever saves time.

Only a record that reads cleanly and has the schema's shape is built into the model; any other is
left out and named in `Registry.skipped` (`spo validate` says why). A record that passed those
checks and still cannot be built is a bug in spo, and says so with the file's name.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from spo import registry
from spo.building import municipality_from, project_from
from spo.errors import InternalError
from spo.loader import load_file
from spo.message import Message
from spo.model import Municipality, Project, Registry
from spo.validation import buildable

CACHE_FOLDER = ".spo-cache"
CACHE_VERSION = 2


def _cache_file(root: Path) -> Path:
    return root / CACHE_FOLDER / f"records-v{CACHE_VERSION}.json"


def _read_cache(root: Path) -> dict[str, Any]:
    try:
        cached = json.loads(_cache_file(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return cached if isinstance(cached, dict) else {}


def _write_cache(root: Path, entries: dict[str, Any]) -> None:
    folder = root / CACHE_FOLDER
    try:
        folder.mkdir(exist_ok=True)
        (folder / ".gitignore").write_text("*\n", encoding="utf-8")
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".records-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(entries, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, _cache_file(root))
    except OSError:
        pass  # a read-only checkout still works, only without the cache


def _yaml_entries(base: Path) -> list[os.DirEntry[str]]:
    """The `*.yaml` entries of a record folder, by name; `scandir` gives their stat for free."""
    try:
        with os.scandir(base) as listing:
            entries = [e for e in listing if e.name.endswith(".yaml")]
    except OSError:
        return []
    entries.sort(key=lambda e: e.name)
    return entries


def load_data(root: Path) -> list[tuple[str, Path, dict[str, Any] | None]]:
    """Every record file's kind, path and data, via the cache; the data is None for a file that
    cannot be read or does not have its record's shape."""
    cache = _read_cache(root)
    fresh: dict[str, Any] = {}
    out: list[tuple[str, Path, dict[str, Any] | None]] = []
    changed = False
    for kind, folder_name in registry.FOLDERS.items():
        base = registry.folder(root, kind)
        for entry in _yaml_entries(base):
            path = base / entry.name
            try:
                stat = entry.stat()
            except OSError:
                continue  # deleted since the folder was listed
            key = f"{folder_name}/{entry.name}"
            stamp = [stat.st_size, stat.st_mtime_ns]
            hit = cache.get(key)
            if isinstance(hit, dict) and hit.get("stamp") == stamp:
                data = hit.get("data")
            else:
                changed = True
                loaded = load_file(path, root)
                # A file with reading problems (duplicate keys, ...) is not trusted as data.
                data = loaded.data if not loaded.problems else None
                if data is not None and not buildable(kind, data):
                    data = None
            fresh[key] = {"stamp": stamp, "data": data}
            out.append((kind, path, data))
    if changed or len(fresh) != len(cache):
        _write_cache(root, fresh)
    return out


def read_registry(root: Path) -> Registry:
    projects: dict[str, Project] = {}
    municipalities: dict[str, Municipality] = {}
    skipped: list[Path] = []
    for kind, path, data in load_data(root):
        record_id = path.name.removesuffix(".yaml")
        if data is None:
            skipped.append(path)
            continue
        try:
            if kind == "project":
                projects[record_id] = project_from(record_id, path, data)
            else:
                municipalities[record_id] = municipality_from(record_id, path, data)
        except Exception as exc:  # a record that passed the checks must build: a bug
            message = Message.of("internal.record", path=str(path), error=type(exc).__name__)
            raise InternalError(message) from exc
    return Registry(root, projects, municipalities, tuple(skipped))
