"""Writing the export's tables: one SQLite database (with sqlite-utils) or one CSV file per
table. Every file is written whole beside its place and then moved onto it, so a reader never
sees half a file and a failed export leaves what was there before."""

from __future__ import annotations

import csv
import io
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from spo.export import Table


@contextmanager
def _replacing(target: Path) -> Iterator[Path]:
    """A temporary file beside `target`, moved onto it when the block ends without error: for
    the database, which SQLite writes itself (bytes known in advance go through `write_bytes`)."""
    # made by whoever writes it, so that it gets the user's usual permissions (not mkstemp's 0600)
    temporary = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
    try:
        yield temporary
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())  # on the disk before it takes the target's name
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def write_bytes(target: Path, data: bytes) -> None:
    """A CSV or metadata file, whole or not at all, as every file spo writes."""
    from spo.writing.atomic import replace

    replace(target, data)


# A searchable table's searched columns again, folded (`spo.turkish.fold`: "Üsküdar" ->
# "uskudar"): SQLite's own case folding does not know Turkish (I/ı, İ/i) or drop accents, so
# without it "uskudar" or "KADIN" would find nothing; with it both the text as written and
# its plain form are searched.
SEARCH_TEXT = "search_text"


def _folded(row: dict[str, Any], columns: tuple[str, ...]) -> str:
    from spo.turkish import fold

    return fold(" ".join(str(row[c]) for c in columns if row.get(c) is not None))


def write_sqlite(tables: list[Table], target: Path) -> None:
    """The tables as one database, with their keys, foreign keys and full-text indexes."""
    import sqlite_utils

    with _replacing(target) as temporary:
        db = sqlite_utils.Database(temporary)
        # A file no one reads until it is whole: no journal, no sync at every insert's commit
        # (which took most of the time); `_replacing` syncs it once, before it takes its name.
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        try:
            for table in tables:
                columns: dict[str, Any] = {
                    name: str if kind is list else kind for name, kind in table.columns
                }
                rows = table.rows
                if table.search:
                    columns[SEARCH_TEXT] = str
                    rows = [{**row, SEARCH_TEXT: _folded(row, table.search)} for row in rows]
                created = db.table(table.name)
                created.create(columns, pk=table.pk, foreign_keys=list(table.foreign_keys))
                created.insert_all(rows)
                if table.search:
                    created.enable_fts([*table.search, SEARCH_TEXT], tokenize="trigram")
            db.index_foreign_keys()
            db.vacuum()
        finally:
            db.close()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def csv_bytes(table: Table) -> bytes:
    """A table as Excel opens it: UTF-8 with a byte order mark, CRLF line ends, a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    names = table.column_names
    writer.writerow(names)
    for row in table.rows:
        writer.writerow([_cell(row.get(name)) for name in names])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def write_csv(tables: list[Table], folder: Path, on_write: Callable[[Path], None]) -> None:
    """One `<table>.csv` per table in `folder`."""
    for table in tables:
        target = folder / f"{table.name}.csv"
        write_bytes(target, csv_bytes(table))
        on_write(target)
