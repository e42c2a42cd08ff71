"""Plain files are turned into data by a plain walk over the nodes; it must give exactly what
the reviewer's loader gives (data and reading problems), on every file of the suite and the
shipped data, and on documents with every kind of value, tag and key."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from spo.files.core_yaml import ReviewerLoader, load_data

TESTS = Path(__file__).resolve().parent
FILES = sorted([*TESTS.rglob("*.yaml"), *(TESTS.parent / "data").rglob("*.yaml")])

DOCUMENTS = [
    "a: 1\nb: -0\nc: +12\nd: 0x1F\ne: 0o17\n",
    "a: !!int 0x1F\nb: !!int abc\nc: !!int '12'\n",
    "a: 1.5\nb: .inf\nc: !!float 3\n",
    "a: true\nb: False\nc: !!bool yes\nd: yes\n",
    "a: ~\nb: null\nc:\nd: !!null ''\ne: !!null x\n",
    "a: 1\na: 2\n",
    "1: x\n[a]: y\n{b: 1}: z\n",
    "? - x\n: y\n",
    "a: !!str 12\nb: !!seq [1]\nc: !!map {x: 1}\nd: !!seq x\ne: !!map [1]\n",
    "a: !local x\nb: !!set {x}\nc: !!timestamp 2020-01-01\n",
    "<<: {a: 1}\nb: 2\n",
    "!!merge <<: {a: 1}\n",
    "!!value =: x\n",
    f"a: {'9' * 5000}\nb: !!int {'9' * 5000}\n",
    "- [1, 2, {a: b}]\n- {}\n- []\n",
    "x\n",
    "",
    "a: 2025-03-21\nb: no\nc: 06100\nd: 1e3\ne: 1_000\n",
]


def _load(text: str, fast: bool) -> tuple[Any, Any]:
    loader = ReviewerLoader(text)
    try:
        data = load_data(loader) if fast else loader.get_single_data()
    except yaml.YAMLError as exc:
        return ("error", str(exc)), loader.found
    finally:
        loader.dispose()
    return _comparable(data), loader.found


def _both(text: str) -> tuple[tuple[Any, Any], tuple[Any, Any]]:
    return _load(text, fast=False), _load(text, fast=True)


def _comparable(value: Any) -> Any:
    """NaN as a marker (it equals nothing), and each value with its type (True is not 1)."""
    if isinstance(value, float) and math.isnan(value):
        return ("nan",)
    if isinstance(value, dict):
        return ("map", [(_comparable(k), _comparable(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", [_comparable(v) for v in value])
    return (type(value).__name__, value)


@pytest.mark.parametrize("text", DOCUMENTS)
def test_the_fast_path_gives_what_the_loader_gives_on_every_kind_of_value(text: str) -> None:
    expected, got = _both(text)
    assert got == expected


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_fast_path_gives_what_the_loader_gives_on_every_file(path: Path) -> None:
    expected, got = _both(path.read_text(encoding="utf-8", errors="replace"))
    assert got == expected


def test_tags_are_resolved_as_pyyaml_resolves_them() -> None:
    assert not ReviewerLoader.yaml_path_resolvers
    assert None not in ReviewerLoader.yaml_implicit_resolvers
    loader = ReviewerLoader("")
    values = ["", "x", "1", "-1", "+1", "01", "1.5", ".5", "1e3", "true", "True", "no", "~", "null"]
    values += ["Null", "NULL", "nan", ".inf", "0x1F", "2025-01-01", "-", "+", "."]
    for kind in (yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode):
        for value in values:
            for implicit in ((True, False), (False, True), (False, False)):
                assert loader.resolve(kind, value, implicit) == yaml.resolver.BaseResolver.resolve(
                    loader, kind, value, implicit
                )
    loader.dispose()
