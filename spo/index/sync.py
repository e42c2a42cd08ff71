"""Bring the index up to the registry's files: a stat scan, then only new or changed files parsed.

A file is known by its path, size, modification time, change time and inode: a copy that keeps
the old modification time (`cp -p`, `rsync -t`, a backup restored) still changes the other two.
New and changed files are read with `spo.files.loader.load_file` before the database is locked; one
short write transaction (`BEGIN IMMEDIATE`) then replaces their rows, drops the rows of removed
files and moves the generation on. Another process writing at the same moment makes this one
wait (SQLite's busy timeout) and retry; both write what is on disk, so either order gives the
same index. (Readers never wait: the database is in WAL mode. `spo.index` also has refreshers
take turns on a lock
file, so that the one that waited finds the files already read.)
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from pathlib import Path

from spo.files import registry
from spo.index.rows import FileRows

WRITE_ATTEMPTS = 5
# A file changed this recently may change again without its size or modification time showing
# it (file systems count time in ticks): its stamp is not trusted, and the next run reads it again.
RACY_NS = 2_000_000_000
Stamp = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode
Seen = dict[str, Stamp]  # `<folder>/<name>` -> its stamp


def scan(root: Path) -> Seen:
    """Every `*.yaml` file of the record folders, by path, with its stamp."""
    found: Seen = {}
    for kind, folder_name in registry.FOLDERS.items():
        try:
            with os.scandir(registry.folder(root, kind)) as listing:
                entries = [e for e in listing if e.name.endswith(".yaml")]
        except OSError:
            continue
        for entry in entries:
            try:
                stat = entry.stat()
            except OSError:
                continue  # deleted since the folder was listed
            found[f"{folder_name}/{stored_name(entry.name)}"] = (
                stat.st_size,
                stat.st_mtime_ns,
                stat.st_ctime_ns,
                stat.st_ino,
            )
    return found


def stored_name(name: str) -> str:
    """A file name as the index can hold it: one that is not UTF-8 (a name can be any bytes)
    is kept as NUL and its bytes in hex; such a file is left out (`spo validate` says why)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "\0" + os.fsencode(name).hex()
    return name


def real_name(name: str) -> str:
    return os.fsdecode(bytes.fromhex(name[1:])) if name.startswith("\0") else name


def known(conn: sqlite3.Connection) -> Seen:
    rows = conn.execute("SELECT path, size, mtime_ns, ctime_ns, inode FROM files")
    return {path: (size, mtime, ctime, inode) for path, size, mtime, ctime, inode in rows}


def digest(seen: Seen) -> str:
    """One value for a whole scan: when it is the one the index was last refreshed with, no
    file changed, and nothing more needs comparing."""
    return hashlib.blake2b(repr(seen).encode(), digest_size=16).hexdigest()


def fresh(conn: sqlite3.Connection, seen: Seen) -> bool:
    found = conn.execute("SELECT value FROM meta WHERE key = 'scan'").fetchone()
    return found is not None and found[0] == digest(seen)


RANKS = {folder: rank for rank, folder in enumerate(registry.FOLDERS.values())}


def refresh(conn: sqlite3.Connection, root: Path, seen: Seen) -> None:
    """Write the changes between `seen` (a scan) and the index."""
    indexed = known(conn)
    if indexed == seen:
        if not fresh(conn, seen):  # the same files, listed in another order
            _write(conn, [], [], digest(seen))
        return
    changed = []
    for path, stamp in seen.items():
        if indexed.get(path) != stamp:
            folder_name, name = path.split("/")
            kind = registry.KIND_OF_FOLDER[folder_name]
            size, mtime, ctime, inode = stamp
            changed.append(
                FileRows(path, kind, RANKS[folder_name], name, size, mtime, ctime, inode)
            )
    removed = [path for path in indexed if path not in seen]
    racy = time.time_ns() - RACY_NS
    for rows in changed:
        _read(root, rows)
        if rows.mtime_ns >= racy:
            rows.mtime_ns = -1
    _write(
        conn, changed, removed, "racy" if any(r.mtime_ns == -1 for r in changed) else digest(seen)
    )


def _read(root: Path, rows: FileRows) -> None:
    # Imported here: only a new or changed file is read, so a warm index needs no YAML parser.
    from spo.checks.buildable import buildable
    from spo.files.loader import load_file

    if rows.name != real_name(rows.name):
        return  # a name that is not UTF-8 cannot be an id
    loaded = load_file(registry.folder(root, rows.kind) / rows.name, root)
    # A file with reading problems (duplicate keys, ...) is not trusted as data.
    if loaded.data is not None and not loaded.problems and buildable(rows.kind, loaded.data):
        rows.fill(loaded.data)


def _write(
    conn: sqlite3.Connection, changed: list[FileRows], removed: list[str], scanned: str
) -> None:
    for attempt in range(WRITE_ATTEMPTS):
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:  # still locked after the busy timeout
            if attempt == WRITE_ATTEMPTS - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
            continue
        try:
            if changed or removed:
                _apply(conn, changed, removed)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('scan', ?)", (scanned,))
            conn.execute("COMMIT")
            return
        except BaseException:
            if conn.in_transaction:  # SQLite may have rolled back already (a full disk)
                conn.execute("ROLLBACK")
            raise


TABLES = ("files", "records", "transfers", "links", "documents")


def _apply(conn: sqlite3.Connection, changed: list[FileRows], removed: list[str]) -> None:
    gone = [(path,) for path in removed] + [(f.path,) for f in changed]
    for table in TABLES:
        conn.executemany(f"DELETE FROM {table} WHERE path = ?", gone)
    conn.executemany(
        "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                f.path,
                f.kind,
                f.rank,
                f.name,
                f.size,
                f.mtime_ns,
                f.ctime_ns,
                f.inode,
                f.data is not None,
            )
            for f in changed
        ],
    )
    good = [f for f in changed if f.data is not None]
    conn.executemany(
        "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [f.record for f in good],
    )
    conn.executemany(
        "INSERT INTO transfers VALUES (?, ?, ?, ?, ?, ?)", [t for f in good for t in f.transfers]
    )
    conn.executemany("INSERT INTO links VALUES (?, ?, ?, ?, ?)", [k for f in good for k in f.links])
    conn.executemany(
        "INSERT INTO documents VALUES (?, ?, ?, ?, ?)",
        [(f.path, f.kind, f.id, f.document, f.words) for f in good if f.document is not None],
    )
    conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
    conn.execute("DELETE FROM memo")
