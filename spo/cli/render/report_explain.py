"""`spo report --explain METRIC`: the records behind one figure, as a table, Markdown or JSON.

JSON is an array of `{id, name, kind, event, date, source}` (plus `project` for an event of a
transfer, `municipality` for a project, `participants` for visitors), with vocabulary values and
dates as the files write them; the table and Markdown use labels in the reader's language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spo.api import (
    ENGAGEMENT_KINDS,
    METRICS,
    MUNICIPALITY_KINDS,
    STAGES,
    ExplainRow,
    Explanation,
    Records,
)
from spo.cli.citing import cite
from spo.cli.language import Lang
from spo.cli.render.console import text
from spo.cli.render.escape import json_text, markdown, markdown_line
from spo.cli.render.labels import date_label, localized_name, project_name_by_id
from spo.cli.render.report_markdown import markdown_table
from spo.cli.render.report_table import print_section
from spo.cli.render.report_words import NO_NUMBER, completeness_line, figure_line, message
from spo.cli.words import label

if TYPE_CHECKING:
    from rich.console import Console


def explain_data(explanation: Explanation) -> list[dict[str, Any]]:
    def row_data(row: ExplainRow) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": row.id,
            "name": row.name_tr,
            "kind": row.kind,
            "event": row.event,
            "date": row.date.text,
            "source": row.source.to_data() if row.source else None,
        }
        for key in ("project", "municipality"):
            if getattr(row, key) is not None:
                data[key] = getattr(row, key)
        if explanation.metric == "visitors":
            data["participants"] = row.participants
        return data

    return [row_data(row) for row in explanation.rows]


def format_json(explanation: Explanation) -> str:
    return json_text(explain_data(explanation))


def title(explanation: Explanation, lang: Lang) -> str:
    metric = label(METRICS, explanation.metric, lang)
    if explanation.kind:
        metric += f" ({label(MUNICIPALITY_KINDS, explanation.kind, lang)})"
    day = explanation.as_of.isoformat()
    count = len(explanation.rows)
    if explanation.metric == "visitors":  # the rows are engagements: the heading counts both
        counted = [row.participants for row in explanation.rows if row.participants is not None]
        visitors = str(sum(counted)) if counted else NO_NUMBER
        return message("explain.title_visitors", lang, metric=metric, day=day, count=count,
                       visitors=visitors)  # fmt: skip
    return message("explain.title", lang, metric=metric, day=day, count=count)


def figure_lines(explanation: Explanation, registry: Records, lang: Lang) -> list[str]:
    """The published figures of the metric with their status, in the report's words, and the
    statement of completeness each rests on."""

    def name(municipality: str) -> str:
        found = registry.municipalities.get(municipality)
        return found.name if found else municipality

    lines = [figure_line(check, name(check.owner), lang) for check in explanation.figures]
    statements = dict.fromkeys(c.complete for c in explanation.figures if c.complete)
    lines += [completeness_line(s, name(s.owner), lang) for s in statements]
    return lines


def _event(row: ExplainRow, registry: Records, lang: Lang) -> str:
    if row.project is None and row.municipality is None:  # an engagement
        return label(ENGAGEMENT_KINDS, row.event, lang)
    stage = label(STAGES, row.event, lang)
    if row.project is not None:
        what = project_name_by_id(registry, row.project, lang)
    else:
        found = registry.municipalities.get(row.municipality or "")
        what = found.name if found else row.municipality or ""
    return message("explain.event_of", lang, event=stage, what=what)


def columns_and_rows(
    explanation: Explanation, registry: Records, lang: Lang
) -> tuple[list[str], list[list[str]]]:
    """The table's columns and rows, as text; the source last."""
    projects = explanation.metric.startswith("projects-")
    visitors = explanation.metric == "visitors"
    columns = [
        message("explain.id", lang),
        message("explain.name", lang),
        *([] if projects else [message("explain.kind", lang)]),
        message("explain.event", lang),
        message("date", lang),
        *([message("explain.participants", lang)] if visitors else []),
        message("source", lang),
    ]
    rows = [
        [
            row.id,
            localized_name(row.name_tr, row.name_en, lang),
            *([] if projects else [label(MUNICIPALITY_KINDS, row.kind, lang) if row.kind else ""]),
            _event(row, registry, lang),
            date_label(row.date, lang),
            *(
                [NO_NUMBER if row.participants is None else str(row.participants)]
                if visitors
                else []
            ),
            cite(row.source),
        ]
        for row in explanation.rows
    ]
    return columns, rows


def format_markdown(explanation: Explanation, registry: Records, lang: Lang) -> str:
    lines = [f"# {markdown(title(explanation, lang))}", ""]
    figures = figure_lines(explanation, registry, lang)
    if figures:
        lines += [*(f"{markdown_line(line)}  " for line in figures), ""]
    columns, rows = columns_and_rows(explanation, registry, lang)
    lines += markdown_table(columns, rows) if rows else [f"_{markdown(message('none', lang))}_"]
    return "\n".join(lines) + "\n"


def render_table(explanation: Explanation, registry: Records, lang: Lang, console: Console) -> None:

    console.print(text(title(explanation, lang), style="bold"))
    for line in figure_lines(explanation, registry, lang):
        console.print(text(line, overflow="fold"))
    columns, rows = columns_and_rows(explanation, registry, lang)
    print_section(console, columns, rows, lang, with_sources=True)
