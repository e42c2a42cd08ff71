"""A `Report` as one self-contained HTML page, for a council memo or a journalist: the headline
figures, the published figures beside the recorded ones with their status and sources, a map of
the municipalities by their relation to the office, charts, and every table of the terminal
report (`report_sections`, in the same words). CSS and SVG are inline; there is no script and
nothing is fetched; a print stylesheet sets it on A4. Every text is escaped."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spo.api import NO_RELATION, RELATIONS, STAGES, Place, Report, Source, Year
from spo.cli.citing import citation
from spo.cli.language import Lang
from spo.cli.render import report_left_out as left_out
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
from spo.cli.words import label, say

# A web address as the schemas take one (http or https, no space), and no control character
_WEB_ADDRESS = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f]+", re.IGNORECASE)


def html_words(key: str, lang: Lang) -> str:
    """A word of the HTML report (`report.html.<key>` in the catalogue)."""
    return message(f"html.{key}", lang)


def _link(url: str | None, text: str) -> str:
    """Escaped text, a link to `url` when it is a web address (http or https, nothing else)."""
    if url and _WEB_ADDRESS.fullmatch(url):
        return f'<a href="{escape(url)}" rel="noreferrer">{escape(text)}</a>'
    return escape(text)


def source_html(source: Source | None, lang: Lang) -> str:
    """A source as the page cites it: its publisher, title and date linking to its address, and
    its archived copy (a link, or the stored file's name)."""
    if source is None:
        return ""
    text = citation(source)
    cited = _link(source.url, text or source.url or "")
    if source.url and text and not _WEB_ADDRESS.fullmatch(source.url):
        cited += f" {escape(source.url)}"  # an address that is not a web page: shown, not linked
    if source.archived:  # "stored copy: …", as `show` says it, the copy a link where it can be
        stored = escape(say("view.archived", lang, copy="\0"))
        cited += f" ({stored.replace(chr(0), _link(source.archived, source.archived))})"
    return cited


def _shown(report: Report, key: str, count: int) -> str:
    """A headline count, or "—" where the registry records nothing of its kind."""
    return str(count) if report.recorded(key) else NO_NUMBER


def format_html(report: Report, places: Sequence[Place], years: Sequence[Year], lang: Lang) -> str:
    title = message("title", lang, day=report.as_of.isoformat())
    body = [
        f"<header><h1>{escape(title)}</h1>",
        f'<p class="scope">{escape(_scope(report, lang))}</p>',
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


def _scope(report: Report, lang: Lang) -> str:
    """What the page counts, naming the owner by its name (its id is for the command line)."""
    if report.owner is None:
        return scope_text(report, lang)
    return message("html.scope_owner", lang, name=report.owner_name)


def left_out_section(report: Report, lang: Lang) -> list[str]:
    """The records the report was computed without, above every figure (none: nothing)."""
    if not report.left_out:
        return []
    return [
        f'<section class="left-out" role="alert"><h2>{escape(left_out.title(lang))}</h2>'
        + _table(left_out.columns(lang), left_out.rows(report, lang))
        + f'<p class="note">{escape(left_out.note(lang))}</p></section>'
    ]


def _headline(report: Report, lang: Lang) -> str:
    cards = [
        (key, message(key, lang), _shown(report, key, t.total)) for key, t in tallies(report)
    ] + [
        (
            "projects_transferred",
            message("projects_transferred", lang),
            _shown(report, "transfers", report.projects_transferred),
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
    sources = [source_html(check.source, lang) for check in report.reported]
    parts.append(_table(section.columns, section.rows, statuses, sources))
    parts.extend(f'<p class="note">{escape(note)}</p>' for note in figure_notes(report, lang))
    parts.append("</section>")
    return "\n".join(parts)


def _map(report: Report, places: Sequence[Place], lang: Lang) -> str:
    names = {key: message(key, lang) for key in RELATIONS[::-1]}
    names[NO_RELATION] = html_words("no_relation", lang)
    # The headline's counts: a municipality hosted and then supported counts in both, as there;
    # its dot and its province show the furthest along.
    counts = {key: _shown(report, key, t.total) for key, t in tallies(report)}
    counts[NO_RELATION] = str(sum(p.relation == NO_RELATION for p in places))
    heading = html_words("map", lang)
    off_map = [p for p in places if p.plate is None]
    offices = frozenset(o.municipality for o in report.offices)
    parts = [
        f'<section class="places"><h2>{escape(heading)}</h2>',
        f'<p class="note">{escape(html_words("map_note", lang))}</p>',
        '<div class="map-box">',
        turkey_map(places, names, heading, offices),
        '<div class="key">',
        legend(names, counts, html_words("office", lang) if offices else None),
        f'<p class="note credit">{escape(html_words("map_credit", lang))}</p>',
        "</div></div>",
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
        '<section class="charts"><div class="chart-box">',
        f"<h2>{escape(transfers_title)}</h2>",
        bar_chart(stage_rows, transfers_title),
        '</div><div class="chart-box">',
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
    parts.append("</div></section>")
    return "\n".join(parts)


def _table_section(section: Section, lang: Lang) -> str:
    """A table with its heading and notes, in a box of its own: printed, the boxes flow in two
    columns, and a table of many columns spans both (`wide`)."""
    title = f'<h3 id="{section.key}">{escape(section.title)}</h3>'
    if not section.rows:
        body = f'<p class="none">{escape(message("none", lang))}</p>'
    else:
        notes = "".join(f'<p class="note">{escape(note)}</p>' for note in section.notes)
        body = _table(section.columns, section.rows) + notes
    wide = " wide" if len(section.columns) > 3 else ""
    return f'<div class="table-box{wide}">{title}{body}</div>'


def _table(
    columns: list[str],
    rows: list[list[str]],
    statuses: list[str] | None = None,
    sources: list[str] | None = None,
) -> str:
    """A table of escaped cells; the published figures' table (`statuses`, `sources`: one
    per row) has its status as a badge and its source as HTML of its own."""
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
            elif sources is not None and i == len(row) - 1:
                cells.append(f'<td class="source">{sources[n]}</td>')
            else:
                cells.append(f"<td{' class=num' if numeric[i] else ''}>{escape(cell)}</td>")
        css = f' class="status-{statuses[n]}"' if statuses is not None else ""
        body.append(f"<tr{css}>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
