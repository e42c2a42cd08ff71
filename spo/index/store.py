"""The index database itself: where it is, its tables, and whether a file on disk can be trusted.

The index is a cache: `spo.files.cache.registry_folder(root)/index.sqlite3`, never in the registry.
Its `stamp` (spo's version, the index format and the search documents' version) is written in it; a
file with another stamp, another schema or that SQLite cannot read is thrown away and rebuilt.
"""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from pathlib import Path

import spo
from spo.files.cache import code_digest
from spo.index import search_rows

FORMAT = 4  # raise it whenever the tables or what goes in them change
FILE_NAME = "index.sqlite3"
LOCK_NAME = "index.lock"
BUSY_TIMEOUT_SECONDS = 30.0

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- Every *.yaml file of the record folders, as last seen (ok = 0: left out, `Registry.skipped`).
CREATE TABLE files (
    path TEXT PRIMARY KEY, kind TEXT NOT NULL, rank INTEGER NOT NULL, name TEXT NOT NULL,
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL, ok INTEGER NOT NULL
);
CREATE TABLE records (
    path TEXT PRIMARY KEY, kind TEXT NOT NULL, rank INTEGER NOT NULL, id TEXT NOT NULL,
    name TEXT NOT NULL, data TEXT NOT NULL,
    name_tr TEXT, name_en TEXT, owner TEXT, status TEXT, service_model TEXT,
    municipality_kind TEXT, province INTEGER, district TEXT
);
CREATE INDEX records_by_id ON records (kind, id);
CREATE INDEX records_by_owner ON records (owner);
CREATE TABLE transfers (
    path TEXT NOT NULL, seq INTEGER NOT NULL, municipality TEXT NOT NULL, project TEXT NOT NULL,
    data TEXT NOT NULL, last_stage TEXT NOT NULL, PRIMARY KEY (path, seq)
);
-- Which record names which: a project its owner and partner municipalities, a municipality the
-- hosts of its engagements and the projects of its transfers.
CREATE TABLE links (
    path TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL,
    to_kind TEXT NOT NULL, to_id TEXT NOT NULL
);
CREATE INDEX links_from ON links (kind, id);
CREATE INDEX links_to ON links (to_kind, to_id);
CREATE INDEX links_path ON links (path);
-- What `spo.index.search_rows.document_row` made of each record: what search and names need.
-- `words`: its fields' folded words, " w1 w2 ", so "a word begins with q" is instr(words, ' q').
CREATE TABLE documents (
    path TEXT PRIMARY KEY, kind TEXT NOT NULL, id TEXT NOT NULL, row TEXT, words TEXT NOT NULL
);
-- Results computed from one generation of the index (e.g. a report), by a key naming all inputs.
CREATE TABLE memo (key TEXT PRIMARY KEY, value BLOB NOT NULL, note TEXT NOT NULL);
"""


def stamp() -> str:
    """What must match for an index file to be used as it is."""
    code = code_digest(with_cli=False)
    documents = search_rows.DOCUMENT_VERSION  # read here: a test raises it
    return f"spo {spo.__version__} / index {FORMAT} / documents {documents} / {code}"


def connect(target: Path | str) -> sqlite3.Connection:
    """A connection; nothing is read from the file yet (see `usable`)."""
    return sqlite3.connect(str(target), timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)


def usable(conn: sqlite3.Connection) -> bool:
    """Whether an opened file is an index this spo wrote; False too when SQLite cannot read it."""
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
            return False
        found = conn.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
        columns = "path, size, mtime_ns, ctime_ns, inode, ok"
        conn.execute(f"SELECT {columns} FROM files LIMIT 1").fetchall()
    except sqlite3.DatabaseError:
        return False
    return found is not None and found[0] == stamp()


def create(conn: sqlite3.Connection, *, wal: bool = True) -> None:
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")  # kept in the file: readers never wait
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in SCHEMA.split(";"):  # no ";" in the comments
            if statement.strip():
                conn.execute(statement)
        conn.execute("INSERT INTO meta VALUES ('stamp', ?), ('generation', '0')", (stamp(),))
        conn.execute(f"PRAGMA user_version = {FORMAT}")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def remove(path: Path) -> None:
    """Throw an index file away, with SQLite's files beside it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()
