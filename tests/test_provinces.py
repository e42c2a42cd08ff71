"""The team's province table and lookups by plate code or name."""

from __future__ import annotations

import pytest

from spo.places.provinces import REGIONS, Province, all_provinces, find_province

METROPOLITAN = {
    "Adana", "Ankara", "Antalya", "Aydın", "Balıkesir", "Bursa", "Denizli",
    "Diyarbakır", "Erzurum", "Eskişehir", "Gaziantep", "Hatay", "İstanbul",
    "İzmir", "Kahramanmaraş", "Kayseri", "Kocaeli", "Konya", "Malatya",
    "Manisa", "Mardin", "Mersin", "Muğla", "Ordu", "Sakarya", "Samsun",
    "Şanlıurfa", "Tekirdağ", "Trabzon", "Van",
}  # fmt: skip


def test_there_are_81_provinces_with_plates_1_to_81() -> None:
    plates = [p.plate for p in all_provinces()]
    assert plates == list(range(1, 82))


def test_names_are_unique() -> None:
    names = [p.name for p in all_provinces()]
    assert len(set(names)) == 81


def test_exactly_the_30_metropolitan_provinces() -> None:
    assert len(METROPOLITAN) == 30
    assert {p.name for p in all_provinces() if p.metropolitan} == METROPOLITAN


def test_every_region_is_known_and_used() -> None:
    used = {p.region for p in all_provinces()}
    assert used == set(REGIONS)


def test_regions_have_turkish_and_english_labels() -> None:
    assert len(REGIONS) == 7
    assert REGIONS["black-sea"] == {"tr": "Karadeniz", "en": "Black Sea"}
    for labels in REGIONS.values():
        assert set(labels) == {"tr", "en"}


def test_centres_are_inside_turkey() -> None:
    for p in all_provinces():
        assert 35.8 <= p.lat <= 42.2, p
        assert 25.6 <= p.lon <= 44.9, p


def test_all_provinces_is_cached_and_immutable() -> None:
    assert all_provinces() is all_provinces()
    with pytest.raises(AttributeError):
        all_provinces()[0].name = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("value", "name"),
    [
        (6, "Ankara"),
        (34, "İstanbul"),
        (81, "Düzce"),
        ("6", "Ankara"),
        ("06", "Ankara"),
        ("33", "Mersin"),
        (" 01 ", "Adana"),
        ("İSTANBUL", "İstanbul"),
        ("istanbul", "İstanbul"),
        ("Istanbul", "İstanbul"),
        ("ISTANBUL", "İstanbul"),
        ("sanliurfa", "Şanlıurfa"),
        ("Şanlıurfa", "Şanlıurfa"),
        ("SANLIURFA", "Şanlıurfa"),
        ("kirikkale", "Kırıkkale"),
        ("Igdir", "Iğdır"),
        ("kahramanmaras", "Kahramanmaraş"),
        ("  afyonkarahisar ", "Afyonkarahisar"),
        ("Hakkâri", "Hakkari"),
    ],
)
def test_find_province(value: int | str, name: str) -> None:
    found = find_province(value)
    assert isinstance(found, Province)
    assert found.name == name


@pytest.mark.parametrize(
    "value",
    [0, 82, -6, "0", "00", "82", "034", "34000", "", "   ", "Atlantis",
     "İstanbull", "6a", True],
)  # fmt: skip
def test_find_province_unknown_returns_none(value: int | str) -> None:
    assert find_province(value) is None
