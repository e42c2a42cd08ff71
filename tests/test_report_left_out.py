"""A report computed without some records says so on the page, in every format: which file, which
line, why, and which figures may be short. `--strict` then exits 1, the report still written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_spo

DAY = "2025-06-30"


@pytest.fixture
def broken(registry_copy) -> Path:
    """report-histories with one municipality file that is not YAML and one project file that
    does not have the schema's shape."""
    root = registry_copy("report-histories")
    adana = root / "data" / "municipalities" / "adana-bb.yaml"
    adana.write_text("id: adana-bb\nname: [Adana Büyükşehir Belediyesi\n", encoding="utf-8")
    kafe = root / "data" / "projects" / "camasir-kafe.yaml"
    kafe.write_text(
        kafe.read_text(encoding="utf-8").replace("status: pilot", "status: aktif"),
        encoding="utf-8",
    )
    return root


def report(root: Path, *args: str, lang: str = "en") -> tuple[int, str, str]:
    run = run_spo(
        "--root",
        str(root),
        "--lang",
        lang,
        "report",
        "--as-of",
        DAY,
        *args,
        env={"COLUMNS": "200"},
    )
    return run.exit_code, run.stdout, run.stderr


def between(text: str, first: str, last: str) -> str:
    start = text.index(first)
    return text[start : text.index(last, start) + len(last)]


def test_the_table_lists_each_unread_file_above_the_figures(broken: Path) -> None:
    code, out, err = report(broken, lang="en")
    assert code == 0
    assert err == (
        "spo: warning: 2 file(s) could not be read and were left out; run `spo validate` to "
        "see why\n"
    )
    part = between(out, "Records that could not be read", "for the details.")
    gap = " " * 10
    assert [line.rstrip() for line in part.splitlines()] == [
        "Records that could not be read: this report was computed without them",
        "File" + " " * 31 + "Line  Reason" + " " * 104 + "Figures it may affect",
        "─" * 200,
        "data/projects/camasir-kafe.yaml       9  'status' is 'aktif'; expected one of: Active "
        "(active), Pilot (pilot), Paused (paused), Ended (ended),         the rows of project "
        "camasir-kafe",
        " " * 41 + "Unknown (unknown)",
        "data/municipalities/adana-bb.yaml     2  YAML syntax error: a list opened with '[' "
        f"must go on with ',' or ']'{gap * 4}  the figures of municipality adana-bb; every "
        "total",
        "Until these files are fixed, the figures below may be short; run spo validate for "
        "the details.",
    ]
    assert out.index("Records that could not be read") < out.index("Municipalities\n")


def test_turkish_says_it_in_turkish_and_markdown_as_a_table(broken: Path) -> None:
    code, out, _ = report(broken, "--format", "markdown", lang="tr")
    assert code == 0
    assert between(out, "## Okunamayan", "çalıştırın.") == (
        "## Okunamayan kayıtlar: bu rapor onlarsız hesaplandı\n"
        "\n"
        "| Dosya | Satır | Neden | Etkilenebilecek rakamlar |\n"
        "|---|---:|---|---|\n"
        "| data/projects/camasir-kafe.yaml | 9 | 'status' alanı 'aktif' olarak yazılmış; "
        "şunlardan biri olmalı: Sürüyor (active), Pilot (pilot), Askıda (paused), Sona erdi "
        "(ended), Bilinmiyor (unknown) | camasir-kafe projesinin satırları |\n"
        "| data/municipalities/adana-bb.yaml | 2 | YAML sözdizimi hatası: '\\[' ile açılan "
        "liste ',' ya da '\\]' ile sürmeli | adana-bb belediyesinin rakamları; tüm toplamlar |\n"
        "\n"
        "Bu dosyalar düzeltilene kadar aşağıdaki rakamlar eksik olabilir; ayrıntı için spo "
        "validate çalıştırın."
    )


def test_json_gives_codes_for_programs(broken: Path) -> None:
    code, out, _ = report(broken, "--format", "json", lang="en")
    assert code == 0
    assert json.loads(out)["left_out"] == [
        {
            "file": "data/projects/camasir-kafe.yaml",
            "kind": "project",
            "id": "camasir-kafe",
            "line": 9,
            "code": "schema",
            "reason": "'status' is 'aktif'; expected one of: Active (active), Pilot (pilot), "
            "Paused (paused), Ended (ended), Unknown (unknown)",
            "affects": ["project"],
        },
        {
            "file": "data/municipalities/adana-bb.yaml",
            "kind": "municipality",
            "id": "adana-bb",
            "line": 2,
            "code": "yaml-syntax",
            "reason": "YAML syntax error: a list opened with '[' must go on with ',' or ']'",
            "affects": ["municipality", "totals"],
        },
    ]


def test_html_shows_it_before_the_headline_escaped(broken: Path) -> None:
    named = broken / "data" / "projects" / "<b>x.yaml"
    named.write_text("id: x\n", encoding="utf-8")
    code, out, _ = report(broken, "--format", "html", lang="en")
    assert code == 0
    part = between(out, '<section class="left-out"', "</section>")
    assert "<h2>Records that could not be read: this report was computed without them</h2>" in part
    assert "<td>data/projects/&lt;b&gt;x.yaml</td>" in part
    assert "<td>the rows of project &lt;b&gt;x</td>" in part
    assert "<b>" not in part
    assert out.index('class="left-out"') < out.index('class="headline"')


def test_strict_writes_the_report_and_exits_1(broken: Path, tmp_path: Path) -> None:
    _, plain, _ = report(broken, lang="en")
    for _ in range(2):  # the second run writes the kept report back: still exit 1
        code, out, err = report(broken, "--strict", lang="en")
        assert (code, out) == (1, plain)
        assert err.splitlines()[-1] == (
            "spo: --strict: the report was written, but 2 record(s) could not be read and were "
            "left out"
        )
    target = tmp_path / "report.md"
    code, out, _ = report(broken, "--strict", "--format", "markdown", "-o", str(target))
    assert (code, out) == (1, "")
    assert "## Records that could not be read" in target.read_text(encoding="utf-8")


def test_a_clean_registry_says_nothing_and_strict_passes(registry_copy) -> None:
    root = registry_copy("report-histories")
    code, out, err = report(root, "--strict", lang="en")
    assert (code, err) == (0, "")
    assert "could not be read" not in out
    code, out, _ = report(root, "--strict", "--format", "json")
    assert (code, json.loads(out)["left_out"]) == (0, [])


def test_the_strict_option_says_what_it_does_in_both_languages() -> None:
    english = " ".join(run_spo("--lang", "en", "report", "--help").stdout.split())
    turkish = " ".join(run_spo("--lang", "tr", "report", "--help").stdout.split())
    assert "Exit 1 when a record file could not be read. The report is still written" in english
    assert "Okunamayan bir kayıt dosyası varsa çıkış kodu 1 olur. Rapor yine de yazılır" in turkish


def test_a_report_on_a_municipality_whose_file_is_broken_is_refused(broken: Path) -> None:
    code, out, err = report(broken, "--owner", "adana-bb", lang="tr")
    assert (code, out) == (1, "")
    assert err == (
        "spo: adana-bb belediyesinin dosyası okunamadı (data/municipalities/adana-bb.yaml:2: "
        "YAML sözdizimi hatası: '[' ile açılan liste ',' ya da ']' ile sürmeli); bu dosya "
        "düzeltilmeden onun raporu çıkarılamaz\n"
    )
    code, out, err = report(broken, "--owner", "yok", lang="en")
    assert (code, err) == (2, "spo: no municipality 'yok'\n")


@pytest.mark.parametrize("width", ["60", "80"])
def test_on_a_narrow_terminal_no_word_of_it_is_lost(broken: Path, width: str) -> None:
    args = ("--root", str(broken), "--lang", "tr", "report", "--as-of", DAY)
    wide = run_spo(*args, env={"COLUMNS": "10000"}).stdout
    narrow = run_spo(*args, env={"COLUMNS": width}).stdout
    part = between(wide, "Okunamayan kayıtlar", "çalıştırın.")
    shown = between(narrow, "Okunamayan kayıtlar", "çalıştırın.")
    assert max(len(line.rstrip()) for line in shown.splitlines()) <= int(width)

    def words(text: str) -> set[str]:  # cards repeat the headers; the rule is drawn to width
        return {w for w in text.split() if set(w) != {"─"}}

    assert words(part) == words(shown)


def test_a_file_left_out_for_a_duplicate_key_is_named_with_that_key(registry_copy) -> None:
    """YAML reads such a file (it keeps the last value), so the reason is the reading problem
    itself, not a shape the file would otherwise have had."""
    root = registry_copy("report-histories")
    artvin = root / "data" / "municipalities" / "artvin.yaml"
    text = artvin.read_text(encoding="utf-8")
    artvin.write_text(text.replace("kind: provincial\n", "name: Artvin\nkind: provincial\n"))

    code, out, _ = report(root, "--format", "json")

    assert code == 0
    assert json.loads(out)["left_out"] == [
        {
            "file": "data/municipalities/artvin.yaml",
            "kind": "municipality",
            "id": "artvin",
            "line": 3,
            "code": "duplicate-key",
            "reason": "duplicate key 'name' (first at line 2); YAML would silently keep only the "
            "last value",
            "affects": ["municipality", "totals"],
        }
    ]


def test_a_file_left_out_that_reads_well_again_sends_the_reader_to_validate(registry_copy) -> None:
    """Fixed since the index read it: no line to point at, and `spo validate` says the rest."""
    from spo.report.left_out import first_problem

    root = registry_copy("report-histories")
    artvin = root / "data" / "municipalities" / "artvin.yaml"

    problem = first_problem(artvin, "municipality", root)

    assert (problem.line, problem.code, problem.message.key) == (
        0,
        "unreadable",
        "read.changed-since-read",
    )
