"""The export's tables as files: one SQLite database (with sqlite-utils) or one CSV file per
table. `spo.writing.outputs` writes them whole beside their place and then moves them onto it, so
a reader never sees half a file and a failed export leaves what was there before."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spo.export import Table
from spo.export.spreadsheet import csv_text, with_bom
from spo.rules.turkish import fold
from spo.rules.vocabulary import Vocabulary

# How a vocabulary's value is written in a cell (the value itself, or a label the caller chose).
Word = Callable[[Vocabulary, str], str]

# A searchable table's searched columns again, folded (`spo.rules.turkish.fold`: "Üsküdar" ->
# "uskudar"): SQLite's own case folding does not know Turkish (I/ı, İ/i) or drop accents, so
# without it "uskudar" or "KADIN" would find nothing; with it both the text as written and
# its plain form are searched.
SEARCH_TEXT = "search_text"


def _folded(row: dict[str, Any], columns: tuple[str, ...]) -> str:
    return fold(" ".join(str(row[c]) for c in columns if row.get(c) is not None))


def write_sqlite(tables: list[Table], target: Path) -> None:
    """The tables as one database, with their keys, foreign keys and full-text indexes, in the
    (empty or missing) file `target`. SQLite's own errors of the disk are raised as OSError, as
    any other write's: a full disk as ENOSPC."""
    # Here: only `spo export --format sqlite` writes a database.
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


def _cell(value: Any, vocabulary: Vocabulary | None, word: Word, decimal: str) -> str:
    """A value as the text of a CSV cell: a list's items joined with "; ", a vocabulary's
    values as `word` gives them, a fraction with the `decimal` mark."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v, vocabulary, word, decimal) for v in value)
    if isinstance(value, float):
        return str(value).replace(".", decimal)
    return word(vocabulary, value) if vocabulary and isinstance(value, str) else str(value)


def _as_written(vocabulary: Vocabulary, value: str) -> str:
    return value


def csv_rows(table: Table, word: Word = _as_written, decimal: str = ".") -> list[list[str]]:
    """A table's rows as the cells of a CSV, in the order of its columns; the values of its
    vocabulary columns as `word` gives them (by default, as the registry holds them), fractions
    (a province's latitude) with the `decimal` mark: a spreadsheet in a locale whose decimal
    mark is "," reads "28.1" as the 28th of January."""
    vocabularies = dict(table.vocabularies)
    names = table.column_names
    return [
        [_cell(row.get(n), vocabularies.get(n), word, decimal) for n in names] for row in table.rows
    ]


def csv_bytes(table: Table, *, delimiter: str = ",") -> bytes:
    """A table as Excel opens it: UTF-8 with a byte order mark, CRLF line ends, a header row of
    the column names, formula-like text as text (`spo.export.spreadsheet`)."""
    return with_bom(csv_text(table.column_names, csv_rows(table), delimiter=delimiter))
