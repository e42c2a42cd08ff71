"""Personal data must not reach a public registry: what a reviewer commits and what spo says.

Each story writes one municipality file into a copy of tests/registries/valid-base, runs
`spo validate` there and compares the whole output: the place (file:line:col and JSON path), the
kind of data, and never the data itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spo.checks.personal import is_national_id, national_ids, phone_numbers
from tests.conftest import run_spo

FILE = "data/municipalities/artvin.yaml"

ARTVIN = """\
id: artvin
name: Artvin Belediyesi
kind: provincial
province: 8
sources:
  - https://example.org/artvin
"""

ID_IN_VALUE = (
    "error: this value holds a Turkish national ID number; personal data must not be in a "
    "public registry [personal-data]"
)
PHONE_IN_VALUE = (
    "error: this value holds a phone number; phone numbers belong only in a contact's 'phone' "
    "field [personal-data]"
)
EMAIL_IN_VALUE = (
    "error: this value holds a personal e-mail address; outside a contact's 'email' field only "
    "an institution's address (.bel.tr, .gov.tr, .edu.tr, .org.tr, .kep.tr) may appear "
    "[personal-data]"
)
ID_IN_COMMENT = (
    "error: this comment holds a Turkish national ID number; comments are published with the "
    "file, and personal data must not be in a public registry [personal-data]"
)
PHONE_IN_COMMENT = (
    "error: this comment holds a phone number; comments are published with the file: phone "
    "numbers belong only in a contact's 'phone' field [personal-data]"
)
EMAIL_IN_COMMENT = (
    "error: this comment holds a personal e-mail address; comments are published with the file: "
    "only an institution's address (.bel.tr, .gov.tr, .edu.tr, .org.tr, .kep.tr) may appear "
    "[personal-data]"
)


def validate(root: Path, content: str, lang: str = "en") -> tuple[int, str]:
    (root / FILE).write_text(content, encoding="utf-8")
    run = run_spo("--lang", lang, "validate")
    return run.exit_code, run.stdout


def problems(*lines: str) -> str:
    """The expected output: the problem lines, then the summary of the 3 files."""
    count = len(lines)
    noun = "problem" if count == 1 else "problems"
    summary = f"3 files checked, {count} {noun} ({count} error{'' if count == 1 else 's'}, "
    return "".join(f"{FILE}:{line}\n" for line in lines) + summary + "0 warnings)\n"


# Each way people write a number, in a note (line 7, the value starts at column 8).
IN_A_NOTE = [
    ("0532/123 45 67", PHONE_IN_VALUE),
    ("0(532) 123 45 67", PHONE_IN_VALUE),
    ("(0532) 123-45-67", PHONE_IN_VALUE),
    ("0532 12 34 567", PHONE_IN_VALUE),
    ("05321234567", PHONE_IN_VALUE),
    ("532 123 45 67", PHONE_IN_VALUE),
    ("+90 532 123 45 67", PHONE_IN_VALUE),
    ("+90 (532) 123 45 67", PHONE_IN_VALUE),
    ("0324 123 45 67", PHONE_IN_VALUE),
    ("+49 151 23456789", PHONE_IN_VALUE),
    ("+44 20 7946 0958", PHONE_IN_VALUE),
    ("０５３２ １２３ ４５ ６７", PHONE_IN_VALUE),
    ("10000000146", ID_IN_VALUE),
    ("TC 100 000 001 46", ID_IN_VALUE),
    ("100.000.001.46", ID_IN_VALUE),
    ("1000-0000-146", ID_IN_VALUE),
    ("１０００００００１４６", ID_IN_VALUE),
    ("ayse.yilmaz@gmail.com", EMAIL_IN_VALUE),
    ("ayse@ornekdernek.com", EMAIL_IN_VALUE),
    ("AYSE＠HOTMAIL.COM", EMAIL_IN_VALUE),
]


@pytest.mark.parametrize(("written", "said"), IN_A_NOTE, ids=[w for w, _ in IN_A_NOTE])
def test_personal_data_in_a_value_is_named_by_kind_and_place(
    base: Path, written: str, said: str
) -> None:
    code, out = validate(base, ARTVIN + f"notes: 'Başvuran: {written}'\n")
    assert (code, out) == (1, problems(f"7:8: {said} at $.notes"))


def test_two_kinds_in_one_value_are_both_named_once(base: Path) -> None:
    note = "notes: 'Ali 0532 123 45 67, Ayşe 0533 123 45 67, TC 10000000146'\n"
    code, out = validate(base, ARTVIN + note)
    assert (code, out) == (
        1,
        problems(f"7:8: {PHONE_IN_VALUE} at $.notes", f"7:8: {ID_IN_VALUE} at $.notes"),
    )


def test_comments_are_checked_at_the_line_and_column_of_the_data(base: Path) -> None:
    content = (
        "# Başvuran: 0532 123 45 67\n"
        "id: artvin\n"
        "name: Artvin Belediyesi  # TC 100 000 001 46\n"
        "kind: provincial\n"
        "province: 8\n"
        "notes: |  # ayse.yilmaz@gmail.com\n"
        "  Bu satır bir yorum değil: # yalnızca metin\n"
        "sources:\n"
        "  # +49 151 23456789 ile görüşüldü\n"
        "  - https://example.org/artvin # sosyal@mersin.bel.tr\n"
    )
    code, out = validate(base, content)
    assert (code, out) == (
        1,
        problems(
            f"1:13: {PHONE_IN_COMMENT}",
            f"3:31: {ID_IN_COMMENT}",
            f"6:13: {EMAIL_IN_COMMENT}",
            f"9:5: {PHONE_IN_COMMENT}",
        ),
    )


def test_a_number_in_a_block_of_text_is_not_a_comment(base: Path) -> None:
    content = ARTVIN + "notes: |\n  Sorumlu # 0532 123 45 67\n"
    assert validate(base, content) == (1, problems(f"7:8: {PHONE_IN_VALUE} at $.notes"))


NOT_PERSONAL = [
    "https://www.mersingundem.com/haber/5321234567/sosyal-politikalar",
    "mersingundem.com/haber/10000000146",
    "Bütçe 2500000000 TL",
    "Bütçe 2.500.000.000 TL",
    "Bütçe ₺2.500.000.000",
    "Bütçe 2.500.000.000,00 ₺",
    "2.500.000.000 kişiye ulaşıldı",
    "2465 etkinlik, 5012 temsilci, 1.000 ziyaretçi",
    "2024-10/2025-03",
    "Yazışma: sosyal@mersin.bel.tr, bilgi@aile.gov.tr, ofis@mersin.edu.tr",
]


@pytest.mark.parametrize("written", NOT_PERSONAL)
def test_addresses_amounts_and_counts_are_not_personal_data(base: Path, written: str) -> None:
    content = ARTVIN + f"# Kaynak: {written}\nnotes: '{written}'\n"
    assert validate(base, content) == (0, "3 files checked, 0 problems\n")


def test_the_turkish_message_names_the_kind_and_not_the_number(base: Path) -> None:
    code, out = validate(base, "# 0532 123 45 67\n" + ARTVIN + "notes: TC 10000000146\n", "tr")
    assert (code, out) == (
        1,
        f"{FILE}:1:3: hata: bu yorumda bir telefon numarası var; yorumlar dosyayla birlikte "
        "yayımlanır: telefon numarası yalnızca bir iletişim kişisinin 'phone' alanına yazılır "
        "[personal-data]\n"
        f"{FILE}:8:8: hata: bu değerde bir T.C. kimlik numarası var; kişisel veri kamuya açık "
        "bir kayıtta yer alamaz [personal-data] ($.notes konumunda)\n"
        "3 dosya denetlendi, 2 sorun (2 hata, 0 uyarı)\n",
    )


def test_the_shipped_registry_holds_no_personal_data() -> None:
    run = run_spo(
        "--root", str(Path(__file__).resolve().parents[1]), "validate", "--format", "json"
    )
    codes = {p["code"] for p in json.loads(run.stdout)}
    assert run.exit_code == 0
    assert codes <= {"figures-disagree"}  # the office's own figures: no personal data


REFUSED_NOTE = {
    "en": "the note holds a phone number; personal data must not be in a public registry",
    "tr": "not alanında bir telefon numarası var; kişisel veri kamuya açık bir kayıtta yer alamaz",
}


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_a_refused_note_does_not_repeat_the_number(registry_copy, lang: str) -> None:
    root = registry_copy("sample")
    before = (root / FILE).read_bytes()
    add = "transfer add --project kadin-ustalar --to artvin --stage inquiry --date 2025-01-01"

    run = run_spo(
        "--root", str(root), "--lang", lang, *add.split(), "--note", "Cep: 0532/123 45 67"
    )

    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr.startswith("spo: ") and run.stderr.endswith(f": {REFUSED_NOTE[lang]}\n")
    assert "123" not in run.stderr
    assert (root / FILE).read_bytes() == before


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


def contact(phone: str, email: str = "sosyal@artvin.bel.tr") -> str:
    return ARTVIN + (
        "contacts:\n  - name: Ayşe Yılmaz\n    role: Sosyal Hizmetler Müdürü\n"
        f"    email: {email}\n    phone: '{phone}'\n"
    )


MOBILE_IN_CONTACT = (
    "error: a contact's phone must not be a mobile number; give the institution's number "
    "(a landline, a switchboard, a 444 or 0850 line) [personal-data] at $.contacts[0].phone"
)
NOT_INSTITUTIONAL = (
    "error: a contact's phone must be the institution's number (a landline, a switchboard, a 444 "
    "or 0850 line); this value is not one [personal-data] at $.contacts[0].phone"
)


@pytest.mark.parametrize(
    ("phone", "said"),
    [
        ("0532 123 45 67", MOBILE_IN_CONTACT),
        ("+90 (532) 123 45 67", MOBILE_IN_CONTACT),
        ("0466 212 34 56 / 0532 123 45 67", MOBILE_IN_CONTACT),
        ("+49 151 23456789", NOT_INSTITUTIONAL),
        ("12345", NOT_INSTITUTIONAL),
    ],
)
def test_a_contacts_phone_must_be_the_institutions_line(base: Path, phone: str, said: str) -> None:
    assert validate(base, contact(phone)) == (1, problems(f"11:12: {said}"))


@pytest.mark.parametrize(
    "phone",
    [
        "0466 212 34 56",
        "(0324) 123-45-67 (dahili 1234)",
        "+90 466 212 34 56",
        "444 0 337",
        "0850 222 33 44",
    ],
)
def test_a_landline_or_switchboard_may_stand_in_a_contacts_phone(base: Path, phone: str) -> None:
    assert validate(base, contact(phone)) == (0, "3 files checked, 0 problems\n")


def test_any_address_may_stand_in_a_contacts_email(base: Path) -> None:
    content = contact("0466 212 34 56", email="artvinbelediyesi@hotmail.com")
    assert validate(base, content) == (0, "3 files checked, 0 problems\n")


def test_the_office_head_is_a_contact_too(base: Path) -> None:
    office = "office:\n  name: Sosyal Politikalar Ofisi\n  head:\n    name: Ali Veli\n"
    content = ARTVIN + office + "    role: Sorumlu\n    phone: 0532 123 45 67\n"
    said = MOBILE_IN_CONTACT.replace("$.contacts[0].phone", "$.office.head.phone")
    assert validate(base, content) == (1, problems(f"12:12: {said}"))


@pytest.mark.parametrize(
    "text", ["ab." * 100_000, "0532 " * 60_000, "0532 123 45 67 10000000146 x@gmail.com " * 5_000]
)
def test_a_large_value_is_read_in_linear_time(text: str) -> None:
    import time

    from spo.checks.personal_text import sightings

    started = time.monotonic()
    sightings(text)
    assert time.monotonic() - started < 2
