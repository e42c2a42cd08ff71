"""What `compute_report` counts as of a day, on a registry whose histories are known.

`tests/registries/report-histories` holds two mentoring offices (Mersin and İzmir) and the
municipalities that adopt their projects. Its events, with the day each has certainly happened:

    artvin (provincial)      study visit to Mersin 2025-02-10 (6 people);
                             Mahalle Mutfakları: inquiry 2024-11-05, study-visit and presentation
                             2025-02-10, planning-support "2025-06" (by 06-30)
    istanbul-uskudar (dist.) study visit to Mersin "../2025-03-21" (no count);
                             Kadın Ustalar: inquiry 2025-01-15;
                             Bizİzmir: inquiry 2025-04-01, dropped "2025-07" (by 07-31)
    canakkale-lapseki-cardak meeting with Mersin "2025-01" (by 01-31, 2 people);
      (town)                 Mahalle Mutfakları: inquiry "2024-12", presentation 2025-03-01,
                             launched 2025-09-01
    adana-bb (metropolitan)  Mahalle Mutfakları: inquiry "2024-10/2025-03" (by 03-31),
                             study-visit 2025-04-02, presentation 2025-04-08, paused 2025-05-10
    sanliurfa-karakopru      study visit to İzmir 2024-05-15 (12 people);
      (district)             Bizİzmir: study-visit 2024-05-15, presentation 2024-06-01,
                             implementation-support "2024-09", launched "2025" (by 12-31)
    izmir-bb (metropolitan)  study visit to Mersin "2024" (by 2024-12-31, 20 people);
                             Kadın Ustalar: inquiry 2024-03-01, presentation 2024-04-01,
                             dropped 2024-08-01
    mersin-bb (metropolitan) Bizİzmir: inquiry 2025-01-10

Tallies are written (total, metropolitan, provincial, district, town).
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from spo.cli.words import render
from spo.model import Registry
from spo.query.reading import read_registry
from spo.report import Report, Tally, compute_report, figure_met
from spo.rules.errors import UsageError
from tests.conftest import REGISTRIES

NO_STAGES = {
    "inquiry": 0,
    "study-visit": 0,
    "presentation": 0,
    "planning-support": 0,
    "implementation-support": 0,
    "launched": 0,
    "paused": 0,
    "dropped": 0,
}
NO_PARTNERS = {
    "ngo": 0,
    "university": 0,
    "public-institution": 0,
    "private-sector": 0,
    "international-organisation": 0,
    "municipality": 0,
}


@pytest.fixture(scope="module")
def histories(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    root = tmp_path_factory.mktemp("report") / "report-histories"
    shutil.copytree(REGISTRIES / "report-histories", root)
    return read_registry(root)


def report_on(registry: Registry, day: str, owner: str | None = None) -> Report:
    return compute_report(registry, date.fromisoformat(day), owner)


def split(tally: Tally) -> tuple[int, int, int, int, int]:
    by_kind = tally.by_kind
    return (
        tally.total,
        by_kind["metropolitan"],
        by_kind["provincial"],
        by_kind["district"],
        by_kind["town"],
    )


def stages(**counts: int) -> dict[str, int]:
    return {**NO_STAGES, **{k.replace("_", "-"): v for k, v in counts.items()}}


def adopted(report: Report) -> list[tuple[str, int, int]]:
    return [(p.project, p.adopters, p.launched) for p in report.most_adopted_projects]


def figures(report: Report) -> list[tuple[str, str, str, str | None, str, int, int, int, bool]]:
    return [
        (
            f.date,
            f.owner,
            f.metric,
            f.municipality_kind,
            f.qualifier,
            f.value,
            f.recorded,
            f.difference,
            f.met,
        )
        for f in report.reported
    ]


def test_on_the_day_of_the_press_release_every_figure_counts_what_had_certainly_happened(
    histories: Registry,
) -> None:
    report = report_on(histories, "2025-03-21")

    assert report.as_of == date(2025, 3, 21)
    assert report.owner is None
    # artvin, üsküdar ("by 2025-03-21"), karaköprü (İzmir's guest), izmir-bb ("2024")
    assert split(report.hosted) == (4, 1, 1, 2, 0)
    # üsküdar and mersin-bb; adana's inquiry is only certain from 2025-03-31
    assert split(report.in_talks) == (2, 1, 0, 1, 0)
    # artvin, çardak, karaköprü, and izmir-bb whose transfer was later dropped
    assert split(report.supported) == (4, 1, 1, 1, 1)
    # karaköprü launched "in 2025": not certain before 2025-12-31
    assert split(report.launched) == (0, 0, 0, 0, 0)
    assert report.projects_transferred == 3
    assert report.transfers_by_stage == stages(
        inquiry=2, presentation=2, implementation_support=1, dropped=1
    )
    assert (report.visitors.total, report.visitors.engagements_without_count) == (40, 1)
    assert adopted(report) == [
        ("mahalle-mutfaklari", 2, 0),
        ("bizizmir-dayanisma-noktalari", 1, 0),
        ("kadin-ustalar", 1, 0),
    ]
    assert list(report.adopters_by_province.items()) == [
        ("Artvin", 1),
        ("Çanakkale", 1),
        ("İzmir", 1),
        ("Şanlıurfa", 1),
    ]
    # The laundry café launched in "2025-06": not certainly by the day, so not in the catalogue.
    assert list(report.projects_by_theme.items()) == [
        ("nutrition", 2),
        ("employment", 1),
        ("women-empowerment", 1),
        ("psychosocial-support", 1),
        ("poverty-reduction", 1),
    ]
    assert list(report.projects_by_target_group.items()) == [
        ("low-income", 2),
        ("women", 1),
        ("families", 1),
    ]
    # "Mersin Üniversitesi" and "MERSİN ÜNİVERSİTESİ" are one partner.
    assert report.partners_by_type == {
        **NO_PARTNERS,
        "ngo": 1,
        "university": 2,
        "public-institution": 1,
    }
    assert figures(report) == [
        ("2025-01", "izmir-bb", "projects-supported", None, "at-least", 1, 1, 0, True),
        ("2025-03-21", "mersin-bb", "municipalities-hosted", None, "exact", 3, 3, 0, True),
        ("2025-03-21", "mersin-bb", "municipalities-in-talks", None, "exact", 2, 1, None, None),
    ]


def test_a_visit_known_only_to_be_by_a_day_counts_from_that_day(histories: Registry) -> None:
    assert split(report_on(histories, "2025-03-20").hosted) == (3, 1, 1, 1, 0)
    assert split(report_on(histories, "2025-03-21").hosted) == (4, 1, 1, 2, 0)


def test_an_inquiry_dated_between_two_months_counts_from_the_end_of_the_second(
    histories: Registry,
) -> None:
    assert split(report_on(histories, "2025-03-30").in_talks) == (2, 1, 0, 1, 0)
    assert split(report_on(histories, "2025-03-31").in_talks) == (3, 2, 0, 1, 0)
    # adana's study visit on 2025-04-02 ends its inquiry and makes it a hosted municipality.
    on_visit = report_on(histories, "2025-04-02")
    assert split(on_visit.in_talks) == (2, 1, 0, 1, 0)
    assert split(on_visit.hosted) == (5, 2, 1, 2, 0)


def test_an_engagement_dated_by_month_counts_from_the_last_day_of_the_month(
    histories: Registry,
) -> None:
    before = report_on(histories, "2025-01-30").visitors
    assert (before.total, before.engagements_without_count) == (32, 0)
    on = report_on(histories, "2025-01-31").visitors
    assert (on.total, on.engagements_without_count) == (34, 0)


def test_a_launch_dated_by_year_counts_from_the_last_day_of_the_year(
    histories: Registry,
) -> None:
    before = report_on(histories, "2025-12-30", owner="izmir-bb")
    assert split(before.launched) == (0, 0, 0, 0, 0)
    assert before.transfers_by_stage == stages(inquiry=1, implementation_support=1, dropped=1)
    on = report_on(histories, "2025-12-31", owner="izmir-bb")
    assert split(on.launched) == (1, 0, 0, 1, 0)
    assert on.transfers_by_stage == stages(inquiry=1, launched=1, dropped=1)


def test_a_launch_counts_from_its_day(histories: Registry) -> None:
    assert split(report_on(histories, "2025-08-31").launched) == (0, 0, 0, 0, 0)
    on = report_on(histories, "2025-09-01")
    assert split(on.launched) == (1, 0, 0, 0, 1)
    assert adopted(on)[0] == ("mahalle-mutfaklari", 3, 1)


def test_paused_and_dropped_transfers_stay_supported_but_are_neither_in_talks_nor_launched(
    histories: Registry,
) -> None:
    report = report_on(histories, "2025-06-30")

    # adana-bb (paused) and izmir-bb (dropped) were given support: both count.
    assert split(report.supported) == (5, 2, 1, 1, 1)
    assert split(report.in_talks) == (2, 1, 0, 1, 0)
    assert split(report.launched) == (0, 0, 0, 0, 0)
    assert report.transfers_by_stage == stages(
        inquiry=3,
        presentation=1,
        planning_support=1,
        implementation_support=1,
        paused=1,
        dropped=1,
    )
    assert report.projects_transferred == 3
    assert adopted(report) == [
        ("mahalle-mutfaklari", 3, 0),
        ("bizizmir-dayanisma-noktalari", 1, 0),
        ("kadin-ustalar", 1, 0),
    ]
    assert list(report.adopters_by_province) == [
        "Adana",
        "Artvin",
        "Çanakkale",
        "İzmir",
        "Şanlıurfa",
    ]


def test_a_transfer_dropped_at_inquiry_was_never_supported(histories: Registry) -> None:
    # Üsküdar dropped Bizİzmir in "2025-07" without a presentation; it stays in talks through
    # its other transfer (Kadın Ustalar), and is not supported.
    report = report_on(histories, "2025-08-01")
    assert split(report.in_talks) == (2, 1, 0, 1, 0)
    assert split(report.supported) == (5, 2, 1, 1, 1)
    assert report.transfers_by_stage == stages(
        inquiry=2,
        presentation=1,
        planning_support=1,
        implementation_support=1,
        paused=1,
        dropped=2,
    )


def test_before_anything_happened_every_count_is_zero(histories: Registry) -> None:
    report = report_on(histories, "2024-02-29")

    for tally in (report.hosted, report.in_talks, report.supported, report.launched):
        assert split(tally) == (0, 0, 0, 0, 0)
    assert report.projects_transferred == 0
    assert report.transfers_by_stage == NO_STAGES
    assert (report.visitors.total, report.visitors.engagements_without_count) == (0, 0)
    assert report.most_adopted_projects == ()
    assert report.adopters_by_province == {}
    assert report.reported == ()
    # The catalogue holds the projects certainly in existence: launched in 2019 or 2023, or
    # named by a source of February 2024.
    assert list(report.projects_by_theme) == [
        "nutrition",
        "employment",
        "women-empowerment",
        "psychosocial-support",
        "poverty-reduction",
    ]
    # The first event: izmir-bb's inquiry on 2024-03-01.
    first = report_on(histories, "2024-03-01")
    assert split(first.in_talks) == (1, 1, 0, 0, 0)
    assert first.transfers_by_stage == stages(inquiry=1)


def test_a_project_counts_in_the_catalogue_from_the_day_it_certainly_existed(
    histories: Registry,
) -> None:
    # The laundry café launched some day in June 2025, and no dated source names it sooner: it
    # certainly existed from 30 June.
    assert "hygiene" not in report_on(histories, "2025-06-29").projects_by_theme
    assert report_on(histories, "2025-06-30").projects_by_theme["hygiene"] == 1


def test_with_an_owner_only_its_projects_and_the_visits_it_hosted_count(
    histories: Registry,
) -> None:
    report = report_on(histories, "2025-03-21", owner="mersin-bb")

    assert report.owner == "mersin-bb"
    assert report.owner_name == "Mersin Büyükşehir Belediyesi"
    # Karaköprü visited İzmir, not Mersin.
    assert split(report.hosted) == (3, 1, 1, 1, 0)
    # mersin-bb's own inquiry is about İzmir's project: not Mersin's talks.
    assert split(report.in_talks) == (1, 0, 0, 1, 0)
    assert split(report.supported) == (3, 1, 1, 0, 1)
    assert split(report.launched) == (0, 0, 0, 0, 0)
    assert report.projects_transferred == 2
    assert report.transfers_by_stage == stages(inquiry=1, presentation=2, dropped=1)
    assert (report.visitors.total, report.visitors.engagements_without_count) == (28, 1)
    assert adopted(report) == [("mahalle-mutfaklari", 2, 0), ("kadin-ustalar", 1, 0)]
    assert list(report.adopters_by_province.items()) == [
        ("Artvin", 1),
        ("Çanakkale", 1),
        ("İzmir", 1),
    ]
    assert list(report.projects_by_theme.items()) == [
        ("nutrition", 1),
        ("employment", 1),
        ("women-empowerment", 1),
        ("poverty-reduction", 1),
    ]
    assert list(report.projects_by_target_group.items()) == [
        ("women", 1),
        ("families", 1),
        ("low-income", 1),
    ]
    assert report.partners_by_type == {
        **NO_PARTNERS,
        "ngo": 1,
        "university": 1,
        "public-institution": 1,
    }
    assert figures(report) == [
        ("2025-03-21", "mersin-bb", "municipalities-hosted", None, "exact", 3, 3, 0, True),
        ("2025-03-21", "mersin-bb", "municipalities-in-talks", None, "exact", 2, 1, None, None),
    ]


def test_an_owner_other_than_mersin(histories: Registry) -> None:
    report = report_on(histories, "2025-12-31", owner="izmir-bb")

    assert split(report.hosted) == (1, 0, 0, 1, 0)
    assert split(report.in_talks) == (1, 1, 0, 0, 0)
    assert split(report.supported) == (1, 0, 0, 1, 0)
    assert split(report.launched) == (1, 0, 0, 1, 0)
    assert report.projects_transferred == 1
    assert (report.visitors.total, report.visitors.engagements_without_count) == (12, 0)
    assert adopted(report) == [("bizizmir-dayanisma-noktalari", 1, 1)]
    assert report.adopters_by_province == {"Şanlıurfa": 1}
    assert report.projects_by_theme == {"nutrition": 1, "psychosocial-support": 1}
    assert report.projects_by_target_group == {"low-income": 1}
    assert report.partners_by_type == {**NO_PARTNERS, "university": 1}
    assert figures(report) == [
        ("2025-01", "izmir-bb", "projects-supported", None, "at-least", 1, 1, 0, True),
        ("2025-12-31", "izmir-bb", "municipalities-supported", None, "exact", 1, 1, 0, True),
    ]


def test_every_published_figure_is_checked_in_its_publishers_scope_as_of_its_date(
    histories: Registry,
) -> None:
    report = report_on(histories, "2026-01-01")

    assert figures(report) == [
        ("2025-01", "izmir-bb", "projects-supported", None, "at-least", 1, 1, 0, True),
        ("2025-03-21", "mersin-bb", "municipalities-hosted", None, "exact", 3, 3, 0, True),
        ("2025-03-21", "mersin-bb", "municipalities-in-talks", None, "exact", 2, 1, None, None),
        # "2025-06" is checked as of 2025-06-30: adana-bb and izmir-bb, not (yet) more than 2.
        (
            "2025-06",
            "mersin-bb",
            "municipalities-supported",
            "metropolitan",
            "more-than",
            2,
            2,
            None,
            None,
        ),
        ("2025-06-30", "mersin-bb", "projects-transferred", None, "at-least", 2, 2, 0, True),
        # 28 is within 10% of "approximately 30".
        ("2025-09-30", "mersin-bb", "visitors", None, "approximately", 30, 28, -2, True),
        # İzmir's "1 supported" counts İzmir's transfers only (the whole registry has 5).
        ("2025-12-31", "izmir-bb", "municipalities-supported", None, "exact", 1, 1, 0, True),
        ("2025-12-31", "mersin-bb", "municipalities-transferred-to", None, "exact", 4, 4, 0, True),
    ]
    assert split(report.supported) == (5, 2, 1, 1, 1)


def test_a_figure_published_after_the_day_is_not_shown(histories: Registry) -> None:
    report = report_on(histories, "2025-03-20")
    assert [(f.date, f.metric) for f in report.reported] == [("2025-01", "projects-supported")]


@pytest.mark.parametrize(
    ("qualifier", "value", "recorded", "met"),
    [
        ("exact", 16, 16, True),
        ("exact", 16, 17, False),
        ("exact", 16, 15, False),
        ("at-least", 30, 30, True),
        ("at-least", 30, 31, True),
        ("at-least", 30, 29, False),
        ("more-than", 30, 31, True),
        ("more-than", 30, 30, False),
        ("approximately", 40, 36, True),
        ("approximately", 40, 44, True),
        ("approximately", 40, 35, False),
        ("approximately", 40, 45, False),
        ("approximately", 0, 0, True),
    ],
)
def test_a_qualifier_decides_whether_a_figure_is_met(
    qualifier: str, value: int, recorded: int, met: bool
) -> None:
    assert figure_met(qualifier, value, recorded) is met


def test_an_unknown_owner_is_a_usage_error_with_a_suggestion(histories: Registry) -> None:
    with pytest.raises(UsageError) as caught:
        report_on(histories, "2025-03-21", owner="mersin")

    message = render(caught.value.message, "en")
    assert message == "no municipality 'mersin' (did you mean 'mersin-bb'?)"


def _write_registry(root: Path, projects: dict[str, str], adoptions: dict[str, list[str]]) -> None:
    """Mersin's projects (id -> Turkish name) and who adopted each (id -> district ids)."""
    (root / "data/projects").mkdir(parents=True)
    (root / "data/municipalities").mkdir(parents=True)
    for project_id, name in projects.items():
        (root / f"data/projects/{project_id}.yaml").write_text(
            f"id: {project_id}\nname: {{tr: {name}}}\nowner: mersin-bb\n"
            f"summary: {{tr: {name}.}}\nstatus: unknown\n",
            encoding="utf-8",
        )
    (root / "data/municipalities/mersin-bb.yaml").write_text(
        "id: mersin-bb\nname: Mersin Büyükşehir Belediyesi\nkind: metropolitan\nprovince: 33\n",
        encoding="utf-8",
    )
    adopters = sorted({m for ms in adoptions.values() for m in ms})
    for municipality in adopters:
        transfers = "".join(
            f"  - project: {p}\n    history:\n      - {{stage: presentation, date: '2025-01-10'}}\n"
            for p, ms in adoptions.items()
            if municipality in ms
        )
        (root / f"data/municipalities/{municipality}.yaml").write_text(
            f"id: {municipality}\nname: {municipality.title()} Belediyesi\nkind: district\n"
            f"province: Mersin\ndistrict: {municipality.title()}\ntransfers:\n{transfers}",
            encoding="utf-8",
        )


def test_the_ten_most_adopted_projects_ties_in_turkish_alphabetical_order(tmp_path: Path) -> None:
    names = {
        "p-ilik": "Ilık Su",
        "p-inci": "İnci Evi",
        "p-cam": "Cam Atölyesi",
        "p-camasir": "Çamaşır Kafe",
        "p-saglik": "Sağlık Evi",
        "p-sifa": "Şifa Bahçesi",
        "p-ogrenci": "Öğrenci Evi",
        "p-oda": "Oda Tiyatrosu",
        "p-ucak": "Uçak Kulübü",
        "p-uzum": "Üzüm Bağı",
        "p-zeytin": "Zeytin Evi",
        "p-gida": "Gıda Bankası",
    }
    adoptions = {p: ["tarsus"] for p in names}
    adoptions["p-zeytin"] = ["tarsus", "silifke", "erdemli"]
    adoptions["p-uzum"] = ["tarsus", "silifke"]
    _write_registry(tmp_path, names, adoptions)

    report = compute_report(read_registry(tmp_path), date(2025, 1, 10))

    assert [(p.name_tr, p.adopters) for p in report.most_adopted_projects] == [
        ("Zeytin Evi", 3),
        ("Üzüm Bağı", 2),
        ("Cam Atölyesi", 1),
        ("Çamaşır Kafe", 1),
        ("Gıda Bankası", 1),
        ("Ilık Su", 1),
        ("İnci Evi", 1),
        ("Oda Tiyatrosu", 1),
        ("Öğrenci Evi", 1),
        ("Sağlık Evi", 1),
    ]
    assert report.projects_transferred == 12
    assert split(report.supported) == (3, 0, 0, 3, 0)
    # The day before, nothing had been presented.
    assert compute_report(read_registry(tmp_path), date(2025, 1, 9)).most_adopted_projects == ()
