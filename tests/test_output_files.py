"""Where spo writes what the user asks for (`report -o`, `export`, `schema --write`, `init`), and
what a full disk or a read-only folder leaves (issue 22, items 5, 6 and 14).

A device, a FIFO or a socket is never replaced by a file (nor opened); a record's folder takes
no report; an existing file is replaced only with --force; every output is written under a
temporary name beside its place and moved onto it once whole, so a failure says why in one line
(exit 1) and leaves nothing behind. `spo init` says what it wrote and what was there already.
"""

from __future__ import annotations

import errno
import os
import socket
import tempfile
from pathlib import Path

import pytest

from spo.writing import outputs
from tests.conftest import run_spo
from tests.test_write_faults import tree

KESKIN = ("--province", "Kırıkkale", "--district", "Keskin", "--source", "https://keskin.bel.tr")


def refuse_every_write(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should a refusal fail, nothing may touch the target: no output is written at all."""

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("an output was written")

    monkeypatch.setattr(outputs, "write_files", never)
    monkeypatch.setattr(os, "replace", never)
    monkeypatch.setattr(os, "rename", never)


def disk_fails(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """A full disk (the data do not reach it), or a folder where no file can be made."""

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    if code == errno.ENOSPC:
        monkeypatch.setattr(os, "fsync", fail)
    else:
        monkeypatch.setattr(tempfile, "mkstemp", fail)
        monkeypatch.setattr(tempfile, "mkdtemp", fail)


# --- item 6: output targets ----------------------------------------------------------------------


def test_item_6_report_o_into_a_record_folder_is_refused_and_the_record_kept(
    registry_copy,
) -> None:
    root = registry_copy("sample")
    record = root / "data/projects/kadin-ustalar.yaml"
    before = tree(root)

    run = run_spo(
        "--root", str(root), "report", "--format", "markdown", "-o", str(record), "--force"
    )

    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        f"spo: {record} is inside the registry's data folder ({(root / 'data').resolve()}), "
        "where only spo's write commands put records; choose another place\n"
    )
    assert tree(root) == before


def test_any_registrys_data_folder_is_refused_in_turkish_too(registry_copy, tmp_path) -> None:
    root = registry_copy("sample")
    other = registry_copy("views")
    target = other / "data/municipalities/rapor.md"

    run = run_spo(
        "--root", str(root), "--lang", "tr", "report", "-f", "markdown", "-o", str(target)
    )

    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        f"spo: {target}, kaydın veri klasörünün ({(other / 'data').resolve()}) içinde; oraya "
        "yalnızca spo'nun yazma komutları kayıt yazar; başka bir yer seçin\n"
    )
    assert not target.exists()


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_report_o_replaces_an_existing_file_only_with_force(
    registry_copy, tmp_path: Path, lang: str
) -> None:
    root = registry_copy("sample")
    out = tmp_path / "rapor.md"
    out.write_text("eski\n", encoding="utf-8")
    report = ("--root", str(root), "--lang", lang, "report", "-f", "markdown", "-o", str(out))

    refused = run_spo(*report)

    said = {
        "en": f"spo: {out} already exists; add --force to replace it\n",
        "tr": f"spo: {out} zaten var; yerine yenisini yazmak için --force ekleyin\n",
    }
    assert (refused.exit_code, refused.stdout, refused.stderr) == (2, "", said[lang])
    assert out.read_text(encoding="utf-8") == "eski\n"

    forced = run_spo(*report, "--force")

    assert (forced.exit_code, forced.stderr) == (0, "")
    assert out.read_text(encoding="utf-8").startswith("#")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapor.md", "sample"]


def special_files(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    sock = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    server.close()
    return {"fifo": fifo, "socket": sock, "device": Path("/dev/null")}


SPECIAL = ["fifo", "socket", "device"]


SPECIAL_SAID = {
    "en": "spo: {target} is not a regular file (a device, a FIFO or a socket); spo writes only "
    "regular files and leaves it as it is\n",
    "tr": "spo: {target} sıradan bir dosya değil (bir aygıt, FIFO ya da soket); spo yalnızca "
    "sıradan dosyalara yazar ve onu olduğu gibi bırakır\n",
}
WRITERS = {
    "report": ("report", "-f", "json", "-o", "{target}", "--force"),
    "export": ("export", "sqlite", "{target}", "--force"),
}


@pytest.mark.parametrize("lang", ["en", "tr"])
@pytest.mark.parametrize("command", list(WRITERS))
@pytest.mark.parametrize("kind", SPECIAL)
def test_item_6_a_device_fifo_or_socket_is_refused_untouched_even_with_force(
    registry_copy, tmp_path: Path, monkeypatch, kind: str, command: str, lang: str
) -> None:
    root = registry_copy("sample")
    target = special_files(tmp_path)[kind]
    mode = os.stat(target).st_mode
    refuse_every_write(monkeypatch)
    args = [a.format(target=target) for a in WRITERS[command]]

    run = run_spo("--root", str(root), "--lang", lang, *args)

    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == SPECIAL_SAID[lang].format(target=target)
    assert os.stat(target).st_mode == mode


def test_export_csv_into_a_record_folder_is_refused(registry_copy) -> None:
    root = registry_copy("sample")
    before = tree(root)

    run = run_spo("--root", str(root), "export", "csv", str(root / "data/tables"))

    assert run.exit_code == 2
    assert "is inside the registry's data folder" in run.stderr
    assert tree(root) == before


# --- item 5: full disks, read-only file systems, refused permissions ----------------------------

FAILURES = [
    (errno.ENOSPC, "the disk is full"),
    (errno.EROFS, "the file system is read-only"),
    (errno.EACCES, "permission denied"),
]


@pytest.mark.parametrize(("code", "cause"), FAILURES)
def test_item_5_export_csv_that_fails_leaves_no_folder(
    registry_copy, tmp_path: Path, monkeypatch, code: int, cause: str
) -> None:
    root = registry_copy("sample")
    folder = tmp_path / "tables"
    before = tree(tmp_path)
    disk_fails(monkeypatch, code)

    run = run_spo("--root", str(root), "export", "csv", str(folder))
    monkeypatch.undo()

    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr == f"spo: cannot write {folder}: {cause}; nothing was written\n"
    assert tree(tmp_path) == before


def test_export_csv_over_an_earlier_export_that_fails_keeps_it_whole(
    registry_copy, tmp_path: Path, monkeypatch
) -> None:
    root = registry_copy("sample")
    folder = tmp_path / "tables"
    assert run_spo("--root", str(root), "export", "csv", str(folder)).exit_code == 0
    before = tree(tmp_path)
    disk_fails(monkeypatch, errno.ENOSPC)

    run = run_spo("--root", str(root), "export", "csv", str(folder), "--force")
    monkeypatch.undo()

    assert (run.exit_code, run.stderr) == (
        1,
        f"spo: cannot write {folder}: the disk is full; nothing was written\n",
    )
    assert tree(tmp_path) == before


@pytest.mark.parametrize(("code", "cause"), FAILURES)
def test_item_5_export_sqlite_that_fails_leaves_nothing(
    registry_copy, tmp_path: Path, monkeypatch, code: int, cause: str
) -> None:
    root = registry_copy("sample")
    target = tmp_path / "out" / "spo.db"
    target.parent.mkdir()
    disk_fails(monkeypatch, code)

    run = run_spo("--root", str(root), "export", "sqlite", str(target))
    monkeypatch.undo()

    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr == f"spo: cannot write {target}: {cause}; nothing was written\n"
    assert list(target.parent.iterdir()) == []


def test_sqlites_own_full_disk_is_said_as_a_full_disk(
    registry_copy, tmp_path: Path, monkeypatch
) -> None:
    import sqlite3

    from spo.export import files

    def full(*args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(files, "_fill", full)
    root = registry_copy("sample")
    target = tmp_path / "spo.db"

    run = run_spo("--root", str(root), "--lang", "tr", "export", "sqlite", str(target))

    assert (run.exit_code, run.stderr) == (
        1,
        f"spo: {target} yazılamadı: diskte yer kalmadı; hiçbir şey yazılmadı\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample"]


@pytest.mark.parametrize(("code", "cause"), FAILURES)
def test_report_o_that_fails_leaves_the_earlier_file(
    registry_copy, tmp_path: Path, monkeypatch, code: int, cause: str
) -> None:
    root = registry_copy("sample")
    out = tmp_path / "rapor.md"
    out.write_text("eski\n", encoding="utf-8")
    disk_fails(monkeypatch, code)

    run = run_spo("--root", str(root), "report", "-f", "markdown", "-o", str(out), "--force")
    monkeypatch.undo()

    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr == f"spo: cannot write {out}: {cause}; nothing was written\n"
    assert out.read_text(encoding="utf-8") == "eski\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapor.md", "sample"]


@pytest.mark.parametrize(("code", "cause"), FAILURES)
def test_item_5_init_that_fails_leaves_no_half_registry(
    tmp_path: Path, monkeypatch, code: int, cause: str
) -> None:
    root = tmp_path / "keskin"
    disk_fails(monkeypatch, code)

    run = run_spo("init", str(root), *KESKIN)
    monkeypatch.undo()

    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr == f"spo: cannot write {root}: {cause}; nothing was written\n"
    assert list(tmp_path.iterdir()) == []


def test_init_in_an_existing_folder_that_fails_leaves_it_as_it_was(
    tmp_path: Path, monkeypatch
) -> None:
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    before = tree(tmp_path)
    disk_fails(monkeypatch, errno.ENOSPC)

    run = run_spo("init", str(tmp_path), *KESKIN)
    monkeypatch.undo()

    assert (run.exit_code, run.stderr) == (
        1,
        f"spo: cannot write {tmp_path}: the disk is full; nothing was written\n",
    )
    assert tree(tmp_path) == before


@pytest.mark.parametrize(("code", "cause"), FAILURES)
def test_item_5_schema_write_that_fails_leaves_nothing(
    tmp_path: Path, monkeypatch, code: int, cause: str
) -> None:
    folder = tmp_path / "schemas"
    disk_fails(monkeypatch, code)

    run = run_spo("schema", "--write", str(folder))
    monkeypatch.undo()

    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr == f"spo: cannot write {folder}: {cause}; nothing was written\n"
    assert list(tmp_path.iterdir()) == []


def test_schema_write_replaces_schemas_only_with_force(tmp_path: Path) -> None:
    folder = tmp_path / "schemas"
    folder.mkdir()
    (folder / "project.schema.json").write_text("{}\n", encoding="utf-8")

    refused = run_spo("schema", "--write", str(folder))

    assert (refused.exit_code, refused.stderr) == (
        2,
        f"spo: {folder / 'project.schema.json'} already exists; add --force to replace it\n",
    )
    assert [p.name for p in folder.iterdir()] == ["project.schema.json"]
    assert run_spo("schema", "--write", str(folder), "--force").exit_code == 0
    assert (folder / "project.schema.json").read_text(encoding="utf-8") != "{}\n"


# --- item 14: what init wrote and what it left ---------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_item_14_init_lists_the_files_it_left_apart_from_those_it_wrote(
    tmp_path: Path, lang: str
) -> None:
    (tmp_path / "README.md").write_text("# Bizim ofis\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("*.pdf\n", encoding="utf-8")

    run = run_spo("--lang", lang, "init", str(tmp_path), *KESKIN)

    assert (run.exit_code, run.stderr) == (0, "")
    written = [
        "schemas/project.schema.json",
        "schemas/municipality.schema.json",
        ".pre-commit-config.yaml",
        ".github/workflows/validate.yml",
        "data/projects/.gitkeep",
        "data/municipalities/kirikkale-keskin.yaml",
    ]
    heads = {
        "en": (
            f"Started a registry in {tmp_path} for kirikkale-keskin. Files written:\n",
            "Already there, left as they were:\n",
            f"Next: cd {tmp_path} && spo validate; then add a first project with spo project "
            "new.\n",
        ),
        "tr": (
            f"{tmp_path} klasöründe yeni bir kayıt başlatıldı; ofisin belediyesi: "
            "kirikkale-keskin. Yazılan dosyalar:\n",
            "Zaten vardı, olduğu gibi bırakıldı:\n",
            f"Sonra: cd {tmp_path} && spo validate; ardından spo project new ile ilk projeyi "
            "ekleyin.\n",
        ),
    }
    started, left, after = heads[lang]
    assert run.stdout == (
        started
        + "".join(f"  {f}\n" for f in written)
        + left
        + "  .gitignore\n  README.md\n"
        + after
    )
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# Bizim ofis\n"
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*.pdf\n"
    assert run_spo("--root", str(tmp_path), "validate").exit_code == 0


def test_item_14_init_where_data_is_a_dangling_link_is_refused(tmp_path: Path) -> None:
    (tmp_path / "data").symlink_to(tmp_path / "gone")
    before = tree(tmp_path)

    run = run_spo("init", str(tmp_path), *KESKIN)

    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        f"spo: {tmp_path / 'data'} exists but is not a folder (a file, or a link that leads "
        "nowhere); remove it or choose another folder; nothing was written\n"
    )
    assert tree(tmp_path) == before
    assert (tmp_path / "data").is_symlink()
