"""A reviewer's edit of a project's fields, as `spo diff` words it: each field by its name in the
reader's language, vocabulary values by their labels, anything else as written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REGISTRIES, run_spo

EDITS = [
    ("status: active\n", "status: paused\n"),
    ("themes: [nutrition, poverty-reduction]\n", "themes: [nutrition, health]\n"),
    ("  en: Kitchens serving hot meals in neighbourhoods.\n", ""),
    ("service_model: neighbourhood-based\n", "service_model: neighbourhood-based\nfunding: il\n"),
]

EXPECTED = {
    "tr": """\
Kayıtlar
  Projeler
    Mahalle Mutfakları (mahalle-mutfaklari): değişti
      Özet › en silindi (önceki değeri 'Kitchens serving hot meals in neighbourhoods.')
      Durum: Sürüyor → Askıda
      Temalar listesinden çıkarıldı: Yoksullukla mücadele
      Temalar listesine eklendi: Sağlık
      'funding' eklendi: 'il'
""",
    "en": """\
Records
  Projects
    Neighbourhood Kitchens (mahalle-mutfaklari): changed
      Summary › en removed (was 'Kitchens serving hot meals in neighbourhoods.')
      Status: Active → Paused
      removed from Themes: Poverty reduction
      added to Themes: Health
      'funding' added: 'il'
""",
}


def _edited(tmp_path: Path) -> tuple[Path, Path]:
    """The sample registry, and a copy with the reviewer's edits of Mahalle Mutfakları."""
    base, head = tmp_path / "base", tmp_path / "head"
    shutil.copytree(REGISTRIES / "sample", base)
    shutil.copytree(base, head)
    record = head / "data" / "projects" / "mahalle-mutfaklari.yaml"
    text = record.read_text(encoding="utf-8")
    for before, after in EDITS:
        assert before in text
        text = text.replace(before, after)
    record.write_text(text, encoding="utf-8")
    return base, head


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_each_field_reads_in_the_readers_language(tmp_path: Path, lang: str) -> None:
    base, head = _edited(tmp_path)
    args = ("--base-dir", str(base), "--head-dir", str(head), "--as-of", "2026-01-01")

    run = run_spo("--lang", lang, "diff", *args)

    # The unknown key is a new schema error: exit 1, and the problems follow the records.
    assert run.exit_code == 1
    records = run.stdout.split("\n\n")[2] + "\n"
    assert records == EXPECTED[lang]


def test_a_long_pull_request_summary_stops_within_githubs_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GitHub refuses a job summary over 1 MiB: the Markdown's details stop after so many lines
    and say how many more there are; a file name cannot break out into HTML."""
    from spo.cli.render import diff_views

    base, head = _edited(tmp_path)
    odd = head / "data" / "projects" / "x`y` <b>z.yaml"
    odd.write_text("id: x\n", encoding="utf-8")
    monkeypatch.setattr(diff_views, "MARKDOWN_LINES", 4)
    args = ("--base-dir", str(base), "--head-dir", str(head), "--as-of", "2026-01-01")

    run = run_spo("--lang", "en", "diff", *args, "--format", "markdown")

    details = run.stdout.split("<summary>Details</summary>\n\n")[1]
    assert details.splitlines() == [
        "#### Records",
        "",
        "- **Projects**",
        "  - x\\`y\\` &lt;b&gt;z (x\\`y\\` &lt;b&gt;z): added",
        "    - the record cites no source",
        "  - Neighbourhood Kitchens (mahalle-mutfaklari): changed",
        "",
        "… and 12 more lines: run spo diff on your own machine for all of them.",
        "",
        "</details>",
    ]


DATED = {
    "tr": [
        "      yerinde inceleme ziyareti teması, ev sahibi Mersin Büyükşehir Belediyesi "
        "(2025-03-10): Tarih: '../2025-03-21' → '2025-03-10'",
        "      Kadın Ustalar aktarımının görüşme aşaması (2025-01-20): "
        "Tarih: '2025-01-15' → '2025-01-20'",
    ],
    "en": [
        "      study visit hosted by Mersin Büyükşehir Belediyesi (2025-03-10): "
        "Date: '../2025-03-21' → '2025-03-10'",
        "      transfer of Women Craftspeople, stage Inquiry (2025-01-20): "
        "Date: '2025-01-15' → '2025-01-20'",
    ],
}


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_a_corrected_date_is_one_change_not_an_event_removed_and_added(
    tmp_path: Path, lang: str
) -> None:
    base, head = tmp_path / "base", tmp_path / "head"
    shutil.copytree(REGISTRIES / "sample", base)
    shutil.copytree(base, head)
    record = head / "data" / "municipalities" / "istanbul-uskudar.yaml"
    text = record.read_text(encoding="utf-8")
    text = text.replace(
        '{stage: inquiry, date: "2025-01-15"}', '{stage: inquiry, date: "2025-01-20"}'
    )
    record.write_text(text.replace("date: ../2025-03-21   #", "date: 2025-03-10   #"), "utf-8")
    args = ("--base-dir", str(base), "--head-dir", str(head), "--as-of", "2026-01-01")

    run = run_spo("--lang", lang, "diff", *args)

    assert run.exit_code == 0
    assert run.stdout.splitlines()[-2:] == DATED[lang]


COMPLETE = """\
completeness:
  - records: study-visits
    to: "2025-03-21"
    source: https://example.org/liste
"""


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "      added to Records declared complete: 'records: study-visits, to: 2025-03-21, "
               "source: https://example.org/liste'"),
        ("tr", "      Eksiksiz olarak bildirilen kayıtlar listesine eklendi: 'records: "
               "study-visits, to: 2025-03-21, source: https://example.org/liste'"),
    ],
)  # fmt: skip
def test_a_statement_of_completeness_is_named_in_the_readers_language(
    tmp_path: Path, lang: str, line: str
) -> None:
    base, head = tmp_path / "base", tmp_path / "head"
    shutil.copytree(REGISTRIES / "sample", base)
    shutil.copytree(base, head)
    record = head / "data" / "municipalities" / "mersin-bb.yaml"
    record.write_text(record.read_text(encoding="utf-8") + COMPLETE, encoding="utf-8")
    args = ("--base-dir", str(base), "--head-dir", str(head), "--as-of", "2026-01-01")

    run = run_spo("--lang", lang, "diff", *args, env={"COLUMNS": "200"})

    assert run.exit_code == 0, run.stdout
    assert line in run.stdout.splitlines()
