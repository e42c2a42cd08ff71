"""`spo search`: people type Turkish with or without its letters, in any case, half a word or with a
typo, in Turkish or English; the registry answers with what each result is and where it matched."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from spo.search import folded_words, word_matches
from spo.turkish import words
from tests.conftest import run_spo

Copy = Callable[[str], Path]


@pytest.fixture
def turkish(registry_copy: Copy) -> Path:
    return registry_copy("find-turkish")


@pytest.fixture
def sample(registry_copy: Copy) -> Path:
    return registry_copy("sample")


def found(root: Path, query: str, lang: str = "en") -> list[str]:
    """Each result as "type id: fields where it matched"."""
    run = run_spo("--root", str(root), "--lang", lang, "search", query, "--format", "json")
    assert run.exit_code == 0, run.stderr
    return [f"{h['type']} {h['id']}: {', '.join(h['matched_in'])}" for h in json.loads(run.stdout)]


# --- Turkish case and letters, folded both ways -------------------------------------------------


@pytest.mark.parametrize(
    ("query", "result"),
    [
        # İ/ı/I/i: Turkish upper and lower case, and the plain letters people type instead
        ("istanbul", "municipality istanbul-sile: province"),
        ("İSTANBUL", "municipality istanbul-sile: province"),
        ("ISTANBUL", "municipality istanbul-sile: province"),
        ("ıstanbul", "municipality istanbul-sile: province"),
        ("KIRIKKALE", "municipality kirikkale: name, province"),
        ("kirikkale", "municipality kirikkale: name, province"),
        ("Kırıkkale", "municipality kirikkale: name, province"),
        ("IĞDIR", "municipality igdir: name, province"),
        ("igdir", "municipality igdir: name, province"),
        ("ığdır", "municipality igdir: name, province"),
        ("İnegöl", "municipality bursa-inegol: name, district"),
        ("INEGOL", "municipality bursa-inegol: name, district"),
        # Ş, Ğ, Ü, Ö, Ç
        ("ŞİLE", "municipality istanbul-sile: name, district"),
        ("sile", "municipality istanbul-sile: name, district"),
        ("şırnak", "municipality sirnak-cizre: province"),
        ("SIRNAK", "municipality sirnak-cizre: province"),
        ("ağrı", "municipality agri: name, province"),
        ("ÜNYE", "municipality ordu-unye: name, district"),
        ("unye", "municipality ordu-unye: name, district"),
        ("Ödemiş", "municipality izmir-odemis: name, district"),
        ("ODEMIS", "municipality izmir-odemis: name, district"),
        ("ÇORUM", "municipality corum: name, province"),
        ("corum", "municipality corum: name, province"),
        # a circumflex, which Turkish keyboards rarely type
        ("dukkani", "project iyilik-dukkani: name"),
        ("dükkânı", "project iyilik-dukkani: name"),
    ],
)
def test_turkish_letters_and_case_are_folded_both_ways(
    turkish: Path, query: str, result: str
) -> None:
    assert found(turkish, query)[0] == result


def test_usküdar_finds_üsküdar(sample: Path) -> None:
    assert found(sample, "usküdar") == ["municipality istanbul-uskudar: name, district"]


# --- prefixes, typos, every word ----------------------------------------------------------------


def test_a_word_beginning_is_enough(sample: Path) -> None:
    assert found(sample, "mutfak") == ["project mahalle-mutfaklari: name, summary"]


def test_one_typo_is_forgiven_in_a_long_word(turkish: Path, sample: Path) -> None:
    assert found(turkish, "ispatra") == ["municipality isparta: name, province"]  # two swapped
    assert found(sample, "mutfka") == ["project mahalle-mutfaklari: name, summary"]
    assert found(sample, "mahale") == ["project mahalle-mutfaklari: name, summary, tags"]


def test_short_words_must_be_spelt_right(turkish: Path) -> None:
    assert found(turkish, "sinp") == []
    assert found(turkish, "sino") == ["municipality sinop: name, province"]


def test_every_word_of_the_query_must_match(turkish: Path) -> None:
    assert found(turkish, "okul çocuk") == ["project okul-bahceleri: name, summary, target_groups"]
    assert found(turkish, "kent okul") == []


# --- both languages -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "results"),
    [
        ("Playgrounds", ["project cocuk-oyun-alanlari: name, summary"]),
        ("tarım", ["project kent-bahceleri: themes"]),
        ("agriculture", ["project kent-bahceleri: themes"]),
        (
            "children",
            [
                "project cocuk-oyun-alanlari: target_groups",
                "project okul-bahceleri: target_groups",
            ],
        ),
        (
            "çocuklar",
            [
                "project cocuk-oyun-alanlari: target_groups",
                "project okul-bahceleri: summary, target_groups",
            ],
        ),
    ],
)
def test_names_and_labels_are_found_in_turkish_and_english(
    turkish: Path, query: str, results: list[str]
) -> None:
    assert found(turkish, query) == results


# --- ranking ------------------------------------------------------------------------------------


def test_name_matches_come_before_summary_and_label_matches(turkish: Path) -> None:
    assert found(turkish, "kent") == [
        "project kent-bahceleri: name, tags, target_groups",
        "project cocuk-oyun-alanlari: summary",
    ]
    assert found(turkish, "agri") == [
        "municipality agri: name, province",
        "project kent-bahceleri: themes",
    ]


def test_equal_matches_follow_the_turkish_alphabet(turkish: Path) -> None:
    # Both names match: Kent before Okul; in English, City before School.
    assert found(turkish, "bahçe", lang="tr") == [
        "project kent-bahceleri: name, summary",
        "project okul-bahceleri: name, summary",
    ]
    assert [r.split(":")[0] for r in found(turkish, "belediyesi")][:6] == [
        "municipality adana-bb",
        "municipality afyonkarahisar",
        "municipality agri",
        "municipality sirnak-cizre",
        "municipality corum",
        "municipality igdir",
    ]


# --- output -------------------------------------------------------------------------------------


def test_json_results_say_what_each_is_and_where_it_matched(turkish: Path) -> None:
    run = run_spo("--root", str(turkish), "search", "ıgdır", "--format", "json")

    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == (
        "[\n"
        "  {\n"
        '    "type": "municipality",\n'
        '    "id": "igdir",\n'
        '    "name": "Iğdır Belediyesi",\n'
        '    "matched_in": [\n'
        '      "name",\n'
        '      "province"\n'
        "    ]\n"
        "  }\n"
        "]\n"
    )


def test_the_table_in_turkish(turkish: Path) -> None:
    run = run_spo("--root", str(turkish), "--lang", "tr", "search", "kent")

    assert run.exit_code == 0
    assert [line.rstrip() for line in run.stdout.splitlines()] == [
        "Tür     Kimlik                Ad                    Eşleşen alan",
        "─" * 78,
        "Proje   kent-bahceleri        Kent Bahçeleri        ad, etiketler, hedef kitle",
        "Proje   cocuk-oyun-alanlari   Çocuk Oyun Alanları   özet",
    ]


def test_the_table_in_english_shows_english_names(sample: Path) -> None:
    run = run_spo("--root", str(sample), "search", "ustalar")

    assert [line.rstrip() for line in run.stdout.splitlines()] == [
        "Type      ID              Name                 Matched in",
        "─" * 57,
        "Project   kadin-ustalar   Women Craftspeople   name",
    ]


def test_csv_results(sample: Path) -> None:
    run = run_spo("--root", str(sample), "search", "SICAK", "--format", "csv")

    assert run.stdout == (
        "\ufefftype,id,name,matched_in\n"
        "project,bizizmir-dayanisma-noktalari,Bizİzmir Dayanışma Noktaları,summary\n"
        "project,mahalle-mutfaklari,Mahalle Mutfakları,summary\n"
    )


def test_several_words_may_be_given_without_quotes(sample: Path) -> None:
    run = run_spo("--root", str(sample), "search", "mahalle", "mutfak", "-f", "csv")

    assert run.stdout.splitlines()[1:] == [
        "project,mahalle-mutfaklari,Mahalle Mutfakları,name; summary; tags"
    ]


def test_no_results_is_a_normal_answer(sample: Path) -> None:
    for fmt, out in (("table", ""), ("json", "[]\n")):
        run = run_spo("--root", str(sample), "search", "zeytin", "--format", fmt)
        assert (run.exit_code, run.stdout, run.stderr) == (0, out, "Nothing found for 'zeytin'.\n")

    run = run_spo("--root", str(sample), "--lang", "tr", "search", "zeytin")
    assert (run.exit_code, run.stderr) == (0, "'zeytin' için sonuç bulunamadı.\n")


def test_a_query_without_letters_is_a_usage_error(sample: Path) -> None:
    run = run_spo("--root", str(sample), "search", "!!!")

    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == "spo: the search query has no letters or digits to look for\n"


# --- the matching rules, word by word -----------------------------------------------------------


@pytest.mark.parametrize(
    ("query_word", "word", "matches"),
    [
        ("mutfak", "mutfaklari", True),  # prefix
        ("mutfaklari", "mutfak", False),  # the query may not be longer, beyond one letter
        ("mutfka", "mutfaklari", True),  # two letters swapped, in the word's beginning
        ("mutfxk", "mutfaklari", True),  # one letter changed
        ("mutfk", "mutfaklari", True),  # one letter missing
        ("mutffak", "mutfaklari", True),  # one letter too many
        ("mutfxx", "mutfaklari", False),  # two letters changed
        ("kompst", "kompost", True),
        ("sinp", "sinop", False),  # four letters: no typo allowed
        ("sino", "sinop", True),
        ("istanbull", "istanbul", True),
    ],
)
def test_word_matches(query_word: str, word: str, matches: bool) -> None:
    assert word_matches(query_word, word) is matches


def test_the_fast_folding_gives_exactly_the_words_of_spo_turkish() -> None:
    texts = [
        "İSTANBUL'un Üsküdar’da",
        "KIRIKKALE ıığğüşöç IĞDIR",
        "hâlâ zekâ oyunları",
        "naïve café ﬁne Ⅻ",
        "I\u0307zmir",  # a decomposed İ
        "ΣΑΣ Москва straße",
        "´acute a\u034fb a\u0591b",
        "x_y-z 1٣ ½",
        "satır\nsonu",
        "a—b “c” …",
        "",
    ]

    assert folded_words(texts) == [words(t) for t in texts]
