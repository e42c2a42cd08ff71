"""`spo search`: find projects and municipalities by the words people type.

Search works on rows (`spo.index.search_rows.document_row`): each record's fields with their words
folded as `spo.rules.turkish.fold` folds them, so "istanbul" finds "İstanbul" and "usküdar" finds
"Üsküdar", in the query as in the records.

A query word matches a record word when it is a prefix of it ("mutfak" finds "Mutfakları"). Only
a query word that begins no word of the registry at all may match with a typo: for words of five
letters or more, one edit (a letter added, dropped, changed or two swapped) that turns it into a
word or a word's beginning ("mutfka" finds "mutfakları"). Every query word must match somewhere in
the record.

Results come best first: records whose name begins with the query ("mahalle mut"), then those
that match in their name, then in their place (a district municipality matches its province's
name: "izmir" finds Bayraklı), then in a vocabulary label in either language ("kadın" finds the
projects for women), then in summaries, notes and tags; a match through a typo comes after any
without. Each query word counts by the best field it matched in, and the weakest word ranks the
record. Ties go by the name shown, in Turkish alphabetical order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spo.index import registry_rows
from spo.index.search_rows import (
    FIELDS,
    LABEL_FIELDS,
    PLACE_FIELDS,
    Row,
    document_row,
    folded_words,
)
from spo.rules.errors import UsageError
from spo.rules.turkish import MIN_TYPO_LENGTH, word_matches

__all__ = [
    "FIELDS",
    "Hit",
    "Row",
    "document_row",
    "folded_words",
    "registry_rows",
    "search",
    "search_registry",
    "word_matches",
]

MIN_FUZZY_LENGTH = MIN_TYPO_LENGTH
NAME_BEGINS, NAME, PLACE, LABEL, TEXT = range(5)  # how good a match is, best first


@dataclass(frozen=True)
class Hit:
    row: Row
    matched_in: tuple[str, ...]  # fields of FIELDS
    tier: int  # NAME_BEGINS ... TEXT: the weakest query word's best field
    tiers: int  # the sum of every query word's best field
    typos: int  # how many query words matched only with a typo

    @property
    def type(self) -> str:
        return str(self.row["kind"])

    @property
    def id(self) -> str:
        return str(self.row["id"])


def _tier(field: str) -> int:
    if field == "name":
        return NAME
    if field in PLACE_FIELDS:
        return PLACE
    return LABEL if field in LABEL_FIELDS else TEXT


@dataclass(frozen=True)
class _QueryWord:
    prefix: str  # " q": found in a field when a word there starts with q
    typos: frozenset[str]  # record words q matches only with a typo (when it begins none)


def _query_words(query: list[str], rows: Sequence[Row]) -> list[_QueryWord]:
    """Typos are looked for once among the distinct record words, not once per record, and
    only for a query word that begins no word anywhere."""
    everything = "".join(text for row in rows for text in row["fields"].values())
    vocabulary: set[str] | None = None
    found: list[_QueryWord] = []
    for word in query:
        typos: frozenset[str] = frozenset()
        if len(word) >= MIN_FUZZY_LENGTH and f" {word}" not in everything:
            if vocabulary is None:
                vocabulary = set(everything.split())
            typos = frozenset(w for w in vocabulary if word_matches(word, w))
        found.append(_QueryWord(f" {word}", typos))
    return found


def _hit(row: Row, query: list[_QueryWord], phrase: str) -> Hit | None:
    fields: dict[str, str] = row["fields"]
    matched_in: set[str] = set()
    best: list[int] = []
    typos = 0
    for word in query:
        found = {f for f, text in fields.items() if word.prefix in text}
        if not found and word.typos:
            found = {f for f, text in fields.items() if not word.typos.isdisjoint(text.split())}
            typos += 1
        if not found:
            return None
        best.append(min(_tier(f) for f in found))
        matched_in |= found
    begins = any(name.startswith(phrase) for name in row["names"])
    tier = NAME_BEGINS if begins else max(best)
    ordered = tuple(f for f in FIELDS if f in matched_in)
    return Hit(row, ordered, tier, sum(best), typos)


def search(query: str, rows: Sequence[Row], english: bool = False) -> list[Hit]:
    """Every record matching all words of `query`, best first (see the module's doc); ties by
    the Turkish name, or for `english` readers by the English name where there is one."""
    query_words = list(dict.fromkeys(folded_words([query])[0]))
    if not query_words:
        raise UsageError.of("usage.empty-query")
    expanded = _query_words(query_words, rows)
    phrase = " ".join(folded_words([query])[0])
    hits = [hit for row in rows if (hit := _hit(row, expanded, phrase)) is not None]

    def rank(hit: Hit) -> tuple[int, int, int, list[str], str, str]:
        row = hit.row
        order: list[str] = (english and row["sort_en"]) or row["sort"]
        return (hit.typos, hit.tier, hit.tiers, order, hit.type, hit.id)

    return sorted(hits, key=rank)


def search_registry(root: Path, query: str, english: bool = False) -> list[Hit]:
    """`search` over the registry at `root`. The index first hands over only the records in
    which every query word begins a word; when there are none (a typo, or a word found
    nowhere), every record, so that typos are looked for as `search` looks for them. Either
    way the hits are those `search` finds among all records: a record without every word's
    beginning can only match through a typo, and typos are tried only for a word that begins
    no word anywhere."""
    query_words = list(dict.fromkeys(folded_words([query])[0]))
    if not query_words:
        raise UsageError.of("usage.empty-query")
    rows = registry_rows(root, [f" {word}" for word in query_words])
    return search(query, rows or registry_rows(root), english)
