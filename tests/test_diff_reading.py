"""How `spo diff` reads a side: many files in forked workers, finding what one process finds;
and whether a record goes into the model, answered from the findings it already has exactly as
`spo.checks.buildable.buildable` answers it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

import spo.diff.reading as reading
from spo.checks.buildable import buildable, buildable_given
from spo.checks.file import own_findings
from spo.checks.pool import cores
from spo.diff import compare
from spo.diff.sides import folder_side
from spo.files.loader import load_file
from spo.files.registry import kind_of
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
    if cores() >= 2:
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


_BROKEN = [
    "id: x\nname: X Belediyesi\nkind: district\nprovince: Mersin\nsources: [1]\n",
    "id: x\nname: X\nkind: town\nprovince: Mersin\nengagements:\n"
    "  - {kind: meeting, host: y, date: '2025-02-30'}\n",
    "id: x\nname: {tr: X}\nowner: y\nsummary: {tr: s}\nstatus: active\nlaunched: 2025-13\n",
    "id: x\nname: {tr: X}\nowner: y\nsummary: {tr: s}\nstatus: nope\n",
]


def test_a_record_enters_the_model_from_its_findings_as_buildable_says(tmp_path: Path) -> None:
    files = sorted(REGISTRIES.glob("*/data/*/*.yaml"))
    for i, text in enumerate(_BROKEN):
        folder = tmp_path / "data" / ("projects" if "owner" in text else "municipalities")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"x{i}.yaml").write_text(text, encoding="utf-8")
        files.append(folder / f"x{i}.yaml")
    answers = []
    for path in files:
        kind, loaded = kind_of(path), load_file(path)
        if kind is None or loaded.data is None:
            continue
        own = own_findings(kind, path.stem, loaded.data, date(2026, 1, 1), loaded.text)
        answers.append(buildable(kind, loaded.data))
        assert buildable_given(own) == answers[-1], path
    assert len(answers) > 50 and answers.count(False) >= len(_BROKEN)
