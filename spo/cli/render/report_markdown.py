"""A `Report` as Markdown, for a pull-request comment or a council memo: a pure function to
text. Every text in it is escaped (`spo.cli.render.escape`): Markdown is what a job summary
renders as HTML."""

from __future__ import annotations

from spo.api import Report
from spo.cli.language import Lang
from spo.cli.render import report_left_out as left_out
from spo.cli.render.escape import Markdown, markdown, markdown_line
from spo.cli.render.report_sections import Rows, sections
from spo.cli.render.report_words import (
    completeness_lines,
    figure_notes,
    is_number,
    message,
    office_lines,
    scope_text,
)


def _cell(text: str) -> str:
    return text if isinstance(text, Markdown) else markdown(text)


def markdown_table(columns: list[str], rows: Rows) -> list[str]:
    """A table of text cells, each escaped (a `Markdown` cell is taken as it is)."""
    numeric = [bool(rows) and all(is_number(r[i]) for r in rows) for i in range(len(columns))]
    lines = [
        "| " + " | ".join(_cell(c) for c in columns) + " |",
        "|" + "|".join("---:" if n else "---" for n in numeric) + "|",
    ]
    lines.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
    return lines


def format_markdown(report: Report, lang: Lang) -> str:
    lines = [
        f"# {markdown(message('title', lang, day=report.as_of.isoformat()))}",
        "",
        _scope(report, lang) + " " + markdown(message("dates_note", lang)),
    ]
    lines += left_out_lines(report, lang)
    for office_of in report.offices:
        lines += ["", *(f"> {markdown_line(line)}  " for line in office_lines(office_of, lang))]
    lines += ["", *(markdown_line(line) + "  " for line in completeness_lines(report, lang))]
    for section in sections(report, lang):
        lines += ["", f"## {markdown(section.title)}", ""]
        if section.rows:
            lines += markdown_table(section.columns, section.rows)
        else:
            lines.append(f"_{markdown(message('none', lang))}_")
        if section.notes and section.rows:
            lines += ["", *map(markdown_line, section.notes)]
        if section.key == "reported" and section.rows:
            lines += ["", *map(markdown_line, figure_notes(report, lang))]
    return "\n".join(lines) + "\n"


def left_out_lines(report: Report, lang: Lang) -> list[str]:
    """The records the report was computed without, as a section of their own."""
    if not report.left_out:
        return []
    return [
        "",
        f"## {markdown(left_out.title(lang))}",
        "",
        *markdown_table(left_out.columns(lang), left_out.rows(report, lang)),
        "",
        markdown_line(left_out.note(lang)),
    ]


def _scope(report: Report, lang: Lang) -> str:
    """The report's scope, its owner's id as code."""
    if report.owner is None:
        return markdown_line(scope_text(report, lang))
    name, owner = markdown(report.owner_name or report.owner), markdown(report.owner)
    return message("scope_owner", lang, name=name, id=owner)
