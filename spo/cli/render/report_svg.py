"""The HTML report's pictures as inline SVG, drawn here from the registry's own tables: a map of
Turkey (a hand-drawn rough outline and the 81 provinces' centres from `spo/provinces.csv`,
projected from latitude and longitude) with every municipality as a dot coloured by its relation
to the office, and bar charts. Every text is escaped; nothing is fetched."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from spo.cli.render.escape import html_text as escape
from spo.provinces import Province, all_provinces
from spo.report.places import Place

WEST, EAST, SOUTH, NORTH = 25.6, 45.0, 35.7, 42.3
MAP_WIDTH = 900
_X_SCALE = MAP_WIDTH / (EAST - WEST)
_Y_SCALE = _X_SCALE / math.cos(math.radians(39.0))  # a degree of latitude is longer
MAP_HEIGHT = round((NORTH - SOUTH) * _Y_SCALE)

# A rough outline of Turkey drawn by hand, (longitude, latitude), clockwise from Edirne.
OUTLINE = (
    (26.6, 41.75),
    (27.4, 42.05),
    (28.0, 41.95),
    (29.05, 41.25),
    (30.5, 41.2),
    (31.5, 41.35),
    (33.0, 41.95),
    (34.95, 42.1),
    (36.1, 41.7),
    (36.4, 41.3),
    (37.5, 41.1),
    (39.7, 41.05),
    (41.5, 41.5),
    (42.5, 41.5),
    (43.5, 41.1),
    (43.7, 40.1),
    (44.8, 39.7),
    (44.2, 39.0),
    (44.4, 38.4),
    (44.3, 37.9),
    (44.8, 37.2),
    (43.4, 37.25),
    (42.4, 37.1),
    (41.2, 37.1),
    (40.0, 36.8),
    (38.5, 36.8),
    (37.0, 36.7),
    (36.6, 36.8),
    (36.6, 36.2),
    (36.0, 35.8),
    (35.8, 36.3),
    (36.2, 36.65),
    (35.6, 36.6),
    (34.6, 36.8),
    (34.0, 36.3),
    (33.0, 36.1),
    (32.5, 36.1),
    (31.5, 36.7),
    (30.6, 36.85),
    (30.4, 36.25),
    (29.3, 36.2),
    (28.2, 36.7),
    (27.4, 37.0),
    (27.2, 37.6),
    (26.4, 38.3),
    (26.8, 38.6),
    (26.6, 39.3),
    (26.1, 39.5),
    (26.2, 40.0),
    (26.2, 40.6),
    (26.0, 40.75),
    (26.4, 41.3),
)
MARMARA = (28.3, 40.72, 1.25, 0.25)  # the Sea of Marmara as an ellipse: centre, radii in degrees


def project(lon: float, lat: float) -> tuple[float, float]:
    return round((lon - WEST) * _X_SCALE, 1), round((NORTH - lat) * _Y_SCALE, 1)


def dot_radius(count: int) -> float:
    """A province's dots get smaller as they get more, so that its cluster stays near it."""
    return round(max(2.2, min(6.0, 12.0 / math.sqrt(count))), 1)


def _spread(count: int, index: int) -> tuple[float, float]:
    """Where the `index`th of `count` dots of one province sits around its centre: a sunflower
    spiral, so that many dots in one province stay apart."""
    if count == 1:
        return 0.0, 0.0
    radius = 1.8 * dot_radius(count) * math.sqrt(index + 0.5)
    angle = index * 2.39996  # the golden angle
    return round(radius * math.cos(angle), 1), round(radius * math.sin(angle), 1)


def turkey_map(
    places: Sequence[Place],
    names: dict[str, str],
    title: str,
    offices: frozenset[str] = frozenset(),
) -> str:
    """The map: the outline, a faint dot per province, and a dot per municipality with its
    relation as its class (`rel-<relation>`) and its name and province as its tooltip; the
    municipalities running an office in scope are ringed (class `office`)."""
    provinces = {p.plate: p for p in all_provinces()}
    outline = " ".join(f"{x},{y}" for x, y in (project(lon, lat) for lon, lat in OUTLINE))
    mx, my = project(MARMARA[0], MARMARA[1])
    parts = [
        f'<svg class="map" viewBox="0 0 {MAP_WIDTH} {MAP_HEIGHT}" role="img" '
        f'aria-label="{escape(title)}">',
        f'<polygon class="land" points="{outline}"/>',
        f'<ellipse class="sea" cx="{mx}" cy="{my}" rx="{round(MARMARA[2] * _X_SCALE, 1)}" '
        f'ry="{round(MARMARA[3] * _Y_SCALE, 1)}"/>',
    ]
    for province in provinces.values():
        x, y = project(province.lon, province.lat)
        parts.append(
            f'<circle class="province" cx="{x}" cy="{y}" r="2.5">'
            f"<title>{escape(province.name)}</title></circle>"
        )
    by_province: dict[int, list[Place]] = defaultdict(list)
    for place in places:
        if place.plate in provinces:
            by_province[place.plate].append(place)
    for plate, here in sorted(by_province.items()):
        parts.extend(_dots(provinces[plate], here, names, offices))
    parts.append("</svg>")
    return "\n".join(parts)


def _dots(
    province: Province, here: list[Place], names: dict[str, str], offices: frozenset[str]
) -> list[str]:
    x, y = project(province.lon, province.lat)
    dots = []
    # Furthest along last, so that it is drawn on top
    ordered = sorted(here, key=lambda p: (_RANK.get(p.relation, 0), p.id))
    for index, place in enumerate(ordered):
        dx, dy = _spread(len(ordered), index)
        tip = f"{place.name} ({province.name}): {names[place.relation]}"
        office = " office" if place.id in offices else ""
        dots.append(
            f'<circle class="marker rel-{escape(place.relation)}{office}" '
            f'data-id="{escape(place.id)}" '
            f'cx="{round(x + dx, 1)}" cy="{round(y + dy, 1)}" r="{dot_radius(len(ordered))}">'
            f"<title>{escape(tip)}</title></circle>"
        )
    return dots


_RANK = {"none": 0, "hosted": 1, "in_talks": 2, "supported": 3, "launched": 4}


def legend(names: dict[str, str], counts: dict[str, int], office: str | None) -> str:
    """The map's legend as an HTML list: each relation's colour, label and count, and the ring
    of an office when the map shows one."""
    ring = (
        '<li><svg width="14" height="14" aria-hidden="true"><circle class="marker rel-none '
        f'office" cx="7" cy="7" r="5"/></svg> {escape(office)}</li>'
        if office
        else ""
    )
    items = ring + "".join(
        f'<li><svg width="14" height="14" aria-hidden="true"><circle class="marker rel-{key}" '
        f'cx="7" cy="7" r="6"/></svg> {escape(label)} <span class="count">{counts.get(key, 0)}'
        "</span></li>"
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
    label_width, bar_width, row_height = 220, 420, 26
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
