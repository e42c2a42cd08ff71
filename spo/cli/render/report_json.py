"""A `Report` as JSON: plain data with vocabulary values (never labels) as keys, for programs."""

from __future__ import annotations

from typing import Any

from spo.api import Completeness, FigureCheck, Report, ReportedFigure, Source
from spo.cli.language import Lang
from spo.cli.render.escape import json_text
from spo.cli.render.report_left_out import json_data
from spo.cli.render.report_sections import tallies


def _source_data(source: Source | None) -> str | dict[str, str] | None:
    """A source as the YAML files write it: a bare address, or its fields."""
    return source.to_data() if source else None


def _figure_data(check: FigureCheck) -> dict[str, Any]:
    return {
        "date": check.date,
        "owner": check.owner,
        "metric": check.metric,
        "municipality_kind": check.municipality_kind,
        "value": check.value,
        "qualifier": check.qualifier,
        "status": check.status,
        "met": check.met,
        "recorded": check.recorded_value,
        "backing": check.backing,
        **(
            {"engagements_without_count": check.measure.without_count}
            if check.metric == "visitors"
            else {}
        ),
        "difference": check.difference,
        # Met only because the records repeat the figure's own source; how many other documents
        # the records behind it cite.
        "echo": check.echo,
        "corroborating": check.corroborating,
        # Whether the registry is declared to hold every record behind the figure by its day,
        # and the statement that says so (how far the record reaches, on what authority).
        "complete": check.complete is not None,
        "coverage": _coverage(check.complete),
        "source": _source_data(check.source),
    }


def _coverage(statement: Completeness | None) -> dict[str, Any] | None:
    if statement is None:
        return None
    return {"municipality": statement.owner, **statement.to_data()}


def _published(figures: tuple[ReportedFigure, ...]) -> list[dict[str, Any]]:
    """Figures as published, as the registry's files hold them."""
    return [
        {
            "owner": f.owner,
            "date": f.date.text,
            "metric": f.metric,
            "municipality_kind": f.municipality_kind,
            "value": f.value,
            "qualifier": f.qualifier,
            "source": _source_data(f.source),
        }
        for f in figures
    ]


def report_data(report: Report) -> dict[str, Any]:
    """The report as plain data, with vocabulary values (never labels) as keys."""
    data: dict[str, Any] = {"as_of": report.as_of.isoformat(), "owner": report.owner}
    data["offices"] = [
        {"municipality": o.municipality, **o.office.to_data()} for o in report.offices
    ]
    # What the registry is declared complete for (empty: nothing; a shortfall is then a record
    # not entered yet, never a refutation).
    data["completeness"] = [_coverage(statement) for statement in report.completeness]
    # null where the table says "—" or "nothing recorded": no record of that kind, not a count of 0
    for key, tally in tallies(report):
        recorded = report.recorded(key)
        data[f"municipalities_{key}"] = tally.total if recorded else None
        data[f"municipalities_{key}_by_kind"] = dict(tally.by_kind) if recorded else None
    transfers = report.recorded("transfers")
    data["projects_transferred"] = report.projects_transferred if transfers else None
    data["transfers_by_stage"] = dict(report.transfers_by_stage) if transfers else None
    data["visitors"] = {
        # null where no engagement gives a count, as the table shows "—": no sum, not 0
        "total": report.visitors.total if report.visitors.counted else None,
        "engagements_without_count": report.visitors.engagements_without_count,
    }
    data["most_adopted_projects"] = [
        {
            "project": p.project,
            "name": {"tr": p.name_tr, **({"en": p.name_en} if p.name_en else {})},
            "owner": p.owner,
            "adopters": p.adopters,
            "launched": p.launched,
        }
        for p in report.most_adopted_projects
    ]
    data["adopters_by_province"] = dict(report.adopters_by_province)
    data["projects_by_theme"] = dict(report.projects_by_theme)
    data["projects_by_target_group"] = dict(report.projects_by_target_group)
    data["partners_by_type"] = (
        dict(report.partners_by_type) if report.recorded("partners_by_type") else None
    )
    data["undated_projects"] = [p.id for p in report.undated_projects]
    data["reported"] = [_figure_data(check) for check in report.reported]
    data["disagreements"] = [
        {"earlier": _published(d.earlier), "later": _published(d.later)}
        for d in report.disagreements
    ]
    return data


def format_json(report: Report, lang: Lang = "en") -> str:
    """The report's data, and the records it left out (their reasons worded in `lang`)."""
    return json_text({**report_data(report), "left_out": json_data(report, lang)})
