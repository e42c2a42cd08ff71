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


@pytest.mark.parametrize(
    ("args", "lang", "said"),
    [
        (
            ["project", "list", "--owner", "Ankara Belediyesi"],
            "tr",
            "spo: kimliği ya da adı 'Ankara Belediyesi' olan belediye yok\n",
        ),
        (
            ["project", "list", "--owner", "Ankara Belediyesi"],
            "en",
            "spo: no municipality with the id or name 'Ankara Belediyesi'\n",
        ),
        # The suffix every municipality shares suggests none of them.
        (["municipality", "show", "belediyesi"], "en", "spo: no municipality 'belediyesi'\n"),
        (["municipality", "show", "belediyesi"], "tr", "spo: 'belediyesi' kimlikli belediye yok\n"),
        (
            ["municipality", "show", "Ankara Büyükşehir Belediyesi"],
            "en",
            "spo: no municipality with the id or name 'Ankara Büyükşehir Belediyesi'\n",
        ),
        (
            ["project", "show", "Çocuk Kulübü"],
            "tr",
            "spo: kimliği ya da adı 'Çocuk Kulübü' olan proje yok\n",
        ),
    ],
)
def test_an_unknown_name_is_said_to_be_no_id_or_name_and_gets_no_far_fetched_suggestion(
    ranking: Path, args: list[str], lang: str, said: str
) -> None:
    assert spo(ranking, *args, lang=lang) == (2, "", said)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "spo: no municipality with the id or name 'Kadirlii Belediyesi' "
            "(did you mean 'osmaniye-kadirli'?)\n",
        ),
        (
            "tr",
            "spo: kimliği ya da adı 'Kadirlii Belediyesi' olan belediye yok "
            "(şunu mu demek istediniz: 'osmaniye-kadirli'?)\n",
        ),
    ],
)
def test_a_mistyped_name_is_suggested_the_record_whose_place_name_is_close(
    ranking: Path, lang: str, said: str
) -> None:
    assert spo(ranking, "municipality", "show", "Kadirlii Belediyesi", lang=lang) == (2, "", said)


# --- show of a file that cannot be read ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "spo: data/projects/gunduz-bakim-evi.yaml cannot be read; "
            "run `spo validate` to see why\n",
        ),
        (
            "tr",
            "spo: data/projects/gunduz-bakim-evi.yaml okunamıyor; "
            "nedenini görmek için `spo validate` çalıştırın\n",
        ),
    ],
)
def test_show_of_a_file_that_cannot_be_read_says_so_not_that_the_record_is_missing(
    ranking: Path, lang: str, said: str
) -> None:
    shown = ranking / "data/projects/gunduz-bakim-evi.yaml"
    shown.write_text(shown.read_text(encoding="utf-8") + "  bad: [\n", encoding="utf-8")
    before = files(ranking)

    assert spo(ranking, "project", "show", "gunduz-bakim-evi", lang=lang) == (1, "", said)
    assert files(ranking) == before


def test_show_of_a_missing_record_next_to_an_unreadable_file_still_says_it_is_missing(
    ranking: Path,
) -> None:
    shown = ranking / "data/municipalities/kocaeli-izmit.yaml"
    shown.write_text(shown.read_text(encoding="utf-8") + "  bad: [\n", encoding="utf-8")

    assert spo(ranking, "municipality", "show", "ankara-bb") == (
        2,
        "",
        "spo: no municipality 'ankara-bb'\n",
    )


# --- help ---------------------------------------------------------------------------------------


def _section(page: str, first: str, last: str) -> str:
    lines = page.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    end = next(i for i, line in enumerate(lines) if i > start and line.startswith(last))
    return "".join(lines[start:end])


@pytest.mark.parametrize(
    ("lang", "options"),
    [
        (
            "en",
            "Options:\n"
            "  --project ID   The project being transferred (id or name).\n"
            "  --to ID        The municipality adopting the project (id or name); the stage\n"
            "                 is written in its file.\n",
        ),
        (
            "tr",
            "Seçenekler:\n"
            "  --project KİMLİK  Aktarılan proje (kimlik ya da ad).\n"
            "  --to KİMLİK       Projeyi alan belediye (kimlik ya da ad); aşama bu\n"
            "                    belediyenin dosyasına yazılır.\n",
        ),
    ],
)
def test_help_says_an_id_or_a_name_is_taken(ranking: Path, lang: str, options: str) -> None:
    code, page, err = spo(ranking, "transfer", "add", "--help", lang=lang)

    assert (code, err) == (0, "")
    assert _section(page, options.split(":")[0], "  --stage") == options


@pytest.mark.parametrize(
    ("lang", "argument"),
    [
        (
            "en",
            "Arguments:\n"
            "  ID  The municipality's id (its file name in data/municipalities/) or name.\n"
            "      [required]\n",
        ),
        (
            "tr",
            "Argümanlar:\n"
            "  KİMLİK  Belediyenin kimliği (data/municipalities/ altındaki dosyanın adı) ya\n"
            "          da adı.  [zorunlu]\n",
        ),
    ],
)
def test_show_help_says_an_id_or_a_name_is_taken(ranking: Path, lang: str, argument: str) -> None:
    code, page, err = spo(ranking, "municipality", "show", "--help", lang=lang)

    assert (code, err) == (0, "")
    assert _section(page, argument.split(":")[0], "\n") == argument


@pytest.mark.parametrize(
    ("lang", "owner"),
    [
        (
            "en",
            "  --owner ID             Owned by this municipality (id or name). Repeatable;\n"
            "                         projects matching any of them are listed.\n",
        ),
        (
            "tr",
            "  --owner KİMLİK         Bu belediyeye ait projeler (kimlik ya da ad).\n"
            "                         Tekrarlanabilir; herhangi birine uyanlar listelenir.\n",
        ),
    ],
)
def test_list_help_says_the_owner_is_an_id_or_a_name(ranking: Path, lang: str, owner: str) -> None:
    code, page, err = spo(ranking, "project", "list", "--help", lang=lang)

    assert (code, err) == (0, "")
    assert _section(page, "  --owner", "  --theme") == owner


# --- completion ---------------------------------------------------------------------------------


def _bash(root: Path, line: str, lang: str) -> tuple[int, str, str]:
    """What bash gets through typer's protocol: `_SPO_COMPLETE=complete_bash`, the words typed
    so far and the index of the word being completed."""
    words = f"spo --root {root} {line}"
    run = run_spo(
        env={
            "SPO_LANG": lang,
            "_SPO_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - 1),
        }
    )
    return run.exit_code, run.stdout, run.stderr


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_bash_gets_names_when_several_match_and_a_bare_id_when_one_does(
    ranking: Path, lang: str
) -> None:
    assert _bash(ranking, "municipality show izmir", lang) == (
        0,
        "izmir-bayrakli  (Bayraklı Belediyesi)\n"
        "izmir-bb  (İzmir Büyükşehir Belediyesi)\n"
        "izmir-karsiyaka  (Karşıyaka Belediyesi)\n",
        "",
    )
    assert _bash(ranking, "project list --owner usk", lang) == (0, "istanbul-uskudar\n", "")
    assert _bash(ranking, "transfer add --project mutfak", lang) == (
        0,
        "mahalle-mutfaklari\n",
        "",
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
