"""`spo report --explain` gives one row per record behind a figure, each saying what it is: a
study visit is an engagement, with no project or municipality beside it; a transfer's stage names
its project; a project's row names the municipality that took it up."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_spo
from tests.test_report_backing import WIDE, figure, registry, transfer, visit

VISIT = "https://example.org/ziyaret"


def hosted_by_a_visit_and_a_transfer(tmp_path: Path) -> Path:
    return registry(
        tmp_path,
        artvin=f"engagements:\n{visit('2025-02-10', source=VISIT)}",
        izmit=transfer(("study-visit", "2025-03-01"), ("presentation", "2025-04-01")),
    )


def explained(root: Path, metric: str, *args: str) -> str:
    run = run_spo(
        "--root", str(root), "report", "--explain", metric, "--as-of", "2025-12-31", *args,
        env=WIDE,
    )  # fmt: skip
    assert (run.exit_code, run.stderr) == (0, "")
    return run.stdout


def test_a_visit_and_a_transfers_stage_are_told_apart(tmp_path: Path) -> None:
    root = hosted_by_a_visit_and_a_transfer(tmp_path)

    assert json.loads(explained(root, "municipalities-hosted", "--format", "json")) == [
        {
            "id": "artvin",
            "name": "Artvin Belediyesi",
            "kind": "provincial",
            "event": "study-visit",
            "date": "2025-02-10",
            "source": VISIT,
        },
        {
            "id": "kocaeli-izmit",
            "name": "İzmit Belediyesi",
            "kind": "district",
            "event": "study-visit",
            "date": "2025-03-01",
            "source": None,
            "project": "mahalle-mutfaklari",
        },
    ]
    table = explained(root, "municipalities-hosted")
    assert "  Study visit                       2025-02-10  [1]" in table
    assert "  Study visit (Mahalle Mutfakları)  2025-03-01" in table


def test_a_project_row_names_the_municipality_that_took_it_up(tmp_path: Path) -> None:
    root = hosted_by_a_visit_and_a_transfer(tmp_path)

    assert json.loads(explained(root, "projects-supported", "--format", "json")) == [
        {
            "id": "mahalle-mutfaklari",
            "name": "Mahalle Mutfakları",
            "kind": None,
            "event": "presentation",
            "date": "2025-04-01",
            "source": None,
            "municipality": "kocaeli-izmit",
        }
    ]
    assert "Presentation (İzmit Belediyesi)  2025-04-01" in explained(root, "projects-supported")


def test_with_a_kind_only_the_figures_published_for_that_kind_are_set_beside(
    tmp_path: Path,
) -> None:
    """Mersin published 2 municipalities hosted in all, 1 of them provincial: the provincial
    explanation shows the 1 beside its record, the district one shows no figure at all."""
    provincial = figure("municipalities-hosted", 1, "as-stated").replace(
        "    qualifier", "    municipality_kind: provincial\n    qualifier"
    )
    root = registry(
        tmp_path,
        figures=figure("municipalities-hosted", 2, "as-stated") + provincial,
        artvin=f"engagements:\n{visit('2025-02-10')}",
        izmit=f"engagements:\n{visit('2025-03-10')}",
    )

    shown = explained(root, "municipalities-hosted", "--kind", "provincial").splitlines()
    assert shown[:2] == [
        "Municipalities hosted (Provincial): the records behind it as of 2025-12-31 (1)",
        "Published: 1 (Mersin Büyükşehir Belediyesi, 2025-06-30) · recorded: 1 · met",
    ]
    assert "Published" not in explained(root, "municipalities-hosted", "--kind", "district")
