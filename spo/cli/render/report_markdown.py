"""A `Report` as Markdown, for a pull-request comment or a council memo: a pure function to
text."""

from __future__ import annotations

from spo.cli.language import Lang
from spo.cli.render.report_sections import Rows, sections
from spo.cli.render.report_words import (
    completeness_lines,
    figure_notes,
    is_number,
    message,
    office_lines,
    scope_text,
)
from spo.report import Report


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def markdown_table(columns: list[str], rows: Rows) -> list[str]:
    numeric = [bool(rows) and all(is_number(r[i]) for r in rows) for i in range(len(columns))]
    lines = [
        "| " + " | ".join(_cell(c) for c in columns) + " |",
        "|" + "|".join("---:" if n else "---" for n in numeric) + "|",
    ]
    lines.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
    return lines


def format_markdown(report: Report, lang: Lang) -> str:
    lines = [
        f"# {message('title', lang, day=report.as_of.isoformat())}",
        "",
        scope_text(report, lang) + " " + message("dates_note", lang),
    ]
    for office_of in report.offices:
        lines += ["", *(f"> {line}  " for line in office_lines(office_of, lang))]
    lines += ["", *(" ".join(line.split()) + "  " for line in completeness_lines(report, lang))]
    for section in sections(report, lang):
        lines += ["", f"## {section.title}", ""]
        if section.rows:
            lines += markdown_table(section.columns, section.rows)
        else:
            lines.append(f"_{message('none', lang)}_")
        if section.notes and section.rows:
            lines += ["", *section.notes]
        if section.key == "reported" and section.rows:
            lines += ["", *figure_notes(report, lang)]
    return "\n".join(lines) + "\n"
