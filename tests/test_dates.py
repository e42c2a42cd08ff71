"""Dates say exactly what a source knows, and no day is invented."""

from __future__ import annotations

from datetime import date

import pytest

from spo.cli.words import render
from spo.dates import DateError, parse_date


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
