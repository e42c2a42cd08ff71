"""Read a registry YAML file the way a reviewer means it, whatever the file holds.

Every reading problem is a `Problem` with a line and column, never an exception: a special file
or a symbolic link out of the registry is reported without being opened for reading; size and
nesting depth are bounded before any recursive parser sees the text (`spo.files.prescan`); values
resolve by the YAML 1.2 core schema (`spo.files.core_yaml`); positions are counted as editors count
them (`spo.rules.positions`). libyaml's C parser is used when PyYAML was built with it.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from spo.files.core_yaml import ReviewerLoader, load_data
from spo.files.fast_path import fast_data
from spo.files.libyaml_gaps import gap_problems
from spo.files.prescan import structure_problems, tab_problems
from spo.rules.message import Message
from spo.rules.positions import Positions
from spo.rules.problems import JsonPath, Problem

MAX_FILE_BYTES = 1024 * 1024


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


def size_problem(path: Path, size: int) -> Problem | None:
    """A file of `size` bytes is too large to be a record: the one limit that reading and every
    write (`spo.checks.validation.check_bytes`) apply."""
    if size <= MAX_FILE_BYTES:
        return None
    message = Message.of("read.file-too-large", size=size, limit=MAX_FILE_BYTES)
    return _problem(path, 0, 0, message, "file-too-large")


def read_bytes(path: Path, within: Path | None = None) -> bytes | Problem:
    """The file's bytes, or the problem that keeps it from being read.

    Only a regular file is ever opened: a device (`/dev/zero` never ends, and its size says 0), a
    FIFO (opening it blocks) or a socket is reported from its `stat`. A symbolic link is followed
    only to a file inside `within` (the registry; the file's own folder when not given). The read
    itself is bounded, so a file that grows after its `stat` cannot exhaust memory either.
    """

    def fail(key: str, code: str, **params: Any) -> Problem:
        return _problem(path, 0, 0, Message.of(key, **params), code)

    try:
        target = path
        info = os.lstat(path)  # one call tells a link, and for anything else all the rest
        if stat.S_ISLNK(info.st_mode):
            target = path.resolve(strict=True)
            if not target.is_relative_to((within or path.parent).resolve()):
                return fail("read.link-outside", "link-outside", target=target.as_posix())
            info = os.stat(target)
        if stat.S_ISDIR(info.st_mode):
            return fail("read.not-a-file", "not-a-file")
        if not stat.S_ISREG(info.st_mode):
            return fail("read.special-file", "special-file")
        too_large = size_problem(path, info.st_size)
        if too_large is not None:
            return too_large
        return _read_regular(path, target, fail)
    except FileNotFoundError:
        return fail("read.file-missing", "file-missing")
    except PermissionError:
        return fail("read.permission-denied", "unreadable")
    except RuntimeError:  # a symbolic link loop, before Python 3.13
        return fail("read.unreadable", "unreadable", error="ELOOP")
    except OSError as exc:
        return fail("read.unreadable", "unreadable", error=errno.errorcode.get(exc.errno or 0, "?"))


def _read_regular(path: Path, target: Path, fail: Any) -> bytes | Problem:
    # O_NONBLOCK: should the file have been swapped for a FIFO since its stat, opening it
    # returns at once, and the fstat below refuses it.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(target, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            problem: Problem = fail("read.special-file", "special-file")
            return problem
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 16):
            size += len(chunk)
            too_large = size_problem(path, size)
            if too_large is not None:
                return too_large
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def decode(path: Path, raw: bytes) -> str | Problem:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8", errors="replace")
        line, column = Positions(before + "?").at(len(before))
        message = Message.of("read.encoding", byte=f"0x{raw[exc.start]:02x}")
        return _problem(path, line, column, message, "encoding")
    return text.removeprefix("\ufeff")


def _yaml_error(path: Path, positions: Positions, exc: yaml.YAMLError) -> Problem:
    mark = getattr(exc, "problem_mark", None)
    problem = str(getattr(exc, "problem", None) or exc)
    if isinstance(exc, yaml.reader.ReaderError):
        # libyaml reports a byte offset into the UTF-8 text; the pure-Python reader an index.
        at = positions.at_byte if _C_LOADER else positions.at
        line, column = at(exc.position)
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = Message.of("read.control-character", char=f"U+{char:04X}")
        return _problem(path, line, column, message, "yaml-syntax")
    line, column = positions.at(int(mark.index)) if mark else (0, 0)
    if "expected a single document" in str(exc):
        return _problem(
            path, line, column, Message.of("read.multiple-documents"), "multiple-documents"
        )
    key = next((k for text, k in _SYNTAX.items() if problem.startswith(text)), "other")
    return _problem(path, line, column, Message.of(f"read.syntax.{key}"), "yaml-syntax")


_C_LOADER = hasattr(yaml, "CSafeLoader")


def parse(path: Path, text: str) -> LoadedFile:
    """Parse already-decoded text; used by `load_file` and by writers checking new content.

    yaml-rs reads it when it can read it exactly as `parse_exact` would, with no problem
    (`spo.files.fast_path`); otherwise `parse_exact` does.
    """
    data = fast_data(text)
    if data is not None:
        return LoadedFile(path, text, data, ())
    return parse_exact(path, text)


def parse_exact(path: Path, text: str) -> LoadedFile:
    """spo's own reading of already-decoded text: every problem at its line and column."""
    early = tab_problems(text) + structure_problems(text)
    early = early or gap_problems(text)
    if early:
        positions = Positions(text)
        found = tuple(_problem(path, *positions.at(i), m, code) for i, m, code in early)
        return LoadedFile(path, text, None, found)
    loader = ReviewerLoader(text)
    try:
        data = load_data(loader)
    except yaml.YAMLError as exc:
        return LoadedFile(path, text, None, (_yaml_error(path, Positions(text), exc),))
    finally:
        loader.dispose()
    problems = []
    if loader.found:  # lines are counted only for a file that has something to say
        positions = Positions(text)
        for index, key, params, code in loader.found:
            if "first_index" in params:
                first_line = positions.at(params["first_index"])[0]
                params = {k: v for k, v in params.items() if k != "first_index"}
                params["first_line"] = first_line
            message = Message.of(key, **params)
            problems.append(_problem(path, *positions.at(index), message, code))
    if data is None:
        problems.append(_problem(path, 0, 0, Message.of("read.empty"), "empty"))
        return LoadedFile(path, text, None, tuple(problems))
    if not isinstance(data, dict):
        key = "read.holds-a-list" if isinstance(data, list) else "read.holds-a-value"
        problems.append(_problem(path, 1, 1, Message.of(key), "not-a-mapping"))
        return LoadedFile(path, text, None, tuple(problems))
    return LoadedFile(path, text, data, tuple(problems))


def load_file(path: Path, within: Path | None = None) -> LoadedFile:
    """Read and parse one file; `within` is the folder a symbolic link may point into."""
    raw = read_bytes(path, within)
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
        node: yaml.Node | None = yaml.compose(text, Loader=ReviewerLoader)
    except yaml.YAMLError:
        return None
    return node


class Locator:
    """Turns JSON paths of one file into lines and columns.

    Each mapping's keys are indexed once, the first time a path goes through it, so that 16,000
    unknown keys in one mapping cost linear time rather than a scan of the mapping each.
    """

    def __init__(self, text: str | None) -> None:
        self.root = compose(text) if text is not None else None
        self.positions = Positions(text or "")
        self._keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = {}

    def _entries(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        entries = self._keys.get(id(node))
        if entries is None:
            # the last of duplicate keys wins, as when loading
            entries = {k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}
            self._keys[id(node)] = entries
        return entries

    def locate(self, path: JsonPath, at_key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the node at `path`, or of its deepest existing ancestor."""
        node = self.root
        if node is None:
            return 1, 1
        mark = node.start_mark
        for depth, part in enumerate(path, start=1):
            key_node: yaml.Node | None = None
            child: yaml.Node | None = None
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                key_node, child = self._entries(node).get(part, (None, None))
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                child = node.value[part] if 0 <= part < len(node.value) else None
            if child is None:
                break
            last = depth == len(path)
            mark = key_node.start_mark if at_key and last and key_node else child.start_mark
            node = child
        return self.positions.at(int(mark.index))
