"""`spo project list`, `spo municipality list`, `spo transfer list`: what staff type to find
records, in each output format and language, with filters and Turkish alphabetical order."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import TESTS, assert_golden, run_spo

GOLDEN = TESTS / "golden" / "find"
Copy = Callable[[str], Path]


@pytest.fixture
def sample(registry_copy: Copy) -> Path:
    return registry_copy("sample")


@pytest.fixture
def turkish(registry_copy: Copy) -> Path:
    """Fifteen municipalities whose names start with the letters Turkish sorts differently."""
    return registry_copy("find-turkish")


def spo(root: Path, *args: str, lang: str = "en", **env: str) -> tuple[int, str, str]:
    run = run_spo("--root", str(root), "--lang", lang, *args, env=env or None)
    return run.exit_code, run.stdout, run.stderr


def visible(text: str) -> str:
    """A table as the eye sees it: each line without its trailing spaces."""
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def column(stdout: str, index: int = 0) -> list[str]:
    """One column of a CSV answer (after its header)."""
    return [line.split(",")[index] for line in stdout.splitlines()[1:]]


# --- Turkish alphabetical order -----------------------------------------------------------------

TURKISH_ORDER = [
    "Adana Büyükşehir Belediyesi",
    "Afyonkarahisar Belediyesi",
    "Ağrı Belediyesi",  # ğ after g, after f
    "Cizre Belediyesi",
    "Çorum Belediyesi",  # ç after c
    "Iğdır Belediyesi",  # dotless I (ı) before dotted İ (i)
    "Isparta Belediyesi",
    "İnegöl Belediyesi",
    "Kırıkkale Belediyesi",
    "Osmaniye Belediyesi",
    "Ödemiş Belediyesi",  # ö after o
    "Sinop Belediyesi",
    "Şile Belediyesi",  # ş after s
    "Uşak Belediyesi",
    "Ünye Belediyesi",  # ü after u
]


def test_municipalities_are_listed_in_turkish_alphabetical_order(turkish: Path) -> None:
    code, out, err = spo(turkish, "municipality", "list", "--format", "csv")

    assert (code, err) == (0, "")
    assert column(out, 1) == TURKISH_ORDER


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Cizre Belediyesi", "Çorum Belediyesi"),
        ("Afyonkarahisar Belediyesi", "Ağrı Belediyesi"),
        ("Isparta Belediyesi", "İnegöl Belediyesi"),
        ("Iğdır Belediyesi", "Kırıkkale Belediyesi"),
        ("Osmaniye Belediyesi", "Ödemiş Belediyesi"),
        ("Sinop Belediyesi", "Şile Belediyesi"),
        ("Uşak Belediyesi", "Ünye Belediyesi"),
    ],
)
def test_each_turkish_letter_sorts_after_its_plain_twin(
    turkish: Path, before: str, after: str
) -> None:
    _, out, _ = spo(turkish, "municipality", "list", "--sort", "name", "--format", "csv")
    names = column(out, 1)

    assert names.index(before) < names.index(after)


def test_project_names_sort_in_the_language_shown(turkish: Path) -> None:
    _, turkish_names, _ = spo(
        turkish, "project", "list", "-f", "csv", "--delimiter", ",", lang="tr"
    )
    _, english_names, _ = spo(turkish, "project", "list", "-f", "csv", lang="en")

    # Çocuk, İyilik, Kent, Okul: ç sorts right after c, so before İ, K and O.
    assert column(turkish_names) == [
        "cocuk-oyun-alanlari",
        "iyilik-dukkani",
        "kent-bahceleri",
        "okul-bahceleri",
    ]
    # City Gardens, Kindness Shop, Playgrounds, School Gardens
    assert column(english_names) == [
        "kent-bahceleri",
        "iyilik-dukkani",
        "cocuk-oyun-alanlari",
        "okul-bahceleri",
    ]


# --- sorting by date ----------------------------------------------------------------------------


def test_projects_by_date_are_oldest_launch_first_and_undated_last(turkish: Path) -> None:
    _, out, _ = spo(turkish, "project", "list", "--sort", "date", "-f", "csv")

    # ../2022-12-31, 2023-04, 2024, no launch date
    assert column(out) == [
        "iyilik-dukkani",
        "kent-bahceleri",
        "okul-bahceleri",
        "cocuk-oyun-alanlari",
    ]


def test_municipalities_by_date_follow_their_latest_engagement_or_transfer(turkish: Path) -> None:
    _, out, _ = spo(turkish, "municipality", "list", "--sort", "date", "-f", "csv")

    # 2025-02-10, by 2025-03-01, 2025-04-10 (an engagement), 2025-05-01, 2025 (ends 31 December),
    # then those with neither, by name.
    assert column(out)[:6] == [
        "izmir-odemis",
        "istanbul-sile",
        "agri",
        "ordu-unye",
        "igdir",
        "adana-bb",
    ]


def test_transfers_by_date_follow_the_date_of_their_current_stage(sample: Path) -> None:
    _, out, _ = spo(sample, "transfer", "list", "--sort", "date", "-f", "csv")

    assert [f"{r}:{d}" for r, d in zip(column(out, 1), column(out, 3), strict=True)] == [
        "istanbul-uskudar:2025-01-15",
        "artvin:2025-06",
        "istanbul-uskudar:2025-07",
        "canakkale-lapseki-cardak:2025-09-01",
    ]


# --- JSON, YAML, CSV ----------------------------------------------------------------------------


def test_transfer_list_as_json_has_the_file_fields_and_where_the_transfer_stands(
    sample: Path,
) -> None:
    code, out, err = spo(sample, "transfer", "list", "--to", "artvin", "--format", "json")

    assert (code, err) == (0, "")
    assert out == (
        "[\n"
        "  {\n"
        '    "project": "mahalle-mutfaklari",\n'
        '    "municipality": "artvin",\n'
        '    "history": [\n'
        "      {\n"
        '        "stage": "inquiry",\n'
        '        "date": "2024-11-05"\n'
        "      },\n"
        "      {\n"
        '        "stage": "study-visit",\n'
        '        "date": "2025-02-10"\n'
        "      },\n"
        "      {\n"
        '        "stage": "presentation",\n'
        '        "date": "2025-02-10",\n'
        '        "note": "Sunum ofiste yapıldı."\n'
        "      },\n"
        "      {\n"
        '        "stage": "planning-support",\n'
        '        "date": "2025-06"\n'
        "      }\n"
        "    ],\n"
        '    "current_stage": "planning-support",\n'
        '    "current_date": "2025-06"\n'
        "  }\n"
        "]\n"
    )


def test_municipality_list_as_json_adds_the_province_it_found(sample: Path) -> None:
    code, out, err = spo(sample, "municipality", "list", "--kind", "metropolitan", "-f", "json")

    assert (code, err) == (0, "")
    assert_golden(GOLDEN / "municipalities-metropolitan.json", out)


def test_municipality_list_as_yaml_is_the_same_records(sample: Path) -> None:
    code, out, err = spo(sample, "municipality", "list", "--kind", "metropolitan", "-f", "yaml")

    assert (code, err) == (0, "")
    assert_golden(GOLDEN / "municipalities-metropolitan.yaml", out)


def test_project_list_as_json_is_every_project_file_as_it_is(sample: Path) -> None:
    code, out, _ = spo(sample, "project", "list", "-f", "json")

    assert code == 0
    assert_golden(GOLDEN / "projects.json", out)


def test_transfer_list_as_yaml_keeps_dates_as_the_strings_in_the_files(sample: Path) -> None:
    code, out, _ = spo(sample, "transfer", "list", "--stage", "launched", "-f", "yaml")

    assert code == 0
    assert out == (
        "- project: mahalle-mutfaklari\n"
        "  municipality: canakkale-lapseki-cardak\n"
        "  history:\n"
        "  - stage: inquiry\n"
        "    date: 2024-12\n"
        "  - stage: presentation\n"
        "    date: '2025-03-01'\n"
        "  - stage: launched\n"
        "    date: '2025-09-01'\n"
        "  current_stage: launched\n"
        "  current_date: '2025-09-01'\n"
    )


def test_csv_opens_in_excel_with_turkish_letters_and_joins_lists(sample: Path) -> None:
    code, out, _ = spo(sample, "project", "list", "--owner", "izmir-bb", "--format", "csv")

    assert code == 0
    assert out == (
        "id,name_tr,name_en,owner,status,status_as_of,status_source,launched,themes,"
        "inferred_themes,target_groups,service_model,partners,tags,requirement_staff,"
        "requirement_space,requirement_budget,requirement_partners,summary_tr,summary_en,"
        "website,notes,sources\n"
        "bizizmir-dayanisma-noktalari,Bizİzmir Dayanışma Noktaları,Bizİzmir Solidarity Points,"
        "izmir-bb,active,2025,https://example.org/status,,nutrition; psychosocial-support,,"
        "low-income,neighbourhood-based,"
        '"Lund Üniversitesi (university, implementer)",,,,,,'
        "Kentin 11 bölgesinde dar gelirlilere sıcak yemek ve psikososyal destek.,,,,"
        "https://example.org/izmir\n"
    )


def test_transfer_csv_flattens_the_history(sample: Path) -> None:
    _, out, _ = spo(sample, "transfer", "list", "-f", "csv")

    assert out == (
        "project,municipality,current_stage,current_date,history,note\n"
        "mahalle-mutfaklari,artvin,planning-support,2025-06,inquiry 2024-11-05; study-visit "
        "2025-02-10; presentation 2025-02-10; planning-support 2025-06,\n"
        "mahalle-mutfaklari,canakkale-lapseki-cardak,launched,2025-09-01,inquiry 2024-12; "
        "presentation 2025-03-01; launched 2025-09-01,\n"
        "bizizmir-dayanisma-noktalari,istanbul-uskudar,dropped,2025-07,inquiry 2025-04-01; "
        "dropped 2025-07,\n"
        "kadin-ustalar,istanbul-uskudar,inquiry,2025-01-15,inquiry 2025-01-15,\n"
    )


def test_municipality_csv_quotes_what_has_commas(sample: Path) -> None:
    _, out, _ = spo(sample, "municipality", "list", "--province", "mersin", "-f", "csv")

    assert out.splitlines()[1] == (
        "mersin-bb,Mersin Büyükşehir Belediyesi,metropolitan,33,Mersin,,https://www.mersin.bel.tr,"
        '"Ofis Sorumlusu, Sosyal Politikalar Ofisi Sorumlusu",,,'
        "2025-03-21 municipalities-hosted exact 3; 2025-06-30 projects-transferred at-least 2,,"
        '"Test Gazetesi, Test haberi, 2025-03-21"'
    )


# --- tables -------------------------------------------------------------------------------------


def test_transfer_table_in_english(sample: Path) -> None:
    code, out, err = spo(sample, "transfer", "list")

    assert (code, err) == (0, "")
    assert visible(out) == (
        "Municipality         Project                      Stage              Since        Mentor\n"
        + "─" * 110
        + "\n"
        "Artvin Belediyesi    Neighbourhood Kitchens       Planning support   2025-06      "
        "Mersin Büyükşehir Belediyesi\n"
        "Çardak Belediyesi    Neighbourhood Kitchens       Launched           2025-09-01   "
        "Mersin Büyükşehir Belediyesi\n"
        "Üsküdar Belediyesi   Bizİzmir Solidarity Points   Dropped            2025-07      "
        "İzmir Büyükşehir Belediyesi\n"
        "Üsküdar Belediyesi   Women Craftspeople           Inquiry            2025-01-15   "
        "Mersin Büyükşehir Belediyesi\n"
    )


def test_transfer_table_in_turkish_has_turkish_headers_and_stage_labels(sample: Path) -> None:
    code, out, _ = spo(sample, "transfer", "list", "--to", "canakkale-lapseki-cardak", lang="tr")

    assert code == 0
    assert visible(out).splitlines()[0].split() == [
        "Belediye",
        "Proje",
        "Aşama",
        "Tarih",
        "Aktaran",
    ]
    assert visible(out).splitlines()[2] == (
        "Çardak Belediyesi   Mahalle Mutfakları   Hayata geçirildi   2025-09-01   "
        "Mersin Büyükşehir Belediyesi"
    )


def test_the_language_comes_from_spo_lang_when_not_given(sample: Path) -> None:
    run = run_spo(
        "--root", str(sample), "project", "list", "--status", "active", env={"SPO_LANG": "tr"}
    )

    assert run.stdout.splitlines()[0].split()[:4] == ["Kimlik", "Ad", "Sahibi", "Durum"]
    assert "Sürüyor" in run.stdout


def test_project_table_shows_labels_not_values(sample: Path) -> None:
    code, out, _ = spo(sample, "project", "list", "--theme", "employment")

    assert code == 0
    assert visible(out) == (
        "                                                                                      "
        "                            Target\n"
        "ID              Name                 Owner                          Status   "
        "Themes                               groups\n" + "─" * 120 + "\n"
        "kadin-ustalar   Women Craftspeople   Mersin Büyükşehir Belediyesi   Active   "
        "Employment and skills, Women's       Women\n"
        "                                                                             empowerment\n"
    )


def test_municipality_table(sample: Path) -> None:
    code, out, _ = spo(sample, "municipality", "list", "--has-transfers")

    assert code == 0
    assert visible(out) == (
        "                                                                                      "
        "                        Latest\n"
        "ID                         Name                 Kind         Province    District   "
        "Engagements   Transfers   activity\n" + "─" * 120 + "\n"
        "artvin                     Artvin Belediyesi    Provincial   Artvin                 "
        "1             1           2025-06\n"
        "canakkale-lapseki-cardak   Çardak Belediyesi    Town         Çanakkale   Lapseki    "
        "1             1           2025-09-01\n"
        "istanbul-uskudar           Üsküdar Belediyesi   District     İstanbul    Üsküdar    "
        "1             2           2025-07\n"
    )


def test_a_narrow_terminal_wraps_each_record_instead_of_breaking_the_table(sample: Path) -> None:
    code, out, _ = spo(sample, "transfer", "list", "--to", "artvin", COLUMNS="40")

    assert code == 0
    assert visible(out) == (
        "Municipality  Artvin Belediyesi\n"
        "Project       Neighbourhood Kitchens\n"
        "Stage         Planning support\n"
        "Since         2025-06\n"
        "Mentor        Mersin Büyükşehir\n"
        "              Belediyesi\n"
    )
    assert all(len(line) <= 40 for line in out.splitlines())


def test_piped_output_and_no_color_carry_no_ansi_codes(sample: Path) -> None:
    for env in ({"NO_COLOR": "1"}, {"NO_COLOR": ""}):
        _, out, _ = spo(sample, "project", "list", **env)
        assert "\x1b" not in out


# --- filters ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["--owner", "mersin-bb"], ["kadin-ustalar", "mahalle-mutfaklari"]),
        (["--theme", "nutrition"], ["bizizmir-dayanisma-noktalari", "mahalle-mutfaklari"]),
        (["--theme", "Beslenme ve gıda"], ["bizizmir-dayanisma-noktalari", "mahalle-mutfaklari"]),
        (
            ["--theme", "social-life", "--theme", "employment"],
            ["emekliler-yasam-merkezi", "kadin-ustalar"],
        ),
        (["--target-group", "retirees"], ["emekliler-yasam-merkezi"]),
        (["--target-group", "EMEKLILER"], ["emekliler-yasam-merkezi"]),
        (
            ["--service-model", "neighbourhood-based", "--owner", "izmir-bb"],
            ["bizizmir-dayanisma-noktalari"],
        ),
        (["--status", "paused"], []),
        (["--adopted-by", "istanbul-uskudar"], ["bizizmir-dayanisma-noktalari", "kadin-ustalar"]),
        (
            ["--adopted-by", "artvin", "--adopted-by", "canakkale-lapseki-cardak"],
            ["mahalle-mutfaklari"],
        ),
    ],
)
def test_project_filters(sample: Path, args: list[str], ids: list[str]) -> None:
    code, out, _ = spo(sample, "project", "list", *args, "-f", "json", lang="tr")

    assert code == 0
    assert [p["id"] for p in json.loads(out)] == ids


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["--kind", "district"], ["sanliurfa-karakopru", "istanbul-uskudar"]),
        (["--kind", "belde"], ["canakkale-lapseki-cardak"]),
        (["--province", "İSTANBUL"], ["istanbul-uskudar"]),
        (["--province", "35"], ["izmir-bb"]),
        (["--province", "sanliurfa", "--province", "08"], ["artvin", "sanliurfa-karakopru"]),
        (["--has-engagements"], ["artvin", "canakkale-lapseki-cardak", "istanbul-uskudar"]),
        (["--no-engagements", "--no-transfers"], ["izmir-bb", "sanliurfa-karakopru", "mersin-bb"]),
        (["--stage", "launched"], ["canakkale-lapseki-cardak"]),
        (["--stage", "inquiry", "--stage", "planning-support"], ["artvin", "istanbul-uskudar"]),
    ],
)
def test_municipality_filters(sample: Path, args: list[str], ids: list[str]) -> None:
    code, out, _ = spo(sample, "municipality", "list", *args, "-f", "json")

    assert code == 0
    assert [m["id"] for m in json.loads(out)] == ids


@pytest.mark.parametrize(
    ("args", "pairs"),
    [
        (
            ["--project", "mahalle-mutfaklari"],
            ["artvin/mahalle-mutfaklari", "canakkale-lapseki-cardak/mahalle-mutfaklari"],
        ),
        (
            ["--municipality", "istanbul-uskudar", "--stage", "dropped"],
            ["istanbul-uskudar/bizizmir-dayanisma-noktalari"],
        ),
        (["--owner", "izmir-bb"], ["istanbul-uskudar/bizizmir-dayanisma-noktalari"]),
        (["--mentor", "mersin-bb", "--stage", "inquiry"], ["istanbul-uskudar/kadin-ustalar"]),
        # The current stage's date must certainly lie in the range: 2025-06 (some day in June)
        # may be 1 June, so it is left out here.
        (
            ["--since", "2025-06-02"],
            [
                "canakkale-lapseki-cardak/mahalle-mutfaklari",
                "istanbul-uskudar/bizizmir-dayanisma-noktalari",
            ],
        ),
        (
            ["--since", "2025-06"],
            [
                "artvin/mahalle-mutfaklari",
                "canakkale-lapseki-cardak/mahalle-mutfaklari",
                "istanbul-uskudar/bizizmir-dayanisma-noktalari",
            ],
        ),
        (
            ["--since", "2025-06", "--until", "2025-07"],
            ["artvin/mahalle-mutfaklari", "istanbul-uskudar/bizizmir-dayanisma-noktalari"],
        ),
        (
            ["--until", "2025"],
            [
                "artvin/mahalle-mutfaklari",
                "canakkale-lapseki-cardak/mahalle-mutfaklari",
                "istanbul-uskudar/bizizmir-dayanisma-noktalari",
                "istanbul-uskudar/kadin-ustalar",
            ],
        ),
        (["--until", "2024"], []),
    ],
)
def test_transfer_filters(sample: Path, args: list[str], pairs: list[str]) -> None:
    code, out, _ = spo(sample, "transfer", "list", *args, "-f", "json")

    assert code == 0
    assert [f"{t['municipality']}/{t['project']}" for t in json.loads(out)] == pairs


def test_a_date_known_only_as_by_a_day_has_no_start_to_be_after(turkish: Path) -> None:
    # Şile's inquiry is "../2025-03-01": it may have been any time before.
    _, before, _ = spo(turkish, "transfer", "list", "--until", "2025-03-01", "-f", "csv")
    _, after, _ = spo(turkish, "transfer", "list", "--since", "2020", "-f", "csv")

    assert column(before, 1) == ["izmir-odemis", "istanbul-sile"]
    assert "istanbul-sile" not in column(after, 1)


# --- empty answers and mistakes -----------------------------------------------------------------


def test_nothing_matching_is_a_normal_answer(sample: Path) -> None:
    for fmt, expected in (("json", "[]\n"), ("yaml", "[]\n"), ("table", "")):
        code, out, err = spo(sample, "project", "list", "--status", "ended", "-f", fmt)
        assert (code, out, err) == (0, expected, "No projects match.\n")


def test_nothing_matching_as_csv_is_the_header_alone(sample: Path) -> None:
    code, out, err = spo(sample, "transfer", "list", "--stage", "paused", "-f", "csv", lang="tr")

    assert (code, err) == (0, "Koşullara uyan aktarım yok.\n")
    assert out == "Proje;Belediye;Güncel aşama;Güncel aşama tarihi;Geçmiş;Not\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["project", "list", "--owner", "mersinn"],
            "spo: no municipality 'mersinn' (did you mean 'mersin-bb'?)\n",
        ),
        (
            ["project", "list", "--theme", "nuttrision"],
            "spo: unknown theme 'nuttrision' (did you mean 'nutrition'?); expected one of: "
            "Nutrition and food (nutrition), Health (health), Education (education), "
            "Employment and skills (employment), Women's empowerment (women-empowerment), "
            "Social care (social-care), Psychosocial support (psychosocial-support), "
            "Poverty reduction (poverty-reduction), Social life (social-life), "
            "Accessibility (accessibility), Environment and climate (environment), "
            "Agriculture and rural development (agriculture), Animal welfare (animal-welfare), "
            "Culture and arts (culture-arts), Cleanliness and hygiene (hygiene)\n",
        ),
        (
            ["transfer", "list", "--project", "mahalle-mutfk"],
            "spo: no project 'mahalle-mutfk' (did you mean 'mahalle-mutfaklari'?)\n",
        ),
        (
            ["transfer", "list", "--stage", "lounchd"],
            "spo: unknown stage 'lounchd' (did you mean 'launched'?); expected one of: "
            "Inquiry (inquiry), Study visit (study-visit), Presentation (presentation), "
            "Planning support (planning-support), "
            "Implementation support (implementation-support), Launched (launched), "
            "Paused (paused), Dropped (dropped)\n",
        ),
        (
            ["municipality", "list", "--province", "Istanbol"],
            "spo: 'Istanbol' is not one of the 81 provinces (did you mean 'İstanbul'?) "
            "(give its Turkish name or plate code)\n",
        ),
        (
            ["transfer", "list", "--since", "2025-13"],
            "spo: --since: '2025-13' is not a real date (there is no month 13)\n",
        ),
        (
            ["transfer", "list", "--since", "2025-06", "--until", "2025-01"],
            "spo: --until '2025-01' is before --since '2025-06'\n",
        ),
    ],
)
def test_mistakes_are_usage_errors_with_a_suggestion(
    sample: Path, args: list[str], message: str
) -> None:
    code, out, err = spo(sample, *args)

    assert (code, out, err) == (2, "", message)


def test_a_bad_format_is_a_usage_error(sample: Path) -> None:
    code, out, err = spo(sample, "project", "list", "--format", "xml")

    assert (code, out, err) == (
        2,
        "",
        "spo: --format: 'xml' is not a choice; use one of: table, json, csv, yaml\n",
    )


def test_files_that_cannot_be_read_are_left_out_with_one_warning(sample: Path) -> None:
    (sample / "data" / "projects" / "broken.yaml").write_text("id: broken\nname: [\n")
    (sample / "data" / "projects" / "no-name.yaml").write_text("id: no-name\nowner: mersin-bb\n")

    code, out, err = spo(sample, "project", "list", "-f", "json")

    assert code == 0
    assert len(json.loads(out)) == 4
    assert err == (
        "spo: warning: 2 file(s) could not be read and were left out; "
        "run `spo validate` to see why\n"
    )


def test_no_registry_is_a_usage_error(tmp_path: Path) -> None:
    run = run_spo("project", "list", env={"SPO_ROOT": str(tmp_path)})

    assert run.exit_code == 2
    assert run.stderr == f"spo: SPO_ROOT {tmp_path}: no data/ folder there\n"
