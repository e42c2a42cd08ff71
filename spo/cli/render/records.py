"""Records for programs and Excel: JSON and YAML records, and CSV rows.

JSON and YAML hold records with the same field names as the YAML files plus computed fields
(`transfer_record`, `municipality_record`); dates stay the strings the files hold and vocabulary
fields keep their values. CSV flattens each record to one row of text, with vocabulary values as
the caller's `Word` gives them; `spo.cli.csv_style` writes the rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from spo.api import (
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
    Municipality,
    Project,
    Records,
    Source,
    Transfer,
    Vocabulary,
)
from spo.cli.citing import cite
from spo.cli.render.escape import json_text, yaml_text

Record = dict[str, Any]


# --- records (JSON, YAML) -----------------------------------------------------------------------


def project_record(project: Project, registry: Records) -> Record:
    return project.to_data()


def municipality_record(municipality: Municipality, registry: Records) -> Record:
    """The YAML fields, with `province_plate` and `province_name` after `province`."""
    province = municipality.province
    record: Record = {}
    for key, value in municipality.to_data().items():
        record[key] = value
        if key == "province":
            record["province_plate"] = province.plate if province else None
            record["province_name"] = province.name if province else None
    return record


def transfer_record(transfer: Transfer, registry: Records) -> Record:
    """The transfer as its municipality's file holds it, plus who adopts it and where it is."""
    record: Record = {"project": transfer.project, "municipality": transfer.municipality}
    record.update((k, v) for k, v in transfer.to_data().items() if k != "project")
    record["current_stage"] = transfer.current_stage
    record["current_date"] = transfer.current.date.text
    return record


def to_json(records: Sequence[Record] | Record) -> str:
    return json_text(records)


def to_yaml(records: Sequence[Record] | Record) -> str:
    return yaml_text(records)


# --- CSV: one row per record, nested things flattened -------------------------------------------

# How a vocabulary's value is written in a cell: as the registry holds it, or as a label
# (`spo.cli.csv_style.CsvStyle.word`).
Word = Callable[[Vocabulary, str], str]


def _cite(source: Any) -> str:
    found = Source.of(source)
    return cite(found)


def _joined(values: Iterable[Any]) -> str:
    return "; ".join(str(v) for v in values if v not in (None, ""))


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _said(word: Word, vocabulary: Vocabulary, value: Any) -> str:
    return word(vocabulary, value) if isinstance(value, str) else _text(value)


def _partner(p: Record, word: Word) -> str:
    """A partner as "name (type, role)"; one that is a municipality of the registry adds its
    id: "name (type, role, id)"."""
    details = (
        _said(word, PARTNER_TYPES, p.get("type")),
        _said(word, PARTNER_ROLES, p.get("role")),
        _text(p.get("municipality")),
    )
    return f"{p.get('name')} ({', '.join(d for d in details if d)})"


def project_row(r: Record, word: Word) -> list[str]:
    """Columns: PROJECT_COLUMNS. Lists are joined with "; "; a partner reads "name (type, role)"
    (with the registry id of a partner municipality); a source "publisher, title, date <url>";
    requirements get a column each."""
    name, summary, needs = r.get("name") or {}, r.get("summary") or {}, r.get("requirements") or {}
    listed = (("themes", THEMES), ("inferred_themes", THEMES), ("target_groups", TARGET_GROUPS))
    return [
        *(_text(v) for v in (r.get("id"), name.get("tr"), name.get("en"), r.get("owner"))),
        _said(word, PROJECT_STATUSES, r.get("status")),
        _text(r.get("status_as_of")),
        _cite(r.get("status_source")),
        _text(r.get("launched")),
        *(_joined(_said(word, vocab, v) for v in r.get(k) or []) for k, vocab in listed),
        _said(word, SERVICE_MODELS, r.get("service_model")),
        _joined(_partner(p, word) for p in r.get("partners") or []),
        _joined(r.get("tags") or []),
        *(_text(needs.get(k)) for k in ("staff", "space", "budget", "partners")),
        *(_text(v) for v in (summary.get("tr"), summary.get("en"))),
        *(_text(r.get(k)) for k in ("website", "notes")),
        _joined(_cite(s) for s in r.get("sources") or []),
    ]


# The names of `spo export`'s columns where a column holds the same (`requirement_staff`,
# `province`), so that the two CSVs can be read side by side.
PROJECT_COLUMNS = [
    "id",
    "name_tr",
    "name_en",
    "owner",
    "status",
    "status_as_of",
    "status_source",
    "launched",
    "themes",
    "inferred_themes",
    "target_groups",
    "service_model",
    "partners",
    "tags",
    "requirement_staff",
    "requirement_space",
    "requirement_budget",
    "requirement_partners",
    "summary_tr",
    "summary_en",
    "website",
    "notes",
    "sources",
]


def municipality_row(r: Record, word: Word) -> list[str]:
    """Columns: MUNICIPALITY_COLUMNS. A contact reads "name, role"; an engagement "date kind
    host"; a transfer "project: current-stage date"; a reported figure "date metric qualifier
    value"; lists are joined with "; "."""
    current = [
        (t.get("project"), t["history"][-1]) for t in r.get("transfers") or [] if t.get("history")
    ]
    return [
        *(_text(r.get(k)) for k in ("id", "name")),
        _said(word, MUNICIPALITY_KINDS, r.get("kind")),
        *(_text(r.get(k)) for k in ("province_plate", "province_name", "district", "website")),
        _joined(f"{c.get('name')}, {c.get('role')}" for c in r.get("contacts") or []),
        _joined(
            f"{e.get('date')} {_said(word, ENGAGEMENT_KINDS, e.get('kind'))} {e.get('host')}"
            for e in r.get("engagements") or []
        ),
        _joined(
            f"{project}: {_said(word, STAGES, e.get('stage'))} {e.get('date')}"
            for project, e in current
        ),
        _joined(
            f"{f.get('date')} {_said(word, METRICS, f.get('metric'))}"
            f" {_said(word, QUALIFIERS, f.get('qualifier'))} {f.get('value')}"
            for f in r.get("reported_figures") or []
        ),
        _text(r.get("notes")),
        _joined(_cite(s) for s in r.get("sources") or []),
    ]


MUNICIPALITY_COLUMNS = [
    "id",
    "name",
    "kind",
    "province",  # the plate code, as in `spo export`
    "province_name",
    "district",
    "website",
    "contacts",
    "engagements",
    "transfers",
    "reported_figures",
    "notes",
    "sources",
]


def transfer_row(r: Record, word: Word) -> list[str]:
    """Columns: TRANSFER_COLUMNS; the history reads "stage date; stage date; ...", oldest first."""
    history = _joined(
        f"{_said(word, STAGES, e.get('stage'))} {e.get('date')}" for e in r.get("history") or []
    )
    return [
        _text(r.get("project")),
        _text(r.get("municipality")),
        _said(word, STAGES, r.get("current_stage")),
        _text(r.get("current_date")),
        history,
        _text(r.get("note")),
    ]


TRANSFER_COLUMNS = ["project", "municipality", "current_stage", "current_date", "history", "note"]
