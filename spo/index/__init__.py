"""An SQLite index of the registry, for every read command.

`open_index(root)` returns the index brought up to the registry's files (see `spo.index.sync`): a
database in the user's cache folder (`spo.files.cache.registry_folder`), never in the registry. It
is rebuilt silently when missing, unreadable or written by another spo version, and it lives in
memory when the cache folder cannot be written: the cache only ever saves time, it never fails a
read command. Processes refreshing the same index take turns on a lock file, so that a rebuild never
removes a file another process is writing, and the one that waited finds the work done.

The index holds, per record, its data as JSON (to build the model when a command needs all of
it) and the columns the fast paths query; see `spo.index.store.SCHEMA`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import wraps
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from spo.files import registry
from spo.files.cache import registry_folder
from spo.index import store
from spo.index.rows import dumps
from spo.index.sync import Seen, fresh, real_name, refresh, scan
from spo.rules.errors import SpoError

__all__ = [
    "Index",
    "IndexDamaged",
    "again_if_damaged",
    "document_rows",
    "open_index",
    "records",
    "registry_rows",
]

P = ParamSpec("P")
T = TypeVar("T")


class IndexDamaged(SpoError):
    """The index file read as an index but failed inside: it has been thrown away, and the next
    opening builds a new one from the registry's files."""


LOCK_TIMEOUT_SECONDS = 60.0
MEMO_ENTRIES = 32
Row = tuple[str, str, dict[str, Any]]  # kind, id, data


class Index:
    """An open, up-to-date index of one registry."""

    def __init__(self, root: Path, conn: sqlite3.Connection) -> None:
        self.root = root
        self.conn = conn

    def close(self) -> None:
        self.conn.close()

    def path_of(self, kind: str, name: str) -> Path:
        return registry.folder(self.root, kind) / real_name(name)

    @property
    def generation(self) -> int:
        found = self.conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(found[0])

    def skipped(self) -> list[Path]:
        """The files left out, in the order they are read."""
        rows = self.conn.execute("SELECT kind, name FROM files WHERE ok = 0 ORDER BY rank, name")
        return [self.path_of(kind, name) for kind, name in rows]

    def records(
        self, kind: str | None = None, where: str = "", args: tuple[Any, ...] = ()
    ) -> Iterator[tuple[str, str, Path, dict[str, Any]]]:
        """(kind, id, path, data) of the records, in file order; `where` narrows them in SQL."""
        sql = "SELECT kind, id, name, data FROM records WHERE 1"
        if kind is not None:
            sql, args = sql + " AND kind = ?", (kind, *args)
        rows = self.conn.execute(f"{sql} {where} ORDER BY rank, name", args).fetchall()
        # One JSON text of all, decoded at once: far faster than one json.loads per record.
        found = json.loads("[" + ",".join(data for _, _, _, data in rows) + "]")
        for (found_kind, record_id, name, _), data in zip(rows, found, strict=True):
            yield found_kind, record_id, self.path_of(found_kind, name), data

    def data_of(self, kind: str, record_id: str) -> dict[str, Any] | None:
        """The data of one record; None when no clean, buildable record has that id."""
        sql = "SELECT data FROM records WHERE kind = ? AND id = ?"
        found = self.conn.execute(sql, (kind, record_id)).fetchone()
        return None if found is None else dict(json.loads(found[0]))

    def ids(self, kind: str) -> list[str]:
        rows = self.conn.execute("SELECT id FROM records WHERE kind = ? ORDER BY name", (kind,))
        return [record_id for (record_id,) in rows]

    def related(self, kind: str, record_id: str) -> set[tuple[str, str]]:
        """The records within two links of one, either way: everything a view of it names."""
        found = {(kind, record_id)}
        outward, inward = {(kind, record_id)}, {(kind, record_id)}
        for _ in range(2):
            outward = {to for k, i in outward for to in self._links("kind", "id", k, i)}
            inward = {by for k, i in inward for by in self._links("to_kind", "to_id", k, i)}
            found |= outward | inward
        return found

    def _links(self, side: str, key: str, kind: str, record_id: str) -> list[tuple[str, str]]:
        other = "to_kind, to_id" if side == "kind" else "kind, id"
        sql = f"SELECT {other} FROM links WHERE {side} = ? AND {key} = ?"
        return [(k, i) for k, i in self.conn.execute(sql, (kind, record_id))]

    def document_rows(self, containing: Sequence[str] = ()) -> list[tuple[str, str, Any]]:
        """The search documents, in file order; with `containing`, only those whose words hold
        every one of those texts (SQLite looks, so only they are decoded)."""
        where = "".join(" AND instr(d.words, ?) > 0" for _ in containing)
        rows = self.conn.execute(
            "SELECT d.kind, d.id, d.row FROM documents d JOIN files f USING (path)"
            f" WHERE 1{where} ORDER BY f.rank, f.name",
            tuple(containing),
        ).fetchall()
        found = json.loads("[" + ",".join(row for _, _, row in rows) + "]")
        return [
            (kind, record_id, row) for (kind, record_id, _), row in zip(rows, found, strict=True)
        ]

    def memo(self, key: str) -> tuple[str | bytes, str] | None:
        """A result kept by `remember` (its value and note), if the index has not moved on."""
        try:
            found = self.conn.execute("SELECT value, note FROM memo WHERE key = ?", (key,))
            row = found.fetchone()
        except sqlite3.Error:
            return None  # a cache must never fail a command: compute it instead
        return None if row is None else (row[0], str(row[1]))

    def remember(self, key: str, value: str | bytes, generation: int, note: str = "") -> None:
        """Keep a result computed from `generation`; dropped if the index has moved on."""
        with suppress(sqlite3.Error):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                if self.generation == generation:
                    self.conn.execute(
                        "INSERT OR REPLACE INTO memo VALUES (?, ?, ?)", (key, value, note)
                    )
                    self.conn.execute(  # the latest few only: outputs can be megabytes
                        "DELETE FROM memo WHERE rowid NOT IN"
                        " (SELECT rowid FROM memo ORDER BY rowid DESC LIMIT ?)",
                        (MEMO_ENTRIES,),
                    )
            finally:
                if self.conn.in_transaction:
                    self.conn.execute("COMMIT")


def open_index(root: Path) -> Index:
    """The index of the registry at `root`, up to date with its files."""
    seen = scan(root)
    try:
        conn = _on_disk(root, seen)
    except (OSError, sqlite3.Error, TimeoutError):
        conn = store.connect(":memory:")
        store.create(conn, wal=False)
        refresh(conn, root, seen)
    return Index(root, conn)


def _on_disk(root: Path, seen: Seen) -> sqlite3.Connection:
    folder = registry_folder(root)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / store.FILE_NAME
    conn = store.connect(path)
    try:
        if store.usable(conn) and fresh(conn, seen):
            return conn  # the common case: nothing to write, no lock taken
        conn.close()
        # Here: only a refresh that writes takes the lock.
        from filelock import FileLock

        with FileLock(str(folder / store.LOCK_NAME), timeout=LOCK_TIMEOUT_SECONDS):
            # Another process may have rebuilt the file while this one waited: look again.
            conn = store.connect(path)
            if not store.usable(conn):
                conn.close()
                store.remove(path)
                conn = store.connect(path)
                store.create(conn)
            refresh(conn, root, seen)
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def opened(root: Path) -> Iterator[Index]:
    index = open_index(root)
    try:
        yield index
    except sqlite3.DatabaseError as exc:  # damage inside a file whose header looked right
        index.close()
        folder = registry_folder(root)
        with suppress(OSError):
            store.remove(folder / store.FILE_NAME)
        raise IndexDamaged.of("index.damaged", folder=str(folder)) from exc
    finally:
        index.close()


def again_if_damaged(read: Callable[P, T]) -> Callable[P, T]:
    """A read of the index that is tried once more, on a new index, when the first proved
    damaged: the user sees the answer, not the cache's trouble."""

    @wraps(read)
    def reading(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return read(*args, **kwargs)
        except IndexDamaged:
            return read(*args, **kwargs)

    return reading


@again_if_damaged
def records(root: Path, kind: str | None = None) -> list[Row]:
    """(kind, id, data) of every record that reads cleanly, in file order."""
    with opened(root) as index:
        return [(k, record_id, data) for k, record_id, _, data in index.records(kind)]


@again_if_damaged
def document_rows(root: Path, containing: Sequence[str] = ()) -> list[tuple[str, str, Any]]:
    """(kind, id, row) for every record, where row is what `spo.index.search_rows.document_row`
    made of it."""
    with opened(root) as index:
        return index.document_rows(containing)


def registry_rows(root: Path, containing: Sequence[str] = ()) -> list[dict[str, Any]]:
    """Every readable record's row, as the index keeps them (made by `document_row` when a file
    is indexed, so a warm search decodes rows instead of folding 11,400 records' words)."""
    return [row for _, _, row in document_rows(root, containing)]


def memo_key(*parts: Any) -> str:
    return dumps([store.stamp(), *parts])
