"""The office publishes a figure ("16 municipalities hosted", as of a day, from a source) and staff
record it with `spo figure add`, in the reported figures of the office's municipality.

Each story runs on a copy of the sample registry whose Mersin file runs an office, and compares
what was printed and the whole file afterwards.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from spo.api import Refusal, Registry, UsageError
from spo.rules.errors import RefusedWrite
from tests.conftest import REGISTRIES, run_spo
from tests.test_write_faults import editor_saves

MERSIN = "data/municipalities/mersin-bb.yaml"
ARTVIN = "data/municipalities/artvin.yaml"
OFFICE = "province: Mersin\noffice:\n  name: Sosyal Politikalar Ofisi\n"
URL = "https://www.mersin.bel.tr/haber/16"
FIGURE = (
    "--metric ağırlanan --value 16 --qualifier as-stated --date 2025-07-01 --source " + URL
).split()


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """The sample registry, its Mersin municipality running an office."""
    root = tmp_path / "office"
    shutil.copytree(REGISTRIES / "sample", root)
    path = root / MERSIN
    path.write_text(path.read_text(encoding="utf-8").replace("province: Mersin\n", OFFICE))
    return root


def add(root: Path, *options: str, lang: str = "en", input: str | None = None):
    return run_spo("--root", str(root), "--lang", lang, "figure", "add", *options, input=input)


def text(root: Path, relative: str = MERSIN) -> str:
    return (root / relative).read_text(encoding="utf-8")


# --- a figure given as options -------------------------------------------------------------------

MERSIN_NEW = (
    '  - date: "2025-07-01"\n'
    "    metric: municipalities-hosted\n"
    "    value: 16\n"
    "    qualifier: as-stated\n"
    f"    source: {URL}\n"
)
MERSIN_AFTER = (
    "# yaml-language-server: $schema=../../../../../schemas/municipality.schema.json\n"
    "id: mersin-bb\n"
    "name: Mersin Büyükşehir Belediyesi\n"
    "kind: metropolitan\n"
    "province: Mersin\n"
    "office:\n"
    "  name: Sosyal Politikalar Ofisi\n"
    "website: https://www.mersin.bel.tr\n"
    "contacts:\n"
    "  - name: Ofis Sorumlusu\n"
    "    role: Sosyal Politikalar Ofisi Sorumlusu\n"
    "    phone: 0324 111 22 33\n"
    "reported_figures:\n"
    '  - date: "2025-03-21"\n'
    "    metric: municipalities-hosted\n"
    "    value: 3\n"
    "    qualifier: exact\n"
    "    source: https://example.org/haber/1\n"
    '  - date: "2025-06-30"\n'
    "    metric: projects-transferred\n"
    "    value: 2\n"
    "    qualifier: at-least\n"
    "    source: https://example.org/haber/2\n"
    '  - date: "2025-07-01"\n'
    "    metric: municipalities-hosted\n"
    "    value: 16\n"
    "    qualifier: as-stated\n"
    f"    source: {URL}\n"
    "sources:\n"
    "  - publisher: Test Gazetesi\n"
    "    title: Test haberi\n"
    '    date: "2025-03-21"\n'
)


def test_a_figure_goes_to_the_office_s_file_after_the_figures_before_it(office) -> None:
    run = add(office, *FIGURE)

    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == (
        "Wrote data/municipalities/mersin-bb.yaml:\n"
        '  24 |   - date: "2025-07-01"\n'
        "  25 |     metric: municipalities-hosted\n"
        "  26 |     value: 16\n"
        "  27 |     qualifier: as-stated\n"
        f"  28 |     source: {URL}\n"
    )
    assert text(office) == MERSIN_AFTER
    assert run_spo("--root", str(office), "validate").exit_code == 0


def test_an_earlier_figure_goes_before_the_later_ones_with_a_citation(office) -> None:
    before = text(office)

    run = add(
        office,
        *("--metric", "destek verilen belediye", "--value", "6", "--qualifier", "tam"),
        *["--kind", "büyükşehir", "--date", "21.04.2025"],
        *("--source-title", "Ofisten haber", "--source-publisher", "Mersin Gündem"),
        *("--source-date", "21 Nisan 2025", "--note", '"6 büyükşehir" diyor.'),
        lang="tr",
    )

    assert (run.exit_code, run.stderr) == (0, "")
    new = (
        '  - date: "2025-04-21"\n'
        "    metric: municipalities-supported\n"
        "    value: 6\n"
        "    qualifier: exact\n"
        "    municipality_kind: metropolitan\n"
        '    note: "\\"6 büyükşehir\\" diyor."\n'
        "    source:\n"
        "      publisher: Mersin Gündem\n"
        "      title: Ofisten haber\n"
        '      date: "2025-04-21"\n'
    )
    assert text(office) == before.replace(
        '  - date: "2025-06-30"\n', new + '  - date: "2025-06-30"\n'
    )
    assert run.stdout.startswith("data/municipalities/mersin-bb.yaml dosyasına yazıldı:\n  19 |")


def test_a_file_without_figures_gets_the_list_where_the_schema_puts_it(office) -> None:
    before = text(office, ARTVIN)

    run = add(office, "--to", "artvin", *FIGURE, "--dry-run")
    assert run.exit_code == 0 and text(office, ARTVIN) == before

    run = add(office, "--municipality", "Artvin Belediyesi", *FIGURE)

    assert (run.exit_code, run.stderr) == (0, "")
    assert text(office, ARTVIN) == before.replace(
        "sources:\n",
        "reported_figures:\n"
        '  - date: "2025-07-01"\n'
        "    metric: municipalities-hosted\n"
        "    value: 16\n"
        "    qualifier: as-stated\n"
        f"    source: {URL}\n"
        "sources:\n",
    )


HAND_EDITED = (
    "# Mersin, kept by hand.\r\n"
    "id: mersin-bb   # the office\r\n"
    "name: 'Mersin Büyükşehir Belediyesi'\r\n"
    "kind: metropolitan\r\n"
    "province: Mersin\r\n"
    "office: {name: Sosyal Politikalar Ofisi}\r\n"
    "\r\n"
    "reported_figures:\r\n"
    "    # from the March article\r\n"
    "    -   date: '2025-03-21'\r\n"
    '        qualifier: exact     # "tam 3"\r\n'
    "        metric: municipalities-hosted\r\n"
    "        value: 3\r\n"
    "        source:\r\n"
    "            title: Mart haberi\r\n"
    "            publisher: Test Gazetesi   # no web page\r\n"
    "    # a later one will follow\r\n"
    "\r\n"
    "sources:\r\n"
    "  - https://example.org/haber/1\r\n"
)


def test_a_hand_edited_file_keeps_every_other_byte(office) -> None:
    path = office / MERSIN
    path.write_bytes(HAND_EDITED.encode("utf-8"))

    run = add(
        office,
        *["--metric", "görüşülen", "--value", "11", "--date", "2025-03-21"],
        *("--qualifier", "belirtildiği gibi"),
        *("--source-title", "Mart haberi", "--source-publisher", "Test Gazetesi"),
        lang="tr",
    )

    assert (run.exit_code, run.stderr) == (0, ""), run.stderr
    assert path.read_bytes().decode("utf-8") == HAND_EDITED.replace(
        "    # a later one will follow\r\n",
        "    -   date: '2025-03-21'\r\n"
        "        qualifier: as-stated\r\n"
        "        metric: municipalities-in-talks\r\n"
        "        value: 11\r\n"
        "        source:\r\n"
        "            title: Mart haberi\r\n"
        "            publisher: Test Gazetesi\r\n"
        "    # a later one will follow\r\n",
    )


# --- what is refused, in both languages ---------------------------------------------------------

WORDS = {
    "metric-ambiguous": (
        "--metric belediye",
        2,
        "spo: 'belediye' could be more than one metric: Municipalities hosted "
        "(municipalities-hosted), Municipalities in talks (municipalities-in-talks), "
        "Municipalities supported (municipalities-supported), Municipalities transferred to "
        "(municipalities-transferred-to); give one of them\n",
        "spo: 'belediye' birden çok ölçüt olabilir: Ağırlanan belediye (municipalities-hosted), "
        "Görüşülen belediye (municipalities-in-talks), Destek verilen belediye "
        "(municipalities-supported), Proje aktarılan belediye (municipalities-transferred-to); "
        "birini yazın\n",
    ),
    "metric-unknown": (
        "--metric xyz",
        2,
        "spo: unknown metric 'xyz'; expected one of: Municipalities hosted "
        "(municipalities-hosted), Municipalities in talks (municipalities-in-talks), "
        "Municipalities supported (municipalities-supported), Municipalities transferred to "
        "(municipalities-transferred-to), Projects transferred (projects-transferred), "
        "Projects supported (projects-supported), Visitors (visitors)\n",
        "spo: bilinmeyen ölçüt: 'xyz'; şunlardan biri olmalı: Ağırlanan belediye "
        "(municipalities-hosted), Görüşülen belediye (municipalities-in-talks), Destek verilen "
        "belediye (municipalities-supported), Proje aktarılan belediye "
        "(municipalities-transferred-to), Aktarılan proje (projects-transferred), Destek "
        "verilen proje (projects-supported), Ziyaretçi (visitors)\n",
    ),
    "value-negative": (
        "--value -1",
        2,
        "spo: --value: '-1' is less than 0; give a whole number, 0 or more\n",
        "spo: --value: '-1' 0'dan küçük; 0 ya da daha büyük bir tam sayı yazın\n",
    ),
    "value-fraction": (
        "--value 1.5",
        2,
        "spo: --value: '1.5' is not a number; give a whole number, 0 or more\n",
        "spo: --value: '1.5' bir sayı değil; 0 ya da daha büyük bir tam sayı yazın\n",
    ),
    "value-too-large": (
        "--value 10000001",
        2,
        "spo: --value: the number is more than 10,000,000; give a whole number from 0 to "
        "10,000,000\n",
        "spo: --value: bu sayı 10.000.000 sayısından büyük; 0 ile 10.000.000 arasında bir tam "
        "sayı yazın\n",
    ),
    "value-in-words": (
        "--value on_altı",
        2,
        "spo: --value: 'on altı' is not a number; give a whole number, 0 or more\n",
        "spo: --value: 'on altı' bir sayı değil; 0 ya da daha büyük bir tam sayı yazın\n",
    ),
    "no-source": (
        "--source -",
        2,
        "spo: missing --source (spo asks for missing options only in a terminal)\n",
        "spo: eksik: --source (spo eksik seçenekleri yalnızca bir terminalde sorar)\n",
    ),
    "source-without-title": (
        "--source - --source-publisher Gazete",
        1,
        "spo: nothing written to data/municipalities/mersin-bb.yaml: a source must be findable "
        "again: give its title or its web address too\n",
        "spo: data/municipalities/mersin-bb.yaml dosyasına hiçbir şey yazılmadı: kaynak yeniden "
        "bulunabilmeli: başlığını ya da web adresini de verin\n",
    ),
    "duplicate": (
        "--metric ağırlanan --date 21.03.2025",
        1,
        "spo: nothing written to data/municipalities/mersin-bb.yaml: the figure 'Municipalities "
        "hosted' of 2025-03-21 is already recorded (line 14, value 3)\n",
        "spo: data/municipalities/mersin-bb.yaml dosyasına hiçbir şey yazılmadı: 2025-03-21 "
        "tarihli 'Ağırlanan belediye' rakamı zaten kayıtlı (14. satır, değeri 3)\n",
    ),
}


def _options(changed: str) -> list[str]:
    """FIGURE with the options of `changed` in place of its own ('-': left out)."""
    given = dict(zip(FIGURE[::2], FIGURE[1::2], strict=True))
    pairs = changed.split()
    for option, value in zip(pairs[::2], pairs[1::2], strict=True):
        given[option] = value.replace("_", " ")
    return [w for option, value in given.items() if value != "-" for w in (option, value)]


@pytest.mark.parametrize("lang", ["en", "tr"])
@pytest.mark.parametrize("case", list(WORDS))
def test_what_is_refused_is_said_and_nothing_is_written(office, case: str, lang: str) -> None:
    changed, code, english, turkish = WORDS[case]
    before = (office / MERSIN).read_bytes()

    run = add(office, *_options(changed), lang=lang)

    assert (run.exit_code, run.stderr) == (code, english if lang == "en" else turkish)
    assert run.stdout == ""
    assert (office / MERSIN).read_bytes() == before


def test_a_figure_of_one_kind_is_not_the_figure_of_all(office) -> None:
    options = "--metric municipalities-supported --value 6 --qualifier as-stated --date 2025"
    options += " --kind metropolitan"
    assert add(office, *options.split(), "--source", URL).exit_code == 0
    district = options.replace("metropolitan", "district").split()
    assert add(office, *district, "--source", URL).exit_code == 0

    run = add(office, *options.split(), "--source", URL + "/2", lang="tr")

    assert run.exit_code == 1
    assert run.stderr == (
        "spo: data/municipalities/mersin-bb.yaml dosyasına hiçbir şey yazılmadı: 2025 tarihli "
        "'Destek verilen belediye' rakamı büyükşehir belediyeleri için zaten kayıtlı (24. satır, "
        "değeri 6)\n"
    )


HOSTILE_NOTES = [
    (
        "Ziyaret\x1b[2J edildi",
        "'note' holds an invisible control character (U+001B, character 8): it can change what "
        "a reader's screen shows; remove it",
    ),
    (
        "16 belediye \u202etsil",
        "'note' holds an invisible control character (U+202E, character 13): it can change what "
        "a reader's screen shows; remove it",
    ),
    (
        "Sorumlu: 10000000146",
        "the note holds a Turkish national ID number; personal data must not be in a public "
        "registry",
    ),
]


@pytest.mark.parametrize(("note", "said"), HOSTILE_NOTES)
def test_hostile_text_in_the_note_is_refused(office, note: str, said: str) -> None:
    before = (office / MERSIN).read_bytes()

    run = add(office, *FIGURE, "--note", note)

    assert run.exit_code == 1
    assert run.stderr == f"spo: nothing written to {MERSIN}: {said}\n"
    assert "10000000146" not in run.stderr
    assert (office / MERSIN).read_bytes() == before


def test_the_national_id_refusal_in_turkish_names_the_field(office) -> None:
    run = add(office, *FIGURE, "--note", "TC 10000000146", lang="tr")

    assert run.stderr == (
        f"spo: {MERSIN} dosyasına hiçbir şey yazılmadı: not alanında bir T.C. kimlik numarası "
        "var; kişisel veri kamuya açık bir kayıtta yer alamaz\n"
    )


def test_without_an_office_the_municipality_must_be_named(registry_copy) -> None:
    root = registry_copy("sample")
    for lang, said in (
        (
            "en",
            "spo: no municipality of this registry runs an office (office: in its file); name the "
            "municipality that published the figure (--to)\n",
        ),
        (
            "tr",
            "spo: bu kayıtta ofis yürüten bir belediye yok (dosyasında office: olan); rakamı "
            "yayımlayan belediyeyi verin (--to)\n",
        ),
    ):
        run = add(root, *FIGURE, lang=lang)
        assert (run.exit_code, run.stderr) == (2, said)


# --- an editor at work on the same file (saving right after each of spo's reads) -----------------


def test_an_editor_saving_meanwhile_keeps_its_change_and_spo_adds_the_figure(
    office, monkeypatch
) -> None:
    path = office / MERSIN
    edited = text(office).replace("website:", "# checked by the reviewer\nwebsite:")
    editor_saves(monkeypatch, path, [edited.encode()])

    run = add(office, *FIGURE)

    assert (run.exit_code, run.stderr) == (0, "")
    assert text(office) == MERSIN_AFTER.replace("website:", "# checked by the reviewer\nwebsite:")


def test_the_same_figure_saved_by_an_editor_meanwhile_is_refused(office, monkeypatch) -> None:
    path = office / MERSIN
    by_hand = MERSIN_AFTER.replace(f"source: {URL}\n", "source: https://example.org/elle\n")
    editor_saves(monkeypatch, path, [by_hand.encode()])

    run = add(office, *FIGURE)

    assert run.exit_code == 1
    assert run.stderr == (
        f"spo: nothing written to {MERSIN}: the figure 'Municipalities hosted' of 2025-07-01 is "
        "already recorded (line 24, value 16)\n"
    )
    assert text(office) == by_hand


# --- from Python: what the web form calls --------------------------------------------------------


def test_the_api_takes_a_citation_and_says_why_it_refuses_as_codes(office) -> None:
    reg = Registry(office)
    result = reg.add_figure(
        date="2025-07",
        metric="Visitors",
        value=1000,
        qualifier="more-than",
        source={"title": "Ofis haberi", "archived": "002.txt", "date": None},
        today=date(2026, 1, 1),
    )
    assert result.written and result.shown_path == MERSIN
    assert [line for _, line in result.added_lines] == [
        '  - date: "2025-07"',
        "    metric: visitors",
        "    value: 1000",
        "    qualifier: more-than",
        "    source:",
        "      title: Ofis haberi",
        "      archived: 002.txt",
    ]
    assert reg.office() == "mersin-bb"

    def refused(**changed: Any) -> Any:
        fields = dict(date="2025-08", metric="visitors", value=3, qualifier="exact", source=URL)
        with pytest.raises((RefusedWrite, Refusal, UsageError)) as caught:
            reg.add_figure(**{**fields, **changed}, dry_run=True)
        message = caught.value.message
        return message.get("reason", message)

    assert refused(value=-1).key == "refusal.figure-value"
    assert refused(value=10_000_001).fields == {"value": "10000001", "limit": 10_000_000}
    assert refused(value=True).key == "refusal.figure-value"
    assert refused(source=None).key == "refusal.source-needed"
    assert refused(source={"publisher": "Gazete"}).key == "refusal.source-needs-title"
    assert refused(source={"titel": "x"}).key == "usage.source-key"
    assert refused(date="2025-07", metric="ziyaretçi").fields == {
        "date": "2025-07",
        "line": 24,
        "metric": "visitors",
        "value": 1000,
    }


def test_two_offices_make_the_municipality_a_question(office) -> None:
    path = office / "data/municipalities/izmir-bb.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "province: 35\n", "province: 35\noffice:\n  name: Ofis\n"
        ),
        encoding="utf-8",
    )
    with pytest.raises(UsageError) as caught:
        Registry(office).office()
    assert caught.value.message.fields == {"offices": "izmir-bb, mersin-bb"}
