"""Personal data that must not reach a public registry."""

from __future__ import annotations

import pytest

from spo.checks.personal import is_national_id, national_ids, phone_numbers


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        ("10000000146", True),  # passes both check digits
        ("10000000147", False),  # last check digit wrong
        ("10000000156", False),  # tenth digit wrong
        ("01234567890", False),  # cannot start with 0
        ("1000000014", False),  # 10 digits
    ],
)
def test_national_id_checksum(digits: str, valid: bool) -> None:
    assert is_national_id(digits) is valid


def test_ids_are_found_inside_text_but_not_inside_longer_numbers() -> None:
    assert national_ids("TC: 10000000146.") == ["10000000146"]
    assert national_ids("ref 910000000146") == []


@pytest.mark.parametrize(
    "text",
    ["0532 123 45 67", "+90 532 123 4567", "(0324) 123-45-67", "05321234567", "0850 222 33 44"],
)
def test_phone_numbers_in_the_forms_people_write(text: str) -> None:
    assert phone_numbers(f"Ulaşın: {text}") == [text]


@pytest.mark.parametrize(
    "text", ["2465 etkinlik", "5012 temsilci", "2025-03-21", "1.000 ziyaretçi", "10000000146"]
)
def test_counts_dates_and_ids_are_not_phone_numbers(text: str) -> None:
    assert phone_numbers(text) == []
