"""What the core says, as data: a message key and its parameters, never a sentence.

The core (loading, validation, model, query, report, writing) knows nothing of languages. A problem,
a refusal or a failed lookup carries a `Message`; the command line turns it into Turkish or English
from one catalogue (`spo/cli/text/*.toml`). Parameters are plain values (text, numbers, dates),
nested messages, or problems; how each is worded is the catalogue's business.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Message:
    key: str  # a catalogue key such as "lookup.unknown-id"
    params: tuple[tuple[str, Any], ...] = ()  # sorted (name, value) pairs: hashable, comparable

    @classmethod
    def of(cls, key: str, /, **params: Any) -> Message:
        return cls(key, tuple(sorted((k, _frozen(v)) for k, v in params.items())))

    @property
    def fields(self) -> Mapping[str, Any]:
        return dict(self.params)

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)


def _frozen(value: Any) -> Any:
    """Lists become tuples so that a message can be hashed (writes compare problems by value)."""
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value
