"""What the report claims no more than the sources do: a published figure met only by records
that cite the figure's own source says so ("met — from the same source only"), one that other
documents back says how many; a partner whose type no source gives keeps none."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_spo
from tests.test_report_backing import WIDE, figure, registry, report_json, transfer, visit

ANNOUNCEMENT = "https://example.org/haber"  # the source every `figure` cites
OTHER = "https://example.org/ziyaret-listesi"


def hosted_twice(tmp_path: Path, first: str, second: str) -> Path:
    return registry(
        tmp_path,
        figures=figure("municipalities-hosted", 2, "as-stated"),
        artvin=f"engagements:\n{visit('2025-02-10', source=first)}",
        izmit=f"engagements:\n{visit('2025-03-10', source=second)}",
    )


def echo_of(data: dict) -> list[tuple[str, bool, int]]:
    return [(f["status"], f["echo"], f["corroborating"]) for f in data["reported"]]


def test_records_that_repeat_the_announcement_are_an_echo(tmp_path: Path) -> None:
    root = hosted_twice(tmp_path, ANNOUNCEMENT, ANNOUNCEMENT + "/")  # the same address

    assert echo_of(report_json(root, "--as-of", "2025-12-31")) == [("met", True, 0)]
    table = run_spo("--root", str(root), "report", "--as-of", "2025-12-31", env=WIDE).stdout
    flat = " ".join(table.split())
    assert "2 2 0 met — from the same source only [1]" in flat
    assert flat.endswith(
        "From the same source only: every record behind the figure cites the very source that "
        "published it; the records repeat the announcement, they do not confirm it independently."
    )
    turkish = run_spo(
        "--root", str(root), "--lang", "tr", "report", "--as-of", "2025-12-31", "-f", "markdown"
    ).stdout
    assert "| 2 | 2 | 0 | karşılanıyor — yalnızca aynı kaynaktan |" in turkish


@pytest.mark.parametrize(
    ("first", "second", "expected", "words"),
    [
        (ANNOUNCEMENT, OTHER, ("met", False, 1), "met — with 1 other source"),
        (OTHER, OTHER + "/2", ("met", False, 2), "met — with 2 other sources"),
        # A record that cites nothing confirms nothing, and echoes nothing either.
        (ANNOUNCEMENT, "", ("met", False, 0), "met"),
    ],
)
def test_a_figure_other_documents_back_says_how_many(
    tmp_path: Path, first: str, second: str, expected: tuple[str, bool, int], words: str
) -> None:
    root = hosted_twice(tmp_path, first, second)

    assert echo_of(report_json(root, "--as-of", "2025-12-31")) == [expected]
    table = run_spo("--root", str(root), "report", "--as-of", "2025-12-31", env=WIDE).stdout
    assert f"2 2 0 {words} [1]" in " ".join(table.split())
    assert "From the same source only" not in table


def test_a_shortfall_or_a_transfer_figure_is_never_an_echo(tmp_path: Path) -> None:
    root = registry(
        tmp_path,
        figures=figure("municipalities-supported", 2, "at-least"),
        artvin=transfer(("presentation", "2025-03-01")),
    )

    assert echo_of(report_json(root, "--as-of", "2025-12-31")) == [("partly-recorded", False, 0)]


def test_a_partner_whose_type_no_source_gives_is_shown_so_and_not_counted_by_type(
    tmp_path: Path,
) -> None:
    project = (
        "id: hanim-evi\nname: {tr: Hanım Evi}\nowner: mersin-bb\nsummary: {tr: Bir ev.}\n"
        'status: unknown\nlaunched: "2024-01"\npartners:\n'
        "  - name: Bir Enstitü\n    role: supporter\n"
        "  - name: Bir Dernek\n    type: ngo\n    role: implementer\n"
        "sources: [https://example.org/hanim-evi]\n"
    )
    root = registry(tmp_path, projects={"hanim-evi": project})

    shown = run_spo("--root", str(root), "project", "show", "hanim-evi", env=WIDE).stdout
    assert "Bir Enstitü (type not in the sources, Supporter)" in shown
    turkish = run_spo("--root", str(root), "--lang", "tr", "project", "show", "hanim-evi").stdout
    assert "Bir Enstitü (türü kaynakta yok, Destekçi)" in turkish
    partners = report_json(root, "--as-of", "2025-12-31")["partners_by_type"]
    # the kitchens' food bank and this project's association; the institute is under no type
    assert partners["ngo"] == 2 and sum(partners.values()) == 2


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("en", "Visitors: the records behind it as of 2025-12-31 (2 engagements; visitors counted: "
               "12)"),
        ("tr", "Ziyaretçi: 2025-12-31 itibarıyla arkasındaki kayıtlar (2 temas; sayılan "
               "ziyaretçi: 12)"),
    ],
)  # fmt: skip
def test_the_visitors_explanation_counts_engagements_and_visitors_by_name(
    tmp_path: Path, lang: str, heading: str
) -> None:
    """Its rows are engagements, so "(2)" alone would read as two visitors."""
    root = registry(
        tmp_path,
        artvin=f"engagements:\n{visit('2025-02-10', 12)}",
        izmit=f"engagements:\n{visit('2025-03-10')}",
    )
    run = run_spo(
        "--root", str(root), "--lang", lang, "report", "--explain", "visitors",
        "--as-of", "2025-12-31", env=WIDE,
    )  # fmt: skip
    assert run.stdout.splitlines()[0] == heading


def test_visitors_with_no_count_at_all_are_no_number_in_json_as_in_the_table(
    tmp_path: Path,
) -> None:
    root = registry(tmp_path, artvin=f"engagements:\n{visit('2025-02-10')}")

    data = report_json(root, "--as-of", "2025-12-31")
    table = run_spo("--root", str(root), "report", "--as-of", "2025-12-31", env=WIDE).stdout

    assert data["visitors"] == {"total": None, "engagements_without_count": 1}
    assert "Visitors — (1 engagement without a participant count)" in " ".join(table.split())
    empty = registry(tmp_path / "empty")
    assert report_json(empty, "--as-of", "2025-12-31")["visitors"]["total"] is None


# One document cited in the forms staff write a source in: the same stored copy, the same address
# (with or without a stored copy on one side), or the same publisher, title and date.
STORY = "{title: Sosyal Politika Turu, publisher: Mersin Gündem, date: '2025-06-30'"
HABER = "https://example.org/haber"
STORED = f"{STORY}, url: {HABER}, archived: 000_a.txt}}"  # the figure's, with its stored copy


@pytest.mark.parametrize(
    ("published", "cited", "expected"),
    [
        # the same stored copy, found at two addresses: one document
        (STORED, f"{{title: T, url: {HABER}/2, archived: 000_a.txt}}", (True, 0)),
        # two stored copies at one address: two documents
        (STORED, f"{{title: T, url: {HABER}, archived: 000_b.txt}}", (False, 1)),
        # a stored copy on one side only: the address decides
        (STORED, HABER, (True, 0)),
        (STORED, f"{HABER}/2", (False, 1)),
        # no address on one side: publisher, title and date decide
        (f"{STORY}}}", f"{STORY}, url: {HABER}}}", (True, 0)),
        (f"{STORY}}}", f"{STORY.replace('Turu', 'Günü')}, url: {HABER}}}", (False, 1)),
        (f"{STORY}}}", f"{STORY.replace('2025-06-30', '2025-06-29')}}}", (False, 1)),
        (f"{STORY}}}", HABER, (False, 1)),
    ],
)  # fmt: skip
def test_the_same_document_cited_in_another_form_is_still_the_figures_own_source(
    tmp_path: Path, published: str, cited: str, expected: tuple[bool, int]
) -> None:
    figures = figure("municipalities-hosted", 2, "as-stated").replace(HABER, published)
    root = registry(
        tmp_path,
        figures=figures,
        artvin=f"engagements:\n{visit('2025-02-10', source=cited)}",
        izmit=f"engagements:\n{visit('2025-03-10', source=cited)}",
    )

    assert echo_of(report_json(root, "--as-of", "2025-12-31")) == [("met", *expected)]


@pytest.mark.parametrize(
    ("visits", "expected"),
    [
        (0, ("unbacked", None, None, None, False)),  # nothing recorded could back it
        (1, ("met", True, 1, 0, True)),  # the visit cites the announcement: an echo
        (2, ("contradicted", False, 2, 1, False)),  # more than exactly 1: no echo, whatever cited
    ],
)
def test_only_a_met_figure_can_be_an_echo(
    tmp_path: Path, visits: int, expected: tuple[object, ...]
) -> None:
    days = ["2025-02-10", "2025-03-10"][:visits]
    root = registry(
        tmp_path,
        figures=figure("municipalities-hosted", 1, "exact"),
        artvin=f"engagements:\n{visit(days[0], source=HABER)}" if visits > 0 else "",
        izmit=f"engagements:\n{visit(days[1], source=HABER)}" if visits > 1 else "",
    )

    (check,) = report_json(root, "--as-of", "2025-12-31")["reported"]
    shown = (check["status"], check["met"], check["recorded"], check["difference"], check["echo"])
    assert shown == expected


def test_an_address_ending_in_a_capital_x_is_still_the_same_document(tmp_path: Path) -> None:
    """A short link such as https://bit.ly/3kZX: only the trailing slash is set aside when
    addresses are compared, never the letters before it."""
    short = "https://bit.ly/3kZX"
    root = registry(
        tmp_path,
        figures=figure("municipalities-hosted", 2, "as-stated").replace(ANNOUNCEMENT, short),
        artvin=f"engagements:\n{visit('2025-02-10', source=short + '/')}",
        izmit=f"engagements:\n{visit('2025-03-10', source=short)}",
    )

    assert echo_of(report_json(root, "--as-of", "2025-12-31")) == [("met", True, 0)]


def _history(*entries: tuple[str, str, str]) -> str:
    lines = "".join(
        f'      - stage: {stage}\n        date: "{day}"\n        source: {source}\n'
        for stage, day, source in entries
    )
    return f"transfers:\n  - project: mahalle-mutfaklari\n    history:\n{lines}"


@pytest.mark.parametrize(
    ("support_source", "expected"),
    [(ANNOUNCEMENT, ("met", True, 0)), (OTHER, ("met", False, 1))],
)
def test_a_support_rests_on_the_source_of_the_stage_that_made_it_support(
    tmp_path: Path, support_source: str, expected: tuple[str, bool, int]
) -> None:
    """An earlier inquiry, cited by another document, does not confirm a support: what backs
    "1 municipality supported" is the source of the first support stage."""
    root = registry(
        tmp_path,
        figures=figure("municipalities-supported", 1, "as-stated"),
        artvin=_history(
            ("inquiry", "2025-01-10", "https://example.org/gorusme"),
            ("planning-support", "2025-02-10", support_source),
        ),
    )

    assert echo_of(report_json(root, "--as-of", "2025-12-31")) == [expected]
