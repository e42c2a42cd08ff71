"""Turkey's town municipalities (belde), from the team's own table ``towns.csv``.

A town is known by its province, its district and its name: "Çardak" is a town of Lapseki in
Çanakkale, and also a town of the central district of Nevşehir (and, elsewhere, a district of
Denizli). Towns exist only in the 51 provinces that are not metropolitan: law 6360 joined every
town of the 30 metropolitan provinces to its district municipality in 2014.

The table is written by the team from its own knowledge and is known to be incomplete (see
``tests/test_towns_reference.py`` for how it compares with the shared reference): a real town
missing here is added to the CSV, with the district it lies in. Like ``districts.csv``, it ships
as package data, is read once through ``importlib.resources`` and never changes at run time.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib.resources import files
from typing import Final

from spo.places.districts import find_district
from spo.places.provinces import Province, find_province
from spo.rules.lookup import closest
from spo.rules.turkish import fold

__all__ = ["districts_with_town", "find_town", "town_like", "towns_of"]

_PACKAGE: Final = "spo.places"
_DATA_FILE: Final = "towns.csv"
_COLUMNS: Final = ("plate", "district", "name")

Place = tuple[int, str]  # (plate, official district name)


def _read_csv() -> str:
    """Return the packaged CSV text."""
    return files(_PACKAGE).joinpath(_DATA_FILE).read_text(encoding="utf-8")


def _place_of(row: dict[str, str], number: int) -> Place:
    """The row's province and district, which must be a non-metropolitan province's district.

    The file is edited by hand: a typo should fail loudly here rather than leave a town that no
    lookup ever finds.
    """
    plate = row["plate"]
    province = find_province(int(plate)) if plate.isascii() and plate.isdigit() else None
    if province is None or province.metropolitan:
        raise ValueError(f"{_DATA_FILE}: line {number}: plate={plate!r}")
    if find_district(province, row["district"]) != row["district"]:
        raise ValueError(f"{_DATA_FILE}: line {number}: district={row['district']!r}")
    if not row["name"] or row["name"] != row["name"].strip():
        raise ValueError(f"{_DATA_FILE}: line {number}: name={row['name']!r}")
    return province.plate, row["district"]


@cache
def _by_place() -> dict[Place, dict[str, str]]:
    """Every district's towns keyed by their folded name.

    Two towns of one district that fold alike could never be told apart by what a user types,
    so the table must not have them.
    """
    reader = csv.DictReader(io.StringIO(_read_csv()))
    if tuple(reader.fieldnames or ()) != _COLUMNS:
        raise ValueError(f"{_DATA_FILE}: unexpected header {reader.fieldnames}")
    table: dict[Place, dict[str, str]] = {}
    # Line 1 is the header, so the first row is line 2.
    for number, row in enumerate(reader, start=2):
        towns = table.setdefault(_place_of(row, number), {})
        if fold(row["name"]) in towns:
            raise ValueError(f"{_DATA_FILE}: line {number}: town {row['name']!r} twice")
        towns[fold(row["name"])] = row["name"]
    return table


def towns_of(province: Province, district: str) -> tuple[str, ...]:
    """The official names of the towns of a province's district (official spelling), in order."""
    return tuple(_by_place().get((province.plate, district), {}).values())


def find_town(province: Province, district: str, text: str) -> str | None:
    """The official name of the district's town written as `text` (matched folded), or None."""
    return _by_place().get((province.plate, district), {}).get(fold(text.strip()))


def town_like(province: Province, district: str, text: str) -> str | None:
    """The district's town whose name the user most likely meant, if any is close."""
    names = _by_place().get((province.plate, district), {})
    close = closest(fold(text.strip()), names)
    return names[close] if close else None


def districts_with_town(province: Province, text: str) -> tuple[str, ...]:
    """The province's districts that have a town written as `text`: where it really lies."""
    folded = fold(text.strip())
    return tuple(
        district
        for (plate, district), towns in _by_place().items()
        if plate == province.plate and folded in towns
    )
