"""Dates are looked for only in files whose text could hold a key named `date`: findings are the
same with and without that quick test, on every file and on keys written in every way."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from spo.checks import content
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


# Dates are judged once each (`_date_is_fine`) after one walk that builds no path: the strings it
# gathers are those `_dates` yields, and a date it calls fine is one with no finding anywhere.
DATES = ["2025-06-10", "2026-01-15", "2026-01-16", "2026-02", "2027", "../2027-01-01",
         "2026-02/..", "2025-02-29", "0000", "2025-13", "2025-03/2025-01", "not a date",
         "2025-6-1", "", "2024-02-29", "2026-01/2026-03", "../0000-01-01"]  # fmt: skip
HOSTILE = {
    "date": "2099-01-01",
    "sources": [{"date": "2099-01-01"}, {"date": 5}, ["2099-13-01"]],
    "history": [{"date": {"date": "2025-02-30"}}, {"opened": ["2099-01-01"]}],
    "x": {"y": [[{"launched": "2030", "date": None}]], 3: {"to": "1999"}},
}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_quick_walk_gathers_every_date(path: Path) -> None:
    data = load_file(path).data
    if data is not None:
        for record in (data, HOSTILE):
            texts: list[str] = []
            content._date_texts(record, texts)
            assert texts == [text for _, text in content._dates(record, ())]


@pytest.mark.parametrize("today", [TODAY, date(2099, 1, 1), date(1999, 12, 31)])
@pytest.mark.parametrize("text", DATES)
def test_a_date_called_fine_has_no_finding_anywhere(text: str, today: date) -> None:
    for record in ({"date": text}, {"sources": [{"date": text}]}, {"a": [{"to": text}]}):
        if content._date_is_fine(text, today):
            assert content.date_findings(record, today) == []
    if not content._date_is_fine(text, today):  # and the slow path did look at it
        assert content.date_findings({"date": text}, today) != []
