"""Personal data in a piece of text: national ID numbers, phone numbers, e-mail addresses, IBANs.

Each sighting says what kind of data it is and where it is in the text, never what it is, so
that no message can repeat it. The text is read as people write it (`personal_plain`): digits in
any script, characters that show nothing between the digits, an address spelled `(at)`; numbers
are grouped with up to three spaces, dots, hyphens, slashes, underscores or brackets
(`0532/123 45 67`, `0(532) 123 45 67`, `123.456.789.01`, `100_000_001_46`), a phone's groups
with commas too, and a mobile's even with words between them (`0532 ve 123 45 67`). A national ID
and an IBAN count only when their check digits are right.

What is not personal data: a number in a web address's path (an article number; its query is
read, `?tckn=...`, and so is the number of a `wa.me/` link), an amount (`2500000000 TL`,
`₺2.500.000.000`), a count written in thousands (`12.345.678.901`), and the e-mail address of an
institution (`@mersin.bel.tr`, `.gov.tr`, `.edu.tr`, a KEP address `@hs01.kep.tr`...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from spo.checks.personal_plain import plain
from spo.checks.personal_prefilter import may_have_sightings

__all__ = [
    "Kind",
    "Line",
    "Sighting",
    "hidden",
    "is_iban",
    "is_institutional_email",
    "is_national_id",
    "line_of",
    "may_have_sightings",
    "personal_sightings",
    "phone_lines",
    "sightings",
]


class Kind(StrEnum):
    NATIONAL_ID = "national-id"
    PHONE_NUMBER = "phone-number"
    EMAIL_ADDRESS = "email-address"
    IBAN = "iban"


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


# Between the digits of one number: up to three spaces, or one dot, hyphen, slash or underscore
# with a space either side; between a phone's, a comma too.
_SEP = r"(?:[ \t]{1,3}|[ \t]?[./_-][ \t]?)"
_PHONE_SEP = r"(?:[ \t]{1,3}|[ \t]?[./_,-][ \t]?)"
# Not the continuation of another number ("2.500.000.000", "+90 532 ..."); after a slash or a
# comma a number is one of its own ("1/10000000146", "Kat:3,0532 123 45 67").
_NOT_AFTER_DIGITS = r"(?<!\d[ \t._-])"
# Nor the start of a word or a name (`001_70253691d58a.txt`, an archived copy's file name).
_END = r"(?![^\W_])"
_START = r"(?<![\d+])" + _NOT_AFTER_DIGITS

_NATIONAL_ID = re.compile(_START + rf"[1-9](?:{_SEP}?\d){{10}}" + _END)
# A Turkish number: +90, 0090 or 90, or the trunk 0 (in or out of brackets), a 3-digit code and
# 7 digits.
_TURKISH_PHONE = re.compile(
    r"(?<![\w+])" + _NOT_AFTER_DIGITS + r"(?P<country>(?:(?:\+|00)[ \t]?)?90[ \t]?[._-]?[ \t]?)?"
    r"(?P<trunk>0[ \t]?)?(?P<open>\()?(?P<trunk_in>0)?"
    r"(?P<code>\d{3})(?(open)\))"
    rf"{_PHONE_SEP}?(?P<rest>\d(?:{_PHONE_SEP}?\d){{6}})" + _END
)
# A mobile with words between its groups ("0532 ve 123 45 67"): only with its 0 or 90 before.
_WORDS = r"[ \t]*+[^\W\d_]{1,20}+(?:[ \t]++[^\W\d_]{1,20}+){0,2}+[ \t]*+"
_WORDY_MOBILE = re.compile(
    r"(?<![\w+])" + _NOT_AFTER_DIGITS + r"(?:(?:(?:\+|00)[ \t]?)?90[ \t]?0?|0)[ \t]?\(?5\d\d\)?"
    rf"(?:{_PHONE_SEP}|{_WORDS})?\d(?:(?:{_PHONE_SEP}|{_WORDS})?\d){{6}}" + _END
)
# Any number in international form: + (or 00) and 8 to 15 digits, brackets allowed (and no
# underscores: `001_7025...` is a name's).
_INTERNATIONAL_SEP = r"(?:[ \t]{1,3}|[ \t]?[./-][ \t]?)"
_INTERNATIONAL_PHONE = re.compile(
    r"(?<![\w+])" + _NOT_AFTER_DIGITS + r"(?:\+|00)[ \t]?[1-9]"
    rf"(?:(?:{_INTERNATIONAL_SEP}?\(|\){_INTERNATIONAL_SEP}?|{_INTERNATIONAL_SEP})?\d){{6,14}}"
    + _END
)
# A Turkish IBAN: TR, two check digits and 22 more, in groups or not.
_IBAN = re.compile(
    r"(?<![^\W_])[Tt][Rr][ \t]?\d\d(?:(?:[ \t]{1,3}|[ \t]?[.-][ \t]?)?\d){22}" + _END
)
# An address's domain ends in letters: `spo@v0.1.0` (a git reference) is none.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")

# A web address, with or without its scheme (mersingundem.com/haber/123). A domain starts only
# where no name character precedes it, so a long run of "a.a.a" is tried once: linear time.
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+|(?<![\w.-])(?:[\w-]+\.)+[a-z]{2,}/[^\s<>\"']*",
    re.IGNORECASE,
)
# Links whose path is a phone number: WhatsApp's and Telegram's.
_PHONE_LINK = re.compile(r"(?:https?://)?(?:www\.)?(?:wa\.me|t\.me)/", re.IGNORECASE)
_QUERY_PART = re.compile(r"[&;]|[^&;]+")
_PERCENT = re.compile(r"%(?:20|2[bB])")
_CURRENCY_AFTER = re.compile(
    r"(?:[.,]\d+)?[ \t]*(?:[₺$€]|(?:TL|TRY|YTL|lira|liralık|USD|EUR|euro|avro|dolar)(?!\w))",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(r"(?:[₺$€]|(?<!\w)(?:TL|TRY|USD|EUR))[ \t]*$", re.IGNORECASE)
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}|\d{1,3}(?:,\d{3}){2,}")

# Domains whose addresses belong to institutions, not to people (kep.tr: registered e-mail).
INSTITUTIONAL_DOMAINS = (
    "bel.tr",
    "gov.tr",
    "edu.tr",
    "org.tr",
    "k12.tr",
    "tsk.tr",
    "pol.tr",
    "kep.tr",
)


def is_national_id(digits: str) -> bool:
    """Whether 11 digits pass the two check digits of a T.C. kimlik numarası."""
    if len(digits) != 11 or not digits.isascii() or not digits.isdigit() or digits[0] == "0":
        return False
    d = [int(c) for c in digits]
    tenth = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    return d[9] == tenth and d[10] == sum(d[:10]) % 10


def is_iban(text: str) -> bool:
    """Whether a Turkish IBAN (TR and 24 digits, spaces allowed) passes its mod-97 check."""
    digits = _digits(text)
    if len(digits) != 24 or text.strip()[:2].upper() != "TR":
        return False
    return int(digits[2:] + "2927" + digits[:2]) % 97 == 1  # T = 29, R = 27


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
    domain = plain(address).text.rpartition("@")[2].lower()
    return any(domain == d or domain.endswith("." + d) for d in INSTITUTIONAL_DOMAINS)


def sightings(text: str) -> list[Sighting]:
    """Every national ID number, phone number, e-mail address and IBAN in the text, in order.

    Institutional e-mail addresses are sightings too: whether one may stand where it is
    depends on the field, which the caller knows.
    """
    read = plain(text)
    found = [Sighting(Kind.EMAIL_ADDRESS, *m.span()) for m in _EMAIL.finditer(read.text)]
    # Numbers in web addresses (but their queries) and e-mail addresses are not looked at again.
    masked = _URL.sub(_url_blanked, read.text)
    masked = _EMAIL.sub(_blank, masked)
    taken = bytearray(len(masked))  # 1 where a number was already found: linear, not quadratic

    def take(kind: Kind, match: re.Match[str], line: Line | None = None) -> None:
        found.append(Sighting(kind, match.start(), match.end(), line))
        taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())

    for match in _IBAN.finditer(masked):
        if is_iban(match.group()):
            take(Kind.IBAN, match)
    for match in _NATIONAL_ID.finditer(masked):
        number = match.group()  # grouped in thousands, a count; next to a currency, still an ID
        free = taken.find(1, *match.span()) < 0
        if free and is_national_id(_digits(number)) and not _THOUSANDS.fullmatch(number):
            take(Kind.NATIONAL_ID, match)
    for pattern in (_INTERNATIONAL_PHONE, _TURKISH_PHONE, _WORDY_MOBILE):
        for match in pattern.finditer(masked):
            line = _phone_line(match)
            if line is None or _is_amount(masked, match) or taken.find(1, *match.span()) >= 0:
                continue
            take(Kind.PHONE_NUMBER, match, line)
    spans = (s if read.starts is None else _moved(s, *read.span(s.start, s.end)) for s in found)
    return sorted(spans, key=lambda s: (s.start, s.end))


def personal_sightings(text: str) -> list[Sighting]:
    """The sightings that may not stand outside a contact's own fields: all but the addresses
    of institutions."""
    if not may_have_sightings(text):
        return []
    return [
        s
        for s in sightings(text)
        if not (s.kind is Kind.EMAIL_ADDRESS and is_institutional_email(text[s.start : s.end]))
    ]


def hidden(text: str, mask: str) -> str:
    """The text with each piece of personal data in it replaced by `mask`: what a message may
    quote of a value."""
    out, position = [], 0
    for s in personal_sightings(text):
        if s.start >= position:
            out += [text[position : s.start], mask]
            position = s.end
    return "".join(out) + text[position:] if out else text


def phone_lines(text: str) -> list[Line]:
    """The kind of each phone number in the text, and 444 call-centre numbers, which are
    not looked for elsewhere because a 7-digit number in prose is far more often a count."""
    found = [s.line for s in sightings(text) if s.line is not None]
    return found + [Line.INSTITUTIONAL for _ in _CALL_CENTRE.finditer(plain(text).text)]


_CALL_CENTRE = re.compile(rf"(?<![\d+])444{_SEP}?\d(?:{_SEP}?\d){{3}}(?!\d)")


def _phone_line(match: re.Match[str]) -> Line | None:
    """The line a candidate names, or None when its digits cannot be a phone number."""
    text = match.group()
    if match.re is _INTERNATIONAL_PHONE:
        digits = ("+" if text.startswith("+") else "") + _digits(text)
        return line_of(digits) if 8 <= len(digits.lstrip("+").removeprefix("00")) <= 15 else None
    if match.re is _WORDY_MOBILE:
        return Line.MOBILE
    country = match["country"] or ""
    national = _digits(text[len(country) :])
    line = line_of("0" + national.lstrip("0"))
    if country and not country.lstrip().startswith(("+", "00")):
        # A bare 90 before the digits: only a mobile is sure enough ("90 532 123 45 67").
        return line if line is Line.MOBILE and not match["trunk"] else None
    if country or national.startswith("0"):
        return line if line is not Line.OTHER else None
    # Without 0 or +90, only a mobile is sure enough to call a phone number: ten bare digits
    # starting 2-4 are as often a count or a reference, and ten grouped by commas a list.
    return line if line is Line.MOBILE and "," not in text else None


def _is_amount(text: str, match: re.Match[str]) -> bool:
    if _THOUSANDS.fullmatch(match.group()):
        return True
    if _CURRENCY_AFTER.match(text, match.end()):
        return True
    return bool(_CURRENCY_BEFORE.search(text, max(0, match.start() - 8), match.start()))


def _url_blanked(match: re.Match[str]) -> str:
    """A web address blanked but for its query's values and a phone link's number, each after
    a space so that it reads as a number of its own (`%20` and `%2B` read as a space and +)."""
    head, mark, query = match.group().partition("?")
    link = _PHONE_LINK.match(head)
    out = "x" * (link.end() - 1) + " " + head[link.end() :] if link else "x" * len(head)
    if not mark:
        return out
    parts = []
    for part in _QUERY_PART.findall(query):
        name, equals, value = part.partition("=") if "=" in part else ("", "", part)
        value = _PERCENT.sub(lambda m: "  +" if m.group()[2] in "bB" else "   ", value)
        parts.append(" " if part in "&;" else "x" * len(name) + " " * len(equals) + value)
    return out + " " + "".join(parts)


def _moved(sighting: Sighting, start: int, end: int) -> Sighting:
    return Sighting(sighting.kind, start, end, sighting.line)


def _blank(match: re.Match[str]) -> str:
    return "x" * len(match.group())


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())
