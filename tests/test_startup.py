"""Start-up stays quick: `spo --version` and `spo --help` do not import the schema validator, the
YAML writer or the table renderer. Each case runs in a fresh interpreter, since this test
process has long imported them all."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from spo.cli.words import catalogue
from tests.conftest import run_spo

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


# `spo --version` and `spo --help` import none of the command modules' weight either: no YAML,
# no model, no queries, no report; `--version` not even the command-line library.
# Nor the web application of `spo serve` and its packages (the `web` extra).
WEB = ("spo.cli.web", "starlette", "jinja2", "uvicorn", "python_multipart", "anyio")
LIGHT = {
    "--version": ("jsonschema", "ruamel", "rich", "yaml", "spo.model", "spo.query.lists",
                  "spo.report", "spo.query.reading", "spo.checks.validation", "click", "typer",
                  *WEB),
    "--help": ("jsonschema", "ruamel", "rich", "yaml", "spo.model", "spo.query.lists",
               "spo.report", "spo.query.reading", "spo.checks.validation", "spo.cli.find_cmds",
               "spo.cli.write_cmds", *WEB),
}  # fmt: skip

MODULES = """
import sys
from spo.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("loaded:", *sorted(sys.modules), file=sys.stderr)
"""


@pytest.mark.parametrize("option", sorted(LIGHT))
def test_version_and_help_import_only_what_they_show(option: str) -> None:
    run = subprocess.run(
        [sys.executable, "-c", MODULES, option],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )

    loaded = set(run.stderr.splitlines()[-1].split()[1:])
    heavy = {m for m in loaded for name in LIGHT[option] if m == name or m.startswith(f"{name}.")}
    assert sorted(heavy) == []


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["--lang", "tr", "--version"],
        ["--lang=en", "--root", "anywhere", "--version"],
        ["--root=anywhere", "--version"],
        ["--lang", "fr", "--version"],  # not answered at once, but the same: the option is eager
    ],
)
def test_version_is_answered_at_once_as_the_command_line_would(args: list[str]) -> None:
    run = run_spo(*args)

    assert (run.exit_code, run.stdout, run.stderr) == (0, "spo 0.1.0\n", "")


def test_version_after_a_command_is_still_read_by_the_command_line() -> None:
    run = run_spo("project", "--version")

    assert (run.exit_code, run.stdout, run.stderr) == (
        2,
        "",
        "spo: No such option '--version'.\nFor help: spo project --help\n",
    )


LOADED_FIRST = """
import sys
from spo.cli import main
from spo.cli.lazy import load_commands
load_commands()
main(sys.argv[1:])
"""


@pytest.mark.parametrize("lang", ["en", "tr"])
@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["project", "--help"],
        ["transfer", "add", "--help"],
        ["search", "--help"],
        ["validate", "--format", "xml"],
        ["project", "show"],
        ["project", "lst"],
        ["nosuch"],
    ],
)
def test_a_command_built_alone_is_the_command_of_the_whole_tree(lang: str, args: list[str]) -> None:
    """A fresh `spo` lists the commands from their names and the catalogue, and builds only the
    command it runs; with every command module imported first, all come from the whole tree.
    Both say the same, help pages and errors alike."""

    def run(*python: str) -> tuple[int, str, str]:
        env = {**os.environ, "SPO_LANG": lang, "COLUMNS": "100", "SPO_ROOT": ""}
        done = subprocess.run(
            [sys.executable, *python, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            check=False,
        )
        return done.returncode, done.stdout, done.stderr

    assert run("-m", "spo") == run("-c", LOADED_FIRST)


def test_the_catalogue_is_kept_parsed_and_a_damaged_copy_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPO_CACHE_DIR", str(tmp_path))
    parsed = catalogue.__wrapped__()
    [kept] = (tmp_path / "catalogue").glob("*.marshal")

    assert catalogue.__wrapped__() == parsed  # read back from the cache folder
    kept.write_bytes(b"\x00not marshal data")
    assert catalogue.__wrapped__() == parsed
    assert marshal.loads(kept.read_bytes()) == parsed  # written again
    for foreign in ({"x": 1}, {"cli.error": {"en": "x"}, "y": 2}, ["cli.error"]):
        kept.write_bytes(marshal.dumps(foreign))  # reads as marshal data, but no catalogue
        assert catalogue.__wrapped__() == parsed
