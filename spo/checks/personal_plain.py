"""Text as the personal-data scan reads it: the way people write a number or an address undone.

Digits in any script become ASCII digits, wide or special spaces, dashes and signs their plain
forms (NFKC, one character for one); characters that show nothing (zero-width spaces and joiners,
the soft hyphen) are dropped, so that `0532\u200b123 45 67` is read as written on screen; and an
address spelled out to dodge a scanner (`ayse(at)gmail(dot)com`, `ayse [at] gmail [dot] com`,
`ayse @ gmail.com`) is read as the address it is. Every character of the plain text remembers
where it came from, so that a sighting is reported at its place in what was written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Characters that take no room on screen: a number with them between its digits reads as one.
INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u2060\u2061\u2062\u2063\u2064\ufeff"
)
_DROP_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))
_ANY_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")

# "@" and "." spelled out in brackets, and an "@" with spaces around it.
SPELLED = re.compile(
    r"[ \t]*[(\[{<][ \t]*(at|et|dot|nokta)[ \t]*[)\]}>][ \t]*|[ \t]+[@\ufe6b\uff20][ \t]*"
    r"|[@\ufe6b\uff20][ \t]+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Plain:
    """The plain text, and for each of its characters where it starts and ends in the original
    (None: the two are the same text)."""

    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Where the plain text's [start, end) lies in the original."""
        if self.starts is None or self.ends is None or start >= end:
            return start, end
        return self.starts[start], self.ends[end - 1]


def visible(text: str) -> str:
    """The text without the characters that show nothing."""
    if text.isascii() or _ANY_INVISIBLE.search(text) is None:  # a search is far quicker
        return text
    return text.translate(_DROP_INVISIBLE)


def normalised(text: str) -> str:
    """The text with every digit as an ASCII digit and wide or special spaces and signs as
    their plain forms (NFKC), one character for one, so that positions stay those of `text`."""
    if text.isascii():
        return text
    out = []
    for char in text.translate(_DASHES):
        if char.isascii():
            out.append(char)
            continue
        digit = unicodedata.decimal(char, None)
        plain = str(digit) if digit is not None else unicodedata.normalize("NFKC", char)
        out.append(plain if len(plain) == 1 else char)
    return "".join(out)


def plain(text: str) -> Plain:
    """The text as the scan reads it (see the module's docstring)."""
    if text.isascii() and SPELLED.search(text) is None:
        return Plain(text)
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    shown = normalised(text)
    position = 0
    for match in SPELLED.finditer(text):  # in what was written, as the quick tests see it
        _keep(shown, position, match.start(), chars, starts, ends)
        word = (match.group(1) or "at").lower()
        chars.append("." if word in ("dot", "nokta") else "@")
        starts.append(match.start())
        ends.append(match.end())
        position = match.end()
    _keep(shown, position, len(shown), chars, starts, ends)
    return Plain("".join(chars), tuple(starts), tuple(ends))


def _keep(
    text: str, start: int, end: int, chars: list[str], starts: list[int], ends: list[int]
) -> None:
    for index in range(start, end):
        if text[index] in INVISIBLE:
            continue
        chars.append(text[index])
        starts.append(index)
        ends.append(index + 1)
