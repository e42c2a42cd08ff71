"""Switching language on a form keeps what is typed: the header's link (a GET) would drop it, so
on a form page it points at the form's own language button, which posts the fields to the form's
address with the other language. The form comes back in that language as it was (its messages
too, when it showed them) and nothing is ever written, even when the form would pass."""

from __future__ import annotations

from pathlib import Path

# Without the web extra, importing tests.web_registry (through it) skips the module.
from tests.test_serve_forms import (
    VISIT,
    client,
    csrf,
    files_of,
    pending,
    registry,
)

__all__ = ["client", "registry"]  # fixtures
TO_ENGLISH = (
    '<button type="submit" id="lang-switch" name="relang" value="{value}" '
    'formaction="/record/engagement?lang=en" lang="en" class="secondary">'
    "Switch to English (what you typed stays)</button>"
)
TO_TURKISH = (
    '<button type="submit" id="lang-switch" name="relang" value="{value}" '
    'formaction="/record/engagement?lang=tr" lang="tr" class="secondary">'
    "Türkçeye geç (yazdıklarınız kalır)</button>"
)
KEPT = (
    'name="visitor" type="text" value="artvin"',
    'name="host" type="text" value="mersin bb"',
    '<option value="meeting" selected>Meeting</option>',
    'name="date" type="text" value="31.02.2026"',
    'name="participants" type="text" value="12"',
    '<textarea id="f-note" name="note" rows="3">Ofis gezildi.</textarea>',
    'name="source" type="url" value="https://example.org/ziyaret"',
)


def switch(client, fields: dict[str, object], to: str, value: str):
    """The form's language button pressed: the fields as typed, posted with the other language."""
    data = {"csrf": csrf(client, "engagement"), **fields, "relang": value}
    return client.post(f"/record/engagement?lang={to}", data=data, follow_redirects=False)


def test_a_form_page_s_header_points_at_the_form_s_language_button(client) -> None:
    form = client.get("/record/engagement").text
    other = client.get("/municipalities/artvin").text

    assert '<p class="lang"><a href="#lang-switch" lang="en">English</a></p>' in form
    assert TO_ENGLISH.format(value="keep") in form
    # Enter in a field presses the form's first button: Save, never the language switch
    buttons = form.split('<p class="buttons">')[1]
    assert buttons.startswith('<button type="submit">Kaydet</button> ')
    assert form.count('type="submit"') == 4  # the search box's, then Save, Preview, the switch
    assert (
        '<p class="lang"><a href="/municipalities/artvin?lang=en" hreflang="en" lang="en">'
        "English</a></p>"
    ) in other  # the other pages keep their link


def test_a_refused_form_switched_to_english_keeps_everything_and_says_its_messages_in_english(
    client, registry: Path
) -> None:
    refused = client.post(
        "/record/engagement", data={"csrf": csrf(client, "engagement"), **VISIT}
    ).text
    assert TO_ENGLISH.format(value="fix") in refused  # a form showing messages asks for them
    before = files_of(registry)

    page = switch(client, VISIT, "en", "fix")

    assert page.status_code == 200
    assert '<html lang="en">' in page.text
    error = "&#39;31.02.2026&#39; is not a real date (2026-02 has 28 days)"
    assert f'<p class="field-error" id="f-date-error">{error}</p>' in page.text
    assert f'<li><a href="#f-date">Date: {error}</a></li>' in page.text
    for fragment in KEPT:
        assert fragment in page.text
    # the keyboard stays on the button it pressed (not thrown back to the top of the page)
    assert TO_TURKISH.format(value="fix").replace('">', '" autofocus>', 1) in page.text
    assert "autofocus" not in refused
    assert "spo_lang=en; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000" in (
        page.headers.get_list("set-cookie")
    )
    assert files_of(registry) == before
    assert pending(registry) == []


def test_a_half_filled_form_switched_keeps_what_is_typed_and_is_not_told_what_it_lacks(
    client,
) -> None:
    page = switch(client, {"visitor": "artvin", "date": "", "kind": ""}, "en", "keep")

    assert '<html lang="en">' in page.text and "<h1>Record a visit</h1>" in page.text
    assert 'name="visitor" type="text" value="artvin"' in page.text
    assert 'class="field-error"' not in page.text and "error-summary" not in page.text
    assert TO_TURKISH.format(value="keep").replace('">', '" autofocus>', 1) in page.text


def test_a_language_switch_never_writes_even_a_form_that_would_pass(client, registry) -> None:
    before = files_of(registry)

    for value in ("keep", "fix", "anything"):
        page = switch(client, {**VISIT, "date": "05.12.2026"}, "en", value)
        assert page.status_code == 200
        assert 'name="date" type="text" value="05.12.2026"' in page.text
        assert 'class="field-error"' not in page.text
    back = switch(client, {**VISIT, "date": "05.12.2026", "preview": "1"}, "tr", "keep")

    assert '<html lang="tr">' in back.text and 'class="preview"' not in back.text
    assert files_of(registry) == before
    assert pending(registry) == []
