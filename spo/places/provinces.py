"""Turkey's 81 provinces (il), from the team's own table ``provinces.csv``.

The CSV ships as package data and is read through ``importlib.resources`` so
the lookup works from a wheel or zip, not just from a source checkout. It is
parsed once and cached; the data never changes at run time.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Final

from spo.rules.turkish import fold

__all__ = ["REGIONS", "Province", "all_provinces", "find_province"]

_PACKAGE: Final = "spo.places"
_DATA_FILE: Final = "provinces.csv"
_COLUMNS: Final = ("plate", "name", "metropolitan", "region", "lat", "lon")
_MAX_PLATE_DIGITS: Final = 2

REGIONS: Final[dict[str, dict[str, str]]] = {
    "marmara": {"tr": "Marmara", "en": "Marmara"},
    "aegean": {"tr": "Ege", "en": "Aegean"},
    "mediterranean": {"tr": "Akdeniz", "en": "Mediterranean"},
    "central-anatolia": {"tr": "İç Anadolu", "en": "Central Anatolia"},
    "black-sea": {"tr": "Karadeniz", "en": "Black Sea"},
    "eastern-anatolia": {"tr": "Doğu Anadolu", "en": "Eastern Anatolia"},
    "southeastern-anatolia": {
        "tr": "Güneydoğu Anadolu",
        "en": "Southeastern Anatolia",
    },
}
"""The seven geographic regions: id -> Turkish and English labels."""


@dataclass(frozen=True, slots=True)
class Province:
    """One province; ``lat``/``lon`` are a rough centre (its capital city)."""

    plate: int
    name: str
    metropolitan: bool
    region: str
    lat: float
    lon: float


def _parse_flag(value: str, plate: str) -> bool:
    """Read the ``metropolitan`` column, which must be exactly yes/no."""
    if value not in ("yes", "no"):
        raise ValueError(f"{_DATA_FILE}: plate {plate}: metropolitan={value!r}")
    return value == "yes"


def _parse_row(row: dict[str, str]) -> Province:
    """Turn one CSV row into a Province, rejecting malformed values.

    The file is edited by hand, so a typo should fail loudly here rather
    than surface later as a province that never matches.
    """
    plate = row["plate"]
    if row["region"] not in REGIONS:
        raise ValueError(f"{_DATA_FILE}: plate {plate}: region={row['region']!r}")
    return Province(
        plate=int(plate),
        name=row["name"],
        metropolitan=_parse_flag(row["metropolitan"], plate),
        region=row["region"],
        lat=float(row["lat"]),
        lon=float(row["lon"]),
    )


def _read_csv() -> str:
    """Return the packaged CSV text."""
    return files(_PACKAGE).joinpath(_DATA_FILE).read_text(encoding="utf-8")


@cache
def all_provinces() -> tuple[Province, ...]:
    """All 81 provinces, ordered by plate code."""
    reader = csv.DictReader(io.StringIO(_read_csv()))
    if tuple(reader.fieldnames or ()) != _COLUMNS:
        raise ValueError(f"{_DATA_FILE}: unexpected header {reader.fieldnames}")
    provinces = sorted((_parse_row(row) for row in reader), key=lambda p: p.plate)
    return tuple(provinces)


@cache
def _by_plate() -> dict[int, Province]:
    return {p.plate: p for p in all_provinces()}


@cache
def _by_folded_name() -> dict[str, Province]:
    return {fold(p.name): p for p in all_provinces()}


def _plate_from_text(text: str) -> int | None:
    """Plate code written as digits ("6", "06"), else None.

    Longer digit strings are refused: plate codes are written with two
    digits, and e.g. "034" or "34000" is more likely a phone or postal code.
    """
    if text.isascii() and text.isdigit() and len(text) <= _MAX_PLATE_DIGITS:
        return int(text)
    return None


def find_province(value: int | str) -> Province | None:
    """Find a province by plate code (6, "06") or by name ("sanliurfa").

    Names are matched after fold(), so case, Turkish dotted/dotless i and
    diacritics do not matter: "İSTANBUL", "Istanbul" and "istanbul" agree.
    Returns None when nothing matches.
    """
    if isinstance(value, bool):  # bool is an int subclass; True is not plate 1
        return None
    if isinstance(value, int):
        return _by_plate().get(value)
    text = value.strip()
    plate = _plate_from_text(text)
    if plate is not None:
        return _by_plate().get(plate)
    return _by_folded_name().get(fold(text))
