"""`spo report` as the office runs it before a press release: on the shipped data, with its options,
and with the mistakes people make typing them."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import REGISTRIES, run_spo

REPO = Path(__file__).resolve().parents[1]
SHIPPED_VISITORS = [
    p for p in (REPO / "data" / "municipalities").glob("*.yaml") if p.stem != "mersin-bb"
]


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A copy of the shipped registry, so that the report's cache is not written into the repo."""
    root = tmp_path / "shipped"
    shutil.copytree(REPO / "data", root / "data")
    return root


@pytest.fixture
def histories(tmp_path: Path) -> Path:
    root = tmp_path / "report-histories"
    shutil.copytree(REGISTRIES / "report-histories", root)
    return root


def visible(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


@pytest.mark.skipif(
    len(SHIPPED_VISITORS) < 16,
    reason="the shipped data does not hold the 16 municipalities of the Social Policy Tour yet",
)
def test_on_the_shipped_data_16_municipalities_were_hosted_as_published(shipped: Path) -> None:
    run = run_spo("--root", str(shipped), "report", "--as-of", "2025-03-21", "--format", "json")

    assert run.exit_code == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["as_of"] == "2025-03-21"
    assert data["municipalities_hosted"] == 16
    assert data["municipalities_hosted_by_kind"] == {
        "metropolitan": 7,
        "provincial": 2,
        "district": 6,
        "town": 1,
    }
    hosted = [f for f in data["reported"] if f["metric"] == "municipalities-hosted"]
    keys = ("date", "owner", "value", "qualifier", "recorded", "difference", "met", "echo")
    assert [{k: f[k] for k in keys} for f in hosted] == [
        {
            "date": "2025-03-21",
            "owner": "mersin-bb",
            "value": 16,
            "qualifier": "as-stated",
            "recorded": 16,
            "difference": 0,
            "met": True,
            # every visit behind it is cited from the very article that published the 16
            "echo": True,
        }
    ]

    table = visible(
        run_spo(
            "--root", str(shipped), "report", "--as-of", "2025-03-21", "--owner", "mersin-bb"
        ).stdout
    )
    assert "Hosted (study visit) 16 7 2 6 1" in table
    assert "2025-03-21 Municipalities hosted 16 16 0 met — from the same source only [1]" in table


def test_the_day_before_the_visits_were_certain_nobody_had_been_hosted(shipped: Path) -> None:
    run = run_spo("--root", str(shipped), "report", "--as-of", "2025-03-20", "--format", "json")

    assert run.exit_code == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["municipalities_hosted"] is None  # nothing recorded by then, not 0
    assert data["reported"] == []  # the figures of 21 March were not published yet


@pytest.mark.parametrize("given", ["21.03.2025", "21.3.2025", "21 Mart 2025", "21 March 2025"])
def test_as_of_takes_a_day_as_staff_write_it(histories: Path, given: str) -> None:
    iso = run_spo("--root", str(histories), "report", "--as-of", "2025-03-21", "--format", "json")
    run = run_spo("--root", str(histories), "report", "--as-of", given, "--format", "json")

    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == iso.stdout


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("2025-02-30", "is not a real date (2025-02 has 28 days)"),
        ("Mart 2025", "is not a day; give one day, e.g. 2025-03-21, 21.03.2025 or 21 March 2025"),
        (
            "21/03/2025",
            "could be day/month/year or month/day/year; write day.month.year with dots, e.g. "
            "05.12.2026 (5 December 2026)",
        ),
        (
            "today",
            "is not a date spo understands; write e.g. 05.12.2026, 5 December 2026, December 2026 "
            "or 2026",
        ),
    ],
)
def test_as_of_refuses_what_is_not_one_day_saying_why(
    histories: Path, given: str, said: str
) -> None:
    run = run_spo("--root", str(histories), "report", "--as-of", given, "--format", "json")

    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == f"spo: --as-of: '{given}' {said}\n"


def test_an_unknown_owner_is_named_with_a_suggestion(histories: Path) -> None:
    run = run_spo("--root", str(histories), "report", "--owner", "mersinn", "--format", "json")

    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == "spo: no municipality 'mersinn' (did you mean 'mersin-bb'?)\n"


def test_without_as_of_the_report_is_as_of_today(histories: Path) -> None:
    run = run_spo("--root", str(histories), "report", "--format", "json")

    data = json.loads(run.stdout)
    assert data["as_of"] == date.today().isoformat()
    # Everything in the registry has happened by now; Çardak's and Karaköprü's services run.
    assert data["municipalities_launched_by_kind"] == {
        "metropolitan": 0,
        "provincial": 0,
        "district": 1,
        "town": 1,
    }
    assert len(data["reported"]) == 8


def test_the_report_speaks_the_language_asked_for(histories: Path) -> None:
    on_command = run_spo(
        "--root", str(histories), "report", "--as-of", "2025-06-30", "--lang", "tr"
    )
    from_env = run_spo(
        "--root", str(histories), "report", "--as-of", "2025-06-30", env={"SPO_LANG": "tr"}
    )

    assert visible(on_command.stdout)[:2] == [
        "2025-06-30 itibarıyla rapor",
        "Kayıttaki tüm projeler ve tüm temaslar.",
    ]
    assert on_command.stdout == from_env.stdout
    assert "Görüşme 3 " + "█" * 30 in visible(on_command.stdout)


def test_an_owner_report_in_markdown_names_the_owner(histories: Path) -> None:
    run = run_spo(
        "--root",
        str(histories),
        "--lang",
        "tr",
        "report",
        "--as-of",
        "2025-12-31",
        "--owner",
        "izmir-bb",
        "--format",
        "markdown",
    )

    assert run.exit_code == 0
    lines = run.stdout.splitlines()
    assert lines[:3] == [
        "# 2025-12-31 itibarıyla rapor",
        "",
        "Yalnızca İzmir Büyükşehir Belediyesi (`izmir-bb`): projeleri ve ağırladığı ziyaretler. "
        "Tarihi kesin olmayan bir olay, kesinlikle gerçekleşmiş olduğu günden itibaren sayılır.",
    ]
    assert "| Hizmeti hayata geçiren | 1 | 0 | 0 | 1 | 0 |" in lines
    assert (
        "| 2025-12-31 | Destek verilen belediye | tam 1 | 1 | 0 | karşılanıyor "
        "| https://example.org/izmir/2 |"
    ) in lines


def test_an_unreadable_file_is_left_out_with_a_warning(histories: Path) -> None:
    (histories / "data/municipalities/artvin.yaml").write_text(
        "id: artvin\nid: artvin\n", encoding="utf-8"
    )

    run = run_spo("--root", str(histories), "report", "--as-of", "2025-06-30", "--format", "json")

    assert run.exit_code == 0
    assert run.stderr == (
        "spo: warning: 1 file(s) could not be read and were left out; "
        "run `spo validate` to see why\n"
    )
    data = json.loads(run.stdout)
    assert data["municipalities_hosted_by_kind"]["provincial"] == 0
    assert data["adopters_by_province"] == {
        "Adana": 1,
        "Çanakkale": 1,
        "İzmir": 1,
        "Şanlıurfa": 1,
    }
