"""`spo serve`'s pages, read as a person would: through Starlette's test client on a registry
written by the test, exact fragments of the HTML in Turkish and in English."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

# First: without the web extra, importing tests.web_registry skips the module.
from tests.web_registry import SCRIPTS, client, registry

# isort: split
from spo.cli.render.report_css import CSS

__all__ = ["client", "registry"]  # fixtures


def test_home_counts_the_records_in_turkish(client) -> None:
    page = client.get("/")

    assert page.status_code == 200
    assert '<html lang="tr">' in page.text
    assert '<span class="number">2</span> belediye</a>' in page.text
    assert '<span class="number">1</span> proje</a>' in page.text
    assert '<a class="skip" href="#main">İçeriğe geç</a>' in page.text
    assert '<main id="main" tabindex="-1">' in page.text


def test_a_municipality_shows_its_name_and_its_transfer_stage_in_both_languages(client) -> None:
    turkish = client.get("/municipalities/artvin")
    english = client.get("/municipalities/artvin?lang=en")

    assert "<h1>Artvin Belediyesi</h1>" in turkish.text
    assert '<span class="stage stage-presentation">Sunum</span>' in turkish.text
    note = "Görüşme &lt;script&gt;alert(7)&lt;/script&gt;"
    assert f"<li>2024-11: Görüşme — {note}</li>" in turkish.text
    assert '<html lang="en">' in english.text
    assert '<span class="stage stage-presentation">Presentation</span>' in english.text
    assert f"<li>2024-11: Inquiry — {note}</li>" in english.text
    assert '<a href="/projects/mahalle-mutfaklari">Neighbourhood Kitchens</a>' in english.text


def test_the_language_chosen_is_kept_for_the_next_pages(client) -> None:
    client.get("/?lang=en")

    page = client.get("/projects")

    assert '<html lang="en">' in page.text
    assert "<h1>Projects</h1>" in page.text
    assert '<a href="/projects?lang=tr" hreflang="tr" lang="tr">Türkçe</a>' in page.text


def test_the_language_switch_keeps_the_search(client) -> None:
    page = client.get("/search?q=mutfak")

    assert '<a href="/search?q=mutfak&amp;lang=en" hreflang="en" lang="en">English</a>' in page.text


def test_a_visit_shows_on_the_host_s_page_too(client) -> None:
    page = client.get("/municipalities/mersin-bb")

    assert 'konuk: <a href="/municipalities/artvin">Artvin Belediyesi</a>' in page.text


def test_the_lists_name_every_record_with_its_labels(client) -> None:
    municipalities = client.get("/municipalities").text
    projects = client.get("/projects?lang=en").text

    assert (
        '<tr><th scope="row"><a href="/municipalities/artvin">Artvin Belediyesi</a></th>'
        '<td>İl</td><td>Artvin</td><td class="num">1</td><td class="num">1</td></tr>'
    ) in municipalities
    assert '<a href="/projects/mahalle-mutfaklari">Neighbourhood Kitchens</a>' in projects
    assert "<td>Active</td>" in projects


@pytest.mark.parametrize("words", ["mersin bb", "MERSIN BB", "Mersin Büyükşehir"])
def test_search_finds_a_municipality_as_people_name_it(client, words: str) -> None:
    page = client.get("/search", params={"q": words})

    assert page.status_code == 200
    named = re.search(r'<p class="named">.*?</p>', page.text, re.S)
    assert named and 'href="/municipalities/mersin-bb"' in named.group()


def test_search_folds_turkish_letters_and_prefixes(client) -> None:
    page = client.get("/search", params={"q": "MUTFAK"})

    assert '<a href="/projects/mahalle-mutfaklari">Mahalle Mutfakları' in page.text
    assert "(proje)" in page.text


def test_search_for_nothing_found_says_so(client) -> None:
    page = client.get("/search", params={"q": "zzzqqq", "lang": "en"})

    assert "Nothing found for &#39;zzzqqq&#39;." in page.text


@pytest.mark.parametrize(
    "path",
    [
        "/municipalities/..%2F..%2Fetc%2Fpasswd",
        "/municipalities/%2Fetc%2Fpasswd",
        "/municipalities/%2E%2E",
        "/projects/..%5C..%5Cwindows",
        "/projects/Mahalle-Mutfaklari",
        "/municipalities/nowhere",
        "/projects/nowhere",
        "/no-such-page",
    ],
)
def test_a_path_that_names_no_record_is_a_404_page_in_the_reader_s_language(
    client, path: str
) -> None:
    turkish = client.get(path)
    english = client.get(path, params={"lang": "en"})

    assert turkish.status_code == english.status_code == 404
    assert "<h1>Sayfa bulunamadı</h1>" in turkish.text
    assert "<h1>Page not found</h1>" in english.text
    assert '<html lang="en">' in english.text


def test_an_unknown_id_is_named_on_its_404_page(client) -> None:
    page = client.get("/municipalities/artvn", params={"lang": "en"})

    assert "no municipality &#39;artvn&#39;" in page.text


def test_contacts_phone_and_e_mail_are_shown_only_when_asked_for(client) -> None:
    shown = client.get("/municipalities/mersin-bb")
    asked = client.get("/municipalities/mersin-bb?contacts=1")

    assert "Sosyal Politikalar Ofisi Sorumlusu" in shown.text
    assert "0324" not in shown.text and "ofis@mersin.bel.tr" not in shown.text
    assert '<a href="/municipalities/mersin-bb?contacts=1#contacts" rel="nofollow">' in shown.text
    assert "telefon: 0324 111 22 33" in asked.text
    assert "e-posta: ofis@mersin.bel.tr" in asked.text
    assert asked.headers["cache-control"] == "no-store"


def test_the_report_is_the_html_report_with_its_map_and_credit(client) -> None:
    page = client.get("/report?as_of=2025-06-01")
    english = client.get("/report?as_of=2025-06-01&lang=en")

    assert page.status_code == 200
    assert '<html lang="tr">' in page.text and '<html lang="en">' in english.text
    assert '<svg class="map"' in page.text
    assert 'class="note credit"' in page.text
    assert '<a href="/municipalities">Belediyeler</a>' in page.text  # the way back
    assert '<a href="/report" aria-current="page">Rapor</a>' in page.text
    digest = base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()
    policy = page.headers["content-security-policy"]
    assert f"style-src 'self' 'sha256-{digest}'; script-src 'none';" in policy
    assert "unsafe-inline" not in policy


def test_the_bar_above_the_report_is_styled_by_the_sites_own_stylesheet(client) -> None:
    """The report's policy allows its own inline stylesheet and this site's files: the bar
    (the links, the banner) gets bar.css, in the report's <head>, and nothing else of the
    site's look reaches the report."""
    page = client.get("/report?as_of=2025-06-01").text
    bar = client.get("/static/bar.css")

    head = page[: page.index("</head>")]
    assert head.endswith('</style>\n<link rel="stylesheet" href="/static/bar.css">\n')
    assert "/static/spo.css" not in page
    assert bar.status_code == 200 and bar.headers["content-type"].startswith("text/css")
    assert '<header class="site-bar">' in page
    rules = [line for line in bar.text.splitlines() if "{" in line and "@media" not in line]
    assert all(line.lstrip().startswith((".site-bar", ".change-banner")) for line in rules)


def test_a_report_of_a_day_that_is_no_date_is_a_page_that_says_so(client) -> None:
    page = client.get("/report?as_of=yesterday-ish")

    assert page.status_code == 404
    assert "<h1>Sayfa bulunamadı</h1>" in page.text


def in_language(path: str, lang: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}lang={lang}"


PAGES = [
    "/municipalities",
    "/municipalities/mersin-bb",
    "/municipalities/mersin-bb?contacts=1",
    "/municipalities/artvin",
    "/projects",
    "/projects/mahalle-mutfaklari",
    "/search?q=mersin",
    "/search?q=<script>alert(0)</script>",
    "/report?as_of=2025-06-01",
    "/report?as_of=2025-06-01&owner=mersin-bb",
]


@pytest.mark.parametrize("lang", ["tr", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_script_in_every_text_field_is_shown_escaped_on_every_page(
    client, path: str, lang: str
) -> None:
    page = client.get(in_language(path, lang))

    assert page.status_code == 200
    assert "<script" not in page.text.lower()
    assert "<img" not in page.text.lower() and "<b>" not in page.text
    shown = set(re.findall(r"&lt;script&gt;alert\((\d+)\)&lt;/script&gt;", page.text))
    assert shown, "the page shows none of the records' text"


def test_every_field_with_script_is_shown_somewhere(client) -> None:
    pages = "".join(client.get(in_language(p, lang)).text for p in PAGES for lang in ("tr", "en"))

    shown = {int(n) for n in re.findall(r"&lt;script&gt;alert\((\d+)\)&lt;/script&gt;", pages)}
    assert shown >= set(range(1, SCRIPTS + 1)) - {4}
    assert "Haber &lt;img src=x onerror=alert(4)&gt;" in pages


def test_the_stylesheet_is_served_and_no_page_styles_inline(client) -> None:
    css = client.get("/static/spo.css")
    page = client.get("/municipalities/artvin")

    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert ' style="' not in page.text and "<style" not in page.text
