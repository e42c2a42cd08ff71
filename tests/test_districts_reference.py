"""Cross-check the team's district table against the shared reference data.

The reference lives outside the repository (``../shared/reference``) and is
absent from a fresh clone, so every test here skips cleanly without it.
Names are compared exactly, Turkish letters and all: the registry stores the
official spelling, so "Eyüp" for "Eyüpsultan" or "Hakkâri" for "Hakkari" is a
difference worth failing on.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import pytest

from spo.places.districts import districts_of
from spo.places.provinces import all_provinces
from tests.conftest import SHARED, needs_shared

REFERENCE = SHARED / "reference" / "districts.json"


@pytest.fixture(scope="module")
def reference() -> dict[int, set[str]]:
    """Reference district names grouped by plate code (their ``provinceId``)."""
    needs_shared(REFERENCE)
    rows: list[dict[str, Any]] = json.loads(REFERENCE.read_text(encoding="utf-8"))
    names: dict[int, set[str]] = defaultdict(set)
    for row in rows:
        names[int(row["provinceId"])].add(row["name"])
    return dict(names)


def _ours() -> dict[int, set[str]]:
    return {p.plate: set(districts_of(p.plate)) for p in all_provinces()}


def test_same_number_of_districts(reference: dict[int, set[str]]) -> None:
    assert sum(len(names) for names in _ours().values()) == sum(map(len, reference.values()))


def test_same_districts_in_every_province(reference: dict[int, set[str]]) -> None:
    # Per province: (ours only, reference only), so a misspelling shows as a pair.
    differences = {
        plate: (sorted(names - reference.get(plate, set())),
                sorted(reference.get(plate, set()) - names))
        for plate, names in _ours().items()
        if names != reference.get(plate, set())
    }  # fmt: skip
    assert differences == {}


def test_no_province_missing(reference: dict[int, set[str]]) -> None:
    assert set(reference) == set(_ours())
