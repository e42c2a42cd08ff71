"""Every table of a report as text in the chosen language (`sections`), shared by the Markdown
and terminal renderers, and the municipality tallies in their order (`tallies`), shared with
JSON."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from spo.api import (
    MUNICIPALITY_KINDS,
    PARTNER_TYPES,
    STAGES,
    TARGET_GROUPS,
    THEMES,
    Report,
    ReportedFigure,
    Tally,
)
from spo.api import REPORT_KINDS as KINDS
from spo.cli.citing import cite
from spo.cli.language import Lang
from spo.cli.render.labels import localized_name, metric_label, qualified
from spo.cli.render.report_words import (
    NO_NUMBER,
    figure_label,
    message,
    published,
    recorded_text,
    signed,
    status_text,
    visitors_text,
)
from spo.cli.words import label


def tallies(report: Report) -> list[tuple[str, Tally]]:
    return [
        ("hosted", report.hosted),
        ("in_talks", report.in_talks),
        ("supported", report.supported),
        ("launched", report.launched),
    ]


Rows = list[list[str]]


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    columns: list[str]
    rows: Rows
    notes: tuple[str, ...] = ()  # said under the table, where its words need explaining


def _claim(figures: tuple[ReportedFigure, ...], lang: Lang) -> str:
    """One side of a disagreement: a figure, or the parts published together, with its source."""
    first = figures[0]
    said = "; ".join(
        f"{metric_label(f.metric, f.municipality_kind, lang)}: "
        + qualified(f.value, f.qualifier, lang)
        for f in figures
    )
    cited = cite(first.source)
    return f"{first.date.text} · {said}" + (f" ({cited})" if cited else "")


def _disagreeing(report: Report, lang: Lang) -> list[Section]:
    if not report.disagreements:
        return []
    return [
        Section(
            "disagreements",
            message("disagreements", lang),
            [message("published_earlier", lang), message("published_later", lang)],
            [[_claim(d.earlier, lang), _claim(d.later, lang)] for d in report.disagreements],
            (message("disagreements_note", lang),),
        )
    ]


def sections(report: Report, lang: Lang) -> list[Section]:
    """Every table of the report, all as text."""
    kinds = [label(MUNICIPALITY_KINDS, k, lang) for k in KINDS]
    show_publisher = report.owner is None  # every owner's projects and figures: say whose

    def counted(
        key: str, first: str, second: str, counts: Mapping[str, int], label: Callable[[str], str]
    ) -> Section:
        return Section(
            key,
            message(key, lang),
            [message(first, lang), message(second, lang)],
            [[label(k), str(v)] for k, v in counts.items()],
        )

    adopted_columns = [
        "project",
        *(["owner"] if show_publisher else []),
        "adopters",
        "launched_count",
    ]
    figure_columns = [
        "date",
        *(["published_by"] if show_publisher else []),
        "metric",
        "published",
        "recorded",
        "difference",
        "status",
        "source",
    ]
    undated = (
        [
            Section(
                "undated_projects",
                message("undated_projects", lang),
                [message("project", lang), *([message("owner", lang)] if show_publisher else [])],
                [
                    [
                        localized_name(p.name_tr, p.name_en, lang),
                        *([report.name_of(p.owner)] if show_publisher else []),
                    ]
                    for p in report.undated_projects
                ],
            )
        ]
        if report.undated_projects
        else []
    )
    return [
        Section(
            "municipalities",
            message("municipalities", lang),
            ["", message("total", lang), *kinds],
            [
                [message(key, lang), str(t.total), *(str(t.by_kind[k]) for k in KINDS)]
                if report.recorded(key)
                else [message(key, lang), *([NO_NUMBER] * (len(KINDS) + 1))]
                for key, t in tallies(report)
            ],
        ),
        Section(
            "projects_and_visitors",
            message("projects_and_visitors", lang),
            [message("metric", lang), message("value", lang)],
            [
                [
                    message("projects_transferred", lang),
                    str(report.projects_transferred) if report.recorded("transfers") else NO_NUMBER,
                ],
                [message("visitors", lang), visitors_text(report, lang)],
            ],
        ),
        counted(
            "transfers_by_stage",
            "stage",
            "transfers",
            report.transfers_by_stage if report.recorded("transfers_by_stage") else {},
            lambda v: label(STAGES, v, lang),
        ),
        Section(
            "most_adopted",
            message("most_adopted", lang),
            [message(c, lang) for c in adopted_columns],
            [
                [
                    localized_name(p.name_tr, p.name_en, lang),
                    *([report.name_of(p.owner)] if show_publisher else []),
                    str(p.adopters),
                    str(p.launched),
                ]
                for p in report.most_adopted_projects
            ],
        ),
        counted(
            "adopters_by_province",
            "province",
            "municipality_count",
            report.adopters_by_province,
            str,
        ),
        counted(
            "projects_by_theme",
            "theme",
            "projects",
            report.projects_by_theme,
            lambda v: label(THEMES, v, lang),
        ),
        counted(
            "projects_by_target_group",
            "target_group",
            "projects",
            report.projects_by_target_group,
            lambda v: label(TARGET_GROUPS, v, lang),
        ),
        counted(
            "partners_by_type",
            "partner_type",
            "partners",
            report.partners_by_type if report.recorded("partners_by_type") else {},
            lambda v: label(PARTNER_TYPES, v, lang),
        ),
        *undated,
        *_disagreeing(report, lang),
        Section(
            "reported",
            message("reported", lang),
            [message(c, lang) for c in figure_columns],
            [
                [
                    c.date,
                    *([report.name_of(c.owner)] if show_publisher else []),
                    figure_label(c, lang),
                    published(c, lang),
                    recorded_text(c, lang),
                    NO_NUMBER if c.difference is None else signed(c.difference),
                    status_text(c, lang),
                    cite(c.source),
                ]
                for c in report.reported
            ],
        ),
    ]
