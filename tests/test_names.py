"""Names wherever ids go: people type "Üsküdar", "usküdar belediyesi" or "mahalle mutfaklari", not
`istanbul-uskudar`. `show`, `--to`, `--project`, `--owner`, `--host` (and the list filters) take an
id or a name, folded as search folds it; a name that could be several records lists them with
their ids (exit 2) and writes nothing."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_spo

Copy = Callable[[str], Path]


@pytest.fixture
def ranking(registry_copy: Copy) -> Path:
    return registry_copy("find-ranking")


def two(registry_copy: Copy) -> tuple[Path, Path]:
    """Two copies of the registry: one for the command given ids, one for it given names."""
    first = registry_copy("find-ranking")
    second = first.parent / "second"
    shutil.copytree(first, second)
    return first, second


def spo(root: Path, *args: str, lang: str = "en") -> tuple[int, str, str]:
    run = run_spo("--root", str(root), "--lang", lang, *args)
    return run.exit_code, run.stdout, run.stderr


def files(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in sorted((root / "data").rglob("*.yaml"))
    }


# --- show ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["Üsküdar", "usküdar", "USKUDAR", "Üsküdar Belediyesi", "usküdar belediyesi", "üskü"]
)
def test_a_municipality_is_shown_by_its_name(ranking: Path, typed: str) -> None:
    by_id = spo(ranking, "municipality", "show", "istanbul-uskudar", "--format", "json")

    assert by_id[0] == 0
    assert spo(ranking, "municipality", "show", typed, "--format", "json") == by_id


@pytest.mark.parametrize(
    "typed", ["Mahalle Mutfakları", "mahalle mutfaklari", "mahalle mut", "Neighbourhood Kitchens"]
)
def test_a_project_is_shown_by_its_name_in_either_language(ranking: Path, typed: str) -> None:
    by_id = spo(ranking, "project", "show", "mahalle-mutfaklari")

    assert by_id[0] == 0
    assert spo(ranking, "project", "show", typed) == by_id


def test_a_metropolitan_municipality_is_its_city_s_name(ranking: Path) -> None:
    by_id = spo(ranking, "municipality", "show", "izmir-bb", "--format", "yaml")

    assert spo(ranking, "municipality", "show", "İzmir", "--format", "yaml") == by_id
    assert spo(ranking, "municipality", "show", "izmir büyükşehir", "--format", "yaml") == by_id


def test_a_name_of_several_records_lists_them_with_their_ids(ranking: Path) -> None:
    assert spo(ranking, "municipality", "show", "Yenişehir") == (
        2,
        "",
        "spo: 'Yenişehir' could be more than one municipality: "
        "Yenişehir Belediyesi (diyarbakir-yenisehir), Yenişehir Belediyesi (mersin-yenisehir); "
        "give one of the ids\n",
    )
    assert spo(ranking, "project", "show", "mahalle", lang="tr") == (
        2,
        "",
        "spo: 'mahalle' birden çok proje olabilir: "
        "Mahalle Kütüphaneleri (mahalle-kutuphaneleri), Mahalle Mutfakları (mahalle-mutfaklari); "
        "kimliklerden birini yazın\n",
    )


def test_an_unknown_name_is_an_unknown_id_with_a_suggestion(ranking: Path) -> None:
    assert spo(ranking, "municipality", "show", "kadirlii") == (
        2,
        "",
        "spo: no municipality 'kadirlii' (did you mean 'osmaniye-kadirli'?)\n",
    )


# --- list filters -------------------------------------------------------------------------------


def test_list_filters_take_names(ranking: Path) -> None:
    by_id = spo(ranking, "project", "list", "--owner", "kocaeli-izmit", "--format", "csv")

    assert by_id[1].count("\n") == 2  # the header and Gündüz Bakım Evi
    assert spo(ranking, "project", "list", "--owner", "İzmit", "--format", "csv") == by_id
    assert spo(ranking, "project", "list", "--owner", "izmit belediyesi", "-f", "csv") == by_id


def test_the_report_owner_takes_a_name(registry_copy: Copy) -> None:
    root = registry_copy("report-histories")
    by_id = spo(root, "report", "--owner", "mersin-bb", "--as-of", "2025-06-01", "-f", "json")

    assert by_id[0] == 0 and '"owner": "mersin-bb"' in by_id[1]
    for typed in ("Mersin Büyükşehir Belediyesi", "mersin", "MERSİN BÜYÜKŞEHİR"):
        assert spo(root, "report", "--owner", typed, "--as-of", "2025-06-01", "-f", "json") == by_id


# --- writing ------------------------------------------------------------------------------------


def test_transfer_add_takes_a_project_and_a_municipality_by_name(registry_copy: Copy) -> None:
    with_ids, with_names = two(registry_copy)
    fixed = ["--stage", "inquiry", "--date", "2025-05-02", "--source", "https://example.org/a"]

    by_id = spo(
        with_ids, "transfer", "add", "--project", "mahalle-mutfaklari", "--to", "izmir-bayrakli",
        *fixed,
    )  # fmt: skip
    by_name = spo(
        with_names, "transfer", "add", "--project", "Mahalle Mutfakları", "--to", "bayrakli",
        *fixed,
    )  # fmt: skip

    assert by_id[0] == 0
    assert by_id[1].startswith("Wrote data/municipalities/izmir-bayrakli.yaml:\n")
    assert by_name == by_id
    assert files(with_names) == files(with_ids)


def test_engagement_add_takes_the_host_by_name(registry_copy: Copy) -> None:
    with_ids, with_names = two(registry_copy)
    fixed = ["--kind", "meeting", "--date", "2025-05-02", "--source", "https://example.org/a"]

    by_id = spo(
        with_ids, "engagement", "add", "--to", "osmaniye-kadirli", "--host", "mersin-bb", *fixed
    )
    by_name = spo(with_names, "engagement", "add", "--to", "Kadirli", "--host", "Mersin", *fixed)

    assert by_id[0] == 0
    assert by_name == by_id
    assert files(with_names) == files(with_ids)


def test_project_new_takes_the_owner_by_name(registry_copy: Copy) -> None:
    with_ids, with_names = two(registry_copy)
    fixed = ["--name", "Yeni Proje", "--summary", "Bir proje.", "--status", "unknown"]

    by_id = spo(with_ids, "project", "new", "--owner", "istanbul-uskudar", *fixed)
    by_name = spo(with_names, "project", "new", "--owner", "üsküdar belediyesi", *fixed)

    assert by_id[0] == 0
    assert by_name == by_id
    assert files(with_names) == files(with_ids)


def test_an_ambiguous_name_writes_nothing(ranking: Path) -> None:
    before = files(ranking)

    code, out, err = spo(
        ranking, "engagement", "add", "--to", "Yenişehir", "--host", "mersin-bb",
        "--kind", "meeting", "--date", "2025-05-02",
    )  # fmt: skip

    assert (code, out) == (2, "")
    assert err.startswith("spo: 'Yenişehir' could be more than one municipality: ")
    assert files(ranking) == before


@pytest.mark.parametrize(
    ("by_id", "by_name"),
    [
        (["transfer", "list", "--to", "istanbul-uskudar"], ["transfer", "list", "--to", "Üsküdar"]),
        (
            ["transfer", "list", "--project", "kadin-ustalar"],
            ["transfer", "list", "--project", "kadın ustalar"],
        ),
        (["transfer", "list", "--mentor", "mersin-bb"], ["transfer", "list", "--mentor", "Mersin"]),
        (
            ["project", "list", "--adopted-by", "istanbul-uskudar"],
            ["project", "list", "--adopted-by", "usküdar belediyesi"],
        ),
    ],
)
def test_transfer_and_adoption_filters_take_names(
    registry_copy: Copy, by_id: list[str], by_name: list[str]
) -> None:
    sample = registry_copy("sample")
    expected = spo(sample, *by_id, "--format", "csv")

    assert expected[0] == 0 and expected[1].count("\n") > 1  # the header and at least one row
    assert spo(sample, *by_name, "--format", "csv") == expected
