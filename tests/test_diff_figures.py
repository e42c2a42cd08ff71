"""A published figure is itself by its owner, date, metric and kind: a corrected value is one
figure whose status line shows the old value; and the figures of a record that no longer reads
are "not counted", not "removed"."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import REGISTRIES, run_spo

MERSIN = Path("data/municipalities/mersin-bb.yaml")


def _diff(tmp_path: Path, before: str, after: str, lang: str) -> str:
    base, head = tmp_path / "base", tmp_path / "head"
    shutil.copytree(REGISTRIES / "report-histories", base)
    shutil.copytree(base, head)
    text = (head / MERSIN).read_text(encoding="utf-8")
    assert before in text
    (head / MERSIN).write_text(text.replace(before, after, 1), encoding="utf-8")
    args = ("--base-dir", str(base), "--head-dir", str(head), "--as-of", "2026-01-01")
    run = run_spo("--lang", lang, "diff", *args)
    return run.stdout.split("\n\n")[-1]


def test_a_corrected_figure_is_one_figure_with_its_old_value(tmp_path: Path) -> None:
    edit = ("    value: 3\n    qualifier: exact\n", "    value: 4\n    qualifier: exact\n")
    assert _diff(tmp_path / "en", *edit, "en") == (
        "Status of published figures\n"
        "  Municipalities hosted, exactly 3 → exactly 4 (Mersin Büyükşehir Belediyesi, "
        "2025-03-21): met → partly recorded\n"
    )
    assert _diff(tmp_path / "tr", *edit, "tr") == (
        "Yayımlanan rakamların durumu\n"
        "  Ağırlanan belediye, tam 3 → tam 4 (Mersin Büyükşehir Belediyesi, 2025-03-21): "
        "karşılanıyor → kısmen kayıtlı\n"
    )


def test_the_figures_of_a_record_that_no_longer_reads_are_not_counted(tmp_path: Path) -> None:
    edit = ("kind: metropolitan\n", "kind: metropolitan\nkind: metropolitan\n")  # duplicate key
    base, head = tmp_path / "base", tmp_path / "head"
    shutil.copytree(REGISTRIES / "report-histories", base)
    shutil.copytree(base, head)
    text = (head / MERSIN).read_text(encoding="utf-8")
    (head / MERSIN).write_text(text.replace(*edit, 1), encoding="utf-8")
    args = ("--base-dir", str(base), "--head-dir", str(head), "--as-of", "2026-01-01")

    run = run_spo("--lang", "en", "diff", *args)

    assert run.exit_code == 1
    published = run.stdout.split("Status of published figures\n")[1].split("\n\n")[0]
    assert published.splitlines()[0] == (
        "  Municipalities hosted, exactly 3 (Mersin Büyükşehir Belediyesi, 2025-03-21): "
        "met → not counted (the record has problems) (recorded 3 → —)"
    )
    assert len(published.splitlines()) == 6
    assert all("→ not counted (the record has problems)" in line for line in published.splitlines())
    assert run.stdout.endswith(
        "New problems (1)\n"
        "  data/municipalities/mersin-bb.yaml:5:1: error: duplicate key 'kind' (first at line 4); "
        "YAML would silently keep only the last value [duplicate-key]\n"
    )
