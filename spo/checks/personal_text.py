"""Personal data in a piece of text: national ID numbers, phone numbers, e-mail addresses.

Each sighting says what kind of data it is and where it is in the text, never what it is, so
that no message can repeat it. The text is read as people write it: digits in any script
(full-width `０５３２`, Arabic-Indic) count as digits, and numbers are grouped with spaces, dots,
hyphens, slashes or brackets (`0532/123 45 67`, `0(532) 123 45 67`, `123.456.789.01`).

What is not personal data: a number inside a web address (an article number), an amount
(`2500000000 TL`, `₺2.500.000.000`), a count written in thousands (`12.345.678.901`), and the
e-mail address of an institution (`@mersin.bel.tr`, `.gov.tr`, `.edu.tr`...).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    NATIONAL_ID = "national-id"
    PHONE_NUMBER = "phone-number"
    EMAIL_ADDRESS = "email-address"


class Line(StrEnum):
    """What kind of phone line a number is, as far as its digits tell."""

    MOBILE = "mobile"  # Turkish 05xx: a person's own phone
    LANDLINE = "landline"  # Turkish area codes 2xx, 3xx, 4xx
    INSTITUTIONAL = "institutional"  # 0850 and 0800 lines, 444 call centres
    OTHER = "other"  # a foreign number, or digits that name no Turkish line


@dataclass(frozen=True)
class Sighting:
    kind: Kind
    start: int  # index in the text
    end: int
    line: Line | None = None  # phone numbers only


# Between the digits of one number: a space or two, or one dot, hyphen or slash with spaces.
_SEP = r"(?:[ \t]{1,2}|[ \t]?[./-][ \t]?)"
# Not the continuation of another number ("2.500.000.000", "+90 532 ...").
_START = r"(?<![\d+])(?<!\d[ .,/-])"

_NATIONAL_ID = re.compile(_START + rf"[1-9](?:{_SEP}?\d){{10}}(?!\d)")
# A Turkish number: +90 or 0090, or the trunk 0 (in or out of brackets), a 3-digit code, 7 digits.
_TURKISH_PHONE = re.compile(
    r"(?<![\w+])(?<!\d[ .,/-])"
    r"(?P<country>(?:\+|00)[ \t]?90[ \t]?[.-]?[ \t]?)?"
    r"(?P<trunk>0[ \t]?)?(?P<open>\()?(?P<trunk_in>0)?"
    r"(?P<code>\d{3})(?(open)\))"
    rf"{_SEP}?(?P<rest>\d(?:{_SEP}?\d){{6}})(?!\d)"
)
# Any number in international form: + (or 00) and 8 to 15 digits, brackets allowed.
_INTERNATIONAL_PHONE = re.compile(
    r"(?<![\w+])(?<!\d[ .,/-])(?:\+|00)[ \t]?[1-9]"
    rf"(?:(?:{_SEP}?\(|\){_SEP}?|{_SEP})?\d){{6,14}}(?!\d)"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# A web address, with or without its scheme (mersingundem.com/haber/123). A domain starts only
# where no name character precedes it, so a long run of "a.a.a" is tried once: linear time.
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+|(?<![\w.-])(?:[\w-]+\.)+[a-z]{2,}/[^\s<>\"']*",
    re.IGNORECASE,
)
_CURRENCY_AFTER = re.compile(
    r"(?:[.,]\d+)?[ \t]*(?:[₺$€]|(?:TL|TRY|YTL|lira|liralık|USD|EUR|euro|avro|dolar)(?!\w))",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(r"(?:[₺$€]|(?<!\w)(?:TL|TRY|USD|EUR))[ \t]*$", re.IGNORECASE)
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}|\d{1,3}(?:,\d{3}){2,}")

# Domains whose addresses belong to institutions, not to people.
INSTITUTIONAL_DOMAINS = ("bel.tr", "gov.tr", "edu.tr", "org.tr", "k12.tr", "tsk.tr", "pol.tr")

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")


def normalised(text: str) -> str:
    """The text with every digit as an ASCII digit and wide or special spaces and signs as
    their plain forms (NFKC), one character for one, so that positions stay those of `text`."""
    if text.isascii():
        return text
    out = []
    for char in text.translate(_DASHES):
        if char.isascii():
            out.append(char)
            continue
        digit = unicodedata.decimal(char, None)
        plain = str(digit) if digit is not None else unicodedata.normalize("NFKC", char)
        out.append(plain if len(plain) == 1 else char)
    return "".join(out)


def is_national_id(digits: str) -> bool:
    """Whether 11 digits pass the two check digits of a T.C. kimlik numarası."""
    if len(digits) != 11 or not digits.isascii() or not digits.isdigit() or digits[0] == "0":
        return False
    d = [int(c) for c in digits]
    tenth = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    return d[9] == tenth and d[10] == sum(d[:10]) % 10


def line_of(digits: str) -> Line:
    """The kind of line that a phone number's digits (with a leading + kept) name."""
    if digits.startswith(("+90", "0090")):
        digits = "0" + digits.removeprefix("+").removeprefix("00")[2:].lstrip("0")
    elif digits.startswith(("+", "00")):
        return Line.OTHER
    if len(digits) == 10 and digits[0] in "2345":
        digits = "0" + digits
    if len(digits) == 7 and digits.startswith("444"):
        return Line.INSTITUTIONAL
    if len(digits) != 11 or digits[0] != "0":
        return Line.OTHER
    code = digits[1:4]
    if code[0] == "5":
        return Line.MOBILE
    if code[0] in "234":
        return Line.LANDLINE
    return Line.INSTITUTIONAL if code in ("850", "800") else Line.OTHER


def is_institutional_email(address: str) -> bool:
    domain = address.rpartition("@")[2].lower()
    return any(domain == d or domain.endswith("." + d) for d in INSTITUTIONAL_DOMAINS)


def sightings(text: str) -> list[Sighting]:
    """Every national ID number, phone number and e-mail address in the text, in order.

    Institutional e-mail addresses are sightings too: whether one may stand where it is
    depends on the field, which the caller knows.
    """
    plain = normalised(text)
    found = [Sighting(Kind.EMAIL_ADDRESS, m.start(), m.end()) for m in _EMAIL.finditer(plain)]
    # Numbers in web addresses and e-mail addresses are not looked at again.
    masked = _URL.sub(_blank, plain)
    masked = _EMAIL.sub(_blank, masked)
    taken = bytearray(len(masked))  # 1 where a number was already found: linear, not quadratic
    for match in _NATIONAL_ID.finditer(masked):
        if is_national_id(_digits(match.group())) and not _is_amount(masked, match):
            found.append(Sighting(Kind.NATIONAL_ID, match.start(), match.end()))
            taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for pattern in (_INTERNATIONAL_PHONE, _TURKISH_PHONE):
        for match in pattern.finditer(masked):
            line = _phone_line(match)
            if line is None or _is_amount(masked, match) or taken.find(1, *match.span()) >= 0:
                continue
            found.append(Sighting(Kind.PHONE_NUMBER, match.start(), match.end(), line))
            taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    return sorted(found, key=lambda s: (s.start, s.end))


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
# Every sighting has an "@", or ten digits (a Turkish number, a national ID), or "+" or "00" and
# seven digits (an international number), with at most four characters between two digits, each
# a space, a tab, one of `./-()` or a character that `normalised` may turn into one of them.
_GAP = r"(?:[ \t./()\-]|[^\x00-\x7f]){0,4}"
_MAYBE = re.compile(
    rf"[{AT_LIKE}]|{_D}(?:{_GAP}{_D}){{9}}|(?:[{re.escape(PLUS_LIKE)}]|{_D}{_D})(?:{_GAP}{_D}){{7}}"
)
# The same in a file's YAML text, where a value's space may be a line break and indentation, and
# an escape (any backslash) or a hexadecimal or octal number may stand for anything: a file
# without a match has no sighting in any of its values. Python's `re` is slow to try a pattern
# at every digit, so runs of digits and gap characters are found first, and searched one by one.
_YAML_GAP = r"(?:[./()\-]|[^\x00-\x7f]|\s++){0,4}"
_YAML_RUN = re.compile(rf"{_D}[\d{DIGIT_LIKE}./()\-\s\x80-\U0010ffff]{{7,}}{_D}")
_YAML_NUMBER = re.compile(rf"{_D}(?:{_YAML_GAP}{_D}){{9}}|{_D}{_D}(?:{_YAML_GAP}{_D}){{7}}")
_YAML_OTHER = re.compile(
    rf"\\|0[xXoO]|[{AT_LIKE}]|[{re.escape(PLUS_LIKE)}](?:{_YAML_GAP}{_D}){{7}}"
)


# A sighting without an "@" holds at least seven digits: a value with fewer (most prose) is ruled
# out by counting, which is far cheaper than trying `_MAYBE` at every digit of a long summary.
_ONE_DIGIT = re.compile(_D)
_AT = re.compile(f"[{AT_LIKE}]")
_FEWEST_DIGITS = 7


def may_have_sightings(text: str) -> bool:
    """False only when `sightings(text)` is sure to be empty: a count of digits and one regular
    expression, no normalising, for the great majority of values, which hold no number and no
    address."""
    if len(_ONE_DIGIT.findall(text)) < _FEWEST_DIGITS and _AT.search(text) is None:
        return False
    return _MAYBE.search(text) is not None


def yaml_may_have_sightings(yaml_text: str) -> bool:
    """False only when no value of the YAML text can hold a sighting."""
    if _YAML_OTHER.search(yaml_text):
        return True
    return any(
        _YAML_NUMBER.search(yaml_text, run.start(), run.end())
        for run in _YAML_RUN.finditer(yaml_text)
    )


def phone_lines(text: str) -> list[Line]:
    """The kind of each phone number in the text, and 444 call-centre numbers, which are
    not looked for elsewhere because a 7-digit number in prose is far more often a count."""
    found = [s.line for s in sightings(text) if s.line is not None]
    return found + [Line.INSTITUTIONAL for _ in _CALL_CENTRE.finditer(normalised(text))]


_CALL_CENTRE = re.compile(rf"(?<![\d+])444{_SEP}?\d(?:{_SEP}?\d){{3}}(?!\d)")


def _phone_line(match: re.Match[str]) -> Line | None:
    """The line a candidate names, or None when its digits cannot be a phone number."""
    text = match.group()
    if match.re is _INTERNATIONAL_PHONE:
        digits = ("+" if text.startswith("+") else "") + _digits(text)
        return line_of(digits) if 8 <= len(digits.lstrip("+").removeprefix("00")) <= 15 else None
    national = _digits(text[len(match["country"] or "") :])
    line = line_of("0" + national.lstrip("0"))
    if match["country"] or national.startswith("0"):
        return line if line is not Line.OTHER else None
    # Without 0 or +90, only a mobile is sure enough to call a phone number: ten bare digits
    # starting 2-4 are as often a count or a reference.
    return line if line is Line.MOBILE else None


def _is_amount(text: str, match: re.Match[str]) -> bool:
    if _THOUSANDS.fullmatch(match.group()):
        return True
    if _CURRENCY_AFTER.match(text, match.end()):
        return True
    return bool(_CURRENCY_BEFORE.search(text, max(0, match.start() - 8), match.start()))


def _blank(match: re.Match[str]) -> str:
    return "x" * len(match.group())


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())
