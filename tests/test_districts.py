"""The team's district table and lookups by province and name."""

from __future__ import annotations

import pytest

from spo.places.districts import district_like, districts_of, find_district
from spo.places.provinces import Province, all_provinces, find_province


def _province(name: str) -> Province:
    found = find_province(name)
    assert found is not None
    return found


def test_there_are_973_districts_in_81_provinces() -> None:
    counts = {p.plate: len(districts_of(p.plate)) for p in all_provinces()}
    assert sum(counts.values()) == 973
    assert min(counts.values()) >= 3  # Bayburt has the fewest


def test_every_province_outside_a_metropolitan_one_has_a_merkez_district() -> None:
    with_merkez = {p.name for p in all_provinces() if "Merkez" in districts_of(p.plate)}
    assert with_merkez == {p.name for p in all_provinces() if not p.metropolitan}
    assert len(with_merkez) == 51


def test_unknown_plate_has_no_districts() -> None:
    assert districts_of(0) == ()
    assert districts_of(82) == ()


def test_districts_of_is_cached_and_immutable() -> None:
    assert districts_of(71) is districts_of(71)
    assert isinstance(districts_of(71), tuple)


@pytest.mark.parametrize(
    ("province", "text", "name"),
    [
        ("Kırıkkale", "keskin", "Keskin"),
        ("Kırıkkale", "KESKİN", "Keskin"),
        ("Kırıkkale", "Keskin", "Keskin"),
        ("Kırıkkale", "  keskin ", "Keskin"),
        ("İstanbul", "uskudar", "Üsküdar"),
        ("İstanbul", "ÜSKÜDAR", "Üsküdar"),
        ("Kocaeli", "IZMIT", "İzmit"),
        ("Şanlıurfa", "karakopru", "Karaköprü"),
        ("Denizli", "Çardak", "Çardak"),
        ("Kars", "merkez", "Merkez"),
        ("Samsun", "19 mayıs", "19 Mayıs"),
    ],
)
def test_find_district_folds_case_and_letters(province: str, text: str, name: str) -> None:
    assert find_district(_province(province), text) == name


@pytest.mark.parametrize(
    ("province", "text"),
    [
        ("Çanakkale", "Çardak"),  # a town in Lapseki; Çardak is a district of Denizli
        ("İzmir", "Merkez"),  # a metropolitan province has no central district
        ("Ankara", "Keskin"),  # Keskin is in Kırıkkale
        ("Kırıkkale", ""),
        ("Kırıkkale", "Keskinn"),
    ],
)
def test_find_district_is_none_outside_the_province(province: str, text: str) -> None:
    assert find_district(_province(province), text) is None


@pytest.mark.parametrize(
    ("province", "text", "suggestion"),
    [
        ("Kırıkkale", "Keskinn", "Keskin"),
        ("İstanbul", "Uskudarr", "Üsküdar"),
        ("İstanbul", "eyupsultn", "Eyüpsultan"),
        ("Kırıkkale", "Atlantis", None),
    ],
)
def test_district_like_suggests_the_closest_official_name(
    province: str, text: str, suggestion: str | None
) -> None:
    assert district_like(_province(province), text) == suggestion
