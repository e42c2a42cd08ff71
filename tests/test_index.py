"""The index behind every read command (`spo.index`): it lives in the user's cache folder, follows
every change of the files, rebuilds itself when it cannot be trusted, works without a writable
cache folder, survives two processes refreshing it at once, and `show` reads only its own file."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import spo.files.loader
from spo.files.cache import registry_folder
from spo.index import document_rows, records
from spo.index.store import FILE_NAME
from tests.conftest import run_spo

Copy = Callable[[str], Path]
HOUR_AGO_NS = time.time_ns() - 3600 * 1_000_000_000


def settle(root: Path) -> None:
    """Date every file an hour back, as files are that nobody is editing: the index trusts their
    stamps (a file changed within the last seconds is read again, see spo.index.sync)."""
    for path in (root / "data").glob("*/*.yaml"):
        os.utime(path, ns=(HOUR_AGO_NS, HOUR_AGO_NS))


def projects_json(root: Path, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    run = run_spo("--root", str(root), "project", "list", "--format", "json", env=env)
    return run.exit_code, run.stdout, run.stderr


def ids_and_names(out: str) -> list[tuple[str, str]]:
    return [(p["id"], p["name"]["tr"]) for p in json.loads(out)]


def index_file(root: Path) -> Path:
    return registry_folder(root) / FILE_NAME


@pytest.fixture
def sample(registry_copy: Copy) -> Path:
    root = registry_copy("sample")
    settle(root)
    return root


SKIPPED_ONE = (
    "spo: warning: 1 file(s) could not be read and were left out; run `spo validate` to see why\n"
)
SAMPLE_PROJECTS = [
    ("bizizmir-dayanisma-noktalari", "Bizİzmir Dayanışma Noktaları"),
    ("emekliler-yasam-merkezi", "Emekliler Yaşam Merkezi"),
    ("kadin-ustalar", "Kadın Ustalar"),
    ("mahalle-mutfaklari", "Mahalle Mutfakları"),
]


def test_the_index_lives_in_the_cache_folder_never_in_the_registry(sample: Path) -> None:
    before = sorted(p.relative_to(sample) for p in sample.rglob("*"))

    code, out, err = projects_json(sample)

    assert (code, err) == (0, "")
    assert sorted(p.relative_to(sample) for p in sample.rglob("*")) == before
    assert index_file(sample).is_file()
    assert index_file(sample).is_relative_to(Path(os.environ["SPO_CACHE_DIR"]))


def test_a_changed_an_added_and_a_removed_file_are_seen_by_the_next_command(
    sample: Path,
) -> None:
    code, out, _ = projects_json(sample)
    names = dict(ids_and_names(out))
    assert code == 0 and sorted(names) == [i for i, _ in SAMPLE_PROJECTS]
    projects = sample / "data/projects"
    kitchens = projects / "mahalle-mutfaklari.yaml"
    text = kitchens.read_text(encoding="utf-8")
    kitchens.write_text(
        text.replace("tr: Mahalle Mutfakları", "tr: Mahalle Aşevleri ve Mutfakları"),
        encoding="utf-8",
    )
    (projects / "ortak-mutfak.yaml").write_text(
        text.replace("id: mahalle-mutfaklari", "id: ortak-mutfak").replace(
            "tr: Mahalle Mutfakları", "tr: Ortak Mutfak"
        ),
        encoding="utf-8",
    )
    (projects / "kadin-ustalar.yaml").unlink()

    code, out, err = projects_json(sample)

    assert (code, err) == (0, "")
    assert sorted(ids_and_names(out)) == [
        ("bizizmir-dayanisma-noktalari", "Bizİzmir Dayanışma Noktaları"),
        ("emekliler-yasam-merkezi", "Emekliler Yaşam Merkezi"),
        ("mahalle-mutfaklari", "Mahalle Aşevleri ve Mutfakları"),
        ("ortak-mutfak", "Ortak Mutfak"),
    ]


def test_a_file_that_breaks_is_left_out_and_comes_back_when_mended(sample: Path) -> None:
    _, cold, _ = projects_json(sample)
    kitchens = sample / "data/projects/kadin-ustalar.yaml"
    text = kitchens.read_text(encoding="utf-8")
    kitchens.write_text(text + "owner: [\n", encoding="utf-8")

    code, out, err = projects_json(sample)

    assert (code, err) == (0, SKIPPED_ONE)
    assert sorted(i for i, _ in ids_and_names(out)) == [
        "bizizmir-dayanisma-noktalari",
        "emekliler-yasam-merkezi",
        "mahalle-mutfaklari",
    ]
    kitchens.write_text(text, encoding="utf-8")
    assert projects_json(sample) == (0, cold, "")


def test_a_corrupt_index_is_rebuilt_silently_with_the_same_output(sample: Path) -> None:
    first = projects_json(sample)
    index_file(sample).write_bytes(b"this is not an SQLite database" * 100)

    assert projects_json(sample) == first
    assert sqlite3.connect(index_file(sample)).execute("PRAGMA integrity_check").fetchone() == (
        "ok",
    )


def test_an_index_written_by_another_spo_version_is_rebuilt(sample: Path) -> None:
    first = projects_json(sample)
    # Another version's index, whose stored data says something else: it must not be believed.
    with sqlite3.connect(index_file(sample)) as db:
        db.execute(
            "UPDATE meta SET value = 'spo 0.0.1 / index 1 / documents -' WHERE key = 'stamp'"
        )
        db.execute("UPDATE records SET data = replace(data, 'Kadın Ustalar', 'Eski Sürüm')")

    assert projects_json(sample) == first
    with sqlite3.connect(index_file(sample)) as db:
        stamp = db.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()[0]
    assert stamp.startswith("spo 0.1.0 / index ")


def test_an_unwritable_cache_folder_still_answers(sample: Path, tmp_path: Path) -> None:
    expected = projects_json(sample)
    not_a_folder = tmp_path / "cache-is-a-file"
    not_a_folder.write_text("", encoding="utf-8")

    assert projects_json(sample, env={"SPO_CACHE_DIR": str(not_a_folder)}) == expected
    assert not_a_folder.read_text(encoding="utf-8") == ""


# Each child reads its files slowly, so that both are refreshing the index at the same time.
CHILD = """
import sys, time
from spo.index import sync as refresh
original = refresh._read
def slow(root, rows):
    time.sleep(0.01)
    original(root, rows)
refresh._read = slow
from spo.cli import main
main(sys.argv[1:])
"""


def _many_projects(root: Path, count: int) -> None:
    text = (root / "data/projects/mahalle-mutfaklari.yaml").read_text(encoding="utf-8")
    for n in range(count):
        (root / f"data/projects/proje-{n:03}.yaml").write_text(
            text.replace("id: mahalle-mutfaklari", f"id: proje-{n:03}").replace(
                "tr: Mahalle Mutfakları", f"tr: Proje {n:03}"
            ),
            encoding="utf-8",
        )
    settle(root)


@pytest.mark.parametrize("corrupt", [False, True], ids=["no-index", "corrupt-index"])
def test_two_processes_refreshing_the_index_at_once_both_answer(
    sample: Path, corrupt: bool
) -> None:
    _many_projects(sample, 60)
    if corrupt:
        index_file(sample).parent.mkdir(parents=True, exist_ok=True)
        index_file(sample).write_bytes(b"\0garbage" * 512)
    env = {**os.environ, "SPO_LANG": "en", "SPO_ROOT": "", "NO_COLOR": "1"}
    command = ["--root", str(sample), "project", "list", "--format", "json"]
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [c.communicate(timeout=120) for c in children]
    results = [(c.returncode, out, err) for c, (out, err) in zip(children, outputs, strict=True)]

    expected = sorted([*(i for i, _ in SAMPLE_PROJECTS), *(f"proje-{n:03}" for n in range(60))])
    for code, out, err in results:
        assert (code, err) == (0, "")
        assert sorted(p["id"] for p in json.loads(out)) == expected
    assert results[0] == results[1]
    assert projects_json(sample) == results[0]


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    read: list[str] = []
    original = spo.files.loader.load_file

    def counting(path: Path, within: Path | None = None) -> spo.files.loader.LoadedFile:
        read.append(path.name)
        return original(path, within)

    monkeypatch.setattr(spo.files.loader, "load_file", counting)
    return read


def test_show_reads_only_the_file_it_shows(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = run_spo("--root", str(sample), "municipality", "show", "mersin-bb")
    read = _count_reads(monkeypatch)

    again = run_spo("--root", str(sample), "municipality", "show", "mersin-bb")

    assert again == shown
    assert shown.exit_code == 0 and "mahalle-mutfaklari" in shown.stdout
    assert read == ["mersin-bb.yaml"]


def test_show_does_not_mind_a_broken_unrelated_file(sample: Path) -> None:
    shown = run_spo("--root", str(sample), "project", "show", "mahalle-mutfaklari")
    unrelated = sample / "data/projects/kadin-ustalar.yaml"
    unrelated.write_text("name: [unclosed\n", encoding="utf-8")

    again = run_spo("--root", str(sample), "project", "show", "mahalle-mutfaklari")

    assert (again.exit_code, again.stdout) == (0, shown.stdout)
    assert again.stderr == SKIPPED_ONE


def test_a_report_is_kept_per_generation_and_follows_a_change(sample: Path) -> None:
    args = ("--root", str(sample), "report", "--as-of", "2025-12-31", "--format", "json")
    first = run_spo(*args)
    assert run_spo(*args) == first
    artvin = sample / "data/municipalities/artvin.yaml"
    artvin.write_text(
        artvin.read_text(encoding="utf-8").replace("stage: planning-support", "stage: launched"),
        encoding="utf-8",
    )

    changed = run_spo(*args)

    assert changed.exit_code == 0 and changed.stdout != first.stdout
    stages = [json.loads(run.stdout)["transfers_by_stage"] for run in (first, changed)]
    assert [(s["planning-support"], s["launched"]) for s in stages] == [(1, 1), (0, 2)]


def test_records_and_search_documents_come_from_the_index(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import spo.index.search_rows

    found = records(sample, "project")
    assert [record_id for _, record_id, _ in found] == [i for i, _ in SAMPLE_PROJECTS]
    assert found[2][2]["name"] == {"tr": "Kadın Ustalar", "en": "Women Craftspeople"}
    rows = document_rows(sample)
    made = {
        r[1]: spo.index.search_rows.document_row(k, r[1], r[2]) for k in ("project",) for r in found
    }
    assert {record_id: row for _, record_id, row in rows if record_id in made} == made

    def document_row(kind: str, record_id: str, data: dict[str, object]) -> dict[str, object]:
        return {"kind": kind, "id": record_id, "words": len(json.dumps(data)), "fields": {}}

    monkeypatch.setattr(spo.index.search_rows, "document_row", document_row)
    monkeypatch.setattr(
        spo.index.search_rows, "DOCUMENT_VERSION", spo.index.search_rows.DOCUMENT_VERSION + 1
    )
    rows = document_rows(sample)  # rows of another layout: the index is rebuilt with the new ones

    assert [(kind, record_id) for kind, record_id, _ in rows][:5] == [
        ("project", "bizizmir-dayanisma-noktalari"),
        ("project", "emekliler-yasam-merkezi"),
        ("project", "kadin-ustalar"),
        ("project", "mahalle-mutfaklari"),
        ("municipality", "artvin"),
    ]
    assert all(row["kind"] == kind and row["id"] == record_id for kind, record_id, row in rows)
    assert all(set(row) == {"kind", "id", "words", "fields"} for _, _, row in rows)
    assert len(rows) == 4 + 6


def test_a_list_read_back_from_the_index_is_the_list_computed(sample: Path) -> None:
    root = ("--root", str(sample))
    lists = [
        ("project", "list", "--format", "csv"),
        ("project", "list", "--status", "active", "--format", "yaml"),
        ("project", "list", "--status", "ended", "--format", "json"),  # none: said on stderr
        ("municipality", "list", "--sort", "date", "--format", "json"),
        ("transfer", "list", "--stage", "launched", "--format", "csv"),
    ]
    first = [run_spo(*root, *args) for args in lists]
    again = [run_spo(*root, "--lang", "tr", *args) for args in lists]
    kept = [run_spo(*root, *args) for args in lists]

    assert kept == first
    assert [r.exit_code for r in first] == [0] * 5
    assert first[2].stdout == "[]\n" and first[2].stderr != ""
    assert first[0].stdout.startswith("id,name_tr,") and first[0].stdout.count("\n") == 1 + 4
    assert again[2].stderr != first[2].stderr  # the language is part of what is kept


def test_showing_a_file_that_cannot_be_read_says_so_from_the_whole_registry(
    sample: Path,
) -> None:
    shown = sample / "data/projects/kadin-ustalar.yaml"
    shown.write_text(shown.read_text(encoding="utf-8") + "name: [\n", encoding="utf-8")

    run = run_spo("--root", str(sample), "project", "show", "kadin-ustalar")

    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr == (
        "spo: data/projects/kadin-ustalar.yaml cannot be read; run `spo validate` to see why\n"
    )


@pytest.mark.parametrize("width", ["120", "60"])
def test_a_table_read_back_from_the_index_is_the_table_drawn(sample: Path, width: str) -> None:
    root = ("--root", str(sample))
    commands = [
        ("project", "list"),
        ("municipality", "list", "--kind", "metropolitan"),
        ("transfer", "list"),
        ("report", "--as-of", "2025-12-31"),
    ]
    env = {"COLUMNS": width}
    first = [run_spo(*root, *args, env=env) for args in commands]
    kept = [run_spo(*root, *args, env=env) for args in commands]
    wide = [run_spo(*root, *args, env={"COLUMNS": "200"}) for args in commands]

    assert kept == first
    assert [r.exit_code for r in first] == [0] * 4
    assert all(r.stdout.count("\n") > 3 for r in first)
    assert [r.stdout for r in wide] != [r.stdout for r in first]  # the width is part of the key


def test_a_file_name_that_is_not_utf8_is_left_out_not_a_crash(sample: Path) -> None:
    text = (sample / "data/projects/kadin-ustalar.yaml").read_bytes()
    try:
        with open(os.fsencode(sample / "data/projects") + b"/\xffbad.yaml", "wb") as out:
            out.write(text)
    except (OSError, ValueError):
        pytest.skip("this file system takes only UTF-8 names")
    settle(sample)

    code, out, err = projects_json(sample)

    assert (code, err) == (0, SKIPPED_ONE)
    assert sorted(i for i, _ in ids_and_names(out)) == [i for i, _ in SAMPLE_PROJECTS]


def _damage_inside(path: Path) -> None:
    """Keep the first page (SQLite's header, the schema) and overwrite the rest with junk, as a
    failing disk would: the file still opens, and reads fail deep inside."""
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "command",
    [
        ("project", "list", "--format", "json"),
        ("project", "list", "--format", "csv"),
        ("report", "--format", "json", "--as-of", "2025-06-01"),
        ("search", "mutfak"),
        ("project", "show", "kadin-ustalar", "--format", "json"),
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_an_index_damaged_inside_is_thrown_away_and_the_answer_is_the_same(
    sample: Path, command: tuple[str, ...]
) -> None:
    root = ("--root", str(sample))
    first = run_spo(*root, *command)
    run_spo(*root, "transfer", "list", "--format", "json")  # the index holds kept output too
    with sqlite3.connect(index_file(sample)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _damage_inside(index_file(sample))

    again = run_spo(*root, *command)

    assert (again.exit_code, again.stdout, again.stderr) == (
        first.exit_code,
        first.stdout,
        first.stderr,
    )
    assert first.exit_code == 0 and first.stdout


def test_an_edit_that_keeps_the_size_and_the_modification_time_is_seen(sample: Path) -> None:
    """As `cp -p`, `rsync -t` or a restored backup leave a file: same size, old time."""
    path = sample / "data/projects/kadin-ustalar.yaml"
    assert ("kadin-ustalar", "Kadın Ustalar") in ids_and_names(projects_json(sample)[1])
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Kadın Ustalar", "Kadın Ustalor", 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size

    names = ids_and_names(projects_json(sample)[1])

    assert ("kadin-ustalar", "Kadın Ustalor") in names
