"""Cross-check the team's town (belde) table against the shared reference data.

The reference lives outside the repository (``../shared/reference``) and is absent from a fresh
clone, so every test here skips cleanly without it. A town is compared as (plate, district,
name), names exactly, Turkish letters and all.

The team's table was written from its own knowledge and is known to be incomplete: when this test
was written it had 144 towns, 105 of them exactly as in the reference, which has 404. The reference
is for cross-checks only, so its other towns are not copied here (nor into the table): a town is
added to ``spo/places/towns.csv`` when a source other than the reference confirms it, and the bound
below is lowered with it. The towns the team has and the reference lacks are listed by name, each
with the reason it stays.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from spo.places.districts import districts_of
from spo.places.provinces import all_provinces
from spo.places.towns import towns_of
from tests.conftest import SHARED, needs_shared

REFERENCE = SHARED / "reference"

Town = tuple[int, str, str]  # plate, district, name

_UNCONFIRMED = (
    "the team's own knowledge, not yet confirmed by a source other than the reference; it may"
    " have lost its municipality in 2014 (law 6360 also closed towns under 2,000 people) or lie"
    " in another district"
)

# Ours only: each is a town the team believes exists and the reference lacks.
OURS_ONLY: dict[Town, str] = {
    town: _UNCONFIRMED
    for town in [
        (2, "Kahta", "Narince"),
        (2, "Merkez", "Kuyucak"),
        (3, "Bayat", "İnli"),
        (3, "Bolvadin", "Kemerkaya"),
        (3, "Emirdağ", "Adayazı"),
        (3, "Emirdağ", "Aşağıpiribeyli"),
        (3, "Emirdağ", "Bademli"),
        (3, "Sinanpaşa", "Tazlar"),
        (3, "Sultandağı", "Çukurcak"),
        (3, "İscehisar", "Cevizli"),
        (3, "Şuhut", "Atlıhisar"),
        (3, "Şuhut", "Kulu"),
        (5, "Göynücek", "Gediksaray"),
        (5, "Gümüşhacıköy", "Gümüş"),
        (5, "Merkez", "Yassıçal"),
        (8, "Borçka", "Camili"),
        (8, "Borçka", "Muratlı"),
        (8, "Şavşat", "Meydancık"),
        (11, "Bozüyük", "Kızılcapınar"),
        (11, "Bozüyük", "Metristepe"),
        (11, "Merkez", "Küplü"),
        (11, "Osmaneli", "Medetli"),
        (11, "Söğüt", "Küre"),
        (14, "Mengen", "Pazarköy"),
        (15, "Bucak", "Uğurlu"),
        (15, "Tefenni", "Hasanpaşa"),
        (15, "Yeşilova", "Niyazlar"),
        (17, "Çan", "Etili"),
        (19, "Osmancık", "Baltacımehmetpaşa"),
        (19, "Osmancık", "Güneykışla"),
        (22, "Uzunköprü", "Kurttepe"),
        (32, "Eğirdir", "Barla"),
        (39, "Lüleburgaz", "Turgutbey"),
        (39, "Pınarhisar", "Erenler"),
        (50, "Avanos", "Çalış"),
        (50, "Gülşehir", "Gümüşkent"),
        (50, "Merkez", "Çardak"),
        (51, "Ulukışla", "Darboğaz"),
        (51, "Ulukışla", "Çiftehan"),
    ]
}

# The reference's towns that the team's table does not have yet (not named: see the docstring).
REFERENCE_ONLY_AT_MOST = 299


def _load(name: str) -> list[dict[str, Any]]:
    path = REFERENCE / name
    needs_shared(path)
    rows: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return rows


@pytest.fixture(scope="module")
def reference() -> set[Town]:
    """The reference's towns: `type: town` rows, their district named from districts.json."""
    districts = {row["id"]: row["name"] for row in _load("districts.json")}
    return {
        (int(row["provinceId"]), districts[row["districtId"]], row["name"])
        for row in _load("municipalities.json")
        if row["type"] == "town"
    }


def _ours() -> set[Town]:
    return {
        (p.plate, district, town)
        for p in all_provinces()
        for district in districts_of(p.plate)
        for town in towns_of(p, district)
    }


def test_every_town_we_have_and_the_reference_lacks_is_a_known_difference(
    reference: set[Town],
) -> None:
    assert sorted(_ours() - reference) == sorted(OURS_ONLY)


def test_no_known_difference_is_stale(reference: set[Town]) -> None:
    # A known difference that the reference now agrees with should leave the list.
    assert not set(OURS_ONLY) & reference


def test_the_reference_towns_we_lack_do_not_grow(reference: set[Town]) -> None:
    missing = reference - _ours()
    by_district: dict[tuple[int, str], int] = {}
    for plate, district, _ in missing:
        by_district[(plate, district)] = by_district.get((plate, district), 0) + 1
    assert len(missing) <= REFERENCE_ONLY_AT_MOST, sorted(by_district.items())


def test_every_town_of_the_reference_lies_in_a_non_metropolitan_province(
    reference: set[Town],
) -> None:
    # The rule the table and validation rest on: no towns in the 30 metropolitan provinces.
    metropolitan = {p.plate for p in all_provinces() if p.metropolitan}
    assert {plate for plate, _, _ in reference} & metropolitan == set()


def test_every_reference_district_with_towns_is_one_of_ours(reference: set[Town]) -> None:
    # Per province and district: a town is only ever filed under a district the table knows.
    assert {(plate, d) for plate, d, _ in reference} <= {
        (p.plate, d) for p in all_provinces() for d in districts_of(p.plate)
    }
