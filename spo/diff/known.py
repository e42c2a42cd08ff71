"""What `spo diff` remembers of the file contents it has read, so that the next diff parses only
what its change touched.

A file's own result (its reading problems, its data, the findings of the checks that need no
other file, whether it goes into the model) depends only on its bytes, its path (its kind and
id), today's date (dates in the future) and the code that checked it. So it is kept under git's
blob id of its bytes (`spo.diff.sides.blob_id`; `git ls-tree` lists it without reading the blob)
and its path, in the registry's cache folder beside its index (`spo.files.cache.registry_folder`),
never in the registry. A content known there is neither read from git nor parsed again.

The file carries the index's stamp (spo's version, the index format, spo's code: `spo.index.store`)
with its own format and the day: a file with another is emptied. The texts are not kept: the few
files whose findings need their lines have them read again. Only the contents of the latest diff
are kept once there are many more. The cache only ever saves time: one that cannot be opened,
read or written, or a row that cannot be loaded, counts as empty, and the diff is the same.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterable
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import Any

from spo.checks.file import FileResult
from spo.diff.reading import Read
from spo.files.cache import registry_folder
from spo.index import store

FILE_NAME = "diff-blobs.sqlite3"
FORMAT = 1  # raise it whenever what a row holds changes
BUSY_TIMEOUT_SECONDS = 2.0
# Rows kept beyond those of the latest diff, before the others are dropped: a diff of the same
# registry next (the usual case) finds all its unchanged files, and the file stays bounded.
SPARE_ROWS = 2.0
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS blobs (blob TEXT NOT NULL, path TEXT NOT NULL,"
    " value BLOB NOT NULL, PRIMARY KEY (blob, path));"
)

Key = tuple[str, Path]  # a content's blob id, and the path it is read under


def stamp(today: date) -> str:
    return f"{store.stamp()} / diff {FORMAT} / {today.isoformat()}"


class Known:
    """The contents a registry's diffs have read, for one day: taken, and added to."""

    def __init__(self, root: Path | None, today: date) -> None:
        self.conn: sqlite3.Connection | None = None
        self._rows: dict[tuple[str, str], bytes] = {}
        self._new: dict[Key, Read] = {}
        self.taken = 0  # contents found here, not parsed
        if root is None:
            return
        try:
            self.conn = _open(registry_folder(root) / FILE_NAME, stamp(today))
            rows = self.conn.execute("SELECT blob, path, value FROM blobs")
            self._rows = {(blob, path): value for blob, path, value in rows}
        except (OSError, sqlite3.Error):
            self._rows = {}  # a cache that cannot be read: nothing known, the diff as without

    def take(self, key: Key) -> Read | None:
        """The content as read before under that path, or None."""
        value = self._rows.get((key[0], key[1].as_posix()))
        read = _loads(key[1], value) if value is not None else None
        self.taken += read is not None
        return read

    def add(self, key: Key, read: Read) -> None:
        self._new[key] = read

    def save(self, used: Iterable[Key]) -> None:
        """Keep what was read new; drop what the latest diff did not use, once the file holds
        many more rows than it did."""
        if self.conn is None:
            return
        rows = [
            (blob, path.as_posix(), pickle.dumps(_row(read), pickle.HIGHEST_PROTOCOL))
            for (blob, path), read in self._new.items()
        ]
        kept = [(blob, path.as_posix()) for blob, path in used]
        with suppress(sqlite3.Error):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self.conn.executemany("INSERT OR REPLACE INTO blobs VALUES (?, ?, ?)", rows)
                total = self.conn.execute("SELECT count(*) FROM blobs").fetchone()[0]
                if total > len(kept) * SPARE_ROWS + 64:
                    self.conn.execute("CREATE TEMP TABLE used (blob TEXT, path TEXT)")
                    self.conn.executemany("INSERT INTO used VALUES (?, ?)", kept)
                    self.conn.execute(
                        "DELETE FROM blobs WHERE (blob, path) NOT IN (SELECT blob, path FROM used)"
                    )
                    self.conn.execute("DROP TABLE used")
                self.conn.execute("COMMIT")
            finally:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")

    def close(self) -> None:
        if self.conn is not None:
            with suppress(sqlite3.Error):
                self.conn.close()


def _open(file: Path, wanted: str) -> sqlite3.Connection:
    file.parent.mkdir(parents=True, exist_ok=True)
    try:
        return _read(file, wanted)
    except sqlite3.OperationalError:
        raise  # locked by another spo, say: not damaged, and not to be deleted
    except sqlite3.DatabaseError:
        file.unlink(missing_ok=True)  # not a database: start again
        return _read(file, wanted)


def _read(file: Path, wanted: str) -> sqlite3.Connection:
    conn = sqlite3.connect(
        str(file), timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
    )
    try:
        conn.executescript(_SCHEMA)
        found = conn.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
        if found is None or found[0] != wanted:  # another spo, format or day: start again
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute("DROP TABLE blobs")  # its columns may be others too
                conn.execute(_SCHEMA.split(";")[1])
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (wanted,))
                conn.execute("COMMIT")
            finally:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
    except BaseException:
        conn.close()
        raise
    return conn


def _row(read: Read) -> tuple[Any, ...]:
    result = read.result
    own = (result.problems, result.summary, result.own, result.comments)
    return (result.kind, *own, read.data, read.clean)


def _loads(path: Path, value: bytes) -> Read | None:
    try:
        # Written by spo, in the user's own folder.
        kind, problems, summary, own, comments, data, clean = pickle.loads(value)  # noqa: S301
    except Exception:  # noqa: BLE001 - a damaged row is a content to parse again
        return None
    return Read(FileResult(kind, path, None, problems, summary, own, comments), data, clean)
