"""`spo search`: people type Turkish with or without its letters, in any case, half a word or with a
typo, in Turkish or English; the registry answers with what each result is and where it matched."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from spo.query.search import folded_words, word_matches
from spo.rules.turkish import words
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
    # "Mahalle temelli" is a service model: the typo finds it too, after the name.
    assert found(sample, "mahale") == [
        "project mahalle-mutfaklari: name, summary, tags, service_model",
        "project bizizmir-dayanisma-noktalari: service_model",
    ]


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
        "project cocuk-oyun-alanlari: summary, service_model",  # "Kent geneli"
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
        "Proje   cocuk-oyun-alanlari   Çocuk Oyun Alanları   özet, hizmet modeli",
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
        "type,id,name,matched_in\n"
        "project,bizizmir-dayanisma-noktalari,Bizİzmir Dayanışma Noktaları,summary\n"
        "project,mahalle-mutfaklari,Mahalle Mutfakları,summary\n"
    )


def test_several_words_may_be_given_without_quotes(sample: Path) -> None:
    run = run_spo("--root", str(sample), "search", "mahalle", "mutfak", "-f", "csv")

    assert run.stdout.splitlines()[1:] == [
        "project,mahalle-mutfaklari,Mahalle Mutfakları,name; summary; tags; service_model"
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


# --- ranking: name, then place, then labels, then text; typos only when nothing else matches -----


@pytest.fixture
def ranking(registry_copy: Copy) -> Path:
    return registry_copy("find-ranking")


def test_a_province_finds_its_district_municipalities_not_one_that_only_resembles_it(
    ranking: Path,
) -> None:
    # İzmit is one letter from İzmir: a typo, looked for only when nothing matches as typed.
    assert found(ranking, "izmir") == [
        "municipality izmir-bb: name, province",
        "municipality izmir-bayrakli: province",
        "municipality izmir-karsiyaka: province",  # its file gives the plate code, 35
        "project izmir-ciftci-pazari: summary",
    ]
    assert found(ranking, "izmirr") == [
        "municipality izmir-bb: name, province",
        "municipality izmir-bayrakli: province",
        "municipality izmir-karsiyaka: province",
        "project izmir-ciftci-pazari: summary",
    ]
    assert found(ranking, "izmit") == ["municipality kocaeli-izmit: name, district"]


def test_a_target_group_comes_before_a_summary_and_a_lookalike_name_not_at_all(
    ranking: Path,
) -> None:
    assert found(ranking, "kadın") == [
        "project kadin-emegi-pazari: name",
        "project gunduz-bakim-evi: target_groups",
        "project mahalle-mutfaklari: summary",
    ]
    assert found(ranking, "women") == [
        "project kadin-emegi-pazari: name",
        "project gunduz-bakim-evi: target_groups",
    ]
    assert found(ranking, "kadirl") == ["municipality osmaniye-kadirli: name, district"]


def test_a_name_that_begins_with_the_query_comes_first(ranking: Path) -> None:
    # Both names begin with it: then by the name shown (Neighbourhood Kitchens, ... Libraries).
    assert found(ranking, "mahalle") == [
        "project mahalle-mutfaklari: name",
        "project mahalle-kutuphaneleri: name, summary",
    ]
    assert found(ranking, "mahalle", lang="tr") == [
        "project mahalle-kutuphaneleri: name, summary",
        "project mahalle-mutfaklari: name",
    ]
    assert found(ranking, "mahalle mut") == ["project mahalle-mutfaklari: name"]
    # "Çiftçi Pazarı" begins with "çiftçi", not "pazar": a name match like the other one.
    assert found(ranking, "çiftçi") == [
        "project izmir-ciftci-pazari: name, summary, target_groups",
        "project kadin-emegi-pazari: target_groups",  # farmers: "Üreticiler ve çiftçiler"
    ]
    assert found(ranking, "pazar") == [
        "project izmir-ciftci-pazari: name",
        "project kadin-emegi-pazari: name, summary",
    ]


def test_notes_and_the_kind_of_municipality_are_searched(ranking: Path) -> None:
    assert found(ranking, "körfez") == ["municipality izmir-karsiyaka: notes"]
    assert found(ranking, "metropolitan") == [
        "municipality istanbul-bb: kind",
        "municipality izmir-bb: kind",
        "municipality mersin-bb: kind",
    ]


def test_ties_follow_the_name_shown_in_the_turkish_alphabet(ranking: Path) -> None:
    # Equal names and matches: by id.
    assert found(ranking, "yenişehir") == [
        "municipality diyarbakir-yenisehir: name, district",
        "municipality mersin-yenisehir: name, district",
    ]


# --- --limit ------------------------------------------------------------------------------------


def _many(root: Path, count: int) -> Path:
    folder = root / "data" / "municipalities"
    folder.mkdir(parents=True)
    (root / "data" / "projects").mkdir()
    for n in range(1, count + 1):
        (folder / f"koy-{n:02}.yaml").write_text(
            f"id: koy-{n:02}\nname: Köy {n:02} Belediyesi\nkind: provincial\nprovince: {n}\n"
            "sources:\n  - https://example.org/many\n",
            encoding="utf-8",
        )
    return root


def test_a_table_shows_twenty_results_and_says_how_many_more_there_are(tmp_path: Path) -> None:
    root = _many(tmp_path, 23)

    run = run_spo("--root", str(root), "search", "köy")
    lines = run.stdout.splitlines()
    assert (run.exit_code, len(lines), lines[-1].split()[:2]) == (0, 22, ["Municipality", "koy-20"])
    assert run.stderr == "… 3 more; use --limit to see more (--limit 0 shows all)\n"

    run = run_spo("--root", str(root), "--lang", "tr", "search", "köy", "--limit", "5")
    assert len(run.stdout.splitlines()) == 7
    assert run.stderr == "… 18 sonuç daha; görmek için --limit verin (--limit 0 hepsini gösterir)\n"

    run = run_spo("--root", str(root), "search", "köy", "--limit", "0")
    assert (len(run.stdout.splitlines()), run.stderr) == (25, "")


def test_json_and_csv_give_every_result_unless_limited(tmp_path: Path) -> None:
    root = _many(tmp_path, 23)

    run = run_spo("--root", str(root), "search", "köy", "--format", "json")
    assert (len(json.loads(run.stdout)), run.stderr) == (23, "")

    run = run_spo("--root", str(root), "search", "köy", "-f", "csv", "--limit", "2")
    assert run.stdout == (
        "type,id,name,matched_in\n"
        "municipality,koy-01,Köy 01 Belediyesi,name\n"
        "municipality,koy-02,Köy 02 Belediyesi,name\n"
    )
    assert run.stderr == "… 21 more; use --limit to see more (--limit 0 shows all)\n"


@pytest.mark.parametrize(
    ("limit", "lang", "said"),
    [
        ("-1", "en", "spo: --limit: '-1' is less than 0; give a whole number, 0 or more\n"),
        ("-1", "tr", "spo: --limit: '-1' 0'dan küçük; 0 ya da daha büyük bir tam sayı yazın\n"),
        ("ten", "en", "spo: --limit: 'ten' is not a number; give a whole number, 0 or more\n"),
        (
            "on",
            "tr",
            "spo: --limit: 'on' bir sayı değil; 0 ya da daha büyük bir tam sayı yazın\n",
        ),
        ("-", "en", "spo: --limit: '-' is not a number; give a whole number, 0 or more\n"),
    ],
)
def test_a_limit_that_is_not_a_count_is_a_usage_error(
    sample: Path, limit: str, lang: str, said: str
) -> None:
    run = run_spo("--root", str(sample), "--lang", lang, "search", "mutfak", "--limit", limit)

    assert (run.exit_code, run.stdout, run.stderr) == (2, "", said)


def test_the_sort_text_rows_hold_orders_names_as_the_turkish_alphabet_does() -> None:
    from spo.index.search_rows import sort_text
    from spo.rules.turkish import sort_key

    names = ["hala", "hâlâ", "Çiçek", "cicek", "İzmir", "ızgara", "Iğdır", "a b", "ab", "a-b"]
    names += ["Ödemiş", "z9", "z10", "Σας", "ıi", "İi", "", "Ab", "aB", "Üsküdar", "Uşak"]
    pairs = [(a + b, c + d) for a in names for b in names[:6] for c in names for d in names[:3]]

    assert all((sort_key(x) < sort_key(y)) == (sort_text(x) < sort_text(y)) for x, y in pairs)
