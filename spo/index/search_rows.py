"""What search and name resolution know of a record: one row, built from the record's raw data.

A row is a plain JSON-serialisable dict, built once per record from the data the loader returns
(not from the model), so that the index can store it and hand it back unchanged:

    {"id": "mahalle-mutfaklari", "kind": "project",
     "name": "Mahalle Mutfakları", "name_en": "Neighbourhood Kitchens", "owner": "mersin-bb",
     "names": ["mahalle mutfaklari", "neighbourhood kitchens"],     # folded, for names typed
     "sort": [...], "sort_en": [...],        # each name's Turkish alphabetical order, as text
     "fields": {"name": " mahalle mutfaklari neighbourhood kitchens ", "summary": " ... ", ...}}

Each field's words are folded as `spo.rules.turkish.fold` folds them and kept as one string
" w1 w2 ... ", so that "does a word start with q" is a substring test for " q". Fields are named
as in the YAML files (`FIELDS`); a municipality's `province` is its province's name, whether the
file gives a name or a plate code, and vocabulary fields hold their labels in both languages.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from spo.places.provinces import find_province
from spo.rules.turkish import sort_key, words
from spo.rules.vocabulary import (
    MUNICIPALITY_KINDS,
    SERVICE_MODELS,
    TARGET_GROUPS,
    THEMES,
    Vocabulary,
)

# Raised whenever `document_row` changes what a row holds: the index then makes its rows anew.
DOCUMENT_VERSION = 1

Row = dict[str, Any]

# Where a query can match, in the order results name them.
FIELDS = (
    "name",
    "summary",
    "notes",
    "tags",
    "themes",
    "target_groups",
    "service_model",
    "kind",
    "province",
    "district",
)
# How good a match in each field is, best first: the name, the place, a vocabulary label, text.
PLACE_FIELDS = frozenset({"province", "district"})
LABEL_FIELDS = frozenset({"themes", "target_groups", "service_model", "kind"})

_SEPARATORS = re.compile(r"[^\w\n]+|_+")  # spo.rules.turkish's word separators, but for newlines
_APOSTROPHES = re.compile("['’‘ʼ`´]")  # as spo.rules.turkish.fold drops them
# Combining accents, which fold strips (U+034F, the one that is not a combining mark, is kept).
_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]")


def folded_words(texts: Sequence[str]) -> list[list[str]]:
    """The words of each text, exactly as `spo.rules.turkish.words` gives them, folded in one pass.

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
def _labels(vocab: Vocabulary, values: tuple[str, ...]) -> str:
    """Vocabulary values' labels in both languages, as words: ("health",) -> " saglik health "."""
    terms = {t.value: t for t in vocab.terms}
    return _padded(w for v in values if v in terms for w in words(f"{terms[v].tr} {terms[v].en}"))


def sort_text(name: str) -> list[str]:
    """`spo.rules.turkish.sort_key` as text, so that a row can hold it and sorting costs no more
    than comparing strings: each letter's (class, rank) weight pair becomes two characters, which
    compare as the pairs do; the lower-cased name and the name itself break ties, as there."""
    primary, secondary, _ = sort_key(name)
    return ["".join(chr(c) + chr(r) for c, r in primary), "".join(map(chr, secondary)), name]


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _bilingual(value: Any) -> tuple[str, str]:
    """A `{tr, en}` field's two texts ("" for a missing one)."""
    if isinstance(value, dict):
        return _text(value.get("tr")), _text(value.get("en"))
    return _text(value), ""


def _values(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _province_name(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | str):
        return ""
    province = find_province(value)
    return province.name if province else _text(value)


def document_row(kind: str, record_id: str, data: dict[str, Any]) -> Row:
    """Everything search and name resolution need from one record (see the module's doc)."""
    if kind == "project":
        name, name_en = _bilingual(data.get("name"))
        summary_tr, summary_en = _bilingual(data.get("summary"))
        texts = {
            "name": f"{name} {name_en}",
            "summary": f"{summary_tr} {summary_en}",
            "tags": " ".join(_values(data.get("tags"))),
        }
        labels = {
            "themes": _labels(THEMES, _values(data.get("themes"))),
            "target_groups": _labels(TARGET_GROUPS, _values(data.get("target_groups"))),
            "service_model": _labels(SERVICE_MODELS, _values(data.get("service_model"))),
        }
        owner = _text(data.get("owner")) or None
    else:
        name, name_en = _text(data.get("name")), ""
        texts = {
            "name": name,
            "province": _province_name(data.get("province")),
            "district": _text(data.get("district")),
        }
        labels = {"kind": _labels(MUNICIPALITY_KINDS, _values(data.get("kind")))}
        owner = None
    texts["notes"] = _text(data.get("notes"))
    folded = folded_words([*texts.values(), name, name_en])
    by_field = {field: _padded(found) for field, found in zip(texts, folded, strict=False)}
    by_field.update(labels)
    return {
        "id": record_id,
        "kind": kind,
        "name": name or record_id,
        "name_en": name_en or None,
        "owner": owner,
        "names": [" ".join(found) for found in folded[-2:] if found],
        "sort": sort_text(name or record_id),
        "sort_en": sort_text(name_en) if name_en else None,
        "fields": {field: by_field[field] for field in FIELDS if by_field.get(field)},
    }
