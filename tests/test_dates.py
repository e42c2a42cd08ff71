"""Dates say exactly what a source knows, and no day is invented."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest

from spo.cli.words import render
from spo.rules.dates import DATE_PATTERN, DateError, parse_date, parse_date_or_none, parse_day


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2025-03-21", date(2025, 3, 21), date(2025, 3, 21)),
        ("2025-02", date(2025, 2, 1), date(2025, 2, 28)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2025", date(2025, 1, 1), date(2025, 12, 31)),
        ("../2025-03-21", None, date(2025, 3, 21)),
        ("../2025", None, date(2025, 12, 31)),
        ("2024-10/2025-03", date(2024, 10, 1), date(2025, 3, 31)),
        ("2025-07/..", date(2025, 7, 1), None),
        ("2025-07-14/..", date(2025, 7, 14), None),
        ("2025/..", date(2025, 1, 1), None),
        ("2025-03-21/2025-03-21", date(2025, 3, 21), date(2025, 3, 21)),
        ("2025-03/2025-03", date(2025, 3, 1), date(2025, 3, 31)),
        ("2025-03/2025-03-01", date(2025, 3, 1), date(2025, 3, 1)),
        ("2025-02-28", date(2025, 2, 28), date(2025, 2, 28)),
        ("0001-01-01", date(1, 1, 1), date(1, 1, 1)),
    ],
)
def test_bounds(text: str, earliest: date | None, latest: date) -> None:
    parsed = parse_date(text)
    assert (parsed.earliest, parsed.latest) == (earliest, latest)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-13", "'2025-13' is not a real date (there is no month 13)"),
        ("2025-02-29", "'2025-02-29' is not a real date (2025-02 has 28 days)"),
        ("2025-03/2025-01", "'2025-03/2025-01' ends before it starts"),
        ("2025-03-02/2025-03-01", "'2025-03-02/2025-03-01' ends before it starts"),
        ("0000-05", "'0000-05' is not a real date (there is no year 0000)"),
        ("2025-02-00", "'2025-02-00' is not a real date (2025-02 has 28 days)"),
        (
            "21.03.2025",
            "'21.03.2025' is not a date: use YYYY-MM-DD (or YYYY-MM, YYYY, ../YYYY-MM-DD, "
            "YYYY-MM-DD/.., A/B)",
        ),
    ],
)
def test_impossible_dates_are_refused(text: str, message: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert render(caught.value.message, "en") == message


def test_an_event_by_a_date_counts_from_that_date_only() -> None:
    by = parse_date("../2025-03-21")
    assert not by.certainly_by(date(2025, 3, 20))
    assert by.certainly_by(date(2025, 3, 21))
    year = parse_date("2025")
    assert not year.certainly_by(date(2025, 12, 30))
    assert year.certainly_by(date(2025, 12, 31))


def test_order_is_certain_only_when_the_ranges_do_not_overlap() -> None:
    assert parse_date("2025-01").certainly_before(parse_date("2025-02-01"))
    assert not parse_date("2025").certainly_before(parse_date("2025-06-01"))
    assert not parse_date("2024-12-01").certainly_before(parse_date("../2025-03-21"))


def test_an_event_on_or_after_a_day_is_never_certainly_done() -> None:
    """An open end has no latest day: no report counts it as done by any day, however late."""
    after = parse_date("2025-07/..")
    assert not after.certainly_by(date(9999, 12, 31))
    assert after.certainly_after(date(2025, 6, 30))
    assert not after.certainly_after(date(2025, 7, 1))
    assert not parse_date("../2025-03").certainly_after(date(1, 1, 1))


def test_a_day_is_after_only_the_days_before_it() -> None:
    day = parse_date("2025-03-21")
    assert day.certainly_after(date(2025, 3, 20))
    assert not day.certainly_after(date(2025, 3, 21))


def test_the_same_day_is_not_certainly_before_itself() -> None:
    assert not parse_date("2025-03-21").certainly_before(parse_date("2025-03-21"))
    assert parse_date("2025-03-20").certainly_before(parse_date("2025-03-21"))
    assert not parse_date("2025-07/..").certainly_before(parse_date("2099"))


def test_sort_key_puts_the_latest_possible_day_first_and_open_ends_last() -> None:
    texts = ["2025-07/..", "2025", "../2025-03-21", "2025-03-21", "2025-03", "2024-12/2025-03"]
    ordered = sorted(texts, key=lambda t: parse_date(t).sort_key())
    assert ordered == [
        "../2025-03-21",  # no earliest day: before the day itself
        "2025-03-21",
        "2024-12/2025-03",  # the same latest day as March, an earlier earliest
        "2025-03",
        "2025",
        "2025-07/..",
    ]


def test_dates_are_values_that_cannot_be_changed_or_ordered_by_themselves() -> None:
    """Two fuzzy dates have no natural order (2025 and 2025-06 overlap): a caller must say which
    bound it sorts by, and a date read from a file is not edited in place."""
    one, other = parse_date("2025"), parse_date("2025-06")
    with pytest.raises(TypeError):
        _ = one < other
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.latest = None  # type: ignore[misc]
    assert one == parse_date("2025")


@pytest.mark.parametrize(
    "text",
    ["2025", "2025-03", "2025-03-21", "../2025-03-21", "../2025", "2025-07/..", "2024/2025-03-21"],
)
def test_the_schemas_date_pattern_takes_every_form(text: str) -> None:
    assert re.fullmatch(DATE_PATTERN, text)


@pytest.mark.parametrize(
    "text", ["21.03.2025", "2025-3", "x2025", "2025-03-21x", "../..", "../2025/..", "2025/", ""]
)
def test_the_schemas_date_pattern_refuses_other_text(text: str) -> None:
    assert not re.search(DATE_PATTERN, text)


def test_a_value_that_is_not_a_date_is_none_for_the_schema_to_report() -> None:
    assert parse_date_or_none("2025-03") == parse_date("2025-03")
    assert parse_date_or_none(2025) is None
    assert parse_date_or_none("2025-13") is None


def test_a_report_day_is_one_exact_day() -> None:
    assert parse_day("2025-03-21") == date(2025, 3, 21)
    for text in ["2025-03", "x2025-03-21", "2025-03-21x", "2025-02-30"]:
        with pytest.raises(DateError) as caught:
            parse_day(text)
        assert render(caught.value.message, "en") == (
            f"'{text}' is not a day; give one day, e.g. 2025-03-21, 21.03.2025 or 21 March 2025"
        )
