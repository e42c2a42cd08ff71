"""How the report's numbers read: a published figure with its qualifier, a figure's label, a
signed difference, the visitors and the scope. Its headings are `report.*` in the catalogue.
"""

from __future__ import annotations

from typing import Any

from spo.api import (
    APPROXIMATELY_WITHIN,
    COMPLETE_RECORDS,
    NEARLY_WITHIN,
    Completeness,
    FigureCheck,
    OfficeOf,
    Report,
)
from spo.cli import words
from spo.cli.citing import cite
from spo.cli.language import Lang
from spo.cli.render.labels import date_label, metric_label, period_label, qualified
from spo.cli.words import label


def message(key: str, lang: Lang, /, **fields: Any) -> str:
    """A word of the report (`report.<key>` in the catalogue)."""
    return words.say(f"report.{key}", lang, **fields)


def published(check: FigureCheck, lang: Lang) -> str:
    """`at least 30` / `en az 30`, `more than 1000` / `1000'den fazla`."""
    return qualified(check.value, check.qualifier, lang)


def figure_label(check: FigureCheck, lang: Lang) -> str:
    return metric_label(check.metric, check.municipality_kind, lang)


NO_NUMBER = "—"  # no recorded value to show: the registry records nothing that could back it


def is_number(cell: str) -> bool:
    """A cell of a numbers column (right-aligned): a count, a signed difference, or no number."""
    return cell.lstrip("+-").isdigit() or cell == NO_NUMBER


def signed(number: int) -> str:
    return f"+{number}" if number > 0 else str(number)


def with_uncounted(total: int, missing: int, lang: Lang, counted: bool = True) -> str:
    """A sum of participants, saying how many engagements gave no count; a dash where no
    engagement gave one (there is no sum, not a sum of 0)."""
    shown = str(total) if counted else NO_NUMBER
    if not missing:
        return shown
    key = "without_count_1" if missing == 1 else "without_count_n"
    return f"{shown} ({message(key, lang, count=missing)})"


def visitors_text(report: Report, lang: Lang) -> str:
    visitors = report.visitors
    counted = visitors.counted > 0
    return with_uncounted(visitors.total, visitors.engagements_without_count, lang, counted)


def recorded_text(check: FigureCheck, lang: Lang) -> str:
    """The registry's value beside a published figure; a dash when nothing could back it."""
    if check.recorded_value is None:
        return NO_NUMBER
    if check.metric == "visitors":
        return with_uncounted(check.recorded, check.measure.without_count, lang)
    return str(check.recorded)


def scope_text(report: Report, lang: Lang) -> str:
    if report.owner is None:
        return message("scope_all", lang)
    return message("scope_owner", lang, name=report.owner_name, id=report.owner)


def status_text(check: FigureCheck, lang: Lang) -> str:
    """A figure's status; a met figure says whether other documents confirm it, and how many."""
    if check.echo:
        return message("status.met-echo", lang)
    if check.status == "met" and check.corroborating:
        count = check.corroborating
        return message(f"status.met-other_{'1' if count == 1 else 'n'}", lang, count=count)
    return message(f"status.{_status_key(check)}", lang)


def _status_key(check: FigureCheck) -> str:
    """A status, with a contradiction by records declared complete told apart from an overshoot:
    they mean different things to a reader."""
    return "contradicted-complete" if check.shortfall else check.status


def figure_notes(report: Report, lang: Lang) -> list[str]:
    """What "recorded" and the qualifiers mean; what each status other than "met" means, when a
    figure has it."""
    notes = [message("reported_note", lang, pct=APPROXIMATELY_WITHIN, nearly=NEARLY_WITHIN)]
    if any(check.municipality_kind == "district" for check in report.reported):
        notes.append(message("kind_note", lang))
    if any(check.echo for check in report.reported):
        notes.append(message("echo_note", lang))
    shown = {_status_key(check) for check in report.reported}
    for status in ("partly-recorded", "contradicted", "contradicted-complete", "unbacked"):
        if status in shown:
            notes.append(message(f"{status.replace('-', '_')}_note", lang))
    return notes


def completeness_lines(report: Report, lang: Lang) -> list[str]:
    """What the registry is declared complete for, heading the report; or that nothing is."""
    if not report.completeness:
        return [message("completeness_none", lang)]
    return [
        completeness_line(statement, report.name_of(statement.owner), lang)
        for statement in report.completeness
    ]


def completeness_line(statement: Completeness, municipality: str, lang: Lang) -> str:
    """ "Declared complete: Mersin Büyükşehir Belediyesi — Study visits (…), from the beginning
    to 2025-03-21 (source: …)"."""
    return message(
        "completeness_line",
        lang,
        municipality=municipality,
        records=label(COMPLETE_RECORDS, statement.records, lang),
        period=period_label(statement, lang),
        source=cite(statement.source),
    )


def figure_line(check: FigureCheck, publisher: str, lang: Lang) -> str:
    """A published figure and its status in one line, as `--explain` heads its records with."""
    return message(
        "explain.figure",
        lang,
        figure=published(check, lang),
        publisher=publisher,
        date=check.date,
        recorded=recorded_text(check, lang),
        status=status_text(check, lang),
    )


def office_lines(office_of: OfficeOf, lang: Lang) -> list[str]:
    """An office heading the report: who runs it, since when, where, who leads it; then the
    framework it describes its work with."""
    office = office_of.office
    parts = [message("office", lang, name=office.name, municipality=office_of.municipality_name)]
    if office.opened:
        opened = date_label(office.opened, lang)
        if office.opened_note:
            opened += f" ({office.opened_note})"
        parts.append(message("office_opened", lang, date=opened))
    place = ", ".join(p for p in (office.neighbourhood, office.district) if p)
    if place:
        parts.append(place)
    if office.head:
        parts.append(message("office_head", lang, name=office.head.name, role=office.head.role))
    lines = [" · ".join(parts)]
    if office.framework:
        lines.append(message("office_framework", lang, headings="; ".join(office.framework)))
    return lines
