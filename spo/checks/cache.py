"""What `spo validate` remembers of each file between runs, in the user's cache folder.

A file's own result (its reading problems, the findings that need no other file, the summary
that the checks across files read) depends only on its bytes, its place in the registry, today's
date (dates in the future) and the code and schemas that checked it. So it is kept under the
file's path with the SHA-256 of its bytes, and the whole cache belongs to one `context`: a hash
of spo's version, its source, the schemas and today's date; a cache of another context is
emptied. The checks across files (references, one municipality per province) are never kept:
they are computed again from the summaries on every run.

A file whose size, modification and change times and inode are those remembered is not even
read; one whose bytes hash to what is remembered is not parsed. As in git's index, a file changed
within the last seconds before its result was kept is read again next time (its times may not yet
tell a second change of the same size apart). The cache only ever saves time: a cache that is
missing, corrupt, locked or cannot be written is ignored (and a corrupt one replaced).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import sqlite3
import stat
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import spo
from spo.files.cache import code_digest, registry_folder
from spo.rules.schemas import KINDS, build

FILE_NAME = "validate.sqlite3"
_FILES = (
    "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER,"
    " ctime_ns INTEGER, inode INTEGER, digest BLOB, result BLOB)"
)
_SCHEMA = f"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); {_FILES};"

# (size, mtime_ns, ctime_ns, inode) of a regular file, as `os.lstat` gives them
Stamp = tuple[int, int, int, int]
# A file changed this recently is not known unchanged by its stamp alone (file systems count
# time in ticks of a few milliseconds; two seconds covers the coarsest, FAT's).
RACY_NS = 2_000_000_000


def context(today: date) -> str:
    schemas = json.dumps([build(kind) for kind in KINDS], sort_keys=True)
    code = code_digest(with_cli=False)
    parts = [spo.__version__, sys.version, code, schemas, today.isoformat(), _SCHEMA]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def stamp(path: Path) -> Stamp | None:
    """What tells a regular file unchanged without reading it; None for anything else (a
    symbolic link is read every time: where it points may have changed)."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def digest_of(raw: bytes) -> bytes:
    return hashlib.sha256(raw).digest()


class ResultCache:
    """The remembered results of one registry, for one context."""

    def __init__(self, root: Path, today: date) -> None:
        self.rows: dict[str, tuple[Stamp, bytes, bytes]] = {}
        self.connection: sqlite3.Connection | None = None
        self.root = root
        self._prefix = os.path.join(os.path.abspath(root), "")
        try:
            self.connection = self._open(registry_folder(root) / FILE_NAME, context(today))
        except (OSError, sqlite3.Error):
            self.connection = None

    def _open(self, file: Path, wanted: str) -> sqlite3.Connection:
        file.parent.mkdir(parents=True, exist_ok=True)
        try:
            connection = self._read(file, wanted)
        except sqlite3.OperationalError:
            raise  # locked by another spo, say: not corrupt, and not to be deleted
        except sqlite3.DatabaseError:
            file.unlink(missing_ok=True)  # corrupt: start again
            connection = self._read(file, wanted)
        return connection

    def _read(self, file: Path, wanted: str) -> sqlite3.Connection:
        connection = sqlite3.connect(file, timeout=2)
        try:
            connection.executescript(_SCHEMA)
            row = connection.execute("SELECT value FROM meta WHERE key = 'context'").fetchone()
            if row is None or row[0] != wanted:
                with connection:
                    connection.execute("DROP TABLE files")  # its columns may be others too
                    connection.execute(_FILES)
                    connection.execute(
                        "INSERT OR REPLACE INTO meta VALUES ('context', ?)", (wanted,)
                    )
            else:
                query = "SELECT path, size, mtime_ns, ctime_ns, inode, digest, result FROM files"
                for name, *now, digest, result in connection.execute(query):
                    self.rows[name] = ((now[0], now[1], now[2], now[3]), digest, result)
        except sqlite3.Error:
            connection.close()
            raise
        return connection

    def _key(self, path: Path) -> str:
        """The path from the registry's folder (an absolute path for a file outside it)."""
        name = str(path)
        if not os.path.isabs(name):
            name = os.path.abspath(name)
        return name.removeprefix(self._prefix)

    def by_stamp(self, path: Path, now: Stamp | None) -> Any | None:
        """The remembered result of an unchanged file, or None."""
        row = self.rows.get(self._key(path))
        if row is None or now is None or row[0] != now:
            return None
        return self.loads(row[2])

    def digest(self, path: Path) -> bytes | None:
        row = self.rows.get(self._key(path))
        return row[1] if row else None

    def blob(self, path: Path) -> bytes | None:
        row = self.rows.get(self._key(path))
        return row[2] if row else None

    @staticmethod
    def loads(blob: bytes) -> Any | None:
        try:
            kept = pickle.loads(blob)  # noqa: S301 - written by spo, in the user's own folder
        except Exception:  # noqa: BLE001 - a damaged row is a row to compute again
            return None
        return kept if isinstance(kept, tuple) and len(kept) == 4 else None

    def store(self, rows: list[tuple[Path, Stamp, bytes, bytes]]) -> None:
        """Remember new results (pickled); a cache that cannot be written is left as it is."""
        if self.connection is None or not rows:
            return
        recent = time.time_ns() - RACY_NS
        values = [
            (self._key(path), *(now if max(now[1:3]) < recent else (-1, 0, 0, 0)), digest, blob)
            for path, now, digest, blob in rows
        ]
        with contextlib.suppress(sqlite3.Error), self.connection:
            self.connection.executemany(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)", values
            )

    def close(self) -> None:
        if self.connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self.connection.close()
