"""What a write promises when something else happens at the same time, or happened before it.

An editor saves the file while `spo transfer add` is writing it: the editor's change and spo's
both end up in the file, or spo refuses and changes nothing. A run killed while writing left a
temporary file: the next write of that file removes it. No lock file is ever left in a data
folder. An id that is not a slug is refused before anything touches the disk.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from spo.writing import atomic, editing
from tests.conftest import run_spo

ARTVIN = "data/municipalities/artvin.yaml"
ADD = (
    "transfer",
    "add",
    "--project",
    "kadin-ustalar",
    "--to",
    "artvin",
    "--stage",
    "inquiry",
    "--date",
    "2025-07-01",
)
SPO_LINES = (
    '  - project: kadin-ustalar\n    history:\n      - stage: inquiry\n        date: "2025-07-01"\n'
)


def editor_saves(monkeypatch: pytest.MonkeyPatch, path: Path, saves: list[bytes]) -> None:
    """An editor that saves `path` right after each of spo's reads, once per item of `saves`."""
    original = editing._read
    pending = list(saves)

    def read_then_editor_saves(*args: Any) -> Any:
        read = original(*args)
        if pending:
            path.write_bytes(pending.pop(0))
        return read

    monkeypatch.setattr(editing, "_read", read_then_editor_saves)


# --- an editor saving the file during a write ----------------------------------------------------


def test_an_editor_saving_during_a_write_keeps_its_change_and_spo_adds_its_lines(
    registry_copy, monkeypatch
) -> None:
    root = registry_copy("sample")
    path = root / ARTVIN
    before = path.read_text(encoding="utf-8")
    edited = before.replace(
        "province: Artvin\n", "province: Artvin\nwebsite: https://www.artvin.bel.tr\n"
    )
    editor_saves(monkeypatch, path, [edited.encode()])

    run = run_spo("--root", str(root), *ADD)

    assert (run.exit_code, run.stderr) == (0, "")
    after = edited.replace("sources:\n", SPO_LINES + "sources:\n")
    assert path.read_text(encoding="utf-8") == after
    assert run_spo("--root", str(root), "validate", ARTVIN).exit_code == 0


def test_a_change_refused_on_what_the_editor_saved_leaves_the_editors_file(
    registry_copy, monkeypatch
) -> None:
    root = registry_copy("sample")
    path = root / ARTVIN
    before = path.read_text(encoding="utf-8")
    # The editor recorded the same stage by hand while spo was writing it.
    edited = before.replace("sources:\n", SPO_LINES.replace('"', "'") + "sources:\n")
    editor_saves(monkeypatch, path, [edited.encode()])

    run = run_spo("--root", str(root), *ADD)

    assert run.exit_code == 1
    assert run.stderr == (
        f"spo: nothing written to {ARTVIN}: the stage 'Inquiry' is already recorded for this "
        "transfer (2025-07-01)\n"
    )
    assert path.read_text(encoding="utf-8") == edited


def test_an_editor_saving_at_every_attempt_makes_spo_refuse_and_change_nothing(
    registry_copy, monkeypatch
) -> None:
    root = registry_copy("sample")
    path = root / ARTVIN
    before = path.read_text(encoding="utf-8")
    saves = [before + f"# save {n}\n" for n in range(1, editing.EDIT_ATTEMPTS + 1)]
    editor_saves(monkeypatch, path, [s.encode() for s in saves])

    run = run_spo("--root", str(root), *ADD)

    assert run.exit_code == 1
    assert run.stderr == (
        f"spo: nothing written to {ARTVIN}: another program (an editor) saved the file while spo "
        "was writing it, 3 times in a row; save and close it there, then try again\n"
    )
    assert path.read_text(encoding="utf-8") == saves[-1]
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []


def test_the_refusal_is_worded_in_turkish_too(registry_copy, monkeypatch) -> None:
    root = registry_copy("sample")
    path = root / ARTVIN
    saves = [path.read_bytes() + b"#\n" * n for n in range(1, editing.EDIT_ATTEMPTS + 1)]
    editor_saves(monkeypatch, path, saves)

    run = run_spo("--root", str(root), *ADD, env={"SPO_LANG": "tr"})

    assert run.stderr == (
        f"spo: {ARTVIN} dosyasına hiçbir şey yazılmadı: dosya, spo onu okurken başka bir "
        "programda (bir düzenleyicide) 3 kez kaydedildi; düzenleyicideki değişiklikleri kaydedip "
        "kapatın ve yeniden deneyin\n"
    )


def test_a_file_created_by_someone_else_during_a_create_is_not_overwritten(
    registry_copy, monkeypatch
) -> None:
    root = registry_copy("sample")
    path = root / "data/projects/ortak-mutfak.yaml"
    original = editing._check

    def check_then_someone_creates(*args: Any) -> Any:
        path.write_text("id: ortak-mutfak\n", encoding="utf-8")
        return original(*args)

    monkeypatch.setattr(editing, "_check", check_then_someone_creates)
    run = run_spo(
        "--root", str(root), "project", "new", "--name", "Ortak Mutfak", "--owner", "mersin-bb",
        "--summary", "Bir mutfak.", "--status", "unknown",
    )  # fmt: skip

    assert run.exit_code == 1
    assert run.stderr == (
        "spo: data/projects/ortak-mutfak.yaml not created: the file already exists; spo never "
        "overwrites a record (edit it instead)\n"
    )
    assert path.read_text(encoding="utf-8") == "id: ortak-mutfak\n"


def test_replace_compares_the_file_with_what_was_read(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"a: 1\n")
    read = atomic.fingerprint(path)
    path.write_bytes(b"a: 2\n")

    with pytest.raises(atomic.Changed):
        atomic.replace(path, b"a: 3\n", expected=read)

    assert path.read_bytes() == b"a: 2\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]


# --- ids checked before anything touches the disk ------------------------------------------------


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under `folder`, hidden ones included."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


PROJECT = ("--name", "Ortak Mutfak", "--owner", "mersin-bb", "--summary", "Bir mutfak.")


@pytest.mark.parametrize("given", ["../x", "../../outside/x", "/ABS", "Ortak_Mutfak", "a--b", ""])
def test_a_project_id_that_is_not_a_slug_is_a_usage_error_and_nothing_is_created(
    registry_copy, tmp_path: Path, given: str
) -> None:
    root = registry_copy("sample")
    if given == "/ABS":
        given = str(tmp_path / "outside" / "x")
    before = tree(tmp_path)

    run = run_spo(
        "--root", str(root), "project", "new", "--id", given, *PROJECT, "--status", "unknown"
    )

    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        f"spo: '{given}' is not an id: an id is a lowercase ASCII slug (letters a-z, digits, "
        "single hyphens, e.g. 'mahalle-mutfaklari'); nothing was created\n"
    )
    assert tree(tmp_path) == before


def test_a_bad_id_is_refused_before_any_question_is_asked(registry_copy, tmp_path: Path) -> None:
    root = registry_copy("sample")
    before = tree(tmp_path)

    run = run_spo("--root", str(root), "project", "new", "--id", "../x", input="Ortak\n")

    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr.startswith("spo: '../x' is not an id: ")
    assert tree(tmp_path) == before


def test_a_municipality_whose_id_would_not_be_a_slug_is_a_usage_error(
    registry_copy, tmp_path: Path
) -> None:
    root = registry_copy("sample")
    before = tree(tmp_path)
    where = ("--province", "Çanakkale", "--district", "Lapseki", "--town", "???")

    run = run_spo("--root", str(root), "municipality", "new", *where, env={"SPO_LANG": "tr"})

    # The town table knows no town of a close name, so '???' is taken as typed (the table is not
    # whole) and then refused: no id can be made of it.
    assert run.exit_code == 2
    assert run.stderr == (
        "spo: 'canakkale-lapseki-' bir kimlik değil: kimlik küçük harfli bir ASCII kısaltmasıdır "
        "(a-z harfleri, rakamlar, tek tire; örneğin 'mahalle-mutfaklari'); hiçbir şey "
        "oluşturulmadı\n"
    )
    assert tree(tmp_path) == before


# --- what killed runs and locks leave behind -----------------------------------------------------


def test_the_next_write_removes_temporary_files_left_by_a_killed_run(registry_copy) -> None:
    root = registry_copy("sample")
    folder = root / "data/municipalities"
    before = (folder / "artvin.yaml").read_text(encoding="utf-8")
    # Full copies of the record, as a run killed between writing and renaming leaves them: in
    # spo's own folder, and beside the record (where an older spo, or one writing to a data
    # folder on another file system, makes them).
    temp = root / ".spo-cache/tmp/data/municipalities"
    temp.mkdir(parents=True)
    for name in (temp / ".artvin.yaml.k3j2h_g0.tmp", folder / ".artvin.yaml.zz9wq1ab.tmp"):
        name.write_text(before + SPO_LINES, encoding="utf-8")
    # Not spo's temporary files of this record: an editor's, and another record's.
    kept = {".artvin.yaml.swp": b"vim", ".izmir-bb.yaml.a1b2c3d4.tmp": b"izmir"}
    for name, data in kept.items():
        (folder / name).write_bytes(data)

    run = run_spo("--root", str(root), *ADD)

    assert (run.exit_code, run.stderr) == (0, "")
    assert (folder / "artvin.yaml").read_text(encoding="utf-8") == before.replace(
        "sources:\n", SPO_LINES + "sources:\n"
    )
    hidden = {p.name: p.read_bytes() for p in folder.iterdir() if p.name.startswith(".")}
    assert hidden == kept
    assert list(temp.iterdir()) == []


def renames_during(
    root: Path, monkeypatch: pytest.MonkeyPatch, *args: str
) -> list[tuple[str, str]]:
    """Each rename a successful spo command made under `root`: (the folder it came from, the
    name it got)."""
    renames: list[tuple[str, str]] = []
    original = os.replace

    def recorded(source: Any, target: Any) -> None:
        renames.append((Path(source).relative_to(root).parent.as_posix(), Path(target).name))
        original(source, target)

    monkeypatch.setattr(os, "replace", recorded)
    assert run_spo("--root", str(root), *args).exit_code == 0
    monkeypatch.undo()
    return renames


def test_the_new_content_is_written_outside_the_data_folder_before_its_rename(
    registry_copy, monkeypatch
) -> None:
    root = registry_copy("sample")
    renames = renames_during(root, monkeypatch, *ADD)

    assert renames == [(".spo-cache/tmp/data/municipalities", "artvin.yaml")]


def test_locks_are_kept_in_one_ignored_place_outside_the_data_folders(
    registry_copy, tmp_path: Path
) -> None:
    root = registry_copy("sample")
    # A lock file an older spo left beside a record goes with the next write of that record.
    (root / "data/municipalities/.artvin.yaml.lock").write_bytes(b"")

    assert run_spo("--root", str(root), *ADD).exit_code == 0
    new = ("project", "new", *PROJECT, "--status", "unknown")
    assert run_spo("--root", str(root), *new).exit_code == 0

    data = [p.relative_to(root).as_posix() for p in (root / "data").rglob(".*")]
    assert data == []
    locks = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.lock"))
    assert locks == [
        ".spo-cache/locks/data/municipalities/artvin.yaml.lock",
        ".spo-cache/locks/data/projects/ortak-mutfak.yaml.lock",
    ]
    assert (root / ".spo-cache/.gitignore").read_text(encoding="utf-8") == "*\n"


def test_git_sees_only_the_changed_and_created_records(registry_copy) -> None:
    """In a registry whose .gitignore knows nothing of spo, a write shows in `git status` as the
    records it wrote and, when the registry lacks it, the schema a new record's `$schema` line
    points at; nothing else."""
    root = registry_copy("sample")
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "registry"], check=True)

    assert run_spo("--root", str(root), *ADD).exit_code == 0
    new = ("project", "new", *PROJECT, "--status", "unknown")
    assert run_spo("--root", str(root), *new).exit_code == 0

    status = subprocess.run(
        [*git, "status", "--porcelain", "--untracked-files=all"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert status == (
        " M data/municipalities/artvin.yaml\n"
        "?? data/projects/ortak-mutfak.yaml\n"
        "?? schemas/project.schema.json\n"
    )
