"""A record's page says it was saved once, right after the form's write sent the browser there:
not on a reload, not in a link shared with a colleague, not on another record's page. The write's
redirect carries a short-lived cookie naming the page, signed by this server (never readable by
a script, never sent by another site, never made by another server of this computer); the page
that says it clears it."""

from __future__ import annotations

from pathlib import Path

# First: without the web extra, importing tests.web_registry (through it) skips the module.
from tests.test_serve_forms import NOTICE, VISIT, client, post, registry

# isort: split
from spo.cli.web.look import saved_mark
from spo.cli.web.settings import Site
from tests.web_registry import browser

__all__ = ["client", "registry"]  # fixtures
DATED = {**VISIT, "date": "05.12.2026"}
ARTVIN_PAGE = "/municipalities/artvin"


def test_the_write_s_redirect_carries_a_short_lived_cookie_for_the_record_s_page(client) -> None:
    response = post(client, "engagement", DATED)

    assert response.status_code == 303
    assert response.headers["location"] == ARTVIN_PAGE  # no ?saved=1 to share or reload
    mark = saved_mark(client.app.state.site, ARTVIN_PAGE)  # the page's path, signed
    assert (
        f"spo_saved={mark}; Path=/; HttpOnly; SameSite=Strict; Max-Age=60"
    ) in response.headers.get_list("set-cookie")


def test_another_server_of_this_computer_cannot_make_a_page_say_it_was_saved(client) -> None:
    """A browser sends this computer's cookies to all its servers, whatever the port, and any
    of them may set one: only the mark this server signed says "saved"."""
    for forged in (ARTVIN_PAGE, "/change", saved_mark(Site.made(Path(".")), ARTVIN_PAGE)):
        client.cookies.set("spo_saved", forged)
        assert 'class="notice"' not in client.get(ARTVIN_PAGE).text
        assert 'class="notice"' not in client.get("/change").text


def test_a_head_request_leaves_the_notice_for_the_page(client) -> None:
    post(client, "engagement", DATED)

    client.head(ARTVIN_PAGE)  # a link preview, a checker: not the person

    assert NOTICE in client.get(ARTVIN_PAGE).text


def test_the_notice_shows_once_and_a_reload_does_not_say_it_again(client) -> None:
    post(client, "engagement", DATED)

    first = client.get(ARTVIN_PAGE)
    reloaded = client.get(ARTVIN_PAGE)

    assert NOTICE in first.text
    assert first.headers["cache-control"] == "no-store"  # not from the cache on a reload either
    cleared = [c for c in first.headers.get_list("set-cookie") if c.startswith("spo_saved=")]
    assert len(cleared) == 1
    assert {"Max-Age=0", "Path=/", "HttpOnly", "SameSite=strict"} <= set(cleared[0].split("; "))
    assert 'class="notice"' not in reloaded.text
    assert "spo_saved" not in client.cookies


def test_the_notice_is_in_the_page_s_language(client) -> None:
    post(client, "engagement", DATED, "?lang=en")

    page = client.get(ARTVIN_PAGE)

    assert '<p class="notice" role="status">Saved — added to the pending change</p>' in page.text


def test_another_record_s_page_does_not_say_it_nor_take_it(client) -> None:
    post(client, "engagement", DATED)

    elsewhere = client.get("/municipalities/mersin-bb")
    artvin = client.get(ARTVIN_PAGE)

    assert 'class="notice"' not in elsewhere.text
    assert NOTICE in artvin.text


def test_a_shared_link_says_nothing_even_one_made_before_the_notice_was_one_time(
    client, registry: Path
) -> None:
    post(client, "engagement", DATED)
    colleague = browser(Site.made(registry))

    shared = colleague.get(ARTVIN_PAGE)
    old_link = colleague.get(f"{ARTVIN_PAGE}?saved=1")

    assert 'class="notice"' not in shared.text
    assert 'class="notice"' not in old_link.text
