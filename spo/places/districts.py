"""Turkey's 973 districts (ilçe), from the team's own table ``districts.csv``.

A district is known by its province and its name: names repeat across
provinces (51 central districts are all "Merkez", and there is a Çardak in
Denizli as well as a town of that name in Çanakkale). Like ``provinces.csv``,
the table ships as package data, is read once through ``importlib.resources``
and never changes at run time.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib.resources import files
from typing import Final

from spo.places.provinces import Province, find_province
from spo.rules.lookup import closest
from spo.rules.turkish import fold

__all__ = ["district_like", "districts_of", "find_district"]

_PACKAGE: Final = "spo.places"
_DATA_FILE: Final = "districts.csv"
_COLUMNS: Final = ("plate", "name")


def _read_csv() -> str:
    """Return the packaged CSV text."""
    return files(_PACKAGE).joinpath(_DATA_FILE).read_text(encoding="utf-8")


def _plate_of(row: dict[str, str], number: int) -> int:
    """The row's plate code, which must name one of the 81 provinces.

    The file is edited by hand: a typo should fail loudly here rather than
    leave a district that no province ever finds.
    """
    plate = row["plate"]
    if not (plate.isascii() and plate.isdigit()) or find_province(int(plate)) is None:
        raise ValueError(f"{_DATA_FILE}: line {number}: plate={plate!r}")
    if not row["name"] or row["name"] != row["name"].strip():
        raise ValueError(f"{_DATA_FILE}: line {number}: name={row['name']!r}")
    return int(plate)


@cache
def _by_plate() -> dict[int, tuple[str, ...]]:
    """Every province's districts, in the table's order, keyed by plate code."""
    reader = csv.DictReader(io.StringIO(_read_csv()))
    if tuple(reader.fieldnames or ()) != _COLUMNS:
        raise ValueError(f"{_DATA_FILE}: unexpected header {reader.fieldnames}")
    table: dict[int, list[str]] = {}
    # Line 1 is the header, so the first row is line 2.
    for number, row in enumerate(reader, start=2):
        table.setdefault(_plate_of(row, number), []).append(row["name"])
    return {plate: tuple(names) for plate, names in sorted(table.items())}


@cache
def _by_folded_name(plate: int) -> dict[str, str]:
    """One province's districts keyed by their folded name.

    Two districts of one province that fold alike could never be told apart
    by what a user types, so the table must not have them.
    """
    names = districts_of(plate)
    folded = {fold(name): name for name in names}
    if len(folded) != len(names):
        raise ValueError(f"{_DATA_FILE}: plate {plate}: two districts fold to one name")
    return folded


def districts_of(plate: int) -> tuple[str, ...]:
    """The official names of a province's districts; empty for an unknown plate."""
    return _by_plate().get(plate, ())


def find_district(province: Province, text: str) -> str | None:
    """The official name of the province's district written as `text`, or None.

    Names are matched after fold(), so case, Turkish dotted/dotless i and
    diacritics do not matter: "keskin", "KESKİN" and "Keskin" all give "Keskin".
    """
    return _by_folded_name(province.plate).get(fold(text.strip()))


def district_like(province: Province, text: str) -> str | None:
    """The province's district whose name the user most likely meant, if any is close."""
    names = _by_folded_name(province.plate)
    close = closest(fold(text.strip()), names)
    return names[close] if close else None
