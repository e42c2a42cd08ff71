"""Write YAML values as text that reads back, through spo's own loader, as exactly those values.

Scalars are emitted by PyYAML, whose emitter knows when plain text would be misread under YAML 1.1
(`yes`, `06100`, `2025-03-21`) and quotes it. spo's loader follows the YAML 1.2 core rules, which
read a few more forms as numbers (`1e5`), so every plain scalar is also read back through that
loader, and quoted when it does not come back as the same string. Dates are always quoted, as
reviewers write them, so that no YAML 1.1 tool turns them into date objects.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from spo.files.loader import parse
from spo.rules.schemas import date_keys

DATE_KEYS = date_keys()
_UNLIMITED = float("inf")  # never fold a long line: one value, one line


def _reads_back(dumped: str, value: str) -> bool:
    loaded = parse(Path("<new>"), dumped)
    return not loaded.problems and loaded.data == {"k": value}


def _plain(text: str, flow: bool) -> str | None:
    """`text` as a plain scalar when that is safe in this context, else None."""
    dumped = yaml.safe_dump(
        {"k": text}, default_flow_style=flow, allow_unicode=True, width=_UNLIMITED
    )
    expected = f"{{k: {text}}}\n" if flow else f"k: {text}\n"
    return text if dumped == expected and _reads_back(dumped, text) else None


def quoted(text: str, quote: str = '"') -> str:
    """A quoted scalar on one line; single quotes only for text they can hold as it is."""
    if quote == "'" and text.isprintable():
        return "'" + text.replace("'", "''") + "'"
    dumped = yaml.safe_dump(text, default_style='"', allow_unicode=True, width=_UNLIMITED)
    return dumped.rstrip("\n")


def scalar(value: str | int, quote: str = '"', *, flow: bool = False, date: bool = False) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(f"cannot write {value!r} as a YAML scalar")
    if isinstance(value, int):
        return str(value)
    if not date:
        plain = _plain(value, flow)
        if plain is not None:
            return plain
    return quoted(value, quote)


def flow(value: Any, quote: str = '"', pad: bool = False) -> str:
    """A value in flow style: `{stage: inquiry, date: "2025-03-21"}`, `[a, b]`."""
    inner = " " if pad else ""
    if isinstance(value, Mapping):
        items = ", ".join(f"{k}: {_flow_item(k, v, quote, pad)}" for k, v in value.items())
        return f"{{{inner}{items}{inner}}}"
    if isinstance(value, Sequence) and not isinstance(value, str):
        items = ", ".join(flow(v, quote, pad) for v in value)
        return f"[{inner}{items}{inner}]"
    return scalar(value, quote, flow=True)


def _flow_item(key: str, value: Any, quote: str, pad: bool) -> str:
    if isinstance(value, str) and key in DATE_KEYS:
        return scalar(value, quote, flow=True, date=True)
    return flow(value, quote, pad)


# Lists written in flow style in a new file, as the shipped registry writes them.
FLOW_LISTS = frozenset({"themes", "target_groups", "tags"})


def block_document(data: Mapping[str, Any], header: str = "", indent: int = 2) -> str:
    """A whole new record file: block mappings, sequences indented under their key."""
    lines = [header] if header else []
    lines += _block_mapping(data, 0, indent)
    return "\n".join(lines) + "\n"


def _block_mapping(data: Mapping[str, Any], column: int, indent: int) -> list[str]:
    lines: list[str] = []
    pad = " " * column
    for key, value in data.items():
        if isinstance(value, Mapping):
            lines.append(f"{pad}{key}:")
            lines += _block_mapping(value, column + indent, indent)
        elif isinstance(value, Sequence) and not isinstance(value, str):
            if key in FLOW_LISTS:
                lines.append(f"{pad}{key}: {flow(value)}")
                continue
            lines.append(f"{pad}{key}:")
            dash = " " * (column + indent) + "- "
            for item in value:
                if isinstance(item, Mapping):
                    body = _block_mapping(item, column + indent + 2, indent)
                    lines.append(dash + body[0].lstrip(" "))
                    lines += body[1:]
                else:
                    lines.append(dash + scalar(item))
        else:
            lines.append(f"{pad}{key}: {scalar(value, date=key in DATE_KEYS)}")
    return lines
