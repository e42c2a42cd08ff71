"""On a narrow terminal (60 or 80 columns) no table loses a column or cuts a value: tables wrap
between words or become one card per row. Every word of the unbounded output must still be
there, whole, at the narrow width."""

from __future__ import annotations

import pytest

from tests.conftest import REGISTRIES, run_spo

COMMANDS = [
    ["report", "--as-of", "2025-06-30"],
    ["report", "--as-of", "2025-06-30", "--owner", "mersin-bb"],
    ["municipality", "list"],
    ["project", "list"],
    ["transfer", "list"],
    ["search", "mersin"],
    ["municipality", "show", "mersin-bb"],
]


@pytest.mark.parametrize("lang", ["tr", "en"])
@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_no_word_is_lost_on_a_narrow_terminal(command: list[str], width: int, lang: str) -> None:
    root = ["--root", str(REGISTRIES / "report-histories"), "--lang", lang]
    wide = run_spo(*root, *command, env={"COLUMNS": "10000"})
    narrow = run_spo(*root, *command, env={"COLUMNS": str(width)})
    assert wide.exit_code == narrow.exit_code == 0
    assert max(len(line.rstrip()) for line in narrow.stdout.splitlines()) <= width

    def words(text: str) -> set[str]:  # the rule under a header is drawn to the table's width
        return {w for w in text.split() if set(w) != {"─"}}

    assert sorted(words(wide.stdout) - words(narrow.stdout)) == []


def test_the_reported_figures_keep_status_and_source_at_60_columns() -> None:
    root = ["--root", str(REGISTRIES / "report-histories"), "--lang", "tr"]
    run = run_spo(*root, "report", "--as-of", "2025-06-30", env={"COLUMNS": "60"})
    figures = run.stdout.split("Açıklanan ve kayıtlı rakamlar\n")[1]
    assert [line.rstrip() for line in figures.splitlines()[:9]] == [
        "Tarih      2025-01",
        "Ölçüt      Destek verilen proje · İzmir Büyükşehir",
        "           Belediyesi",
        "Açıklanan  en az 1",
        "Kayıtlı    1",
        "Fark       0",
        "Durum      karşılanıyor",
        "Kaynak     [1]",
        "",
    ]


@pytest.mark.parametrize("columns", ["0", "", "wide"])
def test_a_columns_variable_that_is_no_width_is_as_if_unset(columns: str) -> None:
    unset = run_spo(
        "--root", str(REGISTRIES / "sample"), "municipality", "list", env={"COLUMNS": ""}
    )
    given = run_spo(
        "--root", str(REGISTRIES / "sample"), "municipality", "list", env={"COLUMNS": columns}
    )

    assert given == unset
    assert "Artvin Belediyesi" in unset.stdout
