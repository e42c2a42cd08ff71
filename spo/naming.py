"""Names wherever ids go: the record of a kind that a typed name or id means, resolved against
the index's rows (`resolve`) or the registry at a root (`record_id`).

Apart from `spo.lookup`, whose fuzzy matching (`closest`) the place and schema checks use: this
module reads the registry, so keeping it apart keeps those low modules out of an import circle.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from spo.errors import UsageError
from spo.lookup import closest
from spo.message import Message

# What people leave out of a municipality's name ("Üsküdar" for "Üsküdar Belediyesi"), folded.
NAME_SUFFIXES = (" buyuksehir belediyesi", " belediyesi")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _short(folded: str) -> str:
    for suffix in NAME_SUFFIXES:
        if folded.endswith(suffix):
            return folded.removesuffix(suffix)
    return folded


def _forms(row: Mapping[str, Any]) -> set[str]:
    """A row's names as people type them, folded: whole, and without "(Büyükşehir) Belediyesi"."""
    names: list[str] = row["names"]
    return {form for name in names for form in (name, _short(name)) if form}


def _ambiguous(kind: str, text: str, rows: list[Mapping[str, Any]]) -> UsageError:
    from spo.turkish import sort_key

    rows = sorted(rows, key=lambda r: (sort_key(str(r["name"])), str(r["id"])))
    candidates = [Message.of("lookup.candidate", id=r["id"], name=r["name"]) for r in rows]
    return UsageError(
        Message.of("lookup.ambiguous-name", kind=kind, value=text, candidates=candidates)
    )


def resolve(kind: str, text: str, rows: Iterable[Mapping[str, Any]]) -> str:
    """The id of the record of `kind` that `text` names: an existing id wins; else a name folded
    as search folds it, whole or without "Belediyesi"/"Büyükşehir Belediyesi", else the unique
    record whose name begins with it. Several candidates, or none, is a usage error (exit 2)."""
    from spo.search_rows import folded_words

    own = [row for row in rows if row["kind"] == kind]
    ids = {str(row["id"]) for row in own}
    if text in ids:
        return text
    typed = " ".join(folded_words([text])[0])
    if typed:
        wanted = {typed, _short(typed)}
        exact = [row for row in own if not wanted.isdisjoint(_forms(row))]
        begins = exact or [row for row in own if any(f.startswith(typed) for f in _forms(row))]
        if len(begins) == 1:
            return str(begins[0]["id"])
        if begins:
            raise _ambiguous(kind, text, begins)
    close = closest(text, ids) or _closest_name(_short(typed), own)
    key = "lookup.unknown-id" if _ID.fullmatch(text) else "lookup.unknown-name"
    raise UsageError(Message.of(key, kind=kind, value=text, suggestion=close))


def _closest_name(place: str, rows: list[Mapping[str, Any]]) -> str | None:
    """The id of the one record whose name, without "(Büyükşehir) Belediyesi", is close to
    `place` ("kadirlii belediyesi": osmaniye-kadirli). Names are compared without that suffix,
    so that the suffix alone ("Ankara Belediyesi") brings no suggestion; a name that several
    records share brings none either."""
    if not place:
        return None
    known: dict[str, set[str]] = {}
    for row in rows:
        for name in row["names"]:
            known.setdefault(_short(name), set()).add(str(row["id"]))
    ids = known.get(closest(place, known) or "", set())
    return next(iter(ids)) if len(ids) == 1 else None


def record_id(root: Path, kind: str, text: str) -> str:
    """`resolve` for the registry at `root`. An existing record's id is answered from its file
    name alone, so that writing commands given ids stay as fast for 10,000 records as for 100;
    only a name reads the registry."""
    from spo import registry
    from spo.schemas import is_id
    from spo.search_rows import registry_rows

    if is_id(text) and registry.record_path(root, kind, text).is_file():
        return text
    return resolve(kind, text, registry_rows(root))
