"""The HTML report's timeline runs from the first year anything happened to the last: a year
with study visits only, a year with transfer stages only, the quiet years between them, and not
one year more."""

from __future__ import annotations

from pathlib import Path

from tests.test_report_backing import registry, transfer, visit
from tests.test_report_html import page_of


def timeline_years(root: Path, day: str) -> list[str]:
    _, page = page_of(root, "--as-of", day)
    return [text for attrs, text in page.having("label", "text") if text.isdigit()]


def test_visits_in_one_year_and_stages_in_another_span_the_years_between(tmp_path: Path) -> None:
    root = registry(
        tmp_path,
        artvin=f"engagements:\n{visit('2022-05-10')}",
        izmit=transfer(("inquiry", "2025-03-01")),
    )

    assert timeline_years(root, "2025-12-31") == ["2022", "2023", "2024", "2025"]


def test_a_single_year_is_a_single_column(tmp_path: Path) -> None:
    root = registry(tmp_path, izmit=transfer(("inquiry", "2025-03-01")))

    assert timeline_years(root, "2025-12-31") == ["2025"]
