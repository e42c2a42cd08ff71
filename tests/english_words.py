"""Which English words a text holds: the leak detector of the Turkish tests.

Common English words that are never Turkish ones ("on", "at", "can", "an", "not" are Turkish words,
so they are not here): a Turkish sentence quoting ids, codes or file names passes, an English
sentence (or half of one) does not."""

from __future__ import annotations

import re

_WORDS = """
    the and or but of to in by for from with without into onto as is are was were be
    been it its this that these those there here which who what when where why how no yes
    only also every each any all some none more most less than then else if so too very
    could should would must may might will shall do does did done has have had
    file files folder record records registry error errors warning warnings usage option options
    unknown missing invalid expected found see run read write wrote written left out line
    column value values name names date dates day month year number count try again help show
    message messages command commands argument arguments please choose given typed instead
    already exists exist cannot can't doesn't isn't don't such another other one two
    kind type choice path folder stage source note host owner status theme metric format
"""
ENGLISH = frozenset(_WORDS.split())


def english_words(text: str) -> list[str]:
    """The words of `text` (in order) that are English and never Turkish."""
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text)  # Turkish letters are letters too
    return [w for w in words if w.lower() in ENGLISH]
