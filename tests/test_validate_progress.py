"""A progress bar on `spo validate` for a person watching a long run, and nowhere else: not in
pipes, not in CI, not with `--format json`, and not for a run that ends within a second."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from spo.checks.validation import validate
from spo.cli import validate_cmd
from spo.cli.validate_cmd import ProgressBar, wants_progress

REGISTRIES = Path(__file__).resolve().parent / "registries"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_bar_only_for_a_person_at_a_terminal() -> None:
    assert wants_progress("text", Terminal(), {})
    assert wants_progress("github", Terminal(), {})
    assert not wants_progress("json", Terminal(), {})
    assert not wants_progress("text", Terminal(), {"CI": "true"})
    assert not wants_progress("text", io.StringIO(), {})


def test_validation_tells_how_many_files_are_done() -> None:
    heard: list[tuple[int, int]] = []
    root = REGISTRIES / "sample"
    result = validate(root, today=date(2026, 1, 15), progress=lambda d, t: heard.append((d, t)))
    assert heard[-1] == (result.files_checked, result.files_checked)
    assert [d for d, _ in heard] == sorted(d for d, _ in heard)


def test_a_run_within_a_second_shows_no_bar() -> None:
    bar = ProgressBar("en")
    bar(3, 10)
    bar.stop()
    assert bar.progress is None


def test_a_longer_run_shows_a_bar_that_is_gone_at_the_end(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(validate_cmd, "PROGRESS_AFTER_SECONDS", 0.0)
    bar = ProgressBar("tr")
    bar(3, 10)
    assert bar.progress is not None
    bar(10, 10)
    bar.stop()
    assert capsys.readouterr().out == ""
