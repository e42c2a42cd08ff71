"""`spo serve` is safe by default: the attacks of issue 26 (a foreign Host header, a post from
another site, a 10 MB body, a page that fails) and the access token for a server that listens
beyond this computer, through Starlette's test client; one real `spo serve` in a subprocess."""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

# First: without the web extra, importing tests.web_registry skips the module.
from tests.web_registry import LOCAL, browser, client, registry

# isort: split
from spo.api import Registry
from spo.cli.web import browse
from spo.cli.web.app import make_app
from spo.cli.web.look import csrf_token
from spo.cli.web.settings import Site
from tests.conftest import run_spo
from tests.diff_history import commit, init
from tests.serve_story import TODAY

__all__ = ["client", "registry"]  # fixtures

SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-resource-policy": "same-origin",  # no other origin's page may use one
}


@pytest.mark.parametrize("path", ["/", "/municipalities/artvin", "/no-such-page", "/report"])
def test_every_response_carries_the_security_headers(client, path: str) -> None:
    page = client.get(path)

    for name, value in SECURITY_HEADERS.items():
        assert page.headers[name] == value
    policy = page.headers["content-security-policy"]
    assert "default-src 'self'" in policy
    # no script but the server's own file (/static/spo.js); the report needs none at all
    assert ("script-src 'none'" if path == "/report" else "script-src 'self'") in policy
    assert "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil"]
)
def test_a_foreign_host_header_is_refused(client, host: str) -> None:
    page = client.get("/", headers={"host": host})

    assert page.status_code == 400
    assert "<h1>Bilinmeyen adres</h1>" in page.text
    assert page.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize(
    "host",
    [
        "[::1]evil.example",  # a name after the address's bracket
        "[::1]:80x",  # a port that is not a number
        "[::1]:8000:1",
        "[127.0.0.1]:8000",  # only an IPv6 address goes in brackets
        "[::1",
        "::1",  # an IPv6 address without its brackets
        "localhost:",  # a colon without a port
        "localhost:abc",
        "localhost:+80",
        "localhost:0",  # no such port
        "localhost:65536",
        "127.0.0.1:8000:1",
        "localhost.",  # the root's dot: not the name the server was given
        "localhost..",
        ".localhost",
        "",
        "local host",
        "localhost :8000",
        "localhost@evil.example",
        "evil.example#localhost",
        "localhost/evil",
    ],
)
def test_a_host_header_that_is_not_a_plain_name_and_port_is_refused(client, host: str) -> None:
    page = client.get("/", headers={"host": host})

    assert page.status_code == 400
    assert "<h1>Bilinmeyen adres</h1>" in page.text


@pytest.mark.parametrize(
    "host",
    ["localhost:8000", "127.0.0.1", "[::1]:8000", "[::1]", "LOCALHOST:8000", "[0:0::1]:9000"],
)
def test_this_computer_s_names_are_welcome(client, host: str) -> None:
    """In any case, and on any port: a tunnel (`ssh -L 9000:localhost:8000`) keeps the
    browser's port in the Host header."""
    page = client.get("/", headers={"host": host})

    assert page.status_code == 200
    assert '<span class="number">2</span> belediye</a>' in page.text


@pytest.mark.parametrize(
    "site,mode,dest",
    [
        ("cross-site", "no-cors", "image"),  # <img src="http://127.0.0.1:8000/change">
        ("cross-site", "no-cors", "script"),
        ("cross-site", "cors", "empty"),  # fetch() from another site's page
        ("cross-site", "navigate", "iframe"),  # (frame-ancestors would blank it anyway)
        ("cross-site", "navigate", "object"),
        ("same-site", "no-cors", "image"),  # another port of this computer is another origin
    ],
)
def test_a_page_another_site_embeds_is_refused(client, site: str, mode: str, dest: str) -> None:
    asked = {"sec-fetch-site": site, "sec-fetch-mode": mode, "sec-fetch-dest": dest}

    page = client.get("/municipalities/artvin", headers=asked)
    head = client.head("/municipalities/artvin", headers=asked)
    english = client.get("/report?lang=en", headers=asked)

    assert page.status_code == head.status_code == english.status_code == 403
    assert "<h1>Başka bir siteden istendi</h1>" in page.text
    assert "Artvin" not in page.text
    assert "<h1>Asked for by another site</h1>" in english.text
    assert (
        '<p class="error" role="alert">This page was asked for from inside another site&#39;s '
        "page (as an image, a script or a frame); it is not sent that way. To open it, follow a "
        "link to it or type its address in the browser&#39;s address bar.</p>"
    ) in english.text
    for name, value in SECURITY_HEADERS.items():
        assert page.headers[name] == value


@pytest.mark.parametrize(
    "site,mode,dest",
    [
        # a person following a link from another site, or typing the address
        ("cross-site", "navigate", "document"),
        ("same-site", "navigate", "document"),
        ("none", "navigate", "document"),
        ("same-origin", "no-cors", "image"),  # the page's own parts
        (None, None, None),  # a browser that says nothing of where a request comes from
    ],
)
def test_a_person_arriving_from_anywhere_gets_the_page(
    client, site: str | None, mode: str | None, dest: str | None
) -> None:
    said = {"sec-fetch-site": site, "sec-fetch-mode": mode, "sec-fetch-dest": dest}
    asked = {name: value for name, value in said.items() if value is not None}

    page = client.get("/municipalities/artvin", headers=asked)

    assert page.status_code == 200
    assert "<h1>Artvin Belediyesi</h1>" in page.text


def test_a_post_without_the_form_token_is_refused(client) -> None:
    client.get("/")  # a session, as a browser would have

    refused = client.post("/", data={"name": "x"})
    forged = client.post("/", data={"csrf": "0" * 64})

    assert refused.status_code == forged.status_code == 403
    assert "<h1>Form gönderilemedi</h1>" in refused.text


def test_a_post_with_the_session_s_token_passes_the_guard(registry: Path) -> None:
    site = Site.made(registry)
    client = browser(site)
    client.get("/")
    token = csrf_token(site, client.cookies["spo_session"])

    passed = client.post("/", data={"csrf": token})

    assert passed.status_code == 405  # past the guard: the home page takes no post
    assert "<h1>Bu istek kabul edilmiyor</h1>" in passed.text


def test_a_token_of_another_session_or_server_is_refused(registry: Path) -> None:
    site = Site.made(registry)
    client = browser(site)
    client.get("/")
    other_server = csrf_token(Site.made(registry), client.cookies["spo_session"])
    other_session = csrf_token(site, "x" * 43)

    for refused in (
        client.post("/", data={"csrf": other_server}),
        client.post("/", data={"csrf": other_session}),
    ):
        assert refused.status_code == 403
        assert "<h1>Form gönderilemedi</h1>" in refused.text


def test_a_cross_site_post_is_refused_even_with_a_token(registry: Path) -> None:
    site = Site.made(registry)
    client = browser(site)
    client.get("/")
    token = csrf_token(site, client.cookies["spo_session"])

    page = client.post("/", data={"csrf": token}, headers={"sec-fetch-site": "cross-site"})

    assert page.status_code == 403
    assert "<h1>Başka bir siteden istendi</h1>" in page.text


@pytest.mark.parametrize("origin", ["http://127.0.0.1:9999", "https://evil.example", "null"])
def test_a_post_from_another_origin_is_refused_even_with_a_token(
    registry: Path, origin: str
) -> None:
    site = Site.made(registry)
    client = browser(site)
    client.get("/")
    token = csrf_token(site, client.cookies["spo_session"])

    refused = client.post("/", data={"csrf": token}, headers={"origin": origin})
    passed = client.post("/", data={"csrf": token}, headers={"origin": LOCAL})

    assert refused.status_code == 403
    assert "<h1>Form gönderilemedi</h1>" in refused.text
    assert passed.status_code == 405  # its own origin: past the guard
    assert "<h1>Bu istek kabul edilmiyor</h1>" in passed.text


def test_the_session_cookie_is_out_of_reach_of_scripts_and_other_sites(client) -> None:
    cookie = client.get("/").headers["set-cookie"]

    assert re.fullmatch(r"spo_session=[\w-]{43}; Path=/; HttpOnly; SameSite=Lax", cookie)


def test_a_10_mb_body_is_refused_by_its_length(client) -> None:
    page = client.post("/", content=b"csrf=" + b"x" * (10 * 1024 * 1024))

    assert page.status_code == 413
    assert "<h1>Gönderilen veri çok büyük</h1>" in page.text


def test_a_10_mb_body_in_chunks_is_refused_once_it_passes_the_limit(registry: Path) -> None:
    """Straight through ASGI, as uvicorn gives a body sent without a Content-Length: the
    refusal comes after the limit, not after 10 MB (a test client would send it all first)."""
    app = make_app(Site.made(registry))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/",
        "raw_path": b"/",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1:8000"), (b"transfer-encoding", b"chunked")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    received: list[int] = []
    sent: list[dict[str, object]] = []

    async def receive() -> dict[str, object]:
        received.append(1)  # 160 × 64 KB = 10 MB
        return {"type": "http.request", "body": b"x" * 65536, "more_body": len(received) < 160}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))

    assert sent[0]["status"] == 413
    assert len(received) == 2  # the second chunk passed 64 KB


def test_a_failing_page_is_an_error_page_without_a_traceback(
    registry: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(request: object) -> None:
        raise RuntimeError("a secret detail")

    monkeypatch.setattr(browse, "home", broken)
    client = browser(Site.made(registry))

    page = client.get("/?lang=en")

    assert page.status_code == 500
    assert "<h1>Something went wrong</h1>" in page.text
    assert "Traceback" not in page.text and "secret" not in page.text
    assert page.headers["x-content-type-options"] == "nosniff"
    said = capsys.readouterr().err
    assert "spo serve: internal error on GET / (RuntimeError: a secret detail)" in said
    assert "Traceback" not in said


# --- no path of the server's disk on a page ------------------------------------------------


def test_a_registry_outside_git_is_named_by_its_folder_not_its_path(registry: Path) -> None:
    page = browser(Site.made(registry)).get("/change?lang=en").text

    assert (
        '<p class="error" role="alert">registry is not in a git repository: sending changes '
        "for review needs the registry in one</p>"
    ) in page
    assert str(registry.parent) not in page


def test_a_damaged_journal_is_named_from_the_repository_s_top(
    registry: Path, plain_git: None
) -> None:
    init(registry)
    commit(registry, "Kayıt")
    journal = registry / ".git" / "spo" / "pending" / "journal.json"
    journal.parent.mkdir(parents=True)
    journal.write_text("{", encoding="utf-8")

    page = browser(Site.made(registry)).get("/change").text

    assert (
        '<p class="error" role="alert">bekleyen değişikliğin kaydı '
        "(.git/spo/pending/journal.json) okunamıyor; dosyaları git ile denetleyin</p>"
    ) in page
    assert str(registry.parent) not in page


# --- the banner of the pending change on the guard's pages --------------------------------

BANNER = '<p>1 bekleyen değişiklik — <a href="/change">gözden geçir</a></p>'


@pytest.fixture
def pending(registry: Path, plain_git: None) -> Path:
    """The test's registry in git, with a visit saved in `spo serve` and not yet sent."""
    init(registry)
    commit(registry, "Kayıt")
    api = Registry(registry)
    with api.recording() as recording:
        recording.wrote(
            api.add_engagement("artvin", "mersin-bb", "meeting", date="2025-06-01", today=TODAY)
        )
    return registry


def test_a_refused_form_and_a_failing_page_show_the_pending_change(
    pending: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asked by someone the server serves: the banner of every page, on its error pages too."""
    monkeypatch.setattr(browse, "home", _broken)
    client = browser(Site.made(pending))

    failing = client.get("/")
    forged = client.post("/", data={"csrf": "0" * 64})
    too_large = client.post("/", content=b"csrf=" + b"x" * (100 * 1024))
    broken = client.post(
        "/", data={"csrf": csrf_token(client.app.state.site, client.cookies["spo_session"]),
                   **{f"a{i}": "1" for i in range(1100)}},
    )  # fmt: skip

    assert [forged.status_code, too_large.status_code, broken.status_code] == [403, 413, 400]
    assert failing.status_code == 500
    for refused in (forged, too_large, broken, failing):
        assert BANNER in refused.text


def test_a_banner_that_fails_leaves_the_error_page_without_it(
    pending: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    client = browser(Site.made(pending))
    client.app.state.banner = _broken

    page = client.get("/")

    assert page.status_code == 500
    assert "<h1>Bir hata oluştu</h1>" in page.text and BANNER not in page.text
    said = capsys.readouterr().err.splitlines()
    assert said == [
        "spo serve: internal error on GET / (RuntimeError: a secret detail)",
        "spo serve: internal error in the banner (RuntimeError: a secret detail)",
    ]


def test_a_request_not_yet_trusted_sees_nothing_of_the_pending_change(pending: Path) -> None:
    """A foreign Host, a page embedded by another site, a browser without the access token, a
    post from another site's page: refused before anything of the registry is read."""
    here = browser(Site.made(pending))
    beyond = browser(Site.made(pending, host="0.0.0.0"), base_url="http://192.168.1.5:8000")
    assert BANNER in here.get("/").text

    foreign = here.get("/", headers={"host": "evil.example"})
    embedded = here.get("/", headers={"sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors"})
    no_token = beyond.get("/")
    posted = here.post("/change/discard", headers={"origin": "http://evil.example"})

    statuses = [r.status_code for r in (foreign, embedded, no_token, posted)]
    assert statuses == [400, 403, 403, 403]
    for refused in (foreign, embedded, no_token, posted):
        assert "bekleyen" not in refused.text and "change-banner" not in refused.text


def _broken(request: object) -> None:
    raise RuntimeError("a secret detail")


# --- listening beyond this computer ---------------------------------------------------------


def test_on_this_computer_no_token_is_asked_for(registry: Path) -> None:
    assert Site.made(registry).token is None
    assert Site.made(registry, host="localhost").token is None
    assert Site.made(registry, host="::1").token is None


def test_beyond_this_computer_a_page_needs_the_token(registry: Path) -> None:
    site = Site.made(registry, host="0.0.0.0", port=8000)
    assert site.token is not None and len(site.token) >= 32
    assert site.address() == f"http://127.0.0.1:8000/?token={site.token}"
    client = browser(site, base_url="http://192.168.1.5:8000")

    assert client.get("/").status_code == 403
    assert "<h1>Erişim anahtarı gerekiyor</h1>" in client.get("/").text
    assert client.get("/?token=wrong").status_code == 403

    opened = client.get(f"/municipalities?lang=en&token={site.token}", follow_redirects=False)

    assert opened.status_code == 303
    assert opened.headers["location"] == "/municipalities?lang=en"  # the token leaves the URL
    access = [c for c in opened.headers.get_list("set-cookie") if c.startswith("spo_access=")]
    assert len(access) == 1 and site.token not in access[0]
    # Lax: a token link opened from a mail or a chat (another site) must still let one in
    assert access[0].endswith("; Path=/; HttpOnly; SameSite=Lax")
    assert client.get("/municipalities").status_code == 200  # the cookie opens every page
    assert client.get("/projects").status_code == 200


def test_on_a_shared_computer_the_token_is_asked_for_on_this_computer_too(
    registry: Path,
) -> None:
    """Every account of a computer reaches its 127.0.0.1: `spo serve --token` for that."""
    site = Site.made(registry, token=True)
    client = browser(site)
    assert site.token is not None
    assert site.address() == f"http://127.0.0.1:8000/?token={site.token}"

    refused = client.get("/?lang=en")
    opened = client.get(f"/?token={site.token}", follow_redirects=False)

    assert refused.status_code == 403
    assert "<h1>Access token needed</h1>" in refused.text
    assert (
        '<p class="error" role="alert">This server&#39;s pages open only with its access token: '
        "open the link spo serve printed when it started.</p>"
    ) in refused.text
    assert opened.status_code == 303
    assert client.get("/municipalities").status_code == 200


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, dict[str, object]]]:
    """`spo serve` runs no server: each application it would have run, with uvicorn's options."""
    import uvicorn

    runs: list[tuple[Any, dict[str, object]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: runs.append((app, options)))
    return runs


@pytest.mark.parametrize(
    "lang,said",
    [
        ("en", "The pages open only through the link above (with its access token); this "
               "computer's other accounts cannot open them without it either. Share it with "
               "no one, and while spo serve runs open no other server of this computer "
               "(another port of 127.0.0.1) in the same browser: a browser sends this "
               "computer's cookies to all of them."),
        ("tr", "Sayfalar yalnızca yukarıdaki bağlantıyla (erişim anahtarıyla) açılır; bu "
               "bilgisayarın başka hesapları da onsuz açamaz. Bağlantıyı kimseyle paylaşmayın; "
               "spo serve çalışırken aynı tarayıcıda bu bilgisayarın başka bir sunucusunu "
               "(127.0.0.1'in başka bir portunu) açmayın: tarayıcı, bu bilgisayarın çerezlerini "
               "hepsine gönderir."),
    ],
)  # fmt: skip
def test_spo_serve_token_prints_the_link_with_its_token(
    registry: Path, started: list[tuple[Any, dict[str, object]]], lang: str, said: str
) -> None:
    run = run_spo("--lang", lang, "serve", str(registry), "--token", "--port", "8123")

    assert run.exit_code == 0 and len(started) == 1
    printed = " ".join(run.stdout.split())
    site = started[0][0].state.site
    assert site.host == "127.0.0.1" and site.token is not None
    assert f"http://127.0.0.1:8123/?token={site.token}" in printed
    assert said in printed


def test_spo_serve_beyond_this_computer_warns_of_the_network_even_with_token(
    registry: Path, started: list[tuple[Any, dict[str, object]]]
) -> None:
    """--token on an address other computers reach: the warning is the network's (share it
    with the people who will use it), not the shared computer's."""
    run = run_spo("--lang", "en", "serve", str(registry), "--host", "0.0.0.0", "--token")

    printed = " ".join(run.stdout.split())
    assert run.exit_code == 0 and len(started) == 1
    assert (
        "This address can be reached from beyond this computer: the pages open only through "
        "the link above (with its access token); share it only with the people who will use it."
    ) in printed
    assert "Share it with no one" not in printed


def test_the_token_of_another_server_opens_nothing(registry: Path) -> None:
    site = Site.made(registry, host="0.0.0.0")
    other = Site.made(registry, host="0.0.0.0")
    client = browser(site, base_url="http://192.168.1.5:8000")

    page = client.get(f"/?token={other.token}", follow_redirects=False)

    assert page.status_code == 403
    assert "<h1>Erişim anahtarı gerekiyor</h1>" in page.text
    assert client.get("/municipalities").status_code == 403  # and no cookie that opens pages


def test_listening_everywhere_takes_addresses_but_not_foreign_names(registry: Path) -> None:
    site = Site.made(registry, host="0.0.0.0")

    assert site.allows_host("192.168.1.5:8000") and site.allows_host("[fe80::1]:8000")
    assert site.allows_host("localhost:8000")
    assert not site.allows_host("evil.example") and not site.allows_host("")
    assert not site.allows_host("192.168.1.5:8000:1") and not site.allows_host("[fe80::1]x")
    assert not site.allows_host("192.168.1.5.") and not site.allows_host("[192.168.1.5]")


def test_listening_on_one_address_takes_that_address_only(registry: Path) -> None:
    site = Site.made(registry, host="192.168.1.5")

    assert site.allows_host("192.168.1.5:8000") and site.allows_host("127.0.0.1")
    assert not site.allows_host("192.168.1.6") and not site.allows_host("evil.example")


def test_an_ipv6_address_given_to_host_is_named_as_a_browser_writes_it(registry: Path) -> None:
    site = Site.made(registry, host="fe80:0:0::1")

    assert site.allows_host("[fe80::1]:8000") and not site.allows_host("[fe80::2]:8000")


# --- the command --------------------------------------------------------------------------


INSTALL = 'pip install "spo-registry[web]==0.1.0"'


@pytest.mark.parametrize(
    "lang,said",
    [
        ("en", "spo serve needs the web packages (starlette, uvicorn not installed); "
               f"install them with: {INSTALL}"),
        ("tr", "spo serve web paketleri olmadan çalışmaz (starlette, uvicorn kurulu değil); "
               f"şununla kurun: {INSTALL}"),
    ],
)  # fmt: skip
def test_without_the_web_extra_serve_says_what_to_install(
    registry: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    from importlib.util import find_spec

    from spo.cli import serve_cmd

    def without(name: str) -> object:
        return None if name in ("starlette", "uvicorn") else find_spec(name)

    monkeypatch.setattr(serve_cmd, "find_spec", without)

    run = run_spo("--lang", lang, "serve", str(registry))

    assert run.exit_code == 2
    assert said in " ".join(run.stderr.split())
    assert "Traceback" not in run.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_spo_serve_starts_a_server_that_answers(registry: Path) -> None:
    port = _free_port()
    env = {**os.environ, "SPO_LANG": "en", "NO_COLOR": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "spo", "serve", str(registry), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        page = None
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as answer:
                    page = answer.read().decode("utf-8")
                break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.1)
        assert page is not None, server.stderr.read() if server.poll() is not None else ""
        assert '<html lang="tr">' in page  # the pages speak Turkish first, whatever the shell
    finally:
        server.terminate()
        out, err = server.communicate(timeout=10)
    assert f"open in a browser at http://127.0.0.1:{port}/" in " ".join(out.split())
    assert "Traceback" not in err


def test_a_form_of_over_a_thousand_fields_is_a_page_not_a_traceback(
    registry: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    site = Site.made(registry)
    client = browser(site)
    client.get("/")
    token = csrf_token(site, client.cookies["spo_session"])

    refused = client.post(
        "/record/engagement", data={"csrf": token, **{f"a{i}": "1" for i in range(1100)}}
    )

    assert refused.status_code == 400
    assert "<h1>Form okunamadı</h1>" in refused.text
    assert "content-security-policy" in refused.headers
    assert "Traceback" not in capfd.readouterr().err


def test_a_path_that_looks_like_another_site_stays_on_this_one(registry: Path) -> None:
    """`//elsewhere.example/x` is a path here, but a browser reads `//host` in a link or a
    redirect as another site: the language switch and the token's redirect keep it here."""
    site = Site.made(registry, host="0.0.0.0", port=8000)
    client = browser(site, base_url="http://192.168.1.5:8000")

    here = "http://192.168.1.5:8000//elsewhere.example/x"  # (the path is "//elsewhere...")
    opened = client.get(f"{here}?token={site.token}", follow_redirects=False)
    assert opened.headers["location"] == "/elsewhere.example/x"
    missing = client.get(here)
    assert 'href="//' not in missing.text
    assert 'href="/elsewhere.example/x?lang=en"' in missing.text


# --- a --host name as a browser writes it -----------------------------------------------------


@pytest.mark.parametrize(
    "host,url",
    [
        # The root's dot: a Host header with it is refused, so the address goes without.
        ("MyHost.Local.", "http://myhost.local:8123/"),
        # A name beyond ASCII: a browser sends it in IDNA's ASCII.
        ("bücher.example", "http://xn--bcher-kva.example:8123/"),
        # A zone is this computer's name for a network card: no Host header carries it, and
        # today's browsers open no address with one.
        ("fe80::1%eth0", "http://[fe80::1]:8123/"),
        ("fe80:0:0::1", "http://[fe80::1]:8123/"),
    ],
)
def test_the_printed_address_of_a_host_opens_the_pages(
    registry: Path, started: list[tuple[Any, dict[str, object]]], host: str, url: str
) -> None:
    """The server listens on `--host` as given; the address it prints is the one a browser
    asks for, and the Host header that browser sends is taken."""
    run = run_spo("--lang", "en", "serve", str(registry), "--host", host, "--port", "8123")

    assert run.exit_code == 0 and len(started) == 1
    app, options = started[0]
    site = app.state.site
    assert options["host"] == host
    assert site.address() == f"{url}?token={site.token}"
    assert f"open in a browser at {url}?token={site.token}" in " ".join(run.stdout.split())
    # The Host header the browser sends for that address (given by hand: Starlette 0.40's
    # test client cannot take an IPv6 address as its base).
    client = browser(site)
    header = {"host": url.removeprefix("http://").rstrip("/")}
    assert client.get("/", headers=header).status_code == 403  # the Host is taken: the token
    opened = client.get(f"/?token={site.token}", headers=header, follow_redirects=False)
    assert opened.status_code == 303 and opened.headers["location"] == "/"
    assert client.get("/", headers=header).status_code == 200  # its cookie opens the pages


@pytest.mark.parametrize(
    "host,header",
    [
        ("MyHost.Local.", "myhost.local:8000"),
        ("MyHost.Local.", "MYHOST.LOCAL"),
        ("bücher.example", "xn--bcher-kva.example:8000"),
        ("fe80::1%eth0", "[fe80::1]"),
        ("fe80::1%eth0", "[fe80:0::1]:9000"),
    ],
)
def test_the_host_header_a_browser_sends_for_the_name_is_taken(
    registry: Path, host: str, header: str
) -> None:
    assert Site.made(registry, host=host).allows_host(header)


def test_a_foreign_name_is_refused_beside_a_normalised_one(registry: Path) -> None:
    site = Site.made(registry, host="bücher.example")

    assert site.host == "xn--bcher-kva.example"
    assert not site.allows_host("bücher.example")  # not a Host header: a browser never sends it
    assert not site.allows_host("xn--bcher-kva.example.")
    assert not site.allows_host("[fe80::1%eth0]")


@pytest.mark.parametrize(
    "lang,said",
    [
        ("en", "--host '{host}' cannot be written as a host name (IDNA: each label 1 to 63 "
               "characters, none empty); give a name or an IP address"),
        ("tr", "--host '{host}' bir bilgisayar adı olarak yazılamıyor (IDNA: her bölümü 1 ile 63 "
               "karakter arası, boş bölüm yok); bir ad ya da IP adresi verin"),
    ],
)  # fmt: skip
def test_a_host_name_idna_cannot_write_is_refused(
    registry: Path, started: list[tuple[Any, dict[str, object]]], lang: str, said: str
) -> None:
    host = "ü" * 64 + ".example"  # a label longer than 63 characters

    run = run_spo("--lang", lang, "serve", str(registry), "--host", host)

    assert (run.exit_code, started) == (2, [])
    assert " ".join(run.stderr.split()) == f"spo: {said.format(host=host)}"


def test_this_computer_s_name_written_otherwise_is_still_this_computer(registry: Path) -> None:
    site = Site.made(registry, host="LocalHost.")

    assert (site.token, site.address()) == (None, "http://localhost:8000/")
    assert Site.made(registry, host="::1%lo").address() == "http://[::1]:8000/"
