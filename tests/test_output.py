"""The renderers behind every find command, tested as pure functions: tables that wrap instead of
breaking, CSV that Excel reads, dates and figures as people say them, one message table."""

from __future__ import annotations

import re
import string

import pytest

from spo.cli.render.console import render_text
from spo.cli.render.labels import date_label
from spo.cli.render.labels import qualified as figure_value
from spo.cli.render.records import to_yaml
from spo.cli.render.tables import Rows, column_widths
from spo.cli.words import turkish_ablative
from spo.export.spreadsheet import csv_text, with_bom
from spo.rules.dates import parse_date
from spo.rules.vocabulary import QUALIFIERS

HEADERS = ["ID", "Name", "Stage"]
ROWS = [
    ["canakkale-lapseki-cardak", "Çardak Belediyesi", "Launched"],
    ["artvin", "Artvin Belediyesi", "Planning support"],
]


@pytest.mark.parametrize(
    ("room", "widths"),
    [
        (100, [24, 17, 16]),  # everything fits on one line per row
        (60, [24, 16, 14]),  # the room beyond the longest words is shared evenly
        (54, [24, 13, 11]),
        (48, [24, 10, 8]),  # names and stages wrap at spaces, no word is cut
        (47, []),  # the longest words do not fit side by side: show records as cards
    ],
)
def test_column_widths_keep_words_whole(room: int, widths: list[int]) -> None:
    assert column_widths(HEADERS, ROWS, room) == widths


def test_a_header_wraps_before_the_data_does() -> None:
    widths = column_widths(["Latest activity", "Name"], [["2025-06", "Artvin Belediyesi"]], 30)

    assert widths == [10, 17]  # "Latest activity" wraps, "Artvin Belediyesi" does not


def test_a_wide_table() -> None:
    text = render_text(Rows(HEADERS, ROWS), 100)

    assert [line.rstrip() for line in text.splitlines()] == [
        "ID                         Name                Stage",
        "─" * 63,
        "canakkale-lapseki-cardak   Çardak Belediyesi   Launched",
        "artvin                     Artvin Belediyesi   Planning support",
    ]


def test_a_table_that_needs_no_wrapping_is_drawn_exactly_as_rich_draws_it() -> None:
    from rich import box
    from rich.table import Table

    rich_table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for header, width in zip(HEADERS, [24, 17, 16], strict=True):
        rich_table.add_column(header, width=width)
    for row in ROWS:
        rich_table.add_row(*row)

    assert render_text(Rows(HEADERS, ROWS), 100) == render_text(rich_table, 100)


def test_a_narrow_table_wraps_inside_its_cells() -> None:
    text = render_text(Rows(HEADERS, ROWS), 54)

    assert [line.rstrip() for line in text.splitlines()] == [
        "ID                         Name            Stage",
        "─" * 54,
        "canakkale-lapseki-cardak   Çardak          Launched",
        "                           Belediyesi",
        "artvin                     Artvin          Planning",
        "                           Belediyesi      support",
    ]


def test_a_very_narrow_terminal_gets_one_card_per_record() -> None:
    text = render_text(Rows(HEADERS, ROWS), 31)

    assert [line.rstrip() for line in text.splitlines()] == [
        "ID     canakkale-lapseki-cardak",
        "Name   Çardak Belediyesi",
        "Stage  Launched",
        "",
        "ID     artvin",
        "Name   Artvin Belediyesi",
        "Stage  Planning support",
    ]
    assert all(len(line) <= 31 for line in text.splitlines())


def test_cells_are_data_never_markup_and_carry_no_ansi_codes() -> None:
    text = render_text(Rows(["Note"], [["[bold]not bold[/bold] :smile:"]]), 80)

    assert "[bold]not bold[/bold] :smile:" in text
    assert "\x1b" not in text


@pytest.mark.parametrize(
    ("written", "english", "turkish"),
    [
        ("2025-03-21", "2025-03-21", "2025-03-21"),
        ("2025-03", "2025-03", "2025-03"),
        ("2025", "2025", "2025"),
        ("../2025-03-21", "by 2025-03-21", "en geç 2025-03-21"),
        ("2024-10/2025-03", "2024-10 – 2025-03", "2024-10 – 2025-03"),
    ],
)
def test_dates_read_as_written_with_imprecision_spelt_out(
    written: str, english: str, turkish: str
) -> None:
    assert date_label(parse_date(written), "en") == english
    assert date_label(parse_date(written), "tr") == turkish


@pytest.mark.parametrize(
    ("qualifier", "english", "turkish"),
    [
        ("exact", "exactly 30", "tam 30"),
        ("approximately", "approximately 30", "yaklaşık 30"),
        ("at-least", "at least 30", "en az 30"),
        ("more-than", "more than 30", "30'dan fazla"),
        ("nearly", "nearly 30", "30'a yakın"),
        ("fewer-than", "fewer than 30", "30'dan az"),
    ],
)
def test_reported_figures_read_naturally(qualifier: str, english: str, turkish: str) -> None:
    assert figure_value(30, qualifier, "en") == english
    assert figure_value(30, qualifier, "tr") == turkish


def test_every_qualifier_has_its_words() -> None:
    assert [figure_value(1, q, "en") for q in QUALIFIERS.values] == [
        "1",  # as stated: no word of precision the source did not use
        "exactly 1",
        "approximately 1",
        "nearly 1",
        "at least 1",
        "more than 1",
        "fewer than 1",
    ]


@pytest.mark.parametrize(
    ("number", "nearly"),
    [
        (0, "0'a yakın"),  # sıfıra
        (1, "1'e yakın"),  # bire
        (2, "2'ye yakın"),  # ikiye
        (4, "4'e yakın"),  # dörde
        (6, "6'ya yakın"),  # altıya
        (9, "9'a yakın"),  # dokuza
        (16, "16'ya yakın"),  # on altıya
        (20, "20'ye yakın"),  # yirmiye
        (30, "30'a yakın"),  # otuza
        (40, "40'a yakın"),  # kırka
        (70, "70'e yakın"),  # yetmişe
        (100, "100'e yakın"),  # yüze
        (1000, "1000'e yakın"),  # bine
        (2_000_000, "2000000'a yakın"),  # iki milyona
    ],
)
def test_nearly_takes_the_dative_as_turkish_says_it(number: int, nearly: str) -> None:
    # "40'a yakın proje": yakın asks for the dative, fazla and az for the ablative
    assert figure_value(number, "nearly", "tr") == nearly
    assert figure_value(number, "fewer-than", "tr") == turkish_ablative(number) + " az"


def test_csv_has_a_byte_order_mark_crlf_and_quotes_where_needed() -> None:
    rows = [["a", "Şile, İstanbul", 'say "hi"'], ["b", "Ünye", ""]]
    data = with_bom(csv_text(["id", "name", "note"], rows))

    assert data == (
        b"\xef\xbb\xbfid,name,note\r\n"
        + 'a,"Şile, İstanbul","say ""hi"""\r\n'.encode()
        + "b,Ünye,\r\n".encode()
    )


def test_yaml_keeps_turkish_letters_and_field_order() -> None:
    assert to_yaml([{"name": "Şile", "date": "2025-03-01", "id": "x"}]) == (
        "- name: Şile\n  date: '2025-03-01'\n  id: x\n"
    )


def test_every_message_is_in_both_languages_with_the_same_placeholders() -> None:
    from spo.cli.words import catalogue

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    entries = catalogue()
    assert entries
    for key, texts in entries.items():
        turkish, english = texts.get("tr"), texts.get("en")
        assert isinstance(turkish, str) and turkish, key
        assert isinstance(english, str) and english, key
        assert fields(turkish) == fields(english), key
        assert not re.search(r"\s$", turkish + english), key
