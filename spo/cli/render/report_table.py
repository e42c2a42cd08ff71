"""A `Report` for the terminal: Rich tables, the transfers by stage as a bar chart, and sources
as numbered notes. It prints to a Rich console given by the caller; Rich is imported only there.

Imports inside the functions: Rich only when the report is drawn as a table for a terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spo.api import Report
from spo.cli.language import Lang
from spo.cli.render import report_left_out as left_out
from spo.cli.render import tables
from spo.cli.render.console import text
from spo.cli.render.escape import terminal
from spo.cli.render.report_sections import Rows, sections
from spo.cli.render.report_words import (
    completeness_lines,
    figure_notes,
    is_number,
    message,
    office_lines,
    scope_text,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table


BAR_WIDTH = 30
_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(count: int, largest: int, width: int = BAR_WIDTH) -> str:
    """A horizontal bar in Unicode blocks, to the eighth of a character; never empty for a count."""
    if count <= 0 or largest <= 0:
        return ""
    eighths = max(1, round(count / largest * width * 8))
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


def render_table(report: Report, lang: Lang, console: Console) -> None:
    """Rich tables, the transfers by stage as a bar chart, and sources as numbered notes under
    the figures, so that long addresses do not squeeze the table."""

    console.print(text(message("title", lang, day=report.as_of.isoformat()), style="bold"))
    console.print(text(scope_text(report, lang).replace("`", "")))
    console.print(text(message("dates_note", lang), style="dim"))
    print_left_out(report, lang, console)
    for office_of in report.offices:
        for line in office_lines(office_of, lang):
            console.print(text(line, overflow="fold"))
    for line in completeness_lines(report, lang):
        console.print(text(line, overflow="fold"))
    for section in sections(report, lang):
        columns, rows = section.columns, section.rows
        is_chart = section.key == "transfers_by_stage"
        if is_chart:
            largest = max(report.transfers_by_stage.values(), default=0)
            columns = [*columns, ""]
            rows = [[*row, bar(int(row[1]), largest)] for row in rows]
        reported = section.key == "reported"
        if reported and report.owner is None:
            # "Figure · publisher": one column less on a narrow screen
            columns = [columns[0], *columns[2:]]
            rows = [[row[0], f"{row[2]} · {row[1]}", *row[3:]] for row in rows]
        console.print()
        console.print(text(section.title, style="bold"))
        print_section(console, columns, rows, lang, with_sources=reported, is_chart=is_chart)
        notes = [*section.notes, *(figure_notes(report, lang) if reported else [])]
        for note in notes if rows else []:
            console.print(text(note, style="dim", overflow="fold"))


def print_left_out(report: Report, lang: Lang, console: Console) -> None:
    """The records the report was computed without: a table (one card per file when narrow)."""
    if not report.left_out:
        return
    console.print()
    console.print(text(left_out.title(lang), style="bold"))
    print_section(console, left_out.columns(lang), left_out.rows(report, lang), lang)
    console.print(text(left_out.note(lang), style="dim"))


def print_section(
    console: Console,
    columns: list[str],
    rows: Rows,
    lang: Lang,
    *,
    with_sources: bool = False,
    is_chart: bool = False,
) -> None:
    """One table; with sources, its last column becomes numbered notes printed under it."""
    if not rows:
        console.print(text(message("none", lang), style="italic"))
        return
    # Escaped before the columns are measured, as `tables.Rows` does.
    columns = [terminal(column) for column in columns]
    rows = [[terminal(cell) for cell in row] for row in rows]
    notes: list[str] = []
    if with_sources:
        rows, notes = _source_notes(rows)
    if not tables.column_widths(columns, rows, console.width):
        # Too narrow for the columns side by side with their words whole: one card per row,
        # as the list commands do, so that no column or value is cut or dropped.
        console.print(tables.Rows(columns, rows))
    else:
        console.print(_table(columns, rows, is_chart))
    for note in notes:
        console.print(text(note, overflow="fold"))


def _table(columns: list[str], rows: Rows, is_chart: bool) -> Table:
    """A Rich table: numbers right-aligned, labels wrapped between words, never inside one."""
    from rich import box
    from rich.table import Table

    table = Table(
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        collapse_padding=True,
    )
    for i, column in enumerate(columns):
        cells = [row[i] for row in rows]
        numeric = all(is_number(c) for c in cells)
        # Labels wrap between words, never inside one; numbers, dates and ids do not wrap.
        words = [w for c in [column, *cells] for w in c.split()]
        wraps = any(" " in c for c in [column, *cells])
        table.add_column(
            column,
            justify="right" if numeric else "left",
            no_wrap=not wraps,
            min_width=max(map(len, words), default=0) if wraps else None,
            overflow="fold",
            style="cyan" if is_chart and i == len(columns) - 1 else None,
        )
    for row in rows:
        table.add_row(*(text(cell) for cell in row))
    return table


def _source_notes(rows: Rows) -> tuple[Rows, list[str]]:
    """Replace the last cell (a source) by `[n]`, returning the numbered sources."""
    numbers: dict[str, int] = {}
    shortened = []
    for *cells, source in rows:
        if source:
            number = numbers.setdefault(source, len(numbers) + 1)
            cells.append(f"[{number}]")
        else:
            cells.append("")
        shortened.append(cells)
    return shortened, [f"[{n}] {source}" for source, n in numbers.items()]
