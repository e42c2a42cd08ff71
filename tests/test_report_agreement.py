"""The office's figures checked against each other: counts that only grow cannot fall between two
announcements. The report shows the figures that disagree, with their sources, and says which
choices of definition make them disagree; figures that can both be true are left alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_spo
from tests.test_report_backing import registry

WIDE = {"COLUMNS": "400"}


def said(
    metric: str, value: int, qualifier: str, day: str, kind: str = "", source: str = "haber"
) -> str:
    return (
        f'  - date: "{day}"\n    metric: {metric}\n    value: {value}\n'
        f"    qualifier: {qualifier}\n"
        + (f"    municipality_kind: {kind}\n" if kind else "")
        + f"    source: https://example.org/{source}\n"
    )


def disagreements(root: Path) -> list[tuple[list[tuple], list[tuple]]]:
    run = run_spo("--root", str(root), "report", "--as-of", "2026-12-31", "--format", "json")
    assert run.exit_code == 0, run.stderr
    data = json.loads(run.stdout)["disagreements"]

    def side(figures: list[dict]) -> list[tuple]:
        return [(f["date"], f["metric"], f["municipality_kind"], f["value"]) for f in figures]

    return [(side(d["earlier"]), side(d["later"])) for d in data]


# The office's own case: "27 belediyeye" in 2025, "6 büyükşehir, 2 il ve 9 ilçe" in 2026.
TWENTY_SEVEN_THEN_SEVENTEEN = (
    said("municipalities-transferred-to", 27, "as-stated", "2025-03-21", source="2025")
    + said("municipalities-supported", 6, "as-stated", "2026-01-29", "metropolitan", "2026")
    + said("municipalities-supported", 2, "as-stated", "2026-01-29", "provincial", "2026")
    + said("municipalities-supported", 9, "as-stated", "2026-01-29", "district", "2026")
)


def test_a_whole_that_later_parts_add_up_below_is_a_disagreement(tmp_path: Path) -> None:
    root = registry(tmp_path, figures=TWENTY_SEVEN_THEN_SEVENTEEN)

    assert disagreements(root) == [
        (
            [("2025-03-21", "municipalities-transferred-to", None, 27)],
            [
                ("2026-01-29", "municipalities-supported", "metropolitan", 6),
                ("2026-01-29", "municipalities-supported", "provincial", 2),
                ("2026-01-29", "municipalities-supported", "district", 9),
            ],
        )
    ]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "en",
            [
                "Published figures that disagree",
                "2025-03-21 · Municipalities transferred to: 27 (https://example.org/2025)",
                "2026-01-29 · Municipalities supported (Metropolitan): 6; Municipalities "
                "supported (Provincial): 2; Municipalities supported (District): 9 "
                "(https://example.org/2026)",
                "spo makes two choices: “municipalities transferred to” and “municipalities "
                "supported” (and projects transferred and supported) are one count",
            ],
        ),
        (
            "tr",
            [
                "Birbiriyle çelişen açıklanan rakamlar",
                "2025-03-21 · Proje aktarılan belediye: 27 (https://example.org/2025)",
                "bir kaynakta aynı tarihte birlikte açıklanan türe göre rakamlar sayının "
                "tamamıdır (6 + 2 + 9 = 17)",
            ],
        ),
    ],
)
def test_the_report_names_both_sides_with_their_sources_in_every_format(
    tmp_path: Path, lang: str, words: list[str]
) -> None:
    root = registry(tmp_path, figures=TWENTY_SEVEN_THEN_SEVENTEEN)
    for form in ("table", "markdown", "html"):
        run = run_spo(
            "--root", str(root), "--lang", lang, "report", "--as-of", "2026-12-31",
            "--format", form, env=WIDE,
        )  # fmt: skip
        shown = run.stdout.replace("&quot;", '"').replace("&#x27;", "'")
        for word in words:
            assert word in shown, (form, word)


@pytest.mark.parametrize(
    ("figures", "why"),
    [
        (
            said("projects-transferred", 40, "nearly", "2025-03-21")
            + said("projects-supported", 30, "more-than", "2026-01-29"),
            "36 to 40, then 31 or more: both can be true",
        ),
        (
            said("municipalities-in-talks", 11, "as-stated", "2025-03-21")
            + said("municipalities-in-talks", 2, "as-stated", "2026-01-29"),
            "talks end: a count that may fall",
        ),
        (
            said("municipalities-supported", 27, "as-stated", "2025-03-21")
            + said("municipalities-supported", 6, "as-stated", "2026-01-29", "metropolitan", "a")
            + said("municipalities-supported", 9, "as-stated", "2026-01-29", "district", "b"),
            "parts from two sources are not read as one whole",
        ),
        (
            said("municipalities-supported", 27, "as-stated", "2025-03-21")
            + said("municipalities-supported", 9, "as-stated", "2026-01-29", "district"),
            "one kind alone says nothing of the whole",
        ),
        (
            said("municipalities-hosted", 16, "as-stated", "2025-03")
            + said("municipalities-hosted", 12, "as-stated", "2025-03-21"),
            "not certainly earlier: March 2025 may be after the 21st",
        ),
    ],
    ids=["nearly-then-more", "talks-fall", "two-sources", "one-kind", "same-month"],
)
def test_figures_that_can_both_be_true_are_left_alone(
    tmp_path: Path, figures: str, why: str
) -> None:
    root = registry(tmp_path, figures=figures)

    assert disagreements(root) == [], why
    table = run_spo("--root", str(root), "report", "--as-of", "2026-12-31", env=WIDE).stdout
    assert "disagree" not in table


def test_a_count_that_falls_between_two_announcements_disagrees(tmp_path: Path) -> None:
    root = registry(
        tmp_path,
        figures=said("municipalities-hosted", 16, "as-stated", "2025-03-21")
        + said("municipalities-hosted", 12, "at-least", "2025-06-30")
        + said("municipalities-hosted", 15, "fewer-than", "2025-12-31"),
    )

    assert disagreements(root) == [
        ([("2025-03-21", "municipalities-hosted", None, 16)],
         [("2025-12-31", "municipalities-hosted", None, 15)]),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "data/municipalities/mersin-bb.yaml:12:5: warning: this figure cannot be true "
               "together with 'Municipalities transferred to: 27' of 2025-03-21: the count only "
               "grows (under spo's definitions; spo report shows both side by side) "
               "[figures-disagree] at $.reported_figures[1]"),
        ("tr", "data/municipalities/mersin-bb.yaml:12:5: uyarı: bu rakam, 2025-03-21 tarihli "
               "'Proje aktarılan belediye: 27' rakamıyla birlikte doğru olamaz: bu sayı yalnızca "
               "artar (spo'nun tanımlarıyla; spo report ikisini yan yana gösterir) "
               "[figures-disagree] ($.reported_figures[1] konumunda)"),
    ],
)  # fmt: skip
def test_validate_warns_at_the_later_figure_and_names_the_earlier(
    tmp_path: Path, lang: str, line: str
) -> None:
    root = registry(tmp_path, figures=TWENTY_SEVEN_THEN_SEVENTEEN)

    run = run_spo("--root", str(root), "--lang", lang, "validate")

    assert run.exit_code == 0  # a warning: --strict fails on it
    assert run.stdout.splitlines()[0] == f"{root}/{line}"
    strict = run_spo("--root", str(root), "validate", "--strict")
    assert strict.exit_code == 1
