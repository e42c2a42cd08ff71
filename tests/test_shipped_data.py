"""Invariants of the registry that spo ships in data/, checked with the project's own loader.

These tests read the repository's own data/ folder, not a fixture: they fail when a change to the
shipped records breaks what the sources say (see CONTRIBUTING.md).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from spo.checks.validation import validate
from spo.files.loader import load_file
from tests.conftest import SHARED, needs_shared

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
# The stored source texts live beside the repository (../shared/sources), not in it: the tests that
# read them skip when a clone does not have them, and fail in CI (tests.conftest.needs_shared).
SHARED_SOURCES = SHARED / "sources"

MERSIN = "mersin-bb"
ON_OR_BEFORE_ARTICLE = "../2025-03-21"

# The 16 municipalities the Social Policy Office hosted, as the article of 21 March 2025 lists them.
HOSTED = {
    "istanbul-bb": "metropolitan",
    "ankara-bb": "metropolitan",
    "balikesir-bb": "metropolitan",
    "eskisehir-bb": "metropolitan",
    "tekirdag-bb": "metropolitan",
    "mugla-bb": "metropolitan",
    "diyarbakir-bb": "metropolitan",
    "artvin": "provincial",
    "giresun": "provincial",
    "istanbul-uskudar": "district",
    "izmir-bayrakli": "district",
    "rize-findikli": "district",
    "hatay-samandag": "district",
    "osmaniye-kadirli": "district",
    "gaziantep-sehitkamil": "district",
    "canakkale-lapseki-cardak": "town",
}

# Mersin's published figures: (date, metric, municipality_kind, value, qualifier).
# Bare numbers are "as-stated": no source says "tam" (exactly) of any of them.
REPORTED_FIGURES = {
    ("2025-03-21", "municipalities-hosted", None, 16, "as-stated"),
    ("2025-03-21", "municipalities-in-talks", None, 11, "as-stated"),
    # "27 belediyeye 40'a yakın projenin aktarılmasını": close to 40, and not above it.
    ("2025-03-21", "projects-transferred", None, 40, "nearly"),
    ("2025-03-21", "municipalities-transferred-to", None, 27, "as-stated"),
    ("2026-01-29", "projects-supported", None, 30, "more-than"),
    ("2026-01-29", "municipalities-supported", "metropolitan", 6, "as-stated"),
    ("2026-01-29", "municipalities-supported", "provincial", 2, "as-stated"),
    ("2026-01-29", "municipalities-supported", "district", 9, "as-stated"),
    ("2026-01-29", "visitors", None, 1000, "more-than"),
}

# The words of a source that give each qualifier its precision; "as-stated" is a bare number.
QUALIFIER_WORDS = {
    "exact": "tam {value}",
    "nearly": "{value}’a yakın",
    "more-than": "{value}’dan fazla",
}


@cache
def records(folder: str) -> dict[str, dict[str, Any]]:
    out = {}
    for path in sorted((DATA / folder).glob("*.yaml")):
        loaded = load_file(path)
        assert loaded.data is not None, f"{path} could not be read: {loaded.problems}"
        out[path.stem] = loaded.data
    return out


def municipalities() -> dict[str, dict[str, Any]]:
    return records("municipalities")


def projects() -> dict[str, dict[str, Any]]:
    return records("projects")


def all_records() -> list[tuple[str, dict[str, Any]]]:
    return [(f"municipalities/{i}", d) for i, d in municipalities().items()] + [
        (f"projects/{i}", d) for i, d in projects().items()
    ]


def test_registry_validates_with_one_warning_the_offices_own_figures_disagree() -> None:
    """No error; one warning, which is the office's and stays: "27 belediyeye" (2025-03-21)
    cannot be true with "6 büyükşehir, 2 il ve 9 ilçe" supported (2026-01-29) under spo's
    definitions. The registry records what was published, disagreement included."""
    result = validate(ROOT)
    assert result.files_checked == len(municipalities()) + len(projects())
    assert [(p.file.name, p.code, p.path) for p in result.problems] == [
        ("mersin-bb.yaml", "figures-disagree", ("reported_figures", 5))
    ]


def test_sixteen_municipalities_have_a_study_visit_hosted_by_mersin() -> None:
    visited = {}
    for mid, data in municipalities().items():
        for engagement in data.get("engagements", []):
            if engagement["kind"] == "study-visit" and engagement["host"] == MERSIN:
                assert engagement["date"] == ON_OR_BEFORE_ARTICLE, mid
                assert "participants" not in engagement, f"{mid}: the source gives no count"
                visited[mid] = data["kind"]
    assert visited == HOSTED
    assert Counter(visited.values()) == {
        "metropolitan": 7,
        "provincial": 2,
        "district": 6,
        "town": 1,
    }


def test_each_hosted_municipality_has_exactly_one_engagement() -> None:
    for mid in HOSTED:
        assert len(municipalities()[mid]["engagements"]) == 1, mid


def test_town_and_district_municipalities_name_their_district() -> None:
    cardak = municipalities()["canakkale-lapseki-cardak"]
    assert (cardak["name"], cardak["province"], cardak["district"]) == (
        "Çardak Belediyesi",
        "Çanakkale",
        "Lapseki",
    )


@pytest.mark.parametrize("name, data", all_records(), ids=[n for n, _ in all_records()])
def test_every_record_has_a_source(name: str, data: dict[str, Any]) -> None:
    assert data.get("sources"), f"{name} has no sources"


def test_every_engagement_and_figure_has_a_source() -> None:
    for mid, data in municipalities().items():
        for entry in data.get("engagements", []) + data.get("reported_figures", []):
            assert entry.get("source"), f"{mid}: {entry}"


def sources(value: Any) -> list[Any]:
    """Every source cited anywhere in a record: `source`, `status_source` and `sources` lists."""
    found: list[Any] = []
    if isinstance(value, dict):
        found += [value[key] for key in ("source", "status_source") if key in value]
        found += value.get("sources", [])
        for item in value.values():
            found += sources(item)
    elif isinstance(value, list):
        for item in value:
            found += sources(item)
    return found


def all_sources() -> list[tuple[str, Any]]:
    return [(name, source) for name, data in all_records() for source in sources(data)]


def test_no_source_claims_an_article_address() -> None:
    # None of the stored source texts gives the article's web address.
    for name, source in all_sources():
        assert isinstance(source, dict) and "url" not in source, name


STORED_FILE = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")


def test_every_source_has_a_title_and_names_its_stored_copy_apart_from_its_note() -> None:
    # A source without a headline has a bracketed Turkish description as its title; the stored
    # copy's file name is in `archived`, so a note is Turkish text only.
    for name, source in all_sources():
        assert source.get("title"), f"{name}: {source}"
        assert STORED_FILE.fullmatch(source.get("archived", "")), f"{name}: {source}"
        assert not STORED_FILE.search(source.get("note", "")), f"{name}: {source['note']!r}"


def test_the_same_source_is_cited_the_same_way_everywhere() -> None:
    # One stored copy, one citation: the report numbers a source once, not once per spelling.
    by_copy: dict[str, set[tuple[Any, ...]]] = {}
    for _, source in all_sources():
        cited = (source.get("publisher"), source["title"], source.get("date"))
        by_copy.setdefault(source["archived"], set()).add(cited)
    assert {copy: len(cited) for copy, cited in by_copy.items()} == dict.fromkeys(by_copy, 1)


def test_every_archived_copy_is_a_stored_source_text() -> None:
    needs_shared(SHARED_SOURCES)
    stored = {path.name for path in SHARED_SOURCES.glob("*.txt")}
    archived = {source["archived"] for _, source in all_sources()}
    assert archived <= stored
    assert archived == stored  # every stored text is cited somewhere


def test_no_transfers_anywhere() -> None:
    # The sources never say which project went to which municipality.
    for mid, data in municipalities().items():
        assert not data.get("transfers"), mid


def test_reported_figures_are_exactly_those_published() -> None:
    for mid, data in municipalities().items():
        if mid != MERSIN:
            assert "reported_figures" not in data, mid
    figures = municipalities()[MERSIN]["reported_figures"]
    found = [
        (f["date"], f["metric"], f.get("municipality_kind"), f["value"], f["qualifier"])
        for f in figures
    ]
    assert len(found) == len(set(found))
    assert set(found) == REPORTED_FIGURES


def test_every_project_owner_exists() -> None:
    for pid, data in projects().items():
        assert data["owner"] in municipalities(), pid


def test_no_project_has_an_invented_launch_date() -> None:
    # No source gives a launch date.
    for pid, data in projects().items():
        assert "launched" not in data, pid


def test_the_projects_the_sources_name_are_all_there() -> None:
    owners = {pid: data["owner"] for pid, data in projects().items()}
    assert Counter(owners.values()) == {
        MERSIN: 19,
        "izmir-bb": 1,
        "sanliurfa-karakopru": 1,
        "kocaeli-izmit": 1,
    }


# Words that are English and never Turkish; any of them in a note or a source title means English.
ENGLISH_WORDS = {"the", "with", "from", "which", "stored", "text", "names", "untitled"}


def notes_and_titles(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [
            text
            for key, item in value.items()
            for text in ([item] if key in ("note", "notes", "title") else notes_and_titles(item))
        ]
    if isinstance(value, list):
        return [text for item in value for text in notes_and_titles(item)]
    return []


def test_a_turkish_user_reads_every_note_and_source_title_in_turkish() -> None:
    # `show` and `report` give them to the user as written; only name.en and summary.en are English.
    checked = 0
    for name, data in all_records():
        for text in notes_and_titles(data):
            checked += 1
            english = ENGLISH_WORDS & set(re.findall(r"\w+", text.lower()))
            assert not english, f"{name}: {text!r} reads as English ({sorted(english)})"
    assert checked > 100  # the notes and titles were found


def test_every_partner_has_a_source() -> None:
    for pid, data in projects().items():
        for partner in data.get("partners", []):
            assert partner.get("source"), f"{pid}: {partner['name']}"


def test_bizizmir_partners_run_the_programme_its_municipalities_are_not_partners() -> None:
    # "İsveç'teki Lund Üniversitesi ve Raoul Wallenberg ... iş birliği ile uygulanan CIPSS ...
    # programı": the two institutions run the programme İzmir joined to develop the points. The
    # programme's other Turkish municipalities took part in it; they are not partners of the points.
    bizizmir = projects()["bizizmir-dayanisma-noktalari"]
    partners = [(p["name"], p.get("type"), p["role"]) for p in bizizmir["partners"]]
    # The source calls the Raoul Wallenberg Institute an institute and no more: no type is
    # guessed for it (it is a Swedish academic institute, not an international organisation).
    assert partners == [
        ("Lund Üniversitesi", "university", "supporter"),
        ("Raoul Wallenberg İnsan Hakları ve İnsani Hukuk Enstitüsü", None, "supporter"),
    ]
    for name in ("İstanbul Büyükşehir Belediyesi", "Şişli Belediyesi", "Kuşadası Belediyesi"):
        assert name in bizizmir["notes"]


FRAMEWORK = [
    "Doğumdan Ölüme Belediyecilik",
    "Bütünsel ve Döngüsel Hizmetler",
    "Ev ve Mahalle Temelli Çalışmalar",
    "Herkes İçin Mersin",
]


def test_the_office_is_structured_data_on_mersins_record() -> None:
    mersin = municipalities()[MERSIN]
    office = mersin["office"]
    assert office["name"] == "Sosyal Politikalar Ofisi"
    # Opened on a 17 October, the year unknown; the article of 2025-03-21 says it had opened, so
    # 17 October 2024 is the latest day it can have been.
    assert office["opened"] == "../2024-10-17"
    assert office["opened_note"] == "17 Ekim, Dünya Yoksullukla Mücadele Günü; yıl kaynakta yok"
    assert (office["neighbourhood"], office["district"]) == ("Hal Mahallesi", "Akdeniz")
    head = office["head"]
    assert (head["name"], head["role"]) == (
        "Yalçın Tütüncüoğlu",
        "Sosyal Politikalar Ofisi Sorumlusu",
    )
    assert head["source"]["archived"] == "002_2cd2df0458299a74.txt"
    assert office["framework"] == FRAMEWORK
    assert [s["archived"] for s in office["sources"]] == [
        "000_7a67c3ec875bc26a.txt",
        "001_162079ea2f2cd7e4.txt",
        "002_2cd2df0458299a74.txt",
    ]
    # The notes no longer repeat what the office now says.
    for fact in ("17 Ekim", "Hal Mahallesi", *FRAMEWORK):
        assert fact not in mersin["notes"], fact


def stored_text(name: str) -> str:
    needs_shared(SHARED_SOURCES)
    text = (SHARED_SOURCES / name).read_text(encoding="utf-8")
    return text.replace("\u2019", "'").replace("\u2018", "'")  # the articles' curly quotes


def test_the_office_facts_are_in_the_stored_sources() -> None:
    gundem = stored_text("000_7a67c3ec875bc26a.txt")
    assert "Tarih : 21 Mart 2025" in gundem
    assert "'17 Ekim Dünya Yoksullukla Mücadele Günü'nde açıldı" in gundem
    assert "Akdeniz İlçesi'nin Hal Mahallesi'nde" in gundem
    for heading in FRAMEWORK:
        assert f"'{heading}'" in gundem, heading
    assert "Sosyal Politikalar Ofisi Sorumlusu Yalçın Tütüncüoğlu" in stored_text(
        "002_2cd2df0458299a74.txt"
    )
    # No source gives the year of the opening.
    for path in SHARED_SOURCES.glob("*.txt"):
        assert not re.search(r"17 Ekim,? \d{4}", stored_text(path.name)), path.name


def test_nearly_forty_is_what_the_source_says() -> None:
    assert "27 belediyeye 40'a yakın projenin" in stored_text("000_7a67c3ec875bc26a.txt")


# The projects a source says run, in the present tense, with that source's day and stored copy.
# Every other project is `unknown`: listed as an example, presented to municipalities, or said to
# run by a source with no date (Bizİzmir, Emekliler Yaşam Merkezi, Asırlık Çınar Evleri).
ACTIVE = {
    # "Ev temelli hizmetler ile ... ileri yaştaki bireylere ... hizmetleri sağlanıyor."
    "ev-temelli-hizmetler": ("2026-01-29", "002_2cd2df0458299a74.txt"),
    # "Tütüncüoğlu, hizmetleri iki temel modelle sunduklarını ifade etti."
    "mahalle-temelli-hizmetler": ("2026-01-29", "002_2cd2df0458299a74.txt"),
}


def test_only_the_projects_a_dated_source_says_run_are_active() -> None:
    known = {pid: data["status"] for pid, data in projects().items() if data["status"] != "unknown"}
    assert known == dict.fromkeys(ACTIVE, "active")
    for pid, (as_of, archived) in ACTIVE.items():
        data = projects()[pid]
        assert data["status_as_of"] == as_of, pid
        assert data["status_source"]["archived"] == archived, pid
        assert data["status_source"]["date"] == as_of, pid
        assert data["status_source"] in data["sources"], f"{pid}: cited as its other sources are"
    for pid, data in projects().items():
        if data["status"] == "unknown":
            assert "status_as_of" not in data and "status_source" not in data, pid


def test_the_active_statuses_rest_on_present_tense_sentences_of_their_source() -> None:
    text = " ".join(stored_text("002_2cd2df0458299a74.txt").split())
    assert (
        "ileri yaştaki bireylere düzenli aramalar, temizlik, bakım ve sağlık hizmetleri sağlanıyor"
        in text
    )
    assert "hizmetleri iki temel modelle sunduklarını" in text
    assert "Mahalle temelli hizmetler ise sosyal yaşam merkezleri aracılığıyla" in text


# Themes a source describes (what the project does, beyond its name).
THEMES = {
    "bizizmir-dayanisma-noktalari": [
        "nutrition",  # "günlük sıcak yemek"
        "psychosocial-support",  # "psikososyal destek"
        "education",  # "okuma-yazma kursları"
        "health",  # "ağız ve diş bakımı"
        "poverty-reduction",  # "dar gelirli yurttaşlara hizmet veren"
    ],
    "emekliler-yasam-merkezi": ["social-life", "culture-arts"],  # "müzik grupları, kitap okuma"
    "ev-temelli-hizmetler": ["social-care", "health", "hygiene"],  # "temizlik, bakım ve sağlık"
}

# Themes read into a project from its name (or a label) alone: shown as inferred, never counted.
INFERRED_THEMES = {
    "ashane": ["nutrition"],
    "camasir-kafeler": ["hygiene"],
    "egitim-ve-ogretimi-destekleme-kurs-merkezleri": ["education"],
    "hadi-gel-koyumuze-destek-verelim": ["agriculture"],
    "hayvanlara-yonelik-hizmetler": ["animal-welfare"],
    "hpv-asi-uygulamasi": ["health"],
    "kariyer-merkezi": ["employment"],
    "kompost-uretim-tesisi": ["environment"],
    "mahalle-mutfaklari": ["nutrition"],
    "mahalle-temelli-hizmetler": ["social-life"],  # "sosyal yaşam merkezleri" is the channel
    "mercan-100-yil-iklim-ve-cevre-bilim-merkezi": ["environment", "education"],
}


def test_themes_are_only_those_a_source_describes() -> None:
    themes = {pid: data["themes"] for pid, data in projects().items() if data.get("themes")}
    assert themes == THEMES


def test_themes_read_from_a_name_alone_are_marked_inferred() -> None:
    inferred = {
        pid: data["inferred_themes"]
        for pid, data in projects().items()
        if data.get("inferred_themes")
    }
    assert inferred == INFERRED_THEMES


def test_each_figure_has_the_precision_its_source_gives_it() -> None:
    """A qualifier is read off the source's own words: "tam 16" is exact, a bare "16" is as
    stated; nothing adds precision the source did not give."""
    needs_shared(SHARED_SOURCES)
    for figure in municipalities()[MERSIN]["reported_figures"]:
        text = (SHARED_SOURCES / figure["source"]["archived"]).read_text(encoding="utf-8")
        value, qualifier = figure["value"], figure["qualifier"]
        words = {1000: "binden fazla"}.get(value) if qualifier == "more-than" else None
        if qualifier == "as-stated":
            assert re.search(rf"(?<![\d.,]){value}(?![\d.,’'])", text), figure
            assert f"tam {value}" not in text, figure
        else:
            expected = words or QUALIFIER_WORDS[qualifier].format(value=value)
            assert expected in text, (figure, expected)
