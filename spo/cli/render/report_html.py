"""A `Report` as one self-contained HTML page, for a council memo or a journalist: the headline
figures, the published figures beside the recorded ones with their status and sources, a map of
the municipalities by their relation to the office, charts, and every table of the terminal
report (`report_sections`, in the same words). CSS and SVG are inline; there is no script and
nothing is fetched; a print stylesheet sets it on A4. Every text is escaped."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from spo.cli.language import Lang
from spo.cli.render.escape import html_text as escape
from spo.cli.render.report_css import CSS
from spo.cli.render.report_sections import Section, sections, tallies
from spo.cli.render.report_svg import bar_chart, column_chart, legend, turkey_map
from spo.cli.render.report_words import (
    NO_NUMBER,
    completeness_lines,
    figure_notes,
    is_number,
    message,
    office_lines,
    scope_text,
    visitors_text,
)
from spo.cli.words import label
from spo.report import Report
from spo.report.places import NO_RELATION, RELATIONS, Place, Year
from spo.vocabulary import STAGES

_URL = re.compile(r"https?://[^\s<>\"']+")


def html_words(key: str, lang: Lang) -> str:
    """A word of the HTML report (`report.html.<key>` in the catalogue)."""
    return message(f"html.{key}", lang)


def linked(text: str) -> str:
    """Escaped text, its web addresses as links (a source's own address, never fetched)."""
    out, last = [], 0
    for match in _URL.finditer(text):
        url = match.group(0)
        out.append(escape(text[last : match.start()]))
        out.append(f'<a href="{escape(url)}" rel="noreferrer">{escape(url)}</a>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def format_html(report: Report, places: Sequence[Place], years: Sequence[Year], lang: Lang) -> str:
    title = message("title", lang, day=report.as_of.isoformat())
    body = [
        f"<header><h1>{escape(title)}</h1>",
        f'<p class="scope">{escape(scope_text(report, lang).replace("`", ""))}</p>',
        f'<p class="note">{escape(message("dates_note", lang))}</p>',
        *(
            f'<p class="office">{escape(line)}</p>'
            for office_of in report.offices
            for line in office_lines(office_of, lang)
        ),
        *(
            f'<p class="completeness">{escape(line)}</p>'
            for line in completeness_lines(report, lang)
        ),
        "</header>",
        *left_out_section(report, lang),
        _headline(report, lang),
    ]
    all_sections = {s.key: s for s in sections(report, lang)}
    body.append(_reported(report, all_sections["reported"], lang))
    body.append(_map(report, places, lang))
    body.append(_charts(report, years, lang))
    body.append(f'<section class="tables"><h2>{escape(html_words("tables", lang))}</h2>')
    body.extend(_table_section(s, lang) for s in all_sections.values() if s.key != "reported")
    body.append("</section>")
    body.append(f"<footer><p>{escape(html_words('footer', lang))}</p></footer>")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>",
            f"<style>{CSS}</style>",
            "</head>",
            f'<body data-as-of="{report.as_of.isoformat()}" '
            f'data-owner="{escape(report.owner or "")}">',
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


def left_out_section(report: Report, lang: Lang) -> list[str]:
    """The records the report was computed without, above every figure (none: nothing)."""
    from spo.cli.render import report_left_out as left_out

    if not report.left_out:
        return []
    return [
        f'<section class="left-out" role="alert"><h2>{escape(left_out.title(lang))}</h2>'
        + _table(left_out.columns(lang), left_out.rows(report, lang))
        + f'<p class="note">{escape(left_out.note(lang))}</p></section>'
    ]


def _headline(report: Report, lang: Lang) -> str:
    def shown(key: str, count: int) -> str:
        return str(count) if report.recorded(key) else NO_NUMBER

    cards = [(key, message(key, lang), shown(key, t.total)) for key, t in tallies(report)] + [
        (
            "projects_transferred",
            message("projects_transferred", lang),
            shown("transfers", report.projects_transferred),
        ),
        ("visitors", message("visitors", lang), visitors_text(report, lang)),
    ]
    items = "".join(
        f'<div class="card" data-figure="{key}"><div class="number">{escape(number)}</div>'
        f'<div class="what">{escape(what)}</div>'
        + (f'<div class="detail">{escape(detail.strip("()"))}</div>' if detail else "")
        + "</div>"
        for key, what, value in cards
        for number, _, detail in [value.partition(" ")]
    )
    heading = escape(html_words("headline", lang))
    return f'<section class="headline"><h2>{heading}</h2><div class="cards">{items}</div></section>'


def _reported(report: Report, section: Section, lang: Lang) -> str:
    """The published figures with their status as a coloured badge and their sources."""
    parts = [f'<section class="reported"><h2>{escape(section.title)}</h2>']
    if not section.rows:
        parts.append(f'<p class="none">{escape(message("none", lang))}</p></section>')
        return "\n".join(parts)
    statuses = [check.status for check in report.reported]
    parts.append(_table(section.columns, section.rows, statuses))
    parts.extend(f'<p class="note">{escape(note)}</p>' for note in figure_notes(report, lang))
    parts.append("</section>")
    return "\n".join(parts)


def _map(report: Report, places: Sequence[Place], lang: Lang) -> str:
    names = {key: message(key, lang) for key in RELATIONS[::-1]}
    names[NO_RELATION] = html_words("no_relation", lang)
    counts = Counter(p.relation for p in places)
    heading = html_words("map", lang)
    off_map = [p for p in places if p.plate is None]
    offices = frozenset(o.municipality for o in report.offices)
    parts = [
        f'<section class="places"><h2>{escape(heading)}</h2>',
        f'<p class="note">{escape(html_words("map_note", lang))}</p>',
        '<div class="map-box">',
        turkey_map(places, names, heading, offices),
        legend(names, dict(counts), html_words("office", lang) if offices else None),
        "</div>",
    ]
    if off_map:
        listed = ", ".join(p.name for p in off_map)
        parts.append(f'<p class="note">{escape(html_words("off_map", lang))}: {escape(listed)}</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _charts(report: Report, years: Sequence[Year], lang: Lang) -> str:
    stage_rows = [
        (label(STAGES, s, lang), n, f"bar stage-{s}") for s, n in report.transfers_by_stage.items()
    ]
    transfers_title = message("transfers_by_stage", lang)
    timeline_title = html_words("timeline", lang)
    parts = [
        '<section class="charts">',
        f"<h2>{escape(transfers_title)}</h2>",
        bar_chart(stage_rows, transfers_title),
        f"<h2>{escape(timeline_title)}</h2>",
        f'<p class="note">{escape(html_words("timeline_note", lang))}</p>',
    ]
    if not years:
        parts.append(f'<p class="none">{escape(message("none", lang))}</p>')
    else:
        visits = html_words("visits", lang)
        series = [("bar visits", visits, [y.visits for y in years])]
        used = [s for s in STAGES.values if any(y.stages[s] for y in years)]
        series += [
            (f"bar stage-{s}", label(STAGES, s, lang), [y.stages[s] for y in years]) for s in used
        ]
        parts.append(column_chart([y.year for y in years], series, timeline_title))
        keys = "".join(
            f'<li><span class="swatch {css}"></span>{escape(name)}</li>' for css, name, _ in series
        )
        parts.append(f'<ul class="legend">{keys}</ul>')
    parts.append("</section>")
    return "\n".join(parts)


def _table_section(section: Section, lang: Lang) -> str:
    title = f'<h3 id="{section.key}">{escape(section.title)}</h3>'
    if not section.rows:
        return f'{title}<p class="none">{escape(message("none", lang))}</p>'
    notes = "".join(f'<p class="note">{escape(note)}</p>' for note in section.notes)
    return title + _table(section.columns, section.rows) + notes


def _table(columns: list[str], rows: list[list[str]], statuses: list[str] | None = None) -> str:
    numeric = [bool(rows) and all(is_number(r[i]) for r in rows) for i in range(len(columns))]
    head = "".join(
        f"<th{' class=num' if numeric[i] else ''}>{escape(c)}</th>" for i, c in enumerate(columns)
    )
    body = []
    for n, row in enumerate(rows):
        cells = []
        for i, cell in enumerate(row):
            if statuses is not None and i == len(row) - 2:
                badge = f'<span class="status status-{statuses[n]}">{escape(cell)}</span>'
                cells.append(f"<td>{badge}</td>")
            elif statuses is not None and i == len(row) - 1:
                cells.append(f'<td class="source">{linked(cell)}</td>')
            else:
                cells.append(f"<td{' class=num' if numeric[i] else ''}>{escape(cell)}</td>")
        css = f' class="status-{statuses[n]}"' if statuses is not None else ""
        body.append(f"<tr{css}>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
