"""A write meets another spo writing the same file, or a disk that will not take it.

Two people record a stage in the same municipality at once: the second `spo transfer add` waits
for the first, and if the first never lets go it says so and changes nothing. A dry run writes
nothing, so it neither waits nor leaves a trace. A disk that is full is named, and the file is
left as it was.

Each story runs `spo transfer add` on a copy of the `sample` registry.
"""

from __future__ import annotations

import errno
import functools
from pathlib import Path

import pytest
from filelock import FileLock

from spo.writing import atomic
from tests.conftest import run_spo
from tests.test_write_faults import ADD, ARTVIN, SPO_LINES


def another_spo_writes(monkeypatch: pytest.MonkeyPatch, root: Path) -> FileLock:
    """Another spo holds the lock of artvin.yaml; this one gives up after a moment instead of a
    minute (the message still names the minute a user would wait)."""
    monkeypatch.setattr(atomic, "locked", functools.partial(atomic.locked, timeout=0.2))
    lock = FileLock(str(atomic.lock_path(root, root / ARTVIN)))
    atomic.lock_path(root, root / ARTVIN).parent.mkdir(parents=True, exist_ok=True)
    lock.acquire()
    return lock


def test_a_write_that_cannot_get_the_lock_says_so_and_changes_nothing(
    registry_copy, monkeypatch
) -> None:
    root = registry_copy("sample")
    before = (root / ARTVIN).read_bytes()
    lock = another_spo_writes(monkeypatch, root)
    try:
        run = run_spo("--root", str(root), *ADD)
    finally:
        lock.release()

    assert run.exit_code == 1
    assert run.stderr == f"spo: another spo is still writing {ARTVIN} (waited 60 s); try again\n"
    assert (root / ARTVIN).read_bytes() == before


def test_once_the_other_spo_is_done_the_same_write_goes_through(registry_copy, monkeypatch) -> None:
    root = registry_copy("sample")
    before = (root / ARTVIN).read_text(encoding="utf-8")
    another_spo_writes(monkeypatch, root).release()

    run = run_spo("--root", str(root), *ADD)

    assert (run.exit_code, run.stderr) == (0, "")
    assert (root / ARTVIN).read_text(encoding="utf-8") == before.replace(
        "sources:\n", SPO_LINES + "sources:\n"
    )


def test_a_dry_run_does_not_wait_for_another_spo(registry_copy, monkeypatch) -> None:
    root = registry_copy("sample")
    before = (root / ARTVIN).read_bytes()
    lock = another_spo_writes(monkeypatch, root)
    try:
        run = run_spo("--root", str(root), *ADD, "--dry-run")
    finally:
        lock.release()

    assert run.exit_code == 0
    assert run.stdout.startswith(f"--- {ARTVIN}\n+++ {ARTVIN}\n")
    assert "+  - project: kadin-ustalar\n" in run.stdout
    assert run.stderr == "(dry run: nothing written)\n"
    assert (root / ARTVIN).read_bytes() == before


def test_a_dry_run_leaves_no_trace_in_the_registry_folder(registry_copy) -> None:
    root = registry_copy("sample")
    files_before = sorted(p.relative_to(root) for p in root.rglob("*"))

    run = run_spo("--root", str(root), *ADD, "--dry-run")

    assert run.exit_code == 0
    # No lock, no temporary folder: not even .spo-cache (a dry run takes no lock).
    assert not (root / atomic.LOCK_FOLDER).exists()
    assert sorted(p.relative_to(root) for p in root.rglob("*") if ".spo-cache" not in p.parts) == [
        p for p in files_before if ".spo-cache" not in p.parts
    ]


def test_a_full_disk_is_named_and_the_file_is_left_as_it_was(registry_copy, monkeypatch) -> None:
    root = registry_copy("sample")
    before = (root / ARTVIN).read_bytes()

    def full(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "replace", full)

    run = run_spo("--root", str(root), *ADD)

    assert run.exit_code == 1
    assert run.stderr == f"spo: cannot write {ARTVIN}: the disk is full; the file is unchanged\n"
    assert (root / ARTVIN).read_bytes() == before
