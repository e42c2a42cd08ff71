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

import hashlib
import pickle
import sqlite3
from collections.abc import Iterable
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import Any

from spo.checks.file import FileResult
from spo.diff.reading import Places, Read, Spots
from spo.diff.sides import Side
from spo.files.cache import registry_folder
from spo.index import store
from spo.report import Report

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
    "CREATE TABLE IF NOT EXISTS places (blob TEXT NOT NULL, path TEXT NOT NULL,"
    " value BLOB NOT NULL, PRIMARY KEY (blob, path));"
    "CREATE TABLE IF NOT EXISTS reports (key TEXT PRIMARY KEY, value BLOB NOT NULL);"
)
_TABLES = ("blobs", "places")  # by content
REPORTS_KEPT = 8  # the latest only: a diff asks for its two sides'


Key = tuple[str, Path]  # a content's blob id, and the path it is read under


def stamp(today: date) -> str:
    return f"{store.stamp()} / diff {FORMAT} / {today.isoformat()}"


def report_key(side: Side, as_of: date) -> str:
    """What a side's report depends on: every record file's path and content, in the order
    they are read (a file that cannot be read, by its path alone), and the day it is as of."""
    digest = hashlib.sha256(as_of.isoformat().encode())
    for file in side.records:
        digest.update(f"\0{file.path.as_posix()}\0{file.blob}".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


class Known:
    """The contents a registry's diffs have read, for one day: taken, and added to."""

    def __init__(self, root: Path | None, today: date) -> None:
        self.conn: sqlite3.Connection | None = None
        self._rows: dict[tuple[str, str], bytes] = {}
        self._new: dict[Key, Read] = {}
        self.taken = 0  # contents found here, not parsed
        self.places = Places()
        if root is None:
            return
        file = registry_folder(root) / FILE_NAME
        try:
            self.conn = _open(file, stamp(today))
            rows = self.conn.execute("SELECT blob, path, value FROM blobs")
            self._rows = {(blob, path): value for blob, path, value in rows}
            for blob, path, value in self.conn.execute("SELECT blob, path, value FROM places"):
                spots = _spots(value)
                if spots is not None:
                    self.places.at[(blob, Path(path))] = spots
        except (OSError, sqlite3.Error) as exc:  # a cache that cannot be read: nothing known
            self._rows, self.places = {}, Places()
            if isinstance(exc, sqlite3.DatabaseError) and not isinstance(
                exc, sqlite3.OperationalError
            ):  # damaged inside: the next diff starts a new one (a locked one is left be)
                self.close()
                self.conn = None
                with suppress(OSError):
                    file.unlink()

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
        spots = [
            (blob, path.as_posix(), pickle.dumps(self.places.at[(blob, path)]))
            for blob, path in self.places.new
        ]
        kept = [(blob, path.as_posix()) for blob, path in used]
        with suppress(sqlite3.Error):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self.conn.executemany("INSERT OR REPLACE INTO blobs VALUES (?, ?, ?)", rows)
                self.conn.executemany("INSERT OR REPLACE INTO places VALUES (?, ?, ?)", spots)
                total = self.conn.execute("SELECT count(*) FROM blobs").fetchone()[0]
                if total > len(kept) * SPARE_ROWS + 64:
                    self.conn.execute("CREATE TEMP TABLE used (blob TEXT, path TEXT)")
                    self.conn.executemany("INSERT INTO used VALUES (?, ?)", kept)
                    for table in _TABLES:
                        self.conn.execute(
                            f"DELETE FROM {table}"
                            " WHERE (blob, path) NOT IN (SELECT blob, path FROM used)"
                        )
                    self.conn.execute("DROP TABLE used")
                self.conn.execute("COMMIT")
            finally:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")

    def report(self, key: str) -> Report | None:
        """The report kept for a side's files and day, or None."""
        if self.conn is None:
            return None
        try:
            found = self.conn.execute("SELECT value FROM reports WHERE key = ?", (key,)).fetchone()
            report = pickle.loads(found[0]) if found else None  # noqa: S301 - as `_loads`
        except Exception:  # noqa: BLE001 - unreadable, damaged: computed again
            return None
        return report if isinstance(report, Report) else None

    def keep_report(self, key: str, report: Report) -> None:
        if self.conn is None:
            return
        value = pickle.dumps(report, pickle.HIGHEST_PROTOCOL)
        with suppress(sqlite3.Error):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self.conn.execute("INSERT OR REPLACE INTO reports VALUES (?, ?)", (key, value))
                self.conn.execute(
                    "DELETE FROM reports WHERE rowid NOT IN"
                    " (SELECT rowid FROM reports ORDER BY rowid DESC LIMIT ?)",
                    (REPORTS_KEPT,),
                )
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
        # A cache: a commit need not wait for the disk (a file damaged by a crash is replaced).
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.executescript(_SCHEMA)
        found = conn.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
        if found is None or found[0] != wanted:  # another spo, format or day: start again
            conn.execute("BEGIN IMMEDIATE")
            try:
                for table in (*_TABLES, "reports"):  # their columns may be others too
                    conn.execute(f"DROP TABLE {table}")
                for statement in _SCHEMA.split(";")[1:]:
                    if statement:
                        conn.execute(statement)
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


def _spots(value: bytes) -> Spots | None:
    try:
        spots = pickle.loads(value)  # noqa: S301 - as `_loads`
    except Exception:  # noqa: BLE001 - a damaged row: those findings are placed again
        return None
    return spots if isinstance(spots, dict) else None
