"""Lines and columns as an editor, GitHub and `grep -n` count them.

libyaml follows YAML 1.1, where NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR
(U+2029) also end a line, and it reports a reading error at a byte offset. Editors end a line only
at `\\n`, `\\r\\n` or `\\r`, and count columns in characters. So every position spo reports is
computed here from a character index into the text, never taken from libyaml's line and column.
"""

from __future__ import annotations

import re
from bisect import bisect_right

LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the only line ends an editor knows


class Positions:
    """Turns a character index of one text into a 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]
        # A final line break ends the last line; it does not open a line of its own.
        self._last_start = self._starts[-1]
        if len(self._starts) > 1 and self._last_start == len(text):
            self._starts.pop()

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def at(self, index: int) -> tuple[int, int]:
        """The line and column of the character at `index`; an index at or past the end of the
        text (libyaml's "unexpected end") points just after the last character of the last line."""
        index = max(0, min(index, len(self.text)))
        if index == len(self.text) and self._last_start == len(self.text) and self.text:
            index = _end_of_last_line(self.text)
        line = bisect_right(self._starts, index)
        return line, index - self._starts[line - 1] + 1

    def at_byte(self, offset: int) -> tuple[int, int]:
        """The position of the character at a byte offset into the text's UTF-8 encoding."""
        prefix = self.text.encode("utf-8")[:offset].decode("utf-8", errors="ignore")
        return self.at(len(prefix))

    def lines(self) -> list[str]:
        """The text's lines without their line breaks, as an editor shows them."""
        return LINE_BREAK.split(self.text)


def _end_of_last_line(text: str) -> int:
    """The index just after the last character before the text's final line break."""
    if text.endswith("\r\n"):
        return len(text) - 2
    return len(text) - 1
