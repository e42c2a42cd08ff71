"""Whatever goes wrong, a user sees one line saying what, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REGISTRIES, run_spo


def test_a_bug_says_internal_error_without_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import spo.checks.validation

    def broken(*_: object, **__: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(spo.checks.validation, "validate", broken)
    result = run_spo("--root", str(REGISTRIES / "valid-base"), "validate")
    # 3, not 1 (which says the registry has problems): CI can tell a bug in spo from a bad record.
    assert result.exit_code == 3
    assert result.stderr == (
        "spo: internal error (ZeroDivisionError: division by zero); this is a bug in spo: "
        "please report it to the spo maintainers with the command you ran\n"
    )


def test_a_root_without_data_is_a_usage_error(tmp_path: Path) -> None:
    result = run_spo("--root", str(tmp_path), "validate")
    assert (result.exit_code, result.stderr) == (
        2,
        f"spo: --root {tmp_path}: no data/ folder there\n",
    )


def test_spo_root_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_spo("validate", env={"SPO_ROOT": str(REGISTRIES / "valid-base")})
    assert (result.exit_code, result.stdout) == (0, "3 files checked, 0 problems\n")


def test_the_registry_is_found_from_a_subfolder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REGISTRIES / "valid-base" / "data" / "projects")
    result = run_spo("validate")
    assert (result.exit_code, result.stdout) == (0, "3 files checked, 0 problems\n")


def test_an_unknown_command_is_a_usage_error() -> None:
    result = run_spo("valdate")
    assert result.exit_code == 2
    assert "No such command 'valdate'" in result.stderr
