"""No message echoes personal data (issue 22, item 9): the guard names the kind of data and its
place, and every other message that quotes a value, a key, a path or what was typed shows
"<personal data hidden>" where the data would be, in both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spo.cli import prompts
from tests.conftest import REGISTRIES, run_spo

ARTVIN = "data/municipalities/artvin.yaml"
PROJECT = "data/projects/mahalle-mutfaklari.yaml"


def _validate(lang: str, *args: str) -> tuple[int, str]:
    run = run_spo("--lang", lang, "validate", *args)
    return run.exit_code, run.stdout


def test_a_status_with_an_id_number_is_not_quoted_by_the_schema_message(base: Path) -> None:
    text = (base / PROJECT).read_text(encoding="utf-8")
    (base / PROJECT).write_text(text.replace("status: active", 'status: "TC 28374651994"'))
    where = f"{PROJECT}:7:9:"

    assert _validate("en", PROJECT) == (
        1,
        f"{where} error: this value holds a Turkish national ID number; personal data must not "
        "be in a public registry [personal-data] at $.status\n"
        f"{where} error: 'status' is 'TC <personal data hidden>'; expected one of: Active "
        "(active), Pilot (pilot), Paused (paused), Ended (ended), Unknown (unknown) [schema] "
        "at $.status\n"
        "1 file checked, 2 problems (2 errors, 0 warnings)\n",
    )
    assert _validate("tr", PROJECT) == (
        1,
        f"{where} hata: bu değerde bir T.C. kimlik numarası var; kişisel veri kamuya açık bir "
        "kayıtta yer alamaz [personal-data] ($.status konumunda)\n"
        f"{where} hata: 'status' alanı 'TC <kişisel veri gizlendi>' olarak yazılmış; şunlardan "
        "biri olmalı: Sürüyor (active), Pilot (pilot), Askıda (paused), Sona erdi (ended), "
        "Bilinmiyor (unknown) [schema] ($.status konumunda)\n"
        "1 dosya denetlendi, 2 sorun (2 hata, 0 uyarı)\n",
    )


def test_a_key_holding_an_address_is_refused_and_not_quoted(base: Path) -> None:
    text = (base / ARTVIN).read_text(encoding="utf-8")
    (base / ARTVIN).write_text(text + '"ayse.yilmaz@gmail.com": x\n', encoding="utf-8")
    where = f"{ARTVIN}:18:1:"

    assert _validate("en", ARTVIN) == (
        1,
        f"{where} error: this key holds a personal e-mail address; outside a contact's 'email' "
        "field only an institution's address (.bel.tr, .gov.tr, .edu.tr, .org.tr, .kep.tr) may "
        "appear [personal-data] at $.<personal data hidden>\n"
        f"{where} error: unknown key '<personal data hidden>' [schema] at $.<personal data "
        "hidden>\n"
        "1 file checked, 2 problems (2 errors, 0 warnings)\n",
    )
    assert _validate("tr", ARTVIN) == (
        1,
        f"{where} hata: bu anahtarda kişisel bir e-posta adresi var; bir iletişim kişisinin "
        "'email' alanı dışında yalnızca kurum adresleri (.bel.tr, .gov.tr, .edu.tr, .org.tr, "
        ".kep.tr) yazılır [personal-data] ($.<kişisel veri gizlendi> konumunda)\n"
        f"{where} hata: bilinmeyen anahtar '<kişisel veri gizlendi>' [schema] ($.<kişisel veri "
        "gizlendi> konumunda)\n"
        "1 dosya denetlendi, 2 sorun (2 hata, 0 uyarı)\n",
    )
    records = json.loads(_validate("en", ARTVIN, "--format", "json")[1])
    assert [(r["path"], r["code"]) for r in records] == [
        ("$.<personal data hidden>", "personal-data"),
        ("$.<personal data hidden>", "schema"),
    ]
    assert "ayse" not in json.dumps(records)


def test_a_mobile_as_the_province_is_not_quoted_by_unknown_province(base: Path) -> None:
    text = (base / ARTVIN).read_text(encoding="utf-8")
    (base / ARTVIN).write_text(text.replace("province: 8", "province: 0532 123 45 67"))
    where = f"{ARTVIN}:4:11:"

    assert _validate("en", ARTVIN) == (
        1,
        f"{where} error: this value holds a phone number; phone numbers belong only in a "
        "contact's 'phone' field [personal-data] at $.province\n"
        f"{where} error: '<personal data hidden>' is not one of the 81 provinces (give its plate "
        "code or Turkish name) [unknown-province] at $.province\n"
        "1 file checked, 2 problems (2 errors, 0 warnings)\n",
    )
    assert _validate("tr", ARTVIN) == (
        1,
        f"{where} hata: bu değerde bir telefon numarası var; telefon numarası yalnızca bir "
        "iletişim kişisinin 'phone' alanına yazılır [personal-data] ($.province konumunda)\n"
        f"{where} hata: '<kişisel veri gizlendi>' 81 ilden biri değil (plaka kodunu ya da Türkçe "
        "adını yazın) [unknown-province] ($.province konumunda)\n"
        "1 dosya denetlendi, 2 sorun (2 hata, 0 uyarı)\n",
    )
    github = _validate("en", ARTVIN, "--format", "github")[1]
    assert "'<personal data hidden>' is not one of the 81 provinces" in github
    assert "532" not in github


# What each write command says of personal data typed where it does not belong.
TYPED = [
    (
        "municipality new --province Artvin --district Hopa --town 05321234567 -y",
        1,
        "spo: no record created: the town holds a phone number; personal data must not be in a "
        "public registry",
        "spo: hiçbir kayıt oluşturulmadı: belde alanında bir telefon numarası var; kişisel veri "
        "kamuya açık bir kayıtta yer alamaz",
    ),
    (
        "project new --owner mersin-bb --summary x --status unknown --name Kat:3,0532_123_45_67",
        1,
        "spo: no record created: the name holds a phone number; personal data must not be in a "
        "public registry",
        "spo: hiçbir kayıt oluşturulmadı: ad alanında bir telefon numarası var; kişisel veri "
        "kamuya açık bir kayıtta yer alamaz",
    ),
    (
        "engagement add --to artvin --host mersin-bb --kind meeting --participants 0532_123_45_67",
        2,
        "spo: --participants: '<personal data hidden>' is not a number; give a whole number, 0 "
        "or more",
        "spo: --participants: '<kişisel veri gizlendi>' bir sayı değil; 0 ya da daha büyük bir "
        "tam sayı yazın",
    ),
    (
        "engagement add --to artvin --host mersin-bb --kind meeting --date 90_532_123_45_67",
        2,
        "spo: '<personal data hidden>' is not a date spo understands; write e.g. 05.12.2026, "
        "5 December 2026, December 2026 or 2026",
        "spo: '<kişisel veri gizlendi>' bir tarih olarak anlaşılmadı; örneğin 05.12.2026, "
        "5 Aralık 2026, Aralık 2026 ya da 2026 yazın",
    ),
    (
        "engagement add --to artvin --host mersin-bb --kind ayse(at)gmail.com",
        2,
        "spo: unknown engagement kind '<personal data hidden>'; expected one of: Study visit "
        "(study-visit), Meeting (meeting), Training (training)",
        "spo: bilinmeyen temas türü: '<kişisel veri gizlendi>'; şunlardan biri olmalı: Yerinde "
        "inceleme ziyareti (study-visit), Toplantı (meeting), Eğitim (training)",
    ),
    (
        "engagement add --to artvin --host mersin-bb --kind meeting 0532_123_45_67",
        2,
        "spo: Got unexpected extra argument (<personal data hidden>)\nFor help: spo engagement "
        "add --help",
        "spo: Beklenmeyen fazladan argüman (<kişisel veri gizlendi>)\nYardım için: spo "
        "engagement add --help",
    ),
    (
        "transfer add --project TR330006100519786457841326 --to artvin --stage inquiry",
        2,
        "spo: no project with the id or name '<personal data hidden>'",
        "spo: kimliği ya da adı '<kişisel veri gizlendi>' olan proje yok",
    ),
]


@pytest.mark.parametrize(
    ("args", "code", "en", "tr"), TYPED, ids=[t[0].split(" --")[0] for t in TYPED]
)
def test_the_write_commands_do_not_quote_personal_data_that_was_typed(
    registry_copy, args: str, code: int, en: str, tr: str
) -> None:
    root = registry_copy("sample")
    for lang, said in (("en", en), ("tr", tr)):
        run = run_spo("--root", str(root), "--lang", lang, *args.split(), "-y")
        assert (run.exit_code, run.stdout, run.stderr) == (code, "", said + "\n")


def test_prompts_ask_again_without_quoting_what_was_typed(registry_copy, monkeypatch) -> None:
    """A date and a note typed with personal data are asked again at once; the retry line does
    not show back what was typed (the terminal's own echo of the typing is all there is)."""
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)
    root = registry_copy("sample")
    answers = "mersin\ntoplantı\n0532 123 45 67\n2025-05-06\nayse [at] gmail [dot] com\n\n\n"
    said = {
        "en": "'<personal data hidden>' is not a date spo understands; write e.g. 05.12.2026, "
        "5 December 2026, December 2026 or 2026; try again\n"
        "the note holds a personal e-mail address; personal data must not be in a public "
        "registry (an institution's address may stand: .bel.tr, .gov.tr, .edu.tr, .org.tr, "
        ".kep.tr); try again\n"
        "The same without questions:\n",
        "tr": "'<kişisel veri gizlendi>' bir tarih olarak anlaşılmadı; örneğin 05.12.2026, "
        "5 Aralık 2026, Aralık 2026 ya da 2026 yazın; yeniden deneyin\n"
        "not alanında kişisel bir e-posta adresi var; kişisel veri kamuya açık bir kayıtta yer "
        "alamaz (kurum adresleri yazılabilir: .bel.tr, .gov.tr, .edu.tr, .org.tr, .kep.tr); "
        "yeniden deneyin\n"
        "Aynısını soru sorulmadan yazan komut:\n",
    }
    line = (
        f"  spo --root {root} engagement add --to artvin --host mersin-bb --kind meeting "
        "--date 2025-05-06 --participants 12\n"
    )
    for lang in ("en", "tr"):
        add = "engagement add --to artvin --participants 12 --yes"
        run = run_spo("--root", str(root), "--lang", lang, *add.split(), input=answers)
        assert (run.exit_code, run.stderr) == (0, said[lang] + line)
        (root / ARTVIN).write_bytes((REGISTRIES / "sample" / ARTVIN).read_bytes())
