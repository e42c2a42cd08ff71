"""Start-up stays quick: `spo --version` and `spo --help` do not import the schema validator, the
YAML writer or the table renderer. Each case runs in a fresh interpreter, since this test
process has long imported them all."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("jsonschema", "ruamel", "rich")

PROBE = f"""
import sys
from spo.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
loaded = sorted({{m.split(".")[0] for m in sys.modules}} & set({HEAVY!r}))
print("loaded:", *loaded, file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["--help"],
        ["project", "--help"],
        ["project", "list", "--help"],
        ["search", "--help"],
        ["transfer", "list", "--help"],
    ],
)
def test_start_up_imports_nothing_heavy(args: list[str]) -> None:
    run = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )

    assert run.stdout  # the version or the help was printed
    assert run.stderr.splitlines()[-1] == "loaded:"
