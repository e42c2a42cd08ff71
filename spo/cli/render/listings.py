"""How each kind of record is listed by the find commands: table cells with labels in the chosen
language, and one `Listing` per kind (`LISTINGS`) tying its cells to its JSON/YAML record and CSV
row; a list as a table, as JSON or YAML, or as CSV; `write_record` writes one record.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from spo.api import (
    MUNICIPALITY_KINDS,
    PROJECT_STATUSES,
    STAGES,
    TARGET_GROUPS,
    THEMES,
    Municipality,
    Project,
    Records,
    Transfer,
    latest_activity,
    municipality_name,
)
from spo.cli.csv_style import CsvStyle
from spo.cli.language import Lang
from spo.cli.render.console import write_text
from spo.cli.render.labels import (
    date_label,
    project_name,
    project_name_by_id,
    vocabulary_labels,
)
from spo.cli.render.records import (
    MUNICIPALITY_COLUMNS,
    PROJECT_COLUMNS,
    TRANSFER_COLUMNS,
    Record,
    Word,
    municipality_record,
    municipality_row,
    project_record,
    project_row,
    to_json,
    to_yaml,
    transfer_record,
    transfer_row,
)
from spo.cli.render.tables import table
from spo.cli.words import label

# --- table cells: labels in the chosen language -------------------------------------------------


def project_cells(project: Project, registry: Records, lang: Lang) -> list[str]:
    return [
        project.id,
        project_name(project, lang),
        municipality_name(registry, project.owner),
        label(PROJECT_STATUSES, project.status, lang),
        vocabulary_labels(THEMES, project.themes, lang),
        vocabulary_labels(TARGET_GROUPS, project.target_groups, lang),
    ]


def municipality_cells(municipality: Municipality, registry: Records, lang: Lang) -> list[str]:
    latest = latest_activity(municipality)
    return [
        municipality.id,
        municipality.name,
        label(MUNICIPALITY_KINDS, municipality.kind, lang),
        municipality.province_name,
        municipality.district or "",
        str(len(municipality.engagements)),
        str(len(municipality.transfers)),
        date_label(latest, lang) if latest else "",
    ]


def transfer_cells(transfer: Transfer, registry: Records, lang: Lang) -> list[str]:
    project = registry.projects.get(transfer.project)
    return [
        municipality_name(registry, transfer.municipality),
        project_name_by_id(registry, transfer.project, lang),
        label(STAGES, transfer.current_stage, lang),
        date_label(transfer.current.date, lang),
        municipality_name(registry, project.owner) if project else "",
    ]


@dataclass(frozen=True)
class Listing:
    """How one kind of record is listed in each format."""

    record: Callable[[Any, Records], Record]  # JSON and YAML
    columns: list[str]  # CSV header
    row: Callable[[Record, Word], list[str]]  # CSV row, from the record
    headers: list[str]  # table header, as MESSAGES keys
    cells: Callable[[Any, Records, Lang], list[str]]  # table row


PROJECTS = Listing(
    project_record,
    PROJECT_COLUMNS,
    project_row,
    ["id", "name", "owner", "status", "themes", "target_groups"],
    project_cells,
)
MUNICIPALITIES = Listing(
    municipality_record,
    MUNICIPALITY_COLUMNS,
    municipality_row,
    ["id", "name", "kind", "province", "district", "engagements", "transfers", "latest"],
    municipality_cells,
)
TRANSFERS = Listing(
    transfer_record,
    TRANSFER_COLUMNS,
    transfer_row,
    ["municipality", "project", "stage", "since", "mentor"],
    transfer_cells,
)

# Each kind of record's listing, by the kind's name (`spo project list` lists "project").
LISTINGS = {"project": PROJECTS, "municipality": MUNICIPALITIES, "transfer": TRANSFERS}


def table_of(listing: Listing, items: Sequence[Any], registry: Records, lang: Lang) -> Any:
    """A list as a table, to print on a console."""
    return table(listing.headers, (listing.cells(i, registry, lang) for i in items), lang)


def formatted(fmt: str, listing: Listing, items: Sequence[Any], registry: Records) -> bytes:
    """A list as JSON or YAML, as written to stdout."""
    records = [listing.record(i, registry) for i in items]
    return (to_json(records) if fmt == "json" else to_yaml(records)).encode("utf-8")


def csv_of(listing: Listing, items: Sequence[Any], registry: Records, style: CsvStyle) -> str:
    """A list as CSV text in `style` (without the byte order mark, which depends on where it
    goes: `spo.cli.csv_style.for_stdout`)."""
    rows = (listing.row(listing.record(i, registry), style.word) for i in items)
    return style.text(listing.columns, rows)


def write_record(fmt: str, record: Record) -> None:
    """One record (`show --format json|yaml`)."""
    write_text(to_json(record) if fmt == "json" else to_yaml(record))
