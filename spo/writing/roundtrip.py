"""Add an entry to a hand-edited YAML file and keep every other byte exactly as it was.

A round-trip YAML library (ruamel.yaml) keeps comments, but it still re-emits the whole document
from its model: it can re-indent sequences, re-quote or re-wrap scalars, change flow collections
and line endings. A reviewer's file would then change in lines nobody touched. So the file is never
re-emitted here. PyYAML's node tree (the same one that gives `spo validate` its line numbers) says
where a sequence's last entry ends and how its entries are written: the column of the `-`, the key
order, flow or block style, the quotes around dates. The new entry is rendered in that layout
(`spo.writing.entries`) and its lines are spliced between the original lines, with the file's own
line ending. Only the lines of the new entry are new; the others are the original text, byte for
byte.

Lines are split where YAML sees line breaks (CRLF, LF, CR, and NEL/LS/PS, which YAML 1.1 and PyYAML
count as breaks), so the node marks and this module always agree on line numbers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from spo.files.loader import compose
from spo.rules.message import Message
from spo.rules.problems import JsonPath
from spo.writing import entries, render
from spo.writing.entries import Layout, MapLayout

_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_BLOCK_SCALAR = ("|", ">")


class LayoutError(ValueError):
    """The file is written in a way this module cannot add to without rewriting other lines.

    `reason` names the obstacle (`layout.<reason>` in the catalogue); `key` the key concerned.
    """

    def __init__(self, reason: str, key: str = "") -> None:
        super().__init__(reason)
        self.message = Message.of(f"layout.{reason}", key=key)


@dataclass(frozen=True)
class Line:
    body: str
    ending: str  # "" only for a last line that has no line break


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    start = 0
    for match in _LINE_BREAK.finditer(text):
        lines.append(Line(text[start : match.start()], match.group()))
        start = match.end()
    if start < len(text):
        lines.append(Line(text[start:], ""))
    return lines


@dataclass(frozen=True)
class Edit:
    """The new text, and the lines that are new or changed (1-based number, text)."""

    text: str
    lines: tuple[tuple[int, str], ...]


def _is_empty(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.value == "" and not node.style


def _is_null(node: yaml.Node) -> bool:
    return (
        isinstance(node, yaml.ScalarNode)
        and not node.style
        and node.value in ("", "~", "null", "Null", "NULL")
    )


def _is_flow(node: yaml.Node) -> bool:
    return isinstance(node, yaml.CollectionNode) and bool(node.flow_style)


class YamlText:
    """One file's text with its node tree, ready to receive new sequence entries."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = split_lines(text)
        root = compose(text)
        if not isinstance(root, yaml.MappingNode):
            raise LayoutError("not-a-mapping")
        if _is_flow(root):
            raise LayoutError("flow-record")
        self.root = root
        endings = [line.ending for line in self.lines if line.ending]
        self.eol = endings[0] if endings else "\n"
        self.quote = self._house_quote()

    # --- finding nodes and where they end ---------------------------------------------------

    def node(self, path: JsonPath) -> yaml.Node | None:
        node: yaml.Node | None = self.root
        for part in path:
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                pair = _pair(node, part)
                node = pair[1] if pair else None
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                node = node.value[part] if 0 <= part < len(node.value) else None
            else:
                return None
        return node

    def _last_line(self, node: yaml.Node) -> int:
        """The last line holding any of the node's own text (0-based)."""
        if isinstance(node, yaml.ScalarNode):
            if node.style in _BLOCK_SCALAR:
                return self._block_scalar_end(node)
            return int(node.end_mark.line)
        if _is_flow(node) or not node.value:
            return int(node.end_mark.line)
        if isinstance(node, yaml.MappingNode):
            key, value = node.value[-1]
            return self._last_line(key if _is_empty(value) else value)
        return self._last_line(node.value[-1])

    def _block_scalar_end(self, node: yaml.ScalarNode) -> int:
        # A block scalar's end mark lies after the line breaks that follow it, at the start of
        # the next line (or after that line's indentation).
        end = node.end_mark
        last = min(int(end.line), len(self.lines))
        if last == len(self.lines) or not self.lines[last].body[: end.column].strip():
            last -= 1
        start = node.start_mark
        header = self.lines[start.line].body[start.column + 1 :].split("#")[0]
        if "+" not in header:  # only "keep" chomping makes trailing blank lines part of it
            while last > start.line and not self.lines[last].body.strip():
                last -= 1
        return last

    def _with_comments(self, last: int, deeper_than: int) -> int:
        """Extend an entry over the comment lines right after it that are indented into it."""
        while last + 1 < len(self.lines):
            body = self.lines[last + 1].body
            text = body.lstrip(" ")
            if not text.startswith("#") or len(body) - len(text) <= deeper_than:
                break
            last += 1
        return last

    # --- layout -------------------------------------------------------------------------------

    def _house_quote(self) -> str:
        """The quote reviewers used for dates in this file (double quotes if none)."""
        for node in _walk(self.root):
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if (
                        isinstance(key, yaml.ScalarNode)
                        and key.value in render.DATE_KEYS
                        and isinstance(value, yaml.ScalarNode)
                        and value.style in ('"', "'")
                    ):
                        return str(value.style)
        return '"'

    def _house_offset(self) -> tuple[int, int]:
        """How far this file indents a block sequence under its key, and the gap after '-'."""
        for key, value in self.root.value:
            if isinstance(value, yaml.SequenceNode) and not _is_flow(value) and value.value:
                first = value.value[0]
                offset = int(value.start_mark.column) - int(key.start_mark.column)
                gap = int(first.start_mark.column) - int(value.start_mark.column) - 1
                if first.start_mark.line != value.start_mark.line or gap < 1:
                    gap = 1
                return max(offset, 0), gap
        return 2, 1

    def default_layout(self, key_column: int) -> Layout:
        offset, gap = self._house_offset()
        return Layout(dash=key_column + offset, gap=gap, quote=self.quote)

    def layout_of(self, sequence: yaml.SequenceNode, key_column: int) -> Layout:
        """The layout of a sequence's entries, read from its last entry."""
        if not sequence.value:
            return self.default_layout(key_column)
        entry = sequence.value[-1]
        dash, gap = int(sequence.start_mark.column), 1
        if _is_flow(sequence):
            dash = self.default_layout(key_column).dash
        else:
            body, column = self.lines[entry.start_mark.line].body, int(entry.start_mark.column)
            if body[dash : dash + 1] == "-" and not body[dash + 1 : column].strip():
                gap = max(column - dash - 1, 1)
        key_order: tuple[str, ...] = ()
        nested: dict[str, Layout] = {}
        padding = False
        if isinstance(entry, yaml.MappingNode):
            key_order = tuple(str(k.value) for k, _ in entry.value)
            entry_key_column = dash + 1 + gap
            for key, value in entry.value:
                if isinstance(value, yaml.SequenceNode):
                    nested[str(key.value)] = self.layout_of(value, entry_key_column)
            if entry.flow_style:
                body = self.lines[entry.start_mark.line].body
                padding = body[entry.start_mark.column + 1 : entry.start_mark.column + 2] == " "
        return Layout(
            dash=dash,
            gap=gap,
            flow_entries=_is_flow(entry),
            flow_padding=padding,
            flow_sequence=_is_flow(sequence),
            quote=self.quote,
            key_order=key_order,
            nested=nested,
            mappings=_mapping_layouts(sequence),
        )

    # --- splicing -----------------------------------------------------------------------------

    def _insert_after(
        self, index: int, new: list[str], changed: tuple[int, str] | None = None
    ) -> Edit:
        """Put `new` lines after line `index` (0-based; -1 for the top); `changed` replaces
        the body of one line (e.g. `transfers: []` becoming `transfers:`)."""
        lines = list(self.lines)
        if changed is not None:
            number, body = changed
            lines[number] = Line(body, lines[number].ending)
        before = lines[: index + 1]
        eol = (before[-1].ending if before else "") or self.eol
        head = "".join(line.body + line.ending for line in before)
        tail = "".join(line.body + line.ending for line in lines[index + 1 :])
        if not new:
            block = ""
        elif before and not before[-1].ending:
            block = eol + eol.join(new)  # the file had no final line break: still none after
        else:
            block = "".join(text + eol for text in new)
        shown = [(index + 2 + i, text) for i, text in enumerate(new)]
        if changed is not None:
            shown.insert(0, (changed[0] + 1, changed[1]))
        return Edit(head + block + tail, tuple(shown))

    def _insert_in_line(self, line: int, column: int, piece: str) -> Edit:
        body = self.lines[line].body
        new_body = body[:column] + piece + body[column:]
        return self._insert_after(line, [], changed=(line, new_body))

    def _entry_end(self, sequence: yaml.SequenceNode, index: int) -> int:
        last = self._last_line(sequence.value[index])
        return self._with_comments(last, int(sequence.start_mark.column))

    def add_entry(
        self,
        path: JsonPath,
        entry: Mapping[str, Any],
        index: int | None = None,
        key_order: Sequence[str] = (),
    ) -> Edit:
        """Insert `entry` into the sequence at `path` (at `index`; default: at the end).

        A missing sequence is created under its mapping: at the top level after the last key
        that comes before it in `key_order`, so `transfers:` lands where the schema lists it.
        """
        *parent_path, key = path
        if not isinstance(key, str):
            raise TypeError("the path must end with a key")
        parent = self.node(tuple(parent_path))
        if not isinstance(parent, yaml.MappingNode):
            raise LayoutError("not-in-mapping", key)
        pair = _pair(parent, key)
        if pair is None and not _is_flow(parent):
            return self._add_key(parent, key, entry, key_order)
        value = pair[1] if pair else None
        in_flow_list = isinstance(value, yaml.SequenceNode) and _is_flow(value) and value.value
        if pair is None or (_is_flow(parent) and not in_flow_list):
            # Only an item of a flow list can be added inside a flow mapping without
            # rewriting the mapping.
            raise LayoutError("in-flow-value", key)
        key_node, value = pair
        key_column = int(key_node.start_mark.column)
        if isinstance(value, yaml.SequenceNode) and value.value:
            layout = self.layout_of(value, key_column)
            if _is_flow(value):
                return self._add_to_flow(value, entry, layout, index)
            return self._add_to_block(value, entry, layout, index)
        if _is_null(value) or (isinstance(value, yaml.SequenceNode) and _is_flow(value)):
            # `transfers:`, `transfers: ~` or `transfers: []`: the entries go below the key.
            line = int(key_node.start_mark.line)
            if value.start_mark.line != line:
                raise LayoutError("value-not-on-key-line", key)
            body = self.lines[line].body
            start, end = int(value.start_mark.column), int(value.end_mark.column)
            rest = body[end:]  # a comment after the value keeps its spacing
            new_body = body[:start].rstrip() + (rest if rest.strip() else "")
            layout = self.default_layout(key_column)
            changed = (line, new_body) if new_body != body else None
            return self._insert_after(
                line, entries.render(entry, layout, self.default_layout), changed
            )
        raise LayoutError("not-a-list", key)

    def _add_to_block(
        self,
        sequence: yaml.SequenceNode,
        entry: Mapping[str, Any],
        layout: Layout,
        index: int | None,
    ) -> Edit:
        count = len(sequence.value)
        index = count if index is None else index
        new = entries.render(entry, layout, self.default_layout)
        if index == 0:
            first = sequence.value[0]
            line = int(first.start_mark.line)
            if self.lines[line].body[layout.dash : layout.dash + 1] != "-":
                raise LayoutError("entry-not-on-dash-line")
            return self._insert_after(line - 1, new)
        return self._insert_after(self._entry_end(sequence, index - 1), new)

    def _add_to_flow(
        self,
        sequence: yaml.SequenceNode,
        entry: Mapping[str, Any],
        layout: Layout,
        index: int | None,
    ) -> Edit:
        items = sequence.value
        index = len(items) if index is None else index
        text = entries.flow(entry, layout)
        if index >= len(items):
            end = items[-1].end_mark
            return self._insert_in_line(int(end.line), int(end.column), f", {text}")
        start = items[index].start_mark
        return self._insert_in_line(int(start.line), int(start.column), f"{text}, ")

    def _add_key(
        self, parent: yaml.MappingNode, key: str, entry: Mapping[str, Any], key_order: Sequence[str]
    ) -> Edit:
        if parent is not self.root:
            raise LayoutError("missing-key", key)
        earlier = set(key_order[: key_order.index(key)]) if key in key_order else set()
        after = [
            (k, v) for k, v in parent.value if isinstance(k, yaml.ScalarNode) and k.value in earlier
        ]
        if not after:
            after = list(parent.value)
        k, v = max(after, key=lambda pair: pair[0].start_mark.line)
        last = self._last_line(k if _is_empty(v) else v)
        last = self._with_comments(last, 0)
        layout = self.default_layout(0)
        new = [f"{key}:"] + entries.render(entry, layout, self.default_layout)
        following = self.lines[last + 1].body if last + 1 < len(self.lines) else None
        if following is not None and not following.strip():
            new.insert(0, "")  # the file separates its top-level keys with blank lines
        return self._insert_after(last, new)


def _pair(node: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    found = None
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            found = (k, v)  # the last one wins, as when loading
    return found


def _mapping_layouts(sequence: yaml.SequenceNode) -> dict[str, MapLayout]:
    """How the entries write a mapping under each key (a `source:`), from the last that has one."""
    found: dict[str, MapLayout] = {}
    for entry in reversed(sequence.value):
        for key, value in entry.value if isinstance(entry, yaml.MappingNode) else ():
            if (
                str(key.value) in found
                or not isinstance(value, yaml.MappingNode)
                or not value.value
            ):
                continue
            indent = int(value.value[0][0].start_mark.column) - int(key.start_mark.column)
            order = tuple(str(k.value) for k, _ in value.value)
            found[str(key.value)] = MapLayout(max(indent, 1), order, _is_flow(value))
    return found


def _walk(node: yaml.Node) -> list[yaml.Node]:
    out = [node]
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            out += _walk(k) + _walk(v)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            out += _walk(item)
    return out
