"""Names wherever ids go: the record of a kind that a typed name or id means, resolved against
the index's rows (`resolve`) or the registry at a root (`record_id`).

Apart from `spo.rules.lookup`, whose fuzzy matching (`closest`) the place and schema checks use:
this module reads the registry, so keeping it apart keeps those low modules out of an import circle.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from spo.files import registry
from spo.index.search_rows import folded_words
from spo.rules.errors import UsageError
from spo.rules.lookup import closest
from spo.rules.message import Message
from spo.rules.schemas import is_id
from spo.rules.turkish import sort_key, word_matches

# What people leave out of a municipality's name ("Üsküdar" for "Üsküdar Belediyesi"), folded.
NAME_SUFFIXES = (" buyuksehir belediyesi", " belediyesi")
# Words of a name that every municipality shares: alone they name none of them in particular.
SHARED_WORDS = frozenset({"belediyesi", "belediye"})
# The usual abbreviations of a name's words, folded: "Mersin BB" is Mersin Büyükşehir Belediyesi.
ABBREVIATIONS = {"bb": "buyuksehir belediyesi"}
MIN_BEGINNING = 2  # the fewest letters that may begin a name, or a word of one
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
Row = Mapping[str, Any]


def _short(folded: str) -> str:
    for suffix in NAME_SUFFIXES:
        if folded.endswith(suffix):
            return folded.removesuffix(suffix)
    return folded


def _forms(row: Row) -> set[str]:
    """A row's names as people type them, folded: whole, and without "(Büyükşehir) Belediyesi"."""
    names: list[str] = row["names"]
    return {form for name in names for form in (name, _short(name)) if form}


def _typed(text: str) -> str:
    """What was typed, folded as search folds it, with abbreviations written out."""
    return " ".join(ABBREVIATIONS.get(word, word) for word in folded_words([text])[0])


def candidates(kind: str, text: str, rows: Iterable[Row], offered: bool = False) -> list[Row]:
    """The records of `kind` that `text` may name, by their ids and names only (never by words
    of a summary or a note): its id; else a name it is, whole or without "Belediyesi" /
    "Büyükşehir Belediyesi" ("bb" is the usual abbreviation); else the names it begins; else
    the names with a word beginning with each of its words ("büyükşehir": every metropolitan
    municipality), apart from "belediyesi", which every municipality's name has; else none.
    When the candidates are `offered` to choose from (a prompt's numbered list), "belediyesi"
    counts too, and last come the names where each of its words matches with a typo as search
    allows. The first of these that finds any decides; the records come in Turkish alphabetical
    order of their names."""
    own = [row for row in rows if row["kind"] == kind]
    by_id = [row for row in own if str(row["id"]) == text]
    if by_id:
        return by_id
    typed = _typed(text)
    if not typed:
        return []
    wanted = {typed, _short(typed)}
    # A word of one letter or digit ("1") is too little to begin a name or a word of one.
    telling = [
        word
        for word in typed.split()
        if len(word) >= MIN_BEGINNING and (offered or word not in SHARED_WORDS)
    ]

    def each_word(row: Row, matches: Callable[[str, str], bool]) -> bool:
        return bool(telling) and any(
            all(any(matches(t, w) for w in form.split()) for t in telling) for form in row["names"]
        )

    tiers: list[Callable[[Row], bool]] = [
        lambda row: not wanted.isdisjoint(_forms(row)),
        lambda row: len(typed) >= MIN_BEGINNING and any(f.startswith(typed) for f in _forms(row)),
        lambda row: each_word(row, lambda t, w: w.startswith(t)),
    ]
    if offered:
        tiers.append(lambda row: each_word(row, word_matches))
    for tier in tiers:
        found = [row for row in own if tier(row)]
        if found:
            return sorted(found, key=lambda r: (sort_key(str(r["name"])), str(r["id"])))
    return []


def _ambiguous(kind: str, text: str, rows: list[Row]) -> UsageError:
    found = [Message.of("lookup.candidate", id=r["id"], name=r["name"]) for r in rows]
    return UsageError(Message.of("lookup.ambiguous-name", kind=kind, value=text, candidates=found))


def resolve(kind: str, text: str, rows: Iterable[Row]) -> str:
    """The id of the record of `kind` that `text` names (`candidates`, not offered). Several
    candidates, or none, is a usage error (exit 2): an unknown one suggests the closest id or
    name."""
    rows = list(rows)
    found = candidates(kind, text, rows)
    if len(found) == 1:
        return str(found[0]["id"])
    if found:
        raise _ambiguous(kind, text, found)
    own = [row for row in rows if row["kind"] == kind]
    ids = {str(row["id"]) for row in own}
    close = closest(text, ids) or _closest_name(_short(_typed(text)), own)
    key = "lookup.unknown-id" if _ID.fullmatch(text) else "lookup.unknown-name"
    raise UsageError(Message.of(key, kind=kind, value=text, suggestion=close))


def _closest_name(place: str, rows: list[Row]) -> str | None:
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


def record_id(
    root: Path, kind: str, text: str, read_rows: Callable[[], Iterable[Row]] | None = None
) -> str:
    """`resolve` for the registry at `root`. An existing record's id is answered from its file
    name alone, so that writing commands given ids stay as fast for 10,000 records as for 100;
    only a name reads the registry's rows (by `read_rows`, when the caller keeps them)."""
    from spo.index import registry_rows  # here: a write given ids never opens the index

    if is_id(text) and registry.record_path(root, kind, text).is_file():
        return text
    return resolve(kind, text, registry_rows(root) if read_rows is None else read_rows())
