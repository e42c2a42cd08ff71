"""The table renderer: records as a table when the columns fit side by side with their words
whole, else each record as a card. Rich is imported only when a table is drawn.

Imports inside the functions: Rich costs ~60 ms to import, and a table is drawn only for a
terminal (CSV, JSON and Markdown never need it)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from spo.cli.language import Lang
from spo.cli.render.console import text
from spo.cli.render.escape import terminal
from spo.cli.render.labels import message

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.segment import Segment
    from rich.table import Table


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], lang: Lang) -> Rows:
    return Rows([message(key, lang) for key in headers], [list(row) for row in rows])


COLUMN_GAP = 3  # cell padding and divider between two columns of a SIMPLE_HEAD table
COLUMN_GAP_TEXT = " " * COLUMN_GAP


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[str]], room: int) -> list[int]:
    """Widths that keep every word whole and share what room is left evenly, first among the
    columns whose data wants more, then among headers that would otherwise wrap; [] when the
    columns cannot stand side by side at their longest words."""
    from rich.cells import cell_len

    columns = list(zip(headers, *rows, strict=True))
    widths = [max(cell_len(w) for cell in col for w in [*cell.split(), ""]) for col in columns]
    spare = room - COLUMN_GAP * (len(columns) - 1) - sum(widths)
    if spare < 0:
        return []
    data = [
        max([0, *(cell_len(ln) for cell in col[1:] for ln in cell.splitlines())]) for col in columns
    ]
    for wanted in (data, [max(d, cell_len(h)) for d, h in zip(data, headers, strict=True)]):
        spare = _share(widths, wanted, spare)
    return widths


def _share(widths: list[int], wanted: Sequence[int], spare: int) -> int:
    """Widen columns towards what they want, evenly; returns the room still spare."""
    wanting = [n for n, width in enumerate(widths) if width < wanted[n]]
    while spare and wanting:
        share = max(1, spare // len(wanting))
        for n in list(wanting):
            given = min(share, wanted[n] - widths[n], spare)
            widths[n] += given
            spare -= given
            if widths[n] == wanted[n]:
                wanting.remove(n)
    return spare


class Rows:
    """Records as a table when the columns fit side by side with their words whole; on a
    narrower terminal, each record as a card of "label  value" lines, so that the output wraps
    instead of breaking words or dropping columns."""

    def __init__(self, headers: list[str], rows: list[list[str]]) -> None:
        # Escaped for a terminal here, before widths are measured: the fast path below draws
        # the cells as they are.
        self.headers = [terminal(header) for header in headers]
        self.rows = [[terminal(cell) for cell in row] for row in rows]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich import box
        from rich.table import Table

        widths = column_widths(self.headers, self.rows, options.max_width)
        if not widths:
            yield self._cards()
        elif self._fits(widths):
            yield from self._lines(widths)
        else:
            drawn = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
            for header, width in zip(self.headers, widths, strict=True):
                drawn.add_column(header, width=width, overflow="fold")
            for row in self.rows:
                drawn.add_row(*(text(cell) for cell in row))  # Text: data is never read as markup
            yield drawn

    def _fits(self, widths: list[int]) -> bool:
        """True when every cell fits its column on one line: nothing to wrap."""
        from rich.cells import cell_len

        return all(
            cell.isprintable() and cell_len(cell) <= width
            for row in (self.headers, *self.rows)
            for cell, width in zip(row, widths, strict=True)
        )

    def _lines(self, widths: list[int]) -> Iterator[Segment]:
        """The same table as Rich draws it, line by line: a Rich table measures and wraps every
        cell, which takes seconds for the thousands of rows of a national registry."""
        from rich.cells import cell_len
        from rich.segment import Segment
        from rich.style import Style

        def line(cells: Sequence[str]) -> str:
            return COLUMN_GAP_TEXT.join(
                cell + " " * (width - cell_len(cell))
                for cell, width in zip(cells, widths, strict=True)
            )

        yield Segment(line(self.headers), Style(bold=True))
        yield Segment.line()
        yield Segment("─" * (sum(widths) + COLUMN_GAP * (len(widths) - 1)))
        yield Segment.line()
        for row in self.rows:
            yield Segment(line(row))
            yield Segment.line()

    def _cards(self) -> Table:
        from rich.table import Table

        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        for number, row in enumerate(self.rows):
            if number:
                grid.add_row("", "")
            for header, cell in zip(self.headers, row, strict=True):
                grid.add_row(text(header), text(cell))
        return grid
