"""An editor saves the record's file while a form is writing it (the race the command line's
tests force in tests/test_write_faults.py, forced the same way: the file saved again right after
each of spo's reads). The form refuses the write at the top, keeps everything typed, and leaves
the file exactly as the editor saved it; or, when the editor's save leaves room, writes the
visit beside the editor's change."""

from __future__ import annotations

from pathlib import Path

import pytest

# First: without the web extra, importing tests.web_registry (through it) skips the module.
from tests.test_serve_forms import ARTVIN, VISIT, client, pending, post, registry

# isort: split
from spo.writing import editing
from tests.test_write_faults import editor_saves

__all__ = ["client", "registry"]  # fixtures
DATED = {**VISIT, "date": "05.12.2026"}
KEPT = (
    'name="visitor" type="text" value="artvin"',
    'name="host" type="text" value="mersin bb"',
    '<option value="meeting" selected>Toplantı</option>',
    'name="date" type="text" value="05.12.2026"',
    'name="participants" type="text" value="12"',
    '<textarea id="f-note" name="note" rows="3">Ofis gezildi.</textarea>',
    'name="source" type="url" value="https://example.org/ziyaret"',
)


def test_an_editor_saving_at_every_attempt_is_said_at_the_top_and_its_file_is_kept(
    client, registry: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = registry / ARTVIN
    before = path.read_bytes()
    saves = [before + f"# kayıt {n}\n".encode() for n in range(1, editing.EDIT_ATTEMPTS + 1)]
    editor_saves(monkeypatch, path, saves)

    page = post(client, "engagement", DATED)

    assert page.status_code == 200
    assert (
        '<p class="error" role="alert" id="refused">Kaydedilmedi: '
        f"{ARTVIN} dosyasına hiçbir şey yazılmadı: dosya, spo onu okurken başka bir programda "
        "(bir düzenleyicide) 3 kez kaydedildi; düzenleyicideki değişiklikleri kaydedip kapatın "
        "ve yeniden deneyin</p>"
    ) in page.text
    for fragment in KEPT:
        assert fragment in page.text
    assert 'class="error-summary"' not in page.text  # no field is wrong: the write was refused
    assert path.read_bytes() == saves[-1]
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []
    assert pending(registry) == []


def test_an_editor_recording_the_same_visit_by_hand_keeps_the_editor_s_file(
    client, registry: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = registry / ARTVIN
    by_hand = path.read_text(encoding="utf-8").replace(
        "transfers:\n",
        "  - kind: meeting\n    host: mersin-bb\n    date: '2026-12-05'\ntransfers:\n",
    )
    editor_saves(monkeypatch, path, [by_hand.encode()])

    page = post(client, "engagement", DATED)

    assert page.status_code == 200
    assert (
        '<p class="error" role="alert" id="refused">Kaydedilmedi: '
        f"{ARTVIN} dosyasına hiçbir şey yazılmadı: mersin-bb ile 2026-12-05 tarihli bu temas "
        "(Toplantı) zaten kayıtlı</p>"
    ) in page.text
    for fragment in KEPT:
        assert fragment in page.text
    assert path.read_bytes() == by_hand.encode()
    assert pending(registry) == []


def test_an_editor_s_unrelated_save_is_kept_and_the_visit_written_beside_it(
    client, registry: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = registry / ARTVIN
    edited = path.read_text(encoding="utf-8").replace(
        "province: 8\n", "province: 8\nwebsite: https://www.artvin.bel.tr\n"
    )
    editor_saves(monkeypatch, path, [edited.encode()])

    response = post(client, "engagement", DATED)

    assert response.status_code == 303
    text = path.read_text(encoding="utf-8")
    assert "website: https://www.artvin.bel.tr\n" in text
    assert "note: Ofis gezildi.\n" in text
    assert pending(registry) == [ARTVIN]
