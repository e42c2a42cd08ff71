"""`yaml_may_have_sightings` says what it said before it took a fast path for text of ASCII and
Turkish letters (issue 25): the same answer as the rule it had, kept here as written then, on the
personal-data corpus, every YAML file under tests/ and data/, the fast path's fuzz cases, and
generated texts of the characters the fast path takes, each character in every place that counts.
"""

from __future__ import annotations

import random
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

from benchmarks.fuzz import make_case
from benchmarks.mutations import seed_files
from spo.checks.personal_plain import visible
from spo.checks.personal_prefilter import (
    _PLAIN_BYTES,
    AT_LIKE,
    DIGIT_LIKE,
    PLUS_LIKE,
    yaml_may_have_sightings,
)

REPO = Path(__file__).resolve().parents[1]
CORPUS = tomllib.loads((REPO / "tests" / "personal_data_corpus.toml").read_text("utf-8"))
FUZZ_CASES = 2000
FUZZ_SEED = 25
# The fuzz cases' few long texts (up to megabytes) are cut here: the old rule takes 0.1 s for
# 60,000 characters of some.
_LONGEST = 10_000

# The rule as it was before the fast path (spo/checks/personal_prefilter.py at 9f3f169).
_D = rf"[\d{DIGIT_LIKE}]"
_OTHER_DIGIT = rf"[\u0660-\U0010ffff](?<=\d)|[{DIGIT_LIKE}]"
_YAML_GAP = r"(?:[./()\-_,]|[^\x00-\x7f]|\s++){0,4}"
_YAML_RUN = re.compile(rf"{_D}[\d{DIGIT_LIKE}./()\-_,\s\x80-\U0010ffff]{{7,}}{_D}")
_YAML_NUMBER = re.compile(
    rf"(?:{_D}(?:{_YAML_GAP}{_D}){{9}}|{_D}{_D}(?:{_YAML_GAP}{_D}){{7}})(?![A-Za-z0-9])"
)
_YAML_OTHER = [
    re.compile(pattern)
    for pattern in (
        r"\\|0[xXoO]",
        f"[{AT_LIKE}]",
        _OTHER_DIGIT,
        r"[(\[{<]\s*(?i:at|et)\s*[)\]}>]",
        r"(?:0(?<![0-9A-Za-z_]0)|90(?<![0-9A-Za-z_]90)|0090(?<![0-9A-Za-z_]0090))"
        r"(?:[\s(]|[^\x00-\x7f])*+5[0-9]{2}",
        rf"[{re.escape(PLUS_LIKE)}](?:{_YAML_GAP}{_D}){{7}}",
    )
]


def old_yaml_may_have_sightings(yaml_text: str) -> bool:
    yaml_text = visible(yaml_text)
    if any(pattern.search(yaml_text) for pattern in _YAML_OTHER):
        return True
    return any(
        _YAML_NUMBER.search(yaml_text, run.start(), run.end() + 1)
        for run in _YAML_RUN.finditer(yaml_text)
    )


def _is_plain(text: str) -> bool:
    return not text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_BYTES)


def _same(texts: Iterator[str]) -> tuple[int, int, int]:
    """Compares every text; the number compared, of them in the fast path, and of "may have"."""
    compared = plain = maybe = 0
    for text in texts:
        old = old_yaml_may_have_sightings(text)
        assert yaml_may_have_sightings(text) == old, repr(text)
        compared += 1
        plain += _is_plain(text)
        maybe += old
    return compared, plain, maybe


def test_the_fast_path_takes_ascii_and_the_letters_of_u00c0_to_u017f_only() -> None:
    taken = [
        code
        for code in range(0x110000)
        if _is_plain(chr(code)) and not (code < 0x80 or 0xC0 <= code <= 0x17F)
    ]
    assert taken == []
    assert all(_is_plain(chr(code)) for code in [*range(0x80), *range(0xC0, 0x180)])


def _placed(text: str) -> list[str]:
    quoted = "'" + text.replace("'", "''") + "'"
    return [
        text,
        f"notes: {quoted}\n",
        f"# {text}\nid: x\n",
        f"notes: |\n  Görüşme notu.\n  {text}\n",
        f'name:\n  tr: "{text}"\n',
        f"notes: >-\n  {text.replace(' ', chr(10) + '  ')}\n",
        f"a: {text}\r\nb: {text}x\r\n",
    ]


def test_the_same_on_the_corpus() -> None:
    cases = CORPUS["refuse"] + CORPUS["accept"]
    compared, _, maybe = _same(t for case in cases for t in _placed(case["text"]))
    assert compared >= 108 * 7 and maybe >= 64 * 7


def _yaml_files() -> Iterator[str]:
    for path in sorted([*REPO.glob("tests/**/*.yaml"), *REPO.glob("tests/**/*.yml")]):
        yield from _variants(path.read_bytes())
    for path in sorted(REPO.glob("data/**/*.yaml")):
        yield from _variants(path.read_bytes())


def _variants(raw: bytes, crlf: bool = True) -> Iterator[str]:
    text = raw.decode("utf-8", "replace")
    yield text
    if crlf:
        yield text.replace("\n", "\r\n")
    yield raw.decode("utf-8", "surrogateescape")


def test_the_same_on_every_yaml_file_under_tests_and_data() -> None:
    compared, plain, _ = _same(_yaml_files())
    assert compared >= 300 and plain >= 100


def test_the_same_on_the_fuzz_cases() -> None:
    seeds = seed_files()
    compared, plain, maybe = _same(
        text[:_LONGEST]
        for number in range(FUZZ_CASES)
        for text in _variants(make_case(FUZZ_SEED, number, seeds)[1], crlf=False)
    )
    assert compared >= 2000 * 2 and plain >= 2000 and maybe >= 100


# Pieces of what the fast path takes: digits, gaps, the characters each pattern starts with.
_PIECES = [
    *"0123456789",
    "0532",
    "90",
    "0090",
    "5",
    "555",
    "444",
    "+",
    "+90",
    "@",
    "\\",
    "0x",
    "0O",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "<",
    ">",
    "at",
    "AT",
    "Et",
    "(at)",
    " [ et ] ",
    " ",
    "  ",
    "\t",
    "\n  ",
    "\r\n",
    "\x1c",
    "\x0b",
    ".",
    "/",
    "-",
    "_",
    ",",
    ":",
    "'",
    '"',
    "#",
    "a",
    "x",
    "Z",
    "ş",
    "ı",
    "İ",
    "ğ",
    "ü",
    "Ç",
    "ſ",
    "ÿ",
    "×",
    "tel: ",
    "TC ",
]


def _generated(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(3, 30)))


def test_the_same_on_generated_text_of_the_fast_paths_characters() -> None:
    rng = random.Random(25)
    compared, plain, maybe = _same(
        text for _ in range(30000) for text in _placed(_generated(rng))[:3]
    )
    assert plain == compared and maybe >= 10000 and compared - maybe >= 10000


_TEMPLATES = [
    "a: 0{c}532 123 45 67\n",
    "a: 0532{c}123 45 67\n",
    "a: 12345678{c}9\n",
    "a: 123456789{c}\n",
    "a: 1 2 3 4{c}{c}5 6 7 8 9\n",
    "a: {c}123456789\n",
    "a: +{c}9053212345\n",
    "a: 9{c}0{c}5321234567\n",
    "a: x{c}0x1\n",
    "a: 0{c}x1\n",
    "a: ali{c}at)gmail\n",
    "a: ali ({c}at )gmail\n",
    "a: ali (at{c}) gmail\n",
    "a: ali{c}gmail.com\n",
    "a: {c}0532 123 45 67\n",
    "a: 05{c}32 123 45 67\n",
    "a: x{c}90 532 123 45 67\n",
    "a: 001_{c}797127d161762474.txt\n",
]


def test_the_same_with_each_character_the_fast_path_takes_in_each_place() -> None:
    chars = [chr(code) for code in [*range(0x80), *range(0xC0, 0x180)]]
    compared, plain, maybe = _same(t.format(c=c) for t in _TEMPLATES for c in chars)
    assert plain == compared and maybe >= compared // 4
