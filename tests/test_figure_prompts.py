"""`spo figure add` in a terminal: what is missing is asked for, each answer checked where it is
typed, the lines shown before "Yazılsın mı?", and the command to paste shown at the end."""

from __future__ import annotations

import shutil

import pytest

from spo.cli import prompts
from tests.test_figure_add import MERSIN, MERSIN_AFTER, MERSIN_NEW, URL, add, text
from tests.test_figure_add import office as office  # the fixture
from tests.test_staff_prompts import Terminal, _pasted, needs_a_terminal

# --- in a terminal ------------------------------------------------------------------------------


@pytest.fixture
def terminal(monkeypatch):
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)


METRIC_LIST = (
    "   1  Municipalities hosted (municipalities-hosted)\n"
    "   2  Municipalities in talks (municipalities-in-talks)\n"
    "   3  Municipalities supported (municipalities-supported)\n"
    "   4  Municipalities transferred to (municipalities-transferred-to)\n"
    "   5  Projects transferred (projects-transferred)\n"
    "   6  Projects supported (projects-supported)\n"
    "   7  Visitors (visitors)\n"
)
KIND_LIST = (
    "   1  Metropolitan (metropolitan)\n"
    "   2  Provincial (provincial)\n"
    "   3  District (district)\n"
    "   4  Town (town)\n"
)
QUALIFIER_LIST = (
    "   1  as stated (as-stated)\n"
    "   2  exactly (exact)\n"
    "   3  approximately (approximately)\n"
    "   4  nearly (nearly)\n"
    "   5  at least (at-least)\n"
    "   6  more than (more-than)\n"
    "   7  fewer than (fewer-than)\n"
)


def test_in_a_terminal_each_answer_is_checked_where_it_is_typed(office, terminal) -> None:
    answers = (
        "belediye\nhosted\n\non altı\n16\nen az\n31.02.2025\n01.07.2025\n"
        "TC 10000000146\n\nwww.mersin.bel.tr\n" + URL + "\ny\n"
    )

    run = add(office, input=answers)

    assert run.exit_code == 0, run.stderr
    lines = (
        '  24 |   - date: "2025-07-01"\n'
        "  25 |     metric: municipalities-hosted\n"
        "  26 |     value: 16\n"
        "  27 |     qualifier: at-least\n"
        f"  28 |     source: {URL}\n"
    )
    assert run.stdout == (
        "Published by: Mersin Büyükşehir Belediyesi (mersin-bb) (another municipality: --to)\n"
        + METRIC_LIST
        + "Metric: belediye\n"
        "Metric: hosted\n"
        "  hosted → Municipalities hosted (municipalities-hosted)\n"
        + KIND_LIST
        + "Only municipalities of this kind (optional, Enter to skip): \n"
        "Value: on altı\n"
        "Value: 16\n" + QUALIFIER_LIST + "Qualifier (the source's words): en az\n"
        "  en az → at least (at-least)\n"
        "Date: 31.02.2025\n"
        "Date: 01.07.2025\n"
        "  01.07.2025 → 2025-07-01\n"
        "Note (optional, Enter to skip): TC 10000000146\n"
        "Note (optional, Enter to skip): \n"
        "Source (web address): www.mersin.bel.tr\n"
        f"Source (web address): {URL}\n"
        "Municipality that published it:   Mersin Büyükşehir Belediyesi (mersin-bb)\n"
        "Metric:                           Municipalities hosted\n"
        "Only municipalities of this kind: -\n"
        "Value:                            16\n"
        "Qualifier (the source's words):   at least\n"
        "Date:                             2025-07-01\n"
        "Note:                             -\n"
        f"Source (web address):             {URL}\n"
        "These lines will be written to data/municipalities/mersin-bb.yaml:\n"
        + lines
        + "Write this? [Y/n]: y\n"
        "Wrote data/municipalities/mersin-bb.yaml:\n" + lines
    )
    assert run.stderr == (
        "'belediye' could be more than one metric: Municipalities hosted (municipalities-hosted), "
        "Municipalities in talks (municipalities-in-talks), Municipalities supported "
        "(municipalities-supported), Municipalities transferred to "
        "(municipalities-transferred-to); give one of them; try again\n"
        "Value: 'on altı' is not a number; give a whole number, 0 or more; try again\n"
        "'31.02.2025' is not a real date (2025-02 has 28 days); try again\n"
        "the note holds a Turkish national ID number; personal data must not be in a public "
        "registry; try again\n"
        "'www.mersin.bel.tr' is not a web address (it must start with http:// or https://); "
        "try again\n"
        "The same without questions:\n"
        f"  spo --root {office} figure add --to mersin-bb --metric municipalities-hosted "
        f"--value 16 --qualifier at-least --date 2025-07-01 --source {URL}\n"
    )
    assert text(office) == MERSIN_AFTER.replace("qualifier: as-stated", "qualifier: at-least")


def test_in_a_terminal_a_citation_given_as_options_is_kept_in_the_command(office, terminal) -> None:
    """Turkish: what the options give is not asked again; a duplicate said after "Yazılsın mı?"
    keeps the answers as a command to paste."""
    options = ("--source-title", "Mart haberi", "--source-publisher", "Test Gazetesi")

    answers = "ağırlanan\n\n3\nexact\n2025-03-21\n\nevet\n"

    run = add(office, "--metric", "xyz", *options, lang="tr", input=answers)

    assert run.exit_code == 1
    assert "Kaynak (web adresi):            Test Gazetesi, Mart haberi\n" in run.stdout
    assert run.stderr.startswith("bilinmeyen ölçüt: 'xyz'; şunlardan biri olmalı: ")
    assert run.stderr.endswith(
        "spo: data/municipalities/mersin-bb.yaml dosyasına hiçbir şey yazılmadı: 2025-03-21 "
        "tarihli 'Ağırlanan belediye' rakamı zaten kayıtlı (14. satır, değeri 3)\n"
        "Yazdıklarınız kaybolmadı; sorun giderilince aynısını soru sorulmadan yazmak için:\n"
        f"  spo --root {office} figure add --to mersin-bb --metric municipalities-hosted "
        "--value 3 --qualifier exact --date 2025-03-21 --source-publisher 'Test Gazetesi' "
        "--source-title 'Mart haberi'\n"
    )


# --- in a real terminal, in Turkish -------------------------------------------------------------

SCREEN = (
    "Rakamı yayımlayan: Mersin Büyükşehir Belediyesi (mersin-bb) (başka bir belediye için --to)\n"
    "   1  Ağırlanan belediye (municipalities-hosted)\n"
    "   2  Görüşülen belediye (municipalities-in-talks)\n"
    "   3  Destek verilen belediye (municipalities-supported)\n"
    "   4  Proje aktarılan belediye (municipalities-transferred-to)\n"
    "   5  Aktarılan proje (projects-transferred)\n"
    "   6  Destek verilen proje (projects-supported)\n"
    "   7  Ziyaretçi (visitors)\n"
    "Ölçüt: ağırlanan\n"
    "  ağırlanan → Ağırlanan belediye (municipalities-hosted)\n"
    "   1  Büyükşehir (metropolitan)\n"
    "   2  İl (provincial)\n"
    "   3  İlçe (district)\n"
    "   4  Belde (town)\n"
    "Yalnızca bu türden belediyeler (isteğe bağlı, Enter: boş): \n"
    "Değer: on altı\n"
    "Değer: 'on altı' bir sayı değil; 0 ya da daha büyük bir tam sayı yazın; yeniden deneyin\n"
    "Değer: 16\n"
    "   1  belirtildiği gibi (as-stated)\n"
    "   2  tam (exact)\n"
    "   3  yaklaşık (approximately)\n"
    "   4  yakın (nearly)\n"
    "   5  en az (at-least)\n"
    "   6  fazla (more-than)\n"
    "   7  az (fewer-than)\n"
    "Nitelik (kaynağın sözü): belirtildiği gibi\n"
    "  belirtildiği gibi → belirtildiği gibi (as-stated)\n"
    "Tarih: 1 Temmuz 2025\n"
    "  1 Temmuz 2025 → 2025-07-01\n"
    "Not (isteğe bağlı, Enter: boş): \n"
    f"Kaynak (web adresi): {URL}\n"
    "Rakamı yayımlayan belediye:     Mersin Büyükşehir Belediyesi (mersin-bb)\n"
    "Ölçüt:                          Ağırlanan belediye\n"
    "Yalnızca bu türden belediyeler: -\n"
    "Değer:                          16\n"
    "Nitelik (kaynağın sözü):        belirtildiği gibi\n"
    "Tarih:                          2025-07-01\n"
    "Not:                            -\n"
    f"Kaynak (web adresi):            {URL}\n"
    "data/municipalities/mersin-bb.yaml dosyasına şu satırlar eklenecek:\n"
    + "".join(f"  {n} | {line}\n" for n, line in enumerate(MERSIN_NEW.splitlines(), start=24))
    + "Yazılsın mı? [E/h]: evet\n"
    "data/municipalities/mersin-bb.yaml dosyasına yazıldı:\n"
    + "".join(f"  {n} | {line}\n" for n, line in enumerate(MERSIN_NEW.splitlines(), start=24))
    + "Aynısını soru sorulmadan yazan komut:\n"
    "  spo figure add --to mersin-bb --metric municipalities-hosted --value 16 "
    f"--qualifier as-stated --date 2025-07-01 --source {URL}\n"
)


@needs_a_terminal
def test_a_figure_typed_in_a_terminal_is_written_and_can_be_pasted_again(office, tmp_path) -> None:
    spo = Terminal(office, "figure", "add")
    spo.answer("Ölçüt: ", "ağırlanan")
    spo.answer("(isteğe bağlı, Enter: boş): ", "")
    spo.answer("Değer: ", "on altı")
    spo.answer("Değer: ", "16")
    spo.answer("Nitelik (kaynağın sözü): ", "belirtildiği gibi")
    spo.answer("Tarih: ", "1 Temmuz 2025")
    spo.answer("Not (isteğe bağlı, Enter: boş): ", "")
    spo.answer("Kaynak (web adresi): ", URL)
    spo.answer("Yazılsın mı? [E/h]: ", "evet")
    code, shown = spo.end()

    assert code == 0, shown
    assert shown == SCREEN
    assert text(office) == MERSIN_AFTER

    fresh = tmp_path / "fresh"
    shutil.copytree(office, fresh)
    (fresh / MERSIN).write_text(text(office).replace(MERSIN_NEW, ""), encoding="utf-8")
    pasted = _pasted(shown, fresh)
    assert (pasted.returncode, pasted.stderr) == (0, ""), pasted.stderr
    assert text(fresh) == MERSIN_AFTER
