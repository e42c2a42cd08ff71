"""A new record lands whole, where it belongs, or not at all.

`spo project new` in a registry that has no projects folder yet makes the folder; a dry run makes
nothing. The new file is written outside the data folder before its rename. A file that someone
else created while this spo waited for the lock is never overwritten, and a record whose text
`spo validate` would reject is never created.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from spo.rules.errors import RefusedWrite
from spo.writing import atomic, editing
from tests.conftest import run_spo
from tests.test_write_faults import renames_during

NEW = ("project", "new", "--name", "Ortak Mutfak", "--owner", "mersin-bb",
       "--summary", "Bir mutfak.", "--status", "unknown")  # fmt: skip
ORTAK = "data/projects/ortak-mutfak.yaml"


def without_projects(root: Path) -> Path:
    shutil.rmtree(root / "data/projects")
    return root


def test_the_first_project_of_a_registry_makes_its_folder(registry_copy) -> None:
    root = without_projects(registry_copy("sample"))

    run = run_spo("--root", str(root), *NEW)

    assert run.exit_code == 0
    assert run.stdout.startswith(f"Created {ORTAK}:\n")
    assert (root / ORTAK).read_text(encoding="utf-8").splitlines()[1] == "id: ortak-mutfak"


def test_a_dry_run_of_the_first_project_makes_no_folder(registry_copy) -> None:
    root = without_projects(registry_copy("sample"))

    run = run_spo("--root", str(root), *NEW, "--dry-run")

    assert run.exit_code == 0
    assert run.stdout.startswith(f"--- /dev/null\n+++ {ORTAK}\n")
    assert not (root / "data/projects").exists()


def test_a_new_record_is_written_outside_the_data_folder_before_its_rename(
    registry_copy, monkeypatch
) -> None:
    root = registry_copy("sample")
    renames = renames_during(root, monkeypatch, *NEW)

    assert renames[0] == (".spo-cache/tmp/data/projects", "ortak-mutfak.yaml")


def test_a_file_created_while_spo_waited_for_the_lock_is_not_overwritten(
    registry_copy, monkeypatch
) -> None:
    """Another spo held the lock and created the same project; this one, once it gets the
    lock, finds the file there and refuses."""
    root = registry_copy("sample")
    path = root / ORTAK
    original = atomic.locked

    @contextlib.contextmanager
    def created_meanwhile(*args: Any, **kwargs: Any) -> Iterator[None]:
        path.write_text("id: ortak-mutfak\n", encoding="utf-8")
        with original(*args, **kwargs):
            yield

    monkeypatch.setattr(atomic, "locked", created_meanwhile)
    run = run_spo("--root", str(root), *NEW)

    assert run.exit_code == 1
    assert run.stderr == (
        f"spo: {ORTAK} not created: the file already exists; spo never overwrites a record (edit "
        "it instead)\n"
    )
    assert path.read_text(encoding="utf-8") == "id: ortak-mutfak\n"


def test_a_record_that_spo_validate_would_reject_is_not_created(registry_copy) -> None:
    root = registry_copy("sample")
    path = root / ORTAK
    text = (
        "id: ortak-mutfak\nname:\n  tr: Ortak Mutfak\nowner: mersin-bb\nsummary:\n  tr: Bir.\n"
        'status: unknown\nlaunched: "2999"\n'
    )
    references = editing.References({"mersin-bb"}, {})

    with pytest.raises(RefusedWrite) as refused:
        editing.create_record(root, "project", path, text, references, date(2026, 1, 1))

    assert refused.value.message.key == "write.not-created"
    reason = refused.value.message.get("reason")
    assert reason.key == "refusal.invalid"
    assert [p.code for p in reason.get("problems")] == ["future-date"]
    assert not path.exists()
