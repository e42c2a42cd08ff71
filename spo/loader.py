"""Read a registry YAML file the way a reviewer means it.

PyYAML follows YAML 1.1, where `2025-03-21` becomes a date, `no` and `on` become booleans and
`06100` an octal number. A reviewer who writes those means text, so this loader resolves plain
scalars by the YAML 1.2 core rules instead: only true/false, null, decimal integers without a
leading zero and decimal floats are typed; everything else stays a string.

It also refuses what a public registry must not contain (anchors and aliases, whose expansion can
exhaust memory: "billion laughs") and reports every reading problem as a `Problem` with a line and
column instead of raising. libyaml's C parser is used when PyYAML was built with it.
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from spo.message import Message
from spo.problems import JsonPath, Problem

MAX_FILE_BYTES = 1024 * 1024

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(
    r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9]+[eE][-+]?[0-9]+$"
)
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_STR_TAG = "tag:yaml.org,2002:str"


class _ReviewerLoader(_BaseLoader):  # type: ignore[misc]
    """A safe loader with YAML 1.2 core scalar resolution and duplicate-key detection."""

    yaml_implicit_resolvers: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {}

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.found: list[tuple[int, int, Message, str]] = []  # (line, column, message, code)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        first_seen: dict[str, yaml.Node] = {}
        for key_node, _ in node.value:
            mark = key_node.start_mark
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR_TAG:
                self.found.append(
                    (
                        mark.line + 1,
                        mark.column + 1,
                        Message.of("read.key-not-text", key=str(key_node.value)),
                        "key-not-text",
                    )
                )
                key_node.tag = _STR_TAG
                if not isinstance(key_node, yaml.ScalarNode):
                    continue
            key = key_node.value
            if key in first_seen:
                first = first_seen[key].start_mark
                self.found.append(
                    (
                        mark.line + 1,
                        mark.column + 1,
                        Message.of("read.duplicate-key", key=key, first_line=first.line + 1),
                        "duplicate-key",
                    )
                )
            else:
                first_seen[key] = key_node
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


def _resolver(tag: str, pattern: re.Pattern[str], first: str) -> None:
    _ReviewerLoader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", pattern, list(first))


_resolver("bool", _BOOL, "tTfF")
_resolver("int", _INT, "-+0123456789")
_resolver("float", _FLOAT, "-+0123456789.")
_resolver("null", _NULL, "~nN")
_ReviewerLoader.add_implicit_resolver("tag:yaml.org,2002:null", _NULL, [""])


@dataclass(frozen=True)
class LoadedFile:
    """A file as read: its data when it could be read, and every problem met while reading."""

    path: Path
    text: str | None
    data: dict[str, Any] | None
    problems: tuple[Problem, ...]


def _problem(path: Path, line: int, column: int, message: Message, code: str) -> Problem:
    return Problem(path, line, column, (), message, code)


# libyaml's syntax errors, by their English text, as catalogue keys (`read.syntax.<key>`);
# any other syntax error is `read.syntax.other`. The line and column point at the place.
_SYNTAX = {
    "mapping values are not allowed in this context": "mapping-values",
    "found character that cannot start any token": "bad-start",
    "could not find expected ':'": "missing-colon",
    "did not find expected key": "expected-key",
    "did not find expected '-' indicator": "expected-dash",
    "did not find expected node content": "expected-value",
    "found unexpected end of stream": "unexpected-end",
    "found unknown escape character": "unknown-escape",
    "found invalid Unicode character escape code": "unknown-escape",
    "did not find expected hexdecimal number": "unknown-escape",
    "did not find expected ',' or ']'": "unclosed-list",
    "did not find expected ',' or '}'": "unclosed-mapping",
    "block sequence entries are not allowed in this context": "list-not-allowed",
    "found a tab character that violates indentation": "tab",
    "found a tab character where an indentation space is expected": "tab",
    "found undefined tag handle": "tag",
    "found unexpected ':'": "unexpected-colon",
    "did not find expected comment or line break": "expected-line-break",
    "found unexpected document indicator": "document-marker",
    "did not find expected <document start>": "document-marker",
    "expected a single document in the stream": "document-marker",
}
SYNTAX_KEYS = frozenset(_SYNTAX.values()) | {"other"}


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def read_bytes(path: Path) -> bytes | Problem:
    try:
        if path.is_dir():
            return _problem(path, 0, 0, Message.of("read.not-a-file"), "not-a-file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return _problem(
                path,
                0,
                0,
                Message.of("read.file-too-large", size=size, limit=MAX_FILE_BYTES),
                "file-too-large",
            )
        return path.read_bytes()
    except FileNotFoundError:
        return _problem(path, 0, 0, Message.of("read.file-missing"), "file-missing")
    except PermissionError:
        return _problem(path, 0, 0, Message.of("read.permission-denied"), "unreadable")
    except OSError as exc:
        error = errno.errorcode.get(exc.errno or 0, "?")
        return _problem(path, 0, 0, Message.of("read.unreadable", error=error), "unreadable")


def decode(path: Path, raw: bytes) -> str | Problem:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return _problem(
            path,
            line,
            column,
            Message.of("read.encoding", byte=f"0x{raw[exc.start]:02x}"),
            "encoding",
        )
    return text.removeprefix("\ufeff")


def _tab_problems(path: Path, text: str) -> list[Problem]:
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            found.append(
                _problem(
                    path,
                    number,
                    line.index("\t") + 1,
                    Message.of("read.tab"),
                    "tab",
                )
            )
    return found


def _anchor_problems(path: Path, text: str) -> list[Problem]:
    # Only files containing '&' or '*' are scanned; the check never constructs the document.
    if "&" not in text and "*" not in text:
        return []
    found = []
    try:
        for token in yaml.scan(text, Loader=_BaseLoader):
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                mark = token.start_mark
                key = "read.anchor" if isinstance(token, yaml.AnchorToken) else "read.alias"
                found.append(
                    _problem(
                        path,
                        mark.line + 1,
                        mark.column + 1,
                        Message.of(key, name=token.value),
                        "anchor",
                    )
                )
    except yaml.YAMLError:
        return []  # the syntax error itself is reported by the parse
    return found


def _yaml_error(path: Path, text: str, exc: yaml.YAMLError) -> Problem:
    mark = getattr(exc, "problem_mark", None)
    problem = str(getattr(exc, "problem", None) or exc)
    if isinstance(exc, yaml.reader.ReaderError):
        line, column = _line_col(text, exc.position)
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return _problem(
            path,
            line,
            column,
            Message.of("read.control-character", char=f"U+{char:04X}"),
            "yaml-syntax",
        )
    if "expected a single document" in str(exc):
        line = mark.line + 1 if mark else 0
        return _problem(
            path,
            line,
            mark.column + 1 if mark else 0,
            Message.of("read.multiple-documents"),
            "multiple-documents",
        )
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    key = next((k for text, k in _SYNTAX.items() if problem.startswith(text)), "other")
    return _problem(path, line, column, Message.of(f"read.syntax.{key}"), "yaml-syntax")


def parse(path: Path, text: str) -> LoadedFile:
    """Parse already-decoded text; used by `load_file` and by writers checking new content."""
    early = _tab_problems(path, text) + _anchor_problems(path, text)
    if early:
        return LoadedFile(path, text, None, tuple(early))
    loader = _ReviewerLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        return LoadedFile(path, text, None, (_yaml_error(path, text, exc),))
    finally:
        loader.dispose()
    problems = [_problem(path, line, col, msg, code) for line, col, msg, code in loader.found]
    if data is None:
        problems.append(_problem(path, 0, 0, Message.of("read.empty"), "empty"))
        return LoadedFile(path, text, None, tuple(problems))
    if not isinstance(data, dict):
        key = "read.holds-a-list" if isinstance(data, list) else "read.holds-a-value"
        problems.append(_problem(path, 1, 1, Message.of(key), "not-a-mapping"))
        return LoadedFile(path, text, None, tuple(problems))
    return LoadedFile(path, text, data, tuple(problems))


def load_file(path: Path) -> LoadedFile:
    raw = read_bytes(path)
    if isinstance(raw, Problem):
        return LoadedFile(path, None, None, (raw,))
    text = decode(path, raw)
    if isinstance(text, Problem):
        return LoadedFile(path, None, None, (text,))
    return parse(path, text)


def compose(text: str) -> yaml.Node | None:
    """The node tree of already-checked text, for turning JSON paths into lines.

    Composing costs more than loading data, so it runs only for files that have problems.
    """
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=_ReviewerLoader)
    except yaml.YAMLError:
        return None
    return node


def locate(root: yaml.Node | None, path: JsonPath, at_key: bool = False) -> tuple[int, int]:
    """Line and column (1-based) of the node at `path`, or of its deepest existing ancestor."""
    if root is None:
        return 1, 1
    node, mark = root, root.start_mark
    for depth, part in enumerate(path, start=1):
        child: yaml.Node | None = None
        key_node: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == part:
                    key_node, child = k, v  # the last one wins, as when loading
        elif (
            isinstance(node, yaml.SequenceNode)
            and isinstance(part, int)
            and 0 <= part < len(node.value)
        ):
            child = node.value[part]
        if child is None:
            break
        last = depth == len(path)
        mark = key_node.start_mark if at_key and last and key_node else child.start_mark
        node = child
    return mark.line + 1, mark.column + 1
