"""A registry for the tests of `spo serve`, written into a test's folder (never the shipped
data/), and a browser on it: Starlette's TestClient, as from this computer. Importing this module
skips the importing test module when the web extra is not installed: a test module imports it
before spo.cli.web (`# isort: split` after it). Its fixtures, `registry` and `client` (a browser
on the module's `registry`, which a module may define otherwise), are imported by name."""

from __future__ import annotations

from pathlib import Path

import pytest

WEB_EXTRA = ("starlette", "jinja2", "uvicorn", "python_multipart", "httpx")
for _module in WEB_EXTRA:
    pytest.importorskip(_module, reason="spo serve's tests need the web extra")

from starlette.testclient import TestClient  # noqa: E402

from spo.cli.web.app import make_app  # noqa: E402
from spo.cli.web.settings import Site  # noqa: E402

# Script in every text field a page or the report shows: names, notes, sources, a transfer's
# and a stage's note, an engagement's note, a project's summary and tags.
MERSIN = """\
id: mersin-bb
name: Mersin Büyükşehir Belediyesi <script>alert(1)</script>
kind: metropolitan
province: Mersin
contacts:
  - name: Ofis Sorumlusu <b>x</b>
    role: Sosyal Politikalar Ofisi Sorumlusu
    phone: 0324 111 22 33
    email: ofis@mersin.bel.tr
notes: Notlar <script>alert(2)</script>
sources:
  - publisher: Mersin BB <script>alert(3)</script>
    title: Haber <img src=x onerror=alert(4)>
    date: "2025-03-21"
    url: https://example.org/mersin
"""
ARTVIN = """\
id: artvin
name: Artvin Belediyesi
kind: provincial
province: 8
engagements:
  - kind: study-visit
    host: mersin-bb
    date: ../2025-03-21
    participants: 12
    note: Ziyaret <script>alert(5)</script>
transfers:
  - project: mahalle-mutfaklari
    note: Aktarım <script>alert(6)</script>
    history:
      - stage: inquiry
        date: "2024-11"
        note: Görüşme <script>alert(7)</script>
      - stage: presentation
        date: "2025-02-10"
sources:
  - https://example.org/artvin
"""
KITCHENS = """\
id: mahalle-mutfaklari
name:
  tr: Mahalle Mutfakları <script>alert(8)</script>
  en: Neighbourhood Kitchens
owner: mersin-bb
summary:
  tr: Mahallelerde sıcak yemek <script>alert(9)</script>
  en: Hot meals in neighbourhoods <script>alert(10)</script>
status: active
notes: Proje notu <script>alert(11)</script>
tags:
  - etiket <script>alert(12)</script>
sources:
  - https://example.org/mersin
status_as_of: "2025"
status_source: https://example.org/status
"""
SCRIPTS = 12  # alert(1) ... alert(12)
LOCAL = "http://127.0.0.1:8000"


def write_registry(root: Path) -> Path:
    for folder, name, text in [
        ("municipalities", "mersin-bb", MERSIN),
        ("municipalities", "artvin", ARTVIN),
        ("projects", "mahalle-mutfaklari", KITCHENS),
    ]:
        path = root / "data" / folder / f"{name}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def browser(site: Site, base_url: str = LOCAL) -> TestClient:
    """A browser on the application made for `site`; errors are pages, as a user sees them."""
    return TestClient(make_app(site), base_url=base_url, raise_server_exceptions=False)


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    return write_registry(tmp_path / "registry")


@pytest.fixture
def client(registry: Path) -> TestClient:
    return browser(Site.made(registry))
