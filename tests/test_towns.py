"""The team's town (belde) table and lookups by province, district and name."""

from __future__ import annotations

import pytest

from spo.places import towns
from spo.places.districts import districts_of
from spo.places.provinces import Province, all_provinces, find_province
from spo.places.towns import districts_with_town, find_town, town_like, towns_of


def _province(name: str) -> Province:
    found = find_province(name)
    assert found is not None
    return found


def _all() -> list[tuple[Province, str, str]]:
    return [
        (p, d, t) for p in all_provinces() for d in districts_of(p.plate) for t in towns_of(p, d)
    ]


def test_the_table_has_towns_only_outside_the_metropolitan_provinces() -> None:
    rows = _all()
    assert len(rows) == 144  # of Turkey's roughly 400: the table is not yet complete
    assert not [t for p, _, t in rows if p.metropolitan]


def test_the_same_name_is_a_different_town_in_another_district() -> None:
    assert towns_of(_province("Çanakkale"), "Lapseki") == ("Çardak", "Umurbey")
    assert find_town(_province("Nevşehir"), "Merkez", "çardak") == "Çardak"
    assert find_town(_province("Denizli"), "Çardak", "Çardak") is None  # a district there


@pytest.mark.parametrize("text", ["Çardak", "ÇARDAK", "cardak", " Çardak "])
def test_a_town_is_found_however_it_is_written(text: str) -> None:
    assert find_town(_province("Çanakkale"), "Lapseki", text) == "Çardak"


def test_a_mistyped_town_gets_a_suggestion_from_its_district() -> None:
    assert town_like(_province("Çanakkale"), "Lapseki", "Umurbay") == "Umurbey"
    assert town_like(_province("Çanakkale"), "Lapseki", "Kadıköy") is None


def test_where_a_town_lies_in_its_province() -> None:
    assert districts_with_town(_province("Çanakkale"), "umurbey") == ("Lapseki",)
    assert districts_with_town(_province("Artvin"), "Umurbey") == ()


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("34,Silivri,Selimpaşa", "plate='34'"),  # a metropolitan province has no towns
        ("17,Lapsekı,Çardak", "district='Lapsekı'"),  # the district as the table spells it
        ("17,Lapseki, Çardak", "name=' Çardak'"),
        ("x,Lapseki,Çardak", "plate='x'"),
    ],
)
def test_a_mistake_in_the_table_fails_loudly(
    monkeypatch: pytest.MonkeyPatch, row: str, problem: str
) -> None:
    monkeypatch.setattr(towns, "_read_csv", lambda: f"plate,district,name\n{row}\n")
    towns._by_place.cache_clear()
    try:
        with pytest.raises(ValueError, match=f"towns.csv: line 2: {problem}"):
            towns.towns_of(_province("Çanakkale"), "Lapseki")
    finally:
        towns._by_place.cache_clear()
