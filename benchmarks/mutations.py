"""Hostile variants of real registry files, for `benchmarks/fuzz.py`.

Each mutation takes the file's text and a seeded `random.Random` and returns new bytes: what a
careless reviewer, a broken editor or an attacker could commit. A case applies one to three of
them, so the same (seed, case number) always gives the same file.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent

LIST_KEYS = (
    "engagements",
    "transfers",
    "sources",
    "history",
    "partners",
    "themes",
    "tags",
    "contacts",
    "reported_figures",
    "framework",
    "target_groups",
)
SPECIAL_CHARACTERS = (
    "\u2028", "\u2029", "\x85", "\r", "\r\n", "\x00", "\x07", "\x1b", "\x7f", "\ufeff", "\u202e",
    "\t", "ğ", "İ", "\U0001f600", "\ud800", '"', "'", "\\", "#", "&", "*", "!", "%", "@", "`",
    "{", "}", "[", "]", ",", ":", "-", "?", "|", ">",
)  # fmt: skip
TAGGED = (
    "!!int abc", "!!float abc", "!!timestamp garbage", "!!bool maybe", '!!int ""', "!!set [a]",
    "!!binary eA==", "!!python/object/apply:os.system [ls]", "!foo bar", "!!str [a]",
    "!!map x", "!!seq x", "!!null x", "!<tag:example.org,2025:x> y", "!!omap [a: 1]",
    "!!int 0x" + "f" * 5000, "!!float 1e999", "!!float .nan", "!!int 0o777", "!e!x y", "&a x",
    "*a", "!!str", "!!int", "<<: {a: 1}",
)  # fmt: skip
VALUES = (
    "1", "true", "null", "~", '""', "[]", "{}", "x", "-1", "1.5", "0000", '"0000"', "0000-01-01",
    '"0000-00-00"', "9999-12-31", "../0000", "2025-02-30", '"a\\nb.yaml:1:1: error: forged [x]"',
    '"\\u2028\\u0007\\u001b[31m"', "|\n  a\n  b", ">-\n  a", "'''", '"', "[", "{", ": :",
)  # fmt: skip


def seed_files() -> list[Path]:
    """The shipped records and the test registries' records."""
    found = sorted(REPOSITORY.glob("data/*/*.yaml"))
    found += sorted(REPOSITORY.glob("tests/registries/**/data/*/*.yaml"))
    return [p for p in found if p.is_file()]


def _position(rng: random.Random, text: str) -> int:
    return rng.randint(0, len(text))


def _value_spots(text: str) -> list[tuple[int, int]]:
    """(start, end) of each value after `key: ` on a line."""
    # No two neighbouring parts of a pattern match the same character: no backtracking on
    # the long runs of spaces that other mutations make.
    return [m.span(1) for m in re.finditer(r"^[ \-]*[\w\"']+: +([^ \n][^\n]*)$", text, re.M)]


def _replace_value(rng: random.Random, text: str, value: str) -> str:
    spots = _value_spots(text)
    if not spots:
        return text + f"x: {value}\n"
    start, end = rng.choice(spots)
    return text[:start] + value + text[end:]


def flip_bytes(rng: random.Random, text: str) -> bytes:
    raw = bytearray(text.encode("utf-8", "surrogatepass"))
    for _ in range(rng.randint(1, 4)):
        if raw:
            raw[rng.randrange(len(raw))] ^= 1 << rng.randrange(8)
    return bytes(raw)


def delete_span(rng: random.Random, text: str) -> str:
    start = _position(rng, text)
    return text[:start] + text[start + rng.randint(1, 40) :]


def duplicate_lines(rng: random.Random, text: str) -> str:
    lines = text.splitlines(keepends=True) or [""]
    i = rng.randrange(len(lines))
    block = lines[i : i + rng.randint(1, 4)]
    return "".join(lines[:i] + block * rng.randint(2, 3) + lines[i:])


def shuffle_lines(rng: random.Random, text: str) -> str:
    lines = text.splitlines(keepends=True)
    if len(lines) > 1:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return "".join(lines)


def reindent(rng: random.Random, text: str) -> str:
    lines = text.splitlines(keepends=True) or [""]
    i = rng.randrange(len(lines))
    shift = rng.choice([-2, -1, 1, 2, 3])
    lines[i] = " " * shift + lines[i] if shift > 0 else lines[i][-shift:]
    return "".join(lines)


def deep_nesting(rng: random.Random, text: str) -> str:
    depth = rng.choice([45, 49, 50, 51, 60, 1000, 30_000])
    shape = rng.choice(["flow-list", "flow-map", "block", "unclosed"])
    if shape == "flow-list":
        value = "[" * depth + "]" * depth
    elif shape == "flow-map":
        value = "{a: " * depth + "1" + "}" * depth
    elif shape == "unclosed":
        value = "[" * depth
    else:
        depth = min(depth, 2000)
        value = "\n" + "".join(" " * (2 * i + 2) + "- \n" for i in range(depth))
    return _replace_value(rng, text, value)


def tagged_value(rng: random.Random, text: str) -> str:
    return _replace_value(rng, text, rng.choice(TAGGED))


def huge_number(rng: random.Random, text: str) -> str:
    digits = rng.choice([4299, 4300, 4301, 6000, 100_000])
    sign = rng.choice(["", "-", "+"])
    number = sign + "9" * digits + rng.choice(["", ".5", "e5"])
    return _replace_value(rng, text, number)


def special_character(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 3)):
        at = _position(rng, text)
        text = text[:at] + rng.choice(SPECIAL_CHARACTERS) + text[at:]
    return text


def special_line_breaks(rng: random.Random, text: str) -> str:
    breaks = rng.choice(["\r\n", "\r", "\u2028", "\u2029", "\x85"])
    if rng.random() < 0.5:
        return text.replace("\n", breaks)
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    return "\n".join(lines[:i]) + breaks + "\n".join(lines[i:])


def scalar_for_list(rng: random.Random, text: str) -> str:
    key = rng.choice(LIST_KEYS)
    value = rng.choice(["1", "true", "x", "{}", "{a: 1}", "null", "[1, [2]]", "[{}]", "[null]"])
    pattern = re.compile(rf"^( *(?:- +)?){key}:[^\n]*$", re.M)
    if pattern.search(text):
        return pattern.sub(lambda m: f"{m.group(1)}{key}: {value}", text, count=1)
    return text + f"{key}: {value}\n"


def odd_value(rng: random.Random, text: str) -> str:
    return _replace_value(rng, text, rng.choice(VALUES))


def truncate(rng: random.Random, text: str) -> str:
    return text[: _position(rng, text)].rstrip("\n")


def many_keys(rng: random.Random, text: str) -> str:
    count = rng.choice([10, 60, 500, 3000])
    return text + "".join(f"k{i}: {rng.choice(VALUES[:5])}\n" for i in range(count))


def many_items(rng: random.Random, text: str) -> str:
    key = rng.choice(("tags", "themes", "sources", "framework"))
    count = rng.choice([60, 500, 3000])
    item = rng.choice(["{a: 1}", "x", "https://example.org/a", "[1]"])
    return text + f"{key}:\n" + f"  - {item}\n" * count


def bad_encoding(rng: random.Random, text: str) -> bytes:
    raw = text.encode("utf-8", "surrogatepass")
    at = rng.randint(0, len(raw))
    junk = rng.choice([b"\xff", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80", b"\xef\xbb\xbf", b"\x00"])
    return raw[:at] + junk + raw[at:]


MUTATIONS: tuple[Callable[[random.Random, str], str | bytes], ...] = (
    flip_bytes,
    delete_span,
    duplicate_lines,
    shuffle_lines,
    reindent,
    deep_nesting,
    tagged_value,
    huge_number,
    special_character,
    special_line_breaks,
    scalar_for_list,
    odd_value,
    truncate,
    many_keys,
    many_items,
    bad_encoding,
)


def mutate(rng: random.Random, text: str) -> tuple[bytes, list[str]]:
    """One to three mutations of `text`, and their names."""
    names = []
    content: str | bytes = text
    for _ in range(rng.randint(1, 3)):
        mutation = rng.choice(MUTATIONS)
        names.append(mutation.__name__)
        if isinstance(content, bytes):
            content = content.decode("utf-8", errors="replace")
        content = mutation(rng, content)
    if isinstance(content, str):
        content = content.encode("utf-8", errors="surrogatepass")
    return content, names
