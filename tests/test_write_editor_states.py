"""A write meets the file in the states an editor or a reviewer leaves it in: saved in place (for
a moment empty), with a byte-order mark, or already holding a mistake of its own. spo writes what
it was asked to, keeps what it found, and refuses only a mistake it would bring in itself.

Each story runs `spo transfer add` on a copy of the `sample` registry.
"""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from spo.rules.dates import parse_date
from spo.rules.errors import RefusedWrite
from spo.writing import editing, transfers
from spo.writing.transfers import NewStage
from tests.conftest import run_spo
from tests.test_write_faults import ADD, ARTVIN, SPO_LINES


def editor_saves_in_place(
    monkeypatch: pytest.MonkeyPatch, path: Path, empty_reads: int
) -> list[float]:
    """The file is empty for spo's first `empty_reads` reads, as while an editor saves it in place;
    the editor's text is back when spo, having paused, reads it again. Returns spo's pauses."""
    text = path.read_bytes()
    path.write_bytes(b"")
    pauses: list[float] = []

    def pause(seconds: float) -> None:
        pauses.append(seconds)
        if len(pauses) == empty_reads:
            path.write_bytes(text)

    monkeypatch.setattr(editing.time, "sleep", pause)
    return pauses


def test_a_file_an_editor_is_saving_in_place_is_read_again_and_written(
    registry_copy, monkeypatch
) -> None:
    root = registry_copy("sample")
    path = root / ARTVIN
    before = path.read_text(encoding="utf-8")
    pauses = editor_saves_in_place(monkeypatch, path, empty_reads=editing.EDIT_ATTEMPTS - 1)

    run = run_spo("--root", str(root), *ADD)

    assert (run.exit_code, run.stderr) == (0, "")
    assert pauses == [0.1, 0.1]
    assert path.read_text(encoding="utf-8") == before.replace(
        "sources:\n", SPO_LINES + "sources:\n"
    )


def test_a_file_empty_at_every_read_is_refused_and_left_empty(registry_copy, monkeypatch) -> None:
    root = registry_copy("sample")
    path = root / ARTVIN
    pauses = editor_saves_in_place(monkeypatch, path, empty_reads=editing.EDIT_ATTEMPTS)

    run = run_spo("--root", str(root), *ADD)

    assert run.exit_code == 1
    assert run.stderr == (
        f"spo: nothing written to {ARTVIN}: the file was empty each of the 3 times spo read it: "
        "another program (an editor) may be saving it; try again once it has saved, or restore "
        "the file if its content is lost (from git, say)\n"
    )
    assert len(pauses) == 2  # no pause after the last read
    assert path.read_bytes() == b""


def test_a_byte_order_mark_is_kept(registry_copy) -> None:
    root = registry_copy("sample")
    path = root / ARTVIN
    before = path.read_text(encoding="utf-8")
    path.write_bytes(codecs.BOM_UTF8 + before.encode("utf-8"))

    run = run_spo("--root", str(root), *ADD)

    assert (run.exit_code, run.stderr) == (0, "")
    after = before.replace("sources:\n", SPO_LINES + "sources:\n")
    assert path.read_bytes() == codecs.BOM_UTF8 + after.encode("utf-8")


def test_a_mistake_already_in_the_file_does_not_stop_a_write(registry_copy) -> None:
    """A reviewer has yet to fix a mistyped host: staff can still record a stage."""
    root = registry_copy("sample")
    path = root / ARTVIN
    broken = path.read_text(encoding="utf-8").replace("host: mersin-bb", "host: mersin", 1)
    path.write_text(broken, encoding="utf-8")

    run = run_spo("--root", str(root), *ADD)

    assert (run.exit_code, run.stderr) == (0, "")
    assert path.read_text(encoding="utf-8") == broken.replace(
        "sources:\n", SPO_LINES + "sources:\n"
    )


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (
            b"id: artvin\nname: [unclosed\n",
            "line 2: YAML syntax error: a list opened with '[' must go on with ',' or ']'",
        ),
        (b"\xff\xfeid: artvin\n", "invalid UTF-8 (byte 0xff); save the file as UTF-8"),
    ],
)
def test_a_file_that_cannot_be_read_is_left_as_it_is_and_named(
    registry_copy, content: bytes, why: str
) -> None:
    root = registry_copy("sample")
    path = root / ARTVIN
    path.write_bytes(content)

    run = run_spo("--root", str(root), *ADD)

    assert run.exit_code == 1
    assert run.stderr == (
        f"spo: nothing written to {ARTVIN}: the file cannot be read as a record ({why}); fix it "
        f"first (spo validate {ARTVIN})\n"
    )
    assert path.read_bytes() == content


# --- the rule itself: an error brought in, counted against the ones already there ----------------


def stage_of(project: str, day: str) -> Any:
    return transfers._stage_change(project, NewStage("paused", parse_date(day), None, None))


def test_a_write_is_refused_for_each_error_it_brings_in_not_for_those_already_there(
    registry_copy,
) -> None:
    """With no project known, the file's transfer already names a missing project (one error).
    A stage for it brings in nothing and is written; a transfer to another missing project brings
    in one more such error and is refused, naming it alone."""
    root = registry_copy("sample")
    path = root / ARTVIN
    nothing_known = editing.References({"artvin", "mersin-bb"}, {})
    today = date(2026, 1, 1)

    written = editing.edit_record(
        root, "municipality", path, stage_of("mahalle-mutfaklari", "2025-07"), nothing_known, today
    )
    assert written.written and "2025-07" in path.read_text(encoding="utf-8")

    before = path.read_bytes()
    with pytest.raises(RefusedWrite) as refused:
        editing.edit_record(
            root, "municipality", path, stage_of("kadin-ustalar", "2025-07"), nothing_known, today
        )
    reason = refused.value.message.get("reason")
    assert reason.key == "refusal.invalid"
    (problem,) = reason.get("problems")
    assert (problem.code, problem.line) == ("unknown-reference", 25)
    assert path.read_bytes() == before


def test_a_warning_the_file_has_does_not_hide_an_error_the_write_brings_in(registry_copy) -> None:
    """The file cites no source (a warning, on line 1, before anything else): a transfer to a
    missing project is still refused for the error it brings in."""
    root = registry_copy("sample")
    path = root / ARTVIN
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("sources:\n")], encoding="utf-8")
    before = path.read_bytes()
    nothing_known = editing.References({"artvin", "mersin-bb"}, {})

    with pytest.raises(RefusedWrite) as refused:
        editing.edit_record(
            root, "municipality", path, stage_of("kadin-ustalar", "2025-07"), nothing_known,
            date(2026, 1, 1),
        )  # fmt: skip
    reason = refused.value.message.get("reason")
    assert reason.key == "refusal.invalid"
    assert [p.code for p in reason.get("problems")] == ["unknown-reference"]
    assert path.read_bytes() == before
