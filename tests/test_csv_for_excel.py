"""CSV for the office (issue 23): under `--lang tr`, `export csv` and every `--format csv` write
what Turkish Excel opens on a double-click (`;`, Turkish headers and labels, ids in their own
columns, dates kept as text); under `--lang en`, `,` and the registry's own names and values.
`--delimiter` overrides the separator alone. A byte order mark goes into a file or onto a
terminal, never into a pipe. The same column has the same name in both commands.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REGISTRIES, run_spo

Copy = Callable[[str], Path]
BOM = "\ufeff".encode()

TRANSFERS_TR = (
    "Kimlik;Proje;Belediye;Güncel aşama;Güncel aşama tarihi;Başlangıç tarihi;Not\r\n"
    "1;mahalle-mutfaklari;artvin;Planlama desteği;'2025-06;'2024-11-05;\r\n"
    "2;mahalle-mutfaklari;canakkale-lapseki-cardak;Hayata geçirildi;'2025-09-01;'2024-12;\r\n"
    "3;kadin-ustalar;istanbul-uskudar;Görüşme;'2025-01-15;'2025-01-15;\r\n"
    "4;bizizmir-dayanisma-noktalari;istanbul-uskudar;Vazgeçildi;'2025-07;'2025-04-01;\r\n"
)
TRANSFERS_EN = (
    "id,project,municipality,current_stage,current_date,started,note\r\n"
    "1,mahalle-mutfaklari,artvin,planning-support,2025-06,2024-11-05,\r\n"
    "2,mahalle-mutfaklari,canakkale-lapseki-cardak,launched,2025-09-01,2024-12,\r\n"
    "3,kadin-ustalar,istanbul-uskudar,inquiry,2025-01-15,2025-01-15,\r\n"
    "4,bizizmir-dayanisma-noktalari,istanbul-uskudar,dropped,2025-07,2025-04-01,\r\n"
)


@pytest.fixture
def sample(registry_copy: Copy) -> Path:
    return registry_copy("sample")


def _export(root: Path, folder: Path, lang: str, *more: str) -> str:
    run = run_spo("--root", str(root), "--lang", lang, "export", "csv", str(folder), *more)
    assert (run.exit_code, run.stderr) == (0, ""), run.stderr
    return run.stdout


# --- export csv ---------------------------------------------------------------------------------


def test_export_csv_in_turkish_is_for_turkish_excel(sample: Path, tmp_path: Path) -> None:
    said = _export(sample, tmp_path / "tablolar", "tr")

    assert said.splitlines()[0] == f"{tmp_path / 'tablolar' / 'provinces.csv'} yazıldı"
    folder = tmp_path / "tablolar"
    assert (folder / "transfers.csv").read_bytes() == BOM + TRANSFERS_TR.encode()
    # Vocabulary values as Turkish labels; ids, counts and row numbers as they are; a date known
    # only as "by" a day is no date to a spreadsheet, and stays as written.
    assert (folder / "engagements.csv").read_bytes() == BOM + (
        "Kimlik;Belediye;Tür;Ev sahibi;Tarih;Katılımcı;Not;Kaynak\r\n"
        "1;artvin;Yerinde inceleme ziyareti;mersin-bb;'2025-02-10;6;;15\r\n"
        "2;canakkale-lapseki-cardak;Toplantı;mersin-bb;'2025-01;2;;\r\n"
        "3;istanbul-uskudar;Yerinde inceleme ziyareti;mersin-bb;../2025-03-21;;;\r\n"
    ).encode()
    assert (folder / "reported_figures.csv").read_bytes() == BOM + (
        "Kimlik;Sahibi;Tarih;Ölçüt;Değer;Niteleme;Belediye türü;Not;Kaynak\r\n"
        "1;mersin-bb;'2025-03-21;Ağırlanan belediye;3;tam;;;16\r\n"
        "2;mersin-bb;'2025-06-30;Aktarılan proje;2;en az;;;17\r\n"
    ).encode()
    # A fraction with Turkish Excel's decimal comma (it reads "28.1" as the 28th of January);
    # a region by its Turkish name.
    provinces = (folder / "provinces.csv").read_bytes().decode("utf-8-sig").split("\r\n")
    assert provinces[:3] == [
        "Plaka;Ad;Büyükşehir;Bölge;Enlem;Boylam",
        "1;Adana;1;Akdeniz;37,0;35,32",
        "2;Adıyaman;0;Güneydoğu Anadolu;37,76;38,28",
    ]
    # A list column: each value's label, joined with "; " (and so quoted under ";").
    projects = (folder / "projects.csv").read_bytes().decode("utf-8-sig").split("\r\n")
    assert projects[0].split(";")[:4] == ["Kimlik", "Ad (Türkçe)", "Ad (İngilizce)", "Sahibi"]
    assert ';Sürüyor;2025;;"Beslenme ve gıda; Psikososyal destek";' in projects[1]
    # What each source backs, in words too ("Proje durumu", not "status").
    sources = (folder / "sources.csv").read_bytes().decode("utf-8-sig").split("\r\n")
    assert sources[0].split(";")[3] == "Dayanak olduğu"
    assert sorted({row.split(";")[3] for row in sources[1:] if row}) == [
        "Açıklanan rakam", "Belediye kaydı", "Proje durumu", "Proje kaydı", "Temas",
    ]  # fmt: skip


def test_export_csv_in_english_keeps_commas_names_and_values(sample: Path, tmp_path: Path) -> None:
    said = _export(sample, tmp_path / "tables", "en")

    assert said.splitlines()[0] == f"Wrote {tmp_path / 'tables' / 'provinces.csv'}"
    folder = tmp_path / "tables"
    assert (folder / "transfers.csv").read_bytes() == BOM + TRANSFERS_EN.encode()
    assert (folder / "partners.csv").read_bytes() == BOM + (
        "id,project,name,type,role,municipality,note,source\r\n"
        "1,bizizmir-dayanisma-noktalari,Lund Üniversitesi,university,implementer,,,\r\n"
    ).encode()


def test_a_delimiter_overrides_the_separator_alone(sample: Path, tmp_path: Path) -> None:
    _export(sample, tmp_path / "tr", "tr", "--delimiter", ",")
    _export(sample, tmp_path / "en", "en", "--delimiter", ";")

    assert (tmp_path / "tr" / "transfers.csv").read_bytes() == BOM + TRANSFERS_TR.replace(
        ";", ","
    ).encode()
    assert (tmp_path / "en" / "transfers.csv").read_bytes() == BOM + TRANSFERS_EN.replace(
        ",", ";"
    ).encode()


def test_export_sqlite_says_what_it_wrote_in_turkish(sample: Path, tmp_path: Path) -> None:
    run = run_spo("--root", str(sample), "--lang", "tr", "export", "sqlite", str(tmp_path / "a.db"))

    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == (f"{tmp_path / 'a.db'} yazıldı\n{tmp_path / 'metadata.json'} yazıldı\n")


@pytest.mark.parametrize(
    ("lang", "args", "message"),
    [
        (
            "tr",
            ["export", "csv", "{tmp}/t", "--delimiter", "ab"],
            "spo: --delimiter: 'ab' bir CSV ayırıcısı olamaz; tek bir işaret verin (; , | ya da "
            "sekme için \\t), tırnak, harf ya da rakam olmayan\n",
        ),
        (
            "en",
            ["project", "list", "-f", "csv", "--delimiter", '"'],
            "spo: --delimiter: '\"' cannot separate a CSV; give one mark (; , | or \\t for a tab) "
            "that is not a quote, a letter or a digit\n",
        ),
        (
            "tr",
            ["search", "mahalle", "-f", "json", "--delimiter", ";"],
            "spo: --delimiter yalnızca --format csv ile kullanılır (--format json verildi)\n",
        ),
        (
            "en",
            ["transfer", "list", "--delimiter", ";"],
            "spo: --delimiter goes only with --format csv (--format table was given)\n",
        ),
    ],
)
def test_a_delimiter_that_cannot_be_is_a_usage_error(
    sample: Path, tmp_path: Path, lang: str, args: list[str], message: str
) -> None:
    given = [a.replace("{tmp}", str(tmp_path)) for a in args]

    run = run_spo("--root", str(sample), "--lang", lang, *given)

    assert (run.exit_code, run.stdout, run.stderr) == (2, "", message)
    assert not (tmp_path / "t").exists()


def test_a_tab_can_be_named(sample: Path) -> None:
    run = run_spo("--root", str(sample), "transfer", "list", "-f", "csv", "--delimiter", "\\t")

    assert (
        run.stdout.splitlines()[0]
        == "project\tmunicipality\tcurrent_stage\tcurrent_date\thistory\tnote"
    )


# --- --format csv -------------------------------------------------------------------------------


def test_a_listing_in_turkish_has_turkish_headers_labels_and_dates_as_text(sample: Path) -> None:
    run = run_spo("--root", str(sample), "--lang", "tr", "transfer", "list", "-f", "csv")

    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == (
        "Proje;Belediye;Güncel aşama;Güncel aşama tarihi;Geçmiş;Not\n"
        "mahalle-mutfaklari;artvin;Planlama desteği;'2025-06;\"Görüşme 2024-11-05; Yerinde "
        'inceleme 2025-02-10; Sunum 2025-02-10; Planlama desteği 2025-06";\n'
        "mahalle-mutfaklari;canakkale-lapseki-cardak;Hayata geçirildi;'2025-09-01;\"Görüşme "
        '2024-12; Sunum 2025-03-01; Hayata geçirildi 2025-09-01";\n'
        "bizizmir-dayanisma-noktalari;istanbul-uskudar;Vazgeçildi;'2025-07;\"Görüşme 2025-04-01; "
        'Vazgeçildi 2025-07";\n'
        "kadin-ustalar;istanbul-uskudar;Görüşme;'2025-01-15;Görüşme 2025-01-15;\n"
    )


def test_search_in_turkish_names_types_and_fields_in_turkish(sample: Path) -> None:
    run = run_spo("--root", str(sample), "--lang", "tr", "search", "SICAK", "-f", "csv")

    assert run.stdout == (
        "Tür;Kimlik;Ad;Eşleştiği alanlar\n"
        "Proje;bizizmir-dayanisma-noktalari;Bizİzmir Dayanışma Noktaları;özet\n"
        "Proje;mahalle-mutfaklari;Mahalle Mutfakları;özet\n"
    )


@pytest.mark.parametrize(("lang", "plate"), [("en", "province"), ("tr", "İl plakası")])
def test_the_plate_has_one_name_in_both_commands(
    sample: Path, tmp_path: Path, lang: str, plate: str
) -> None:
    _export(sample, tmp_path / "t", lang)
    listed = run_spo("--root", str(sample), "--lang", lang, "municipality", "list", "-f", "csv")
    separator = ";" if lang == "tr" else ","

    exported = (tmp_path / "t" / "municipalities.csv").read_bytes().decode("utf-8-sig")
    header = listed.stdout.splitlines()[0].split(separator)
    assert exported.split("\r\n")[0].split(separator)[3] == plate
    assert header[3] == plate
    assert "province_plate" not in header
    # Every column both commands have is named alike (export's `kind`, `district`, ...).
    assert set(header) & set(exported.split("\r\n")[0].split(separator)) >= {plate, header[0]}


def test_the_python_api_keeps_the_registrys_own_names(sample: Path) -> None:
    from spo.export import tables
    from spo.export.files import csv_bytes
    from spo.query.reading import read_registry

    transfers = next(t for t in tables(read_registry(sample)) if t.name == "transfers")

    assert csv_bytes(transfers) == BOM + TRANSFERS_EN.encode()


# --- the byte order mark: a file or a terminal, never a pipe ------------------------------------


def _spo_process(sample: Path, stdout: int | object, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SPO_LANG": "tr", "SPO_ROOT": str(sample)}
    return subprocess.run(
        [sys.executable, "-m", "spo", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env,
        check=False,
    )


def test_a_pipe_gets_no_byte_order_mark_and_a_file_gets_one(sample: Path, tmp_path: Path) -> None:
    piped = _spo_process(sample, subprocess.PIPE, "transfer", "list", "-f", "csv")
    with (tmp_path / "aktarimlar.csv").open("wb") as file:  # `> aktarimlar.csv`
        written = _spo_process(sample, file, "transfer", "list", "-f", "csv")
    again = _spo_process(sample, subprocess.PIPE, "transfer", "list", "-f", "csv")  # kept

    assert (piped.returncode, piped.stderr, written.returncode, written.stderr) == (0, b"", 0, b"")
    assert piped.stdout.startswith(b"Proje;Belediye;")
    assert (tmp_path / "aktarimlar.csv").read_bytes() == BOM + piped.stdout
    assert again.stdout == piped.stdout


def test_a_search_into_a_file_gets_a_byte_order_mark(sample: Path, tmp_path: Path) -> None:
    with (tmp_path / "bulunan.csv").open("wb") as file:
        _spo_process(sample, file, "search", "SICAK", "-f", "csv")

    assert (tmp_path / "bulunan.csv").read_bytes() == BOM + (
        "Tür;Kimlik;Ad;Eşleştiği alanlar\r\n"
        "Proje;bizizmir-dayanisma-noktalari;Bizİzmir Dayanışma Noktaları;özet\r\n"
        "Proje;mahalle-mutfaklari;Mahalle Mutfakları;özet\r\n"
    ).encode()


# --- hostile cells ------------------------------------------------------------------------------

NAME = '=HYPERLINK("https://evil.example/";"tıkla")'
SUMMARY = "@SUM(1+1); -2+3"


def _hostile(tmp_path: Path) -> Path:
    import shutil

    root = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "sample", root)
    record = root / "data/projects/mahalle-mutfaklari.yaml"
    text = record.read_text(encoding="utf-8")
    text = text.replace("  tr: Mahalle Mutfakları\n", f"  tr: '{NAME}'\n")
    text = text.replace("  tr: Mahallelerde sıcak yemek sunan mutfaklar.\n", f"  tr: '{SUMMARY}'\n")
    record.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_formula_like_cells_are_text_under_either_separator(tmp_path: Path, lang: str) -> None:
    import csv
    import io

    root = _hostile(tmp_path)
    _export(root, tmp_path / "t", lang)
    separator = ";" if lang == "tr" else ","

    text = (tmp_path / "t" / "projects.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    kitchens = next(r for r in rows if r[0] == "mahalle-mutfaklari")
    assert kitchens[1] == "'" + NAME
    assert kitchens[4] == "'" + SUMMARY
    assert len(kitchens) == len(rows[0])


def test_a_terminal_gets_a_byte_order_mark(sample: Path) -> None:
    import pty

    main, other = pty.openpty()
    try:
        shown = _spo_process(sample, other, "search", "SICAK", "-f", "csv")
        os.close(other)
        seen = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the terminal's other end is closed: all was read
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(main)

    assert shown.returncode == 0
    assert seen.startswith(BOM + "Tür;Kimlik;Ad;".encode())
