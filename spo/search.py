"""`spo search`: find projects and municipalities by the words people type.

Every record becomes a document of fields (a project's name, summary, tags, theme and target-group
labels in both languages; a municipality's name, province and district), each field's words folded
as `spo.turkish.fold` folds them, so "istanbul" finds "İstanbul" and "usküdar" finds "Üsküdar".

A query word matches a record word when it is a prefix of it ("mutfak" finds "Mutfakları") or,
for query words of five letters or more, when one edit (a letter added, dropped, changed or two
swapped) turns it into the word or into the word's beginning ("mutfka" finds "mutfakları"). Every
query word must match somewhere in the record. Records whose name matched come first, then those
matched without typos, then by name in Turkish alphabetical order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from spo.errors import UsageError
from spo.model import Municipality, Project, Registry
from spo.query import NameOf, turkish_name
from spo.turkish import SortKey, edit_distance_at_most_one, sort_key, words
from spo.vocabulary import TARGET_GROUPS, THEMES

RecordType = Literal["project", "municipality"]
# Where a query can match (named as in the YAML files), in the order results name them.
FIELDS = ("name", "summary", "tags", "themes", "target_groups", "province", "district")
MIN_FUZZY_LENGTH = 5

_SEPARATORS = re.compile(r"[^\w\n]+|_+")  # spo.turkish's word separators, but for newlines
_APOSTROPHES = re.compile("['’‘ʼ`´]")  # as spo.turkish.fold drops them
# Combining accents, which fold strips (U+034F, the one that is not a combining mark, is kept).
_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]")
_VOCABULARIES = {v.name: v for v in (THEMES, TARGET_GROUPS)}


@dataclass(frozen=True)
class Document:
    """A record as search sees it: each field's folded words as one string, " w1 w2 ... ", so
    that "does a word start with q" is a substring test for " q"."""

    type: RecordType
    record: Project | Municipality
    fields: tuple[tuple[str, str], ...]  # (field, " w1 w2 "), in FIELDS order, none empty


@dataclass(frozen=True)
class Hit:
    type: RecordType
    record: Project | Municipality
    matched_in: tuple[str, ...]  # fields of FIELDS
    name_words: int  # how many query words matched the name
    typos: int  # how many query words matched only with a typo

    @property
    def id(self) -> str:
        return self.record.id

    def name(self, name_of: NameOf = turkish_name) -> str:
        record = self.record
        return name_of(record) if isinstance(record, Project) else record.name


# --- the index ----------------------------------------------------------------------------------


def folded_words(texts: Sequence[str]) -> list[list[str]]:
    """The words of each text, exactly as `spo.turkish.words` gives them, folded in one pass.

    `fold` works letter by letter in Python, which would dominate a search over 10,000
    summaries. Here the texts are joined and put through the same steps with C-speed string
    methods; a text that is then ASCII apart from combining accents gives the same words as
    `words`, and any other (Greek, Cyrillic, ß...) goes through `words` itself.
    """
    flat = [text.replace("\n", " ") for text in texts]
    lowered = unicodedata.normalize("NFC", "\n".join(flat))
    lowered = lowered.replace("I", "ı").replace("İ", "i").lower()  # as tr_lower
    plain = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", lowered))
    plain = _MARKS.sub("", plain).replace("ı", "i")
    spaced = _SEPARATORS.sub(" ", plain).split("\n")
    return [
        spaced[n].split() if segment.isascii() else words(flat[n])
        for n, segment in enumerate(plain.split("\n"))
    ]


def _padded(found: Iterable[str]) -> str:
    text = " ".join(found)
    return f" {text} " if text else ""


@cache
def _labels(vocab_name: str, values: tuple[str, ...]) -> str:
    """Vocabulary values' labels in both languages, as words: ("health",) -> " saglik health "."""
    vocab = _VOCABULARIES[vocab_name]
    terms = {t.value: t for t in vocab.terms}
    return _padded(w for v in values if v in terms for w in words(f"{terms[v].tr} {terms[v].en}"))


def _texts(record: Project | Municipality) -> dict[str, str]:
    """The free-text fields of a record, each as one string."""
    if isinstance(record, Project):
        return {
            "name": f"{record.name_tr} {record.name_en or ''}",
            "summary": f"{record.summary_tr} {record.summary_en or ''}",
            "tags": " ".join(record.tags),
        }
    return {
        "name": record.name,
        "province": record.province.name if record.province else "",
        "district": record.district or "",
    }


def documents(registry: Registry) -> list[Document]:
    records: list[Project | Municipality] = [
        *registry.projects.values(),
        *registry.municipalities.values(),
    ]
    texts = [_texts(r) for r in records]
    folded = iter(folded_words([t for fields in texts for t in fields.values()]))
    found: list[Document] = []
    for record, fields in zip(records, texts, strict=True):
        by_field = {name: _padded(next(folded)) for name in fields}
        kind: RecordType = "municipality"
        if isinstance(record, Project):
            kind = "project"
            by_field["themes"] = _labels(THEMES.name, record.themes)
            by_field["target_groups"] = _labels(TARGET_GROUPS.name, record.target_groups)
        found.append(
            Document(kind, record, tuple((f, by_field[f]) for f in FIELDS if by_field.get(f)))
        )
    return found


# --- matching -----------------------------------------------------------------------------------


def word_matches(query_word: str, word: str) -> bool:
    """Prefix, or (for a long enough query word) one edit from the word or from its beginning."""
    if word.startswith(query_word):
        return True
    size = len(query_word)
    if size < MIN_FUZZY_LENGTH or len(word) < size - 1:
        return False
    return any(
        edit_distance_at_most_one(query_word, word[:n])
        for n in {size - 1, size, size + 1, len(word)}
        if n <= len(word)
    )


@dataclass(frozen=True)
class _QueryWord:
    prefix: str  # " q": found in a field when a word there starts with q
    typos: frozenset[str]  # record words q matches only with a typo


def _query_word(word: str, vocabulary: set[str]) -> _QueryWord:
    """Typos are looked for once among the distinct record words, not once per record."""
    typos: frozenset[str] = frozenset()
    if len(word) >= MIN_FUZZY_LENGTH:
        typos = frozenset(w for w in vocabulary if word_matches(word, w) and not w.startswith(word))
    return _QueryWord(f" {word}", typos)


def _hit(document: Document, query: list[_QueryWord]) -> Hit | None:
    matched_in: set[str] = set()
    name_words = typos = 0
    for word in query:
        exact_in = {f for f, text in document.fields if word.prefix in text}
        fuzzy_in = (
            {f for f, text in document.fields if not word.typos.isdisjoint(text.split())}
            if word.typos
            else set()
        )
        if not exact_in and not fuzzy_in:
            return None
        typos += not exact_in
        name_words += "name" in exact_in or "name" in fuzzy_in
        matched_in |= exact_in | fuzzy_in
    ordered = tuple(f for f in FIELDS if f in matched_in)
    return Hit(document.type, document.record, ordered, name_words, typos)


def search(registry: Registry, query: str, name_of: NameOf = turkish_name) -> list[Hit]:
    """Every record matching all words of `query`, best first (ties by the name shown)."""
    query_words = list(dict.fromkeys(words(query)))
    if not query_words:
        raise UsageError.of("usage.empty-query")
    docs = documents(registry)
    vocabulary = set(" ".join(text for d in docs for _, text in d.fields).split())
    expanded = [_query_word(w, vocabulary) for w in query_words]
    hits = [hit for d in docs if (hit := _hit(d, expanded)) is not None]

    def rank(hit: Hit) -> tuple[int, int, SortKey, str, str]:
        return (-hit.name_words, hit.typos, sort_key(hit.name(name_of)), hit.type, hit.id)

    return sorted(hits, key=rank)
