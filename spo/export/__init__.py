"""The registry as relational tables, for SQLite (Datasette) and CSV: `spo export`.

`tables(registry)` gives every table with its columns, primary key, foreign keys and rows, in
an order in which each table comes after the tables it refers to. Rows hold plain values (text,
numbers, None, and lists of text); no words: titles and descriptions are the command line's.
Contacts (names, e-mail addresses, telephone numbers of people) are left out on purpose: an
export is for publishing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from spo.export.rows import rows_of
from spo.model import Registry
from spo.places.provinces import REGIONS
from spo.rules.vocabulary import (
    ENGAGEMENT_KINDS,
    METRICS,
    MUNICIPALITY_KINDS,
    PARTNER_ROLES,
    PARTNER_TYPES,
    PROJECT_STATUSES,
    QUALIFIERS,
    SERVICE_MODELS,
    STAGES,
    TARGET_GROUPS,
    THEMES,
    Term,
    Vocabulary,
)

Row = dict[str, Any]


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[tuple[str, type], ...]  # (name, Python type), in order
    pk: str
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (column, other table, its column)
    search: tuple[str, ...] = ()  # the columns of its full-text index
    label: str | None = None  # the column that names a row where another table refers to it
    facets: tuple[str, ...] = ()  # the columns worth counting by (Datasette's facets)
    # The columns that hold values of a vocabulary (each value of a list column), which a
    # reader may want as labels.
    vocabularies: tuple[tuple[str, Vocabulary], ...] = ()
    rows: list[Row] = field(default_factory=list)

    @property
    def column_names(self) -> list[str]:
        return [name for name, _ in self.columns]


_M, _P, _S = "municipalities", "projects", "sources"

# The seven geographic regions of the province table, as a vocabulary of its column.
_REGIONS = Vocabulary(
    "region",
    "Region",
    tuple(Term(key, labels["tr"], labels["en"]) for key, labels in REGIONS.items()),
)


# What a row of the sources table backs (its `used_for`): the part of a record that cites it.
_SOURCE_USES = Vocabulary(
    "source-use",
    "What a source backs",
    (
        Term("municipality", "Belediye kaydı", "Municipality record"),
        Term("office", "Sosyal politika ofisi", "Social policy office"),
        Term("project", "Proje kaydı", "Project record"),
        Term("status", "Proje durumu", "Project status"),
        Term("partner", "Ortak", "Partner"),
        Term("engagement", "Temas", "Engagement"),
        Term("transfer_stage", "Aktarım aşaması", "Transfer stage"),
        Term("reported_figure", "Açıklanan rakam", "Reported figure"),
    ),
)


def _columns(names: str, **kinds: type) -> tuple[tuple[str, type], ...]:
    """Columns of text, but those named in `kinds` (`plate=int`), in the order of `names`."""
    return tuple((name, kinds.get(name, str)) for name in names.split())


# The tables, each after those it refers to; their rows are filled in by `tables`.
SHAPES: tuple[Table, ...] = (
    Table(
        "provinces",
        _columns(
            "plate name metropolitan region lat lon",
            plate=int,
            metropolitan=int,
            lat=float,
            lon=float,
        ),
        pk="plate",
        label="name",
        facets=("region", "metropolitan"),
        vocabularies=(("region", _REGIONS),),
    ),
    Table(
        _M,
        _columns(
            "id name kind province province_given district website office_name office_opened"
            " office_district office_neighbourhood office_framework notes file",
            province=int,
            office_framework=list,
        ),
        pk="id",
        foreign_keys=(("province", "provinces", "plate"),),
        search=("name", "office_name"),
        label="name",
        facets=("kind", "province"),
        vocabularies=(("kind", MUNICIPALITY_KINDS),),
    ),
    Table(
        _P,
        _columns(
            "id name_tr name_en owner summary_tr summary_en status status_as_of launched themes"
            " inferred_themes target_groups service_model tags requirement_staff"
            " requirement_space requirement_budget requirement_partners website notes file",
            themes=list,
            inferred_themes=list,
            target_groups=list,
            tags=list,
        ),
        pk="id",
        foreign_keys=(("owner", _M, "id"),),
        search=("name_tr", "name_en", "summary_tr", "summary_en"),
        label="name_tr",
        facets=("owner", "status", "themes", "target_groups", "service_model"),
        vocabularies=(
            ("status", PROJECT_STATUSES),
            ("themes", THEMES),
            ("inferred_themes", THEMES),
            ("target_groups", TARGET_GROUPS),
            ("service_model", SERVICE_MODELS),
        ),
    ),
    Table(
        _S,
        _columns("id project municipality used_for publisher title date url archived note", id=int),
        pk="id",
        foreign_keys=(("project", _P, "id"), ("municipality", _M, "id")),
        label="title",
        facets=("used_for", "publisher"),
        vocabularies=(("used_for", _SOURCE_USES),),
    ),
    Table(
        "partners",
        _columns("id project name type role municipality note source", id=int, source=int),
        pk="id",
        foreign_keys=(("project", _P, "id"), ("municipality", _M, "id"), ("source", _S, "id")),
        search=("name",),
        label="name",
        facets=("type", "role"),
        vocabularies=(("type", PARTNER_TYPES), ("role", PARTNER_ROLES)),
    ),
    Table(
        "engagements",
        _columns(
            "id municipality kind host date participants note source",
            id=int,
            participants=int,
            source=int,
        ),
        pk="id",
        foreign_keys=(("municipality", _M, "id"), ("host", _M, "id"), ("source", _S, "id")),
        facets=("kind", "host"),
        vocabularies=(("kind", ENGAGEMENT_KINDS),),
    ),
    Table(
        "transfers",
        _columns("id project municipality current_stage current_date started note", id=int),
        pk="id",
        foreign_keys=(("project", _P, "id"), ("municipality", _M, "id")),
        facets=("current_stage", "project"),
        vocabularies=(("current_stage", STAGES),),
    ),
    Table(
        "transfer_stages",
        _columns(
            "id transfer position stage date note source",
            id=int,
            transfer=int,
            position=int,
            source=int,
        ),
        pk="id",
        foreign_keys=(("transfer", "transfers", "id"), ("source", _S, "id")),
        facets=("stage",),
        vocabularies=(("stage", STAGES),),
    ),
    Table(
        "reported_figures",
        _columns(
            "id owner date metric value qualifier municipality_kind note source",
            id=int,
            value=int,
            source=int,
        ),
        pk="id",
        foreign_keys=(("owner", _M, "id"), ("source", _S, "id")),
        facets=("metric", "qualifier"),
        vocabularies=(
            ("metric", METRICS),
            ("qualifier", QUALIFIERS),
            ("municipality_kind", MUNICIPALITY_KINDS),
        ),
    ),
)


def tables(registry: Registry) -> list[Table]:
    """Every table of the export, with its rows."""
    rows = rows_of(registry)
    return [replace(shape, rows=rows[shape.name]) for shape in SHAPES]


def dangling(exported: list[Table]) -> int:
    """How many references point to no record (a registry with problems still exports; its
    database then fails `PRAGMA foreign_key_check` on these)."""
    keys = {table.name: {row[table.pk] for row in table.rows} for table in exported}
    return sum(
        1
        for table in exported
        for column, other, _ in table.foreign_keys
        for row in table.rows
        if row.get(column) is not None and row[column] not in keys[other]
    )
