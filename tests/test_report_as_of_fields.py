"""As-of down to the field: a project's themes and target groups, its partners and an office's
framework count from the day of the source that first gives them, not from the project's (or
office's) first day. Before that day the report shows the project without them; it never dates a
fact earlier than its source.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from spo.query.reading import read_registry
from spo.report.catalogue import Catalogue
from tests.conftest import run_spo
from tests.test_report_backing import MERSIN, WIDE, registry, report_json

LATER = """\
    title: Ev Temelli Hizmetler büyüyor
    date: "2026-01-29"
"""

HOME = f"""\
id: ev-temelli-hizmetler
name: {{tr: Ev Temelli Hizmetler}}
owner: mersin-bb
summary: {{tr: Evde bakım.}}
status: unknown
themes: [social-care, health]
target_groups: [older-people]
field_sources:
  themes:
{LATER}  target_groups:
{LATER}partners:
  - name: Evde Bakım Derneği
    type: ngo
    role: implementer
    source:
      title: Ortaklık duyurusu
      date: "2025-09-01"
  - name: Mersin Üniversitesi
    type: university
    role: supporter
sources:
  - title: Ofis açıldı
    date: "2025-03-21"
"""

FRAMEWORK = """\
office:
  name: Sosyal Politikalar Ofisi
  opened: "2024-10-17"
  framework:
    - Doğumdan Ölüme Belediyecilik
    - Herkes İçin Mersin
  framework_source:
    title: Herkesin Kimsesi
    date: "2025-03-21"
"""


def home_registry(tmp_path: Path) -> Path:
    return registry(
        tmp_path,
        projects={"ev-temelli-hizmetler": HOME},
        municipalities={"mersin-bb": MERSIN + FRAMEWORK},
    )


def catalogue(root: Path, day: str) -> tuple[dict, dict, dict]:
    data = report_json(root, "--as-of", day)
    return data["projects_by_theme"], data["projects_by_target_group"], data["partners_by_type"]


def test_themes_and_target_groups_count_from_the_source_that_gives_them(tmp_path: Path) -> None:
    root = home_registry(tmp_path)

    themes, groups, _ = catalogue(root, "2025-03-22")
    # The project counts (the kitchens' theme is there, and so is the project), but not the
    # home-based services' themes or group: only the 2026 source gives them.
    assert themes == {"nutrition": 1}
    assert "older-people" not in groups

    themes, groups, _ = catalogue(root, "2026-01-29")
    assert themes == {"nutrition": 1, "health": 1, "social-care": 1}
    assert groups["older-people"] == 1


def test_a_partner_counts_from_its_own_source(tmp_path: Path) -> None:
    root = home_registry(tmp_path)

    # Before the partnership's announcement the kitchens' NGO (2024) and the university (no
    # source of its own: it counts with the project) are the partners; the home services' NGO
    # waits for its source's day.
    assert catalogue(root, "2025-08-31")[2] == {
        "ngo": 1,
        "university": 1,
        "public-institution": 0,
        "private-sector": 0,
        "international-organisation": 0,
        "municipality": 0,
    }
    assert catalogue(root, "2025-09-01")[2]["ngo"] == 2


def test_the_framework_heads_the_report_only_from_its_source(tmp_path: Path) -> None:
    root = home_registry(tmp_path)

    def heading(day: str, lang: str) -> str:
        args = ("--root", str(root), "--lang", lang, "report", "--as-of", day)
        return run_spo(*args, env=WIDE).stdout

    assert "Framework" not in heading("2024-12-31", "en")
    assert "Çalışma başlıkları" not in heading("2024-12-31", "tr")
    assert "Sosyal Politikalar Ofisi (Mersin Büyükşehir Belediyesi)" in heading("2024-12-31", "en")
    assert "Framework: Doğumdan Ölüme Belediyecilik; Herkes İçin Mersin" in heading(
        "2025-03-21", "en"
    )
    assert "Çalışma başlıkları: Doğumdan Ölüme Belediyecilik; Herkes İçin Mersin" in heading(
        "2025-03-21", "tr"
    )


REPO = Path(__file__).resolve().parent.parent


def test_the_shipped_home_based_services_wait_for_the_2026_article() -> None:
    """The issue's example, on the shipped registry: the home-based services' themes (health,
    social care, hygiene) and group (older people) are only in the article of 2026-01-29."""
    registry = read_registry(REPO)
    project = registry.projects["ev-temelli-hizmetler"]
    day_after, published = date(2025, 3, 22), date(2026, 1, 29)

    before = Catalogue.of([project], day_after)
    assert before.projects == (project,)  # the project itself is known from 2025-03-21
    assert (before.known(project, "themes"), before.known(project, "target_groups")) == ((), ())
    after = Catalogue.of([project], published)
    assert set(after.known(project, "themes")) == {"health", "social-care", "hygiene"}
    assert after.known(project, "target_groups") == ("older-people",)
