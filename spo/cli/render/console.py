"""Where output goes: a Rich console for stdout (plain when piped), plain text of a renderable,
bytes and text to stdout as they are, and warnings on stderr. Rich is imported only when a
console is made, so `spo --help` stays fast.

Every text reaches Rich through here, escaped for a terminal (`spo.cli.render.escape.terminal`):
a view builds its `Text` with `text`, and a plain string printed or put in a table is escaped by
the console itself. Nothing a record holds is read as Rich markup (markup is off).

Imports inside the functions: every message goes through this module, and Rich (~60 ms) is
imported only when a console or a styled text is asked for."""

from __future__ import annotations

import io
import os
import re
import shutil
import sys
from typing import IO, TYPE_CHECKING, Any

from spo.cli.render.escape import terminal

if TYPE_CHECKING:
    from rich.console import Console, JustifyMethod, OverflowMethod, RenderableType
    from rich.style import StyleType
    from rich.text import Text


PIPED_WIDTH = 10_000  # piped output: one line per row, for grep and friends


def columns() -> int | None:
    """The width $COLUMNS asks for; None when it is unset or not a positive whole number (an
    empty or zero $COLUMNS must not lay tables out in no room at all)."""
    given = os.environ.get("COLUMNS", "").strip()
    return int(given) if given.isdigit() and int(given) > 0 else None


class OutputClosed(Exception):
    """The reader of stdout went away (`spo report | head -3`): stop quietly, not as a failure."""


def console(file: IO[str] | None = None) -> Console:
    """A console for stdout. Colour and styles only on a terminal and without NO_COLOR, so
    piped output carries no ANSI codes. Tables fit the terminal's width (or $COLUMNS); piped
    without $COLUMNS, rows are not wrapped."""
    from rich.console import Console

    class QuietOnClosedPipe(Console):
        def on_broken_pipe(self) -> None:  # Rich's own handling exits with code 1
            raise OutputClosed

        def render_str(self, text: str, **options: Any) -> Text:
            """A plain string printed or laid out (a table's header, a line of a group): as
            `text` makes it."""
            return super().render_str(terminal(text), **options)

    target = file if file is not None else sys.stdout
    tty = file is None and sys.stdout.isatty()
    styled = tty and not os.environ.get("NO_COLOR")
    width = columns()
    if file is None and width is None:
        # Piped: unbounded rows; on a terminal, its width (Rich would take a bad $COLUMNS).
        width = shutil.get_terminal_size().columns if tty else PIPED_WIDTH
    return QuietOnClosedPipe(
        file=target,
        width=width,
        force_terminal=None if styled else False,
        no_color=not styled,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


def text(
    value: str,
    style: StyleType = "",
    overflow: OverflowMethod | None = None,
    justify: JustifyMethod | None = None,
) -> Text:
    """A Rich `Text` of a value as it shows on a terminal: every control character and
    bidirectional mark written as its escape, so it cannot move the cursor, retitle or clear the
    terminal, or reorder the line. Views make every `Text` with this."""
    from rich.text import Text

    return Text(terminal(value), style=style, overflow=overflow, justify=justify)


def render_text(renderable: RenderableType, width: int) -> str:
    """What a renderable looks like as plain text at a given width (for tests and previews)."""
    buffer = io.StringIO()
    out = console(buffer)
    out.width = width
    out.print(renderable)
    return buffer.getvalue()


def write_bytes(data: bytes) -> None:
    """Bytes to stdout as they are: no newline translation, no code page."""
    stream = sys.stdout
    try:
        stream.flush()
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            buffer.write(data)
            buffer.flush()
        else:
            stream.write(data.decode("utf-8"))
    except BrokenPipeError:
        raise OutputClosed from None


def write_text(text: str) -> None:
    write_bytes(text.encode("utf-8"))


def warn(text: str) -> None:
    """One message on stderr, with no raw control character, line breaks included: a search's
    query is echoed here as typed, and must not start a line of its own. On a terminal it is
    broken between words (`wrapped`)."""
    print(wrapped(terminal(text), sys.stderr), file=sys.stderr)


def tell(text: str) -> None:
    """A plain message on stdout, escaped for the terminal and broken between words on one
    (`wrapped`)."""
    print(wrapped(terminal(text), sys.stdout))


def wrapped(text: str, stream: IO[str]) -> str:
    """A plain message as it goes to `stream`: on a terminal, each line longer than the
    terminal ($COLUMNS, else its width) is broken at spaces, never inside a word (a terminal
    left to wrap it breaks "demek" into "deme" and "k"), its continuation lines indented as it
    is; a word longer than the line stays whole. Piped, it is left as it is: one line per
    message, for grep."""
    try:
        if not stream.isatty():
            return text
    except (AttributeError, ValueError):
        return text
    width = columns() or shutil.get_terminal_size().columns
    return "\n".join(_wrap_line(line, width) for line in text.split("\n"))


def _wrap_line(line: str, width: int) -> str:
    """One line broken at spaces into lines of at most `width` visible characters (colour codes
    take no room), each continuation indented as the line is; a longer word stays whole."""
    if _visible(line) <= width:
        return line
    indent = line[: len(line) - len(line.lstrip(" "))]
    lines: list[str] = []
    current = ""
    for word in line[len(indent) :].split(" "):
        candidate = f"{current} {word}" if current else word
        if current and _visible(indent + candidate) > width:
            lines.append(indent + current)
            current = word
        else:
            current = candidate
    lines.append(indent + current)
    return "\n".join(lines)


def _visible(text: str) -> int:
    """How many columns a text takes: its colour codes (`\x1b[31m`) take none."""
    return len(re.sub(r"\x1b\[[0-9;]*m", "", text))
