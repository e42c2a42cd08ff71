"""Quick tests that rule out personal data before the close look (`personal_text.sightings`).

Most values hold no number and no address, and most files none either: a count of digits and
one regular expression settle them. Each test may say "maybe" wrongly, never "no" wrongly:
`tests/test_personal_prefilter.py` compares findings with and without them.
"""

from __future__ import annotations

import re
from functools import cache

from spo.checks.personal_plain import visible

# Characters that `normalised` turns into a digit although `\d` does not match them (superscript,
# subscript and circled digits), into "@" and into "+" (a test recomputes them).
DIGIT_LIKE = (
    "\xb2\xb3\xb9\u2070\u2074\u2075\u2076\u2077\u2078\u2079"
    "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089"
    "\u2460\u2461\u2462\u2463\u2464\u2465\u2466\u2467\u2468\u24ea"
)
AT_LIKE = "@\ufe6b\uff20"
PLUS_LIKE = "+\u207a\u208a\ufb29\ufe62\uff0b"
_D = rf"[\d{DIGIT_LIKE}]"
# "@" spelled out in brackets: `(at)`, `[at]`, `{et}`.
_SPELLED_AT = r"[(\[{<][ \t]*(?i:at|et)[ \t]*[)\]}>]"
# A mobile's start, 0 or 90 (then maybe the trunk 0: "900532") and 5, where words may follow
# ("0532 ve 123 45 67"); in other
# scripts than ASCII's, any digit may be one.
_MOBILE_START = (
    r"(?<![0-9A-Za-z_])(?:(?:00)?90(?:[ \t(]|[^\x00-\x7f])*+0?|0)(?:[ \t(]|[^\x00-\x7f])*+5[0-9]{2}"
)
# (Every digit outside ASCII's is at U+0660 or above, and Turkish letters are below it.)
_OTHER_DIGIT = rf"[\u0660-\U0010ffff](?<=\d)|[{DIGIT_LIKE}]"
# Every sighting has an "@" (maybe spelled), or ten digits (a Turkish number, a national ID), or
# "+" or "00" and seven digits (an international number), with at most four characters between
# two digits, each a space, a tab, one of `./-_,()` or a character that `normalised` may turn
# into one of them; or a mobile's start with words after it. Characters that show nothing are
# dropped first (`visible`), as the close look drops them.
# A "." spelled out ("10000 (dot) 000146") is one gap, spaces and all, as `normalised` makes it one.
_SPELLED_DOT = r"[ \t]*[(\[{<][ \t]*(?i:dot|nokta)[ \t]*[)\]}>][ \t]*"
_GAP = rf"(?:[ \t./()\-_,]|[^\x00-\x7f]|{_SPELLED_DOT}){{0,4}}"
_MAYBE = (
    rf"[{AT_LIKE}]|{_SPELLED_AT}|{_MOBILE_START}|{_OTHER_DIGIT}|{_D}(?:{_GAP}{_D}){{9}}"
    rf"|(?:[{re.escape(PLUS_LIKE)}]|{_D}{_D})(?:{_GAP}{_D}){{7}}"
)
# The same in a file's YAML text, where a value's space may be a line break and indentation, and
# an escape (any backslash) or a hexadecimal or octal number may stand for anything: a file
# without a match has no value that `_MAYBE` lets through. Python's `re` is slow to try a pattern
# at every digit, so runs of digits and gap characters are found first, and searched one by one.
_YAML_GAP = r"(?:[./()\-_,]|[^\x00-\x7f]|\s++){0,4}"
_YAML_RUN = rf"{_D}[\d{DIGIT_LIKE}./()\-_,\s\x80-\U0010ffff]{{7,}}{_D}"
# `_MAYBE`'s ten digits, and its two digits and seven more, each hold nine digits in a row with
# gaps between them. No end is asked of them: `_MAYBE` asks none, and a value it lets through for
# one number (`001_70253691d58a.txt`) is searched for any sighting, which may be written so that
# its digits are no run here (`10000(dot)000146`, `90%200532 ve 123 45 67`).
_YAML_NUMBER = rf"{_D}(?:{_YAML_GAP}{_D}){{8}}"
_YAML_ESCAPE = r"\\|0[xXoO]"
_YAML_SPELLED_AT = r"[(\[{<]\s*(?i:at|et)\s*[)\]}>]"
# (The digits first, the look behind after them: quicker to search for.)
_YAML_MOBILE = (
    r"(?:0(?<![0-9A-Za-z_]0)|90(?<![0-9A-Za-z_]90)|0090(?<![0-9A-Za-z_]0090))"
    r"(?:[\s(]|[^\x00-\x7f])*+5[0-9]{2}"
)
_YAML_PLUS = rf"[{re.escape(PLUS_LIKE)}](?:{_YAML_GAP}{_D}){{7}}"


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """A pattern compiled when first needed: the command line's words ask `may_have_sightings`
    of every value they show, and most commands never need the longer patterns."""
    return re.compile(pattern)


# A sighting without an "@" holds at least seven digits: a value with fewer (most prose) is ruled
# out by counting, which is far cheaper than trying `_MAYBE` at every digit of a long summary.
_ONE_DIGIT = re.compile(_D)
_AT = re.compile(f"[{AT_LIKE}]|{_SPELLED_AT}")
_FEWEST_DIGITS = 7


def may_have_sightings(text: str) -> bool:
    """False only when `sightings(text)` is sure to be empty: a count of digits and one regular
    expression, no normalising, for the great majority of values, which hold no number and no
    address."""
    if len(_ONE_DIGIT.findall(text)) < _FEWEST_DIGITS and _AT.search(text) is None:
        return False
    return _compiled(_MAYBE).search(visible(text)) is not None


# The fast path (`_plain_yaml_may_have`) takes text whose every character is ASCII or a letter of
# U+00C0..U+017F (Turkish's among them): nothing there is invisible, a digit other than ASCII's,
# an "@" or a "+" other than ASCII's, so each pattern above needs an ASCII character that a
# substring test in the UTF-8 text rules out, or a short pattern does, before the pattern
# itself is tried. Its UTF-8 keeps, after deleting ASCII, continuation bytes and the lead bytes
# of U+00C0..U+017F (C3, C4, C5), no byte at all.
_PLAIN_BYTES = bytes([*range(0xC0), 0xC3, 0xC4, 0xC5])
# A number of `_YAML_NUMBER` is nine ASCII digits (here, the only digits) with only gap
# characters between them: with those deleted (and every byte of a letter beyond ASCII, which
# `_YAML_GAP` takes as a gap), nine digits in a row. Deleting more than the gap characters (all
# of `\s`, as `re` reads it in a str) can only find more.
_DIGITS_AS_ZERO = bytes.maketrans(b"0123456789", b"0" * 10)
_YAML_GAP_BYTES = b"./()-_, \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f" + bytes(range(0x80, 0x100))
_NINE_DIGITS = b"0" * 9
_TEN_DIGITS = b"0" * 10
# The same nine digits (each of `_YAML_NUMBER`'s digits is the next digit of the text after the one
# before, so the chain from its first digit is this one).
_NINE_DIGITS_RUN = r"[0-9](?:[./()\-_,\s\x80-\U0010ffff]*+[0-9]){8}"
# A mobile's "5" follows its "0" or a character that `(?:[\s(]|[^\x00-\x7f])` takes.
_MOBILE_FIVE = r"5[0-9]{2}(?<=[0\s(\x80-\U0010ffff]5..)"
# What turns characters of a value into gaps between digits before `sightings` reads it: an "@"
# or "." spelled out (`(dot)`, `[nokta]`; an "@" makes the text "may have" already), and in a web
# address's query, "%20", "%2B" and what parts it ("?", "&", ";", "=") become spaces and a "+".
_YAML_SPELLED_DOT = r"[(\[{<]\s*(?i:dot|nokta)\s*[)\]}>]"
# Without those, every sighting's digits and gaps are in the text as written (a space maybe a line
# break and indentation), so each sighting itself is looked for, not `_MAYBE`'s wider net: an
# address needs an "@", a "+" number `_YAML_PLUS`, a mobile with words between its groups
# `_YAML_MOBILE` or, written 90 then 0 then 5xx (`900532 ve 123 45 67`, where `_MAYBE`'s mobile
# start sees no start), `_YAML_900`; and every other sighting is ten digits or more (a national ID
# 11, an IBAN 24, a Turkish phone 10, a number after "00" 10, `_phone_line` asking 8 after it)
# whose last ten end where no letter or digit follows (`_END`): `_YAML_TEN`. A number that runs
# into a name (`001_70253691d58a.txt`, an archived copy's) is none of these.
# (Its start, as the mobile's: "90" after no letter or digit, or after such a "00" or "+".)
_YAML_900 = r"(?:(?<![0-9A-Za-z_])00\s*+|(?<![0-9A-Za-z_]))900\s*+\(?5[0-9]{2}"
_YAML_TEN = rf"{_D}(?:{_YAML_GAP}{_D}){{9}}(?![A-Za-z0-9])"
_TEN_DIGITS_RUN = r"[0-9](?:[./()\-_,\s\x80-\U0010ffff]*+[0-9]){9}(?![A-Za-z0-9])"


# Searched one by one: quicker than one pattern of them all.
_YAML_OTHER = (
    _YAML_ESCAPE,
    f"[{AT_LIKE}]",
    _OTHER_DIGIT,
    _YAML_SPELLED_AT,
    _YAML_MOBILE,
    _YAML_PLUS,
    _YAML_SPELLED_DOT,  # "10000 (dot) 000146": `_MAYBE` reads one gap there
    _YAML_900,  # "900532 ve 123 45 67"
)


def yaml_may_have_sightings(yaml_text: str) -> bool:
    """False only when no value of the YAML text can hold a sighting."""
    raw = yaml_text.encode("utf-8", "surrogatepass")
    if raw.translate(None, _PLAIN_BYTES):
        return _yaml_may_have(yaml_text)
    return _plain_yaml_may_have(yaml_text, raw)


def _plain_yaml_may_have(yaml_text: str, raw: bytes) -> bool:
    """`_yaml_may_have` of a text of ASCII and letters of U+00C0..U+017F (`raw`: its UTF-8), and
    as it says: each pattern is tried only where a quicker test cannot rule it out."""
    if b"\\" in raw or b"@" in raw or _compiled("0[xXoO]").search(yaml_text):
        return True
    bracket = b"(" in raw or b"[" in raw or b"{" in raw or b"<" in raw
    if bracket and _compiled(_YAML_SPELLED_AT).search(yaml_text):
        return True
    if _compiled(_MOBILE_FIVE).search(yaml_text) and _compiled(_YAML_MOBILE).search(yaml_text):
        return True
    if b"+" in raw and _compiled(_YAML_PLUS).search(yaml_text):
        return True
    if bracket and _compiled(_YAML_SPELLED_DOT).search(yaml_text):
        return True  # `_MAYBE` reads "10000 (dot) 000146" as one number: the close look decides
    digits = raw.translate(_DIGITS_AS_ZERO, _YAML_GAP_BYTES)
    if b"%" in raw or b"?" in raw:
        if _NINE_DIGITS not in digits:
            return False
        return _compiled(_NINE_DIGITS_RUN).search(yaml_text) is not None and _numbers(yaml_text)
    if b"900" in raw and _compiled(_YAML_900).search(yaml_text):
        return True
    if _TEN_DIGITS not in digits or not _compiled(_TEN_DIGITS_RUN).search(yaml_text):
        return False
    return _numbers(yaml_text, _YAML_TEN)


def _yaml_may_have(yaml_text: str) -> bool:
    """`yaml_may_have_sightings` of any text: every pattern tried in turn."""
    yaml_text = visible(yaml_text)
    if any(_compiled(pattern).search(yaml_text) for pattern in _YAML_OTHER):
        return True
    return _numbers(yaml_text)


def _numbers(yaml_text: str, pattern: str = _YAML_NUMBER) -> bool:
    """Whether the (visible) YAML text holds a match of `pattern` (`_YAML_NUMBER`, or
    `_YAML_TEN`) in one of its runs of digits and gaps."""
    number = _compiled(pattern)
    return any(
        number.search(yaml_text, run.start(), run.end() + 1)  # + 1: what follows the run
        for run in _compiled(_YAML_RUN).finditer(yaml_text)
    )
