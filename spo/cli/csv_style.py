"""How a CSV reads for its reader, the one rule for `export csv` and every `--format csv`.

Under `--lang tr` a CSV is for the office's Turkish Excel: separated by `;` (Turkish Windows' list
separator, since `,` is its decimal comma: with `,` a double-click puts each row in column A),
headers in Turkish, vocabulary values as their Turkish labels, dates kept as the registry's text
(`spo.export.spreadsheet`), fractions with a decimal comma (Turkish Excel reads "28.1" as the 28th
of January). Ids (of records, provinces, rows) stay as they are, in their own columns, so tables
still join. Under `--lang en` it is for analysts' tools: `,`, the registry's own column names and
values, dates as written. `--delimiter` overrides the separator alone (the decimal mark stays the
language's: `--delimiter ,` under `--lang tr` quotes "36,8"). No `sep=;` first line: Excel would
honour it, but every other reader (Python's csv, pandas, LibreOffice) would take it for the header.

Column names are the same in both commands: `csv.column.<name>` in the catalogue gives each its
header in both languages.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Annotated

import typer

from spo.api import UsageError, Vocabulary, csv_text, usable_delimiter, with_bom
from spo.cli.language import Lang
from spo.cli.render.escape import csv_cell
from spo.cli.words import label, say

Delimiter = Annotated[str | None, typer.Option("--delimiter")]

SEPARATORS: dict[Lang, str] = {"tr": ";", "en": ","}


@dataclass(frozen=True)
class CsvStyle:
    lang: Lang
    delimiter: str

    def header(self, names: Sequence[str]) -> list[str]:
        return [say(f"csv.column.{name}", self.lang) for name in names]

    @property
    def decimal(self) -> str:
        """The decimal mark of the reader's spreadsheet: Turkish Excel's is ",", and reads
        "28.1" as a date."""
        return "," if self.lang == "tr" else "."

    def word(self, vocabulary: Vocabulary, value: str) -> str:
        """A vocabulary value as a cell: its Turkish label for Turkish readers, else the value."""
        return label(vocabulary, value, "tr") if self.lang == "tr" else value

    def text(self, names: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
        """The CSV of rows under the columns `names` (headers in the reader's words)."""
        dates = self.lang == "tr"
        cells = ([csv_cell(cell) for cell in row] for row in rows)
        return csv_text(self.header(names), cells, delimiter=self.delimiter, dates_as_text=dates)


def csv_style(lang: Lang, delimiter: str | None = None) -> CsvStyle:
    """The style for `lang`, with the separator `--delimiter` gives (a usage error if unusable;
    "\\t" or "tab" is a tab)."""
    if delimiter is None:
        return CsvStyle(lang, SEPARATORS[lang])
    given = "\t" if delimiter in ("\\t", "tab") else delimiter
    if not usable_delimiter(given):
        raise UsageError.of("usage.bad-delimiter", value=delimiter)
    return CsvStyle(lang, given)


def stdout_wants_bom() -> bool:
    """Whether CSV on stdout starts with a byte order mark: yes into a file (`> tablo.csv`, which
    Excel opens) or on a terminal; no into a pipe or anything else that is not a file (`| head`,
    a program reading it), where the mark would join the first column's name."""
    try:
        mode = os.fstat(sys.stdout.fileno()).st_mode
    except (AttributeError, OSError, ValueError):  # not a real file descriptor: a program's buffer
        return False
    return stat.S_ISREG(mode) or (stat.S_ISCHR(mode) and sys.stdout.isatty())


def for_stdout(text: str) -> bytes:
    """CSV text as the bytes to write on stdout (see `stdout_wants_bom`)."""
    return with_bom(text) if stdout_wants_bom() else text.encode("utf-8")


def kept_for_stdout(data: bytes) -> bytes:
    """CSV kept as UTF-8 bytes (`spo.cli.kept`), as `for_stdout` writes it."""
    return for_stdout(data.decode("utf-8"))


def refuse_unless_csv(format: str, delimiter: str | None) -> None:
    """--delimiter names the separator of a CSV: with another --format it is a mistake."""
    if delimiter is not None and format.strip().lower() != "csv":
        raise UsageError.of("usage.delimiter-without-csv", format=format)
