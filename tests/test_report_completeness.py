"""Completeness is data: a publisher says, on some authority, that the registry holds every record
of a kind up to a day. Only then does a shortfall contradict a published figure; without it the
figure is partly recorded. The statement heads every report format, shows in `municipality show`
and is checked by `spo validate`.

The registries are those of `test_report_backing`: Mersin (the office), Artvin, İzmit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_spo
from tests.test_report_backing import MERSIN, WIDE, figure, registry, report_json, visit

AUTHORITY = """\
    source:
      title: Ağırladığımız belediyeler
      date: "{published}"
"""


def statement(
    to: str = "2025-06-30",
    start: str | None = None,
    records: str = "study-visits",
    published: str = "2025-06-30",
) -> str:
    begins = f'    from: "{start}"\n' if start else ""
    return f'  - records: {records}\n{begins}    to: "{to}"\n' + AUTHORITY.format(
        published=published
    )


OFFICE = """\
office:
  name: Sosyal Politikalar Ofisi
  opened: "2024-10-17"
"""


def hosted_registry(tmp_path: Path, *statements: str, claimed: int = 2) -> Path:
    """Mersin says it hosted `claimed` municipalities by 2025-06-30; the registry records one."""
    mersin = MERSIN + OFFICE
    mersin += f"reported_figures:\n{figure('municipalities-hosted', claimed, 'as-stated')}"
    if statements:
        mersin += "completeness:\n" + "".join(statements)
    return registry(
        tmp_path,
        artvin=f"engagements:\n{visit('2025-02-10')}",
        municipalities={"mersin-bb": mersin},
    )


def check_of(data: dict) -> tuple:
    (check,) = data["reported"]
    return check["status"], check["recorded"], check["difference"], check["complete"]


def test_a_shortfall_in_a_record_declared_complete_is_a_contradiction(tmp_path: Path) -> None:
    root = hosted_registry(tmp_path, statement())

    data = report_json(root, "--as-of", "2025-12-31")
    assert check_of(data) == ("contradicted", 1, -1, True)
    assert data["reported"][0]["coverage"] == {
        "municipality": "mersin-bb",
        "records": "study-visits",
        "to": "2025-06-30",
        "source": {"title": "Ağırladığımız belediyeler", "date": "2025-06-30"},
    }
    assert data["completeness"] == [data["reported"][0]["coverage"]]

    table = run_spo("--root", str(root), "report", "--as-of", "2025-12-31", env=WIDE).stdout
    assert (
        "Declared complete: Mersin Büyükşehir Belediyesi — Study visits (every municipality "
        "hosted), from the beginning to 2025-06-30 (source: Ağırladığımız belediyeler, "
        "2025-06-30)"
    ) in table
    assert "2 1 -1 contradicted — records complete [1]" in " ".join(table.split())
    assert "Contradicted (records complete): the registry is declared to hold every record" in (
        " ".join(table.split())
    )
    assert "partly recorded" not in table


def test_the_same_contradiction_reads_in_turkish_in_every_text_format(tmp_path: Path) -> None:
    root = hosted_registry(tmp_path, statement())
    args = ("--root", str(root), "--lang", "tr", "report", "--as-of", "2025-12-31")

    markdown = run_spo(*args, "--format", "markdown").stdout
    assert (
        "Eksiksiz olarak bildirilen: Mersin Büyükşehir Belediyesi — Yerinde inceleme "
        "ziyaretleri (ağırlanan her belediye), başından 2025-06-30 tarihine kadar (kaynak: "
        "Ağırladığımız belediyeler, 2025-06-30)  "
    ) in markdown.splitlines()
    assert "| 2 | 1 | -1 | kayıtlarla çelişiyor — kayıt eksiksiz |" in markdown
    html = run_spo(*args, "--format", "html").stdout
    assert '<p class="completeness">Eksiksiz olarak bildirilen: Mersin Büyükşehir' in html
    assert "kayıtlarla çelişiyor — kayıt eksiksiz" in html


def test_without_a_statement_the_same_shortfall_is_partly_recorded(tmp_path: Path) -> None:
    root = hosted_registry(tmp_path)

    data = report_json(root, "--as-of", "2025-12-31")
    assert check_of(data) == ("partly-recorded", 1, None, False)
    assert (data["completeness"], data["reported"][0]["coverage"]) == ([], None)
    table = run_spo("--root", str(root), "report", "--as-of", "2025-12-31", env=WIDE).stdout
    assert (
        "No record is declared complete: where the records fall short of a published figure, "
        "they may not all be entered yet."
    ) in table


@pytest.mark.parametrize(
    ("what", "written"),
    [
        ("a record that stops before the figure's day", statement(to="2025-06-29")),
        ("a record of another kind", statement(records="transfers")),
        # From 2025-01-01, but the office opened in 2024: earlier visits may be missing.
        ("a record that starts after the office opened", statement(start="2025-01-01")),
        # The statement was published after the report's day: the report cannot rest on it yet.
        ("an authority not yet published", statement(published="2026-01-01")),
    ],
)
def test_a_statement_covers_a_figure_only_from_the_beginning_to_its_day(
    tmp_path: Path, what: str, written: str
) -> None:
    root = hosted_registry(tmp_path, written)

    assert check_of(report_json(root, "--as-of", "2025-12-31")) == (
        "partly-recorded",
        1,
        None,
        False,
    ), what


def test_a_record_from_the_day_the_office_opened_is_from_the_beginning(tmp_path: Path) -> None:
    root = hosted_registry(tmp_path, statement(start="2024-10-17"))

    assert check_of(report_json(root, "--as-of", "2025-12-31")) == ("contradicted", 1, -1, True)


def test_a_complete_record_that_meets_the_figure_is_met(tmp_path: Path) -> None:
    root = hosted_registry(tmp_path, statement(), claimed=1)

    assert check_of(report_json(root, "--as-of", "2025-12-31")) == ("met", 1, 0, True)


def test_nothing_recorded_in_a_complete_record_is_a_zero_not_unbacked(tmp_path: Path) -> None:
    mersin = MERSIN + OFFICE
    mersin += f"reported_figures:\n{figure('municipalities-supported', 3, 'at-least')}"
    mersin += "completeness:\n" + statement(records="transfers")
    root = registry(tmp_path, municipalities={"mersin-bb": mersin})

    assert check_of(report_json(root, "--as-of", "2025-12-31")) == ("contradicted", 0, -3, True)
    table = run_spo("--root", str(root), "report", "--as-of", "2025-12-31", env=WIDE).stdout
    assert "3 0 -3 contradicted — records complete [1]" in " ".join(table.split())


def test_municipality_show_lists_what_is_declared_complete(tmp_path: Path) -> None:
    root = hosted_registry(
        tmp_path, statement(), statement(start="2024-10-17", records="transfers")
    )

    run = run_spo("--root", str(root), "municipality", "show", "mersin-bb", env=WIDE)
    lines = [line.rstrip() for line in run.stdout.splitlines()]
    start = lines.index("Records declared complete")
    assert [" ".join(line.split()) for line in lines[start + 1 : start + 5]] == [
        "Records Period Source",
        "─" * len(lines[start + 2]),
        "Study visits (every municipality hosted) from the beginning to 2025-06-30 "
        "Ağırladığımız belediyeler, 2025-06-30",
        "Transfers (every one, with its stages) from 2024-10-17 to 2025-06-30 "
        "Ağırladığımız belediyeler, 2025-06-30",
    ]
    turkish = run_spo(
        "--root", str(root), "--lang", "tr", "municipality", "show", "mersin-bb", env=WIDE
    ).stdout
    assert "Eksiksiz olarak bildirilen kayıtlar" in turkish
    assert "2024-10-17 ile 2025-06-30 arası" in turkish


# --- spo validate ---------------------------------------------------------------------------


def broken(tmp_path: Path, written: str) -> tuple[Path, Path]:
    root = tmp_path / "registry"
    (root / "data" / "municipalities").mkdir(parents=True)
    path = root / "data" / "municipalities" / "mersin-bb.yaml"
    path.write_text(MERSIN + OFFICE + "completeness:\n" + written, encoding="utf-8")
    return root, path


@pytest.mark.parametrize(
    ("written", "english", "turkish"),
    [
        (
            statement(to="../2025-06-30"),
            "FILE:11:9: error: '../2025-06-30' gives no certain "
            "last day; say for certain until when the record is complete (for example "
            "2025-03-21) [completeness-open-end] at $.completeness[0].to",
            "FILE:11:9: hata: '../2025-06-30' belirli bir son gün "
            "vermiyor; kaydın hangi güne kadar eksiksiz olduğunu kesin bir tarihle yazın "
            "(örneğin 2025-03-21) [completeness-open-end] ($.completeness[0].to konumunda)",
        ),
        (
            statement(start="2025-07-01"),
            "FILE:11:11: error: the record cannot end on "
            "2025-06-30 before it starts on 2025-07-01; 'from' must come before 'to' "
            "[completeness-backwards] at $.completeness[0].from",
            "FILE:11:11: hata: kayıt 2025-06-30 tarihinde bitip "
            "2025-07-01 tarihinde başlayamaz; 'from' 'to'dan önce olmalı "
            "[completeness-backwards] ($.completeness[0].from konumunda)",
        ),
        (
            statement(to="2025-02-30"),
            "FILE:11:9: error: '2025-02-30' is not a real date "
            "(2025-02 has 28 days) [bad-date] at $.completeness[0].to",
            "FILE:11:9: hata: ",
        ),
    ],
)
def test_validate_refuses_a_statement_that_says_nothing_certain(
    tmp_path: Path, written: str, english: str, turkish: str
) -> None:
    root, path = broken(tmp_path, written)
    before = path.read_bytes()

    run = run_spo("--root", str(root), "--lang", "en", "validate")
    assert run.exit_code == 1
    assert run.stdout.splitlines()[0] == english.replace("FILE", str(path))
    tr = run_spo("--root", str(root), "--lang", "tr", "validate")
    assert tr.stdout.splitlines()[0].startswith(turkish.replace("FILE", str(path)))
    assert path.read_bytes() == before  # validate never writes


def test_a_statement_needs_its_authority(tmp_path: Path) -> None:
    root, _ = broken(tmp_path, '  - records: study-visits\n    to: "2025-06-30"\n')

    run = run_spo("--root", str(root), "--lang", "en", "validate")
    assert run.exit_code == 1
    assert run.stdout.splitlines()[0] == (
        f"{root / 'data/municipalities/mersin-bb.yaml'}:10:5: error: missing required key "
        "'source' [schema] at $.completeness[0]"
    )


def test_explain_heads_the_records_with_the_figures_in_the_report_s_words(tmp_path: Path) -> None:
    root = hosted_registry(tmp_path, statement())
    args = ("--root", str(root), "report", "--explain", "municipalities-hosted")

    english = run_spo(*args, "--as-of", "2025-12-31", env=WIDE).stdout.splitlines()
    assert english[:3] == [
        "Municipalities hosted: the records behind it as of 2025-12-31 (1)",
        "Published: 2 (Mersin Büyükşehir Belediyesi, 2025-06-30) · recorded: 1 · contradicted — "
        "records complete",
        "Declared complete: Mersin Büyükşehir Belediyesi — Study visits (every municipality "
        "hosted), from the beginning to 2025-06-30 (source: Ağırladığımız belediyeler, "
        "2025-06-30)",
    ]
    turkish = run_spo(
        "--lang", "tr", *args, "--as-of", "2025-12-31", "--format", "markdown", env=WIDE
    ).stdout.splitlines()
    assert turkish[2] == (
        "Açıklanan: 2 (Mersin Büyükşehir Belediyesi, 2025-06-30) · kayıtlı: 1 · kayıtlarla "
        "çelişiyor — kayıt eksiksiz  "
    )
    # Before the figure was published there is no figure to head the records with.
    before = run_spo(*args, "--as-of", "2025-06-29", env=WIDE).stdout.splitlines()
    assert before[1].startswith("ID ")
