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


# ------------------------------------------- hostile values that still load, for every command
# `benchmarks/fuzz_commands.py` wants the record to load, so that the value reaches every view:
# these keep the YAML well formed and put the value where the schema expects text or a number.
# The markers (`@fuzzbot`, `FORGED`, `PCTFORGED`) let `benchmarks/output_rules.py` tell what came
# raw from the data from what spo wrote itself.

TEXT_KEYS = (
    "name", "tr", "en", "summary", "notes", "note", "publisher", "title", "archived", "role",
    "district", "staff", "space", "budget", "opened_note", "neighbourhood",
)  # fmt: skip
URL_KEYS = ("website", "url", "status_source", "source")
NUMBER_KEYS = ("value", "participants")
PIECES_BY_KIND = {
    "control": (
        "\x1b]0;PWNED\x07", "\x1b[2J", "\x1b[31mRED\x1b[0m", "\x07", "\x08\x08", "\x00", "\x7f",
        "\x9b31m", "\x85", "\x90", "\t", "\u2028", "\ufeff", "\u200b",
    ),
    "bidi": ("\u202e", "\u202d", "\u202a", "\u2066", "\u2067", "\u2068", "\u2069"),
    "markup": (
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<details open>",
        "<iframe src=x>", "`", "``x``", "@fuzzbot", "a | b", "|", "[x](javascript:alert(1))",
        "*", "_", "# h", "&amp;", "&", "\\",
    ),
    "lines": (
        "%", "100%", "%0A::notice::PCTFORGED", "\n::error::FORGED", "\r\n::error::FORGED",
        "\r::error::FORGED", "\r", "\n", "::", "::warning::", '"', "'",
    ),
}  # fmt: skip
PIECES = tuple(piece for pieces in PIECES_BY_KIND.values() for piece in pieces)
NON_TEXT = (
    "2025", "-1", "0", "1.5", "1e400", ".nan", "true", "false", "null", "~", "[a, b]", "[1, 2]",
    "[]", "{}", "{tr: x}", "{a: 1}", "{publisher: 2025}", "[[1]]", '""', "99999999999999999999",
)  # fmt: skip
HUGE = (
    "99999999999999999999", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
    "1e308", "1e400", "-1", "0", "1.5", "2147483648", "9" * 400, '"12"', "0x10", "1_000",
)  # fmt: skip
_UNESCAPED = re.compile('[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff"\\\\]')


def yaml_quoted(text: str, raw_bidi: bool = False) -> str:
    """`text` as a YAML double-quoted scalar that loads back as exactly `text`."""

    def escape(match: re.Match[str]) -> str:
        char = match[0]
        return "\\" + char if char in '"\\' else f"\\u{ord(char):04x}"

    quoted = _UNESCAPED.sub(escape, text)
    if not raw_bidi:
        quoted = re.sub("[\u202a-\u202e\u2066-\u2069]", lambda m: f"\\u{ord(m[0]):04x}", quoted)
    return f'"{quoted}"'


def hostile_payload(rng: random.Random, original: str = "") -> str:
    """Text made of one to four dangerous pieces, with or without the value it replaces."""
    kinds = list(PIECES_BY_KIND.values())
    parts = [rng.choice(rng.choice(kinds)) for _ in range(rng.randint(1, 4))]
    if original and rng.random() < 0.6:
        parts.insert(rng.randint(0, len(parts)), original)
    return "".join(parts)


def _keyed_spots(text: str, keys: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(start, end, value) of each value after one of `keys` on a line."""
    pattern = rf"^[ \-]*(?:{'|'.join(keys)}): +([^ \n][^\n]*)$"
    return [(*m.span(1), m[1]) for m in re.finditer(pattern, text, re.M)]


def _replace_keyed(rng: random.Random, text: str, keys: tuple[str, ...], value: str) -> str:
    spots = _keyed_spots(text, keys) or [(*s, text[s[0] : s[1]]) for s in _value_spots(text)]
    if not spots:
        return text + f"notes: {value}\n"
    start, end, _ = rng.choice(spots)
    return text[:start] + value + text[end:]


def hostile_text(rng: random.Random, text: str) -> str:
    """A text field (a name, a summary, a note, a source's publisher) holds dangerous characters."""
    # Names half the time: every view shows them.
    spots = _keyed_spots(text, ("name", "tr", "en") if rng.random() < 0.5 else TEXT_KEYS)
    if not spots or rng.random() < 0.1:
        return _replace_value(rng, text, yaml_quoted(hostile_payload(rng)))
    start, end, original = rng.choice(spots)
    value = yaml_quoted(hostile_payload(rng, original.strip("\"'")), raw_bidi=rng.random() < 0.3)
    return text[:start] + value + text[end:]


def non_text_scalar(rng: random.Random, text: str) -> str:
    """A number, a boolean, null, a list or a mapping where text goes (`publisher: 2025`)."""
    return _replace_keyed(rng, text, TEXT_KEYS + URL_KEYS, rng.choice(NON_TEXT))


def huge_count(rng: random.Random, text: str) -> str:
    """A participant count or a published figure beyond what any integer column holds."""
    value = rng.choice(HUGE)
    if _keyed_spots(text, NUMBER_KEYS) and rng.random() < 0.5:
        return _replace_keyed(rng, text, NUMBER_KEYS, value)
    hosts = list(re.finditer(r"^( *)(?:- )?host: [^\n]*\n", text, re.M))
    if hosts:
        host = rng.choice(hosts)
        indent = " " * (len(host[0]) - len(host[0].lstrip(" -")))
        return text[: host.end()] + f"{indent}participants: {value}\n" + text[host.end() :]
    if "\nkind: " in text and "\nengagements:" not in text:  # a municipality that hosted no one
        visit = '  - {kind: study-visit, host: mersin-bb, date: "2025-01-01", participants: '
        return text + f"engagements:\n{visit}{value}}}\n"
    return _replace_keyed(rng, text, NUMBER_KEYS, value)


def long_text(rng: random.Random, text: str) -> str:
    """A name or a summary of hundreds or thousands of characters, with or without spaces."""
    unit = rng.choice(["Uzun ", "x", "ğüşıöçİ", "Belediyesi ", "a\u0301", "\U0001f600"])
    value = unit * rng.choice([61, 300, 1000, 5000])
    return _replace_keyed(rng, text, TEXT_KEYS, yaml_quoted(value))


def hostile_url(rng: random.Random, text: str) -> str:
    """A web address that a document would turn into a script or a forged link."""
    url = rng.choice(["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>x"])
    url = rng.choice([url, "https://example.org/<script>", "https://x/`@fuzzbot`|%0A"])
    return _replace_keyed(rng, text, URL_KEYS, yaml_quoted(url))


def hostile_source(rng: random.Random, text: str) -> str:
    """A source written as a mapping whose publisher or title is hostile, or not text at all."""
    publisher = rng.choice([*NON_TEXT[:10], yaml_quoted(hostile_payload(rng, "Gazete"))])
    title = rng.choice(["Haber", yaml_quoted(hostile_payload(rng, "Haber")), "[a]", "2025"])
    mapping = f'{{publisher: {publisher}, title: {title}, date: "2025-03-21"}}'
    items = list(re.finditer(r"^( +)- (https?://[^\n]*)$", text, re.M))
    if not items:
        return text + f"sources:\n  - {mapping}\n"
    item = rng.choice(items)
    return text[: item.start(2)] + mapping + text[item.end(2) :]


def hostile_field(rng: random.Random, text: str) -> str:
    """A new field that views show (notes, tags, a partner), or an unknown key, of hostile text."""
    value = yaml_quoted(hostile_payload(rng, "x"))
    return text + rng.choice(
        [
            f"notes: {value}\n",
            f"tags: [{value}, {yaml_quoted(hostile_payload(rng))}]\n",
            f"partners:\n  - name: {value}\n    type: ngo\n    role: supporter\n",
            f"{value}: x\n",
        ]
    )


HOSTILE_MUTATIONS: tuple[Callable[[random.Random, str], str | bytes], ...] = (
    hostile_text,
    hostile_text,
    hostile_text,
    non_text_scalar,
    huge_count,
    long_text,
    hostile_url,
    hostile_source,
    hostile_field,
)


def mutate_hostile(
    rng: random.Random, text: str, structural: float = 0.2
) -> tuple[bytes, list[str]]:
    """One or two hostile values that still load, and (with chance `structural`) one mutation of
    `MUTATIONS` that may break the file; and their names."""
    chosen = [rng.choice(HOSTILE_MUTATIONS) for _ in range(rng.randint(1, 2))]
    if rng.random() < structural:
        chosen.insert(rng.randint(0, len(chosen)), rng.choice(MUTATIONS))
    content: str | bytes = text
    for mutation in chosen:
        if isinstance(content, bytes):
            content = content.decode("utf-8", errors="replace")
        content = mutation(rng, content)
    if isinstance(content, str):
        content = content.encode("utf-8", errors="surrogatepass")
    return content, [m.__name__ for m in chosen]
