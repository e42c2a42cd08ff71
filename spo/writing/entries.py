"""A new sequence entry written in the layout of its neighbours.

`Layout` says how the entries of one sequence are written (the column of the '-', the gap after
it, flow or block style, the quotes around dates, the key order, the layout of nested lists);
`spo.writing.roundtrip` reads it from the file, and `render` writes an entry in it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from spo.writing import render as scalars


@dataclass(frozen=True)
class MapLayout:
    """How the entries of one sequence write a mapping under one of their keys (a `source:`)."""

    indent: int = 2  # its keys' column, past the column of the key it is under
    key_order: tuple[str, ...] = ()
    flow: bool = False  # `source: {title: ..., date: ...}`


@dataclass(frozen=True)
class Layout:
    """How the entries of one sequence are written."""

    dash: int = 2  # column of the '-'
    gap: int = 1  # spaces between the '-' and the entry
    flow_entries: bool = False  # `- {stage: inquiry, date: "2025-01-15"}`
    flow_padding: bool = False  # `{ stage: inquiry }`
    flow_sequence: bool = False  # `history: [...]`
    quote: str = '"'
    key_order: tuple[str, ...] = ()
    nested: Mapping[str, Layout] = field(default_factory=dict)
    mappings: Mapping[str, MapLayout] = field(default_factory=dict)

    @property
    def key_column(self) -> int:
        return self.dash + 1 + self.gap


# The layout for a list nobody has written yet, from the column of its key.
DefaultLayout = Callable[[int], Layout]


def ordered(entry: Mapping[str, Any], order: Sequence[str]) -> list[tuple[str, Any]]:
    """The entry's keys in the neighbour's order; a key the neighbour lacks goes after the key it
    follows in the entry (`note` after `date`, as the schema lists them)."""
    own = list(entry)
    keys = [k for k in order if k in entry]
    for key in own:
        if key not in keys:
            placed = [k for k in own[: own.index(key)] if k in keys]
            keys.insert(keys.index(placed[-1]) + 1 if placed else 0, key)
    return [(k, entry[k]) for k in keys]


def flow(value: Any, layout: Layout) -> str:
    """A value in flow style, mappings in the neighbour's key order."""
    if isinstance(value, Mapping):
        value = dict(ordered(value, layout.key_order))
    return scalars.flow(value, layout.quote, layout.flow_padding)


def render(entry: Mapping[str, Any], layout: Layout, default: DefaultLayout) -> list[str]:
    """The lines of one new entry, `- ` included."""
    lead = " " * layout.dash + "-" + " " * layout.gap
    if layout.flow_entries:
        return [lead + flow(entry, layout)]
    lines: list[str] = []
    for key, value in ordered(entry, layout.key_order):
        prefix = lead if not lines else " " * layout.key_column
        if isinstance(value, list):
            inner = layout.nested.get(key) or default(layout.key_column)
            if inner.flow_sequence:
                items = [dict(ordered(v, inner.key_order)) for v in value]
                lines.append(f"{prefix}{key}: {scalars.flow(items, inner.quote, False)}")
                continue
            lines.append(f"{prefix}{key}:")
            for item in value:
                lines += render(item, inner, default)
        elif isinstance(value, Mapping):
            lines += _mapping(prefix, key, value, layout)
        else:
            lines.append(f"{prefix}{key}: {_scalar(key, value, layout)}")
    return lines


def _scalar(key: str, value: Any, layout: Layout) -> str:
    return scalars.scalar(value, layout.quote, date=key in scalars.DATE_KEYS)


def _mapping(prefix: str, key: str, value: Mapping[str, Any], layout: Layout) -> list[str]:
    """A mapping under `key` (of scalars), as the neighbours write theirs."""
    inner = layout.mappings.get(key) or MapLayout()
    if inner.flow:
        items = dict(ordered(value, inner.key_order))
        return [f"{prefix}{key}: {scalars.flow(items, layout.quote, layout.flow_padding)}"]
    pad = " " * (layout.key_column + inner.indent)
    pairs = ordered(value, inner.key_order)
    return [f"{prefix}{key}:"] + [f"{pad}{k}: {_scalar(k, v, layout)}" for k, v in pairs]
