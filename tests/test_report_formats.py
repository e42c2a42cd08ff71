"""How `spo report` reads: JSON for programs, Markdown for a pull request or a council memo, and
tables with a bar chart for the terminal.

The long outputs are compared with golden files in `tests/golden/report/`. After a deliberate
change, rewrite them with `SPO_UPDATE_GOLDEN=1 python -m pytest tests/test_report_formats.py` and
read the diff before committing it.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from spo.cli.render.report_json import format_json
from spo.cli.render.report_markdown import format_markdown
from spo.cli.render.report_table import bar
from spo.cli.words import turkish_ablative
from spo.model import Source
from spo.query.reading import read_registry
from spo.report import compute_report
from tests.conftest import REGISTRIES, TESTS, assert_golden, run_spo

GOLDEN = TESTS / "golden" / "report"


@pytest.fixture
def histories(tmp_path: Path) -> Path:
    root = tmp_path / "report-histories"
    shutil.copytree(REGISTRIES / "report-histories", root)
    return root


@pytest.mark.parametrize(
    ("args", "golden"),
    [
        (["report", "--as-of", "2025-06-30", "--format", "json"], "histories-2025-06-30.json"),
        (["report", "--as-of", "2025-06-30", "--format", "markdown"], "histories-2025-06-30.en.md"),
        (
            ["--lang", "tr", "report", "--as-of", "2025-06-30", "--format", "markdown"],
            "histories-2025-06-30.tr.md",
        ),
        (
            ["report", "--as-of", "2026-01-01", "--owner", "mersin-bb", "--format", "markdown"],
            "mersin-bb-2026-01-01.en.md",
        ),
        (
            ["report", "--as-of", "2026-01-01", "--owner", "mersin-bb", "--format", "json"],
            "mersin-bb-2026-01-01.json",
        ),
        (["report", "--as-of", "2025-06-30"], "histories-2025-06-30.en.txt"),
        (["report", "--as-of", "2024-02-29", "--lang", "tr"], "histories-2024-02-29.tr.txt"),
    ],
)
def test_a_report_reads_as_its_golden_file(histories: Path, args: list[str], golden: str) -> None:
    run = run_spo("--root", str(histories), *args)

    assert (run.exit_code, run.stderr) == (0, "")
    assert_golden(GOLDEN / golden, run.stdout)


def test_json_is_utf8_data_with_vocabulary_values_as_keys(histories: Path) -> None:
    run = run_spo("--root", str(histories), "report", "--as-of", "2025-06-30", "--format", "json")

    assert "Çanakkale" in run.stdout  # not escaped
    data = json.loads(run.stdout)
    assert list(data)[:14] == [
        "as_of",
        "owner",
        "offices",
        "completeness",
        "municipalities_hosted",
        "municipalities_hosted_by_kind",
        "municipalities_in_talks",
        "municipalities_in_talks_by_kind",
        "municipalities_supported",
        "municipalities_supported_by_kind",
        "municipalities_launched",
        "municipalities_launched_by_kind",
        "projects_transferred",
        "transfers_by_stage",
    ]
    assert data["visitors"] == {"total": 40, "engagements_without_count": 1}


def test_the_table_view_draws_transfers_by_stage_as_bars(histories: Path) -> None:
    run = run_spo("--root", str(histories), "report", "--as-of", "2025-06-30")

    lines = run.stdout.splitlines()
    start = lines.index("Transfers by stage")
    chart = [" ".join(line.split()) for line in lines[start + 3 : start + 11]]
    assert chart == [
        "Inquiry 3 " + "█" * 30,
        "Study visit 0",
        "Presentation 1 " + "█" * 10,
        "Planning support 1 " + "█" * 10,
        "Implementation support 1 " + "█" * 10,
        "Launched 0",
        "Paused 1 " + "█" * 10,
        "Dropped 1 " + "█" * 10,
    ]
    assert "\x1b[" not in run.stdout  # piped, NO_COLOR: plain text


@pytest.mark.parametrize(
    ("count", "largest", "drawn"),
    [
        (0, 5, ""),
        (5, 5, "█" * 30),
        (1, 3, "█" * 10),
        (1, 7, "████▎"),  # 30/7 = 4.29 characters, to the eighth
        (1, 1000, "▏"),  # never invisible
    ],
)
def test_a_bar_is_drawn_to_the_eighth_of_a_character(count: int, largest: int, drawn: str) -> None:
    assert bar(count, largest) == drawn


@pytest.mark.parametrize(
    ("number", "ablative"),
    [
        (0, "0'dan"),
        (1, "1'den"),
        (3, "3'ten"),
        (6, "6'dan"),
        (9, "9'dan"),
        (10, "10'dan"),
        (16, "16'dan"),
        (30, "30'dan"),
        (40, "40'tan"),
        (50, "50'den"),
        (60, "60'tan"),
        (70, "70'ten"),
        (100, "100'den"),
        (1000, "1000'den"),
        (1500, "1500'den"),
        (2_000_000, "2000000'dan"),
    ],
)
def test_more_than_reads_as_turkish_says_it(number: int, ablative: str) -> None:
    # "1000'den fazla ziyaretçi", "30'dan fazla proje", "40'tan fazla"
    assert turkish_ablative(number) == ablative


def test_a_pipe_in_a_source_does_not_break_the_markdown_table(histories: Path) -> None:
    report = compute_report(read_registry(histories), date(2025, 3, 21), "mersin-bb")
    check = replace(report.reported[0], source=Source(title="Haber | Mersin", url=None))
    text = format_markdown(replace(report, reported=(check,)), "en")

    assert "| met | Haber \\| Mersin |" in text


def test_an_empty_section_says_so_instead_of_an_empty_table(histories: Path) -> None:
    report = compute_report(read_registry(histories), date(2024, 2, 29))

    english, turkish = format_markdown(report, "en"), format_markdown(report, "tr")
    assert "## Most adopted projects\n\n_Nothing recorded as of this date._\n" in english
    assert "## Transfers by stage\n\n_Nothing recorded as of this date._\n" in english
    assert "| In talks | — | — | — | — | — |" in english  # not a row of zeros
    assert (
        "## En çok benimsenen projeler\n\n_Bu tarih itibarıyla kayıtlı bir şey yok._\n" in turkish
    )
    assert json.loads(format_json(report))["most_adopted_projects"] == []
