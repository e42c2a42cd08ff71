"""Numbers the office can stand behind: a published figure is met, partly recorded, contradicted
or unbacked, and any
figure can be traced down to the records behind it.

Each test writes a small registry of its own: Mersin (the mentoring office), Artvin (a provincial
municipality), İzmit (a district municipality) and Mersin's project "Mahalle Mutfakları".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spo.report import figure_met
from tests.conftest import run_spo

MERSIN_NAME = "Mersin Büyükşehir Belediyesi"  # the report names it; ids are for files
MERSIN = """\
id: mersin-bb
name: Mersin Büyükşehir Belediyesi
kind: metropolitan
province: Mersin
sources: [https://example.org/mersin]
"""

ARTVIN = """\
id: artvin
name: Artvin Belediyesi
kind: provincial
province: Artvin
sources: [https://example.org/artvin]
"""

IZMIT = """\
id: kocaeli-izmit
name: İzmit Belediyesi
kind: district
province: Kocaeli
district: İzmit
sources: [https://example.org/izmit]
"""

KITCHENS = """\
id: mahalle-mutfaklari
name: {tr: Mahalle Mutfakları}
owner: mersin-bb
summary: {tr: Mahallede sıcak yemek.}
status: unknown
themes: [nutrition]
partners:
  - name: Gıda Bankası Derneği
    type: ngo
    role: implementer
sources:
  - title: Mahalle Mutfakları açıldı
    date: "2024-05-10"
"""


def figure(metric: str, value: int, qualifier: str, day: str = "2025-06-30") -> str:
    return (
        f'  - date: "{day}"\n    metric: {metric}\n    value: {value}\n'
        f"    qualifier: {qualifier}\n    source: https://example.org/haber\n"
    )


def transfer(*entries: tuple[str, str]) -> str:
    history = "".join(f'      - stage: {s}\n        date: "{d}"\n' for s, d in entries)
    return f"transfers:\n  - project: mahalle-mutfaklari\n    history:\n{history}"


def visit(
    day: str, participants: int | None = None, kind: str = "study-visit", source: str = ""
) -> str:
    count = f"\n    participants: {participants}" if participants is not None else ""
    cited = f"\n    source: {source}" if source else ""
    return f'  - kind: {kind}\n    host: mersin-bb\n    date: "{day}"{count}{cited}\n'


def registry(
    tmp_path: Path,
    *,
    figures: str = "",
    artvin: str = "",
    izmit: str = "",
    projects: dict[str, str] | None = None,
    municipalities: dict[str, str] | None = None,
) -> Path:
    root = tmp_path / "registry"
    (root / "data" / "municipalities").mkdir(parents=True)
    (root / "data" / "projects").mkdir(parents=True)
    files = {
        "municipalities/mersin-bb": MERSIN + (f"reported_figures:\n{figures}" if figures else ""),
        "municipalities/artvin": ARTVIN + artvin,
        "municipalities/kocaeli-izmit": IZMIT + izmit,
        "projects/mahalle-mutfaklari": KITCHENS,
        **{f"projects/{k}": v for k, v in (projects or {}).items()},
        **{f"municipalities/{k}": v for k, v in (municipalities or {}).items()},
    }
    for name, text in files.items():
        (root / "data" / f"{name}.yaml").write_text(text, encoding="utf-8")
    validated = run_spo("--root", str(root), "validate")
    assert validated.exit_code == 0, validated.stdout
    return root


WIDE = {"COLUMNS": "200"}  # every table row on one line


def report_json(root: Path, *args: str) -> dict:
    run = run_spo("--root", str(root), "report", "--format", "json", *args)
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)


def statuses(data: dict) -> list[tuple]:
    return [
        (f["metric"], f["status"], f["met"], f["recorded"], f["backing"], f["difference"])
        for f in data["reported"]
    ]


# --- met, partly recorded, contradicted, unbacked ----------------------------------------------


def test_with_no_transfers_at_all_a_transfer_figure_is_unbacked_not_false(tmp_path: Path) -> None:
    root = registry(
        tmp_path,
        figures=figure("municipalities-supported", 27, "exact")
        + figure("municipalities-hosted", 1, "exact"),
        artvin=f"engagements:\n{visit('2025-02-10')}",
    )

    data = report_json(root, "--as-of", "2025-12-31")

    assert statuses(data) == [
        ("municipalities-hosted", "met", True, 1, 1, 0),
        ("municipalities-supported", "unbacked", None, None, 0, None),
    ]
    table = run_spo("--root", str(root), "report", "--as-of", "2025-12-31", env=WIDE).stdout
    assert (
        f"2025-06-30 Municipalities supported · {MERSIN_NAME} exactly 27 — — not in the records [1]"
        in " ".join(table.split())
    )
    assert "-27" not in table
    assert " ".join(table.split()).endswith(
        "Not in the records: as of the figure's date the registry holds nothing that could back "
        "or refute it (no transfers for a transfer figure; no or missing participant counts for "
        "visitors); this does not mean the figure is wrong."
    )


def test_once_transfers_are_recorded_a_short_figure_is_partly_recorded_not_refuted(
    tmp_path: Path,
) -> None:
    """An office records its transfers one by one: falling short of a figure is no refutation."""
    root = registry(
        tmp_path,
        figures=figure("municipalities-supported", 2, "exact")
        + figure("municipalities-in-talks", 1, "exact"),
        artvin=transfer(("inquiry", "2025-01-10"), ("presentation", "2025-03-01")),
    )

    data = report_json(root, "--as-of", "2025-12-31")

    # Artvin's transfer backs both figures: one municipality supported, none still in talks.
    assert statuses(data) == [
        ("municipalities-in-talks", "partly-recorded", None, 0, 0, None),
        ("municipalities-supported", "partly-recorded", None, 1, 1, None),
    ]
    markdown = run_spo(
        "--root", str(root), "--lang", "tr", "report", "--as-of", "2025-12-31", "-f", "markdown"
    ).stdout
    assert (
        f"| 2025-06-30 | {MERSIN_NAME} | Destek verilen belediye | tam 2 | 1 | — | kısmen kayıtlı "
        "| https://example.org/haber |"
    ) in markdown
    assert "| -1 |" not in markdown and "karşılanmıyor" not in markdown
    assert "Kısmen kayıtlı: kayıt, rakamın tarihinde söylenenden azını tutuyor" in markdown
    assert "Kayıtlarda yok:" not in markdown  # no figure is unbacked: no need to say what it means
    assert "çelişiyor:" not in markdown


@pytest.mark.parametrize(
    ("value", "qualifier", "status", "difference"),
    [
        (1, "exact", "contradicted", 1),  # two supported where the office said exactly one
        (2, "exact", "met", 0),
        (3, "exact", "partly-recorded", None),
        (2, "nearly", "met", 0),
        (1, "nearly", "contradicted", 1),
        (2, "fewer-than", "contradicted", 0),
        (3, "fewer-than", "met", -1),
        (1, "at-least", "met", 1),
        (5, "at-least", "partly-recorded", None),
        (1, "more-than", "met", 1),
        (2, "more-than", "partly-recorded", None),
    ],
)
def test_only_records_beyond_what_a_figure_allows_contradict_it(
    tmp_path: Path, value: int, qualifier: str, status: str, difference: int | None
) -> None:
    """More records can settle a shortfall later; nothing can undo an overshoot."""
    root = registry(
        tmp_path,
        figures=figure("municipalities-supported", value, qualifier),
        artvin=transfer(("presentation", "2025-03-01")),
        izmit=transfer(("presentation", "2025-04-01")),
    )

    data = report_json(root, "--as-of", "2025-12-31")

    met = {"met": True, "contradicted": False}.get(status)
    assert statuses(data) == [("municipalities-supported", status, met, 2, 2, difference)]


def test_a_contradicted_figure_says_what_that_means_in_both_languages(tmp_path: Path) -> None:
    root = registry(
        tmp_path,
        figures=figure("municipalities-supported", 1, "exact"),
        artvin=transfer(("presentation", "2025-03-01")),
        izmit=transfer(("presentation", "2025-04-01")),
    )
    english = run_spo("--root", str(root), "report", "--as-of", "2025-12-31", env=WIDE).stdout
    turkish = run_spo(
        "--root", str(root), "--lang", "tr", "report", "--as-of", "2025-12-31", env=WIDE
    ).stdout
    assert (
        f"2025-06-30 Municipalities supported · {MERSIN_NAME} exactly 1 2 +1 contradicted [1]"
        in " ".join(english.split())
    )
    assert " ".join(english.split()).endswith(
        "Contradicted: the records show more than the figure allows; no record yet to be "
        "entered can change that."
    )
    assert "tam 1" in turkish and "kayıtlarla çelişiyor" in turkish


def test_a_transfer_recorded_after_the_figure_does_not_back_it(tmp_path: Path) -> None:
    root = registry(
        tmp_path,
        figures=figure("municipalities-supported", 1, "exact", day="2025-01-31"),
        artvin=transfer(("presentation", "2025-03-01")),
    )

    assert statuses(report_json(root, "--as-of", "2025-12-31")) == [
        ("municipalities-supported", "unbacked", None, None, 0, None),
    ]


def test_a_figure_about_people_is_unbacked_without_any_participant_count(tmp_path: Path) -> None:
    root = registry(
        tmp_path,
        figures=figure("visitors", 1000, "more-than"),
        artvin=f"engagements:\n{visit('2025-02-10')}",
        izmit=f"engagements:\n{visit('2025-03-10')}",
    )

    data = report_json(root, "--as-of", "2025-12-31")

    assert statuses(data) == [("visitors", "unbacked", None, None, 0, None)]
    assert data["reported"][0]["engagements_without_count"] == 2


def test_a_sum_of_delegations_says_how_many_engagements_have_no_count(tmp_path: Path) -> None:
    root = registry(
        tmp_path,
        figures=figure("visitors", 20, "at-least"),
        artvin=f"engagements:\n{visit('2025-02-10', 12)}",
        izmit=f"engagements:\n{visit('2025-03-10')}",
    )

    data = report_json(root, "--as-of", "2025-12-31")

    # 12 counted, one delegation not: the sum is only a lower bound, so "at least 20" is partly
    # recorded, neither backed nor contradicted.
    assert statuses(data) == [("visitors", "partly-recorded", None, 12, 1, None)]
    table = run_spo("--root", str(root), "report", "--as-of", "2025-12-31", env=WIDE).stdout
    assert (
        f"Visitors · {MERSIN_NAME} at least 20 12 (1 engagement without a participant count)"
        in " ".join(table.split())
    )


OFFICE = """\
office:
  name: Sosyal Politikalar Ofisi
  opened: "../2025-03-21"
  opened_note: 17 Ekim; yıl kaynakta yok
  neighbourhood: Hal Mahallesi
  district: Akdeniz
  head:
    name: Ayşe Örnek
    role: Ofis sorumlusu
  framework: [Doğumdan Ölüme Belediyecilik, Herkes İçin Mersin]
"""


def test_the_office_heads_the_report(tmp_path: Path) -> None:
    root = registry(tmp_path, municipalities={"mersin-bb": MERSIN + OFFICE})

    tr = run_spo("--root", str(root), "--lang", "tr", "report", "--owner", "mersin-bb", env=WIDE)
    md = run_spo("--root", str(root), "report", "--owner", "mersin-bb", "--format", "markdown")
    data = report_json(root, "--owner", "mersin-bb")

    assert tr.stdout.splitlines()[3:5] == [
        "Sosyal Politikalar Ofisi (Mersin Büyükşehir Belediyesi) · açılış: en geç 2025-03-21 "
        "(17 Ekim; yıl kaynakta yok) · Hal Mahallesi, Akdeniz · sorumlu: Ayşe Örnek (Ofis "
        "sorumlusu)",
        "Çalışma başlıkları: Doğumdan Ölüme Belediyecilik; Herkes İçin Mersin",
    ]
    assert md.stdout.splitlines()[4:6] == [
        "> Sosyal Politikalar Ofisi (Mersin Büyükşehir Belediyesi) · opened: by 2025-03-21 "
        "(17 Ekim; yıl kaynakta yok) · Hal Mahallesi, Akdeniz · head: Ayşe Örnek (Ofis "
        "sorumlusu)  ",
        "> Framework: Doğumdan Ölüme Belediyecilik; Herkes İçin Mersin  ",
    ]
    assert data["offices"] == [
        {
            "municipality": "mersin-bb",
            "name": "Sosyal Politikalar Ofisi",
            "opened": "../2025-03-21",
            "opened_note": "17 Ekim; yıl kaynakta yok",
            "neighbourhood": "Hal Mahallesi",
            "district": "Akdeniz",
            "head": {"name": "Ayşe Örnek", "role": "Ofis sorumlusu"},
            "framework": ["Doğumdan Ölüme Belediyecilik", "Herkes İçin Mersin"],
        }
    ]


# --- qualifiers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qualifier", "value", "met", "not_met"),
    [
        ("exact", 16, [16], [15, 17]),
        ("approximately", 40, [36, 40, 44], [35, 45]),
        ("nearly", 40, [36, 40], [35, 41]),
        ("at-least", 30, [30, 31], [29]),
        ("more-than", 30, [31], [30, 29]),
        ("fewer-than", 30, [29, 0], [30, 31]),
    ],
)
def test_each_qualifier_at_its_edges(
    qualifier: str, value: int, met: list[int], not_met: list[int]
) -> None:
    assert [figure_met(qualifier, value, n) for n in met] == [True] * len(met)
    assert [figure_met(qualifier, value, n) for n in not_met] == [False] * len(not_met)


def test_nearly_40_reads_in_each_language_and_is_met_by_36(tmp_path: Path) -> None:
    adopters = [transfer(("presentation", "2025-03-01"))]
    root = registry(
        tmp_path,
        figures=figure("municipalities-supported", 2, "nearly")
        + figure("projects-transferred", 2, "fewer-than"),
        artvin=adopters[0],
        izmit=adopters[0],
    )

    assert statuses(report_json(root, "--as-of", "2025-12-31")) == [
        ("municipalities-supported", "met", True, 2, 2, 0),
        ("projects-transferred", "met", True, 1, 2, -1),
    ]
    tr = run_spo("--root", str(root), "--lang", "tr", "report", "-f", "markdown").stdout
    assert f"| {MERSIN_NAME} | Destek verilen belediye | 2'ye yakın |" in tr
    assert f"| {MERSIN_NAME} | Aktarılan proje | 2'den az |" in tr
    en = run_spo("--root", str(root), "report", "-f", "markdown").stdout
    assert f"| {MERSIN_NAME} | Municipalities supported | nearly 2 |" in en
    assert f"| {MERSIN_NAME} | Projects transferred | fewer than 2 |" in en


# --- the catalogue as of a day --------------------------------------------------------------------

LAUNDRY = """\
id: camasir-kafe
name: {tr: Çamaşır Kafe}
owner: mersin-bb
summary: {tr: Ücretsiz çamaşır.}
status: unknown
themes: [hygiene]
partners:
  - name: Temiz Su Derneği
    type: ngo
    role: supporter
launched: "2025-06"
sources:
  - title: Çamaşır Kafe haberi
    date: "2025-06-20"
"""

UNDATED = """\
id: hanim-evi
name: {tr: Hanım Evi}
owner: mersin-bb
summary: {tr: Kadınlar için buluşma evi.}
status: unknown
themes: [women-empowerment]
sources: [https://example.org/hanim-evi]
"""

IZMIR_PROJECT = """\
id: bizizmir
name: {tr: Bizİzmir}
owner: izmir-bb
summary: {tr: Dayanışma noktaları.}
status: unknown
themes: [nutrition]
partners:
  - name: Lund Üniversitesi
    type: university
    role: supporter
launched: "2023"
sources: [https://example.org/bizizmir]
"""

IZMIR = """\
id: izmir-bb
name: İzmir Büyükşehir Belediyesi
kind: metropolitan
province: İzmir
sources: [https://example.org/izmir]
"""


def test_a_project_counts_from_its_launch_and_an_undated_one_stands_apart(
    tmp_path: Path,
) -> None:
    root = registry(tmp_path, projects={"camasir-kafe": LAUNDRY, "hanim-evi": UNDATED})

    before = report_json(root, "--as-of", "2025-06-29")
    after = report_json(root, "--as-of", "2025-06-30")

    # The café launched some day of June 2025 (a source of 20 June announces it): it certainly
    # ran from 30 June. The kitchens have no launch date: their source of 2024-05-10 dates them.
    assert before["projects_by_theme"] == {"nutrition": 1}
    assert after["projects_by_theme"] == {"nutrition": 1, "hygiene": 1}
    assert before["partners_by_type"]["ngo"] == 1
    assert after["partners_by_type"]["ngo"] == 2
    assert before["undated_projects"] == after["undated_projects"] == ["hanim-evi"]
    table = run_spo("--root", str(root), "--lang", "tr", "report", "--as-of", "2025-06-30")
    assert (
        "Tarihi bilinmeyen projeler (yukarıdaki tablolarda sayılmadı)\n"
        "Proje      Sahibi\n"
        "───────────────────────────────────────\n"
        f"Hanım Evi  {MERSIN_NAME}\n"
    ) in "\n".join(line.rstrip() for line in table.stdout.splitlines())


def test_a_project_without_a_launch_date_counts_from_its_first_transfer(tmp_path: Path) -> None:
    undated_but_presented = UNDATED.replace("sources: [https://example.org/hanim-evi]\n", "")
    adopter = transfer(("presentation", "2025-03-01")).replace("mahalle-mutfaklari", "hanim-evi")
    root = registry(tmp_path, projects={"hanim-evi": undated_but_presented}, artvin=adopter)

    assert report_json(root, "--as-of", "2025-02-28")["undated_projects"] == []
    assert (
        "women-empowerment" not in report_json(root, "--as-of", "2025-02-28")["projects_by_theme"]
    )
    assert report_json(root, "--as-of", "2025-03-01")["projects_by_theme"]["women-empowerment"] == 1


def test_a_co_participant_in_a_shared_programme_is_not_counted_as_a_partner(
    tmp_path: Path,
) -> None:
    shared = KITCHENS.replace(
        "    role: implementer\n",
        "    role: implementer\n  - name: Artvin Belediyesi\n    type: municipality\n"
        "    role: co-participant\n    municipality: artvin\n",
    )
    root = registry(tmp_path, projects={"mahalle-mutfaklari": shared})

    assert report_json(root)["partners_by_type"]["municipality"] == 0


def test_partners_by_type_count_only_the_owners_projects(tmp_path: Path) -> None:
    root = registry(
        tmp_path, projects={"bizizmir": IZMIR_PROJECT}, municipalities={"izmir-bb": IZMIR}
    )

    everyone = report_json(root, "--as-of", "2025-12-31")
    mersin = report_json(root, "--as-of", "2025-12-31", "--owner", "mersin-bb")
    izmir = report_json(root, "--as-of", "2025-12-31", "--owner", "izmir-bb")

    assert {k: v for k, v in everyone["partners_by_type"].items() if v} == {
        "ngo": 1,
        "university": 1,
    }
    assert {k: v for k, v in mersin["partners_by_type"].items() if v} == {"ngo": 1}
    assert {k: v for k, v in izmir["partners_by_type"].items() if v} == {"university": 1}
    # Before İzmir's project certainly existed (launched some day in 2023), it has no partners.
    early = report_json(root, "--as-of", "2023-06-30", "--owner", "izmir-bb")
    assert early["partners_by_type"] is None  # nothing recorded, not a row of zeros


def test_an_event_on_or_after_a_day_never_counts_as_certainly_done(tmp_path: Path) -> None:
    root = registry(tmp_path, artvin=f"engagements:\n{visit('2025-07/..')}")

    # nothing had certainly happened: no count of 0, but nothing recorded
    assert report_json(root, "--as-of", "2026-06-30")["municipalities_hosted"] is None
    shown = run_spo("--root", str(root), "municipality", "show", "artvin").stdout
    assert "from 2025-07" in shown


# --- --explain ----------------------------------------------------------------------------------


def test_explain_lists_each_hosted_municipality_with_its_event_date_and_source(
    tmp_path: Path,
) -> None:
    root = registry(
        tmp_path,
        artvin=f"engagements:\n{visit('../2025-03-21', source='https://example.org/tur')}",
        izmit=f"engagements:\n{visit('2025-02-01', kind='meeting')}"
        + transfer(("study-visit", "2025-01-15"), ("presentation", "2025-02-01")),
    )

    run = run_spo(
        "--root", str(root), "report", "--explain", "municipalities-hosted",
        "--as-of", "2025-03-21", "--format", "json",
    )  # fmt: skip

    assert run.exit_code == 0, run.stderr
    assert json.loads(run.stdout) == [
        {
            "id": "kocaeli-izmit",
            "name": "İzmit Belediyesi",
            "kind": "district",
            "event": "study-visit",
            "date": "2025-01-15",
            "source": None,
            "project": "mahalle-mutfaklari",
        },
        {
            "id": "artvin",
            "name": "Artvin Belediyesi",
            "kind": "provincial",
            "event": "study-visit",
            "date": "../2025-03-21",
            "source": "https://example.org/tur",
        },
    ]
    table = run_spo(
        "--root", str(root), "--lang", "tr", "report", "--explain", "ağırlanan belediye",
        "--as-of", "2025-03-21",
    )  # fmt: skip
    assert [line.rstrip() for line in table.stdout.splitlines()] == [
        "Ağırlanan belediye: 2025-03-21 itibarıyla arkasındaki kayıtlar (2)",
        "Kimlik         Ad                 Tür   Olay                                   Tarih"
        "              Kaynak",
        "─" * 104,
        "kocaeli-izmit  İzmit Belediyesi   İlçe  Yerinde inceleme (Mahalle Mutfakları)  2025-01-15",
        "artvin         Artvin Belediyesi  İl    Yerinde inceleme ziyareti              en geç "
        "2025-03-21  [1]",
        "[1] https://example.org/tur",
    ]


def test_explain_narrows_to_a_kind_and_lists_projects_and_visitors(tmp_path: Path) -> None:
    root = registry(
        tmp_path,
        artvin=f"engagements:\n{visit('2025-02-10', 6)}" + transfer(("presentation", "2025-03-01")),
        izmit=f"engagements:\n{visit('2025-03-10')}"
        + transfer(("inquiry", "2025-01-05"), ("planning-support", "2025-02-20")),
    )

    def explain(*args: str) -> list[dict]:
        run = run_spo("--root", str(root), "report", "-f", "json", "--explain", *args)
        assert run.exit_code == 0, run.stderr
        return json.loads(run.stdout)

    supported = explain("municipalities-supported", "--as-of", "2025-12-31", "--kind", "il")
    assert [(r["id"], r["event"], r["date"]) for r in supported] == [
        ("artvin", "presentation", "2025-03-01")
    ]
    projects = explain("projects-transferred", "--as-of", "2025-12-31")
    assert projects == [
        {
            "id": "mahalle-mutfaklari",
            "name": "Mahalle Mutfakları",
            "kind": None,
            "event": "planning-support",
            "date": "2025-02-20",
            "source": None,
            "municipality": "kocaeli-izmit",
        }
    ]
    visitors = explain("visitors", "--as-of", "2025-12-31")
    assert [(r["id"], r["participants"]) for r in visitors] == [
        ("artvin", 6),
        ("kocaeli-izmit", None),
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--explain", "guests"],
            "spo: unknown metric 'guests'; expected one of: ",
        ),
        (
            ["--kind", "district"],
            "spo: --kind goes with --explain only (it narrows the records behind a figure to one "
            "kind of municipality)\n",
        ),
    ],
)
def test_explain_refuses_what_it_cannot_explain(
    tmp_path: Path, args: list[str], message: str
) -> None:
    root = registry(tmp_path)

    run = run_spo("--root", str(root), "report", *args)

    assert run.exit_code == 2
    assert run.stderr.startswith(message)
    assert "Traceback" not in run.stderr


def test_an_unknown_metric_lists_every_metric(tmp_path: Path) -> None:
    run = run_spo("--root", str(registry(tmp_path)), "report", "--explain", "vizitorz")

    assert run.exit_code == 2
    assert run.stderr.startswith(
        "spo: unknown metric 'vizitorz' (did you mean 'visitors'?); expected one of: "
        "Municipalities hosted (municipalities-hosted), Municipalities in talks "
        "(municipalities-in-talks), Municipalities supported (municipalities-supported), "
        "Municipalities transferred to (municipalities-transferred-to), Projects transferred "
        "(projects-transferred), Projects supported (projects-supported), Visitors (visitors)\n"
    )
