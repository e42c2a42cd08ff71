"""How the report's numbers read: a published figure with its qualifier, a figure's label, a
signed difference, the visitors and the scope. Its headings are `report.*` in the catalogue.
"""

from __future__ import annotations

from typing import Any

from spo.cli import words
from spo.cli.language import Lang
from spo.cli.render.labels import qualified
from spo.report import FigureCheck, Report
from spo.vocabulary import METRICS, MUNICIPALITY_KINDS


def message(key: str, lang: Lang, /, **fields: Any) -> str:
    """A word of the report (`report.<key>` in the catalogue)."""
    return words.say(f"report.{key}", lang, **fields)


def published(check: FigureCheck, lang: Lang) -> str:
    """`at least 30` / `en az 30`, `more than 1000` / `1000'den fazla`."""
    return qualified(check.value, check.qualifier, lang)


def figure_label(check: FigureCheck, lang: Lang) -> str:
    text = words.label(METRICS, check.metric, lang)
    if check.municipality_kind:
        text += f" ({words.label(MUNICIPALITY_KINDS, check.municipality_kind, lang)})"
    return text


def signed(number: int) -> str:
    return f"+{number}" if number > 0 else str(number)


def visitors_text(report: Report, lang: Lang) -> str:
    visitors = report.visitors
    missing = visitors.engagements_without_count
    if not missing:
        return str(visitors.total)
    key = "without_count_1" if missing == 1 else "without_count_n"
    return f"{visitors.total} ({message(key, lang, count=missing)})"


def scope_text(report: Report, lang: Lang) -> str:
    if report.owner is None:
        return message("scope_all", lang)
    return message("scope_owner", lang, name=report.owner_name, id=report.owner)
