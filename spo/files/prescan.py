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

from spo.rules.message import Message
from spo.rules.positions import LINE_BREAK

# A registry record nests a handful of levels; this leaves room for any honest file while keeping
# every recursive walk far below Python's recursion limit.
MAX_DEPTH = 50

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# (character index, message, code) of one problem found before loading
Early = tuple[int, Message, str]


def tab_problems(text: str) -> list[Early]:
    """A tab in a line's indentation; YAML indents with spaces."""
    found: list[Early] = []
    if "\t" not in text:
        return found
    starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]
    for start, line in zip(starts, LINE_BREAK.split(text), strict=True):
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            found.append((start + line.index("\t"), Message.of("read.tab"), "tab"))
    return found


# A line's indentation, found after its "\n" (the text is given one in front): a literal first
# character lets the regex engine skip ahead, which "^" in MULTILINE mode does not.
_INDENT = re.compile(r"\n *")
# Tabs, and the line breaks other than "\n" that libyaml knows (YAML 1.1's NEL, LINE SEPARATOR
# and PARAGRAPH SEPARATOR, and a carriage return).
_ODD_SPACE = re.compile("[\t\r\x85\u2028\u2029]")
# Two block entries begun on one line ("- - x", "? - x"): a line may then open any number of levels.
# Two patterns, each with a literal first character that the regex engine can skip ahead to (one
# pattern beginning with either costs eight times as much); "\r": the fast path's text may end
# its lines with "\r\n".
_COMPACT_CHAIN = re.compile(r"-[ ]+[-?](?:[ ]|\r|$)", re.MULTILINE)
_COMPACT_CHAIN_KEY = re.compile(r"\?[ ]+[-?](?:[ ]|\r|$)", re.MULTILINE)


def surely_plain(text: str) -> bool:
    """True when the text can have no anchor, no alias and no nesting deeper than `MAX_DEPTH`,
    as a few scans of the text show, so that the pass over the events can be skipped.

    Anchors and aliases need "&" and "*". Flow collections need "[" or "{". A block collection
    nested in another starts on a later line, indented deeper, or at the same indentation (a
    list as a mapping's value), or on the same line after "- " or "? " (one such step per line
    unless a line chains them, which sends the text to the full pass): so each distinct
    indentation carries at most four levels of a chain. Tabs and line breaks other than "\\n",
    which change how lines and indentation count, send the text to the full pass too.
    """
    if "&" in text or "*" in text or _ODD_SPACE.search(text):
        return False
    flow = text.count("[") + text.count("{")
    if flow + 4 > MAX_DEPTH:
        return False
    levels = block_levels(text)
    return levels is not None and flow + levels <= MAX_DEPTH


def block_levels(text: str) -> int | None:
    """At most how many levels the block collections of the text nest (`surely_plain` says
    why), or None when a line chains two block entries ("- - x"). For text with no tab and no
    line break but "\n" and "\r\n"."""
    if _COMPACT_CHAIN.search(text) or ("?" in text and _COMPACT_CHAIN_KEY.search(text)):
        return None
    return 4 * len(set(_INDENT.findall("\n" + text)))


def structure_problems(text: str) -> list[Early]:
    """Anchors, aliases and nesting deeper than `MAX_DEPTH`, in one pass over the events.

    A syntax error ends the pass; parsing reports it. Only the depth problem found before it is
    kept, as parsing would meet the same depth first.
    """
    return [] if surely_plain(text) else event_pass(text)


def event_pass(text: str, *, again: bool = True) -> list[Early]:
    """`structure_problems` without the quick test.

    libyaml reads ahead before it hands out an event (a flow collection is scanned to its end
    first), and since libyaml 0.2.6 it refuses more than 1,000 levels while reading ahead, with
    a scanner error of its own wording, before any event of the collection comes out. So the
    limit is spo's, not libyaml's: when the pass stops at an error, the text before the error is
    passed over once more on its own, and nesting too deep found there is the problem, at the
    level where `MAX_DEPTH` was crossed (parsing would meet it before the error).
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
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        stop = int(mark.index) if mark is not None else 0
        if again and 0 < stop < len(text):
            before = event_pass(text[:stop], again=False)
            return [early for early in before if early[2] == "too-deep"]
        return []  # the syntax error itself is reported by the parse
    return found


def _anchor(event: yaml.NodeEvent, key: str) -> Early:
    index = event.start_mark.index if event.start_mark else 0
    return (int(index), Message.of(key, name=event.anchor), "anchor")
