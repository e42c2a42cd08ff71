"""CSV as a spreadsheet reads it: the one writer of every CSV spo writes (`export csv`, every
`--format csv`), and the cells it guards.

Excel and LibreOffice read a cell that starts with `=`, `+`, `-` or `@` (or a tab or a carriage
return before one) as a formula: a note written `=HYPERLINK("http://…";"tıkla")` would become a
link, `@SUM(…)` a sum. Such a text cell is written with a leading apostrophe, which both show as
text (OWASP's advice against CSV injection). Numbers are never text cells here (the registry's
counts are not negative), so no count is changed.

Both also read a text that looks like an ISO date as a date: `2025-03-21` becomes a date cell
shown in the reader's own format, and Excel turns a month, `2025-06`, into the 1st of June, a day
no source gave. LibreOffice does so even with "detect special numbers" off, and no CSV quoting
stops either, so a file meant for the office's spreadsheets (`dates_as_text`) writes such a cell
with the same apostrophe before it: the date stays the registry's text, and sorts as text.

Cells come in as text; which words they hold (headers, labels) is the caller's choice.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"

# A year and a month, maybe a day and a time: what a spreadsheet converts to a date. A year
# alone stays a number in both, "../2025-03-01" (known only as "by" a day) and a text that goes
# on after the date stay text.
_DATE_LIKE = re.compile(r"\d{4}-\d{1,2}(-\d{1,2}([T ]\d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?)?)?")


def as_text(cell: str, *, dates_as_text: bool = False) -> str:
    """The cell, with an apostrophe before it when a spreadsheet would read it as a formula
    (or, with `dates_as_text`, as a date)."""
    if cell.startswith(FORMULA_STARTS) or (dates_as_text and _DATE_LIKE.fullmatch(cell)):
        return "'" + cell
    return cell


def csv_text(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    delimiter: str = ",",
    dates_as_text: bool = False,
) -> str:
    """A header row and rows as CSV: CRLF line ends, fields quoted only where they need it, every
    cell through `as_text`. No byte order mark: whether one goes first depends on where the text
    goes (`with_bom`)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([as_text(name) for name in header])
    writer.writerows([as_text(cell, dates_as_text=dates_as_text) for cell in row] for row in rows)
    return out.getvalue()


def with_bom(text: str) -> bytes:
    """UTF-8 with a byte order mark first: how Excel knows a CSV file is UTF-8 (without it,
    Turkish letters show as "Ä±"). Only for a file or a terminal: in a pipe, the next program
    would take the mark for part of the first column's name."""
    return (BOM + text).encode("utf-8")


def usable_delimiter(delimiter: str) -> bool:
    """Whether a CSV can be separated by `delimiter`: one character, not the quote, not a line
    break, not a letter or digit (which a cell would hold unquoted)."""
    return len(delimiter) == 1 and delimiter not in '"\r\n' and not delimiter.isalnum()
