"""Render a `Report` as JSON, as Markdown for a pull-request comment or a council memo, or as Rich
tables with a bar chart for the terminal.

`format_json` and `format_markdown` are pure functions returning text; `render_table` prints to a
Rich console given by the caller (Rich is imported only there). Vocabulary labels come from
`spo.vocabulary`; headings and phrases from the small table below, in Turkish and English.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spo.i18n import Catalogue
from spo.model import Source
from spo.report import APPROXIMATELY_WITHIN, KINDS, FigureCheck, Report, Tally
from spo.vocabulary import (
    METRICS,
    MUNICIPALITY_KINDS,
    PARTNER_TYPES,
    STAGES,
    TARGET_GROUPS,
    THEMES,
    Lang,
)

if TYPE_CHECKING:
    from rich.console import Console

MESSAGES: dict[str, dict[Lang, str]] = {
    "title": {"en": "Report as of {day}", "tr": "{day} itibarıyla rapor"},
    "scope_owner": {
        "en": "Projects of {name} (`{id}`) and visits it hosted.",
        "tr": "{name} (`{id}`) projeleri ve ağırladığı ziyaretler.",
    },
    "scope_all": {
        "en": "All projects and all engagements in the registry.",
        "tr": "Kayıttaki tüm projeler ve tüm etkinlikler.",
    },
    "dates_note": {
        "en": "An event with an imprecise date counts once it has certainly happened.",
        "tr": "Tarihi kesin olmayan bir olay, kesinlikle gerçekleşmiş olduğu günden "
        "itibaren sayılır.",
    },
    "municipalities": {"en": "Municipalities", "tr": "Belediyeler"},
    "total": {"en": "Total", "tr": "Toplam"},
    "hosted": {"en": "Hosted (study visit)", "tr": "Ağırlanan (yerinde inceleme)"},
    "in_talks": {"en": "In talks", "tr": "Görüşme aşamasında"},
    "supported": {
        "en": "Supported (presentation or later)",
        "tr": "Destek verilen (sunum ve sonrası)",
    },
    "launched": {"en": "With a launched service", "tr": "Hizmeti hayata geçiren"},
    "projects_and_visitors": {"en": "Projects and visitors", "tr": "Projeler ve ziyaretçiler"},
    "projects_transferred": {"en": "Projects transferred", "tr": "Aktarılan proje"},
    "visitors": {"en": "Visitors", "tr": "Ziyaretçi"},
    "without_count_1": {
        "en": "{count} engagement without a participant count",
        "tr": "katılımcı sayısı belirtilmeyen {count} etkinlik",
    },
    "without_count_n": {
        "en": "{count} engagements without a participant count",
        "tr": "katılımcı sayısı belirtilmeyen {count} etkinlik",
    },
    "transfers_by_stage": {"en": "Transfers by stage", "tr": "Aşamalarına göre aktarımlar"},
    "stage": {"en": "Stage", "tr": "Aşama"},
    "transfers": {"en": "Transfers", "tr": "Aktarım"},
    "most_adopted": {"en": "Most adopted projects", "tr": "En çok benimsenen projeler"},
    "project": {"en": "Project", "tr": "Proje"},
    "owner": {"en": "Owner", "tr": "Sahibi"},
    "adopters": {"en": "Adopting municipalities", "tr": "Benimseyen belediye"},
    "launched_count": {"en": "Launched", "tr": "Hayata geçiren"},
    "adopters_by_province": {
        "en": "Adopting municipalities by province",
        "tr": "İllere göre benimseyen belediyeler",
    },
    "province": {"en": "Province", "tr": "İl"},
    "municipality_count": {"en": "Municipalities", "tr": "Belediye"},
    "projects_by_theme": {"en": "Projects by theme", "tr": "Temalara göre projeler"},
    "theme": {"en": "Theme", "tr": "Tema"},
    "projects": {"en": "Projects", "tr": "Proje"},
    "projects_by_target_group": {
        "en": "Projects by target group",
        "tr": "Hedef gruplara göre projeler",
    },
    "target_group": {"en": "Target group", "tr": "Hedef grup"},
    "partners_by_type": {"en": "Partners by type", "tr": "Türlerine göre ortaklar"},
    "partner_type": {"en": "Partner type", "tr": "Ortak türü"},
    "partners": {"en": "Partners", "tr": "Ortak"},
    "reported": {"en": "Reported vs recorded", "tr": "Açıklanan ve kayıtlı rakamlar"},
    "reported_note": {
        "en": "Recorded: the registry's value as of the figure's date, in its publisher's "
        "scope; “approximately” is met within {pct}%.",
        "tr": "Kayıtlı: rakamın tarihinde, açıklayan belediyenin kapsamında kayıttaki değer; "
        "“yaklaşık” %{pct} fark içinde tutmuş sayılır.",
    },
    "date": {"en": "Date", "tr": "Tarih"},
    "published_by": {"en": "Published by", "tr": "Açıklayan"},
    "metric": {"en": "Figure", "tr": "Rakam"},
    "value": {"en": "Value", "tr": "Değer"},
    "published": {"en": "Published", "tr": "Açıklanan"},
    "recorded": {"en": "Recorded", "tr": "Kayıtlı"},
    "difference": {"en": "Difference", "tr": "Fark"},
    "met": {"en": "Met", "tr": "Tuttu mu"},
    "source": {"en": "Source", "tr": "Kaynak"},
    "yes": {"en": "yes", "tr": "evet"},
    "no": {"en": "no", "tr": "hayır"},
    "none": {"en": "None as of this date.", "tr": "Bu tarih itibarıyla yok."},
    "exact": {"en": "exactly {value}", "tr": "tam {value}"},
    "approximately": {"en": "approximately {value}", "tr": "yaklaşık {value}"},
    "at-least": {"en": "at least {value}", "tr": "en az {value}"},
    "more-than": {"en": "more than {value}", "tr": "{value_ablative} fazla"},
}


message = Catalogue(MESSAGES)


# ---------------------------------------------------------------- JSON


def _source_data(source: Source | None) -> str | dict[str, str] | None:
    """A source as the YAML files write it: a bare address, or its fields."""
    if source is None:
        return None
    fields = {
        k: v
        for k, v in (
            ("publisher", source.publisher),
            ("title", source.title),
            ("date", source.date),
            ("url", source.url),
            ("note", source.note),
        )
        if v is not None
    }
    return source.url if list(fields) == ["url"] else fields


def _figure_data(check: FigureCheck) -> dict[str, Any]:
    return {
        "date": check.date,
        "owner": check.owner,
        "metric": check.metric,
        "municipality_kind": check.municipality_kind,
        "value": check.value,
        "qualifier": check.qualifier,
        "recorded": check.recorded,
        "difference": check.difference,
        "met": check.met,
        "source": _source_data(check.source),
    }


def report_data(report: Report) -> dict[str, Any]:
    """The report as plain data, with vocabulary values (never labels) as keys."""
    data: dict[str, Any] = {"as_of": report.as_of.isoformat(), "owner": report.owner}
    for key, tally in _tallies(report):
        data[f"municipalities_{key}"] = tally.total
        data[f"municipalities_{key}_by_kind"] = dict(tally.by_kind)
    data["projects_transferred"] = report.projects_transferred
    data["transfers_by_stage"] = dict(report.transfers_by_stage)
    data["visitors"] = {
        "total": report.visitors.total,
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
    data["partners_by_type"] = dict(report.partners_by_type)
    data["reported"] = [_figure_data(check) for check in report.reported]
    return data


def format_json(report: Report) -> str:
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- shared wording


def _tallies(report: Report) -> list[tuple[str, Tally]]:
    return [
        ("hosted", report.hosted),
        ("in_talks", report.in_talks),
        ("supported", report.supported),
        ("launched", report.launched),
    ]


# How the reading of a number ends decides the Turkish ablative suffix: 30 (otuz) → 30'dan,
# 40 (kırk) → 40'tan, 1000 (bin) → 1000'den.
_UNIT_SUFFIX = ("dan", "den", "den", "ten", "ten", "ten", "dan", "den", "den", "dan")
_TEN_SUFFIX = ("", "dan", "den", "dan", "tan", "den", "tan", "ten", "den", "dan")


def turkish_ablative(number: int) -> str:
    n = abs(number)
    if n == 0 or n % 10:
        suffix = _UNIT_SUFFIX[n % 10]
    elif n % 100:
        suffix = _TEN_SUFFIX[n // 10 % 10]
    elif n % 1000 or n % 1_000_000:
        suffix = "den"  # yüz, bin
    else:
        suffix = "dan"  # milyon, milyar
    return f"{number}'{suffix}"


def published(check: FigureCheck, lang: Lang) -> str:
    """`at least 30` / `en az 30`, `more than 1000` / `1000'den fazla`."""
    return message(
        check.qualifier, lang, value=check.value, value_ablative=turkish_ablative(check.value)
    )


def figure_label(check: FigureCheck, lang: Lang) -> str:
    label = METRICS.label(check.metric, lang)
    if check.municipality_kind:
        label += f" ({MUNICIPALITY_KINDS.label(check.municipality_kind, lang)})"
    return label


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


Rows = list[list[str]]


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    columns: list[str]
    rows: Rows


def _sections(report: Report, lang: Lang) -> list[Section]:
    """Every table of the report, all as text."""
    kinds = [MUNICIPALITY_KINDS.label(k, lang) for k in KINDS]
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
        "met",
        "source",
    ]
    return [
        Section(
            "municipalities",
            message("municipalities", lang),
            ["", message("total", lang), *kinds],
            [
                [message(key, lang), str(t.total), *(str(t.by_kind[k]) for k in KINDS)]
                for key, t in _tallies(report)
            ],
        ),
        Section(
            "projects_and_visitors",
            message("projects_and_visitors", lang),
            [message("metric", lang), message("value", lang)],
            [
                [message("projects_transferred", lang), str(report.projects_transferred)],
                [message("visitors", lang), visitors_text(report, lang)],
            ],
        ),
        counted(
            "transfers_by_stage",
            "stage",
            "transfers",
            report.transfers_by_stage,
            lambda v: STAGES.label(v, lang),
        ),
        Section(
            "most_adopted",
            message("most_adopted", lang),
            [message(c, lang) for c in adopted_columns],
            [
                [
                    p.name(lang),
                    *([p.owner or ""] if show_publisher else []),
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
            lambda v: THEMES.label(v, lang),
        ),
        counted(
            "projects_by_target_group",
            "target_group",
            "projects",
            report.projects_by_target_group,
            lambda v: TARGET_GROUPS.label(v, lang),
        ),
        counted(
            "partners_by_type",
            "partner_type",
            "partners",
            report.partners_by_type,
            lambda v: PARTNER_TYPES.label(v, lang),
        ),
        Section(
            "reported",
            message("reported", lang),
            [message(c, lang) for c in figure_columns],
            [
                [
                    c.date,
                    *([c.owner] if show_publisher else []),
                    figure_label(c, lang),
                    published(c, lang),
                    str(c.recorded),
                    signed(c.difference),
                    message("yes" if c.met else "no", lang),
                    c.source.cite() if c.source else "",
                ]
                for c in report.reported
            ],
        ),
    ]


# ---------------------------------------------------------------- Markdown


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _markdown_table(columns: list[str], rows: Rows) -> list[str]:
    numeric = [
        bool(rows) and all(r[i].lstrip("+-").isdigit() for r in rows) for i in range(len(columns))
    ]
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
    for section in _sections(report, lang):
        lines += ["", f"## {section.title}", ""]
        if section.rows:
            lines += _markdown_table(section.columns, section.rows)
        else:
            lines.append(f"_{message('none', lang)}_")
        if section.key == "reported" and section.rows:
            lines += ["", message("reported_note", lang, pct=APPROXIMATELY_WITHIN)]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- terminal

BAR_WIDTH = 30
_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(count: int, largest: int, width: int = BAR_WIDTH) -> str:
    """A horizontal bar in Unicode blocks, to the eighth of a character; never empty for a count."""
    if count <= 0 or largest <= 0:
        return ""
    eighths = max(1, round(count / largest * width * 8))
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


def render_table(report: Report, lang: Lang, console: Console) -> None:
    """Rich tables, the transfers by stage as a bar chart, and sources as numbered notes under
    the figures, so that long addresses do not squeeze the table."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console.print(Text(message("title", lang, day=report.as_of.isoformat()), style="bold"))
    console.print(Text(scope_text(report, lang).replace("`", "")))
    console.print(Text(message("dates_note", lang), style="dim"))
    for section in _sections(report, lang):
        columns, rows = section.columns, section.rows
        is_chart = section.key == "transfers_by_stage"
        if is_chart:
            largest = max(report.transfers_by_stage.values(), default=0)
            columns = [*columns, ""]
            rows = [[*row, bar(int(row[1]), largest)] for row in rows]
        notes: list[str] = []
        if section.key == "reported":
            if report.owner is None:  # "Figure · publisher": one column less on a narrow screen
                columns = [columns[0], *columns[2:]]
                rows = [[row[0], f"{row[2]} · {row[1]}", *row[3:]] for row in rows]
            rows, notes = _source_notes(rows)
        console.print()
        console.print(Text(section.title, style="bold"))
        if not rows:
            console.print(Text(message("none", lang), style="italic"))
            continue
        table = Table(
            box=box.SIMPLE_HEAD,
            pad_edge=False,
            show_edge=False,
            collapse_padding=True,
        )
        for i, column in enumerate(columns):
            cells = [row[i] for row in rows]
            numeric = all(c.lstrip("+-").isdigit() for c in cells)
            # Labels wrap between words, never inside one; numbers, dates and ids do not wrap.
            words = [w for c in [column, *cells] for w in c.split()]
            wraps = any(" " in c for c in [column, *cells])
            table.add_column(
                column,
                justify="right" if numeric else "left",
                no_wrap=not wraps,
                min_width=max(map(len, words), default=0) if wraps else None,
                overflow="fold",
                style="cyan" if is_chart and i == len(columns) - 1 else None,
            )
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        console.print(table)
        for note in notes:
            console.print(Text(note, overflow="fold"))


def _source_notes(rows: Rows) -> tuple[Rows, list[str]]:
    """Replace the last cell (a source) by `[n]`, returning the numbered sources."""
    numbers: dict[str, int] = {}
    shortened = []
    for *cells, source in rows:
        if source:
            number = numbers.setdefault(source, len(numbers) + 1)
            cells.append(f"[{number}]")
        else:
            cells.append("")
        shortened.append(cells)
    return shortened, [f"[{n}] {source}" for source, n in numbers.items()]
