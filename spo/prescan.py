"""What is checked in a file's text before it is loaded: tabs, anchors and nesting depth.

Loading is recursive (PyYAML's C composer recurses once per level, and so does every check that
walks a record): 25,000 nested `[` crash the interpreter, and a thousand raise a RecursionError.
libyaml's event parser keeps its own stack instead, so one linear pass over the events bounds the
depth before anything recursive sees the text, and finds anchors and aliases (whose expansion can
exhaust memory: "billion laughs") on the way.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from spo.message import Message

# A registry record nests a handful of levels; this leaves room for any honest file while keeping
# every recursive walk far below Python's recursion limit.
MAX_DEPTH = 50

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")

# (character index, message, code) of one problem found before loading
Early = tuple[int, Message, str]


def tab_problems(text: str) -> list[Early]:
    """A tab in a line's indentation; YAML indents with spaces."""
    found: list[Early] = []
    if "\t" not in text:
        return found
    for match in _LINE.finditer(text):
        line = match.group().rstrip("\r\n")
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            found.append((match.start() + line.index("\t"), Message.of("read.tab"), "tab"))
        if match.end() == len(text):
            break
    return found


def structure_problems(text: str) -> list[Early]:
    """Anchors, aliases and nesting deeper than `MAX_DEPTH`, in one pass over the events.

    A syntax error ends the pass; parsing reports it. Only the depth problem found before it is
    kept, as parsing would meet the same depth first.
    """
    found: list[Early] = []
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    message = Message.of("read.too-deep", limit=MAX_DEPTH)
                    index = event.start_mark.index if event.start_mark else 0
                    return [(int(index), message, "too-deep")]
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if isinstance(event, yaml.AliasEvent):
                found.append(_anchor(event, "read.alias"))
            elif isinstance(event, yaml.NodeEvent) and event.anchor is not None:
                found.append(_anchor(event, "read.anchor"))
    except yaml.YAMLError:
        return []  # the syntax error itself is reported by the parse
    return found


def _anchor(event: yaml.NodeEvent, key: str) -> Early:
    index = event.start_mark.index if event.start_mark else 0
    return (int(index), Message.of(key, name=event.anchor), "anchor")
