"""Dates are looked for only in files whose text could hold a key named `date`: findings are the
same with and without that quick test, on every file and on keys written in every way."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from spo.checks.content import content_findings
from spo.files.loader import load_file, parse

TESTS = Path(__file__).resolve().parent
FILES = sorted([*TESTS.rglob("*.yaml"), *(TESTS.parent / "data").rglob("*.yaml")])
TODAY = date(2026, 1, 15)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_has_the_same_findings(path: Path) -> None:
    loaded = load_file(path)
    if loaded.data is not None:
        expected = content_findings(loaded.data, TODAY)
        assert content_findings(loaded.data, TODAY, loaded.text) == expected


@pytest.mark.parametrize(
    "key", ["date", "'date'", '"date"', '"d\\x61te"', '"\\u0064ate"', "!!str date"]
)
def test_a_date_key_written_in_any_way_is_found(key: str) -> None:
    text = f"sources: [x]\nengagements:\n  - {key}: '2099-01-01'\n"
    data = parse(Path("x.yaml"), text).data
    assert data is not None
    found = content_findings(data, TODAY, text)
    assert [f.code for f in found] == ["future-date"]
