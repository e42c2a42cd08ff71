"""How records reach the user: tables for people; JSON, CSV and YAML for programs and Excel.

JSON and YAML hold records with the same field names as the YAML files plus computed fields
(`transfer_record`, `municipality_record`); dates stay the strings the files hold and vocabulary
fields keep their values. Tables show labels in the chosen language; ids and data are unchanged.
Every header and message of the find commands is in `MESSAGES`, in Turkish and English.

Rich is imported only when a table is drawn, so `spo --help` stays fast.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from spo.dates import FuzzyDate
from spo.i18n import Catalogue
from spo.model import Engagement, Municipality, Project, Registry, Source, Transfer
from spo.query import latest_activity, municipality_name, project_name
from spo.search import Hit
from spo.vocabulary import (
    ENGAGEMENT_KINDS,
    METRICS,
    MUNICIPALITY_KINDS,
    PARTNER_TYPES,
    PROJECT_STATUSES,
    QUALIFIERS,
    SERVICE_MODELS,
    STAGES,
    TARGET_GROUPS,
    THEMES,
    Lang,
    Vocabulary,
)

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.segment import Segment
    from rich.table import Table

Record = dict[str, Any]

# Turkish and English for every header and message the find commands print.
MESSAGES: dict[str, dict[Lang, str]] = {
    # table headers and field labels
    "id": {"tr": "Kimlik", "en": "ID"},
    "name": {"tr": "Ad", "en": "Name"},
    "owner": {"tr": "Sahibi", "en": "Owner"},
    "status": {"tr": "Durum", "en": "Status"},
    "launched": {"tr": "Başlangıç", "en": "Launched"},
    "themes": {"tr": "Temalar", "en": "Themes"},
    "target_groups": {"tr": "Hedef kitle", "en": "Target groups"},
    "service_model": {"tr": "Hizmet modeli", "en": "Service model"},
    "partners": {"tr": "Ortaklar", "en": "Partners"},
    "tags": {"tr": "Etiketler", "en": "Tags"},
    "requirements": {"tr": "Aktarım için gerekenler", "en": "Needs to adopt"},
    "website": {"tr": "Web sitesi", "en": "Website"},
    "summary": {"tr": "Özet", "en": "Summary"},
    "notes": {"tr": "Notlar", "en": "Notes"},
    "sources": {"tr": "Kaynaklar", "en": "Sources"},
    "kind": {"tr": "Tür", "en": "Kind"},
    "province": {"tr": "İl", "en": "Province"},
    "district": {"tr": "İlçe", "en": "District"},
    "contacts": {"tr": "İletişim", "en": "Contacts"},
    "engagements": {"tr": "Temaslar", "en": "Engagements"},
    "transfers": {"tr": "Aktarımlar", "en": "Transfers"},
    "municipality": {"tr": "Belediye", "en": "Municipality"},
    "project": {"tr": "Proje", "en": "Project"},
    "stage": {"tr": "Aşama", "en": "Stage"},
    "since": {"tr": "Tarih", "en": "Since"},
    "date": {"tr": "Tarih", "en": "Date"},
    "mentor": {"tr": "Aktaran", "en": "Mentor"},
    "event": {"tr": "Olay", "en": "Event"},
    "type": {"tr": "Tür", "en": "Type"},
    "matched_in": {"tr": "Eşleşen alan", "en": "Matched in"},
    "latest": {"tr": "Son hareket", "en": "Latest activity"},
    "timeline": {"tr": "Zaman çizelgesi", "en": "Timeline"},
    "owned_projects": {"tr": "Projeleri", "en": "Its projects"},
    "reported_figures": {"tr": "Açıkladığı rakamlar", "en": "Figures it reported"},
    "metric": {"tr": "Ölçü", "en": "Metric"},
    "value": {"tr": "Değer", "en": "Value"},
    "req_staff": {"tr": "Personel", "en": "Staff"},
    "req_space": {"tr": "Mekân", "en": "Space"},
    "req_budget": {"tr": "Bütçe", "en": "Budget"},
    "req_partners": {"tr": "Ortaklar", "en": "Partners"},
    # what a search result is, and where it matched
    "type_project": {"tr": "Proje", "en": "Project"},
    "type_municipality": {"tr": "Belediye", "en": "Municipality"},
    "field_name": {"tr": "ad", "en": "name"},
    "field_summary": {"tr": "özet", "en": "summary"},
    "field_tags": {"tr": "etiketler", "en": "tags"},
    "field_themes": {"tr": "tema", "en": "theme"},
    "field_target_groups": {"tr": "hedef kitle", "en": "target group"},
    "field_province": {"tr": "il", "en": "province"},
    "field_district": {"tr": "ilçe", "en": "district"},
    # pieces of text
    "date_by": {"tr": "en geç {date}", "en": "by {date}"},
    "host": {"tr": "{kind}, ev sahibi: {other}", "en": "{kind}, host: {other}"},
    "guest": {"tr": "{kind}, konuk: {other}", "en": "{kind}, guest: {other}"},
    "participants": {"tr": "{count} katılımcı", "en": "{count} participants"},
    # messages (stderr)
    "skipped": {
        "tr": "spo: uyarı: okunamayan {count} dosya atlandı; nedenini görmek için `spo validate` "
        "çalıştırın",
        "en": "spo: warning: {count} file(s) could not be read and were left out; "
        "run `spo validate` to see why",
    },
    "no_projects": {"tr": "Koşullara uyan proje yok.", "en": "No projects match."},
    "no_municipalities": {"tr": "Koşullara uyan belediye yok.", "en": "No municipalities match."},
    "no_transfers": {"tr": "Koşullara uyan aktarım yok.", "en": "No transfers match."},
    "no_hits": {"tr": "'{query}' için sonuç bulunamadı.", "en": "Nothing found for '{query}'."},
    "none_yet": {"tr": "Henüz yok.", "en": "None yet."},
}


message = Catalogue(MESSAGES)


def date_label(when: FuzzyDate, lang: Lang) -> str:
    """`../2025-03-21` reads "by 2025-03-21"; `A/B` reads "A – B"; other dates as written."""
    if when.text.startswith("../"):
        return message("date_by", lang, date=when.text[3:])
    return when.text.replace("/", " – ")


def _labels(vocab: Vocabulary, values: Iterable[str], lang: Lang) -> str:
    return ", ".join(vocab.label(v, lang) for v in values)


# --- records (JSON, YAML) -----------------------------------------------------------------------


def project_record(project: Project, registry: Registry) -> Record:
    return dict(project.data)


def municipality_record(municipality: Municipality, registry: Registry) -> Record:
    """The YAML fields, with `province_plate` and `province_name` after `province`."""
    province = municipality.province
    record: Record = {}
    for key, value in municipality.data.items():
        record[key] = value
        if key == "province":
            record["province_plate"] = province.plate if province else None
            record["province_name"] = province.name if province else None
    return record


def transfer_record(transfer: Transfer, registry: Registry) -> Record:
    """The transfer as its municipality's file holds it, plus who adopts it and where it is."""
    municipality = registry.municipalities[transfer.municipality]
    raw_list = municipality.data.get("transfers") or []
    raw: Record = next(
        (r for t, r in zip(municipality.transfers, raw_list, strict=False) if t is transfer), {}
    )
    record: Record = {"project": transfer.project, "municipality": transfer.municipality}
    record.update((k, v) for k, v in raw.items() if k != "project")
    record["current_stage"] = transfer.current_stage
    record["current_date"] = transfer.current.date.text
    return record


def hit_record(hit: Hit, registry: Registry) -> Record:
    return {"type": hit.type, "id": hit.id, "name": hit.name("tr"), "matched_in": [*hit.matched_in]}


def to_json(records: Sequence[Record] | Record) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def to_yaml(records: Sequence[Record] | Record) -> str:
    import yaml

    dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return str(yaml.dump(records, Dumper=dumper, allow_unicode=True, sort_keys=False))


# --- CSV: one row per record, nested things flattened -------------------------------------------


def _cite(source: Any) -> str:
    found = Source.of(source)
    return found.cite() if found else ""


def _joined(values: Iterable[Any]) -> str:
    return "; ".join(str(v) for v in values if v not in (None, ""))


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def project_row(r: Record) -> list[str]:
    """Columns: PROJECT_COLUMNS. Lists are joined with "; "; a partner reads "name (type)"; a
    source "publisher, title, date <url>"; requirements get a column each."""
    name, summary, needs = r.get("name") or {}, r.get("summary") or {}, r.get("requirements") or {}
    return [
        *(_text(v) for v in (r.get("id"), name.get("tr"), name.get("en"), r.get("owner"))),
        *(_text(r.get(k)) for k in ("status", "launched")),
        *(_joined(r.get(k) or []) for k in ("themes", "target_groups")),
        _text(r.get("service_model")),
        _joined(f"{p.get('name')} ({p.get('type')})" for p in r.get("partners") or []),
        _joined(r.get("tags") or []),
        *(_text(needs.get(k)) for k in ("staff", "space", "budget", "partners")),
        *(_text(v) for v in (summary.get("tr"), summary.get("en"))),
        *(_text(r.get(k)) for k in ("website", "notes")),
        _joined(_cite(s) for s in r.get("sources") or []),
    ]


PROJECT_COLUMNS = [
    "id",
    "name_tr",
    "name_en",
    "owner",
    "status",
    "launched",
    "themes",
    "target_groups",
    "service_model",
    "partners",
    "tags",
    "requirements_staff",
    "requirements_space",
    "requirements_budget",
    "requirements_partners",
    "summary_tr",
    "summary_en",
    "website",
    "notes",
    "sources",
]


def municipality_row(r: Record) -> list[str]:
    """Columns: MUNICIPALITY_COLUMNS. A contact reads "name, role"; an engagement "date kind
    host"; a transfer "project: current-stage date"; a reported figure "date metric qualifier
    value"; lists are joined with "; "."""
    current = [
        (t.get("project"), t["history"][-1]) for t in r.get("transfers") or [] if t.get("history")
    ]
    return [
        *(_text(r.get(k)) for k in MUNICIPALITY_COLUMNS[:7]),
        _joined(f"{c.get('name')}, {c.get('role')}" for c in r.get("contacts") or []),
        _joined(
            f"{e.get('date')} {e.get('kind')} {e.get('host')}" for e in r.get("engagements") or []
        ),
        _joined(f"{project}: {e.get('stage')} {e.get('date')}" for project, e in current),
        _joined(
            f"{f.get('date')} {f.get('metric')} {f.get('qualifier')} {f.get('value')}"
            for f in r.get("reported_figures") or []
        ),
        _text(r.get("notes")),
        _joined(_cite(s) for s in r.get("sources") or []),
    ]


MUNICIPALITY_COLUMNS = [
    "id",
    "name",
    "kind",
    "province_plate",
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


def transfer_row(r: Record) -> list[str]:
    """Columns: TRANSFER_COLUMNS; the history reads "stage date; stage date; ...", oldest first."""
    history = _joined(f"{e.get('stage')} {e.get('date')}" for e in r.get("history") or [])
    return [*(_text(r.get(k)) for k in TRANSFER_COLUMNS[:4]), history, _text(r.get("note"))]


TRANSFER_COLUMNS = ["project", "municipality", "current_stage", "current_date", "history", "note"]


def hit_row(r: Record) -> list[str]:
    """Columns: type (project or municipality), id, name, matched_in (fields, "; "-joined)."""
    return [r["type"], r["id"], r["name"], _joined(r["matched_in"])]


def to_csv(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel shows Turkish letters; CRLF line ends."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


# --- table cells: labels in the chosen language -------------------------------------------------


def project_cells(project: Project, registry: Registry, lang: Lang) -> list[str]:
    return [
        project.id,
        project.name(lang),
        municipality_name(registry, project.owner),
        PROJECT_STATUSES.label(project.status, lang),
        _labels(THEMES, project.themes, lang),
        _labels(TARGET_GROUPS, project.target_groups, lang),
    ]


def municipality_cells(municipality: Municipality, registry: Registry, lang: Lang) -> list[str]:
    province = municipality.province
    latest = latest_activity(municipality)
    return [
        municipality.id,
        municipality.name,
        MUNICIPALITY_KINDS.label(municipality.kind, lang),
        province.name if province else str(municipality.data.get("province", "")),
        municipality.district or "",
        str(len(municipality.engagements)),
        str(len(municipality.transfers)),
        date_label(latest, lang) if latest else "",
    ]


def transfer_cells(transfer: Transfer, registry: Registry, lang: Lang) -> list[str]:
    project = registry.projects.get(transfer.project)
    return [
        municipality_name(registry, transfer.municipality),
        project_name(registry, transfer.project, lang),
        STAGES.label(transfer.current_stage, lang),
        date_label(transfer.current.date, lang),
        municipality_name(registry, project.owner) if project else "",
    ]


def hit_cells(hit: Hit, registry: Registry, lang: Lang) -> list[str]:
    return [
        message(f"type_{hit.type}", lang),
        hit.id,
        hit.name(lang),
        ", ".join(message(f"field_{f}", lang) for f in hit.matched_in),
    ]


@dataclass(frozen=True)
class Listing:
    """How one kind of record is listed in each format."""

    record: Callable[[Any, Registry], Record]  # JSON and YAML
    columns: list[str]  # CSV header
    row: Callable[[Record], list[str]]  # CSV row, from the record
    headers: list[str]  # table header, as MESSAGES keys
    cells: Callable[[Any, Registry, Lang], list[str]]  # table row


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
HITS = Listing(
    hit_record,
    ["type", "id", "name", "matched_in"],
    hit_row,
    ["type", "id", "name", "matched_in"],
    hit_cells,
)


# --- tables -------------------------------------------------------------------------------------


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], lang: Lang) -> Rows:
    return Rows([message(key, lang) for key in headers], [list(row) for row in rows])


COLUMN_GAP = 3  # cell padding and divider between two columns of a SIMPLE_HEAD table
COLUMN_GAP_TEXT = " " * COLUMN_GAP


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[str]], room: int) -> list[int]:
    """Widths that keep every word whole and share what room is left evenly, first among the
    columns whose data wants more, then among headers that would otherwise wrap; [] when the
    columns cannot stand side by side at their longest words."""
    from rich.cells import cell_len

    columns = list(zip(headers, *rows, strict=True))
    widths = [max(cell_len(w) for cell in col for w in [*cell.split(), ""]) for col in columns]
    spare = room - COLUMN_GAP * (len(columns) - 1) - sum(widths)
    if spare < 0:
        return []
    data = [
        max([0, *(cell_len(ln) for cell in col[1:] for ln in cell.splitlines())]) for col in columns
    ]
    for wanted in (data, [max(d, cell_len(h)) for d, h in zip(data, headers, strict=True)]):
        spare = _share(widths, wanted, spare)
    return widths


def _share(widths: list[int], wanted: Sequence[int], spare: int) -> int:
    """Widen columns towards what they want, evenly; returns the room still spare."""
    wanting = [n for n, width in enumerate(widths) if width < wanted[n]]
    while spare and wanting:
        share = max(1, spare // len(wanting))
        for n in list(wanting):
            given = min(share, wanted[n] - widths[n], spare)
            widths[n] += given
            spare -= given
            if widths[n] == wanted[n]:
                wanting.remove(n)
    return spare


class Rows:
    """Records as a table when the columns fit side by side with their words whole; on a
    narrower terminal, each record as a card of "label  value" lines, so that the output wraps
    instead of breaking words or dropping columns."""

    def __init__(self, headers: list[str], rows: list[list[str]]) -> None:
        self.headers = headers
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich import box
        from rich.table import Table
        from rich.text import Text

        widths = column_widths(self.headers, self.rows, options.max_width)
        if not widths:
            yield self._cards()
        elif self._fits(widths):
            yield from self._lines(widths)
        else:
            drawn = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
            for header, width in zip(self.headers, widths, strict=True):
                drawn.add_column(header, width=width, overflow="fold")
            for row in self.rows:
                drawn.add_row(*(Text(cell) for cell in row))  # Text: data is never read as markup
            yield drawn

    def _fits(self, widths: list[int]) -> bool:
        """True when every cell fits its column on one line: nothing to wrap."""
        from rich.cells import cell_len

        return all(
            cell.isprintable() and cell_len(cell) <= width
            for row in (self.headers, *self.rows)
            for cell, width in zip(row, widths, strict=True)
        )

    def _lines(self, widths: list[int]) -> Iterator[Segment]:
        """The same table as Rich draws it, line by line: a Rich table measures and wraps every
        cell, which takes seconds for the thousands of rows of a national registry."""
        from rich.cells import cell_len
        from rich.segment import Segment
        from rich.style import Style

        def line(cells: Sequence[str]) -> str:
            return COLUMN_GAP_TEXT.join(
                cell + " " * (width - cell_len(cell))
                for cell, width in zip(cells, widths, strict=True)
            )

        yield Segment(line(self.headers), Style(bold=True))
        yield Segment.line()
        yield Segment("─" * (sum(widths) + COLUMN_GAP * (len(widths) - 1)))
        yield Segment.line()
        for row in self.rows:
            yield Segment(line(row))
            yield Segment.line()

    def _cards(self) -> Table:
        from rich.table import Table
        from rich.text import Text

        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        for number, row in enumerate(self.rows):
            if number:
                grid.add_row("", "")
            for header, cell in zip(self.headers, row, strict=True):
                grid.add_row(Text(header), Text(cell))
        return grid


PIPED_WIDTH = 10_000  # piped output: one line per row, for grep and friends


def console(file: IO[str] | None = None) -> Console:
    """A console for stdout. Colour and styles only on a terminal and without NO_COLOR, so
    piped output carries no ANSI codes. Tables fit the terminal's width (or $COLUMNS); piped
    without $COLUMNS, rows are not wrapped."""
    from rich.console import Console

    target = file if file is not None else sys.stdout
    tty = file is None and sys.stdout.isatty()
    styled = tty and not os.environ.get("NO_COLOR")
    unbounded = file is None and not tty and not os.environ.get("COLUMNS", "").isdigit()
    return Console(
        file=target,
        width=PIPED_WIDTH if unbounded else None,
        force_terminal=None if styled else False,
        no_color=not styled,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


def render_text(renderable: RenderableType, width: int) -> str:
    """What a renderable looks like as plain text at a given width (for tests and previews)."""
    buffer = io.StringIO()
    out = console(buffer)
    out.width = width
    out.print(renderable)
    return buffer.getvalue()


# --- writing ------------------------------------------------------------------------------------


def write_bytes(data: bytes) -> None:
    """Bytes to stdout as they are: no newline translation, no code page."""
    stream = sys.stdout
    stream.flush()
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:
        stream.write(data.decode("utf-8"))


def write_text(text: str) -> None:
    write_bytes(text.encode("utf-8"))


def warn(text: str) -> None:
    print(text, file=sys.stderr)


def emit(
    fmt: str, listing: Listing, items: Sequence[Any], registry: Registry, lang: Lang, empty: str
) -> None:
    """Write a list of records in the chosen format. An empty list is a normal answer, said on
    stderr (JSON and YAML still print an empty list, CSV its header)."""
    if not items:
        warn(empty)
    if fmt == "table":
        if items:
            rows = (listing.cells(i, registry, lang) for i in items)
            console().print(table(listing.headers, rows, lang))
    elif fmt == "csv":
        write_bytes(
            to_csv(listing.columns, (listing.row(listing.record(i, registry)) for i in items))
        )
    else:
        records = [listing.record(i, registry) for i in items]
        write_text(to_json(records) if fmt == "json" else to_yaml(records))


def write_record(fmt: str, record: Record) -> None:
    """One record (`show --format json|yaml`)."""
    write_text(to_json(record) if fmt == "json" else to_yaml(record))


# --- show views ---------------------------------------------------------------------------------


def _heading(text: str) -> RenderableType:
    from rich.text import Text

    return Text(text, style="bold")


def _fields(pairs: Iterable[tuple[str, str]], lang: Lang) -> RenderableType:
    """Label / value lines, skipping empty values."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for key, value in pairs:
        if value:
            grid.add_row(Text(message(key, lang)), Text(value))
    return grid


def _lines(texts: Iterable[str]) -> RenderableType:
    """Indented lines (a grid, which unlike Padding does not fill the line with spaces)."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 0, 0, 2), pad_edge=True)
    grid.add_column(overflow="fold")
    for text in texts:
        grid.add_row(Text(text))
    return grid


def _section(title: str, body: RenderableType | None) -> list[RenderableType]:
    return [] if body is None else ["", _heading(title), body]


def project_view(project: Project, registry: Registry, lang: Lang) -> RenderableType:
    """A project, then every municipality that has a transfer of it with its current stage."""
    from rich.console import Group

    from spo.query import transfers_of

    needs = "; ".join(
        f"{message('req_' + k, lang)}: {v}" for k, v in project.requirements.items() if v
    )
    owner = registry.municipalities.get(project.owner)
    title = f"{project.name_tr} ({project.id})"
    english = project.name_en if project.name_en and project.name_en != project.name_tr else None
    parts: list[RenderableType] = [_heading(title)]
    if english:
        parts.append(english)
    parts += [
        "",
        _fields(
            [
                ("owner", f"{owner.name} ({owner.id})" if owner else project.owner),
                ("status", PROJECT_STATUSES.label(project.status, lang)),
                ("launched", date_label(project.launched, lang) if project.launched else ""),
                ("themes", _labels(THEMES, project.themes, lang)),
                ("target_groups", _labels(TARGET_GROUPS, project.target_groups, lang)),
                (
                    "service_model",
                    SERVICE_MODELS.label(project.service_model, lang)
                    if project.service_model
                    else "",
                ),
                (
                    "partners",
                    "; ".join(
                        f"{p.name} ({PARTNER_TYPES.label(p.type, lang)})" for p in project.partners
                    ),
                ),
                ("tags", ", ".join(project.tags)),
                ("requirements", needs),
                ("website", project.website or ""),
            ],
            lang,
        ),
    ]
    summaries = [s for s in (project.summary_tr, project.summary_en) if s]
    parts += _section(message("summary", lang), _lines(summaries))
    adopting = transfers_of(registry, project.id, lang)
    rows = [
        [
            municipality_name(registry, t.municipality),
            t.municipality,
            STAGES.label(t.current_stage, lang),
            date_label(t.current.date, lang),
        ]
        for t in adopting
    ]
    parts += _section(
        f"{message('transfers', lang)} ({len(adopting)})",
        table(["municipality", "id", "stage", "since"], rows, lang)
        if rows
        else _lines([message("none_yet", lang)]),
    )
    parts += _notes_and_sources(project.notes, project.sources, lang)
    return Group(*parts)


def _notes_and_sources(
    notes: str | None, sources: Sequence[Source], lang: Lang
) -> list[RenderableType]:
    parts: list[RenderableType] = []
    if notes:
        parts += _section(message("notes", lang), _lines([notes]))
    if sources:
        parts += _section(message("sources", lang), _lines([s.cite() for s in sources]))
    return parts


def _engagement(e: Engagement, key: str, other: str, registry: Registry, lang: Lang) -> str:
    kind = ENGAGEMENT_KINDS.label(e.kind, lang)
    text = message(key, lang, kind=kind, other=municipality_name(registry, other))
    if e.participants is not None:
        text += " · " + message("participants", lang, count=e.participants)
    return text + (f" — {e.note}" if e.note else "")


def timeline(municipality: Municipality, registry: Registry, lang: Lang) -> list[list[str]]:
    """(date, event) rows, oldest first: the municipality's engagements, those it hosted, and
    its transfers' stages. Events of one day keep the order of the files."""
    events: list[tuple[FuzzyDate, str]] = [
        (e.date, _engagement(e, "host", e.host, registry, lang)) for e in municipality.engagements
    ]
    events += [
        (e.date, _engagement(e, "guest", e.municipality, registry, lang))
        for e in registry.engagements()
        if e.host == municipality.id and e.municipality != municipality.id
    ]
    for t in municipality.transfers:
        name = project_name(registry, t.project, lang)
        for entry in t.history:
            text = f"{name}: {STAGES.label(entry.stage, lang)}"
            events.append((entry.date, text + (f" — {entry.note}" if entry.note else "")))
    events.sort(key=lambda pair: pair[0].sort_key())
    return [[date_label(when, lang), text] for when, text in events]


def figure_value(value: int, qualifier: str, lang: Lang) -> str:
    """ "at least 30"; a Turkish qualifier that is a suffix ("-den fazla") follows the number."""
    label = QUALIFIERS.label(qualifier, lang)
    return f"{value}{label}" if label.startswith("-") else f"{label} {value}"


def municipality_view(municipality: Municipality, registry: Registry, lang: Lang) -> RenderableType:
    """A municipality, its transfers, and its engagements and transfer stages as a timeline."""
    from rich.console import Group

    from spo.query import owned_projects

    province = municipality.province
    parts: list[RenderableType] = [
        _heading(f"{municipality.name} ({municipality.id})"),
        "",
        _fields(
            [
                ("kind", MUNICIPALITY_KINDS.label(municipality.kind, lang)),
                ("province", f"{province.name} ({province.plate:02d})" if province else ""),
                ("district", municipality.district or ""),
                ("website", municipality.website or ""),
                ("contacts", "; ".join(f"{c.name}, {c.role}" for c in municipality.contacts)),
            ],
            lang,
        ),
    ]
    if municipality.transfers:
        rows = []
        for t in municipality.transfers:
            project = registry.projects.get(t.project)
            rows.append(
                [
                    project_name(registry, t.project, lang),
                    municipality_name(registry, project.owner) if project else "",
                    STAGES.label(t.current_stage, lang),
                    date_label(t.current.date, lang),
                ]
            )
        parts += _section(
            f"{message('transfers', lang)} ({len(rows)})",
            table(["project", "mentor", "stage", "since"], rows, lang),
        )
    events = timeline(municipality, registry, lang)
    if events:
        parts += _section(message("timeline", lang), table(["date", "event"], events, lang))
    owned = owned_projects(registry, municipality.id, lang)
    if owned:
        counts = {p.id: 0 for p in owned}
        for transfer in registry.transfers():
            if transfer.project in counts:
                counts[transfer.project] += 1
        rows = [[p.id, p.name(lang), str(counts[p.id])] for p in owned]
        parts += _section(
            f"{message('owned_projects', lang)} ({len(owned)})",
            table(["id", "name", "transfers"], rows, lang),
        )
    if municipality.reported_figures:
        rows = [
            [
                date_label(f.date, lang),
                METRICS.label(f.metric, lang),
                figure_value(f.value, f.qualifier, lang),
            ]
            for f in municipality.reported_figures
        ]
        parts += _section(
            message("reported_figures", lang), table(["date", "metric", "value"], rows, lang)
        )
    parts += _notes_and_sources(municipality.notes, municipality.sources, lang)
    return Group(*parts)
