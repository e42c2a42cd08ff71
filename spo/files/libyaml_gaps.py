"""What libyaml reads though YAML 1.2 refuses it, or reads otherwise than YAML 1.2 does.

The YAML test suite (`tests/yaml_test_suite/`) finds seven such cases. Five are refused here,
before loading, at their place:

- a comment with no space before its `#`, after a quoted value (`"value"# note`, SU5Z) or a `|`
  or `>` header (`>#note`, X4QW): libyaml takes it as a comment;
- an empty line at the start of a `|` or `>` text with more spaces than the text's first line
  (S98Z): libyaml takes the longest empty line for the indentation;
- `?foo` as a key inside brackets (652Z): YAML 1.2 reads the key `?foo`, libyaml the key `foo`;
- a `|` or `>` text that ends the file on a line of spaces with no line break (L24T/01): libyaml
  leaves out the last line break that YAML 1.2 keeps.

The other two (9C9N, QB6E) are a line of a value in quotes or brackets indented no deeper than
its key. libyaml joins the line to the value, which is what its writer meant; finding them would
take a look at every quote of every file, which costs more than all the checks above together.

Files almost never hold any of these, and `str.find` finds the few places that could (a `#`,
a `?`), so libyaml scans the text once more only when one of them may be there: the quick test
costs about 0.3 µs for a 1.2 KB record, against 150 µs to parse it.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from spo.rules.message import Message

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# (character index, message, code), as `spo.files.prescan.Early`
Early = tuple[int, Message, str]

# The line breaks libyaml knows (YAML 1.1's NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR too).
_BREAK_CHARS = "\r\n\x85\u2028\u2029"
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_BLANK = " \t" + _BREAK_CHARS
# What a "#" that starts no comment may follow: a quote, or a block header's indicators.
_BEFORE_COMMENT = "\"'|>-+0123456789"
# What a "?" that begins a key inside brackets follows.
_BEFORE_KEY = _BLANK + "[{,"
# What may follow "?" when it is the explicit key's indicator, not the first letter of a key.
_AFTER_INDICATOR = ("", " ", "\t", *_BREAK_CHARS, ",", "[", "]", "{", "}")
_LAST_LINE = re.compile(rf"[{_BREAK_CHARS}]([ ]+)\Z")


def _comment_glued(text: str, at: int) -> bool:
    """Whether the "#" at `at` follows a quote or a block header with no space between."""
    if text[at - 1] in "\"'":
        return True
    start = at - 1
    while start > 0 and at - start <= 3 and text[start] in "-+0123456789":
        start -= 1
    return text[start] in "|>"


def _after_spaces_line(text: str, at: int) -> bool:
    """Whether the "#" at `at` is the first on its line and empty lines before it hold a space
    (or the line before them ends in one)."""
    start = at - 1
    while start >= 0 and text[start] == " ":
        start -= 1
    if start >= 0 and text[start] not in _BREAK_CHARS:
        return False
    spaces = False
    while start >= 0 and text[start] in _BLANK:
        spaces = spaces or text[start] == " "
        start -= 1
    return spaces


def maybe_misread(text: str) -> bool:
    """Whether the text may hold one of the cases, as a few scans show (never False when it does).

    Each looks for what a case cannot do without: a quote or a block header right before a
    "#"; a comment line after an empty line holding spaces; a "?" right before a key's first
    letter, after a space, a bracket or a comma; a last line of spaces.
    """
    if text.endswith(" "):
        return True
    at = text.find("#", 1)
    while at != -1:
        before = text[at - 1]
        if before in _BEFORE_COMMENT and _comment_glued(text, at):
            return True
        if before in _BLANK and _after_spaces_line(text, at):
            return True
        at = text.find("#", at + 1)
    at = text.find("?")
    while at != -1:
        glued = text[at + 1 : at + 2] not in _AFTER_INDICATOR
        if glued and (at == 0 or text[at - 1] in _BEFORE_KEY):
            return True
        at = text.find("?", at + 1)
    return False


def gap_problems(text: str) -> list[Early]:
    """The places where libyaml would read the text otherwise than YAML 1.2."""
    return token_pass(text) if maybe_misread(text) else []


def _problem(index: int, key: str) -> Early:
    return (index, Message.of(f"read.syntax.{key}"), "yaml-syntax")


def _line_end(text: str, at: int) -> int:
    match = _BREAK.search(text, at)
    return match.start() if match else len(text)


def _block_scalar(text: str, token: Any, indent: int) -> Early | None:
    """A `|` or `>` text's problem: a "#" glued to its header, a last line of spaces with no
    line break, or a leading empty line with more spaces than the first line."""
    start = token.start_mark.index
    header_end = _line_end(text, start)
    header = text[start:header_end]
    if re.match(r"[|>][-+0-9]{0,2}#", header):
        return _problem(start, "comment-needs-space")
    if token.end_mark.index == len(text):
        last = _LAST_LINE.search(text, header_end)
        if last is not None:
            return _problem(last.start(1), "block-end-of-file")
    if re.match(r"[|>][-+]?[1-9]", header):
        return None  # the indentation is given: an empty line's spaces are the text's
    widest, widest_at, at = 0, 0, header_end
    while at < len(text):
        at = _BREAK.match(text, at).end()  # type: ignore[union-attr]
        end = _line_end(text, at)
        line = text[at:end]
        body = line.lstrip(" ")
        if body:
            # libyaml refuses a text line less indented than the widest empty line; it takes
            # a comment, which YAML 1.2 takes for the text's first line
            first = len(line) - len(body)
            if body.startswith("#") and first > indent and widest > first:
                return _problem(widest_at, "block-indentation")
            return None
        if len(line) > widest:
            widest, widest_at = len(line), at
        at = end
    return None


def token_pass(text: str) -> list[Early]:
    """`gap_problems` without the quick test: one pass over libyaml's tokens.

    A text's lines must be indented deeper than the innermost block mapping or list holding it
    (the column of its first key or "-"; -1 at the top of the document). A syntax error ends
    the pass with nothing found; parsing reports it.
    """
    found: list[Early] = []
    blocks: list[int] = []
    flow = 0
    try:
        for token in yaml.scan(text, Loader=_BaseLoader):
            kind = type(token)
            style = getattr(token, "style", None)  # a scalar's
            if kind is yaml.BlockMappingStartToken or kind is yaml.BlockSequenceStartToken:
                blocks.append(token.start_mark.column)
            elif kind is yaml.BlockEndToken:
                blocks.pop()
            elif kind is yaml.FlowSequenceStartToken or kind is yaml.FlowMappingStartToken:
                flow += 1
            elif kind is yaml.FlowSequenceEndToken or kind is yaml.FlowMappingEndToken:
                flow -= 1
            elif kind is yaml.KeyToken and flow:
                at = token.start_mark.index
                if text[at] == "?" and text[at + 1 : at + 2] not in _AFTER_INDICATOR:
                    found.append(_problem(at, "flow-question-mark"))
            elif kind is yaml.ScalarToken and style in ('"', "'"):
                end = token.end_mark.index
                if text[end : end + 1] == "#":
                    found.append(_problem(end, "comment-needs-space"))
            elif kind is yaml.ScalarToken and style in ("|", ">"):
                problem = _block_scalar(text, token, blocks[-1] if blocks else -1)
                if problem is not None:
                    found.append(problem)
    except yaml.YAMLError:
        return []
    return found
