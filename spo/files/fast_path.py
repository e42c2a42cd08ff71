"""The fast path: a file's data read by yaml-rs, a YAML 1.2 parser in Rust, without positions.

spo's own reading (`spo.files.loader.parse_exact`: libyaml, the YAML 1.2 core schema of
`spo.files.core_yaml`, the checks of `prescan` and `libyaml_gaps`) gives every value a place and
every problem a line; it is also most of what `spo validate` spends. Most files are plain records
with nothing to say, so yaml-rs reads them first, and `fast_data` hands back its data only when
the exact path would have read the very same data with no problem at all. Everything else — a
file with a problem, or one holding anything where the two readers could differ — returns None,
and the exact path reads it as it always has. So the fast path only ever accepts what the exact
path accepts, and as it reads it (`tests/test_fast_path.py` compares both on every YAML file of
the tests, the shipped registry, the YAML test suite and the fuzz corpus).

Where yaml-rs reads otherwise than spo's YAML 1.2 rules, the text is left to the exact path
before yaml-rs sees it (`leaves_to_exact`): tags, anchors and aliases, flow collections, explicit
keys, directives and document markers, merge keys (`<<`); numbers that yaml-rs types and spo
keeps as text (`1_000`, `012`, `0x1F`, `0o7`, `.inf`, `.nan`) or turns into a problem (big
numbers), and every number-like or null/bool-like key, which spo refuses as not text; tabs, line
breaks other than "\\n" and "\\r\\n", a BOM, a backslash (escapes), and the characters libyaml
refuses to read (yaml-rs reads them). Timestamps stay text (`parse_datetime=False`); duplicate
keys make yaml-rs fail, so they too go to the exact path. Whatever yaml-rs reads must be a
mapping, or the exact path says what it is instead.

yaml-rs is optional at run time: without it (`FAST` is False) every file takes the exact path.

One thread only: yaml-rs 0.1.6 (whose wheels are built from an unreleased checkout of PyO3)
crashed the whole process, a segmentation fault inside `loads`, when a file was read on a new
thread after other threads had read and ended (seen under `spo serve`'s pool of threads). So the
first thread that reads a file here owns yaml-rs for the life of the process (in a forked worker,
the thread that forked); every other thread takes the exact path, which is slower and never
crashes. The command line reads on one thread and loses nothing; `spo serve` reads on one
long-lived thread of its own; an analyst's threads are safe.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

from spo.files.core_yaml import FLOAT, INT, STR, implicit_tag
from spo.files.libyaml_gaps import gap_problems
from spo.files.prescan import MAX_DEPTH, block_levels

try:
    import yaml_rs
except ImportError:  # the exact path reads every file
    yaml_rs = None  # type: ignore[assignment]

FAST = yaml_rs is not None

_OWNER: list[threading.Thread] = []  # the one thread that may call yaml-rs (see above)
_CLAIM = threading.Lock()


def _on_owner_thread() -> bool:
    """Whether this thread may call yaml-rs: the first thread to ask owns it. A thread object,
    not an ident, which a new thread may reuse once its first holder has ended."""
    me = threading.current_thread()
    if not _OWNER:
        with _CLAIM:
            if not _OWNER:
                _OWNER.append(me)
    return _OWNER[0] is me


# Wherever they are, where the two readers may differ: escapes (in double quotes), tabs, a merge
# key's "<<" (a key of its own for spo), document markers.
_REFUSED = ("\\", "\t", "<<", "\n---", "\n...")
_REFUSED_START = ("---", "...")
# Anything libyaml would not read (control characters, DEL, C1 controls, surrogates, U+FFFE and
# U+FFFF), the line breaks other than "\n" and "\r\n" (NEL, U+2028, U+2029), and a BOM: yaml-rs
# reads them, or reads them otherwise. (A lone "\r" is looked for only in text with a "\r".)
_ODD_CHARACTER = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
)
_LONE_CR = re.compile("\r(?!\n)")
# A `|` or `>` text with no line of its own at the end of the file (`name: |` and nothing after
# but blank lines): yaml-rs reads a line break, YAML 1.2 (and libyaml) an empty text.
_EMPTY_LAST_BLOCK = re.compile(r"[|>][-+1-9]{0,2}[ ]*(?:#[^\n]*)?\Z")
# Where a node may begin in a block mapping or list: after a line break (the text is given one
# in front) or ": ", its spaces, and any "- " after them. Two patterns, each with a literal first
# character, which lets the regex engine skip ahead (one pattern with either would cost three
# times as much); possessive, so that a line of "- - - ..." costs linear time.
_AFTER = r"[ ]*+(?:-[ ]++)*+"
_END = r"(?:[ ]|\r?\n|\Z)"
# At such a place: a node that begins with an indicator (a tag, an anchor, an alias, a
# directive, a flow collection, an explicit key, an empty key, a reserved character), a key that
# is null or a bool, or a whole plain scalar that begins like a number, up to the end of its
# line, a comment, or the ":" after a key (a plain scalar over several lines is text for both:
# folding puts a space in it). The lookahead fails fast at every other place.
_BODY = (
    _AFTER
    + r"(?=[!&*%@`,\[\]{}?:~nNtTfF\-+._0-9])"
    + r"(?:(?P<indicator>[!&*%@`,\[\]{}]|[?:]"
    + _END
    + r"|(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)(?=[ ]*:"
    + _END
    + r"))|(?P<number>[-+._0-9][-+._0-9a-zA-Z:]*?)(?=[ ]*(?:(?P<key>:)"
    + _END
    + r"|[ ]#|\r?\n|\Z)))"
)
_NODE_STARTS = (re.compile("\n" + _BODY), re.compile(": " + _BODY))
_LONGEST = 100  # characters of a number-like scalar both read alike; longer ones are left


@lru_cache(maxsize=4096)
def _same_scalar(word: str) -> bool:
    """Whether the plain scalar `word`, as a key and as a value, is the same data for yaml-rs as
    for spo (`spo.files.core_yaml.implicit_tag`): the same text, or the same number."""
    tag = implicit_tag(word)
    if tag == STR:
        expected: Any = word
    elif tag == INT:
        expected = int(word)
    elif tag == FLOAT:
        expected = float(word)
    else:
        return False
    try:
        read = yaml_rs.loads(f"{word}: {word}", parse_datetime=False)
    except Exception:  # noqa: BLE001 - not the same, whatever yaml-rs had to say
        return False
    pairs = list(read.items()) if type(read) is dict else []
    if tag != STR:  # a number is never a key for spo
        return len(pairs) == 1 and _same(pairs[0][1], expected)
    return pairs == [(word, word)] and type(pairs[0][0]) is str and type(pairs[0][1]) is str


def _same(read: Any, expected: Any) -> bool:
    return type(read) is type(expected) and repr(read) == repr(expected)


def leaves_to_exact(text: str) -> bool:
    """Whether the text may hold anything that yaml-rs reads otherwise than the exact path
    (never False when it does; sometimes True when it does not)."""
    if any(refused in text for refused in _REFUSED) or text.startswith(_REFUSED_START):
        return True
    if _ODD_CHARACTER.search(text) or ("\r" in text and _LONE_CR.search(text)):
        return True
    end = text.rstrip()
    if _EMPTY_LAST_BLOCK.search(end, end.rfind("\n") + 1):  # the last line only
        return True
    lined = "\n" + text
    for pattern in _NODE_STARTS:
        for match in pattern.finditer(lined):
            word = match.group("number")
            if word is None or len(word) > _LONGEST or not _same_scalar(word):
                return True
            if match.group("key") and implicit_tag(word) != STR:
                return True  # a number as a key: spo says it is not text
    return False


def fast_data(text: str) -> dict[str, Any] | None:
    """The data of already-decoded text when yaml-rs reads it exactly as the exact path would,
    with no problem to report; None when the exact path must read it."""
    if yaml_rs is None or not _on_owner_thread() or leaves_to_exact(text):
        return None
    levels = block_levels(text)  # with no flow collection, anchor or alias, the depth is bounded
    if levels is None or levels > MAX_DEPTH or gap_problems(text):
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # noqa: BLE001 - whatever yaml-rs cannot read, the exact path reads and explains
        return None
    return data if type(data) is dict and data else None
