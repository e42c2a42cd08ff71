"""Problems are values: every check returns them, renderers print them, nothing raises them.

A problem says where (file, line, column, JSON path), which rule it breaks (`code`, shown to
users and stable for CI), and what is wrong as a `Message` that the command line words in the
user's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from spo.rules.message import Message


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


# A location inside a record: keys and list indexes from the document root.
JsonPath = tuple[str | int, ...]


def format_json_path(path: JsonPath) -> str:
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


@dataclass(frozen=True)
class Problem:
    file: Path
    line: int  # 1-based; 0 when the problem concerns the file as a whole
    column: int  # 1-based; 0 when unknown
    path: JsonPath
    message: Message
    code: str
    severity: Severity = Severity.ERROR

    @property
    def json_path(self) -> str:
        return format_json_path(self.path)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        return (str(self.file), self.line, self.column, self.code)


@dataclass(frozen=True)
class Finding:
    """A problem found while the line is not yet known: the JSON path locates it later.

    Checks work on plain data (fast); only a file that has findings is composed again to turn
    paths into lines and columns.
    """

    path: JsonPath
    message: Message
    code: str
    severity: Severity = Severity.ERROR
    # Point at the key itself rather than its value (unknown keys, duplicates).
    at_key: bool = False
    # Extra, already-known locations (e.g. the first of two duplicate keys).
    line: int = 0
    column: int = 0
