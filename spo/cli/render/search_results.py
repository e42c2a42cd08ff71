"""How `spo search` shows its results, from search rows (not model records): a table with the
names in the reader's language and where each matched, or records for programs (JSON, YAML,
CSV) whose names are the registry's own (Turkish), whatever the language."""

from __future__ import annotations

from collections.abc import Sequence

from spo.api import Hit, Row
from spo.cli.csv_style import CsvStyle, for_stdout
from spo.cli.language import Lang
from spo.cli.render.console import console, warn, write_bytes, write_text
from spo.cli.render.labels import localized_name, message
from spo.cli.render.records import Record, to_json, to_yaml
from spo.cli.render.tables import table

COLUMNS = ["type", "id", "name", "matched_in"]


def row_name(row: Row, lang: Lang) -> str:
    """The name a reader of `lang` sees of a row: a project's English name for English readers
    when it has one, else the registry's own."""
    return localized_name(str(row["name"]), row.get("name_en"), lang)


def hit_record(hit: Hit) -> Record:
    return {
        "type": hit.type,
        "id": hit.id,
        "name": hit.row["name"],
        "matched_in": [*hit.matched_in],
    }


def _csv_row(record: Record, lang: Lang) -> list[str]:
    """Columns: type (project or municipality), id, name, matched_in (fields, "; "-joined);
    for Turkish readers, the type and the fields in their words."""
    if lang == "en":
        return [record["type"], record["id"], record["name"], "; ".join(record["matched_in"])]
    fields = "; ".join(message(f"field_{f}", lang) for f in record["matched_in"])
    return [message(f"type_{record['type']}", lang), record["id"], record["name"], fields]


def _cells(hit: Hit, lang: Lang) -> list[str]:
    return [
        message(f"type_{hit.type}", lang),
        hit.id,
        row_name(hit.row, lang),
        ", ".join(message(f"field_{f}", lang) for f in hit.matched_in),
    ]


def emit(fmt: str, hits: Sequence[Hit], left_out: int, style: CsvStyle, empty: str) -> None:
    """The hits in the chosen format (CSV in `style`, whose language is the reader's); on
    stderr, that nothing was found or how many results `--limit` left out."""
    lang = style.lang
    if not hits:
        warn(empty)
    if fmt == "table":
        if hits:
            console().print(table(COLUMNS, (_cells(h, lang) for h in hits), lang))
    elif fmt == "csv":
        rows = (_csv_row(hit_record(h), lang) for h in hits)
        write_bytes(for_stdout(style.text(COLUMNS, rows)))
    else:
        records = [hit_record(h) for h in hits]
        write_text(to_json(records) if fmt == "json" else to_yaml(records))
    if left_out:
        warn(message("hits_left_out", lang, count=left_out))
