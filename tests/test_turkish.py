"""Examples of Turkish-aware casing, folding, slugs, collation and fuzzy match."""

from __future__ import annotations

import re

import pytest

from spo.rules.turkish import (
    edit_distance_at_most_one,
    fold,
    slugify,
    sort_key,
    tr_lower,
    tr_upper,
    words,
)

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.mark.parametrize(
    ("text", "lower"),
    [
        ("I", "ı"),
        ("İ", "i"),
        ("i", "i"),
        ("ı", "ı"),
        ("ISPARTA", "ısparta"),
        ("İSTANBUL", "istanbul"),
        ("IĞDIR", "ığdır"),
        ("ŞANLIURFA", "şanlıurfa"),
        ("ÜSKÜDAR", "üsküdar"),
        ("ÖDEMİŞ", "ödemiş"),
        ("ÇORUM", "çorum"),
        ("I\u0307zmir", "izmir"),  # decomposed İ (I + combining dot above)
        ("Ankara 06", "ankara 06"),
    ],
)
def test_tr_lower(text: str, lower: str) -> None:
    assert tr_lower(text) == lower


@pytest.mark.parametrize(
    ("text", "upper"),
    [
        ("i", "İ"),
        ("ı", "I"),
        ("I", "I"),
        ("İ", "İ"),
        ("istanbul", "İSTANBUL"),
        ("ığdır", "IĞDIR"),
        ("şanlıurfa", "ŞANLIURFA"),
        ("üsküdar", "ÜSKÜDAR"),
        ("ödemiş", "ÖDEMİŞ"),
        ("çorum", "ÇORUM"),
        ("Kırıkkale 71", "KIRIKKALE 71"),
    ],
)
def test_tr_upper(text: str, upper: str) -> None:
    assert tr_upper(text) == upper


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("istanbul", "istanbul"),
        ("İstanbul", "istanbul"),
        ("ISTANBUL", "istanbul"),
        ("Istanbul", "istanbul"),
        ("İSTANBUL", "istanbul"),
        ("KIRIKKALE", "kirikkale"),
        ("Kırıkkale", "kirikkale"),
        ("Şanlıurfa", "sanliurfa"),
        ("Iğdır", "igdir"),
        ("Üsküdar", "uskudar"),
        ("usküdar", "uskudar"),
        ("Ödemiş", "odemis"),
        ("Çorum", "corum"),
        ("Hakkâri", "hakkari"),
        ("kâğıt hamûr îmal", "kagit hamur imal"),
        ("Mersin’in", "mersinin"),
        ("Mersin'in", "mersinin"),
        ("‘Ordu’", "ordu"),
        ("Afyon-Karahisar", "afyon karahisar"),
        ("  Kahraman   Maraş\t", "kahraman maras"),
        ("K.Maraş", "k maras"),
        ("snake_case", "snake case"),
        ("", ""),
        ("!?", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Üsküdar Belediyesi", ["uskudar", "belediyesi"]),
        ("İzmir’in  Konak-İlçesi", ["izmirin", "konak", "ilcesi"]),
        ("", []),
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Üsküdar Belediyesi", "uskudar-belediyesi"),
        ("Mersin’in", "mersinin"),
        ("Çanakkale Çardak", "canakkale-cardak"),
        ("İSTANBUL", "istanbul"),
        ("Iğdır", "igdir"),
        ("Şanlıurfa Büyükşehir Belediyesi", "sanliurfa-buyuksehir-belediyesi"),
        ("  --Ankara / 06--  ", "ankara-06"),
        ("Straße", "strasse"),
        ("Αθήνα Ordu", "ordu"),  # no ASCII spelling: dropped, not a hyphen
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug
    assert SLUG_RE.match(slug)


@pytest.mark.parametrize("text", ["", "   ", "’!?", "Αθήνα"])
def test_slugify_without_ascii_letters_is_empty(text: str) -> None:
    assert slugify(text) == ""


@pytest.mark.parametrize(
    ("unsorted", "expected"),
    [
        (
            ["Çorum", "Zonguldak", "Ceyhan", "Iğdır", "İzmir", "Uşak", "Ünye", "Ordu", "Ödemiş"],
            ["Ceyhan", "Çorum", "Iğdır", "İzmir", "Ordu", "Ödemiş", "Uşak", "Ünye", "Zonguldak"],
        ),
        (["Şile", "Sinop", "Tokat"], ["Sinop", "Şile", "Tokat"]),
        (["Ğ", "H", "G"], ["G", "Ğ", "H"]),
        (["İnebolu", "Isparta", "Ilgın"], ["Ilgın", "Isparta", "İnebolu"]),  # ı < i
        (["ankara", "ANKARA", "Ankara"], ["ANKARA", "Ankara", "ankara"]),
        (["Ordudere", "Ordu Merkez", "Ordu"], ["Ordu", "Ordu Merkez", "Ordudere"]),
        (["abc", "10. Yıl", "-x-"], ["-x-", "10. Yıl", "abc"]),
        (["hâlâ", "hala", "halk"], ["hala", "hâlâ", "halk"]),
        (["Quebec", "Rize", "Pazar"], ["Pazar", "Quebec", "Rize"]),
    ],
)
def test_sort_key_orders_by_turkish_alphabet(unsorted: list[str], expected: list[str]) -> None:
    assert sorted(unsorted, key=sort_key) == expected


def test_sort_key_is_total() -> None:
    """Distinct strings never compare equal, so sorting is deterministic."""
    names = ["İzmir", "izmir", "IZMIR", "İZMİR", "Izmir"]
    keys = [sort_key(n) for n in names]
    assert len(set(keys)) == len(names)
    assert sorted(names, key=sort_key) == sorted(reversed(names), key=sort_key)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("ankara", "ankara", True),  # identical
        ("", "", True),
        ("", "a", True),  # one insertion
        ("ankara", "ankra", True),  # one deletion
        ("ankra", "ankara", True),  # one insertion
        ("ankara", "ankaraa", True),  # insertion at the end
        ("ankara", "xankara", True),  # insertion at the start
        ("ankara", "ankura", True),  # one substitution
        ("ankara", "naakra", False),  # two swaps
        ("ankara", "nakara", True),  # adjacent transposition at the start
        ("ankara", "ankaar", True),  # adjacent transposition at the end
        ("ankara", "akarna", False),  # non-adjacent swap
        ("ankara", "ankxrx", False),  # two substitutions
        ("ankara", "anka", False),  # two deletions
        ("ankara", "xnkarax", False),  # substitution plus insertion
        ("izmir", "izimr", True),
        ("kirikkale", "kirikale", True),
    ],
)
def test_edit_distance_at_most_one(a: str, b: str, expected: bool) -> None:
    assert edit_distance_at_most_one(a, b) is expected
    assert edit_distance_at_most_one(b, a) is expected  # symmetric
