"""A staff member in a real browser: headless Chromium (Debian's `chromium`, driven by Playwright
for Python) on a real `spo serve` in its own process, on the office's registry in a git
repository of its own (tests/serve_story.py).

The story, through the forms: the staff member adds Seyhan Belediyesi (told once that it was saved:
not again on a reload), records its study visit to Mersin with a date that is no day (31.02.2025),
reads the mistake next to the date as soon as Tab leaves it (the forms' script asks the server,
nothing submitted) and sees it go once the date is fixed, a screen reader being told each time;
submitted with the mistake, reads it again in the summary at the top with everything typed kept, in
English and back (everything kept), sees the summary follow a second mistake made and both fixed,
field by field, until it is gone, and saves; records a transfer stage (Mahalle Mutfakları, inquiry);
the banner says a change is pending; the change page shows Mersin's hosted municipalities going 16 →
17; "Gözden geçirmeye gönder" is reached with the keyboard alone (Tab, then Enter) and the page
names the branch the change was left on. Then, as the office's reviewer would: that branch holds
exactly one commit, its files pass `spo validate`, its records are those the page showed, and the
staff member's folder is byte for byte as before the change.

Screenshots of each step are kept: in `$SPO_ARTEFACTS/serve/` when that is set, else (when `CI`
is set) in `test-artefacts/serve/` of the repository (ignored by git; CI keeps it), else in the
test's own temporary folder. Skipped, saying why, without Playwright or a chromium.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.diff_history import git
from tests.serve_story import REPO, SOURCE, build

for _module in ("starlette", "jinja2", "uvicorn", "python_multipart"):
    pytest.importorskip(_module, reason="spo serve's tests need the web extra")
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright for Python is not installed (the test extra has it)"
)

START_SECONDS = 20  # the server answers its first page within this, or the test fails
FIGURE = "Ağırlanan (yerinde inceleme): 16 → 17 (+1)"
INQUIRY = "Görüşme aşamasında: 0 → 1 (+1)"
SEND = "Gözden geçirmeye gönder"
SAVE = "Kaydet"
SAVED = "Kaydedildi — bekleyen değişikliğe eklendi"
TO_ENGLISH = "Switch to English (what you typed stays)"
TO_TURKISH = "Türkçeye geç (yazdıklarınız kalır)"
NO_DAY = "'31.02.2025' gerçek bir tarih değil (2025-02 ayı 28 gün çeker)"


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


pytestmark = pytest.mark.skipif(chromium() is None, reason="no chromium or chromium-browser")


def screens(tmp_path: Path) -> Path:
    given = os.environ.get("SPO_ARTEFACTS")
    if given:
        folder = Path(given) / "serve"
    elif os.environ.get("CI"):
        folder = REPO / "test-artefacts" / "serve"
    else:
        folder = tmp_path / "screens"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def files_of(root: Path) -> dict[str, bytes]:
    """Every file of the working tree by its path, but git's own and spo's cache (its locks
    and index, which ignores itself: `.spo-cache/.gitignore`)."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not {".git", ".spo-cache"} & set(p.relative_to(root).parts)
    }


@contextmanager
def serving(root: Path, log: Path, *options: str) -> Iterator[str]:
    """`spo serve` on `root` in its own process (what it prints, in `log`): its address, once
    it answers (a refusal is an answer: `--token` refuses a browser without its link)."""
    port = free_port()
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "spo", "serve", str(root), "--port", str(port), *options],
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    address = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            try:
                with urllib.request.urlopen(address + "/", timeout=2):
                    break
            except urllib.error.HTTPError:
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"spo serve did not start:\n{log.read_text(errors='replace')}")
                time.sleep(0.1)
        yield address
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture
def registry(tmp_path: Path, plain_git: None) -> Path:
    """The office's registry in a git repository of its own (tests/serve_story.py)."""
    return build(tmp_path / "registry")


@pytest.fixture
def served(registry: Path, tmp_path: Path) -> Iterator[tuple[str, Path, dict[str, bytes]]]:
    """`spo serve` on the office's registry: its address, its folder, and the folder's files."""
    original = files_of(registry)
    with serving(registry, tmp_path / "server.log") as address:
        yield address, registry, original


def test_a_staff_member_sends_the_pending_change_for_review(
    served: tuple[str, Path, dict[str, bytes]], tmp_path: Path
) -> None:
    address, root, original = served
    head = git(root, "rev-parse", "HEAD").strip()
    shots = screens(tmp_path)
    expect = sync_api.expect

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900}, locale="tr-TR")
            page.set_default_timeout(10_000)

            page.goto(address + "/")
            expect(page.locator("aside.change-banner")).to_have_count(0)

            page.goto(address + "/record/municipality")
            page.fill("#f-province", "Adana")
            page.fill("#f-district", "Seyhan")
            page.fill("#f-source", SOURCE)
            page.get_by_role("button", name=SAVE, exact=True).click()
            expect(page).to_have_url(address + "/municipalities/adana-seyhan")
            expect(page.get_by_role("status")).to_have_text(SAVED)
            page.reload()  # said once: a reload does not say it again
            expect(page.get_by_role("heading", level=1)).to_contain_text("Seyhan")
            expect(page.get_by_role("status")).to_have_count(0)
            page.screenshot(path=shots / "1-municipality-saved.png", full_page=True)

            # The visit, with one mistake: a date that is no day.
            page.goto(address + "/record/engagement?visitor=adana-seyhan")
            page.fill("#f-host", "mersin bb")
            page.select_option("#f-kind", "study-visit")
            # Said as soon as the date is left (static/spo.js asks the server), nothing sent.
            visit = page.url
            date_field, date_error = page.locator("#f-date"), page.locator("#f-date-error")
            date_field.fill("31.02.2025")
            page.keyboard.press("Tab")
            expect(date_error).to_have_text(NO_DAY)
            expect(date_field).to_have_attribute("aria-invalid", "true")
            expect(date_field).to_have_attribute("aria-describedby", "f-date-error f-date-hint")
            expect(page.locator(".field-error")).to_have_count(1)  # the empty source: not said
            said = page.locator("#form-said")  # what a screen reader is told, politely
            expect(said).to_have_attribute("aria-live", "polite")
            expect(said).to_have_text(f"Tarih: {NO_DAY}")
            expect(page.locator(".error-summary")).to_have_count(0)  # nothing submitted yet
            assert page.url == visit
            page.screenshot(path=shots / "2-visit-date-left.png", full_page=True)
            date_field.fill("05.06.2025")
            page.keyboard.press("Tab")
            expect(date_error).to_have_count(0)
            expect(date_field).not_to_have_attribute("aria-invalid", "true")
            expect(date_field).to_have_attribute("aria-describedby", "f-date-hint")
            expect(said).to_have_text("Tarih: düzeltildi")
            # The submit says the same, in the summary at the top too.
            page.fill("#f-date", "31.02.2025")
            page.fill("#f-source", SOURCE)
            page.get_by_role("button", name=SAVE, exact=True).click()
            expect(page.locator("#f-date-error")).to_contain_text("gerçek bir tarih değil")
            expect(page.locator("#f-visitor")).to_have_value("adana-seyhan")
            expect(page.locator("#f-host")).to_have_value("mersin bb")
            summary = page.locator(".error-summary li a")
            expect(summary).to_have_text([f"Tarih: {NO_DAY}"])
            page.screenshot(path=shots / "2-visit-mistake.png", full_page=True)
            # In English and back, from the header: what is typed and what to fix stay.
            page.get_by_role("link", name="English", exact=True).click()
            page.get_by_role("button", name=TO_ENGLISH).click()
            expect(page.locator("#f-date-error")).to_have_text(
                "'31.02.2025' is not a real date (2025-02 has 28 days)"
            )
            expect(page.locator("#f-host")).to_have_value("mersin bb")
            expect(page.locator("#f-source")).to_have_value(SOURCE)
            page.screenshot(path=shots / "2-visit-in-english.png", full_page=True)
            page.get_by_role("button", name=TO_TURKISH).click()
            expect(summary).to_have_text([f"Tarih: {NO_DAY}"])
            expect(page.locator("#f-visitor")).to_have_value("adana-seyhan")
            # The summary follows the fields as they are left: a new mistake joins it, in the
            # fields' order, each line a link to its field; fixed, each goes, then the summary.
            page.fill("#f-host", "mersinn bb")
            page.keyboard.press("Tab")
            expect(summary).to_have_text([re.compile(r"^Ev sahibi belediye: .*mersinn bb"),
                                          f"Tarih: {NO_DAY}"])  # fmt: skip
            expect(summary.first).to_have_attribute("href", "#f-host")
            expect(said).to_have_text(re.compile(r"^Ev sahibi belediye: .*mersinn bb"))
            page.screenshot(path=shots / "2-visit-two-mistakes.png", full_page=True)
            page.fill("#f-host", "mersin bb")
            page.keyboard.press("Tab")
            expect(summary).to_have_text([f"Tarih: {NO_DAY}"])
            expect(said).to_have_text("Ev sahibi belediye: düzeltildi")
            page.fill("#f-date", "05.06.2025")
            page.keyboard.press("Tab")
            expect(page.locator(".error-summary")).to_have_count(0)
            expect(said).to_have_text("Tarih: düzeltildi")
            page.get_by_role("button", name=SAVE, exact=True).click()
            expect(page.get_by_role("status")).to_have_text(SAVED)

            page.goto(address + "/record/stage")
            page.fill("#f-project", "mahalle mutfaklari")
            page.fill("#f-municipality", "adana-seyhan")
            page.select_option("#f-stage", "inquiry")
            page.fill("#f-date", "10.06.2025")
            page.get_by_role("button", name=SAVE, exact=True).click()
            expect(page.get_by_role("status")).to_have_text(SAVED)

            page.goto(address + "/")
            banner = page.locator("aside.change-banner")
            expect(banner).to_contain_text("1 bekleyen değişiklik — gözden geçir")
            page.screenshot(path=shots / "3-home-banner.png", full_page=True)

            banner.get_by_role("link", name="gözden geçir").click()
            expect(page).to_have_url(address + "/change")
            expect(page.get_by_text(FIGURE, exact=True).first).to_be_visible()
            expect(page.get_by_text(INQUIRY, exact=True).first).to_be_visible()
            shown = page.locator("main h2:text-is('Kayıtlar') + ul li li").all_inner_texts()
            records = {
                m.group(1): m.group(2)
                for m in (re.match(r"[^\n]*\(([a-z0-9-]+)\): (\w+)", t) for t in shown)
                if m
            }
            assert records == {"adana-seyhan": "eklendi"}
            page.screenshot(path=shots / "4-change.png", full_page=True)

            # The keyboard alone: from the message, Tab to the button, Enter.
            page.locator("#change-message").focus()
            page.keyboard.press("Tab")
            expect(page.get_by_role("button", name=SEND)).to_be_focused()
            page.screenshot(path=shots / "5-send-focused.png")
            page.keyboard.press("Enter")

            status = page.get_by_role("status")
            expect(status).to_contain_text("Değişiklik yerel dalda kaldı:")
            expect(status).to_contain_text("Ofisin gözden geçireni bu dalı inceleyecek.")
            branch = status.locator("code").inner_text()
            page.screenshot(path=shots / "6-sent.png", full_page=True)

            page.goto(address + "/")
            expect(page.locator("aside.change-banner")).to_contain_text(
                f"({branch}): dal incelemeyi bekliyor"
            )
            page.screenshot(path=shots / "7-home-after.png", full_page=True)
        finally:
            browser.close()

    # The reviewer's side: one commit on the branch, a registry spo validate passes, the
    # records the page showed.
    assert git(root, "branch", "--list", "spo/*").split() == [branch]
    assert len(git(root, "rev-list", f"{head}..{branch}").split()) == 1
    checkout = tmp_path / "review"
    git(root, "worktree", "add", "-q", str(checkout), branch)
    checked = subprocess.run(
        [sys.executable, "-m", "spo", "validate"], cwd=checkout, capture_output=True,
        text=True, timeout=120,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr
    compared = subprocess.run(
        [sys.executable, "-m", "spo", "diff", head, branch, "--format", "json"],
        cwd=root, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    diff = json.loads(compared.stdout)
    statuses = {"added": "eklendi", "changed": "değişti", "removed": "silindi"}
    assert {r["id"]: statuses.get(r["status"], r["status"]) for r in diff["records"]} == records
    assert {"metric": "municipalities-hosted", "part": None, "before": 16, "after": 17} in diff[
        "figures"
    ]
    # The staff member's folder: exactly as before the change.
    git(root, "worktree", "remove", "--force", str(checkout))
    assert files_of(root) == original


def test_a_token_link_opened_from_a_mail_or_a_chat_lets_the_person_in(
    registry: Path, tmp_path: Path
) -> None:
    """`spo serve --token`: the link it prints, sent to a colleague and opened from another site
    (a web mail, a chat), opens the registry; the token leaves the address at once. (A cookie
    set by the token's redirect must come with the page it leads to, though another site sent
    the person there.)"""
    log = tmp_path / "server.log"
    with serving(registry, log, "--token") as address:
        found = re.search(r"http://127\.0\.0\.1:\d+/\?token=[A-Za-z0-9_%-]+", log.read_text())
        assert found, log.read_text()
        link = found.group(0)
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium(), args=["--no-sandbox"])
            try:
                page = browser.new_page(locale="tr-TR")
                page.set_default_timeout(10_000)
                page.goto(address + "/")
                sync_api.expect(page.get_by_role("heading", level=1)).to_have_text(
                    "Erişim anahtarı gerekiyor"
                )
                session = _cookie(page, "spo_session")
                mail = "http://mail.example/inbox"  # another site, answered by the browser itself
                page.route(mail, lambda route: route.fulfill(
                    content_type="text/html", body=f'<p><a id="link" href="{link}">kayıt</a></p>'
                ))  # fmt: skip
                page.goto(mail)
                page.click("#link")

                sync_api.expect(page).to_have_url(address + "/")
                sync_api.expect(page.get_by_role("heading", level=1)).to_have_text(
                    "Sosyal politika kaydı"
                )
                page.goto(address + "/municipalities")  # and every page after it
                sync_api.expect(page.get_by_role("heading", level=1)).to_have_text("Belediyeler")
                # the same session: forms open in the person's other tabs stay good
                assert _cookie(page, "spo_session") == session
            finally:
                browser.close()


def _cookie(page: Any, name: str) -> str:
    """A cookie's value in the page's browser (HttpOnly: no script of the page could read it)."""
    values = [c["value"] for c in page.context.cookies() if c["name"] == name]
    assert len(values) == 1, values
    return str(values[0])
