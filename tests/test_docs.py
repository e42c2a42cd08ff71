"""The README is the contract a new user reads: every command is in it, and CI runs its test
command word for word."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer

from spo.cli.app import app  # its command tree imports every command module (spo.cli.lazy)

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands(command: Any, prefix: str = "spo") -> list[str]:
    subcommands = getattr(command, "commands", None)
    if subcommands:
        found = []
        for name, sub in subcommands.items():
            found.extend(_commands(sub, f"{prefix} {name}"))
        return found
    return [prefix]


def test_every_command_is_in_the_readme() -> None:
    commands = _commands(typer.main.get_command(app))
    assert len(commands) >= 10
    missing = [c for c in commands if c not in README]
    assert missing == []


def test_ci_runs_the_readme_test_command_word_for_word() -> None:
    blocks = re.findall(r"```\n(.*?)```", README, flags=re.DOTALL)
    setup = [b.strip() for b in blocks if b.strip().startswith("pip install")]
    assert setup == [
        "pip install -e . && spo report",
        'pip install -e ".[test]" && python -m pytest',
    ]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert setup[1] in ci
