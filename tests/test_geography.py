"""Geography, made exact (issue 21): what `spo validate` and `spo municipality new` say of a town,
a central district, a kind that contradicts its place and an old district name.

Each validate story writes one municipality into a copy of tests/registries/valid-base and
compares the whole output in English and Turkish; each `municipality new` story compares the
refusal in both languages and checks that nothing was written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_spo

M = "data/municipalities"


def municipality(record_id: str, name: str, kind: str, province: str, district: str) -> str:
    return (
        f"id: {record_id}\nname: {name}\nkind: {kind}\nprovince: {province}\n"
        f"district: {district}\nsources: [https://example.org/{record_id}]\n"
    )


# (story, file id, record, English problem line, Turkish problem line)
VALIDATE = [
    (
        "a town in the wrong district",
        "canakkale-biga-umurbey",
        municipality("canakkale-biga-umurbey", "Umurbey Belediyesi", "town", "Çanakkale", "Biga"),
        "5:11: error: 'Umurbey' is a town of Lapseki, not of Biga (did you mean 'Lapseki'?) "
        "[town-district] at $.district",
        "5:11: hata: 'Umurbey' Biga ilçesinin değil, Lapseki ilçesinin beldesi (şunu mu demek "
        "istediniz: 'Lapseki'?) [town-district] ($.district konumunda)",
    ),
    (
        "a town in a metropolitan province",
        "istanbul-silivri-selimpasa",
        municipality(
            "istanbul-silivri-selimpasa", "Selimpaşa Belediyesi", "town", "İstanbul", "Silivri"
        ),
        "3:7: error: İstanbul is a metropolitan province: its towns (belde) were joined to their "
        "district municipalities in 2014, so it has none [town-in-metropolitan] at $.kind",
        "3:7: hata: İstanbul bir büyükşehir: beldeleri 2014'te ilçe belediyelerine katıldı, "
        "orada belde belediyesi yok [town-in-metropolitan] ($.kind konumunda)",
    ),
    (
        "a district municipality recorded as a town",
        "kirikkale-keskin",
        municipality("kirikkale-keskin", "Keskin Belediyesi", "town", "Kırıkkale", "Keskin"),
        "3:7: error: 'Keskin' is a district of Kırıkkale, not a town: its municipality is a "
        "district municipality [district-not-town] at $.kind",
        "3:7: hata: 'Keskin' Kırıkkale ilinin bir ilçesi, belde değil: belediyesi bir ilçe "
        "belediyesidir [district-not-town] ($.kind konumunda)",
    ),
    (
        "a district municipality of a non-metropolitan central district",
        "artvin-merkez",
        municipality("artvin-merkez", "Merkez Belediyesi", "district", "Artvin", "Merkez"),
        "5:11: error: the central district (Merkez) of Artvin has no district municipality: the "
        "provincial municipality 'artvin' serves it [central-district] at $.district",
        "5:11: hata: Artvin merkez ilçesinin ilçe belediyesi yoktur: orada il belediyesi "
        "('artvin') hizmet verir [central-district] ($.district konumunda)",
    ),
    (
        "a district municipality whose name and district disagree",
        "gaziantep-sahinbey",
        municipality(
            "gaziantep-sahinbey", "Şehitkamil Belediyesi", "district", "Gaziantep", "Şahinbey"
        ),
        "2:7: error: the name 'Şehitkamil Belediyesi' and the district 'Şahinbey' disagree: the "
        "municipality of Şahinbey is 'Şahinbey Belediyesi' [name-district] at $.name",
        "2:7: hata: 'Şehitkamil Belediyesi' adı ile 'Şahinbey' ilçesi uyuşmuyor: Şahinbey "
        "ilçesinin belediyesi 'Şahinbey Belediyesi' [name-district] ($.name konumunda)",
    ),
    (
        "an old district name",
        "istanbul-eyup",
        municipality("istanbul-eyup", "Eyüp Belediyesi", "district", "İstanbul", "Eyüp"),
        "5:11: error: 'Eyüp' is an old name: that district of İstanbul is now called "
        "'Eyüpsultan' [renamed-district] at $.district",
        "5:11: hata: 'Eyüp' eski bir ad: İstanbul ilindeki bu ilçenin bugünkü adı 'Eyüpsultan' "
        "[renamed-district] ($.district konumunda)",
    ),
    (
        "Ondokuzmayıs is 19 Mayıs",
        "samsun-ondokuzmayis",
        municipality(
            "samsun-ondokuzmayis", "Ondokuzmayıs Belediyesi", "district", "Samsun", "Ondokuzmayıs"
        ),
        "5:11: error: 'Ondokuzmayıs' is an old name: that district of Samsun is now called "
        "'19 Mayıs' [renamed-district] at $.district",
        "5:11: hata: 'Ondokuzmayıs' eski bir ad: Samsun ilindeki bu ilçenin bugünkü adı "
        "'19 Mayıs' [renamed-district] ($.district konumunda)",
    ),
]


@pytest.mark.parametrize(
    ("file_id", "record", "english", "turkish"),
    [case[1:] for case in VALIDATE],
    ids=[case[0] for case in VALIDATE],
)
def test_validate_refuses_a_place_that_is_not_so(
    base: Path, file_id: str, record: str, english: str, turkish: str
) -> None:
    (base / M / f"{file_id}.yaml").write_text(record, encoding="utf-8")
    at = f"{M}/{file_id}.yaml:"

    en, tr = run_spo("validate"), run_spo("--lang", "tr", "validate")

    assert (en.exit_code, en.stdout) == (
        1,
        f"{at}{english}\n4 files checked, 1 problem (1 error, 0 warnings)\n",
    )
    assert (tr.exit_code, tr.stdout) == (
        1,
        f"{at}{turkish}\n4 dosya denetlendi, 1 sorun (1 hata, 0 uyarı)\n",
    )


def test_a_town_the_table_does_not_list_is_a_warning_with_the_closest_name(base: Path) -> None:
    """The town table is ours and not yet whole, so a town it does not list may be real: validate
    warns (exit 0) and names the closest town it knows; `--strict` makes it fail."""
    file_id = "canakkale-lapseki-umurbay"
    record = municipality(file_id, "Umurbay Belediyesi", "town", "Çanakkale", "Lapseki")
    (base / M / f"{file_id}.yaml").write_text(record, encoding="utf-8")
    at = f"{M}/{file_id}.yaml:2:7:"

    en, tr = run_spo("validate"), run_spo("--lang", "tr", "validate")

    assert (en.exit_code, en.stdout) == (
        0,
        f"{at} warning: 'Umurbay' is not in spo's table of the towns (belde) of Lapseki in "
        "Çanakkale; the table is not yet whole, so check the name against the official list "
        "(did you mean 'Umurbey'?) [unknown-town] at $.name\n"
        "4 files checked, 1 problem (0 errors, 1 warning)\n",
    )
    assert (tr.exit_code, tr.stdout) == (
        0,
        f"{at} uyarı: spo'nun belde tablosunda Çanakkale ili Lapseki ilçesinde 'Umurbay' adında "
        "bir belde yok; tablo henüz eksiksiz değil, adı resmî listeden denetleyin (şunu mu "
        "demek istediniz: 'Umurbey'?) [unknown-town] ($.name konumunda)\n"
        "4 dosya denetlendi, 1 sorun (0 hata, 1 uyarı)\n",
    )
    assert run_spo("validate", "--strict").exit_code == 1


def test_a_town_without_a_district_is_refused_by_the_schema(base: Path) -> None:
    (base / M / "canakkale-cardak.yaml").write_text(
        "id: canakkale-cardak\nname: Çardak Belediyesi\nkind: town\nprovince: Çanakkale\n"
        "sources: [https://example.org/c]\n",
        encoding="utf-8",
    )
    run = run_spo("validate")
    assert (run.exit_code, run.stdout) == (
        1,
        f"{M}/canakkale-cardak.yaml:3:7: error: 'kind' is 'town', which requires 'district' "
        "[schema] at $.kind\n4 files checked, 1 problem (1 error, 0 warnings)\n",
    )


@pytest.mark.parametrize(
    ("file_id", "record"),
    [
        (
            "canakkale-lapseki-cardak",
            municipality(
                "canakkale-lapseki-cardak", "Çardak Belediyesi", "town", "Çanakkale", "Lapseki"
            ),
        ),
        # The same name is a town of Nevşehir's central district, and a district of Denizli.
        (
            "nevsehir-merkez-cardak",
            municipality(
                "nevsehir-merkez-cardak", "Çardak Belediyesi", "town", "Nevşehir", "Merkez"
            ),
        ),
        (
            "denizli-cardak",
            municipality("denizli-cardak", "Çardak Belediyesi", "district", "Denizli", "Çardak"),
        ),
        (
            "istanbul-eyupsultan",
            municipality(
                "istanbul-eyupsultan", "Eyüpsultan Belediyesi", "district", "İstanbul", "Eyüpsultan"
            ),
        ),
    ],
)
def test_a_place_that_is_so_passes(base: Path, file_id: str, record: str) -> None:
    (base / M / f"{file_id}.yaml").write_text(record, encoding="utf-8")
    run = run_spo("validate")
    assert (run.exit_code, run.stdout) == (0, "4 files checked, 0 problems\n")


# (story, options, English refusal, Turkish refusal)
NEW = [
    (
        "a made-up town",
        ["--province", "Çanakkale", "--district", "Lapseki", "--town", "Umurbay"],
        "'Umurbay' is not in spo's table of the towns (belde) of Lapseki in Çanakkale; the table "
        "is not yet whole, so check the name against the official list (did you mean "
        "'Umurbey'?)",
        "spo'nun belde tablosunda Çanakkale ili Lapseki ilçesinde 'Umurbay' adında bir belde "
        "yok; tablo henüz eksiksiz değil, adı resmî listeden denetleyin (şunu mu demek "
        "istediniz: 'Umurbey'?)",
    ),
    (
        "a town in the wrong district",
        ["--province", "Çanakkale", "--district", "Biga", "--town", "Umurbey"],
        "'Umurbey' is a town of Lapseki, not of Biga (did you mean 'Lapseki'?)",
        "'Umurbey' Biga ilçesinin değil, Lapseki ilçesinin beldesi (şunu mu demek istediniz: "
        "'Lapseki'?)",
    ),
    (
        "a town in a metropolitan province",
        ["--province", "İstanbul", "--district", "Silivri", "--town", "Selimpaşa"],
        "İstanbul is a metropolitan province: its towns (belde) were joined to their district "
        "municipalities in 2014, so it has none",
        "İstanbul bir büyükşehir: beldeleri 2014'te ilçe belediyelerine katıldı, orada belde "
        "belediyesi yok",
    ),
    (
        "a district given as a town",
        ["--province", "Kırıkkale", "--district", "Keskin", "--town", "Keskin"],
        "'Keskin' is a district of Kırıkkale, not a town: its municipality is a district "
        "municipality",
        "'Keskin' Kırıkkale ilinin bir ilçesi, belde değil: belediyesi bir ilçe belediyesidir",
    ),
    (
        "Merkez of a non-metropolitan province",
        ["--province", "Artvin", "--district", "Merkez"],
        "the central district (Merkez) of Artvin has no district municipality: the provincial "
        "municipality 'artvin' serves it",
        "Artvin merkez ilçesinin ilçe belediyesi yoktur: orada il belediyesi ('artvin') hizmet "
        "verir",
    ),
    (
        "Eyüp",
        ["--province", "İstanbul", "--district", "eyüp"],
        "'eyüp' is an old name: that district of İstanbul is now called 'Eyüpsultan'",
        "'eyüp' eski bir ad: İstanbul ilindeki bu ilçenin bugünkü adı 'Eyüpsultan'",
    ),
    (
        "Kazan",
        ["--province", "Ankara", "--district", "Kazan"],
        "'Kazan' is an old name: that district of Ankara is now called 'Kahramankazan'",
        "'Kazan' eski bir ad: Ankara ilindeki bu ilçenin bugünkü adı 'Kahramankazan'",
    ),
    (
        "Ondokuzmayıs",
        ["--province", "Samsun", "--district", "ondokuzmayıs"],
        "'ondokuzmayıs' is an old name: that district of Samsun is now called '19 Mayıs'",
        "'ondokuzmayıs' eski bir ad: Samsun ilindeki bu ilçenin bugünkü adı '19 Mayıs'",
    ),
]


@pytest.mark.parametrize(
    ("options", "english", "turkish"), [case[1:] for case in NEW], ids=[case[0] for case in NEW]
)
def test_municipality_new_refuses_a_place_that_is_not_so(
    tmp_path: Path, options: list[str], english: str, turkish: str
) -> None:
    (tmp_path / M).mkdir(parents=True)
    args = [
        "--root",
        str(tmp_path),
        "municipality",
        "new",
        *options,
        "--source",
        "https://example.org/haber",
    ]

    en, tr = run_spo(*args), run_spo("--lang", "tr", *args)

    assert (en.exit_code, en.stdout, en.stderr) == (2, "", f"spo: {english}\n")
    assert (tr.exit_code, tr.stdout, tr.stderr) == (2, "", f"spo: {turkish}\n")
    assert list((tmp_path / M).iterdir()) == []
    assert not (tmp_path / "schemas").exists()


def test_municipality_new_writes_a_town_as_the_table_spells_it(tmp_path: Path) -> None:
    (tmp_path / M).mkdir(parents=True)
    run = run_spo(
        "--root",
        str(tmp_path),
        "municipality",
        "new",
        "--province",
        "nevşehir",
        "--district",
        "merkez",
        "--town",
        "CARDAK",
        "--source",
        "https://example.org/h",
    )
    assert run.exit_code == 0
    assert (tmp_path / M / "nevsehir-merkez-cardak.yaml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../../schemas/municipality.schema.json\n"
        "id: nevsehir-merkez-cardak\nname: Çardak Belediyesi\nkind: town\nprovince: Nevşehir\n"
        "district: Merkez\nsources:\n  - https://example.org/h\n"
    )


def test_in_a_terminal_a_town_is_asked_again_until_its_district_has_it(
    registry_copy, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spo.cli import prompts

    monkeypatch.setattr(prompts, "is_interactive", lambda: True)
    root = registry_copy("sample")
    args = ["--root", str(root), "municipality", "new", "--source", "https://example.org/h"]
    answers = "Nevşehir\nmerkez\nÇardakk\nÜrgüp\nçardak\ny\n"

    en, tr = run_spo(*args, input=answers), run_spo("--lang", "tr", *args, input=answers)

    assert en.exit_code == 0
    assert en.stderr.splitlines()[:2] == [
        "'Çardakk' is not in spo's table of the towns (belde) of Merkez in Nevşehir; the table is "
        "not yet whole, so check the name against the official list (did you mean 'Çardak'?); "
        "try again",
        "'Ürgüp' is a district of Nevşehir, not a town: its municipality is a district "
        "municipality; try again",
    ]
    assert "Town (optional, Enter to skip): çardak\n" in en.stdout
    assert (root / M / "nevsehir-merkez-cardak.yaml").read_text(encoding="utf-8").count(
        "name: Çardak Belediyesi\n"
    ) == 1
    # The second run finds the file written: only the Turkish questions are compared.
    assert tr.stderr.splitlines()[:2] == [
        "spo'nun belde tablosunda Nevşehir ili Merkez ilçesinde 'Çardakk' adında bir belde yok; "
        "tablo henüz eksiksiz değil, adı resmî listeden denetleyin (şunu mu demek istediniz: "
        "'Çardak'?); yeniden deneyin",
        "'Ürgüp' Nevşehir ilinin bir ilçesi, belde değil: belediyesi bir ilçe belediyesidir; "
        "yeniden deneyin",
    ]


def test_municipality_new_takes_a_town_the_table_lacks_as_typed(registry_copy) -> None:
    """A name the table knows nothing close to may be a town it lacks: written as typed, and
    validate then warns so a reviewer checks it."""
    root = registry_copy("sample")
    where = ("--province", "Çanakkale", "--district", "Lapseki", "--town", "Yenibelde")

    run = run_spo("--root", str(root), "municipality", "new", *where, "--source", "https://e.org/y")

    assert run.exit_code == 0, run.stderr
    written = root / M / "canakkale-lapseki-yenibelde.yaml"
    assert "name: Yenibelde Belediyesi\nkind: town\n" in written.read_text(encoding="utf-8")
    checked = run_spo("--root", str(root), "validate")
    assert "warning: 'Yenibelde' is not in spo's table of the towns (belde) of Lapseki" in (
        checked.stdout
    )
