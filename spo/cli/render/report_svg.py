"""The HTML report's pictures as inline SVG, drawn here from the registry's own tables: a map of
Turkey's 81 provinces (their outlines from `spo.places.shapes`, projected from longitude and
latitude), each province tinted by the furthest relation of its municipalities and every
municipality a dot inside its province, coloured by its relation to the office; and bar charts.
Every text is escaped; nothing is fetched."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from spo.api import (
    NO_RELATION,
    RELATIONS,
    Place,
    Province,
    all_provinces,
    furthest,
    inside,
    province_shapes,
)
from spo.cli.render.escape import html_text as escape

WEST, EAST, SOUTH, NORTH = 25.5, 45.0, 35.7, 42.2
MAP_WIDTH = 900
_X_SCALE = MAP_WIDTH / (EAST - WEST)
_Y_SCALE = _X_SCALE / math.cos(math.radians(39.0))  # a degree of latitude is longer
MAP_HEIGHT = round((NORTH - SOUTH) * _Y_SCALE)

Point = tuple[float, float]


def project(lon: float, lat: float) -> Point:
    return round((lon - WEST) * _X_SCALE, 1), round((NORTH - lat) * _Y_SCALE, 1)


def dot_radius(count: int) -> float:
    """A province's dots get smaller as they get more, so that they stay inside it."""
    return round(max(2.2, min(5.0, 10.0 / math.sqrt(count))), 1)


def _spots(count: int, centre: Point, rings: Sequence[Sequence[Point]]) -> list[Point]:
    """Where `count` dots of one province sit: along a sunflower spiral out from its centre,
    so that many dots stay apart, skipping the spots outside the province (a sea, a gulf)."""
    step = 1.8 * dot_radius(count)
    spots: list[Point] = []
    for index in range(40 * count):
        radius, angle = step * math.sqrt(index), index * 2.39996  # the golden angle
        x = round(centre[0] + radius * math.cos(angle), 1)
        y = round(centre[1] + radius * math.sin(angle), 1)
        if inside(x, y, rings):
            spots.append((x, y))
            if len(spots) == count:
                return spots
    return spots + [centre] * (count - len(spots))  # a province too small for its dots


def _path(rings: Sequence[Sequence[Point]]) -> str:
    """The rings as one path: after "M", SVG reads each further point as a line to it."""
    return "".join("M" + " ".join(f"{x:g},{y:g}" for x, y in ring) + "Z" for ring in rings)


def turkey_map(
    places: Sequence[Place],
    names: dict[str, str],
    title: str,
    offices: frozenset[str] = frozenset(),
) -> str:
    """The map: every province as a path, tinted by the furthest relation of its municipalities
    (class `rel-<relation>`, none where the registry has no municipality there), with its name
    as its tooltip; and a dot per municipality inside its province, its relation as its class
    and its name as its tooltip; the municipalities running an office in scope are ringed
    (class `office`)."""
    by_province: dict[int, list[Place]] = defaultdict(list)
    for place in places:
        if place.plate is not None:
            by_province[place.plate].append(place)
    projected = {
        plate: [[project(lon, lat) for lon, lat in ring] for ring in rings]
        for plate, rings in province_shapes().items()
    }
    provinces = {p.plate: p for p in all_provinces()}
    parts = [
        f'<svg class="map" viewBox="0 0 {MAP_WIDTH} {MAP_HEIGHT}" role="img" '
        f'aria-label="{escape(title)}">'
    ]
    for province in provinces.values():
        here = by_province.get(province.plate, [])
        relation = furthest([p.relation for p in here]) if here else None
        css = f"province rel-{relation}" if relation else "province"
        tip = f"{province.name}: {names[relation]}" if relation else province.name
        parts.append(
            f'<path class="{css}" data-plate="{province.plate}" '
            f'd="{_path(projected[province.plate])}"><title>{escape(tip)}</title></path>'
        )
    for plate, here in sorted(by_province.items()):
        parts.extend(_dots(provinces[plate], here, projected[plate], names, offices))
    parts.append("</svg>")
    return "\n".join(parts)


def _dots(
    province: Province,
    here: list[Place],
    rings: Sequence[Sequence[Point]],
    names: dict[str, str],
    offices: frozenset[str],
) -> list[str]:
    # Furthest along last, so that it is drawn on top
    ordered = sorted(here, key=lambda p: (-_RANK[p.relation], p.id))
    spots = _spots(len(ordered), project(province.lon, province.lat), rings)
    dots = []
    for place, (x, y) in zip(ordered, spots, strict=True):
        tip = f"{place.name} ({province.name}): {names[place.relation]}"
        office = " office" if place.id in offices else ""
        dots.append(
            f'<circle class="marker rel-{escape(place.relation)}{office}" '
            f'data-id="{escape(place.id)}" cx="{x:g}" cy="{y:g}" r="{dot_radius(len(ordered))}">'
            f"<title>{escape(tip)}</title></circle>"
        )
    return dots


_RANK = {r: i for i, r in enumerate((*RELATIONS, NO_RELATION))}


def legend(names: dict[str, str], counts: dict[str, str], office: str | None) -> str:
    """The map's legend as an HTML list: each relation's colour, label and count (as given:
    the headline figures' own), and the ring of an office when the map shows one."""
    ring = (
        '<li><svg width="14" height="14" aria-hidden="true"><circle class="marker rel-none '
        f'office" cx="7" cy="7" r="5"/></svg> {escape(office)}</li>'
        if office
        else ""
    )
    items = ring + "".join(
        f'<li data-relation="{key}"><svg width="14" height="14" aria-hidden="true">'
        f'<circle class="marker rel-{key}" cx="7" cy="7" r="6"/></svg> {escape(label)} '
        f'<span class="count">{escape(counts.get(key, "0"))}</span></li>'
        for key, label in names.items()
    )
    return f'<ul class="legend">{items}</ul>'


def _svg(css: str, width: float, height: float, title: str) -> str:
    """An SVG drawn at its own size in pixels (a narrow page or paper shrinks it)."""
    return (
        f'<svg class="{css}" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}">'
    )


def bar_chart(rows: Sequence[tuple[str, int, str]], title: str) -> str:
    """Horizontal bars, one per row (label, count, css class), the label on the left and the
    count at the bar's end."""
    label_width, bar_width, row_height = 220, 300, 26
    largest = max((n for _, n, _ in rows), default=0)
    height = row_height * len(rows) + 8
    parts = [_svg("chart", label_width + bar_width + 50, height, title)]
    for i, (label, count, css) in enumerate(rows):
        y = 4 + i * row_height
        width = round(count / largest * bar_width, 1) if largest else 0
        parts.append(
            f'<text class="label" x="{label_width - 8}" y="{y + 17}" text-anchor="end">'
            f"{escape(label)}</text>"
            f'<rect class="{css}" data-count="{count}" x="{label_width}" y="{y + 3}" '
            f'width="{width}" height="{row_height - 8}"><title>{escape(label)}: {count}</title>'
            "</rect>"
            f'<text class="value" x="{label_width + width + 6}" y="{y + 17}">{count}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def column_chart(
    years: Sequence[int], series: Sequence[tuple[str, str, Sequence[int]]], title: str
) -> str:
    """Stacked columns per year; each series is (css class, label, one count per year)."""
    left, top, plot_height, gap = 40, 20, 200, 24
    column = max(18, min(70, 600 // max(len(years), 1) - gap))
    totals = [sum(s[2][i] for s in series) for i in range(len(years))]
    largest = max(totals, default=0) or 1
    width = left + len(years) * (column + gap) + 10
    scale = plot_height / largest
    parts = [
        _svg("chart timeline", width, top + plot_height + 30, title),
        f'<line class="axis" x1="{left - 4}" y1="{top + plot_height}" x2="{width}" '
        f'y2="{top + plot_height}"/>',
        f'<text class="value" x="{left - 8}" y="{top + 10}" text-anchor="end">{largest}</text>',
    ]
    for i, year in enumerate(years):
        x = left + i * (column + gap)
        base: float = top + plot_height
        for css, label, counts in series:
            count = counts[i]
            if not count:
                continue
            height = round(count * scale, 1)
            base = round(base - height, 1)
            parts.append(
                f'<rect class="{css}" data-year="{year}" data-count="{count}" x="{x}" y="{base}" '
                f'width="{column}" height="{height}"><title>{year} · {escape(label)}: {count}'
                "</title></rect>"
            )
        if totals[i]:
            parts.append(
                f'<text class="value" x="{x + column / 2}" y="{base - 4}" '
                f'text-anchor="middle">{totals[i]}</text>'
            )
        parts.append(
            f'<text class="label" x="{x + column / 2}" y="{top + plot_height + 18}" '
            f'text-anchor="middle">{year}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
