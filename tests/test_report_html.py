"""`spo report --format html`: one self-contained page for a council memo, read as a user would.

The page of a copy of `tests/registries/report-histories` is checked for what it shows without a
browser (figures, statuses, sources, map markers per municipality with their colour, chart bars,
both languages, --as-of and --owner) and that it fetches nothing; then it is rendered in headless
Chromium, when one is installed, and the rendered page is checked for the same things.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import REGISTRIES, run_spo

DAY = "2025-06-30"


@pytest.fixture
def histories(tmp_path: Path) -> Path:
    root = tmp_path / "report-histories"
    shutil.copytree(REGISTRIES / "report-histories", root)
    return root


class Page(HTMLParser):
    """The elements of a page with their attributes and the text inside each."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str], list[str]]] = []
        self._open: list[list[str]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        texts: list[str] = []
        self.elements.append((tag, {k: v or "" for k, v in attrs}, texts))
        if tag not in ("meta", "br", "img", "input", "link"):
            self._open.append(texts)

    def handle_endtag(self, tag: str) -> None:
        if self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for texts in self._open:
            texts.append(data)

    def having(self, css: str, tag: str | None = None) -> list[tuple[dict[str, str], str]]:
        """Elements whose class list holds `css`, with their text (its pieces one space apart)."""
        return [
            (attrs, re.sub(r"\s+", " ", " ".join(texts)).strip())
            for name, attrs, texts in self.elements
            if css in attrs.get("class", "").split() and tag in (None, name)
        ]

    def text(self) -> str:
        return " ".join(" ".join(t) for _, _, t in self.elements if t)


def page_of(root: Path, *args: str) -> tuple[str, Page]:
    run = run_spo("--root", str(root), "report", "--format", "html", *args)
    assert (run.exit_code, run.stderr) == (0, "")
    return run.stdout, Page(run.stdout)


def cards(page: Page) -> dict[str, str]:
    return {
        attrs["data-figure"]: re.sub(r"\s+", " ", text).strip()
        for attrs, text in page.having("card")
    }


def markers(page: Page) -> dict[str, str]:
    """Each municipality's map dot: its relation, from its colour class."""
    found = {}
    for attrs, _ in page.having("marker", "circle"):
        if "data-id" in attrs:
            (relation,) = [c[4:] for c in attrs["class"].split() if c.startswith("rel-")]
            found[attrs["data-id"]] = relation
    return found


def test_the_page_shows_the_headline_figures_and_each_published_figure_with_its_status(
    histories: Path,
) -> None:
    text, page = page_of(histories, "--as-of", DAY)

    assert text.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert page.having("card") and cards(page) == {
        "hosted": "5 Hosted (study visit)",
        "in_talks": "2 In talks",
        "supported": "5 Supported (presentation or later)",
        "launched": "0 With a launched service",
        "projects_transferred": "3 Projects transferred",
        "visitors": "40 Visitors 1 engagement without a participant count",
    }
    rows = [
        [re.sub(r"\s+", " ", cell) for cell in texts]
        for name, attrs, texts in page.elements
        if name == "tr" and attrs.get("class", "").startswith("status-")
    ]
    statuses = [(a["class"], t) for a, t in page.having("status", "span")]
    assert statuses == [
        ("status status-met", "met"),
        ("status status-met", "met"),
        ("status status-partly-recorded", "partly recorded"),
        ("status status-partly-recorded", "partly recorded"),
        ("status status-met", "met"),
    ]
    assert len(rows) == 5
    sources = [a["href"] for name, a, _ in page.elements if name == "a"]
    assert sources == [
        "https://example.org/izmir/3",
        "https://example.org/mersin/1",
        "https://example.org/mersin/3",
        "https://example.org/mersin/4",
        "https://example.org/mersin/4",
    ]
    assert "Mersin Gündem, Sosyal Politika Turu, 2025-03-21" in text


def test_the_map_places_every_municipality_coloured_by_its_relation(histories: Path) -> None:
    _, page = page_of(histories, "--as-of", DAY)

    assert markers(page) == {
        "adana-bb": "supported",
        "artvin": "supported",
        "canakkale-lapseki-cardak": "supported",
        "istanbul-uskudar": "in_talks",
        "izmir-bb": "supported",
        "mersin-bb": "in_talks",
        "sanliurfa-karakopru": "supported",
    }
    provinces = {int(a["data-plate"]): a["class"] for a, _ in page.having("province", "path")}
    assert sorted(provinces) == list(range(1, 82))  # every province, drawn
    assert {plate: css for plate, css in provinces.items() if css != "province"} == {
        1: "province rel-supported",  # Adana
        8: "province rel-supported",  # Artvin
        17: "province rel-supported",  # Çanakkale
        33: "province rel-in_talks",  # Mersin
        34: "province rel-in_talks",  # İstanbul
        35: "province rel-supported",  # İzmir
        63: "province rel-supported",  # Şanlıurfa
    }
    legend = [re.sub(r"\s+", " ", t).strip() for _, t in page.having("legend", "ul")]
    assert legend[0] == (  # the headline's counts: Mersin and Üsküdar were hosted, too
        "Hosted (study visit) 5 In talks 2 Supported (presentation or later) 5 "
        "With a launched service 0 In the registry, not yet counted 0"
    )


def test_before_anything_happened_every_municipality_is_grey(histories: Path) -> None:
    _, page = page_of(histories, "--as-of", "2020-01-01")

    assert set(markers(page).values()) == {"none"}
    assert len(markers(page)) == 7
    assert cards(page)["hosted"] == "— Hosted (study visit)"  # nothing recorded, not 0


def test_the_charts_draw_transfers_by_stage_and_visits_and_stages_per_year(
    histories: Path,
) -> None:
    _, page = page_of(histories, "--as-of", DAY)

    bars = [
        (a["class"], int(a["data-count"]))
        for a, _ in page.having("bar", "rect")
        if "data-year" not in a
    ]
    assert bars == [
        ("bar stage-inquiry", 3),
        ("bar stage-study-visit", 0),
        ("bar stage-presentation", 1),
        ("bar stage-planning-support", 1),
        ("bar stage-implementation-support", 1),
        ("bar stage-launched", 0),
        ("bar stage-paused", 1),
        ("bar stage-dropped", 1),
    ]
    per_year = [
        (a["data-year"], a["class"].split()[1], int(a["data-count"]))
        for a, _ in page.having("bar", "rect")
        if "data-year" in a
    ]
    assert per_year == [
        ("2024", "visits", 2),
        ("2024", "stage-inquiry", 3),
        ("2024", "stage-study-visit", 1),
        ("2024", "stage-presentation", 2),
        ("2024", "stage-implementation-support", 1),
        ("2024", "stage-dropped", 1),
        ("2025", "visits", 2),
        ("2025", "stage-inquiry", 4),
        ("2025", "stage-study-visit", 2),
        ("2025", "stage-presentation", 3),
        ("2025", "stage-planning-support", 1),
        ("2025", "stage-paused", 1),
    ]


def test_the_page_holds_every_table_of_the_terminal_report(histories: Path) -> None:
    _, page = page_of(histories, "--as-of", DAY)

    headings = [t for name, _, texts in page.elements if name == "h3" for t in texts]
    assert headings == [
        "Municipalities",
        "Projects and visitors",
        "Transfers by stage",
        "Most adopted projects",
        "Adopting municipalities by province",
        "Projects by theme",
        "Projects by target group",
        "Partners by type",
    ]


def test_in_turkish_every_word_is_turkish(histories: Path) -> None:
    text, page = page_of(histories, "--as-of", DAY, "--lang", "tr")

    assert '<html lang="tr">' in text
    assert cards(page)["in_talks"] == "2 Görüşme aşamasında"
    assert [t for _, t in page.having("status", "span")][:3] == [
        "karşılanıyor",
        "karşılanıyor",
        "kısmen kayıtlı",
    ]
    for words in ("Öne çıkan rakamlar", "Belediyeler haritada", "Yıllara göre ziyaretler"):
        assert words in text
    for english in ("Headline figures", "Hosted", "Transfers by stage", "met<"):
        assert english not in text


def test_as_of_and_owner_narrow_the_page_as_in_the_terminal(histories: Path) -> None:
    text, page = page_of(histories, "--as-of", "2026-01-01", "--owner", "mersin-bb")

    assert '<body data-as-of="2026-01-01" data-owner="mersin-bb">' in text
    assert "Report as of 2026-01-01" in text
    terminal = run_spo(
        "--root",
        str(histories),
        "report",
        "--as-of",
        "2026-01-01",
        "--owner",
        "mersin-bb",
        "--format",
        "json",
    ).stdout
    assert '"municipalities_supported": ' + cards(page)["supported"].split()[0] in terminal
    assert markers(page) == {  # only Mersin's projects count: İzmir's adopters are grey
        "adana-bb": "supported",
        "artvin": "supported",
        "canakkale-lapseki-cardak": "launched",
        "istanbul-uskudar": "in_talks",
        "izmir-bb": "supported",
        "mersin-bb": "none",
        "sanliurfa-karakopru": "none",
    }
    _, everyone = page_of(histories, "--as-of", "2026-01-01")
    assert markers(everyone)["sanliurfa-karakopru"] == "launched"


def test_the_page_fetches_nothing(histories: Path) -> None:
    text, page = page_of(histories, "--as-of", DAY)

    assert not [a for _, a, _ in page.elements if "src" in a]
    assert [name for name, _, _ in page.elements if name in ("script", "link", "iframe")] == []
    links = [(name, a["href"]) for name, a, _ in page.elements if "href" in a]
    # only the sources' own addresses, as links in the text of the figures table
    assert links and all(
        name == "a" and href.startswith("https://example.org/") for name, href in links
    )
    assert "url(" not in text and "@import" not in text
    assert "@media print" in text and "size: A4" in text


def test_names_are_escaped(histories: Path) -> None:
    file = histories / "data" / "municipalities" / "artvin.yaml"
    file.write_text(
        re.sub(r"(?m)^name: .*$", 'name: "Artvin <b>&</b> Belediyesi"', file.read_text("utf-8")),
        encoding="utf-8",
    )

    text, _ = page_of(histories, "--as-of", DAY)

    assert "Artvin &lt;b&gt;&amp;&lt;/b&gt; Belediyesi" in text
    assert "<b>" not in text


def test_dash_o_writes_the_same_page_to_a_file_and_nothing_else(
    histories: Path, tmp_path: Path
) -> None:
    out = tmp_path / "memo.html"
    out.write_text("old", encoding="utf-8")
    printed, _ = page_of(histories, "--as-of", DAY)

    run = run_spo(
        "--root", str(histories), "report", "--as-of", DAY, "--format", "html", "-o", str(out),
        "--force",
    )  # fmt: skip

    assert (run.exit_code, run.stdout, run.stderr) == (0, "", "")
    assert out.read_text(encoding="utf-8") == printed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.html", "report-histories"]


def test_dash_o_into_a_missing_folder_says_so_and_writes_nothing(
    histories: Path, tmp_path: Path
) -> None:
    out = tmp_path / "missing" / "memo.html"

    run = run_spo("--root", str(histories), "report", "--format", "html", "-o", str(out))

    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == f"spo: cannot write {out}: there is no folder {out.parent}\n"
    assert not out.parent.exists()


def test_dash_o_does_not_go_with_explain(histories: Path, tmp_path: Path) -> None:
    run = run_spo(
        "--root", str(histories), "report", "--explain", "visitors", "-o", str(tmp_path / "x.html")
    )

    assert run.exit_code == 2
    assert "--explain" in run.stderr
    assert not (tmp_path / "x.html").exists()


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(chromium() is None, reason="no chromium or chromium-browser installed")
def test_headless_chromium_renders_the_map_the_charts_and_the_figures(
    histories: Path, tmp_path: Path
) -> None:
    page_file = tmp_path / "report.html"
    run = run_spo(
        "--root", str(histories), "report", "--as-of", DAY, "--format", "html", "-o", str(page_file)
    )
    assert run.exit_code == 0
    browser = [
        chromium() or "",
        "--headless",
        "--disable-gpu",
        "--no-sandbox",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1200,2000",
    ]

    dom = subprocess.run(
        [*browser, "--dump-dom", page_file.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    shot = tmp_path / "report.png"
    subprocess.run(
        [*browser, f"--screenshot={shot}", page_file.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )

    pdf = tmp_path / "report.pdf"
    subprocess.run(
        [*browser, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page_file.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )

    rendered = Page(dom)
    assert markers(rendered)["istanbul-uskudar"] == "in_talks"
    assert len(markers(rendered)) == 7
    assert len(rendered.having("province", "path")) == 81
    assert len(rendered.having("chart", "svg")) == 2
    assert cards(rendered)["visitors"].startswith("40 Visitors")
    assert [t for _, t in rendered.having("status", "span")].count("partly recorded") == 2
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    # printed on A4 (595 x 842 points), on more than one page
    boxes = re.findall(rb"/MediaBox\s*\[0 0 (\d+)\.?\d* (\d+)\.?\d*\]", pdf.read_bytes())
    assert len(boxes) > 1 and set(boxes) == {(b"594", b"841")}


def test_a_municipality_running_an_office_is_ringed_on_the_map(registry_copy) -> None:
    _, page = page_of(registry_copy("views"), "--as-of", "2026-01-01")

    ringed = [a["data-id"] for a, _ in page.having("office", "circle") if "data-id" in a]
    assert ringed == ["mersin-bb"]
    assert [t for _, t in page.having("office", "p")][0].startswith(
        "Sosyal Politikalar Ofisi (Mersin Büyükşehir Belediyesi) · opened: by 2024-10-17"
    )
    assert "Municipality running the office (ringed)" in page.text()


@pytest.mark.parametrize("fmt", ["markdown", "json", "table"])
def test_dash_o_writes_every_format_as_it_would_print(
    histories: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"report.{fmt}"
    args = ("--root", str(histories), "report", "--as-of", DAY, "--format", fmt)

    printed = run_spo(*args)
    written = run_spo(*args, "--output", str(out))

    assert (written.exit_code, written.stdout, written.stderr) == (0, "", "")
    assert out.read_text(encoding="utf-8") == printed.stdout
