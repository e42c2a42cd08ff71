"""Random hostile text through every output (issue 22): nothing dangerous comes out raw.

`CASES` (4) registries made from a fixed seed, each read in both languages by 19 commands (152
runs, about 10 seconds). Every name, note and source field of each holds random text drawn
from every dangerous class (C0 and C1 controls, ESC sequences,
BEL, bidirectional overrides and isolates, line separators, HTML tags, Markdown syntax, mentions,
pipes, `%`, CR/LF, `::`, `]]`), with one reference and one key that validate quotes. Each is run
through `report` (table, Markdown, HTML, JSON), `report --explain` (table, Markdown), `diff
--base-dir/--head-dir` against the same registry with plain text (text, Markdown), `municipality
show`, `project show`, `list`, `search` and `validate` (text, GitHub, and its job summary).

What "dangerous raw" means, per kind of output:
- terminal (tables, show, text): any C0 or C1 control but the view's own newlines, or a
  bidirectional mark or line separator;
- Markdown: the same; a `<` outside spo's own `<details>`/`<summary>` and `<https://…>` links;
  an `&` that does not start `&amp;`, `&lt;` or `&gt;` (or sits in a web address); an unescaped
  backtick (but spo's code spans of a problem code), `[`, `]`, `*` or `_` (but in a web address,
  and spo's own `**…**` and `_…_` lines); a mention; a table row with more or fewer cells than
  its header;
- GitHub workflow commands: any control but the newline ending a line; a line starting `::`
  that is not one well-formed `::error|warning|notice key=value,…::message` command;
- JSON: what `terminal` forbids, even inside strings; and the data must read back unchanged;
- HTML: a tag or attribute spo does not write itself (`<script>`, `<img>`, `onerror=`).
"""

from __future__ import annotations

import html.parser
import json
import random
import re
import shutil
import time
from pathlib import Path

import pytest

from tests.conftest import run_spo

SEED = 22
CASES = 4

CONTROLS = [chr(c) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)]]
MARKS = [chr(c) for c in [0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F),
                          *range(0x2066, 0x206A)]]  # fmt: skip
PIECES = [
    "\x1b]0;PWNED\x07", "\x1b[31mRED", "\x1b[2J", "\x07", "\x9b31m", "\r\n", "\r", "\n",
    "<script>alert(1)</script>", '<img src=https://evil.example/p.png onerror="alert(1)">',
    "<details open>", "</table>", "`code`", "```", "@octocat", "@org/team", "|", "||", "%",
    "%0A", "::error::forged", "::", "]]", "[link](https://evil.example)",
    "![img](https://evil.example/p.png)", "**bold**", "_it_", "~~gone~~", "# heading",
    "> quote", "- item", "1. item", "&#64;x", "&lt;b&gt;", "\\", "'", '"', ",", ":",
    "https://example.org/a_b?c=1&d=2", "Mersin Gündem, Herkesin Kimsesi; 'Ofis'", "İşçi Ağ ı",
]  # fmt: skip

TERMINAL_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f" + "".join(MARKS) + "]")


def hostile_text(rng: random.Random) -> str:
    """A control character first (so every field shows its escaping), then 2-6 random pieces."""
    parts = [rng.choice(CONTROLS + MARKS)]
    for _ in range(rng.randint(2, 6)):
        kind = rng.random()
        parts.append(
            rng.choice(CONTROLS) if kind < 0.2 else rng.choice(MARKS) if kind < 0.3
            else rng.choice(PIECES)
        )  # fmt: skip
    return " ".join(parts)


def q(text: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes are YAML's."""
    return json.dumps(text)


def write_registry(root: Path, texts: dict[str, str]) -> None:
    """Mersin (host), Artvin (a visit and a transfer), İzmit, and Mersin's project."""
    t = {k: q(v) for k, v in texts.items()}
    files = {
        "municipalities/mersin-bb": f"""id: mersin-bb
name: {t["mersin"]}
kind: metropolitan
province: Mersin
reported_figures:
  - date: "2025-06-30"
    metric: municipalities-hosted
    value: 1
    qualifier: exact
    source: {{publisher: {t["publisher"]}, title: {t["figure_title"]}, date: "2025-06-30"}}
notes: {t["mersin_notes"]}
sources: [https://example.org/mersin]
""",
        "municipalities/artvin": f"""id: artvin
name: {t["artvin"]}
kind: provincial
province: Artvin
engagements:
  - kind: study-visit
    host: mersin-bb
    date: "2025-02-10"
    note: {t["visit_note"]}
    source: {{publisher: {t["publisher"]}, title: {t["visit_title"]}, date: "2025-02-10"}}
transfers:
  - project: mahalle-mutfaklari
    note: {t["transfer_note"]}
    history:
      - stage: presentation
        date: "2025-03-01"
        note: {t["stage_note"]}
        source: {{title: {t["stage_title"]}, date: "2025-03-01"}}
notes: {t["artvin_notes"]}
sources: [https://example.org/artvin]
""",
        # What validate quotes: a host that is no id, a key that is none (the file is then
        # left out of the read commands).
        "municipalities/rize": f"""id: rize
name: Rize Belediyesi
kind: provincial
province: Rize
engagements:
  - kind: meeting
    host: {t["bad_host"]}
    date: "2025-03-10"
{t["bad_key"]}: 1
sources: [https://example.org/rize]
""",
        "municipalities/kocaeli-izmit": f"""id: kocaeli-izmit
name: {t["izmit"]}
kind: district
province: Kocaeli
district: İzmit
sources: [{{title: {t["izmit_title"]}, note: {t["izmit_source_note"]}}}]
""",
        "projects/mahalle-mutfaklari": f"""id: mahalle-mutfaklari
name: {{tr: {t["project_tr"]}, en: {t["project_en"]}}}
owner: mersin-bb
summary: {{tr: {t["summary"]}}}
status: unknown
themes: [nutrition]
partners:
  - name: {t["partner"]}
    type: ngo
    role: implementer
notes: {t["project_notes"]}
sources:
  - title: {t["project_title"]}
    publisher: {t["publisher"]}
    date: "2024-05-10"
""",
    }
    for name, text in files.items():
        path = root / "data" / f"{name}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


FIELDS = [
    "mersin", "artvin", "izmit", "publisher", "figure_title", "mersin_notes", "visit_note",
    "visit_title", "bad_host", "transfer_note", "stage_note", "stage_title", "artvin_notes",
    "bad_key", "izmit_title", "izmit_source_note", "project_tr", "project_en", "summary",
    "partner", "project_notes", "project_title",
]  # fmt: skip


# --- what "dangerous raw" is, per kind of output -------------------------------------------


def terminal_raw(out: str) -> list[str]:
    return [f"raw {ch!r}" for ch in sorted(set(TERMINAL_UNSAFE.findall(out)))]


def unescaped(line: str, chars: str) -> list[str]:
    """The characters of `chars` in a Markdown line that no backslash escapes."""
    found, escaped = [], False
    for ch in line:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in chars:
            found.append(ch)
    return found


SPO_MARKDOWN = re.compile(
    r"</?details>|</?summary>|<https?://[^\s<>]+>|`[a-z0-9-]+`|&(?:amp|lt|gt);"
    r"|https?://[^\s<>]+|^\s*- \*\*|\*\*$|^_|_$"
)


def markdown_raw(out: str) -> list[str]:
    found = terminal_raw(out)
    columns = None
    for line in out.split("\n"):
        if line.startswith("|"):
            cells = len(unescaped(line, "|"))
            columns = columns or cells
            if cells != columns:
                found.append(f"a row of {cells} pipes in a table of {columns}: {line!r}")
        else:
            columns = None
        bare = SPO_MARKDOWN.sub("", line)
        found += [f"{ch!r} in {line!r}" for ch in unescaped(bare, "<&`[]*_")]
        found += [f"mention in {line!r}" for _ in MENTION.findall(line)]
    return found


MENTION = re.compile(r"(?<![A-Za-z0-9_])@[A-Za-z0-9]")  # as GitHub finds one
COMMAND = re.compile(r"::(error|warning|notice) [a-z]+=[^,:]*(,[a-z]+=[^,:]*)*::[^\r]*")


def github_raw(out: str) -> list[str]:
    found = terminal_raw(out)
    for line in out.split("\n"):
        if line.startswith("::") and not COMMAND.fullmatch(line):
            found.append(f"not one workflow command: {line!r}")
    return found


def json_raw(out: str) -> list[str]:
    json.loads(out)
    return terminal_raw(out)


class Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


def html_markup(out: str) -> tuple[set[str], set[str]]:
    parsed = Tags()
    parsed.feed(out)
    return parsed.tags, parsed.attributes


# --- the runs ---------------------------------------------------------------------------------

AS_OF = ("--as-of", "2025-12-31")
RUNS = [
    (terminal_raw, ("report", *AS_OF)),
    (markdown_raw, ("report", *AS_OF, "-f", "markdown")),
    (json_raw, ("report", *AS_OF, "-f", "json")),
    (terminal_raw, ("report", *AS_OF, "--explain", "municipalities-hosted")),
    (markdown_raw, ("report", *AS_OF, "--explain", "municipalities-hosted", "-f", "markdown")),
    (terminal_raw, ("report", *AS_OF, "--explain", "projects-supported")),
    (markdown_raw, ("report", *AS_OF, "--explain", "projects-supported", "-f", "markdown")),
    (terminal_raw, ("municipality", "show", "artvin")),
    (terminal_raw, ("municipality", "show", "mersin-bb")),
    (terminal_raw, ("project", "show", "mahalle-mutfaklari")),
    (terminal_raw, ("municipality", "list")),
    (terminal_raw, ("project", "list")),
    (terminal_raw, ("transfer", "list")),
    (json_raw, ("municipality", "list", "--format", "json")),
    (terminal_raw, ("search", "belediye")),
    (terminal_raw, ("validate", "--format", "text")),
    (github_raw, ("validate", "--format", "github")),
]


def test_nothing_dangerous_comes_out_raw(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(SEED)
    plain = tmp_path / "plain"
    write_registry(plain, {f: f"Düz metin https://example.org/{n}" for n, f in enumerate(FIELDS)})
    clean_tags, clean_attributes = html_markup(
        run_spo("--root", str(plain), "report", *AS_OF, "-f", "html").stdout
    )
    started, runs, problems = time.monotonic(), 0, []
    for case in range(CASES):
        texts = {field: hostile_text(rng) for field in FIELDS}
        root = tmp_path / f"case{case}"
        write_registry(root, texts)
        summary = tmp_path / f"summary{case}.md"
        monkeypatch.chdir(root)
        for lang in ("en", "tr"):
            env = {"COLUMNS": rng.choice(["60", "120", "400"]), "GITHUB_STEP_SUMMARY": str(summary)}
            for check, args in RUNS:
                run = run_spo("--lang", lang, *args, env=env)
                runs += 1
                assert run.exit_code in (0, 1), (args, run.stderr)
                raw = check(run.stdout) + terminal_raw(run.stderr)
                problems += [(case, lang, args, p) for p in raw]
            for fmt, check in (("text", terminal_raw), ("markdown", markdown_raw)):
                args = ("diff", "--base-dir", str(plain), "--head-dir", str(root), *AS_OF)
                run = run_spo("--lang", lang, *args, "--format", fmt)
                runs += 1
                assert run.exit_code in (0, 1), (args, run.stderr)
                assert "artvin" in run.stdout
                problems += [(case, lang, fmt, p) for p in check(run.stdout)]
            page = run_spo("--lang", lang, "report", *AS_OF, "-f", "html").stdout
            tags, attributes = html_markup(page)
            problems += [(case, lang, "html", t) for t in tags - clean_tags]
            problems += [(case, lang, "html", a) for a in attributes - clean_attributes]
        problems += [(case, "summary", p) for p in markdown_raw(summary.read_text("utf-8"))]
        # The hostile text did reach the outputs, shown escaped.
        shown = run_spo("municipality", "show", "artvin").stdout
        assert "\\x" in shown or "\\u" in shown
        listed = json.loads(run_spo("municipality", "list", "-f", "json").stdout)
        assert texts["artvin"] in [m["name"] for m in listed]  # the data, unchanged
        shutil.rmtree(root)
    assert not problems, "\n".join(map(str, problems))
    assert runs == CASES * 2 * (len(RUNS) + 2)
    assert time.monotonic() - started < 60


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash to read the words back")
def test_a_command_line_to_paste_reads_back_exactly_in_a_shell() -> None:
    """The command an interactive write prints (`spo.cli.asked.command_line`) is made of
    `shell_word`s: bash reads each back as the very text typed, and the line shows no raw
    control or mark (it stays one visible line, with nothing that runs)."""
    import subprocess

    from spo.cli.render.escape import shell_word

    rng = random.Random(SEED)
    # (No argument of any program can hold NUL, and no record may: it is left out here.)
    words = [hostile_text(rng).replace("\x00", "") for _ in range(200)]
    words += ["=ls", "~root", "$(id)", "`id`", "a'b", "", "-x", "Kırıkkale", "\x85", "\u202e"]
    quoted = [shell_word(word) for word in words]
    assert not any(TERMINAL_UNSAFE.search(q) or "\n" in q for q in quoted)
    script = "".join(f"printf '%s\\0' {q}\n" for q in quoted)
    read = subprocess.run(["bash", "-c", script], capture_output=True, check=True).stdout
    assert read.decode("utf-8").split("\0")[:-1] == words
