"""The pieces the `show` views are built of: a bold heading, label / value lines, indented lines,
a titled section, and a source as a reader can trace it. Rich is imported only when a view is
built.

Imports inside the functions: Rich only when a block is drawn for a terminal."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from spo.api import Source
from spo.cli.citing import cite
from spo.cli.language import Lang
from spo.cli.render.console import text
from spo.cli.render.labels import message

if TYPE_CHECKING:
    from rich.console import RenderableType


def heading(words: str) -> RenderableType:
    return text(words, style="bold")


def fields(pairs: Iterable[tuple[str, str | RenderableType]], lang: Lang) -> RenderableType:
    """Label / value lines, skipping empty values; a value is one line, or a block (several
    lines, sources with their notes)."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for key, value in pairs:
        if value:
            grid.add_row(text(message(key, lang)), text(value) if isinstance(value, str) else value)
    return grid


def lines(texts: Iterable[str | RenderableType], indent: int = 2) -> RenderableType:
    """Indented lines (a grid, which unlike Padding does not fill the line with spaces); a line
    that is not text is a block, such as more lines indented under the one before."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 0, 0, indent), pad_edge=True)
    grid.add_column(overflow="fold")
    for line in texts:
        grid.add_row(text(line) if isinstance(line, str) else line)
    return grid


def section(title: str, body: RenderableType | None) -> list[RenderableType]:
    return [] if body is None else ["", heading(title), body]


def source_line(source: Source, lang: Lang) -> str:
    """A source as it is cited, with its stored copy: "Mersin Gündem, ..., 2025-03-21 <url>
    (stored copy: 000_....txt)"."""
    if not source.archived:
        return cite(source)
    stored = message("archived", lang, copy=source.archived)
    return f"{cite(source)} ({stored})" if cite(source) else stored


def source_lines(sources: Sequence[Source], lang: Lang) -> list[str | RenderableType]:
    """Each source on its line, and its note, if it has one, indented under it."""
    found: list[str | RenderableType] = []
    for source in sources:
        found.append(source_line(source, lang))
        if source.note:
            found.append(lines([source.note]))
    return found
