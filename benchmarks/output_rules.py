"""What no output of spo may hold, per kind of output, for `benchmarks/fuzz_commands.py`.

The hostile text the fuzzer writes into records (`benchmarks/mutations.py`, `PIECES`) carries
markers: `@fuzzbot` (a GitHub mention), `::error::FORGED` after a line break (a forged workflow
command or problem line), `%0A::notice::PCTFORGED` (a workflow command hidden behind an unescaped
`%`) and the tags `<script`, `<img`, `<iframe`, `<details open` (spo's own Markdown has a bare
`<details>`, never one with `open`). So a rule can tell what came raw from the data from what spo
wrote itself.

Failure kinds of one command's run:
- internal-error: exit 3, or "internal error" / "[internal-error]" in what it printed;
- bad-exit: an exit code outside the documented 0, 1, 2;
- traceback: a Python traceback in what it printed;
- raw-control: a terminal control (C0 but tab and line feed, DEL, C1, ESC, BEL) or a bidirectional
  override where a person reads the output; a line that data started (`::error::FORGED` at the
  start of a line); in GitHub annotations, a `%` left unescaped;
- raw-html: a tag from data in Markdown or HTML, a `@mention` from data in Markdown, a
  `javascript:` link, a Markdown table row with more or fewer cells than its header (a `|` from
  data);
- bad-json: a machine-readable output (JSON; also YAML, CSV, the exported files) that does not
  parse, or is missing after a successful run.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

KINDS = (
    "internal-error", "bad-exit", "traceback", "hang", "crash",
    "raw-control", "raw-html", "bad-json",
)  # fmt: skip

# C0 but tab and line feed, DEL, C1 (ESC, BEL and CSI included), bidirectional embeddings,
# overrides and isolates.
_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# A data format may hold a carriage return (CSV quotes it inside a cell; CRLF ends CSV rows).
_DATA_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# A tag, unless its `<` is escaped (`&lt;`, or `\<` in Markdown, which GitHub shows as text): after
# an even run of backslashes (none, or escaped backslashes) a `<` is raw.
_TAG = r"(?<!\\)(?:\\\\)*<(?:script|img|iframe|svg|details open)\b"
_MARKUP = re.compile(rf"{_TAG}|(?<!\\)\]\(javascript:|href=\"?javascript:", re.I)
_HTML_MARKUP = re.compile(r"<(?:script|img|iframe|details open)\b|href=\"?javascript:", re.I)
# A mention is not one after a word character, a backslash, a slash or an opening code span.
_MENTION = re.compile(r"(?<![\w\\/])(?<!(?<!\\)`)@fuzzbot")
_FORGED = re.compile(r"^::(?:error|warning|notice)::FORGED", re.M)
_PIPE = re.compile(r"(?<!\\)\|")


def _parse_json(text: str) -> None:
    json.loads(text)


def _parse_yaml(text: str) -> None:
    yaml.safe_load(text)


def _parse_csv(text: str) -> None:
    # `;` for Turkish Excel (--lang tr), `,` otherwise: no header names hold either.
    body = text.lstrip("\ufeff")
    separator = ";" if ";" in body.split("\n", 1)[0] else ","
    rows = list(csv.reader(io.StringIO(body, newline=""), delimiter=separator))
    if rows and any(len(row) != len(rows[0]) for row in rows):
        raise ValueError(f"rows of {sorted({len(r) for r in rows})} cells")


@dataclass(frozen=True)
class Rule:
    controls: re.Pattern[str] | None = _TERMINAL
    markup: re.Pattern[str] | None = None
    mention: bool = False
    forged_lines: bool = False
    table_shape: bool = False
    percent: bool = False
    parse: Callable[[str], None] | None = None


# One row per kind of output: what it must not hold. `stderr` is every command's stderr.
RULES: dict[str, Rule] = {
    "table": Rule(),  # a terminal view (rich); a line break from data stays inside its cell
    "text": Rule(forged_lines=True),
    "stderr": Rule(forged_lines=True),
    "markdown": Rule(markup=_MARKUP, mention=True, forged_lines=True, table_shape=True),
    "github": Rule(forged_lines=True, percent=True),
    "html": Rule(controls=None, markup=_HTML_MARKUP),
    "json": Rule(controls=None, parse=_parse_json),  # json.dumps escapes C0 in strings
    "yaml": Rule(controls=_DATA_TEXT, parse=_parse_yaml),
    "csv": Rule(controls=_DATA_TEXT, parse=_parse_csv),
}


def _table_rows(text: str) -> str:
    """The first Markdown table row whose cell count differs from its header's, or ""."""
    header = -1
    for line in text.split("\n"):
        if not line.startswith("|"):
            header = -1
            continue
        cells = len(_PIPE.findall(line))
        if header < 0:
            header = cells
        elif cells != header:
            return f"{cells - 1} cells under a header of {header - 1}: {line[:160]!r}"
    return ""


def dangers(kind: str, text: str) -> list[tuple[str, str]]:
    """What `text`, an output of kind `kind`, holds that it must not: (failure kind, detail)."""
    rule, found = RULES[kind], []
    if rule.controls is not None and (match := rule.controls.search(text)):
        found.append(("raw-control", f"U+{ord(match[0]):04X} in {_around(text, match)}"))
    if rule.forged_lines and (match := _FORGED.search(text)):
        found.append(
            ("raw-control", f"a line break from data starts a line: {_around(text, match)}")
        )
    if rule.percent and "%0A::notice::PCTFORGED" in text:
        found.append(("raw-control", "a '%' from data is not escaped as %25 in an annotation"))
    if rule.markup is not None and (match := rule.markup.search(text)):
        found.append(("raw-html", f"raw markup {_around(text, match)}"))
    if rule.mention and (match := _MENTION.search(text)):
        found.append(("raw-html", f"a mention {_around(text, match)}"))
    if rule.table_shape and (row := _table_rows(text)):
        found.append(("raw-html", row))
    if rule.parse is not None:
        try:
            rule.parse(text)
        except Exception as exc:  # noqa: BLE001 - whatever the parser says, the output is broken
            found.append(("bad-json", f"{type(exc).__name__}: {str(exc)[:200]}"))
    return found


def _around(text: str, match: re.Match[str]) -> str:
    return repr(text[max(match.start() - 40, 0) : match.end() + 40])


def judge_run(code: int, stdout: str, stderr: str, kind: str) -> list[tuple[str, str]]:
    """Every failure of one command's run whose stdout is of kind `kind`: (failure kind, detail)."""
    both = stdout + stderr
    if "Traceback (most recent call last)" in both:
        return [("traceback", stderr.strip()[-300:] or stdout.strip()[-300:])]
    if code == 3 or "internal error" in both or "[internal-error]" in both:
        line = next((x for x in both.split("\n") if "internal" in x), both.strip())
        return [("internal-error", f"exit {code}: {line[:300]}")]
    found = [] if code in (0, 1, 2) else [("bad-exit", f"exit {code}: {stderr.strip()[:300]}")]
    if RULES[kind].parse is not None and not stdout.strip() and code == 0:
        found.append(("bad-json", "exit 0 and nothing on stdout"))
    elif stdout.strip():
        found += dangers(kind, stdout)
    found += [(k, f"stderr: {d}") for k, d in dangers("stderr", stderr)]
    return found


def judge_export(fmt: str, target: Path) -> list[tuple[str, str]]:
    """The files a successful `spo export` wrote into `target` (a folder, or a database file)."""
    try:
        if fmt == "csv":
            tables = sorted(target.glob("*.csv"))
            if not tables:
                return [("bad-json", "no CSV file written")]
            for table in tables:
                text = table.read_bytes().decode("utf-8-sig")
                for failure, detail in dangers("csv", text):
                    if failure == "bad-json":
                        return [(failure, f"{table.name}: {detail}")]
            return []
        with sqlite3.connect(f"file:{target}?mode=ro", uri=True) as db:
            if db.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                return [("bad-json", "the database fails its integrity check")]
            for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
                db.execute(f'SELECT * FROM "{name}"').fetchall()
        json.loads((target.parent / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, sqlite3.Error) as exc:
        return [("bad-json", f"{type(exc).__name__}: {str(exc)[:200]}")]
    return []
