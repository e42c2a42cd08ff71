"""jsonschema-rs decides validity in `spo validate`; the `jsonschema` package is the reference.

Both run over every record in the test registries and the shipped data, and over variants of each
made by breaking one value at a time (a key dropped, a wrong type, an unknown key, a value out of
its vocabulary, a bad pattern, a wrong list item...). They must report the same errors (instance
path and keyword), and spo's findings must be the same whichever decides.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from spo.checks.schema import fast_validator, schema_findings, validator
from spo.files import registry
from spo.files.loader import load_file

TESTS = Path(__file__).resolve().parent
SHIPPED = TESTS.parent / "data"

Errors = set[tuple[tuple[str | int, ...], str]]


def _records() -> list[tuple[str, Path, dict[str, Any]]]:
    found = []
    for path in sorted([*(TESTS / "registries").rglob("*.yaml"), *SHIPPED.rglob("*.yaml")]):
        kind = registry.kind_of(path)
        data = load_file(path).data if kind else None
        if kind and data is not None:
            found.append((kind, path, data))
    return found


RECORDS = _records()


def reference_errors(kind: str, data: Any) -> Errors:
    return {(tuple(e.absolute_path), str(e.validator)) for e in validator(kind).iter_errors(data)}


def rust_errors(kind: str, data: Any) -> Errors:
    def keyword(name: str) -> str:
        # jsonschema-rs before 0.41 names the kinds `ValidationErrorKind_Enum`, from 0.41 `Enum`
        name = name.removeprefix("ValidationErrorKind_")
        return name[0].lower() + name[1:]

    return {
        (tuple(e.instance_path), keyword(type(e.kind).__name__))
        for e in fast_validator(kind).iter_errors(data)
    }


# What replaces a value: each is wrong for some property of the schemas and right for others.
REPLACEMENTS: list[Any] = [
    5,
    -1,
    2.5,
    True,
    None,
    "",
    " ",
    "Not An Id!",
    "not-a-value",
    "2024-13",
    "ftp://example.org",
    "https://example.org/x",
    "x\n",
    [],
    ["x"],
    ["x", "x"],
    [5],
    [{}],
    {},
    {"tr": "x"},
    {"unknown": 1},
]


def _paths(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def variants(data: dict[str, Any]) -> Iterator[Any]:
    """The record broken in one place at a time."""
    for path in list(_paths(data)):
        if not path:
            extra = copy.deepcopy(data)
            extra["unknown_key"] = "x"
            yield extra
            continue
        parent_path, last = path[:-1], path[-1]
        for replacement in REPLACEMENTS:
            changed = copy.deepcopy(data)
            _at(changed, parent_path)[last] = copy.deepcopy(replacement)
            yield changed
        dropped = copy.deepcopy(data)
        del _at(dropped, parent_path)[last]
        yield dropped
        value = _at(data, path)
        if isinstance(value, dict):
            extra = copy.deepcopy(data)
            _at(extra, path)["unknown_key"] = "x"
            yield extra
        elif isinstance(value, list) and value:
            repeated = copy.deepcopy(data)
            _at(repeated, path).append(copy.deepcopy(value[0]))
            yield repeated


def _agree(kind: str, data: Any) -> int:
    """Assert both validators agree on `data`; how many errors they found."""
    found = reference_errors(kind, data)
    assert rust_errors(kind, data) == found, data
    assert schema_findings(kind, data, "rs") == schema_findings(kind, data, "python"), data
    return len(found)


def test_there_are_records_of_both_kinds() -> None:
    assert {kind for kind, _, _ in RECORDS} == {"project", "municipality"}


@pytest.mark.parametrize(("kind", "path", "data"), RECORDS, ids=lambda v: getattr(v, "name", ""))
def test_both_validators_agree_on_every_record(kind: str, path: Path, data: dict[str, Any]) -> None:
    _agree(kind, data)


def _one_record_per_shape() -> list[tuple[str, Path, dict[str, Any]]]:
    """Records of each kind from each folder: mutations of all of them would take minutes."""
    chosen: dict[tuple[str, Path], tuple[str, Path, dict[str, Any]]] = {}
    for kind, path, data in RECORDS:
        key = (kind, path.parent)
        # the record with the most paths stands for its folder: it has the most to break
        if key not in chosen or len(list(_paths(data))) > len(list(_paths(chosen[key][2]))):
            chosen[key] = (kind, path, data)
    return list(chosen.values())


@pytest.mark.parametrize(
    ("kind", "path", "data"), _one_record_per_shape(), ids=lambda v: getattr(v, "name", "")
)
def test_both_validators_agree_on_every_broken_variant(
    kind: str, path: Path, data: dict[str, Any]
) -> None:
    broken = [_agree(kind, variant) for variant in variants(data)]
    # Agreement on empty lists would prove nothing: the variants must really break the record.
    assert sum(1 for errors in broken if errors) > len(broken) // 2
