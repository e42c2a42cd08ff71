"""`yaml_may_have_sightings` never says "nothing here" of a file in which the full check finds
personal data (issue 25): findings are the same with and without it on the personal-data corpus,
every YAML file under tests/ and data/, the fast path's fuzz cases, and generated texts of the
characters the fast path takes, each character in every place that counts. Its fast path (text of
ASCII and Turkish letters) answers as the rule for any text does where either looks at `_MAYBE`'s
net, and where it looks for each sighting itself, it finds every one the close look finds.
"""

from __future__ import annotations

import random
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

from benchmarks.fuzz import make_case
from benchmarks.mutations import seed_files
from spo.checks.personal import personal_data_findings
from spo.checks.personal_prefilter import (
    _PLAIN_BYTES,
    _YAML_SPELLED_DOT,
    _yaml_may_have,
    yaml_may_have_sightings,
)
from spo.checks.personal_text import sightings
from spo.files.loader import parse

REPO = Path(__file__).resolve().parents[1]
CORPUS = tomllib.loads((REPO / "tests" / "personal_data_corpus.toml").read_text("utf-8"))
FUZZ_CASES = 2000
FUZZ_SEED = 25
# The fuzz cases' few long texts (up to megabytes) are cut here.
_LONGEST = 10_000


def _in_the_net(text: str) -> bool:
    """Whether the fast path looks at `_MAYBE`'s net in the text: it holds what turns characters
    into gaps between digits (a "%" or "?" of a web address, an "." spelled out)."""
    return "%" in text or "?" in text or re.search(_YAML_SPELLED_DOT, text) is not None


def _readable(text: str) -> bool:
    """Whether spo would read the text at all (a file that is no UTF-8 is refused first)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _is_plain(text: str) -> bool:
    return not text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_BYTES)


def _same(texts: Iterator[str]) -> tuple[int, int, int]:
    """Checks every text: where it says "nothing here", the text's data (when it is a record)
    has the same findings as without the quick test; where the fast path looks at `_MAYBE`'s net,
    it answers as the rule for any text does. The number compared, of them in the fast path, and
    of "may have"."""
    compared = plain = maybe = 0
    for text in texts:
        says = yaml_may_have_sightings(text)
        is_plain = _is_plain(text)
        if is_plain and _in_the_net(text):
            assert says == _yaml_may_have(text), repr(text)
        if not says and _readable(text):
            data = parse(Path("x.yaml"), text).data
            if data is not None:
                assert personal_data_findings(data, text) == personal_data_findings(data), text
        compared += 1
        plain += is_plain
        maybe += says
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
    # No file there holds personal data, so "nothing here" is never wrong of them as they are:
    # each with a mobile number in a note of its own must be "may have", whatever is around it.
    phoned = [f"{text.rstrip()}\nnot_personal: '0532 123 45 67'\n" for text in _yaml_files()]
    records = [parse(Path("x.yaml"), text).data for text in phoned if _readable(text)]
    found = [bool(personal_data_findings(data)) for data in records if data is not None]
    assert len(found) >= 300 and all(found)
    compared, plain, maybe = _same(iter(phoned))
    assert compared == maybe >= 300 and plain >= 100


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
    # A number that runs into a name lets `_MAYBE` through, and the value is searched for any
    # sighting, though its digits are no run in the text.
    "a: 1234567890a 10000(dot){c}000146\n",
    "a: ref 111234567a 900{c}532 ve 123 45 67\n",
    "a: ref 111234567a x.org/?q=9{c}0%200532 ve 123 45 67\n",
]


def test_the_same_with_each_character_the_fast_path_takes_in_each_place() -> None:
    chars = [chr(code) for code in [*range(0x80), *range(0xC0, 0x180)]]
    compared, plain, maybe = _same(t.format(c=c) for t in _TEMPLATES for c in chars)
    assert plain == compared and maybe >= compared // 4


# Out of `_MAYBE`'s net, the fast path looks for each sighting itself: whatever the close look
# finds in a value (the value as read, keys too), the text's answer is "may have". Pieces of
# numbers and of names around them, a mobile's starts, gaps, folds.
_SIGHTING_PIECES = [*"0123456789", "00", "90", "900", "0532", "5", "+", "+90", "0090", "444",
                    "TR", "tr", " ", "  ", "   ", "\t", ".", "/", "-", "_", ",", "(", ")", "[",
                    "]", " ve ", "ve", "a", "d", "x", "ş", "İ", "ſ", "_x.txt", "001_", "TL",
                    "1000", "0000146", "10000000146", "05321234567", ":", "#", "'"]  # fmt: skip


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_out_of_the_net_every_sighting_makes_the_text_may_have() -> None:
    rng = random.Random(2525)
    seen = 0
    for _ in range(20000):
        value = "".join(rng.choice(_SIGHTING_PIECES) for _ in range(rng.randint(2, 14)))
        for text in _placed(value)[1:]:
            if not _is_plain(text) or _in_the_net(text):
                continue
            data = parse(Path("x.yaml"), text).data
            if data is None or not any(sightings(s) for s in _strings(data)):
                continue
            seen += 1
            assert yaml_may_have_sightings(text), repr(text)
    assert seen > 5000
