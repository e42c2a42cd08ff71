"""Turkish-aware text handling: casing, search folding, slugs, collation.

Python's ``str.lower``/``str.upper`` follow the Unicode default rules, which
are wrong for Turkish: the dotted/dotless i pairs are ``İ``/``i`` and ``I``/``ı``.
``"ISTANBUL".lower()`` gives ``"istanbul"`` (should be ``"ıstanbul"``) and
``"İ".lower()`` gives ``"i̇"`` (an ``i`` plus a combining dot). Code-point
order also puts ``Ç``, ``Ş``, ``Ü`` ... after ``z``. Everything here is
stdlib-only and pure.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

__all__ = [
    "SortKey",
    "edit_distance_at_most_one",
    "fold",
    "slugify",
    "sort_key",
    "tr_lower",
    "tr_upper",
    "word_matches",
    "words",
]

# A typed word shorter than this matches only exactly or as a prefix: one edit in a shorter
# word changes too much of it to be a typo.
MIN_TYPO_LENGTH: Final = 5

# Translation tables are applied before the generic str.lower/str.upper so
# that the default Unicode mappings never see the four special letters.
_TR_LOWER: Final = str.maketrans({"I": "ı", "İ": "i"})
_TR_UPPER: Final = str.maketrans({"i": "İ", "ı": "I"})

# Apostrophes separate a proper noun from its suffix ("Mersin’in"); they are
# dropped rather than turned into spaces so the suffixed word stays one word.
_APOSTROPHES: Final = str.maketrans(dict.fromkeys("'’‘ʼ`´", None))

# Letters that do not decompose under NFKD but still need a plain base
# letter for matching. ``ı`` is the important one: after Turkish lowering
# every ASCII "I" has become "ı", and searchers type "i" for both.
_FOLD_EXTRA: Final = str.maketrans({"ı": "i"})

# Beyond fold(): non-Turkish letters that slugs should still keep readable.
_SLUG_EXTRA: Final = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "þ": "th"}
)

_NON_WORD: Final = re.compile(r"[^\w]+|_+")
_NON_SLUG: Final = re.compile(r"[^a-z0-9]+")

# The 29 letters of the Turkish alphabet in collation order, plus q, w, x
# where Turkish dictionaries put them when foreign words need them.
_ALPHABET: Final = "abcçdefgğhıijklmnoöpqrsştuüvwxyz"
_LETTER_RANK: Final[dict[str, int]] = {c: i for i, c in enumerate(_ALPHABET)}

# Character classes for sort_key: spaces/punctuation, then digits, then
# letters of the (extended) Turkish alphabet, then any other letter.
_CLASS_OTHER: Final = 0
_CLASS_DIGIT: Final = 1
_CLASS_LETTER: Final = 2
_CLASS_FOREIGN: Final = 3

SortKey = tuple[tuple[tuple[int, int], ...], tuple[int, ...], str]
"""What sort_key returns: (alphabet ranks, accent tie-break, original)."""


def tr_lower(s: str) -> str:
    """Lower-case ``s`` with Turkish rules (``I``→``ı``, ``İ``→``i``).

    The input is NFC-normalised first so a decomposed ``I`` + combining dot
    (U+0307) is recognised as ``İ`` instead of becoming ``ı`` + dot.
    """
    return unicodedata.normalize("NFC", s).translate(_TR_LOWER).lower()


def tr_upper(s: str) -> str:
    """Upper-case ``s`` with Turkish rules (``i``→``İ``, ``ı``→``I``)."""
    return unicodedata.normalize("NFC", s).translate(_TR_UPPER).upper()


def _strip_marks(s: str) -> str:
    """Remove combining marks (cedilla, breve, diaeresis, circumflex...)."""
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(s: str) -> str:
    """Reduce ``s`` to a plain, lower-case form for search and matching.

    "İstanbul", "ISTANBUL", "Istanbul" and "istanbul" all give "istanbul";
    "Şanlıurfa" gives "sanliurfa". Apostrophes vanish ("Mersin’in" →
    "mersinin"), other punctuation separates words, and whitespace is
    collapsed. The result is not meant for display.
    """
    text = _strip_marks(tr_lower(s).translate(_APOSTROPHES))
    text = text.translate(_FOLD_EXTRA)
    return " ".join(_NON_WORD.sub(" ", text).split())


def words(s: str) -> list[str]:
    """Split ``s`` into folded words, e.g. for prefix search."""
    return fold(s).split()


def slugify(s: str) -> str:
    """Make a lower-case ASCII slug such as ``"uskudar-belediyesi"``.

    The result matches ``^[a-z0-9]+(-[a-z0-9]+)*$``, or is ``""`` when ``s``
    contains no letter or digit that can be written in ASCII; callers that
    need an identifier must check for the empty string.
    """
    ascii_text = fold(s).translate(_SLUG_EXTRA)
    # Letters with no ASCII spelling (Greek, Cyrillic...) are dropped, not
    # turned into hyphens, so they cannot split a word in two.
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii")
    return _NON_SLUG.sub("-", ascii_text).strip("-")


def _char_rank(c: str) -> tuple[int, int]:
    """Primary collation weight of one Turkish-lower-cased character."""
    if c in _LETTER_RANK:
        return (_CLASS_LETTER, _LETTER_RANK[c])
    if c.isdigit():
        return (_CLASS_DIGIT, unicodedata.digit(c, ord(c)))
    if not c.isalpha():
        return (_CLASS_OTHER, ord(c))
    # Accented letters (â, î, û, é ...) sort with their base letter; the
    # accent only matters as a tie-break (see sort_key).
    base = _strip_marks(c)[:1]
    if base in _LETTER_RANK:
        return (_CLASS_LETTER, _LETTER_RANK[base])
    return (_CLASS_FOREIGN, ord(c))


def sort_key(s: str) -> SortKey:
    """Key for sorting by the Turkish alphabet, ignoring case.

    Order is a b c ç d e f g ğ h ı i j k l m n o ö p r s ş t u ü v y z;
    spaces and punctuation sort before digits, digits before letters.
    Ties are broken first by accents ("hala" < "hâlâ") and finally by the
    original string, so the order is total and deterministic.
    """
    lowered = tr_lower(s)
    primary = tuple(_char_rank(c) for c in lowered)
    secondary = tuple(ord(c) for c in lowered)
    return (primary, secondary, s)


def edit_distance_at_most_one(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` differ by at most one edit.

    An edit is one insertion, deletion, substitution or transposition of
    two adjacent characters (restricted Damerau-Levenshtein). Strings are
    compared as given; fold() them first for forgiving matching.
    """
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return _one_substitution_or_swap(a, b)
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return _one_insertion(shorter, longer)


def _one_substitution_or_swap(a: str, b: str) -> bool:
    """Equal-length, unequal strings: one substitution or adjacent swap."""
    diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(diffs) == 1:
        return True
    if len(diffs) == 2:
        i, j = diffs
        return j == i + 1 and a[i] == b[j] and a[j] == b[i]
    return False


def _one_insertion(shorter: str, longer: str) -> bool:
    """True if ``longer`` is ``shorter`` with exactly one character added."""
    for i, (x, y) in enumerate(zip(shorter, longer, strict=False)):
        if x != y:
            return shorter[i:] == longer[i + 1 :]
    return True  # the extra character is the last one


def word_matches(typed: str, word: str) -> bool:
    """Whether the folded `typed` word may be meant as the folded `word`: a prefix of it, or (for
    a word of MIN_TYPO_LENGTH letters or more) one edit from it or from its beginning (a letter
    added, dropped, changed or two swapped): "mutfak" and "mutfka" both match "mutfaklari"."""
    if word.startswith(typed):
        return True
    size = len(typed)
    if size < MIN_TYPO_LENGTH or len(word) < size - 1:
        return False
    return any(
        edit_distance_at_most_one(typed, word[:n])
        for n in {size - 1, size, size + 1, len(word)}
        if n <= len(word)
    )
