"""A field that takes a municipality or a project suggests the registry's names as it is typed
(a `<datalist>`): each record offered by its id, which its check always takes, labelled with its
name in the page's language, in the Turkish alphabet's order, escaped. A registry of more names
than a page should carry (spo.cli.web.suggestions.LIMIT) offers none for that kind; a record
just saved is offered on the next form."""

from __future__ import annotations

from pathlib import Path

import pytest

# First: without the web extra, importing tests.web_registry (through it) skips the module.
from tests.test_serve_forms import client, post, registry

# isort: split
from spo.cli.web import suggestions

__all__ = ["client", "registry"]  # fixtures
MUNICIPALITIES = (
    '<datalist id="names-municipality">\n'
    '<option value="artvin">Artvin Belediyesi</option>\n'
    '<option value="corum">Çorum Belediyesi</option>\n'
    '<option value="mersin-bb">Mersin Büyükşehir Belediyesi &lt;script&gt;alert(1)&lt;/script&gt;'
    "</option>\n"
    "</datalist>\n"
)


@pytest.fixture
def corum(registry: Path) -> Path:
    """Çorum, which the Turkish alphabet puts between Artvin and Mersin (code points: last)."""
    path = registry / "data" / "municipalities" / "corum.yaml"
    path.write_text(
        "id: corum\nname: Çorum Belediyesi\nkind: provincial\nprovince: Çorum\n", encoding="utf-8"
    )
    return registry


def test_a_visit_s_municipalities_suggest_the_registry_s_names(client, corum) -> None:
    page = client.get("/record/engagement?visitor=artvin").text

    assert (
        '<input id="f-visitor" name="visitor" type="text" value="artvin" '
        'list="names-municipality" autocomplete="off" aria-describedby="f-visitor-hint" '
        'aria-required="true">'
    ) in page
    assert 'name="host" type="text" value="" list="names-municipality" autocomplete="off"' in page
    assert MUNICIPALITIES + "</form>" in page  # one list, for both fields
    assert page.count("<datalist") == 1


def test_a_stage_s_project_is_suggested_by_its_english_name_in_english(client) -> None:
    page = client.get("/record/stage?lang=en").text

    assert 'name="project" type="text" value="" list="names-project" autocomplete="off"' in page
    assert (
        '<datalist id="names-project">\n'
        '<option value="mahalle-mutfaklari">Neighbourhood Kitchens</option>\n'
        "</datalist>\n"
    ) in page
    turkish = client.get("/record/stage?lang=tr").text
    assert (
        '<option value="mahalle-mutfaklari">'
        "Mahalle Mutfakları &lt;script&gt;alert(8)&lt;/script&gt;</option>\n"
    ) in turkish


def test_a_form_without_such_a_field_carries_no_list(client) -> None:
    page = client.get("/record/municipality").text

    assert "<datalist" not in page and 'list="' not in page


def test_more_names_than_a_page_should_carry_are_not_offered(client, monkeypatch) -> None:
    monkeypatch.setattr(suggestions, "LIMIT", 1)  # one project, two municipalities

    page = client.get("/record/stage").text

    assert '<datalist id="names-project">' in page
    assert 'name="project" type="text" value="" list="names-project"' in page
    assert "names-municipality" not in page
    assert (
        '<input id="f-municipality" name="municipality" type="text" value="" '
        'aria-describedby="f-municipality-hint" aria-required="true">'
    ) in page


def test_a_municipality_just_saved_is_offered_on_the_next_form(client) -> None:
    assert "mersin-tarsus" not in client.get("/record/engagement").text

    post(client, "municipality", {"province": "Mersin", "district": "tarsus"})

    page = client.get("/record/engagement").text
    assert '<option value="mersin-tarsus">Tarsus Belediyesi</option>\n' in page
