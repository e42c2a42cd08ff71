"""The personal-data scan looks closely only at values, and files, that could hold personal data.

The quick tests (`may_have_sightings` on a value, `yaml_may_have_sightings` on a file's text) must
never miss what the close look would find: findings are the same with and without them, on every
file of the suite and the shipped data and on many generated values written in every YAML style.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from spo.checks.personal import personal_data_findings
from spo.checks.personal_plain import normalised
from spo.checks.personal_prefilter import AT_LIKE, DIGIT_LIKE, PLUS_LIKE, may_have_sightings
from spo.checks.personal_text import sightings
from spo.files.loader import load_file, parse

TESTS = Path(__file__).resolve().parent
FILES = sorted([*(TESTS / "registries").rglob("*.yaml"), *(TESTS.parent / "data").rglob("*.yaml")])


def test_the_characters_that_become_digits_signs_and_at_are_all_known() -> None:
    digits, at, plus = [], [], []
    for code in range(0x80, sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        plain = normalised(chr(code))
        if plain.isascii() and plain.isdigit() and not re.match(r"\d", chr(code)):
            digits.append(chr(code))
        at += [chr(code)] if plain == "@" else []
        plus += [chr(code)] if plain == "+" else []
    assert "".join(digits) == DIGIT_LIKE
    assert "@" + "".join(at) == AT_LIKE
    assert "+" + "".join(plus) == PLUS_LIKE


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_findings_are_the_same_with_the_quick_tests_on_every_file(path: Path) -> None:
    loaded = load_file(path)
    if loaded.data is not None and loaded.text is not None:
        assert personal_data_findings(loaded.data, loaded.text) == personal_data_findings(
            loaded.data
        )


_PIECES = [
    *"0123456789",
    "0532",
    "444",
    "+90",
    "0090",
    "00",
    "(",
    ")",
    " ",
    "  ",
    "\t",
    ".",
    "/",
    "-",
    "@",
    "ali@example.com",
    "a",
    "TL",
    "₺",
    "ş",
    "０",
    "５",
    "٣",
    "²",
    "①",
    "＋",
    "＠",
    "－",
    "\u3000",
    "https://x.org/",
    "?tckn=",
    "&tel=",
    "wa.me/",
    "%20",
    "\u200b",
    "\u00ad",
    "_",
    ",",
    "   ",
    "90",
    "5",
    "TR",
    " ve ",
    "(at)",
    " [at] ",
    "(dot)",
    ".kep.tr",
    "'",
    '"',
    "#",
    ":",
]


def _value(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(3, 16))).strip()


def _styles(value: str) -> list[str]:
    """The value as YAML writes it in several styles (some do not parse: they are skipped)."""
    words = value.split(" ")
    folded_lines = "\n    ".join(words)
    return [
        value,
        "'" + value.replace("'", "''") + "'",
        '"' + value + '"',
        "'" + "\n    ".join(w.replace("'", "''") for w in words) + "'",
        folded_lines,
        ">\n    " + folded_lines,
        "|\n    " + value,
        "[" + value + "]",
    ]


def test_values_with_personal_data_are_never_passed_over() -> None:
    rng = random.Random(12)
    seen = 0
    for _ in range(20000):
        value = _value(rng)
        if sightings(value):
            seen += 1
            assert may_have_sightings(value), value
    assert seen > 1000


def test_findings_are_the_same_with_the_quick_tests_in_every_yaml_style() -> None:
    rng = random.Random(34)
    compared = 0
    for _ in range(3000):
        value = _value(rng)
        for style in _styles(value):
            for text in (
                f"notes: {style}\n",
                f"contacts:\n  - name: x\n    phone: {style}\n",
                f"office:\n  head:\n    email: {style}\n",
            ):
                data = parse(Path("x.yaml"), text).data
                if data is None:
                    continue
                compared += 1
                assert personal_data_findings(data, text) == personal_data_findings(data), text
    assert compared > 10000
