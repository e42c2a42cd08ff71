"""A spreadsheet never runs a record's text as a formula (issue 23, OWASP's CSV-injection advice):
a text cell that starts with `=`, `+`, `-` or `@` is written with an apostrophe before it, in
`export csv` and in every `--format csv`, so Excel and LibreOffice show it as the text it is.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from spo.export.spreadsheet import as_text
from tests.conftest import REGISTRIES, run_spo

NAME = '=HYPERLINK("https://evil.example/";"tıkla")'
SUMMARY = "@SUM(1+1) ve -2+3"


def _registry(tmp_path: Path) -> Path:
    root = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "sample", root)
    record = root / "data/projects/mahalle-mutfaklari.yaml"
    text = record.read_text(encoding="utf-8")
    text = text.replace("  tr: Mahalle Mutfakları\n", f"  tr: '{NAME}'\n")
    text = text.replace("  tr: Mahallelerde sıcak yemek sunan mutfaklar.\n", f"  tr: '{SUMMARY}'\n")
    record.write_text(text, encoding="utf-8")
    return root


def _rows(data: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.lstrip("\ufeff"), newline="")))


def test_export_csv_writes_formula_like_text_as_text(tmp_path: Path) -> None:
    root = _registry(tmp_path)
    folder = tmp_path / "csv"

    run = run_spo("--root", str(root), "export", "csv", str(folder))

    assert run.exit_code == 0, run.stderr
    rows = _rows((folder / "projects.csv").read_text(encoding="utf-8"))
    header = rows[0]
    kitchens = next(r for r in rows if r[0] == "mahalle-mutfaklari")
    assert kitchens[header.index("name_tr")] == "'" + NAME
    assert kitchens[header.index("summary_tr")] == "'" + SUMMARY
    # Nothing else moves: ids, dates and counts are as they were.
    assert kitchens[header.index("owner")] == "mersin-bb"


def test_a_listing_as_csv_writes_formula_like_text_as_text(tmp_path: Path) -> None:
    root = _registry(tmp_path)

    run = run_spo("--root", str(root), "project", "list", "--format", "csv")

    assert run.exit_code == 0, run.stderr
    rows = _rows(run.stdout)
    kitchens = next(r for r in rows if r[0] == "mahalle-mutfaklari")
    assert "'" + NAME in kitchens
    assert NAME not in kitchens


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+90 dış hat", "'+90 dış hat"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+2", "'\t=1+2"),
        ("\r=1+2", "'\r=1+2"),
        ("Mahalle Mutfakları", "Mahalle Mutfakları"),
        ("2025-03-21", "2025-03-21"),
        ("../2025-03-21", "../2025-03-21"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_only_a_cell_a_spreadsheet_would_calculate_changes(cell: str, written: str) -> None:
    assert as_text(cell) == written


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("2025-03-21", "'2025-03-21"),
        ("2025-06", "'2025-06"),
        ("2025-03-21T10:30", "'2025-03-21T10:30"),
        ("2025-03-21 10:30:15", "'2025-03-21 10:30:15"),
        ("2024", "2024"),
        ("../2025-03-01", "../2025-03-01"),
        ("2025-03-21 toplantısı", "2025-03-21 toplantısı"),
        ("=1+2", "'=1+2"),
        ("mersin-bb", "mersin-bb"),
    ],
)
def test_for_the_office_a_date_stays_the_registrys_text(cell: str, written: str) -> None:
    """Under --lang tr (`dates_as_text`): Excel and LibreOffice convert what looks like an ISO
    date, a month included, so it gets the formula's apostrophe; nothing else does."""
    assert as_text(cell, dates_as_text=True) == written
