"""Characters no reader can see: control characters and bidirectional controls in a record.

A C0 control (but tab, line feed and carriage return, which YAML text may hold), DEL, a C1
control, or a bidirectional embedding, override or isolate (U+202A-U+202E, U+2066-U+2069) in a
key or a value is an error at that value: written as an escape (`"\\e]0;…\\a"`), it would retitle
or clear a reader's terminal, or make text read differently from what it holds ("Trojan
Source"). A bidirectional control written as itself in the file, in a value or in a comment, is
reported at its own line and column instead, where a reviewer's editor may not show it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spo.rules.message import Message
from spo.rules.positions import Positions
from spo.rules.problems import Finding, JsonPath

# The bidirectional embeddings, overrides and isolates, as a character class's ranges: the ones
# that reorder what follows them. The terminal escaper (`spo.cli.render.escape`) shows them too.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_HIDDEN = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
CODE = "hidden-character"


def _strings(value: Any, path: JsonPath) -> Iterator[tuple[JsonPath, str, bool]]:
    """Every text of a record, key or value, with its path and whether it is a key."""
    if isinstance(value, str):
        yield path, value, False
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield path + (key,), key, True
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))


def _code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def character_findings(data: dict[str, Any], text: str | None = None) -> list[Finding]:
    """Each hidden character of a record, once: at its value (keys included), or at its own
    line and column when it is a bidirectional control written as itself in `text`."""
    if text is not None and "\\" not in text and not _HIDDEN.search(text):
        return []  # no escape could spell one, and none is written as itself
    raw = set(_BIDI.findall(text)) if text is not None else set()
    found = []
    for path, value, at_key in _strings(data, ()):
        for match in _HIDDEN.finditer(value):
            if match.group() in raw:
                continue  # written as itself: reported at its place in the file below
            field = next((p for p in reversed(path) if isinstance(p, str)), "")
            message = Message.of(
                "check.hidden-character",
                field=field,
                char=_code_point(match.group()),
                position=match.start() + 1,
            )
            found.append(Finding(path, message, CODE, at_key=at_key))
            break  # one finding per value: the first is enough to find it
    if raw and text is not None:
        positions = Positions(text)
        for match in _BIDI.finditer(text):
            line, column = positions.at(match.start())
            message = Message.of("check.bidi-character", char=_code_point(match.group()))
            found.append(Finding((), message, CODE, line=line, column=column))
    return found
