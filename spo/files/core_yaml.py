"""A YAML loader for what a reviewer means: the YAML 1.2 core schema, nothing more.

PyYAML follows YAML 1.1, where `2025-03-21` becomes a date, `no` and `on` become booleans and
`06100` an octal number. A reviewer who writes those means text, so plain scalars resolve by the
YAML 1.2 core rules instead: only true/false, null, decimal integers without a leading zero and
decimal floats are typed; everything else stays a string.

Explicit tags are limited to the core schema too (`!!str`, `!!int`, `!!float`, `!!bool`,
`!!null`, `!!seq`, `!!map`). Any other tag (`!!set`, `!!timestamp`, `!!python/...`, `!local`),
a tagged value that is not of its tag (`!!int abc`), or a number too long to be converted is a
reading problem at its place, never an exception: the value is kept as the text written (or the
list or mapping), so that the rest of the file is still checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_CORE = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL, SEQ, MAP = (
    f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")
)

# Implicit resolution (untagged plain scalars): what spo has always typed.
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(
    r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9]+[eE][-+]?[0-9]+$"
)
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")

# Explicitly tagged scalars: the whole YAML 1.2 core schema.
_CORE_INT = re.compile(r"^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$")
_CORE_FLOAT = re.compile(
    r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"
    r"|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$"
)

# Python refuses to turn a longer decimal string into an int (and an int into a string), so a
# longer number would stop the whole run wherever it is converted.
MAX_DIGITS = 4300
_TOO_BIG = 10**MAX_DIGITS
_SHOWN = 40  # characters of a bad value repeated in a message


def tag_name(tag: str) -> str:
    """A tag as a reviewer writes it: `!!int` for the core schema's, the tag itself otherwise."""
    return "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag


def shown(value: str) -> str:
    return value if len(value) <= _SHOWN else value[: _SHOWN - 1] + "…"


class ReviewerLoader(_BaseLoader):  # type: ignore[misc]
    """A safe loader with YAML 1.2 core resolution, core tags only, and duplicate-key detection.

    `found` collects reading problems as (character index, message key, parameters, code); the
    parameter `first_index` (of a duplicate key's first occurrence) becomes a line when read.
    """

    yaml_implicit_resolvers: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {}
    yaml_constructors: dict[str | None, Any] = {}
    yaml_multi_constructors: dict[str | None, Any] = {}

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.found: list[tuple[int, str, dict[str, Any], str]] = []

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        """`BaseResolver.resolve` for a loader with no path resolvers and no wildcard resolvers,
        as this one: the same tags in a third of the time (libyaml asks for every node)."""
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, pattern in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if pattern.match(value):
                        return str(tag)
            return STR
        return SEQ if kind is yaml.SequenceNode else MAP

    def _note(self, node: yaml.Node, name: str, code: str, /, **params: Any) -> None:
        self.found.append((int(node.start_mark.index), f"read.{name}", params, code))

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        first_seen: dict[str, yaml.Node] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != STR:
                self._note(key_node, "key-not-text", "key-not-text", key=shown(str(key_node.value)))
                key_node.tag = STR
                if not isinstance(key_node, yaml.ScalarNode):
                    continue
            key = key_node.value
            if key in first_seen:
                first = int(first_seen[key].start_mark.index)
                self._note(
                    key_node, "duplicate-key", "duplicate-key", key=shown(key), first_index=first
                )
            else:
                first_seen[key] = key_node
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping

    # ------------------------------------------------------------ one method per core tag

    def _scalar(self, node: yaml.Node) -> str | None:
        """The text of a scalar node; a list or mapping under a scalar tag is a problem."""
        if isinstance(node, yaml.ScalarNode):
            return str(node.value)
        self._note(node, "tag-mismatch", "tag", tag=tag_name(node.tag))
        return None

    def _bad(self, node: yaml.Node, value: str) -> str:
        self._note(node, "tag-bad-value", "tag", tag=tag_name(node.tag), value=shown(value))
        return value

    def construct_core_str(self, node: yaml.Node) -> Any:
        text = self._scalar(node)
        return text if text is not None else self.construct_undefined_shape(node)

    def construct_core_int(self, node: yaml.Node) -> Any:
        text = self._scalar(node)
        if text is None:
            return self.construct_undefined_shape(node)
        if not _CORE_INT.match(text):
            return self._bad(node, text)
        digits = text.lstrip("+-")
        if len(digits) > MAX_DIGITS:
            return self._too_long(node, text, len(digits))
        sign = -1 if text.startswith("-") else 1
        base = {"0o": 8, "0x": 16}.get(digits[:2], 10)
        number = sign * int(digits[2:] if base != 10 else digits, base)
        if abs(number) >= _TOO_BIG:
            return self._too_long(node, text, len(digits))
        return number

    def _too_long(self, node: yaml.Node, text: str, digits: int) -> str:
        self._note(node, "number-too-long", "number-too-long", digits=digits, limit=MAX_DIGITS)
        return shown(text)

    def construct_core_float(self, node: yaml.Node) -> Any:
        text = self._scalar(node)
        if text is None:
            return self.construct_undefined_shape(node)
        if not _CORE_FLOAT.match(text):
            return self._bad(node, text)
        if len(text) > MAX_DIGITS:
            return self._too_long(node, text, len(text))
        lowered = text.lower()
        if lowered.endswith(".inf"):
            return float("-inf") if lowered.startswith("-") else float("inf")
        if lowered == ".nan":
            return float("nan")
        return float(text)

    def construct_core_bool(self, node: yaml.Node) -> Any:
        text = self._scalar(node)
        if text is None:
            return self.construct_undefined_shape(node)
        if not _BOOL.match(text):
            return self._bad(node, text)
        return text.lower() == "true"

    def construct_core_null(self, node: yaml.Node) -> Any:
        text = self._scalar(node)
        if text is None:
            return self.construct_undefined_shape(node)
        return None if _NULL.match(text) else self._bad(node, text)

    def construct_core_seq(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            self._note(node, "tag-mismatch", "tag", tag=tag_name(node.tag))
        return self.construct_undefined_shape(node)

    def construct_core_map(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.MappingNode):
            self._note(node, "tag-mismatch", "tag", tag=tag_name(node.tag))
        return self.construct_undefined_shape(node)

    def construct_not_core(self, node: yaml.Node) -> Any:
        self._note(node, "tag-not-allowed", "tag", tag=shown(tag_name(node.tag)))
        return self.construct_undefined_shape(node)

    def construct_undefined_shape(self, node: yaml.Node) -> Any:
        """The node as plain data by its shape alone: text, a list or a mapping."""
        if isinstance(node, yaml.SequenceNode):
            return self._sequence(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node)
        return str(node.value)

    def _sequence(self, node: yaml.SequenceNode) -> Iterator[list[Any]]:
        data: list[Any] = []
        yield data
        data.extend(self.construct_sequence(node))

    def _mapping(self, node: yaml.MappingNode) -> Iterator[dict[Any, Any]]:
        data: dict[Any, Any] = {}
        yield data
        data.update(self.construct_mapping(node))


for _tag, _method in (
    (STR, ReviewerLoader.construct_core_str),
    (INT, ReviewerLoader.construct_core_int),
    (FLOAT, ReviewerLoader.construct_core_float),
    (BOOL, ReviewerLoader.construct_core_bool),
    (NULL, ReviewerLoader.construct_core_null),
    (SEQ, ReviewerLoader.construct_core_seq),
    (MAP, ReviewerLoader.construct_core_map),
    (None, ReviewerLoader.construct_not_core),
):
    ReviewerLoader.yaml_constructors[_tag] = _method


def _resolver(tag: str, pattern: re.Pattern[str], first: str) -> None:
    ReviewerLoader.add_implicit_resolver(tag, pattern, list(first))


_resolver(BOOL, _BOOL, "tTfF")
_resolver(INT, _INT, "-+0123456789")
_resolver(FLOAT, _FLOAT, "-+0123456789.")
_resolver(NULL, _NULL, "~nN")
ReviewerLoader.add_implicit_resolver(NULL, _NULL, [""])


def implicit_tag(value: str) -> str:
    """The tag spo gives an untagged plain scalar: `ReviewerLoader.resolve`, without a loader."""
    for tag, pattern in ReviewerLoader.yaml_implicit_resolvers.get(value[:1], ()):
        if pattern.match(value):
            return str(tag)
    return STR


class _Unusual(Exception):
    """Raised by `plain_data` at anything that `ReviewerLoader` would say something about."""


def _plain(node: yaml.Node) -> Any:
    cls = type(node)
    tag = node.tag
    if cls is yaml.ScalarNode:
        text: str = node.value
        if tag == STR:
            return text
        if tag == INT and _CORE_INT.match(text):
            digits = text.lstrip("+-")
            if len(digits) <= MAX_DIGITS:
                sign = -1 if text.startswith("-") else 1
                base = {"0o": 8, "0x": 16}.get(digits[:2], 10)
                number = sign * int(digits[2:] if base != 10 else digits, base)
                if abs(number) < _TOO_BIG:
                    return number
        elif tag == BOOL and _BOOL.match(text):
            return text.lower() == "true"
        elif tag == NULL and _NULL.match(text):
            return None
        raise _Unusual
    if cls is yaml.MappingNode and tag == MAP:
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode or key_node.tag != STR:
                raise _Unusual
            key = key_node.value
            if key in mapping:
                raise _Unusual
            mapping[key] = _plain(value_node)
        return mapping
    if cls is yaml.SequenceNode and tag == SEQ:
        return [_plain(item) for item in node.value]
    raise _Unusual


def load_data(loader: ReviewerLoader) -> Any:
    """The loader's single document, as `get_single_data` would construct it.

    Most files hold only text, whole numbers, booleans and nulls, with text keys each written
    once: those are turned into data here in one plain walk over the nodes. Anything else (a
    float, a tag, a duplicate key, a number too long) goes through the loader's constructors,
    which say what is wrong and where.
    """
    node = loader.get_single_node()
    if node is None:
        return None
    try:
        return _plain(node)
    except _Unusual:
        return loader.construct_document(node)
