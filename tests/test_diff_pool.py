"""A large diff reads its files in forked workers: what it finds is what one process finds."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

import spo.diff.reading as reading
from spo.diff import compare
from spo.diff.sides import folder_side
from tests.conftest import REGISTRIES


def _edited(tmp_path: Path) -> tuple[Path, Path]:
    base, head = tmp_path / "base", tmp_path / "head"
    shutil.copytree(REGISTRIES / "sample", base)
    shutil.copytree(base, head)
    record = head / "data" / "municipalities" / "istanbul-uskudar.yaml"
    text = record.read_text(encoding="utf-8").replace("host: mersin-bb", "host: mersin")
    record.write_text(text, encoding="utf-8")
    (head / "data" / "municipalities" / "artvin.yaml").unlink()
    return base, head


def test_files_read_in_workers_give_the_same_diff_as_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, head = _edited(tmp_path)
    day = date(2026, 1, 1)
    alone = compare(folder_side(base), folder_side(head), day, day)
    monkeypatch.setattr(reading, "POOL_THRESHOLD", 2)
    pools: list[int] = []
    in_pool = reading._in_pool

    def counted(jobs: list[reading.Job], today: date, workers: int) -> list[reading.Read]:
        found = in_pool(jobs, today, workers)  # raises, rather than falling back, if it fails
        pools.append(len(found))
        return found

    monkeypatch.setattr(reading, "_in_pool", counted)
    spread = compare(folder_side(base), folder_side(head), day, day)
    if reading.cores() >= 2:
        assert pools == [10]  # the base's ten files; the one file the head changed is read here

    assert spread.records == alone.records
    assert (spread.figures, spread.statuses) == (alone.figures, alone.statuses)
    assert (spread.introduced, spread.fixed) == (alone.introduced, alone.fixed)
    # What the change did, found either way: the dangling host and the removed file.
    assert [p.code for p in spread.introduced] == ["unknown-reference"]
    assert [(r.id, r.status) for r in spread.records] == [
        ("artvin", "removed"),
        ("istanbul-uskudar", "changed"),
    ]
