"""The office's CSV opened by a real spreadsheet (issue 23): LibreOffice, headless, converts what
`export csv` and `--format csv` wrote to .xlsx, and openpyxl reads the cells back. Each value
lands in its own cell, the byte order mark is not part of the first header, no formula survives,
and under `--lang tr` no date is converted: the cell holds the registry's text.

LibreOffice is told how to read the file as Excel reads it on a double-click on a Turkish
machine: `;` (the list separator of the Turkish locale), UTF-8, Turkish locale, special numbers
(dates) detected, formulas evaluated. (Headless, without these filter options, LibreOffice
assumes `,` and a Western code page; a double-click in its window asks in the Text Import
dialog.) Skipped when LibreOffice (Debian's libreoffice-calc-nogui) is not installed.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import REGISTRIES, run_spo

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

# Separator, text delimiter ("), character set (76: UTF-8), first line, column formats (none),
# language (1055 Turkish, 1033 English US), quoted fields as text (no), detect special numbers.
FILTERS = {"tr": "CSV:59,34,76,1,,1055,false,true", "en": "CSV:44,34,76,1,,1033,false,true"}
NAME = '=HYPERLINK("https://evil.example/";"tıkla")'
SUMMARY = "@SUM(1+1); -2+3"


def _registry(tmp_path: Path) -> Path:
    root = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "sample", root)
    record = root / "data/projects/mahalle-mutfaklari.yaml"
    text = record.read_text(encoding="utf-8")
    text = text.replace("  tr: Mahalle Mutfakları\n", f"  tr: '{NAME}'\n")
    text = text.replace("  tr: Mahallelerde sıcak yemek sunan mutfaklar.\n", f"  tr: '{SUMMARY}'\n")
    record.write_text(text, encoding="utf-8")
    return root


def _csv_files(root: Path, folder: Path, lang: str) -> list[Path]:
    """What staff open: the export's tables, and a listing written to a file (`> file.csv`)."""
    run = run_spo("--root", str(root), "--lang", lang, "export", "csv", str(folder))
    assert run.exit_code == 0, run.stderr
    listing = folder / "aktarim-listesi.csv"
    with listing.open("wb") as file:
        subprocess.run(
            [sys.executable, "-m", "spo", "--lang", lang, "transfer", "list", "-f", "csv"],
            stdout=file,
            env={**os.environ, "SPO_ROOT": str(root)},
            check=True,
        )
    names = (
        "projects",
        "transfers",
        "engagements",
        "reported_figures",
        "municipalities",
        "provinces",
    )
    return [folder / f"{name}.csv" for name in names] + [listing]


def _converted(files: list[Path], lang: str, tmp_path: Path) -> Path:
    out = tmp_path / f"xlsx-{lang}"
    profile = (tmp_path / f"lo-profile-{lang}").as_uri()  # a fresh profile: no one's settings
    command = [
        str(SOFFICE),
        f"-env:UserInstallation={profile}",
        "--headless",
        f"--infilter={FILTERS[lang]}",
        "--convert-to",
        "xlsx",
        "--outdir",
        str(out),
        *map(str, files),
    ]
    subprocess.run(command, capture_output=True, timeout=300, check=False)
    missing = [f.name for f in files if not (out / f"{f.stem}.xlsx").exists()]
    assert not missing, f"LibreOffice did not convert {missing}"
    return out


def _written(path: Path, separator: str) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))


def _cells(path: Path) -> list[list[object]]:
    sheet = openpyxl.load_workbook(path).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def _same(value: object, text: str, decimal: str) -> bool:
    """Whether a cell read back holds what was written: a number the number written (with the
    decimal mark of its locale), anything else the very text."""
    if value is None:
        return text == ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(text.replace(decimal, ".")) == value
    return str(value) == text


def _row_as_written(cells: list[object], written: list[str], decimal: str) -> bool:
    return len(written) == len(cells) and all(
        _same(v, t, decimal) for v, t in zip(cells, written, strict=True)
    )


def test_turkish_excel_reads_every_value_into_its_own_cell_as_text(tmp_path: Path) -> None:
    files = _csv_files(_registry(tmp_path), tmp_path / "tablolar", "tr")
    out = _converted(files, "tr", tmp_path)

    for file in files:
        written = _written(file, ";")
        cells = _cells(out / f"{file.stem}.xlsx")
        width = len(written[0])
        # The same rows and columns: each value in its own cell, none spilled into column A.
        assert len(cells) == len(written), file.name
        for row, values in zip(cells, written, strict=True):
            assert _row_as_written((row + [None] * width)[:width], values, ","), (file.name, row)
            assert all(v is None for v in row[width:]), (file.name, row)
        # No date converted, and nothing a formula: every text is the text written.
        flat = [v for row in cells for v in row]
        assert not [v for v in flat if isinstance(v, datetime.date | datetime.time)], file.name
        workbook = openpyxl.load_workbook(out / f"{file.stem}.xlsx")
        kinds = {cell.data_type for row in workbook.active.iter_rows() for cell in row}
        assert "f" not in kinds, file.name
    projects = _cells(out / "projects.xlsx")
    assert projects[0][:3] == ["Kimlik", "Ad (Türkçe)", "Ad (İngilizce)"]  # no BOM in A1
    kitchens = next(row for row in projects if row[0] == "mahalle-mutfaklari")
    assert kitchens[1] == "'" + NAME
    assert kitchens[4] == "'" + SUMMARY
    transfers = _cells(out / "transfers.xlsx")
    assert transfers[1][:6] == [
        1,
        "mahalle-mutfaklari",
        "artvin",
        "Planlama desteği",
        "'2025-06",
        "'2024-11-05",
    ]


def test_an_english_csv_opens_with_commas_and_no_formula(tmp_path: Path) -> None:
    files = _csv_files(_registry(tmp_path), tmp_path / "tables", "en")
    out = _converted(files, "en", tmp_path)

    for file in files:
        written = _written(file, ",")
        workbook = openpyxl.load_workbook(out / f"{file.stem}.xlsx")
        rows = list(workbook.active.iter_rows())
        assert len(rows) == len(written), file.name
        for row, values in zip(rows, written, strict=True):
            # Dates are the analysts' ISO text, which a spreadsheet may show as dates: every
            # other cell holds what was written, in its own column.
            shown = [c.value for c in row][: len(values)]
            for value, text in zip(shown, values, strict=True):
                if not isinstance(value, datetime.date):
                    assert _same(value, text, "."), (file.name, value, text)
            assert "f" not in {cell.data_type for cell in row}, file.name
    kitchens = next(r for r in _cells(out / "projects.xlsx") if r[0] == "mahalle-mutfaklari")
    assert (kitchens[1], kitchens[4]) == ("'" + NAME, "'" + SUMMARY)
