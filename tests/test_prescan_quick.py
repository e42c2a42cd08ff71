"""The pass over a file's YAML events (anchors, aliases, nesting depth) is skipped only for text
that a few scans show cannot have any of them: never when the pass would find something."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from spo.files.prescan import MAX_DEPTH, event_pass, structure_problems, surely_plain

TESTS = Path(__file__).resolve().parent
FILES = sorted([*TESTS.rglob("*.yaml"), *(TESTS.parent / "data").rglob("*.yaml")])


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_gets_the_same_problems_with_the_quick_test(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    assert structure_problems(text) == event_pass(text)


def _nested(rng: random.Random, depth: int) -> Any:
    if depth == 0:
        return rng.choice(["x", 1, "- a", "[b]", "k: v"])
    child = _nested(rng, depth - 1)
    shape = rng.randrange(3)
    if shape == 0:
        return [child] + ([rng.choice(["y", 2])] if rng.random() < 0.3 else [])
    if shape == 1:
        return {rng.choice(["a", "b", "- c"]): child}
    return [{"k": child, "other": "z"}]


def test_deep_documents_in_every_layout_are_never_passed_over() -> None:
    rng = random.Random(50)
    deep = plain = 0
    for _ in range(1500):
        data = _nested(rng, rng.randint(MAX_DEPTH - 30, MAX_DEPTH + 5))
        text = yaml.safe_dump(
            data,
            indent=rng.choice([2, 3, 4]),
            default_flow_style=rng.choice([False, None, True]),
            width=rng.choice([40, 1000]),
        )
        if rng.random() < 0.3:  # a list inside a list on one line, as people write it
            text = text.replace("-\n  -", "- -")
        found = event_pass(text)
        deep += bool(found)
        if surely_plain(text):
            plain += 1
            assert found == [], text
    assert deep > 100 and plain > 100


@pytest.mark.parametrize("levels", range(10, 40))
@pytest.mark.parametrize("indent", [2, 4])
def test_the_tightest_layouts_are_never_passed_over(levels: int, indent: int) -> None:
    """A list in each mapping and a mapping in each list item, as PyYAML writes them: two or
    three levels for each indentation."""
    lists: Any = "x"
    maps: Any = "x"
    for _ in range(levels):
        lists = [{"k": lists}]
        maps = {"k": [maps]}
    for data in (lists, maps, {"a": lists}):
        text = yaml.safe_dump(data, default_flow_style=False, indent=indent)
        if surely_plain(text):
            assert event_pass(text) == [], text


@pytest.mark.parametrize("line_break", ["\r", "\r\n", "\x85", "\u2028", "\u2029"])
def test_line_breaks_that_libyaml_knows_are_never_passed_over(line_break: str) -> None:
    data: Any = "x"
    for _ in range(30):
        data = [{"k": data}]
        text = yaml.safe_dump(data, default_flow_style=False).replace("\n", line_break)
        if surely_plain(text):
            assert event_pass(text) == [], text
