"""`spo validate` remembers each file's own result in the user's cache folder: a second run on
an unchanged registry reads no file, and says exactly what the first said. A changed file, another
spo version, other schemas or another day are never answered from the cache; a corrupt or
unwritable cache is ignored."""

from __future__ import annotations

import os
import pickle
import random
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

import spo
import spo.rules.schemas
from benchmarks.mutations import mutate, seed_files
from spo.checks.cache import FILE_NAME
from spo.checks.validation import validate
from spo.files.cache import registry_folder
from spo.rules.message import Message
from spo.rules.problems import Problem

REGISTRIES = Path(__file__).resolve().parent / "registries"
TODAY = date(2026, 1, 15)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """valid-base with 80 hostile variants of real records."""
    root = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "valid-base", root)
    rng = random.Random(5)
    seeds = [p for p in seed_files() if p.parent.name in ("projects", "municipalities")]
    for n in range(80):
        seed = rng.choice(seeds)
        content, _ = mutate(rng, seed.read_text(encoding="utf-8"))
        (root / "data" / seed.parent.name / f"{seed.stem}-{n}.yaml").write_bytes(content)
    return root


def _fake_every_row(root: Path) -> None:
    """Replace every remembered result by one that no check could give."""
    fake = (
        (Problem(Path("fake.yaml"), 1, 1, (), Message.of("read.empty"), "fake"),),
        None,
        (),
        (),
    )
    with sqlite3.connect(registry_folder(root) / FILE_NAME) as connection:
        connection.execute("UPDATE files SET result = ?", (pickle.dumps(fake),))
    connection.close()


def _faked(root: Path, **kwargs: object) -> bool:
    result = validate(root, today=kwargs.pop("today", TODAY), cache=True)  # type: ignore[arg-type]
    return any(p.code == "fake" for p in result.problems)


def test_results_are_the_same_with_and_without_the_cache(hostile: Path) -> None:
    expected = validate(hostile, today=TODAY)
    assert len(expected.problems) > 80
    assert validate(hostile, today=TODAY, cache=True) == expected  # cold: fills the cache
    assert validate(hostile, today=TODAY, cache=True) == expected  # warm: from the cache
    for pool in (1, 10**9):
        assert validate(hostile, today=TODAY, cache=True, pool_threshold=pool) == expected


def test_files_named_on_the_command_line_are_the_same_with_the_cache(hostile: Path) -> None:
    named = sorted((hostile / "data" / "projects").glob("*.yaml"))[:20]
    expected = validate(hostile, named, today=TODAY)
    validate(hostile, named, today=TODAY, cache=True)
    assert validate(hostile, named, today=TODAY, cache=True) == expected


def test_an_unchanged_file_is_answered_from_the_cache(base: Path) -> None:
    validate(base, today=TODAY, cache=True)
    _fake_every_row(base)
    assert _faked(base)


def test_a_changed_file_is_checked_again(base: Path) -> None:
    validate(base, today=TODAY, cache=True)
    _fake_every_row(base)
    changed = sorted((base / "data" / "projects").glob("*.yaml"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "colour: blue\n", encoding="utf-8")
    problems = validate(base, today=TODAY, cache=True).problems
    assert [p.message for p in problems if p.file == changed] == [
        Message.of("schema.unknown-key", key="colour", suggestion=None)
    ]


def test_a_file_touched_but_not_changed_is_not_parsed_again(base: Path) -> None:
    validate(base, today=TODAY, cache=True)
    _fake_every_row(base)
    touched = sorted((base / "data" / "projects").glob("*.yaml"))[0]
    os.utime(touched, ns=(1, 1))
    assert _faked(base)  # same bytes: the remembered result


def test_another_version_schema_or_day_is_not_answered_from_the_cache(
    base: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    validate(base, today=TODAY, cache=True)
    _fake_every_row(base)
    assert not _faked(base, today=date(2026, 1, 16))
    _fake_every_row(base)
    with monkeypatch.context() as patch:
        patch.setattr(spo, "__version__", "99.0")
        assert not _faked(base)
    _fake_every_row(base)
    build = spo.rules.schemas.build
    with monkeypatch.context() as patch:
        patch.setattr(spo.rules.schemas, "build", lambda kind: {**build(kind), "title": "changed"})
        assert not _faked(base)


def test_a_corrupt_cache_is_ignored_and_replaced(base: Path) -> None:
    expected = validate(base, today=TODAY)
    validate(base, today=TODAY, cache=True)
    (registry_folder(base) / FILE_NAME).write_bytes(b"not a database" * 100)
    assert validate(base, today=TODAY, cache=True) == expected
    _fake_every_row(base)  # replaced by a working cache
    assert _faked(base)


def test_an_unwritable_cache_is_ignored(base: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = validate(base, today=TODAY)
    blocker = base.parent / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("SPO_CACHE_DIR", str(blocker))
    assert validate(base, today=TODAY, cache=True) == expected


def test_the_cache_is_never_written_into_the_registry(base: Path, spo) -> None:  # noqa: ANN001
    before = sorted(p.relative_to(base) for p in base.rglob("*"))
    first = spo("validate", env={"CI": ""})
    second = spo("validate", env={"CI": ""})
    assert (second.stdout, second.exit_code) == (first.stdout, first.exit_code)
    assert sorted(p.relative_to(base) for p in base.rglob("*")) == before
    assert (registry_folder(base) / FILE_NAME).is_file()


def test_a_file_changed_twice_within_a_tick_is_checked_again(base: Path) -> None:
    """Same size, same inode, and times a file system may not tell apart: the stamp of a file
    changed just before its result was kept is never trusted."""
    changed = sorted((base / "data" / "projects").glob("*.yaml"))[0]
    original = changed.read_text(encoding="utf-8")
    validate(base, today=TODAY, cache=True)
    info = os.stat(changed)
    with changed.open("r+", encoding="utf-8") as f:  # in place: the same inode
        f.write(original.replace("id:", "iq:", 1))
    os.utime(changed, ns=(info.st_atime_ns, info.st_mtime_ns))
    problems = validate(base, today=TODAY, cache=True).problems
    assert any(p.file == changed and p.code == "schema" for p in problems)


def test_a_cache_from_an_older_layout_is_replaced(base: Path) -> None:
    expected = validate(base, today=TODAY)
    file = registry_folder(base) / FILE_NAME
    file.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(file) as connection:
        connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        connection.execute("CREATE TABLE files (path TEXT, result BLOB)")
        connection.execute("INSERT INTO meta VALUES ('context', 'old')")
    connection.close()
    assert validate(base, today=TODAY, cache=True) == expected
    _fake_every_row(base)
    assert _faked(base)


def test_no_cache_is_kept_in_ci(base: Path, spo) -> None:  # noqa: ANN001
    shutil.rmtree(registry_folder(base), ignore_errors=True)
    first = spo("validate", env={"CI": "true"})
    assert first.stdout == spo("validate", env={"CI": ""}).stdout
    shutil.rmtree(registry_folder(base))
    spo("validate", env={"CI": "true"})
    assert not (registry_folder(base) / FILE_NAME).exists()


def test_two_runs_at_once_both_succeed(hostile: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    expected = validate(hostile, today=TODAY)
    with ThreadPoolExecutor(3) as pool:
        runs = [
            pool.submit(validate, hostile, today=TODAY, pool_threshold=10**9, cache=True)
            for _ in range(3)
        ]
        assert [r.result() for r in runs] == [expected] * 3
    assert validate(hostile, today=TODAY, cache=True) == expected
