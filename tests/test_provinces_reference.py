"""Cross-check the team's province table against the shared reference data.

The reference lives outside the repository (``../shared/reference``) and is
absent from a fresh clone, so every test here skips cleanly without it.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from spo.places.provinces import Province, all_provinces
from tests.conftest import SHARED, needs_shared

REFERENCE = SHARED / "reference" / "provinces.json"

# Reference region.en label -> our region id.
REGION_IDS = {
    "Marmara": "marmara",
    "Aegean": "aegean",
    "Mediterranean": "mediterranean",
    "Central Anatolia": "central-anatolia",
    "Black Sea": "black-sea",
    "Eastern Anatolia": "eastern-anatolia",
    "Southeastern Anatolia": "southeastern-anatolia",
}

# Where the reference departs from the conventional seven-region assignment
# that our table follows. Listed explicitly so that any *other* difference
# still fails: plate -> the reference's (wrong) region.en label.
KNOWN_REFERENCE_REGION_ERRORS = {
    18: "Marmara",  # Çankırı is Central Anatolia
    30: "Southeastern Anatolia",  # Hakkari is Eastern Anatolia
    74: "North Sea",  # Bartın is Black Sea; "North Sea" is not a region at all
}

MAX_CENTRE_OFFSET_DEGREES = 0.5


@pytest.fixture(scope="module")
def reference() -> dict[int, dict[str, Any]]:
    """Reference provinces keyed by plate code (their ``id``)."""
    needs_shared(REFERENCE)
    rows: list[dict[str, Any]] = json.loads(REFERENCE.read_text(encoding="utf-8"))
    return {int(row["id"]): row for row in rows}


def _ours() -> dict[int, Province]:
    return {p.plate: p for p in all_provinces()}


def test_same_plate_codes(reference: dict[int, dict[str, Any]]) -> None:
    assert set(_ours()) == set(reference)


def test_same_names(reference: dict[int, dict[str, Any]]) -> None:
    mismatches = {
        plate: (p.name, reference[plate]["name"])
        for plate, p in _ours().items()
        if p.name != reference[plate]["name"]
    }
    assert mismatches == {}


def test_same_metropolitan_flag(reference: dict[int, dict[str, Any]]) -> None:
    mismatches = {
        p.name: p.metropolitan
        for plate, p in _ours().items()
        if p.metropolitan != reference[plate]["isMetropolitan"]
    }
    assert mismatches == {}


def test_same_region(reference: dict[int, dict[str, Any]]) -> None:
    mismatches = {
        plate: reference[plate]["region"]["en"]
        for plate, p in _ours().items()
        if p.region != REGION_IDS.get(reference[plate]["region"]["en"])
    }
    assert mismatches == KNOWN_REFERENCE_REGION_ERRORS


def test_centres_are_close(reference: dict[int, dict[str, Any]]) -> None:
    far = {}
    for plate, p in _ours().items():
        coords = reference[plate]["coordinates"]
        d_lat = abs(p.lat - coords["latitude"])
        d_lon = abs(p.lon - coords["longitude"])
        if max(d_lat, d_lon) > MAX_CENTRE_OFFSET_DEGREES:
            far[p.name] = (round(d_lat, 2), round(d_lon, 2))
    assert far == {}
