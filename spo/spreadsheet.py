"""A cell that a spreadsheet shows as the text it holds: OWASP's advice against CSV injection.

Excel and LibreOffice read a cell that starts with `=`, `+`, `-` or `@` (or a tab or a carriage
return before one) as a formula: a note written `=HYPERLINK("http://…";"tıkla")` would become a
link, `@SUM(…)` a sum. Such a text cell is written with a leading apostrophe, which both show as
text. Numbers are never text cells here (the registry's counts are not negative), so no count is
changed; every CSV spo writes (`export csv`, `--format csv`) passes its text cells through
`as_text`.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(cell: str) -> str:
    """The cell, with an apostrophe before it when a spreadsheet would read it as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell
