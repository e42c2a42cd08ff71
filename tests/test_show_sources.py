"""What `spo project show` and `spo municipality show` say about where each fact comes from: a
status with the day and source it rests on, themes the registry inferred kept apart from stated
ones, each partner's type and role, the mentoring office, and every source's stored copy and note.

`tests/registries/views` holds İzmir's Solidarity Points (active as of 2026-01-29 on a dated
source, one inferred theme, a university and a registry municipality as partners), a project
whose status is unknown, and Mersin with its office and two figures published as "nearly" and
"fewer than"."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from tests.conftest import REGISTRIES, run_spo

VIEWS = REGISTRIES / "views"


def show(*args: str, lang: str = "en", root: Path = VIEWS) -> str:
    """The output on a terminal wide enough that no line is wrapped, without trailing spaces."""
    run = run_spo("--root", str(root), "--lang", lang, *args, env={"COLUMNS": "160"})
    assert (run.exit_code, run.stderr) == (0, "")
    return "\n".join(line.rstrip() for line in run.stdout.splitlines()) + "\n"


def test_the_registry_of_these_stories_is_valid() -> None:
    run = run_spo("--root", str(VIEWS), "validate")
    assert (run.exit_code, run.stdout) == (0, "5 files checked, 0 problems\n")


def test_a_project_says_on_what_day_and_source_its_status_holds() -> None:
    assert show("project", "show", "dayanisma-noktalari") == (
        "Dayanışma Noktaları (dayanisma-noktalari)\n"
        "Solidarity Points\n"
        "\n"
        "Owner              İzmir Büyükşehir Belediyesi (izmir-bb)\n"
        "Status             Active (as of 2026-01-29; source: Test Gazetesi, Noktalar hizmet "
        "veriyor, 2026-01-29; stored copy: 002_noktalar.txt)\n"
        "Themes             Nutrition and food\n"
        "Themes (inferred)  Health (not in the sources; inferred by the registry's editors)\n"
        "Partners           Lund Üniversitesi (University, Supporter)\n"
        "                   İBB (Other municipality, Co-participant in a shared programme) — in "
        "the registry: İstanbul Büyükşehir Belediyesi (istanbul-bb)\n"
        "\n"
        "Summary\n"
        "  Dar gelirlilere sıcak yemek.\n"
        "\n"
        "Transfers (0)\n"
        "  None yet.\n"
        "\n"
        "Sources\n"
        "  Noktalar hizmet veriyor (stored copy: 002_noktalar.txt)\n"
        "    Metinde yayıncı yok.\n"
        "  https://example.org/noktalar\n"
    )


def test_the_same_project_in_turkish() -> None:
    out = show("project", "show", "dayanisma-noktalari", lang="tr")

    assert out.split("\n\n")[1] == (
        "Sahibi          İzmir Büyükşehir Belediyesi (izmir-bb)\n"
        "Durum           Sürüyor (2026-01-29 itibarıyla; kaynak: Test Gazetesi, Noktalar hizmet "
        "veriyor, 2026-01-29; saklanan kopya: 002_noktalar.txt)\n"
        "Temalar         Beslenme ve gıda\n"
        "Tema (çıkarım)  Sağlık (kaynaklarda geçmiyor; kaydı tutanların çıkarımı)\n"
        "Ortaklar        Lund Üniversitesi (Üniversite, Destekçi)\n"
        "                İBB (Diğer belediye, Ortak programın katılımcısı) — kayıtta: İstanbul "
        "Büyükşehir Belediyesi (istanbul-bb)"
    )
    assert out.endswith(
        "Kaynaklar\n"
        "  Noktalar hizmet veriyor (saklanan kopya: 002_noktalar.txt)\n"
        "    Metinde yayıncı yok.\n"
        "  https://example.org/noktalar\n"
    )


@pytest.mark.parametrize(
    ("lang", "owner", "status"),
    [("en", "Owner ", "Status  Unknown"), ("tr", "Sahibi", "Durum   Bilinmiyor")],
)
def test_an_unknown_status_says_so_with_no_day_or_source(
    lang: str, owner: str, status: str
) -> None:
    fields = show("project", "show", "kadin-ustalar", lang=lang).split("\n\n")[1]

    assert fields == f"{owner}  Mersin Büyükşehir Belediyesi (mersin-bb)\n{status}"


def test_project_list_shows_an_unknown_status_as_such() -> None:
    assert show("project", "list", "--sort", "name") == (
        "ID                    Name                Owner                          Status    "
        "Themes               Target groups\n" + "─" * 117 + "\n"
        "kadin-ustalar         Kadın Ustalar       Mersin Büyükşehir Belediyesi   Unknown\n"
        "dayanisma-noktalari   Solidarity Points   İzmir Büyükşehir Belediyesi    Active    "
        "Nutrition and food\n"
    )
    assert (
        "kadin-ustalar         Kadın Ustalar         Mersin Büyükşehir Belediyesi   Bilinmiyor\n"
        in (show("project", "list", lang="tr"))
    )


def test_project_csv_carries_the_status_basis_inferred_themes_and_partner_roles() -> None:
    run = run_spo("--root", str(VIEWS), "project", "list", "--owner", "izmir-bb", "-f", "csv")

    header, row = run.stdout.removeprefix("\ufeff").splitlines()
    record = dict(zip(header.split(","), next(csv.reader([row])), strict=True))
    assert {k: v for k, v in record.items() if v} == {
        "id": "dayanisma-noktalari",
        "name_tr": "Dayanışma Noktaları",
        "name_en": "Solidarity Points",
        "owner": "izmir-bb",
        "status": "active",
        "status_as_of": "2026-01-29",
        "status_source": "Test Gazetesi, Noktalar hizmet veriyor, 2026-01-29",
        "themes": "nutrition",
        "inferred_themes": "health",
        "partners": "Lund Üniversitesi (university, supporter); "
        "İBB (municipality, co-participant, istanbul-bb)",
        "summary_tr": "Dar gelirlilere sıcak yemek.",
        "sources": "Noktalar hizmet veriyor; https://example.org/noktalar",
    }


def test_a_municipality_shows_its_office_first_and_its_figures_as_published() -> None:
    assert show("municipality", "show", "mersin-bb") == (
        "Mersin Büyükşehir Belediyesi (mersin-bb)\n"
        "\n"
        "Kind      Metropolitan\n"
        "Province  Mersin (33)\n"
        "\n"
        "Office\n"
        "  Name                Sosyal Politikalar Ofisi\n"
        "  Opened              by 2024-10-17\n"
        "                      17 Ekim; yıl kaynakta yok.\n"
        "  Place               Hal Mahallesi, Akdeniz\n"
        "  Head                Ofis Sorumlusu, Sosyal Politikalar Ofisi Sorumlusu\n"
        "  Framework headings  Doğumdan Ölüme Belediyecilik\n"
        "                      Herkes İçin Mersin\n"
        "  Sources             Test Gazetesi, Ofis açıldı, 2025-03-21 (stored copy: 000_ofis.txt)\n"
        "                        Açılış yılını vermiyor.\n"
        "                      https://example.org/ofis\n"
        "\n"
        "Its projects (1)\n"
        "ID              Name            Transfers\n" + "─" * 41 + "\n"
        "kadin-ustalar   Kadın Ustalar   0\n"
        "\n"
        "Figures it reported\n"
        "Date         Metric                  Value\n" + "─" * 49 + "\n"
        "2026-01-29   Projects transferred    nearly 40\n"
        "2026-01-29   Municipalities hosted   fewer than 6\n"
        "\n"
        "Sources\n"
        "  https://example.org/mersin\n"
    )


def test_the_office_and_the_figures_in_turkish() -> None:
    out = show("municipality", "show", "mersin-bb", lang="tr")

    assert out.split("\n\n")[2] == (
        "Ofis\n"
        "  Adı                 Sosyal Politikalar Ofisi\n"
        "  Açılışı             en geç 2024-10-17\n"
        "                      17 Ekim; yıl kaynakta yok.\n"
        "  Yeri                Hal Mahallesi, Akdeniz\n"
        "  Sorumlusu           Ofis Sorumlusu, Sosyal Politikalar Ofisi Sorumlusu\n"
        "  Çerçeve başlıkları  Doğumdan Ölüme Belediyecilik\n"
        "                      Herkes İçin Mersin\n"
        "  Kaynaklar           Test Gazetesi, Ofis açıldı, 2025-03-21 (saklanan kopya: "
        "000_ofis.txt)\n"
        "                        Açılış yılını vermiyor.\n"
        "                      https://example.org/ofis"
    )
    assert out.split("\n\n")[4] == (
        "Açıkladığı rakamlar\n"
        "Tarih        Ölçüt                Değer\n" + "─" * 44 + "\n"
        "2026-01-29   Aktarılan proje      40'a yakın\n"
        "2026-01-29   Ağırlanan belediye   6'dan az"
    )


def test_a_partner_pointing_at_a_municipality_the_registry_lacks_shows_its_id(
    tmp_path: Path,
) -> None:
    root = tmp_path / "views"
    shutil.copytree(VIEWS, root)
    (root / "data/municipalities/istanbul-bb.yaml").unlink()

    out = show("project", "show", "dayanisma-noktalari", root=root)

    assert (
        "                   İBB (Other municipality, Co-participant in a shared programme) — in "
        "the registry: istanbul-bb\n"
    ) in out
