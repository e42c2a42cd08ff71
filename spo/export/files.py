"""The export's tables as files: one SQLite database (with sqlite-utils) or one CSV file per
table. `spo.writing.outputs` writes them whole beside their place and then moves them onto it, so
a reader never sees half a file and a failed export leaves what was there before."""

from __future__ import annotations

import csv
import errno
import io
from pathlib import Path
from typing import Any

from spo.export import Table
from spo.spreadsheet import as_text

# A searchable table's searched columns again, folded (`spo.turkish.fold`: "Üsküdar" ->
# "uskudar"): SQLite's own case folding does not know Turkish (I/ı, İ/i) or drop accents, so
# without it "uskudar" or "KADIN" would find nothing; with it both the text as written and
# its plain form are searched.
SEARCH_TEXT = "search_text"


def _folded(row: dict[str, Any], columns: tuple[str, ...]) -> str:
    from spo.turkish import fold

    return fold(" ".join(str(row[c]) for c in columns if row.get(c) is not None))


def write_sqlite(tables: list[Table], target: Path) -> None:
    """The tables as one database, with their keys, foreign keys and full-text indexes, in the
    (empty or missing) file `target`. SQLite's own errors of the disk are raised as OSError, as
    any other write's: a full disk as ENOSPC."""
    import sqlite3

    import sqlite_utils

    try:
        db = sqlite_utils.Database(target)
        # A file no one reads until it is whole (`spo.writing.outputs` renames it into place
        # once written and synced): no journal, no sync at every insert's commit (which took
        # most of the time).
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        try:
            _fill(db, tables)
        finally:
            db.close()
    except sqlite3.OperationalError as exc:
        full = "full" in str(exc)
        raise OSError(errno.ENOSPC if full else errno.EIO, str(exc)) from None


def _fill(db: Any, tables: list[Table]) -> None:
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


def _cell(value: Any) -> str:
    """A value as a CSV cell; a text a spreadsheet would read as a formula stays text."""
    if value is None:
        return ""
    if isinstance(value, list):
        return as_text("; ".join(str(v) for v in value))
    return as_text(value) if isinstance(value, str) else str(value)


def csv_bytes(table: Table) -> bytes:
    """A table as Excel opens it: UTF-8 with a byte order mark, CRLF line ends, a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    names = table.column_names
    writer.writerow(names)
    for row in table.rows:
        writer.writerow([_cell(row.get(name)) for name in names])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def csv_files(tables: list[Table], folder: Path) -> list[tuple[Path, bytes]]:
    """One `<table>.csv` per table in `folder`, and its bytes."""
    return [(folder / f"{table.name}.csv", csv_bytes(table)) for table in tables]
