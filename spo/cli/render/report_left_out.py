"""The words of the part of every report format that says what the report left out
(`spo.report.left_out`): each record file that could not be read, its line, the reason in a few
words and the figures it may affect. Each format shows them first, above the figures, so that
nobody quotes a total without seeing it (`print_left_out` in report_table, `left_out_lines` in
report_markdown, `left_out_section` in report_html, the `left_out` key of report_json)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spo.api import MUNICIPALITY_FIGURES, PROJECT_ROWS, LeftOut
from spo.cli.language import Lang
from spo.cli.render.report_words import message
from spo.cli.words import render

if TYPE_CHECKING:
    from spo.api import Report


def columns(lang: Lang) -> list[str]:
    keys = ("left_out_file", "left_out_line", "left_out_reason", "left_out_affects")
    return [message(key, lang) for key in keys]


def affects_text(item: LeftOut, lang: Lang) -> str:
    """The figures a left-out file may make short, by the record's id (its name is in the file
    that could not be read)."""
    words = []
    for what in item.affects:
        if what == MUNICIPALITY_FIGURES:
            words.append(message("left_out_municipality", lang, municipality=item.record))
        elif what == PROJECT_ROWS:
            words.append(message("left_out_project", lang, project=item.record))
        else:
            words.append(message("left_out_totals", lang))
    return "; ".join(words)


def rows(report: Report, lang: Lang) -> list[list[str]]:
    """One row per file: its path in the registry, the line (empty for the file as a whole), the
    reason and what it may affect."""
    return [
        [
            item.file.as_posix(),
            str(item.line) if item.line else "",
            render(item.message, lang),
            affects_text(item, lang),
        ]
        for item in report.left_out
    ]


def title(lang: Lang) -> str:
    return message("left_out", lang)


def note(lang: Lang) -> str:
    return message("left_out_note", lang)


def json_data(report: Report, lang: Lang) -> list[dict[str, Any]]:
    """Plain data: the reason as its stable code and in the report's words, what it affects as
    codes (`municipality`, `totals`, `project`) with the record's id."""
    return [
        {
            "file": item.file.as_posix(),
            "kind": item.kind,
            "id": item.record,
            "line": item.line or None,
            "code": item.code,
            "reason": render(item.message, lang),
            "affects": list(item.affects),
        }
        for item in report.left_out
    ]
