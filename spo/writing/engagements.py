"""`add_engagement`: record a study visit, meeting or training with a mentoring municipality, in
the visiting municipality's file. Reads only that file and the ids from the file names."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from spo.files import registry
from spo.rules import lookup
from spo.rules.dates import FuzzyDate, parse_date_or_none
from spo.rules.message import Message
from spo.rules.stages import is_self_engagement
from spo.rules.vocabulary import ENGAGEMENT_KINDS
from spo.writing import inputs
from spo.writing.editing import References, Refusal, WriteResult, edit_record, refusing, shown
from spo.writing.known import KnownIds, KnownProjects
from spo.writing.roundtrip import Edit, YamlText
from spo.writing.transfers import key_order


def _date_of(entry: Any) -> FuzzyDate | None:
    return parse_date_or_none(entry.get("date")) if isinstance(entry, dict) else None


def _position(engagements: list[Any], new: dict[str, Any], when: FuzzyDate) -> int:
    """Engagements are kept in date order; the same event twice is refused."""
    for entry in engagements:
        if isinstance(entry, dict) and all(
            entry.get(k) == new[k] for k in ("kind", "host", "date")
        ):
            raise Refusal(
                "duplicate-engagement", kind=new["kind"], host=new["host"], date=when.text
            )
    return date_order(engagements, when)


def date_order(entries: list[Any], when: FuzzyDate) -> int:
    """Where an entry of `when` goes in a list kept in date order: after those of its day."""
    for index, entry in enumerate(entries):
        other = _date_of(entry)
        if other and when.certainly_before(other):
            return index
    return len(entries)


# Where a new entry goes in its list, given the list and the file's text (to name a line).
Position = Callable[[list[Any], YamlText], int]


def entry_change(key: str, new: dict[str, Any], position: Position) -> Any:
    """The change that adds `new` to the municipality file's list `key` (made when missing), at
    `position`: the new text, and the data it must read back as."""

    def change(text: YamlText, data: dict[str, Any]) -> tuple[Edit, dict[str, Any]]:
        expected = copy.deepcopy(data)
        entries = expected.get(key)
        if entries is None:
            entries = expected[key] = []
        if not isinstance(entries, list):
            raise Refusal("layout", detail=Message.of("layout.not-a-list", key=key))
        at = position(entries, text)
        entries.insert(at, new)
        edit = text.add_entry((key,), new, at, key_order("municipality"))
        return edit, expected

    return change


def _engagement_change(new: dict[str, Any], when: FuzzyDate) -> Any:
    return entry_change("engagements", new, lambda entries, _text: _position(entries, new, when))


def add_engagement(
    root: Path,
    municipality_id: str,
    host: str,
    kind: str,
    date: str | None = None,
    participants: int | None = None,
    note: str | None = None,
    source: str | None = None,
    *,
    today: date,
    dry_run: bool = False,
) -> WriteResult:
    """Record that `municipality_id` had an engagement of `kind` hosted by `host`."""
    municipality_ids = KnownIds(root, "municipality")
    for given in (municipality_id, host):
        if given not in municipality_ids:
            raise lookup.unknown_id("municipality", given, municipality_ids)
    kind = inputs.term(ENGAGEMENT_KINDS, kind)
    source = inputs.url(source)
    path = registry.record_path(root, "municipality", municipality_id)
    with refusing(shown(root, path)):
        when = inputs.when(date or today.isoformat(), today)
        if is_self_engagement(host, municipality_id):
            raise Refusal("self-engagement")
        fields = {
            "kind": kind,
            "host": host,
            "date": when.text,
            "participants": participants,
            "note": inputs.free_text(note, "note"),
            "source": source,
        }
    new = {k: v for k, v in fields.items() if v is not None}
    return edit_record(
        root,
        "municipality",
        path,
        _engagement_change(new, when),
        References(municipality_ids, KnownProjects(KnownIds(root, "project"), {})),
        today,
        dry_run,
    )
