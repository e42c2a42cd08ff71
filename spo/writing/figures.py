"""`add_figure`: record a figure a mentoring office published ("16 municipalities hosted", as of a
day, from a source) in its municipality's `reported_figures`, so that `spo report` can set it
beside what the registry records. Reads only that file and the ids from the file names.

`office_of` says which municipality that is when none is named: the one that runs an office.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from spo.files import registry
from spo.model import Municipality
from spo.query.reading import read_municipalities
from spo.rules import lookup
from spo.rules.dates import FuzzyDate
from spo.rules.errors import UsageError
from spo.rules.schemas import MAX_COUNT
from spo.rules.vocabulary import METRICS, MUNICIPALITY_KINDS, QUALIFIERS
from spo.writing import inputs
from spo.writing.editing import References, Refusal, WriteResult, edit_record, refusing, shown
from spo.writing.engagements import date_order, entry_change
from spo.writing.known import KnownIds, KnownProjects
from spo.writing.roundtrip import YamlText

# What makes two figures the same figure: one office publishes one value of a metric (of one kind
# of municipality, or of all) as of one day.
SAME_FIGURE = ("date", "metric", "municipality_kind")


def office_of(municipalities: Iterable[Municipality]) -> str:
    """The id of the one municipality that runs an office (`office:` in its file); a usage error
    when there is none, or several (the figure's municipality must then be named)."""
    offices = sorted(m.id for m in municipalities if m.office is not None)
    if len(offices) == 1:
        return offices[0]
    if not offices:
        raise UsageError.of("usage.no-office")
    raise UsageError.of("usage.several-offices", offices=", ".join(offices))


def office_id(root: Path) -> str:
    """`office_of` the registry's municipalities, read from the index without its projects (a
    write that names its municipality never opens it)."""
    return office_of(read_municipalities(root).values())


def figure_value(value: object) -> int:
    """A published figure's value: a whole number from 0 to MAX_COUNT (as the schema says)."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise Refusal("figure-value", value=str(value), limit=MAX_COUNT)
    return value


def _position(figures: list[Any], new: dict[str, Any], when: FuzzyDate, text: YamlText) -> int:
    """Figures are kept in date order (a new one after those of its day); the same figure twice
    is refused, naming the line that holds it."""
    for index, entry in enumerate(figures):
        if isinstance(entry, dict) and all(entry.get(k) == new.get(k) for k in SAME_FIGURE):
            node = text.node(("reported_figures", index))
            line = int(node.start_mark.line) + 1 if node is not None else 0
            reason = (
                "duplicate-figure-of-kind" if new.get("municipality_kind") else "duplicate-figure"
            )
            fields = {k: new[k] for k in SAME_FIGURE if k in new}
            raise Refusal(reason, **fields, value=entry.get("value"), line=line)
    return date_order(figures, when)


def add_figure(
    root: Path,
    municipality_id: str | None,
    *,
    date: str,
    metric: str,
    value: int,
    qualifier: str,
    source: str | Mapping[str, str | None] | None,
    municipality_kind: str | None = None,
    note: str | None = None,
    today: date,
    dry_run: bool = False,
) -> WriteResult:
    """Record that `municipality_id` published `value` (`qualifier`: as stated, at least...) for
    `metric` as of `date`, citing `source` (a web address or a citation); `municipality_id`
    None: the office's municipality (`office_id`)."""
    metric = inputs.term(METRICS, metric)
    qualifier = inputs.term(QUALIFIERS, qualifier)
    kind = inputs.term(MUNICIPALITY_KINDS, municipality_kind) if municipality_kind else None
    municipality_ids = KnownIds(root, "municipality")
    if municipality_id is None:
        municipality_id = office_id(root)
    if municipality_id not in municipality_ids:
        raise lookup.unknown_id("municipality", municipality_id, municipality_ids)
    path = registry.record_path(root, "municipality", municipality_id)
    with refusing(shown(root, path)):
        when = inputs.when(date, today)
        fields = {
            "date": when.text,
            "metric": metric,
            "value": figure_value(value),
            "qualifier": qualifier,
            "municipality_kind": kind,
            "note": inputs.free_text(note, "note"),
            "source": inputs.source(source, today),
        }
    new = {k: v for k, v in fields.items() if v is not None}
    return edit_record(
        root,
        "municipality",
        path,
        entry_change(
            "reported_figures", new, lambda entries, text: _position(entries, new, when, text)
        ),
        References(municipality_ids, KnownProjects(KnownIds(root, "project"), {})),
        today,
        dry_run,
    )
