"""The pending change in `spo serve`, as a staff member meets it: the change page (what it does
to each figure, in `spo diff`'s own lines), the banner on every page, "Send for review" with and
without a remote and `gh`, a push refused and tried again, "Discard" putting the files back
exactly, a file edited elsewhere refused and then forced. Through Starlette's test client, with
exact fragments of the HTML."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

# First: without the web extra, importing tests.web_registry skips the module.
from tests.web_registry import browser, write_registry

# isort: split
from spo.api import Registry
from spo.cli.render.diff_views import format_text
from spo.cli.web import change_view
from spo.cli.web.look import csrf_token
from spo.cli.web.settings import Site
from tests.diff_history import commit, git, init
from tests.serve_story import SEYHAN, TODAY, bare_remote, build, fake_gh, visit

BANNER = '<p>1 bekleyen değişiklik — <a href="/change">gözden geçir</a></p>'
LOCAL = (
    "Değişiklik yerel dalda kaldı: <code>{branch}</code>. "
    "Ofisin gözden geçireni bu dalı inceleyecek."
)
PR = "https://github.com/ofis/kayit/pull/7"
PAGES = ("/", "/municipalities", "/projects", "/municipalities/mersin-bb", "/report", "/change",
         "/yok")  # fmt: skip


# No gh of the machine's: a test that wants one puts a fake in tmp_path / "bin", first on PATH.
pytestmark = pytest.mark.usefixtures("git_without_gh")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return build(tmp_path / "registry")


def _token(client) -> str:
    """The session's form token, as every form of its pages carries it."""
    if "spo_session" not in client.cookies:
        client.get("/")
    return csrf_token(client.app.state.site, client.cookies["spo_session"])


def _message(page: str) -> str:
    found = re.search(r"<textarea[^>]*>(.*?)</textarea>", page, re.S)
    assert found
    return html.unescape(found.group(1))


def _send(client, **fields: str):
    page = client.get("/change").text
    return client.post("/change/send", data={"csrf": _token(client), "message": _message(page),
                                             **fields})  # fmt: skip


def _branch(page: str) -> str:
    found = re.search(r"<code>(spo/degisiklik-[0-9-]+)</code>", page)
    assert found
    return found.group(1)


def test_the_change_page_shows_what_the_change_does_to_each_figure(root: Path) -> None:
    visit(Registry(root))
    client = browser(Site.made(root))

    page = client.get("/change").text

    assert "<h1>Bekleyen değişiklik</h1>" in page
    assert "<li>Ağırlanan (yerinde inceleme): 16 → 17 (+1)</li>" in page
    assert "<li>Seyhan Belediyesi (adana-seyhan): eklendi<ul>" in page
    assert (
        "<li>yeni temas: yerinde inceleme ziyareti, ev sahibi Mersin Büyükşehir Belediyesi "
        "(2025-06-01) (kaynak: https://example.org/seyhan/ziyaret)</li>"
    ) in page
    assert f"<li><code>{SEYHAN}</code>: yeni dosya</li>" in page
    assert '<label for="change-message">Değişikliğin açıklaması (commit mesajı)</label>' in page
    message = _message(page)
    assert message.startswith("Yeni belediye: Seyhan Belediyesi (adana-seyhan)\n\nKayıtlar\n")
    assert "\n- Ağırlanan (yerinde inceleme): 16 → 17 (+1)\n" in message
    assert message.endswith("\nspo serve ile gözden geçirmeye gönderildi.\n")
    # Every line `spo diff` prints for the change is on the page, as it prints it.
    text = format_text(Registry(root).pending_diff(), "tr").splitlines()
    assert all(html.escape(line.strip(), quote=True) in page for line in text[2:] if line)

    english = client.get("/change?lang=en").text
    assert "<li>Hosted (study visit): 16 → 17 (+1)</li>" in english
    assert _message(english).startswith("Yeni belediye: Seyhan Belediyesi (adana-seyhan)\n")


def test_the_banner_is_on_every_page_while_a_change_is_pending(root: Path) -> None:
    client = browser(Site.made(root))
    assert "change-banner" not in client.get("/").text
    assert "<p>Bekleyen bir değişiklik yok" in client.get("/change").text

    visit(Registry(root))

    for path in PAGES:
        assert BANNER in client.get(path).text, path
    english = client.get("/?lang=en").text
    assert '<p>1 pending change — <a href="/change">review it</a></p>' in english


def test_every_page_and_the_report_link_to_the_pending_change(root: Path) -> None:
    """The change page is one of the site's links (not only the banner's, which goes when
    nothing is pending): named as the current page when it is open."""
    client = browser(Site.made(root))

    for path in PAGES:
        page = client.get(path).text
        current = ' aria-current="page"' if path == "/change" else ""
        assert f'<li><a href="/change"{current}>Değişiklik</a></li>' in page, path
    assert '<li><a href="/change">Change</a></li>' in client.get("/report?lang=en").text


def test_sent_without_a_remote_the_page_names_the_branch_left_for_the_reviewer(
    root: Path, tmp_path: Path
) -> None:
    head = git(root, "rev-parse", "HEAD").strip()
    registry = Registry(root)
    visit(registry)
    written = (root / SEYHAN).read_bytes()
    client = browser(Site.made(root))

    done = _send(client)

    assert done.status_code == 200
    branch = _branch(done.text)
    assert f'<p role="status">{LOCAL.format(branch=branch)}</p>' in done.text
    assert "push-again" not in done.text  # nothing to try again without a remote
    assert git(root, "rev-list", f"{head}..{branch}").split() == [
        git(root, "rev-parse", branch).strip()
    ]
    log = git(root, "log", "-1", "--format=%B", branch)
    assert log.startswith("Yeni belediye: Seyhan Belediyesi (adana-seyhan)\n")
    assert git(root, "show", f"{branch}:{SEYHAN}").encode() == written
    assert not (root / SEYHAN).exists() and registry.pending().empty
    home = client.get("/").text
    assert BANNER not in home
    assert (
        f"<p>Gözden geçirmeye gönderilen değişiklik ({branch}): "
        '<span class="state state-branch-waiting">dal incelemeyi bekliyor</span></p>'
    ) in home


def test_with_a_remote_and_gh_the_pull_request_is_on_every_page_until_merged(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bare = bare_remote(root, tmp_path / "remote.git")
    state = fake_gh(tmp_path / "bin")
    visit(Registry(root))
    client = browser(Site.made(root))

    done = _send(client)

    assert f'<p role="status">Çekme isteği açıldı: <a href="{PR}">{PR}</a></p>' in done.text
    branch = _branch(done.text)
    assert (
        git(bare, "rev-parse", f"refs/heads/{branch}").strip()
        == git(root, "rev-parse", branch).strip()
    )
    shown = f'<span class="state state-open">inceleniyor</span> — <a href="{PR}">çekme isteği</a>'
    for path in PAGES:
        assert shown in client.get(path).text, path

    state.write_text("MERGED", encoding="utf-8")
    assert shown in client.get("/").text  # gh is asked once a minute, not on every page
    monkeypatch.setattr(change_view, "SENT_SECONDS", 0.0)
    assert '<span class="state state-merged">kabul edildi</span>' in client.get("/").text
    assert "change-banner" not in client.get("/").text  # shown once merged, then gone


def test_a_push_refused_is_said_with_a_button_to_try_again(root: Path, tmp_path: Path) -> None:
    git(root, "remote", "add", "origin", str(tmp_path / "nowhere.git"))
    visit(Registry(root))
    client = browser(Site.made(root))

    done = _send(client)

    branch = _branch(done.text)
    assert "<p>dal gönderilemedi, yerel dalda duruyor</p>" in done.text
    assert '<p class="error" role="alert">dal origin deposuna gönderilemedi: ' in done.text
    assert f'<input type="hidden" name="branch" value="{branch}">' in done.text
    assert '<p><button type="submit">Yeniden dene</button></p>' in done.text

    git(tmp_path, "init", "-q", "--bare", str(tmp_path / "nowhere.git"))
    again = client.post("/change/push-again", data={"csrf": _token(client), "branch": branch})

    assert again.status_code == 200 and 'class="error"' not in again.text
    assert "<p>gh kurulu değil: dal gönderildi, çekme isteğini GitHub&#39;da açın</p>" in again.text
    assert git(tmp_path / "nowhere.git", "rev-parse", f"refs/heads/{branch}").strip()


def test_discard_puts_every_file_back_exactly(root: Path) -> None:
    mersin = root / "data" / "municipalities" / "mersin-bb.yaml"
    before = mersin.read_bytes()
    registry = Registry(root)
    visit(registry)
    with registry.recording() as recording:
        recording.wrote(registry.add_engagement("mersin-bb", "istanbul-bb", "meeting",
                                                date="2025-07-01", today=TODAY))  # fmt: skip
    assert mersin.read_bytes() != before
    client = browser(Site.made(root))

    confirm = client.get("/change/discard").text
    assert f"<li><code>{SEYHAN}</code>: yeni dosya</li>" in confirm
    assert "<li><code>data/municipalities/mersin-bb.yaml</code>: değişti</li>" in confirm
    done = client.post("/change/discard", data={"csrf": _token(client)})

    assert done.status_code == 200
    assert '<p role="status">Şu dosyalar eski hâline döndü:</p>' in done.text
    assert mersin.read_bytes() == before and not (root / SEYHAN).exists()
    assert git(root, "status", "--porcelain") == ""
    assert BANNER not in client.get("/").text


def test_a_file_edited_elsewhere_is_said_and_discarded_only_when_forced(root: Path) -> None:
    registry = Registry(root)
    visit(registry)
    edited = (root / SEYHAN).read_bytes() + b"# elle eklendi\n"
    (root / SEYHAN).write_bytes(edited)
    (root / "notlar.txt").write_text("benim\n", encoding="utf-8")
    client = browser(Site.made(root))

    page = client.get("/change").text
    assert (
        f"<li><code>{SEYHAN}</code>: yeni dosya; buradan kaydedildikten sonra elle ya da komut "
        "satırından değiştirildi</li>"
    ) in page
    assert "<li><code>notlar.txt</code></li>" in page  # another uncommitted change, left alone

    refused = client.post("/change/discard", data={"csrf": _token(client)})
    assert refused.status_code == 409
    assert (
        '<p class="error" role="alert">şu dosyalar son kayıttan sonra elle ya da komut satırından '
        f"değiştirildi: {SEYHAN}; yine de sürdürmek için zorlayın</p>"
    ) in refused.text
    assert '<input type="hidden" name="force" value="1">' in refused.text
    assert '<p><button type="submit">Yine de at</button></p>' in refused.text
    assert (root / SEYHAN).read_bytes() == edited

    forced = client.post("/change/discard", data={"csrf": _token(client), "force": "1"})
    assert forced.status_code == 200 and not (root / SEYHAN).exists()
    assert (root / "notlar.txt").read_text(encoding="utf-8") == "benim\n"


def test_a_file_edited_elsewhere_is_sent_only_when_forced_with_the_message_kept(root: Path) -> None:
    visit(Registry(root))
    (root / SEYHAN).write_bytes((root / SEYHAN).read_bytes() + b"# elle eklendi\n")
    client = browser(Site.made(root))

    refused = client.post(
        "/change/send", data={"csrf": _token(client), "message": "Seyhan\nikinci"}
    )
    assert refused.status_code == 409
    assert '<input type="hidden" name="message" value="Seyhan\nikinci">' in refused.text
    assert '<p><button type="submit">Yine de gönder</button></p>' in refused.text

    forced = client.post("/change/send", data={"csrf": _token(client), "message": "Seyhan\nikinci",
                                                "force": "1"})  # fmt: skip
    branch = _branch(forced.text)
    assert git(root, "log", "-1", "--format=%B", branch) == "Seyhan\nikinci\n\n"


@pytest.mark.parametrize("path", ["/change/send", "/change/discard", "/change/push-again"])
def test_a_post_without_the_token_is_refused_and_changes_nothing(root: Path, path: str) -> None:
    visit(Registry(root))
    written = (root / SEYHAN).read_bytes()
    client = browser(Site.made(root))

    done = client.post(path, data={"message": "Seyhan", "force": "1", "branch": "main"})

    assert done.status_code == 403
    assert (root / SEYHAN).read_bytes() == written
    assert git(root, "branch", "--list").split() == ["*", "main"]


def test_script_in_a_record_s_name_is_shown_escaped_in_the_diff(tmp_path: Path) -> None:
    root = write_registry(tmp_path / "scripts")
    init(root)
    commit(root, "Kayıt")
    registry = Registry(root)
    with registry.recording() as recording:
        recording.wrote(
            registry.add_engagement(
                "artvin", "mersin-bb", "meeting", date="2025-06-01", today=TODAY
            )
        )
    client = browser(Site.made(root))

    page = client.get("/change").text

    assert "ev sahibi Mersin Büyükşehir Belediyesi &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page.lower()


def test_a_registry_outside_git_has_no_change_and_says_why(tmp_path: Path) -> None:
    root = write_registry(tmp_path / "plain")
    client = browser(Site.made(root))

    page = client.get("/change").text

    assert (
        '<p class="error" role="alert">plain bir git deposunda değil: değişiklikleri '
        "incelemeye göndermek için kayıt bir git deposunda olmalı</p>"
    ) in page  # the folder's name: never the server's path (tests/test_review_paths.py)
    assert "change-banner" not in client.get("/").text
