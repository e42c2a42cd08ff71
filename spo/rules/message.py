"""What the core says, as data: a message key and its parameters, never a sentence.

The core (loading, validation, model, query, report, writing) knows nothing of languages. A problem,
a refusal or a failed lookup carries a `Message`; the command line turns it into Turkish or English
from one catalogue (`spo/cli/text/*.toml`). Parameters are plain values (text, numbers, dates),
nested messages, problems, or a file's own values (`FileValue`: a list, a mapping, a source,
as the file holds it); how each is worded is the command line's business.
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


class Pairs(tuple[tuple[str, Any], ...]):
    """A mapping of a file, frozen: its (key, value) pairs in the file's order."""


@dataclass(frozen=True)
class FileValue:
    """A value as a file holds it (a list, a mapping, a number JSON cannot hold), carried in a
    message as it is: the command line words it for a reviewer ("[a, b]", "key: value"), and as
    a citation when `source` says it stands for a source. Lists are frozen as tuples, mappings
    as `Pairs`, so that the message can be hashed."""

    value: Any
    source: bool = False

    @classmethod
    def of(cls, value: Any, *, source: bool = False) -> FileValue:
        return cls(_held(value), source)


def _held(value: Any) -> Any:
    if isinstance(value, dict):
        return Pairs((str(k), _held(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return tuple(_held(v) for v in value)
    return value


def _frozen(value: Any) -> Any:
    """Lists become tuples so that a message can be hashed (writes compare problems by value)."""
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value
