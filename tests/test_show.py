"""`spo project show ID` and `spo municipality show ID`: one record, readable; and the shell
completion that fills in the ids."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from spo.cli.completion import complete_municipality_id, complete_project_id
from tests.conftest import run_spo

Copy = Callable[[str], Path]


@pytest.fixture
def sample(registry_copy: Copy) -> Path:
    return registry_copy("sample")


def show(root: Path, *args: str, lang: str = "en") -> tuple[int, str, str]:
    run = run_spo("--root", str(root), "--lang", lang, *args)
    return run.exit_code, run.stdout, run.stderr


def visible(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def test_a_project_shows_every_municipality_that_has_a_transfer_of_it(sample: Path) -> None:
    code, out, err = show(sample, "project", "show", "mahalle-mutfaklari")

    assert (code, err) == (0, "")
    assert visible(out) == (
        "Mahalle Mutfakları (mahalle-mutfaklari)\n"
        "Neighbourhood Kitchens\n"
        "\n"
        "Owner           Mersin Büyükşehir Belediyesi (mersin-bb)\n"
        "Status          Active (as of 2025; source: https://example.org/status)\n"
        "Themes          Nutrition and food, Poverty reduction\n"
        "Target groups   Low-income and disadvantaged people, Families\n"
        "Service model   Neighbourhood-based\n"
        "Tags            Ev ve Mahalle Temelli Çalışmalar\n"
        "Needs to adopt  Staff: Aşçı ve sosyal hizmet uzmanı; Space: Mahalle mutfağı\n"
        "\n"
        "Summary\n"
        "  Mahallelerde sıcak yemek sunan mutfaklar.\n"
        "  Kitchens serving hot meals in neighbourhoods.\n"
        "\n"
        "Transfers (2)\n"
        "Municipality        ID                         Stage              Since\n"
        + "─"
        * 76
        + "\n"
        "Artvin Belediyesi   artvin                     Planning support   2025-06\n"
        "Çardak Belediyesi   canakkale-lapseki-cardak   Launched           2025-09-01\n"
        "\n"
        "Sources\n"
        "  https://example.org/haber/1\n"
    )


def test_a_project_in_turkish_with_an_imprecise_launch_date(registry_copy: Copy) -> None:
    code, out, _ = show(
        registry_copy("find-turkish"), "project", "show", "iyilik-dukkani", lang="tr"
    )

    assert code == 0
    assert visible(out) == (
        "İyilik Dükkânı (iyilik-dukkani)\n"
        "Kindness Shop\n"
        "\n"
        "Sahibi                   Kırıkkale Belediyesi (kirikkale)\n"
        "Durum                    Sürüyor (2025 itibarıyla; kaynak: https://example.org/status)\n"
        "Başlangıç                en geç 2022-12-31\n"
        "Temalar                  Yoksullukla mücadele\n"
        "Hedef kitle              Dar gelirli ve dezavantajlı kesimler\n"
        "Hizmet modeli            Merkez temelli\n"
        "Ortaklar                 Kırıkkale Üniversitesi (Üniversite, Uygulayıcı)\n"
        "Aktarım için gerekenler  Mekân: Bir dükkân\n"
        "\n"
        "Özet\n"
        "  İhtiyaç sahiplerine ücretsiz giyim ve ev eşyası.\n"
        "\n"
        "Aktarımlar (1)\n"
        "Belediye           Kimlik   Aşama     Tarih\n" + "─" * 43 + "\n"
        "Iğdır Belediyesi   igdir    Görüşme   2025\n"
        "\n"
        "Kaynaklar\n"
        "  https://example.org/find-turkish\n"
    )


def test_a_project_nobody_has_taken_up_says_so(sample: Path) -> None:
    _, out, _ = show(sample, "project", "show", "emekliler-yasam-merkezi")

    assert "Transfers (0)\n  None yet.\n" in visible(out)


def test_a_municipality_shows_its_transfers_and_a_dated_timeline(sample: Path) -> None:
    code, out, err = show(sample, "municipality", "show", "canakkale-lapseki-cardak", lang="tr")

    assert (code, err) == (0, "")
    assert visible(out) == (
        "Çardak Belediyesi (canakkale-lapseki-cardak)\n"
        "\n"
        "Tür   Belde\n"
        "İl    Çanakkale (17)\n"
        "İlçe  Lapseki\n"
        "\n"
        "Aktarımlar (1)\n"
        "Proje                Aktaran                        Aşama              Tarih\n"
        + "─"
        * 81
        + "\n"
        "Mahalle Mutfakları   Mersin Büyükşehir Belediyesi   Hayata geçirildi   2025-09-01\n"
        "\n"
        "Zaman çizelgesi\n"
        "Tarih        Olay\n" + "─" * 76 + "\n"
        "2024-12      Mahalle Mutfakları: Görüşme\n"
        "2025-01      Toplantı, ev sahibi: Mersin Büyükşehir Belediyesi · 2 katılımcı\n"
        "2025-03-01   Mahalle Mutfakları: Sunum\n"
        "2025-09-01   Mahalle Mutfakları: Hayata geçirildi\n"
        "\n"
        "Kaynaklar\n"
        "  https://example.org/haber/3\n"
    )


def test_the_timeline_says_by_for_a_date_known_only_as_on_or_before(sample: Path) -> None:
    _, out, _ = show(sample, "municipality", "show", "istanbul-uskudar")

    timeline = visible(out).split("Timeline\n")[1].split("\n\n")[0]
    assert timeline.splitlines()[2:] == [
        "2025-01-15      Women Craftspeople: Inquiry",
        "by 2025-03-21   Study visit, host: Mersin Büyükşehir Belediyesi",
        "2025-04-01      Bizİzmir Solidarity Points: Inquiry",
        "2025-07         Bizİzmir Solidarity Points: Dropped",
    ]


def test_a_mentoring_municipality_shows_its_guests_projects_and_published_figures(
    sample: Path,
) -> None:
    code, out, _ = show(sample, "municipality", "show", "mersin-bb")

    assert code == 0
    assert visible(out) == (
        "Mersin Büyükşehir Belediyesi (mersin-bb)\n"
        "\n"
        "Kind      Metropolitan\n"
        "Province  Mersin (33)\n"
        "Website   https://www.mersin.bel.tr\n"
        "Contacts  Ofis Sorumlusu, Sosyal Politikalar Ofisi Sorumlusu\n"
        "\n"
        "Timeline\n"
        "Date            Event\n" + "─" * 70 + "\n"
        "2025-01         Meeting, guest: Çardak Belediyesi · 2 participants\n"
        "2025-02-10      Study visit, guest: Artvin Belediyesi · 6 participants\n"
        "by 2025-03-21   Study visit, guest: Üsküdar Belediyesi\n"
        "\n"
        "Its projects (2)\n"
        "ID                   Name                     Transfers\n" + "─" * 55 + "\n"
        "mahalle-mutfaklari   Neighbourhood Kitchens   2\n"
        "kadin-ustalar        Women Craftspeople       1\n"
        "\n"
        "Figures it reported\n"
        "Date         Metric                  Value\n" + "─" * 47 + "\n"
        "2025-03-21   Municipalities hosted   exactly 3\n"
        "2025-06-30   Projects transferred    at least 2\n"
        "\n"
        "Sources\n"
        "  Test Gazetesi, Test haberi, 2025-03-21\n"
    )


def test_show_as_json_is_the_record_and_a_project_carries_its_transfers(sample: Path) -> None:
    code, out, err = show(sample, "project", "show", "kadin-ustalar", "--format", "json")

    assert (code, err) == (0, "")
    assert out == (
        "{\n"
        '  "id": "kadin-ustalar",\n'
        '  "name": {\n'
        '    "tr": "Kadın Ustalar",\n'
        '    "en": "Women Craftspeople"\n'
        "  },\n"
        '  "owner": "mersin-bb",\n'
        '  "summary": {\n'
        '    "tr": "Kadınlara tamir ve tadilat ustalığı eğitimi."\n'
        "  },\n"
        '  "status": "active",\n'
        '  "status_as_of": "2025",\n'
        '  "status_source": "https://example.org/status",\n'
        '  "themes": [\n'
        '    "employment",\n'
        '    "women-empowerment"\n'
        "  ],\n"
        '  "target_groups": [\n'
        '    "women"\n'
        "  ],\n"
        '  "service_model": "city-wide",\n'
        '  "sources": [\n'
        '    "https://example.org/haber/1"\n'
        "  ],\n"
        '  "transfers": [\n'
        "    {\n"
        '      "project": "kadin-ustalar",\n'
        '      "municipality": "istanbul-uskudar",\n'
        '      "history": [\n'
        "        {\n"
        '          "stage": "inquiry",\n'
        '          "date": "2025-01-15"\n'
        "        }\n"
        "      ],\n"
        '      "current_stage": "inquiry",\n'
        '      "current_date": "2025-01-15"\n'
        "    }\n"
        "  ]\n"
        "}\n"
    )


def test_show_as_yaml(sample: Path) -> None:
    code, out, _ = show(sample, "municipality", "show", "izmir-bb", "-f", "yaml")

    assert code == 0
    assert out == (
        "id: izmir-bb\n"
        "name: İzmir Büyükşehir Belediyesi\n"
        "kind: metropolitan\n"
        "province: 35\n"
        "province_plate: 35\n"
        "province_name: İzmir\n"
        "sources:\n"
        "- https://example.org/izmir\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["project", "show", "mahale-mutfaklari"],
            "spo: no project 'mahale-mutfaklari' (did you mean 'mahalle-mutfaklari'?)\n",
        ),
        (
            ["municipality", "show", "mersinn"],
            "spo: no municipality 'mersinn' (did you mean 'mersin-bb'?)\n",
        ),
        (["project", "show", "xyz"], "spo: no project 'xyz'\n"),
    ],
)
def test_an_unknown_id_is_a_usage_error_with_a_suggestion(
    sample: Path, args: list[str], message: str
) -> None:
    assert show(sample, *args) == (2, "", message)


# --- shell completion ---------------------------------------------------------------------------


def test_completion_offers_ids_with_their_names(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPO_ROOT", str(sample))

    assert complete_project_id("ka") == [("kadin-ustalar", "Kadın Ustalar")]
    # Anywhere in the id or in the name, Turkish letters folded as search folds them.
    assert complete_project_id("mutfak") == [("mahalle-mutfaklari", "Mahalle Mutfakları")]
    assert complete_municipality_id("usk") == [("istanbul-uskudar", "Üsküdar Belediyesi")]
    assert complete_municipality_id("BÜYÜKŞEHİR") == [
        ("izmir-bb", "İzmir Büyükşehir Belediyesi"),
        ("mersin-bb", "Mersin Büyükşehir Belediyesi"),
    ]
    assert complete_municipality_id("karaköp") == [("sanliurfa-karakopru", "Karaköprü Belediyesi")]
    assert complete_project_id("zz") == []


def test_completion_without_a_registry_offers_nothing_and_says_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPO_ROOT", str(tmp_path / "nowhere"))

    assert complete_project_id("") == []


def test_zsh_completes_show_ids_in_the_registry_given_with_root(sample: Path) -> None:
    run = run_spo(
        env={
            "_SPO_COMPLETE": "complete_zsh",
            "_TYPER_COMPLETE_ARGS": f"spo --root {sample} project show mutfak",
        }
    )

    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == '_arguments \'*: :(("mahalle-mutfaklari":"Mahalle Mutfakları"))\'\n'


def bash(sample: Path, line: str) -> str:
    words = f"spo --root {sample} {line}"
    run = run_spo(
        env={
            "_SPO_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - 1),
        }
    )
    assert (run.exit_code, run.stderr) == (0, "")
    return run.stdout


def test_bash_lists_several_ids_with_their_names(sample: Path) -> None:
    # Bash shows values only: when several match, each says its name in the list bash prints.
    assert bash(sample, "transfer list --to bb") == (
        "izmir-bb  (İzmir Büyükşehir Belediyesi)\nmersin-bb  (Mersin Büyükşehir Belediyesi)\n"
    )


def test_bash_completes_one_match_to_its_id_from_part_of_its_name(sample: Path) -> None:
    assert bash(sample, "transfer list --to üsküd") == "istanbul-uskudar\n"
    assert bash(sample, "project show kitchens") == "mahalle-mutfaklari\n"
    assert bash(sample, "engagement add --host çard") == "canakkale-lapseki-cardak\n"


def test_fish_completes_municipality_show_with_names(sample: Path) -> None:
    run = run_spo(
        env={
            "_SPO_COMPLETE": "complete_fish",
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
            "_TYPER_COMPLETE_ARGS": f"spo --root {sample} municipality show artv",
        }
    )

    assert run.stdout == "artvin\tArtvin Belediyesi\n"
