"""A record's text shows as written wherever spo writes it, and is never read there as something
else: a terminal escape, an HTML tag, Markdown, a GitHub mention or a workflow command (issue
22, items 7 and 8).

The stories: a reviewer merges a project named `Century <img …> <details open>` and the report's
Markdown, appended to every pull request's job summary, must not show an image; a source titled
`<script>alert(1)</script>` in `--explain`; a municipality whose name holds terminal escapes
(`ESC ]0;PWNED BEL` retitles the window, `ESC [2J` clears it, U+202E reverses the line) shown by
`municipality show`, `list` and `search`; ESC and BEL in a problem's value under
`validate --format github`. Then a property test: random text of every dangerous kind, in names,
notes and sources, through every output of `report`, `--explain`, `diff`, `show`, `list`,
`search` and `validate`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from spo.cli.render.escape import markdown, markdown_line, workflow_data, workflow_property
from tests.conftest import run_spo
from tests.test_report_backing import registry, transfer, visit

WIDE = {"COLUMNS": "200"}
CENTURY = """\
id: century
name: {tr: "Century <img src=https://evil.example/p.png> <details open>"}
owner: mersin-bb
summary: {tr: Asırlık çınar.}
status: unknown
sources: [https://example.org/century]
"""
SCRIPT_SOURCE = '{title: "<script>alert(1)</script>", date: "2025-02-10"}'
# As a reviewer would write it in YAML: ESC ]0;PWNED BEL retitles the terminal, ESC [31m turns
# it red, ESC [2J clears it, U+202E (right-to-left override) reverses what follows.
HOSTILE_NAME_YAML = 'name: "Artvin \\e]0;PWNED\\a\\e[31mRED\\e[2J \\u202eevil"\n'
SHOWN_NAME = "Artvin \\x1b]0;PWNED\\x07\\x1b[31mRED\\x1b[2J \\u202eevil"


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """Mersin, İzmit, the project "Century <img …>" that Artvin adopts, Artvin with an escape-laden
    name, and a visit whose source is titled `<script>alert(1)</script>`."""
    root = registry(
        tmp_path,
        projects={"century": CENTURY},
        artvin="engagements:\n"
        + visit("2025-02-10", source=SCRIPT_SOURCE)
        + transfer(("presentation", "2025-03-01")).replace("mahalle-mutfaklari", "century"),
    )
    artvin = root / "data" / "municipalities" / "artvin.yaml"
    text = artvin.read_text(encoding="utf-8")
    artvin.write_text(text.replace("name: Artvin Belediyesi\n", HOSTILE_NAME_YAML), "utf-8")
    return root


def spo(root: Path, lang: str, *args: str) -> str:
    run = run_spo("--root", str(root), "--lang", lang, *args, env=WIDE)
    assert run.exit_code == 0, run.stderr
    return run.stdout


# --- item 7: Markdown -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "heading", "columns"),
    [
        ("en", "## Most adopted projects",
               "| Project | Owner | Adopting municipalities | Launched |"),
        ("tr", "## En çok benimsenen projeler",
               "| Proje | Sahibi | Benimseyen belediye | Hayata geçiren |"),
    ],
)  # fmt: skip
def test_a_project_name_with_tags_reads_as_text_in_the_markdown_report(
    hostile: Path, lang: str, heading: str, columns: str
) -> None:
    report = spo(hostile, lang, "report", "--as-of", "2025-12-31", "--format", "markdown")

    assert (
        "\n".join([heading, "", columns, "|---|---|---:|---:|", ""])
        + (
            "| Century &lt;img src=https://evil.example/p.png&gt; &lt;details open&gt; "
            "| Mersin Büyükşehir Belediyesi | 1 | 0 |\n"
        )
        in report
    )
    assert "<img" not in report and "<details" not in report


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "# Municipalities hosted: the records behind it as of 2025-12-31 (1)\n\n"
            "| ID | Name | Kind | Event | Date | Source |\n"
            "|---|---|---|---|---|---|\n"
            f"| artvin | {markdown(SHOWN_NAME)} | Provincial | Study visit | 2025-02-10 "
            "| &lt;script&gt;alert(1)&lt;/script&gt;, 2025-02-10 |\n",
        ),
        (
            "tr",
            "# Ağırlanan belediye: 2025-12-31 itibarıyla arkasındaki kayıtlar (1)\n\n"
            "| Kimlik | Ad | Tür | Olay | Tarih | Kaynak |\n"
            "|---|---|---|---|---|---|\n"
            f"| artvin | {markdown(SHOWN_NAME)} | İl | Yerinde inceleme ziyareti | 2025-02-10 "
            "| &lt;script&gt;alert(1)&lt;/script&gt;, 2025-02-10 |\n",
        ),
    ],
)
def test_a_script_tag_in_a_source_reads_as_text_in_explain_markdown(
    hostile: Path, lang: str, expected: str
) -> None:
    explain = ("--explain", "municipalities-hosted", "--as-of", "2025-12-31", "-f", "markdown")
    assert spo(hostile, lang, "report", *explain) == expected
    assert markdown(SHOWN_NAME) == (
        "Artvin \\\\x1b\\]0;PWNED\\\\x07\\\\x1b\\[31mRED\\\\x1b\\[2J \\\\u202eevil"
    )  # GitHub shows it as `municipality show` does


def test_markdown_shows_punctuation_mentions_and_line_starts_as_written() -> None:
    assert markdown("`x` *y* _z_ [a](https://evil.example) | ~~s~~ \\") == (
        "\\`x\\` \\*y\\* \\_z\\_ \\[a\\](https://evil.example) \\| \\~\\~s\\~\\~ \\\\"
    )
    # A mention keeps its look but notifies nobody (a word joiner after the @); an e-mail
    # address is no mention and stays as it is; an entity is text.
    assert markdown("@octocat, @org/team; ayse@example.org &#64;x") == (
        "@\u2060octocat, @\u2060org/team; ayse@example.org &amp;#64;x"
    )
    assert markdown("Century\n<details open>\r\n") == "Century &lt;details open&gt;"
    # A web address stays a link: what Markdown would read in it is percent-encoded.
    assert markdown("Haber, 2025 <https://example.org/a_b*c?x=1&y=2>") == (
        "Haber, 2025 <https://example.org/a%5Fb%2Ac?x=1&y=2>"
    )
    assert [markdown_line(t) for t in ("# x", "> x", "- x", "+ x", "=== x", "12. x", "3) x")] == [
        "\\# x", "&gt; x", "\\- x", "\\+ x", "\\=== x", "12\\. x", "3\\) x",
    ]  # fmt: skip
    # Ordinary Turkish text reads the same.
    plain = "Mersin Gündem, Herkesin Kimsesi; 'Sosyal Politikalar Ofisi' (6 + 2 = 8). İşçi-Ağ"
    assert markdown_line(plain) == plain


# --- item 8: the terminal and GitHub's workflow commands -----------------------------------


@pytest.mark.parametrize(
    ("lang", "kind", "province"), [("en", "Kind      Provincial", "Province  Artvin (08)"),
                                   ("tr", "Tür  İl", "İl   Artvin (08)")],
)  # fmt: skip
def test_municipality_show_prints_escapes_as_text(
    hostile: Path, lang: str, kind: str, province: str
) -> None:
    shown = spo(hostile, lang, "municipality", "show", "artvin")

    assert shown.splitlines()[:4] == [f"{SHOWN_NAME} (artvin)", "", kind.ljust(len(province)),
                                      province]  # fmt: skip
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown


@pytest.mark.parametrize(
    ("lang", "row"),
    [
        ("en", f"artvin          {SHOWN_NAME}   Provincial     Artvin   "
               "             1             1"),
        ("tr", f"artvin          {SHOWN_NAME}   İl           Artvin   "
               "         1          1"),
    ],
)  # fmt: skip
def test_municipality_list_prints_escapes_as_text(hostile: Path, lang: str, row: str) -> None:
    listed = spo(hostile, lang, "municipality", "list")

    assert listed.splitlines()[2].startswith(row)
    assert "\x1b" not in listed and "\u202e" not in listed


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", f"Municipality   artvin   {SHOWN_NAME}   name, province"),
        ("tr", f"Belediye   artvin   {SHOWN_NAME}   ad, il"),
    ],
)
def test_search_prints_escapes_as_text(hostile: Path, lang: str, expected: str) -> None:
    found = spo(hostile, lang, "search", "artvin")

    assert found.splitlines()[2].rstrip() == expected
    assert "\x1b" not in found and "\u202e" not in found


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "no municipality 'mersin\\x1b[2J\\x07' in the registry (did you mean 'mersin-bb'?) "
               "at $.engagements[0].host"),
        ("tr", "kayıtta 'mersin\\x1b[2J\\x07' kimlikli belediye yok (şunu mu demek istediniz: "
               "'mersin-bb'?) ($.engagements[0].host konumunda)"),
    ],
)  # fmt: skip
def test_validate_github_shows_esc_and_bel_escaped(
    hostile: Path, lang: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    artvin = hostile / "data" / "municipalities" / "artvin.yaml"
    text = artvin.read_text(encoding="utf-8").replace("host: mersin-bb", 'host: "mersin\\e[2J\\a"')
    artvin.write_text(text, encoding="utf-8")

    monkeypatch.chdir(hostile)
    run = run_spo("--lang", lang, "validate", "--format", "github")

    assert run.exit_code == 1
    annotation = next(line for line in run.stdout.splitlines() if "unknown-reference" in line)
    assert annotation == (
        "::error file=data/municipalities/artvin.yaml,line=8,col=11,title=spo unknown-reference::"
        + message
    )
    assert "\x1b" not in run.stdout and "\x07" not in run.stdout


def test_workflow_commands_encode_what_github_reads_and_show_every_other_control() -> None:
    assert workflow_data("50% done\r\nnext\x1b[2J\x07\x85\u202e") == (
        "50%25 done%0D%0Anext\\x1b[2J\\x07\\x85\\u202e"
    )
    assert workflow_property("data/a:b,c.yaml") == "data/a%3Ab%2Cc.yaml"


# --- one escaper per kind, used everywhere -----------------------------------------------------

SPO = Path(__file__).resolve().parent.parent / "spo"


@pytest.mark.parametrize(
    ("pattern", "only_in"),
    [
        (r"\bText\(", "console.py"),  # every Rich text is made by console.text, escaped
        (r"html\.escape|from html import escape", "escape.py"),
        (r"json\.dumps\(", "escape.py"),
        (r"%0A|%25", "escape.py"),
    ],
)
def test_each_kind_of_output_is_escaped_in_one_place(pattern: str, only_in: str) -> None:
    found = {
        path.name
        for path in (SPO / "cli").rglob("*.py")
        if re.search(pattern, path.read_text(encoding="utf-8"))
    }
    assert found <= {only_in, "export_cmd.py"}  # export's metadata: another issue's
