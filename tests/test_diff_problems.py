"""Problems a change leaves as they were are neither new nor fixed: not when an edit above them
moves their line, and not when their file is renamed."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from spo.diff import compare
from spo.diff.sides import folder_side
from tests.conftest import REGISTRIES

DAY = date(2026, 1, 1)
PROJECTS = Path("data/projects")


def _two(tmp_path: Path) -> tuple[Path, Path]:
    base, head = tmp_path / "base", tmp_path / "head"
    shutil.copytree(REGISTRIES / "sample", base)
    record = base / PROJECTS / "kadin-ustalar.yaml"
    # A problem on both sides: a duplicate key (whose message names the first line) and no source.
    text = record.read_text(encoding="utf-8")
    text = text.replace("status: active\n", "status: active\nstatus: active\n")
    text = text.replace("sources:\n  - https://example.org/haber/1\n", "")
    record.write_text(text, encoding="utf-8")
    shutil.copytree(base, head)
    return base, head


def test_a_problem_whose_line_moves_is_neither_new_nor_fixed(tmp_path: Path) -> None:
    base, head = _two(tmp_path)
    record = head / PROJECTS / "kadin-ustalar.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("owner:", "website: https://example.org\nowner:"), "utf-8")

    diff = compare(folder_side(base), folder_side(head), DAY, DAY)

    assert (diff.introduced, diff.fixed) == ((), ())
    assert [c.what.key for r in diff.records for c in r.changes] == ["diff.change.field-added"]


def test_a_renamed_file_keeps_its_problems_without_calling_them_new(tmp_path: Path) -> None:
    base, head = _two(tmp_path)
    old = head / PROJECTS / "kadin-ustalar.yaml"
    text = old.read_text(encoding="utf-8").replace("id: kadin-ustalar", "id: kadin-ustalari")
    (head / PROJECTS / "kadin-ustalari.yaml").write_text(text, encoding="utf-8")
    old.unlink()

    diff = compare(folder_side(base), folder_side(head), DAY, DAY)

    assert [(r.id, r.status, r.renamed_from) for r in diff.records] == [
        ("kadin-ustalari", "renamed", "kadin-ustalar")
    ]
    # The duplicate key and the missing source stay; the transfer that names the old id now
    # points nowhere: that is the one new problem.
    assert [(str(p.file), p.code) for p in diff.introduced] == [
        ("data/municipalities/istanbul-uskudar.yaml", "unknown-reference")
    ]
    assert diff.fixed == ()
