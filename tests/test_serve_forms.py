"""`spo serve`'s forms, filled in as a person would: one mistake, said next to its field in the
page's language with everything typed kept; fixed, the record is written exactly as the command
line writes it with the same answers, and it joins the pending change. Exact HTML fragments,
through Starlette's test client, on a registry in a git repository of the test's own."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

# First: without the web extra, importing tests.web_registry skips the module.
from tests.web_registry import client, write_registry

# isort: split
from starlette.testclient import TestClient

from spo.api import Registry
from spo.cli.web.record_forms import FORMS
from tests.conftest import run_spo
from tests.diff_history import commit, init

__all__ = ["client"]  # the fixture, a browser on this module's `registry`

ARTVIN = "data/municipalities/artvin.yaml"
MERSIN = "data/municipalities/mersin-bb.yaml"
HOSTILE = ("<script>alert(1)</script>", '"><img src=x onerror=alert(2)>')


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    root = write_registry(tmp_path / "registry")
    init(root)
    commit(root, "The registry")
    return root


@pytest.fixture
def twin(registry: Path, tmp_path: Path) -> Path:
    """A copy of the registry as it was, for the command line to write the same record in."""
    return Path(shutil.copytree(registry, tmp_path / "twin"))


def csrf(client: TestClient, form: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get(f"/record/{form}").text)
    assert found
    return found.group(1)


def post(client: TestClient, form: str, fields: dict[str, object], query: str = ""):
    data = {"csrf": csrf(client, form), **fields}
    return client.post(f"/record/{form}{query}", data=data, follow_redirects=False)


def cli(root: Path, *args: str) -> None:
    run = run_spo("--root", str(root), *args)
    assert run.exit_code == 0, run.stderr


def same_bytes(registry: Path, twin: Path, path: str) -> None:
    assert (registry / path).read_bytes() == (twin / path).read_bytes()


NOTICE = '<p class="notice" role="status">Kaydedildi — bekleyen değişikliğe eklendi</p>'


def saved(client: TestClient, response, where: str) -> None:
    """The write was accepted: the browser is sent to the record's page, which says so, once
    (tests/test_serve_form_saved.py)."""
    assert response.status_code == 303
    assert response.headers["location"] == where
    page = client.get(response.headers["location"])
    assert NOTICE in page.text


def pending(registry: Path) -> list[str]:
    return [f.path for f in Registry(registry).pending().files]


# --- a study visit ------------------------------------------------------------------------------

VISIT = {
    "visitor": "artvin",
    "host": "mersin bb",
    "kind": "Toplantı",  # a label, as typed: the select's value is the same thing
    "date": "31.02.2026",
    "participants": "12",
    "note": "Ofis gezildi.",
    "source": "https://example.org/ziyaret",
}


def test_a_visit_with_a_date_that_is_no_day_is_kept_and_said_next_to_the_date(
    client, registry
) -> None:
    before = (registry / ARTVIN).read_bytes()

    page = post(client, "engagement", VISIT)

    assert page.status_code == 200
    error = "&#39;31.02.2026&#39; gerçek bir tarih değil (2026-02 ayı 28 gün çeker)"
    assert f'<p class="field-error" id="f-date-error">{error}</p>' in page.text
    assert (
        '<input id="f-date" name="date" type="text" value="31.02.2026" '
        'aria-describedby="f-date-error f-date-hint" aria-invalid="true" aria-required="true">'
    ) in page.text
    assert f'<li><a href="#f-date">Tarih: {error}</a></li>' in page.text
    assert 'name="visitor" type="text" value="artvin"' in page.text
    assert 'name="host" type="text" value="mersin bb"' in page.text
    assert '<option value="meeting" selected>Toplantı</option>' in page.text
    assert 'name="participants" type="text" value="12"' in page.text
    assert '<textarea id="f-note" name="note" rows="3">Ofis gezildi.</textarea>' in page.text
    assert 'name="source" type="url" value="https://example.org/ziyaret"' in page.text
    assert (registry / ARTVIN).read_bytes() == before
    assert pending(registry) == []


def test_the_same_mistake_in_english(client) -> None:
    page = post(client, "engagement", VISIT, "?lang=en")

    error = "&#39;31.02.2026&#39; is not a real date (2026-02 has 28 days)"
    assert f'<p class="field-error" id="f-date-error">{error}</p>' in page.text
    assert f'<li><a href="#f-date">Date: {error}</a></li>' in page.text
    assert '<h2 id="error-summary-title">Not saved: fix the fields below</h2>' in page.text


def test_a_name_that_could_be_several_lists_them(client, registry) -> None:
    mezitli = registry / "data" / "municipalities" / "mersin-mezitli.yaml"
    mezitli.write_text(
        "id: mersin-mezitli\nname: Mezitli Belediyesi\nkind: district\nprovince: Mersin\n"
        "district: Mezitli\n",
        encoding="utf-8",
    )

    page = post(client, "engagement", {**VISIT, "host": "me", "date": "05.12.2026"})

    error = page.text.split('<p class="field-error" id="f-host-error">')[1].split("</p>")[0]
    assert error.startswith("&#39;me&#39; birden çok belediye olabilir: ")
    assert "(mersin-bb)" in error and "Mezitli Belediyesi (mersin-mezitli)" in error


def test_personal_data_in_a_note_is_refused_next_to_the_note(client) -> None:
    page = post(client, "engagement", {**VISIT, "date": "05.12.2026", "note": "Tel 0532 111 22 33"})

    assert (
        '<p class="field-error" id="f-note-error">not alanında bir telefon numarası var; '
        "kişisel veri kamuya açık bir kayıtta yer alamaz</p>"
    ) in page.text
    assert ">Tel 0532 111 22 33</textarea>" in page.text


def test_an_unknown_host_is_said_with_the_closest_name(client) -> None:
    page = post(client, "engagement", {**VISIT, "host": "mersinn bb", "date": "05.12.2026"})

    assert page.status_code == 200
    assert (
        '<p class="field-error" id="f-host-error">kimliği ya da adı &#39;mersinn bb&#39; olan '
        "belediye yok (şunu mu demek istediniz: &#39;mersin-bb&#39;?)</p>"
    ) in page.text
    assert 'aria-describedby="f-host-error f-host-hint" aria-invalid="true"' in page.text
    assert "f-date-error" not in page.text


def test_the_visit_fixed_is_written_as_spo_engagement_add_writes_it(client, registry, twin) -> None:
    post(client, "engagement", VISIT)

    response = post(client, "engagement", {**VISIT, "date": "05.12.2026"})

    saved(client, response, "/municipalities/artvin")
    cli(
        twin, "engagement", "add", "--to", "artvin", "--host", "mersin-bb", "--kind", "meeting",
        "--date", "2026-12-05", "--participants", "12", "--note", "Ofis gezildi.",
        "--source", "https://example.org/ziyaret",
    )  # fmt: skip
    same_bytes(registry, twin, ARTVIN)
    assert pending(registry) == [ARTVIN]


def test_a_preview_shows_the_numbered_lines_and_writes_nothing(client, registry) -> None:
    before = (registry / ARTVIN).read_bytes()

    page = post(client, "engagement", {**VISIT, "date": "05.12.2026", "preview": "1"})

    assert page.status_code == 200
    assert '<span class="line-number">11</span>   - kind: meeting' in page.text
    assert '<span class="line-number">13</span>     date: &#34;2026-12-05&#34;' in page.text
    assert (registry / ARTVIN).read_bytes() == before


# --- a transfer stage ---------------------------------------------------------------------------

STAGE = {
    "project": "mahalle mutfaklari",
    "municipality": "artvin",
    "stage": "study-visit",
    "date": "01.10.2024",
    "note": "Mutfak gezildi.",
}


def test_a_stage_out_of_the_history_s_order_is_refused_at_the_top_with_the_form_kept(
    client, registry
) -> None:
    page = post(client, "stage", STAGE)

    assert page.status_code == 200
    assert (
        '<p class="error" role="alert" id="refused">Kaydedilmedi: '
        "data/municipalities/artvin.yaml dosyasına hiçbir şey yazılmadı: "
    ) in page.text
    assert (
        "2024-10-01 tarihli &#39;Yerinde inceleme&#39; aşaması, daha önceki &#39;Görüşme&#39; "
        "aşamasından (2024-11) önce olur</p>"
    ) in page.text
    assert 'name="date" type="text" value="01.10.2024"' in page.text
    assert '<option value="study-visit" selected>' in page.text
    assert pending(registry) == []


def test_the_stage_fixed_is_written_as_spo_transfer_add_writes_it(client, registry, twin) -> None:
    response = post(client, "stage", {**STAGE, "stage": "planning-support", "date": "1 Mart 2025"})

    saved(client, response, "/municipalities/artvin")
    cli(
        twin, "transfer", "add", "--project", "mahalle-mutfaklari", "--to", "artvin",
        "--stage", "planning-support", "--date", "2025-03-01", "--note", "Mutfak gezildi.",
    )  # fmt: skip
    same_bytes(registry, twin, ARTVIN)
    assert pending(registry) == [ARTVIN]


# --- a new municipality -------------------------------------------------------------------------

PLACE = {"province": "Mersin", "district": "Tarsuss", "source": "https://example.org/tarsus"}


def test_a_district_not_in_the_tables_is_said_with_the_closest(client) -> None:
    page = post(client, "municipality", PLACE)

    assert (
        '<p class="field-error" id="f-district-error">Mersin ilinde &#39;Tarsuss&#39; adında bir '
        "ilçe yok (şunu mu demek istediniz: &#39;Tarsus&#39;?)</p>"
    ) in page.text
    assert 'name="province" type="text" value="Mersin"' in page.text


def test_the_municipality_fixed_is_written_as_spo_municipality_new_writes_it(
    client, registry, twin
) -> None:
    response = post(client, "municipality", {**PLACE, "district": "tarsus"})

    saved(client, response, "/municipalities/mersin-tarsus")
    assert '<span class="number">3</span> belediye</a>' in client.get("/").text
    cli(
        twin, "municipality", "new", "--province", "Mersin", "--district", "tarsus",
        "--source", "https://example.org/tarsus",
    )  # fmt: skip
    same_bytes(registry, twin, "data/municipalities/mersin-tarsus.yaml")
    same_bytes(registry, twin, "schemas/municipality.schema.json")  # written with it, as there
    assert pending(registry) == [
        "data/municipalities/mersin-tarsus.yaml",
        "schemas/municipality.schema.json",
    ]


def test_a_municipality_recorded_already_is_refused_at_the_top(client) -> None:
    page = post(client, "municipality", {"province": "Mersin"})

    assert page.status_code == 200
    assert (
        '<p class="error" role="alert" id="refused">Kaydedilmedi: '
        "data/municipalities/mersin-bb.yaml oluşturulmadı: dosya zaten var; "
        "spo bir kaydın üzerine asla yazmaz (dosyayı düzenleyin)</p>"
    ) in page.text


# --- a new project ------------------------------------------------------------------------------

PROJECT = {
    "name": "Mahalle Mutfakları",
    "owner": "mersin bb",
    "summary": "Yaşlılara evde destek.",
    "status": "active",
    "themes": ["social-care", "health"],
    "source": "https://example.org/proje",
}


def test_a_project_whose_id_is_taken_and_whose_status_has_no_day(client) -> None:
    page = post(client, "project", PROJECT)

    assert (
        '<p class="field-error" id="f-name-error">&#39;mahalle-mutfaklari&#39; kimlikli bir proje '
        "zaten var; yeni projeye başka bir ad verin</p>"
    ) in page.text
    needed = "Bu alan boş bırakılamaz; bir değer yazın"
    assert f'<p class="field-error" id="f-status_as_of-error">{needed}</p>' in page.text
    assert f'<p class="field-error" id="f-status_source-error">{needed}</p>' in page.text
    assert '<input type="checkbox" name="themes" value="health" checked> Sağlık' in page.text
    assert '<input type="checkbox" name="themes" value="education"> Eğitim' in page.text


def test_the_project_fixed_is_written_as_spo_project_new_writes_it(client, registry, twin) -> None:
    fixed = {
        **PROJECT,
        "name": "Evde Destek",
        "status_as_of": "05.12.2026",
        "status_source": "https://example.org/durum",
    }

    response = post(client, "project", fixed)

    saved(client, response, "/projects/evde-destek")
    cli(
        twin, "project", "new", "--name", "Evde Destek", "--owner", "mersin-bb",
        "--summary", "Yaşlılara evde destek.", "--status", "active",
        "--status-as-of", "2026-12-05", "--status-source", "https://example.org/durum",
        "--theme", "social-care", "--theme", "health", "--source", "https://example.org/proje",
    )  # fmt: skip
    same_bytes(registry, twin, "data/projects/evde-destek.yaml")
    same_bytes(registry, twin, "schemas/project.schema.json")
    assert pending(registry) == ["data/projects/evde-destek.yaml", "schemas/project.schema.json"]


# --- a published figure -------------------------------------------------------------------------

FIGURE = {
    "publisher": "mersin bb",
    "metric": "municipalities-hosted",
    "value": "on altı",
    "qualifier": "as-stated",
    "date": "21.03.2025",
    "source": "https://example.org/rakam",
}


def test_a_figure_in_words_is_refused_next_to_its_value(client) -> None:
    page = post(client, "figure", FIGURE)

    error = "Değer: &#39;on altı&#39; bir sayı değil; 0 ya da daha büyük bir tam sayı yazın"
    assert f'<p class="field-error" id="f-value-error">{error}</p>' in page.text
    assert f'<li><a href="#f-value">{error}</a></li>' in page.text
    assert 'name="value" type="text" value="on altı" inputmode="numeric"' in page.text


def test_the_figure_fixed_is_written_as_spo_figure_add_writes_it(client, registry, twin) -> None:
    response = post(client, "figure", {**FIGURE, "value": "16"})

    saved(client, response, "/municipalities/mersin-bb")
    cli(
        twin, "figure", "add", "--to", "mersin-bb", "--metric", "municipalities-hosted",
        "--value", "16", "--qualifier", "as-stated", "--date", "21.03.2025",
        "--source", "https://example.org/rakam",
    )  # fmt: skip
    same_bytes(registry, twin, MERSIN)
    assert pending(registry) == [MERSIN]


def test_the_same_figure_again_is_refused_at_the_top(client) -> None:
    post(client, "figure", {**FIGURE, "value": "16"})

    page = post(client, "figure", {**FIGURE, "value": "16"})

    assert page.status_code == 200
    assert (
        '<p class="error" role="alert" id="refused">Kaydedilmedi: '
        "data/municipalities/mersin-bb.yaml dosyasına hiçbir şey yazılmadı: "
        "2025-03-21 tarihli &#39;Ağırlanan belediye&#39; rakamı "
        "zaten kayıtlı (11. satır, değeri 16)</p>"
    ) in page.text


# --- one pending change, the pages' links -------------------------------------------------------


def test_two_forms_make_one_pending_change(client, registry) -> None:
    post(client, "engagement", {**VISIT, "date": "05.12.2026"})
    post(client, "figure", {**FIGURE, "value": "16"})

    assert pending(registry) == [ARTVIN, MERSIN]


def test_the_pages_link_to_the_forms(client) -> None:
    home = client.get("/").text
    artvin = client.get("/municipalities/artvin").text

    assert '<li><a href="/record/municipality">Yeni belediye</a></li>' in home
    assert '<li><a href="/record/project">Yeni proje</a></li>' in home
    assert '<li><a href="/record/figure">Yeni rakam</a></li>' in home
    assert '<li><a href="/record/engagement?visitor=artvin">Ziyaret kaydet</a></li>' in artvin
    assert '<li><a href="/record/stage?municipality=artvin">Aşama ekle</a></li>' in artvin
    form = client.get("/record/stage?municipality=artvin").text
    assert 'name="municipality" type="text" value="artvin"' in form
    assert '<label for="f-municipality">Projeyi alan belediye' in form


def test_an_unknown_form_is_a_404_page(client) -> None:
    page = client.get("/record/nothing")

    assert page.status_code == 404
    assert "<h1>Sayfa bulunamadı</h1>" in page.text
    assert 'name="csrf"' not in page.text  # no form for a name that is none


# --- attacks ------------------------------------------------------------------------------------


def test_a_form_without_the_token_is_refused_and_writes_nothing(client, registry) -> None:
    before = (registry / ARTVIN).read_bytes()

    page = client.post("/record/engagement", data={**VISIT, "date": "05.12.2026"})

    assert page.status_code == 403
    assert (registry / ARTVIN).read_bytes() == before


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("hostile", HOSTILE)
def test_script_typed_in_every_field_comes_back_escaped(client, form: str, hostile: str) -> None:
    fields = {f.name: hostile for f in FORMS[form].fields}

    page = post(client, form, fields)

    assert page.status_code == 200
    assert hostile not in page.text
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    escaped = hostile.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert escaped.replace('"', "&#34;") in page.text


def test_a_field_of_100_kb_is_refused_before_it_is_read(client, registry) -> None:
    page = post(client, "engagement", {**VISIT, "note": "x" * 100_000})

    assert page.status_code == 413
    assert pending(registry) == []


# --- a form and the command line at the same moment ---------------------------------------------


def test_forms_and_spo_transfer_add_on_the_same_file_all_land_or_are_refused_cleanly(
    client, registry
) -> None:
    """The command line writes a stage to Artvin's file while the form records visits to the
    same file, one after another until the command has ended: every write the form was told of
    is in the file, the command's too unless it said it was refused, and the file is valid."""
    token = csrf(client, "engagement")
    command = [
        sys.executable, "-m", "spo", "--root", str(registry), "transfer", "add",
        "--project", "mahalle-mutfaklari", "--to", "artvin", "--stage", "planning-support",
        "--date", "2025-03-01",
    ]  # fmt: skip
    terminal = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    answers = []
    while terminal.poll() is None or not answers:
        day = date(2026, 1, 1) + timedelta(days=len(answers))  # each visit a day of its own
        visit = {**VISIT, "date": day.isoformat(), "note": f"Ziyaret {len(answers)}"}
        answers.append(
            client.post("/record/engagement", data={"csrf": token, **visit}, follow_redirects=False)
        )
    _, err = terminal.communicate(timeout=120)

    text = (registry / ARTVIN).read_text(encoding="utf-8")
    assert ("stage: planning-support" in text) == (terminal.returncode == 0), err
    for number, page in enumerate(answers):
        if page.status_code == 303:
            assert f"note: Ziyaret {number}\n" in text
        else:  # refused cleanly: said at the top, the form kept, nothing of it written
            assert page.status_code == 200
            assert 'id="refused">Kaydedilmedi: ' in page.text
            assert f"note: Ziyaret {number}\n" not in text
    assert any(page.status_code == 303 for page in answers)
    assert run_spo("--root", str(registry), "validate").exit_code == 0


# --- a field checked as it is left (static/spo.js) ----------------------------------------------


def check(client: TestClient, form: str, fields: dict[str, object], query: str = ""):
    data = {"csrf": csrf(client, form), **fields}
    return client.post(f"/record/{form}{query}", data=data, headers={"X-Spo-Check": "1"})


def files_of(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not {".git", ".spo-cache"} & set(p.relative_to(root).parts)
    }


def test_a_check_says_each_field_what_the_submit_would_and_writes_nothing(client, registry) -> None:
    before = files_of(registry)

    bad = check(client, "engagement", VISIT)
    english = check(client, "engagement", VISIT, "?lang=en")
    good = check(client, "engagement", {**VISIT, "date": "05.12.2026"})

    assert bad.status_code == 200 and bad.headers["content-type"] == "application/json"
    assert bad.headers["cache-control"] == "no-store"
    assert bad.json()["messages"] == {
        "visitor": None, "host": None, "kind": None,
        "date": "'31.02.2026' gerçek bir tarih değil (2026-02 ayı 28 gün çeker)",
        "participants": None, "note": None, "source": None,
    }  # fmt: skip
    # each field's line: as the summary shows a refused one, as a screen reader hears one fixed
    assert bad.json()["lines"] == {
        "visitor": "Ziyaret eden belediye: düzeltildi",
        "host": "Ev sahibi belediye: düzeltildi",
        "kind": "Tür: düzeltildi",
        "date": "Tarih: '31.02.2026' gerçek bir tarih değil (2026-02 ayı 28 gün çeker)",
        "participants": "Katılımcı sayısı: düzeltildi",
        "note": "Not: düzeltildi",
        "source": "Kaynak (web adresi): düzeltildi",
    }
    assert english.json()["messages"]["date"] == (
        "'31.02.2026' is not a real date (2026-02 has 28 days)"
    )
    assert english.json()["lines"]["date"] == (
        "Date: '31.02.2026' is not a real date (2026-02 has 28 days)"
    )
    assert english.json()["lines"]["host"] == "Host municipality: fixed"
    messages = good.json()["messages"]
    assert messages == dict.fromkeys(messages)  # every field passes
    assert list(messages) == [f.name for f in FORMS["engagement"].fields]  # the fields' order
    # a check stops before the write, even of a form that would be written
    assert files_of(registry) == before
    assert pending(registry) == []


def test_a_check_says_a_missing_field_is_needed(client) -> None:
    answer = check(client, "engagement", {**VISIT, "host": "", "date": "05.12.2026"})

    assert answer.json()["messages"]["host"] == "Bu alan boş bırakılamaz; bir değer yazın"


def test_a_form_that_names_two_records_by_name_reads_the_registry_s_rows_once(
    client, monkeypatch
) -> None:
    """At the national size reading the rows takes half a second: a check of a visit whose
    visitor and host are both typed as names reads them once, and one given ids not at all."""
    import spo.index

    reads: list[str] = []
    original = spo.index.registry_rows

    def counted(*args, **kwargs):
        reads.append("rows")
        return original(*args, **kwargs)

    monkeypatch.setattr(spo.index, "registry_rows", counted)
    by_name = {**VISIT, "visitor": "Artvin Belediyesi", "date": "05.12.2026"}
    named = check(client, "engagement", by_name)
    assert named.json()["messages"]["visitor"] is None and reads == ["rows"]

    reads.clear()
    ids = check(client, "engagement", {**VISIT, "host": "mersin-bb", "date": "05.12.2026"})
    assert ids.json()["messages"] == dict.fromkeys(ids.json()["messages"]) and reads == []


def test_a_check_runs_on_the_reader_thread(client, monkeypatch) -> None:
    from spo.cli.web import record
    from spo.cli.web.reader import on_reader_thread

    threads = []
    original = record.labels

    def labels(*args, **kwargs):
        threads.append(on_reader_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(record, "labels", labels)
    check(client, "engagement", VISIT)

    assert threads and all(threads)  # the form shown for its token, then the check


def test_a_check_without_the_token_is_refused(client, registry) -> None:
    before = files_of(registry)

    answer = client.post(
        "/record/engagement", data={**VISIT, "date": "05.12.2026"}, headers={"X-Spo-Check": "1"}
    )

    assert answer.status_code == 403
    assert files_of(registry) == before
    assert pending(registry) == []


def test_the_forms_load_their_script_which_is_served_as_javascript(client) -> None:
    form = client.get("/record/engagement")
    script = client.get("/static/spo.js")

    assert '<script src="/static/spo.js" defer></script>' in form.text
    assert "script-src 'self'" in form.headers["content-security-policy"]
    assert script.status_code == 200
    assert script.headers["content-type"].startswith("text/javascript")
    assert "X-Spo-Check" in script.text and "innerHTML" not in script.text
    assert "<script>" not in form.text  # nothing inline


def test_a_refused_form_has_a_polite_voice_for_the_script_beside_its_summary(client) -> None:
    """What the script tells a screen reader goes in a polite region there from the start (a
    region added later is not heard); the summary it keeps up to date is the server's own."""
    page = post(client, "engagement", VISIT)

    assert '<p id="form-said" class="visually-hidden" aria-live="polite"></p>' in page.text
    assert (
        '<div class="error-summary" role="alert" aria-labelledby="error-summary-title">'
    ) in page.text
    assert '<p id="form-said"' in client.get("/record/engagement").text
