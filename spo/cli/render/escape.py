"""One escaper per kind of output, so that a value from a record shows as written wherever it
goes and is never read as a command, a tag or a control sequence there:

- `terminal`: C0 and C1 controls (newlines too), the line and paragraph separators and the
  bidirectional controls written as visible escapes (`\\x1b`, `\\u202e`), so that a value cannot
  retitle, recolour or clear a terminal, forge a line, or display in another order than it reads
  ("Trojan source"). Every view passes through it: `spo.cli.render.console` escapes each text
  that reaches Rich.
- `markdown` (`markdown_line` at the start of a line): text that Markdown, and GitHub's rendering
  of a job summary, shows as written: one line, no tags, no emphasis, links, code, tables or
  `@mentions`; web addresses stay working links.
- `workflow_data` and `workflow_property`: GitHub's workflow commands (`::error file=…::…`).
- `html_text`: HTML text and attribute values.
- `json_text`: data as JSON, UTF-8 as it reads, with the characters a terminal would act on
  written as `\\uXXXX` (the data stays the same).
- `yaml_text`: data as YAML, likewise: the emitter escapes controls, and a text holding a mark
  YAML counts as printable is double-quoted with the mark as `\\uXXXX` (the data stays the same).
- `shell_word`: one word of a command line to paste into a POSIX shell (bash, zsh): as it is
  when the shell reads it so, else single-quoted, else (a control or a mark in it) ANSI-C
  quoted, `$'…\\n…'`, so that it reads back exactly and still shows on one line.
- `csv_cell`: a CSV cell for a spreadsheet or a terminal: controls but tab and line breaks, and
  the marks, written as visible escapes. Only a registry that fails validation holds them.
  (What a spreadsheet would calculate is `spo.export.spreadsheet`'s, the CSV writer's.)

Pure functions from text to text.

Imports inside the functions: every error message imports this module, so YAML (~40 ms) and
`shlex` are imported only by the output that needs them.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from typing import Any

from spo.api import BIDI_CONTROLS

# What a terminal must not receive raw: C0 and C1 controls (newline, tab and DEL included), the
# Unicode line and paragraph separators, and the bidirectional marks, embeddings, overrides and
# isolates (U+061C, U+200E-F, U+202A-E, U+2066-9).
_MARKS = "\u061c\u200e\u200f\u2028\u2029" + BIDI_CONTROLS
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_MARKS}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: str) -> str:
    """Text that prints as exactly one line of what it holds: each unsafe character written as
    its escape (`\\n`, `\\x07`, `\\u202e`)."""
    return _UNSAFE.sub(_visible, text)


# --- shell -------------------------------------------------------------------------------------

# What a shell reads as one plain word, Turkish letters included ("Kırıkkale" needs no quotes);
# not at its start: `=` (zsh expands `=word` to a command's path) and `~` (a home folder).
_PLAIN_WORD = re.compile(r"[\w@%+:,./-][\w@%+=:,./~-]*")


def shell_word(word: str) -> str:
    """`word` as a POSIX shell reads it back exactly, on one visible line."""
    import shlex

    if _PLAIN_WORD.fullmatch(word):
        return word
    if not _UNSAFE.search(word):
        quoted = shlex.quote(word)  # it leaves `=word` bare, which zsh would expand
        return quoted if quoted != word else f"'{word}'"
    quoted = word.replace("\\", "\\\\").replace("'", "\\'")
    return "$'" + _UNSAFE.sub(_shell_escape, quoted) + "'"


def _shell_escape(match: re.Match[str]) -> str:
    """A control or mark inside `$'…'`: `\\xHH` is a byte there, so past ASCII it is `\\uHHHH`."""
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}")


# --- Markdown -----------------------------------------------------------------------------------

# Punctuation that Markdown (GitHub's flavour) reads as syntax anywhere in a line: the escape
# itself, code, emphasis, links and images, table cells, strikethrough.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# A mention (`@user`, `@org/team`) notifies its users; a word joiner after the `@` leaves it
# looking the same but no longer a mention. An `@` after an ASCII letter, digit or `_` (an
# e-mail address) is none; after anything else (`ş@user` too) it is one.
_MENTION = re.compile(r"(?<![A-Za-z0-9_])@(?=[A-Za-z0-9])")
WORD_JOINER = "\u2060"
# A web address stays a link, bare or in `<…>` (a source's address as it is cited): GitHub takes
# it as it stands (backslashes included), so the few characters Markdown would read in it are
# percent-encoded instead, which leaves the address the same. `&` stays: in an address it is
# not read as an entity.
_URL = re.compile(r"<https?://[^\s<>\"'`|\\]+>|https?://[^\s<>\"'`|\\]+")
_IN_URL = re.compile(r"[*_\[\]~@]")
# What starts a block at the start of a line: a heading, quote, list item, thematic break,
# setext underline, table row, indented code or fence.
_BLOCK_START = re.compile(r"^(#|>|-|\+|=|(\d+)([.)]))")


class Markdown(str):
    """Markdown that spo writes itself (a code span of a problem's code), which a table takes as
    it is; every other cell is text, and escaped."""


def _inline(text: str) -> str:
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
    escaped = "".join(_HTML.get(char, char) for char in escaped)
    return _MENTION.sub("@" + WORD_JOINER, escaped)


def _url(url: str) -> str:
    return _IN_URL.sub(lambda m: f"%{ord(m.group()):02X}", url)


def markdown(text: str) -> str:
    """Text that Markdown shows as written, within a line or a table cell: its whitespace (line
    breaks too) one space, unsafe characters as `terminal` writes them, HTML's `<`, `>` and `&`
    as entities, Markdown's punctuation backslash-escaped, mentions broken, web addresses kept
    as links."""
    text = terminal(" ".join(text.split()))
    out, last = [], 0
    for match in _URL.finditer(text):
        out += [_inline(text[last : match.start()]), _url(match.group())]
        last = match.end()
    out.append(_inline(text[last:]))
    return "".join(out)


def markdown_line(text: str) -> str:
    """`markdown` text that is also safe at the start of a line: it starts no heading, quote,
    list, thematic break or setext heading underline."""
    escaped = markdown(text)
    match = _BLOCK_START.match(escaped)
    if match is None:
        return escaped
    if match.group(2):  # "1." or "1)": an ordered list
        return f"{match.group(2)}\\{match.group(3)}{escaped[match.end() :]}"
    return "\\" + escaped


# --- GitHub workflow commands -------------------------------------------------------------------

# Everything `terminal` escapes but the line breaks, which GitHub's own encoding carries.
_UNSAFE_IN_COMMAND = re.compile(f"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f{_MARKS}]")


def workflow_data(text: str) -> str:
    """The message of a workflow command (after `::`): GitHub's encoding of `%`, CR and LF, and
    every other control character as a visible escape, so nothing reaches the runner raw."""
    visible = _UNSAFE_IN_COMMAND.sub(_visible, text)
    return visible.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """A property's value of a workflow command (`file=…`, `title=…`): as `workflow_data`, and
    `:` and `,`, which end a property."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


# --- HTML ---------------------------------------------------------------------------------------


def html_text(text: str) -> str:
    """Text for HTML, in an element or a quoted attribute: `&`, `<`, `>`, `"` and `'` as
    entities."""
    return html.escape(text, quote=True)


# --- JSON ---------------------------------------------------------------------------------------

# What `json.dumps` leaves raw that a terminal acts on: DEL, C1 and the marks `terminal` escapes.
# They occur only inside strings, where `\uXXXX` means the same character.
_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f{_MARKS}]")


def json_text(data: Any) -> str:
    """Data as indented JSON on lines of its own, Turkish letters as they are (not `\\u`-escaped),
    every control character and bidirectional mark escaped."""
    dumped = json.dumps(data, ensure_ascii=False, indent=2)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped) + "\n"


# --- YAML ---------------------------------------------------------------------------------------

_MARK = re.compile(f"[{_MARKS}]")


@cache
def _yaml_dumper() -> Any:
    """PyYAML's dumper, with a text holding a mark double-quoted; built once, when first used."""
    import yaml  # lazy: PyYAML costs ~40 ms, and every error message imports this module

    base: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class Dumper(base):  # type: ignore[misc]
        pass

    def text(dumper: Any, value: str) -> Any:
        style = '"' if _MARK.search(value) else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    return Dumper


def yaml_text(data: Any) -> str:
    """Data as YAML, Turkish letters as they are, block style, keys in their order; no control
    character or bidirectional mark raw."""
    import yaml  # lazy: PyYAML costs ~40 ms, and every error message imports this module

    dumped = str(yaml.dump(data, Dumper=_yaml_dumper(), allow_unicode=True, sort_keys=False))
    # Every text holding a mark is double-quoted, where `\uXXXX` means the same character.
    return _MARK.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


# --- CSV ----------------------------------------------------------------------------------------

_UNSAFE_IN_CSV = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_MARKS}]")


def csv_cell(text: str) -> str:
    """A cell as written, but for the characters a spreadsheet shows as garbage and a terminal acts
    on, written as visible escapes (tab and line breaks stay: CSV quotes them). The spreadsheet's
    own reading (formulas, dates) is `spo.export.spreadsheet`'s, which writes the CSV."""
    return _UNSAFE_IN_CSV.sub(_visible, text)
