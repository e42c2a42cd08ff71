"""What a write may produce: a record that `spo validate` and every reader of the registry still
accept (issue 22, items 2, 3, 4 and the empty read of item 14).

A write re-checks the very bytes it would leave with validate's per-file checks, size included;
counts have a maximum that SQLite and the report hold; an id is short enough to be a file name,
and a name too long to make one gets a shorter id proposed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from spo.cli import prompts
from spo.files.loader import MAX_FILE_BYTES
from spo.rules.schemas import MAX_COUNT, MAX_ID_LENGTH
from spo.writing import editing
from tests.conftest import run_spo
from tests.test_write_faults import tree

ARTVIN = "data/municipalities/artvin.yaml"
MEETING = ("engagement", "add", "--to", "artvin", "--host", "mersin-bb", "--kind", "meeting")
MEETING += ("--date", "2025-03-01", "-y")


def padded(path: Path, size: int) -> bytes:
    """The record with comment lines added until it is exactly `size` bytes."""
    body = path.read_bytes()
    line = b"# " + b"x" * 97 + b"\n"
    body += line * ((size - len(body)) // len(line))
    body += b"#" + b"x" * (size - len(body) - 2) + b"\n"
    assert len(body) == size
    path.write_bytes(body)
    return body


# --- item 3: a write that would make the file too large ------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            f"spo: nothing written to {ARTVIN}: the change would make the file invalid:\n"
            "  file is 1,048,617 bytes; a registry file may be at most 1,048,576\n",
        ),
        (
            "tr",
            f"spo: {ARTVIN} dosyasına hiçbir şey yazılmadı: bu değişiklik dosyayı geçersiz "
            "kılar:\n  dosya 1.048.617 bayt; bir kayıt dosyası en çok 1.048.576 bayt olabilir\n",
        ),
    ],
)
def test_item_3_a_write_that_would_make_a_valid_file_too_large_is_refused(
    registry_copy, lang: str, said: str
) -> None:
    root = registry_copy("sample")
    before = padded(root / ARTVIN, 1_048_556)
    assert run_spo("--root", str(root), "validate", str(root / ARTVIN)).exit_code == 0

    run = run_spo("--root", str(root), "--lang", lang, *MEETING)

    assert (run.exit_code, run.stdout, run.stderr) == (1, "", said)
    assert (root / ARTVIN).read_bytes() == before
    assert MAX_FILE_BYTES == 1_048_576


def test_a_write_to_a_file_that_stays_within_the_limit_goes_through(registry_copy) -> None:
    root = registry_copy("sample")
    padded(root / ARTVIN, MAX_FILE_BYTES - 61)  # the meeting's lines are 61 bytes

    run = run_spo("--root", str(root), *MEETING)

    assert (run.exit_code, run.stderr) == (0, "")
    assert (root / ARTVIN).stat().st_size == MAX_FILE_BYTES
    assert run_spo("--root", str(root), "validate", str(root / ARTVIN)).exit_code == 0


# --- item 2: counts have a maximum every reader holds --------------------------------------------

HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "spo: --participants: the number is more than 10,000,000; give a whole number from "
            "0 to 10,000,000\n",
        ),
        (
            "tr",
            "spo: --participants: bu sayı 10.000.000 sayısından büyük; 0 ile 10.000.000 arasında "
            "bir tam sayı yazın\n",
        ),
    ],
)
def test_item_2_a_participant_count_above_the_maximum_is_refused_by_the_option(
    registry_copy, tmp_path: Path, lang: str, said: str
) -> None:
    root = registry_copy("sample")
    before = tree(tmp_path)

    run = run_spo("--root", str(root), "--lang", lang, *MEETING, "--participants", HUGE)

    assert (run.exit_code, run.stdout, run.stderr) == (2, "", said)
    assert tree(tmp_path) == before


def test_the_maximum_itself_is_written_and_exported(registry_copy, tmp_path: Path) -> None:
    root = registry_copy("sample")

    run = run_spo("--root", str(root), *MEETING, "--participants", str(MAX_COUNT))

    assert (run.exit_code, run.stderr) == (0, "")
    assert run_spo("--root", str(root), "validate").exit_code == 0
    database = tmp_path / "spo.db"
    assert run_spo("--root", str(root), "export", "sqlite", str(database)).exit_code == 0
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT max(participants) FROM engagements").fetchone() == (MAX_COUNT,)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "{file}:9:19: error: 'participants' is 99999999999999999999; it must be at most "
            "10000000 [schema] at $.engagements[0].participants\n"
            "{file}:28:12: error: 'value' is 10000001; it must be at most 10000000 [schema] at "
            "$.reported_figures[0].value\n"
            "1 file checked, 2 problems (2 errors, 0 warnings)\n",
        ),
        (
            "tr",
            "{file}:9:19: hata: 'participants' alanı 99999999999999999999 olamaz; en çok 10000000 "
            "olabilir [schema] ($.engagements[0].participants konumunda)\n"
            "{file}:28:12: hata: 'value' alanı 10000001 olamaz; en çok 10000000 olabilir [schema] "
            "($.reported_figures[0].value konumunda)\n"
            "1 dosya denetlendi, 2 sorun (2 hata, 0 uyarı)\n",
        ),
    ],
)
def test_validate_refuses_counts_and_figures_above_the_maximum(
    registry_copy, lang: str, said: str
) -> None:
    root = registry_copy("sample")
    path = root / ARTVIN
    text = path.read_text(encoding="utf-8").replace("participants: 6", f"participants: {HUGE}")
    text += (
        'reported_figures:\n  - date: "2025-03-01"\n    metric: visitors\n'
        f"    value: {MAX_COUNT + 1}\n    qualifier: as-stated\n"
        "    source: https://example.org/haber/1\n"
    )
    path.write_text(text, encoding="utf-8")

    run = run_spo("--root", str(root), "--lang", lang, "validate", str(path))

    assert (run.exit_code, run.stdout) == (1, said.format(file=path))


def test_in_a_terminal_a_count_above_the_maximum_is_asked_again(registry_copy, monkeypatch) -> None:
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)
    root = registry_copy("sample")
    options = ("--to", "artvin", "--host", "mersin-bb", "--date", "2025-05-06", "--yes")

    run = run_spo("--root", str(root), "engagement", "add", *options, input=f"2\n{HUGE}\n12\n\n\n")

    assert run.exit_code == 0
    assert run.stderr == (
        "that is more than 10,000,000; type a number from 0 to 10,000,000 (or leave it empty if "
        "no source gives one)\n"
        "The same without questions:\n"
        f"  spo --root {root} engagement add --to artvin --host mersin-bb --kind meeting "
        "--date 2025-05-06 --participants 12\n"
    )
    assert "    participants: 12\n" in (root / ARTVIN).read_text(encoding="utf-8")


# --- item 4: ids are short enough to be file names -----------------------------------------------

PROJECT = ("--owner", "mersin-bb", "--summary", "Bir mutfak.", "--status", "unknown")
LONG_NAME = " ".join(["Mahalle"] * 80)
SHORTER = "-".join(["mahalle"] * 8)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "spo: an id may be at most 64 characters (it names the record's file), and this one "
            f"would have 639: give a shorter one with --id, such as --id {SHORTER}; nothing was "
            "created\n",
        ),
        (
            "tr",
            "spo: bir kimlik en çok 64 karakter olabilir (kaydın dosya adıdır), bu ise 639 "
            f"karakter olurdu: --id ile daha kısa bir kimlik verin, örneğin --id {SHORTER}; "
            "hiçbir şey oluşturulmadı\n",
        ),
    ],
)
def test_item_4_a_name_too_long_for_an_id_is_refused_with_a_shorter_id_proposed(
    registry_copy, tmp_path: Path, lang: str, said: str
) -> None:
    root = registry_copy("sample")
    before = tree(tmp_path)

    run = run_spo(
        "--root", str(root), "--lang", lang, "project", "new", "--name", LONG_NAME, *PROJECT
    )

    assert (run.exit_code, run.stdout, run.stderr) == (2, "", said)
    assert tree(tmp_path) == before
    assert len(SHORTER) <= MAX_ID_LENGTH


def test_the_proposed_id_is_taken(registry_copy) -> None:
    root = registry_copy("sample")

    run = run_spo(
        "--root", str(root), "project", "new", "--name", LONG_NAME, "--id", SHORTER, *PROJECT
    )

    assert run.exit_code == 0
    assert run.stdout.startswith(f"Created data/projects/{SHORTER}.yaml:\n")
    assert run_spo("--root", str(root), "validate").exit_code == 0


def test_in_a_terminal_the_shorter_id_is_shown_and_used_once_confirmed(
    registry_copy, monkeypatch
) -> None:
    root = registry_copy("sample")
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)
    answers = "\n".join([LONG_NAME, "mersin-bb", "Bir mutfak.", "unknown", "", "y"]) + "\n"

    run = run_spo("--root", str(root), "project", "new", input=answers)

    assert run.exit_code == 0, run.stderr
    assert (
        "This name is too long for an id (at most 64 characters); the record's id will be "
        f"'{SHORTER}' (give another with --id)\n"
    ) in run.stderr
    assert f"id: {SHORTER}\n" in run.stdout  # the file shown before it is confirmed
    assert (root / f"data/projects/{SHORTER}.yaml").is_file()


def test_an_id_of_300_letters_is_refused_before_anything_touches_the_disk(
    registry_copy, tmp_path: Path
) -> None:
    root = registry_copy("sample")
    before = tree(tmp_path)

    run = run_spo("--root", str(root), "project", "new", "--name", "x", "--id", "a" * 300, *PROJECT)

    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "spo: an id may be at most 64 characters (it names the record's file), and this one "
        f"would have 300: give a shorter one with --id, such as --id {'a' * 64}; nothing was "
        "created\n"
    )
    assert tree(tmp_path) == before


def test_a_town_too_long_for_an_id_is_refused(registry_copy, tmp_path: Path) -> None:
    root = registry_copy("sample")
    before = tree(tmp_path)
    town = " ".join(["Uzunköy"] * 30)

    run = run_spo(
        "--root", str(root), "municipality", "new", "--province", "Çanakkale", "--district",
        "Lapseki", "--town", town,
    )  # fmt: skip

    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "spo: an id may be at most 64 characters (it names the record's file), and this one "
        "would have 257; nothing was created\n"
    )
    assert tree(tmp_path) == before


@pytest.mark.parametrize(
    "args",
    [
        ("transfer", "add", "--project", "a" * 300, "--to", "artvin", "--stage", "inquiry"),
        ("municipality", "show", "a" * 300),
        ("project", "show", "a" * 300),
    ],
)
def test_a_300_letter_id_typed_where_an_id_goes_is_unknown(registry_copy, args) -> None:
    root = registry_copy("sample")

    run = run_spo("--root", str(root), *args)

    assert run.exit_code == 2
    assert run.stderr.startswith("spo: no ")


def test_validate_says_an_id_is_too_long_without_quoting_it(registry_copy) -> None:
    root = registry_copy("sample")
    path = root / "data/projects/kadin-ustalar.yaml"
    text = path.read_text(encoding="utf-8").replace("owner: mersin-bb", f"owner: {'a' * 100}")
    path.write_text(text, encoding="utf-8")

    run = run_spo("--root", str(root), "validate", str(path))

    assert "error: 'owner' is 100 characters long; it may be at most 64 [schema] at $.owner\n" in (
        run.stdout
    )


# --- item 14: an editor saving in place while spo reads ------------------------------------------


def test_a_file_found_empty_is_read_again_and_the_write_goes_through(
    registry_copy, monkeypatch
) -> None:
    """An editor saving in place empties the file, then writes it: spo reads it again."""
    root = registry_copy("sample")
    path = root / ARTVIN
    saved = path.read_bytes()
    path.write_bytes(b"")
    original = editing._read

    def editor_finishes_saving(*args):
        try:
            return original(*args)
        finally:
            path.write_bytes(saved)

    monkeypatch.setattr(editing, "_read", editor_finishes_saving)
    monkeypatch.setattr(editing, "EMPTY_PAUSE_SECONDS", 0)

    run = run_spo("--root", str(root), *MEETING)

    assert (run.exit_code, run.stderr) == (0, "")
    assert path.read_bytes().startswith(saved.split(b"transfers:")[0])
    assert b"kind: meeting" in path.read_bytes()


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            f"spo: nothing written to {ARTVIN}: the file was empty each of the 3 times spo read "
            "it: another program (an editor) may be saving it; try again once it has saved, or "
            "restore the file if its content is lost (from git, say)\n",
        ),
        (
            "tr",
            f"spo: {ARTVIN} dosyasına hiçbir şey yazılmadı: dosya, spo onu her okuduğunda (3 kez) "
            "boştu: başka bir program (bir düzenleyici) onu kaydediyor olabilir; kaydetmesi "
            "bitince yeniden deneyin, içeriği kaybolduysa dosyayı geri yükleyin (örneğin git "
            "ile)\n",
        ),
    ],
)
def test_item_14_a_file_that_stays_empty_is_refused_without_a_line_0(
    registry_copy, monkeypatch, lang: str, said: str
) -> None:
    root = registry_copy("sample")
    (root / ARTVIN).write_bytes(b"")
    monkeypatch.setattr(editing, "EMPTY_PAUSE_SECONDS", 0)

    run = run_spo("--root", str(root), "--lang", lang, *MEETING)

    assert (run.exit_code, run.stdout, run.stderr) == (1, "", said)
    assert (root / ARTVIN).read_bytes() == b""
