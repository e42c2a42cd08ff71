"""Output kept in the index (`spo.index.Index.memo`): a command whose output depends only on the
records, its options and the language writes back what it wrote last time for the same index
generation, instead of building the model again.

`show` is the one route of such a command: it takes the function that renders the output from
the index. A table is kept only when stdout's console prints plain text (piped, or NO_COLOR; not
a legacy Windows console), as the width it was laid out for, which is part of the key: styled
terminal output is always drawn afresh, by the same function.

Imports inside the functions: this module is imported whenever any command runs (see
`spo.cli.lazy`), so the index (SQLite) and the labels (the model) are imported when output is
had.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from spo.api import code_digest
from spo.cli.language import Lang
from spo.cli.render.console import PIPED_WIDTH, OutputClosed, columns, console, warn, write_bytes

if TYPE_CHECKING:
    from rich.console import Console

    from spo.api import Index

Kept = tuple[bytes | str, str]  # the output, and a note ("empty": say so on stderr)
# What a command renders: its output as written, or how to draw it on a console (a table).
Drawing = bytes | str | Callable[["Console"], None]
Made = tuple[Drawing, str]  # with its note, as in Kept
Write = Callable[[bytes | str], None]


def show(
    root: Path,
    lang: Lang,
    parts: tuple[object, ...],
    width: int | None,
    make: Callable[[Index], Made],
    heard: Callable[[str], None] | None = None,
    to: Write | None = None,
) -> str:
    """Output that depends only on the records, the options and the language (`parts`, see
    `key`): `make`d from the index, or written back from it. `width`: the plain width a drawn
    table is laid out for and kept as; None on a styled terminal, where it is drawn afresh on
    the console. The note is `heard` first, then the output written `to` its place (stdout).
    Returns the note."""

    def laid_out(index: Index) -> Kept:
        value, note = make(index)
        return (value if isinstance(value, bytes | str) else drawn(width or 0, value)), note

    value: Drawing
    if width is None:
        value, note = _had(root, lang, parts, make, keep=False)
    else:
        value, note = _kept(root, lang, parts, laid_out)
    if heard is not None:
        heard(note)
    if callable(value):
        value(console())
    else:
        (to or write)(value)
    return note


def plain_width() -> int | None:
    """The width tables are laid out for on stdout, when they are plain text; else None."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    if encoding == "utf8" and os.name != "nt" and not sys.stdout.isatty():
        # Piped: `spo.cli.render.console.console` lays tables out for $COLUMNS, or unbounded
        # (found without importing Rich, which a kept table does not need).
        return columns() or PIPED_WIDTH
    out = console()
    plain = not out.is_terminal and out.color_system is None and not out.legacy_windows
    return out.width if plain and out.encoding.replace("-", "") == "utf8" else None


def drawn(width: int, draw: Callable[[Console], None]) -> str:
    """What `draw` prints on a plain console of that width, as text."""
    buffer = io.StringIO()
    out = console(buffer)
    out.width = width
    draw(out)
    return buffer.getvalue()


@contextmanager
def index_of(root: Path) -> Iterator[Index]:
    from spo.api import Registry

    with Registry(root).index() as index:
        yield index


def key(index: Index, *parts: object) -> tuple[str, int]:
    """The key of an output: the index's generation, the code that drew it (the command line's
    too, and so its words), and every option (`parts`) it depends on."""
    from spo.api import memo_key

    generation = index.generation
    return memo_key(*parts, code_digest(with_cli=True), generation), generation


def _kept(root: Path, lang: Lang, parts: tuple[object, ...], make: Callable[[Index], Kept]) -> Kept:
    """The output that `parts` name (see `key`): written back from the index when this
    generation already holds it, else `make`d from the index and kept."""
    value, note = _had(root, lang, parts, make, keep=True)
    assert isinstance(value, bytes | str)
    return value, note


def _had(
    root: Path, lang: Lang, parts: tuple[object, ...], make: Callable[[Index], Made], keep: bool
) -> Made:
    """The output from the index, kept there if `keep`. Files the index left out are warned
    about once the output is had. An index that proves damaged inside is thrown away and the
    output had from a new one: nothing has been written by then."""
    from spo.api import IndexDamaged

    try:
        return _made(root, lang, parts, make, keep)
    except IndexDamaged:
        return _made(root, lang, parts, make, keep)


def _made(
    root: Path, lang: Lang, parts: tuple[object, ...], make: Callable[[Index], Made], keep: bool
) -> Made:
    with index_of(root) as index:
        found: Made | None = None
        if keep:
            name, generation = key(index, *parts)
            found = index.memo(name)
            if found is None:
                found = make(index)
                assert isinstance(found[0], bytes | str)
                index.remember(name, found[0], generation, found[1])
        else:
            found = make(index)
        warn_skipped(index, lang)
    return found


def warn_skipped(index: Index, lang: Lang) -> None:
    skipped = len(index.skipped())
    if skipped:
        say("skipped", lang, count=skipped)


def say(key: str, lang: Lang, **values: object) -> None:
    """A message on stderr."""
    from spo.cli.render.labels import message

    warn(message(key, lang, **values))


def write(value: bytes | str) -> None:
    """Kept output back to stdout: bytes as they are, text as a console prints it."""
    if isinstance(value, bytes):
        write_bytes(value)
        return
    try:
        sys.stdout.write(value)
        sys.stdout.flush()
    except BrokenPipeError:
        raise OutputClosed from None
