"""On a narrow terminal (60 or 80 columns) no table loses a column or cuts a value: tables wrap
between words or become one card per row. Every word of the unbounded output must still be
there, whole, at the narrow width."""

from __future__ import annotations

import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REGISTRIES, run_spo

COMMANDS = [
    ["report", "--as-of", "2025-06-30"],
    ["report", "--as-of", "2025-06-30", "--owner", "mersin-bb"],
    ["municipality", "list"],
    ["project", "list"],
    ["transfer", "list"],
    ["search", "mersin"],
    ["municipality", "show", "mersin-bb"],
]


@pytest.mark.parametrize("lang", ["tr", "en"])
@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_no_word_is_lost_on_a_narrow_terminal(command: list[str], width: int, lang: str) -> None:
    root = ["--root", str(REGISTRIES / "report-histories"), "--lang", lang]
    wide = run_spo(*root, *command, env={"COLUMNS": "10000"})
    narrow = run_spo(*root, *command, env={"COLUMNS": str(width)})
    assert wide.exit_code == narrow.exit_code == 0
    assert max(len(line.rstrip()) for line in narrow.stdout.splitlines()) <= width

    def words(text: str) -> set[str]:  # the rule under a header is drawn to the table's width
        return {w for w in text.split() if set(w) != {"─"}}

    assert sorted(words(wide.stdout) - words(narrow.stdout)) == []


def test_the_reported_figures_keep_status_and_source_at_60_columns() -> None:
    root = ["--root", str(REGISTRIES / "report-histories"), "--lang", "tr"]
    run = run_spo(*root, "report", "--as-of", "2025-06-30", env={"COLUMNS": "60"})
    figures = run.stdout.split("Açıklanan ve kayıtlı rakamlar\n")[1]
    assert [line.rstrip() for line in figures.splitlines()[:9]] == [
        "Tarih      2025-01",
        "Ölçüt      Destek verilen proje · İzmir Büyükşehir",
        "           Belediyesi",
        "Açıklanan  en az 1",
        "Kayıtlı    1",
        "Fark       0",
        "Durum      karşılanıyor",
        "Kaynak     [1]",
        "",
    ]


@pytest.mark.parametrize("columns", ["0", "", "wide"])
def test_a_columns_variable_that_is_no_width_is_as_if_unset(columns: str) -> None:
    unset = run_spo(
        "--root", str(REGISTRIES / "sample"), "municipality", "list", env={"COLUMNS": ""}
    )
    given = run_spo(
        "--root", str(REGISTRIES / "sample"), "municipality", "list", env={"COLUMNS": columns}
    )

    assert given == unset
    assert "Artvin Belediyesi" in unset.stdout


# --- Plain messages on a narrow terminal (issue 23) ---------------------------------------------
# A terminal left to wrap a long message breaks it inside a word ("deme" / "k istediniz"), so spo
# breaks every plain message between words itself when it writes to a terminal. Only a real
# terminal shows it: spo runs in a pseudo-terminal of the given width.

LONG_MESSAGES = [
    ["project", "list", "--theme", "sağlk"],
    ["report", "--as-of", "21/03/2025"],
    ["transfer", "list", "--stage", "bitti"],
    ["project", "list", "--format", "json"],  # the warning that a file was left out
    ["init", "{root}/data-is-here"],  # a registry is there already
    ["valdate"],
]


def _in_a_terminal(args: list[str], width: int, cwd: Path, stream: str = "stderr") -> str:
    """What spo writes to `stream` (stderr or stdout) in a pseudo-terminal `width` columns
    wide."""
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, width, 0, 0))
    env = {**os.environ, "COLUMNS": str(width), "NO_COLOR": "1", "SPO_LANG": "tr"}
    process = subprocess.Popen(
        [sys.executable, "-m", "spo", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower if stream == "stdout" else subprocess.DEVNULL,
        stderr=follower if stream == "stderr" else subprocess.DEVNULL,
        cwd=cwd,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        # A guard, not a measure: a spo that hung would otherwise hang the suite.
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: spo is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait()
    os.close(leader)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@pytest.fixture
def broken_registry(registry_copy) -> Path:
    root = registry_copy("valid-base")
    (root / "data" / "projects" / "bozuk.yaml").write_text("id: [bozuk\n", encoding="utf-8")
    (root / "data-is-here" / "data").mkdir(parents=True)
    return root


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("command", LONG_MESSAGES, ids=" ".join)
def test_a_long_message_breaks_between_words(
    command: list[str], width: int, broken_registry: Path
) -> None:
    command = [arg.format(root=broken_registry) for arg in command]
    message = run_spo("--lang", "tr", "--root", str(broken_registry), *command).stderr
    assert any(len(line) > 60 for line in message.splitlines())  # a long message indeed
    shown = _in_a_terminal(["--root", str(broken_registry), *command], width, broken_registry)
    lines = shown.splitlines()
    # No line is wider than the terminal, unless it is one word alone (a long path): kept whole.
    assert [line for line in lines if len(line) > width and len(line.split()) > 1] == []
    # Every word whole, in order: the lines' words are the message's words.
    assert sorted(shown.split()) == sorted(message.split())
    assert shown.split() == [w for line in lines for w in line.split()]


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize("width", [60, 80])
def test_validate_breaks_its_problems_between_words(
    width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = REGISTRIES / "turkish-validate"
    monkeypatch.chdir(root)  # paths shown from the registry's folder in both runs
    piped = run_spo("--lang", "tr", "--root", str(root), "validate").stdout
    shown = _in_a_terminal(["--root", str(root), "validate"], width, root, stream="stdout")
    lines = shown.splitlines()
    assert [line for line in lines if len(line) > width and len(line.split()) > 1] == []
    assert shown.split() == piped.split()
    assert len(lines) > len(piped.splitlines())


HELP_PAGES = [
    ["transfer", "add"], ["engagement", "add"], ["figure", "add"], ["project", "new"],
    ["project", "list"],
    ["transfer", "list"], ["report"], ["export", "csv"],
]  # fmt: skip


@pytest.mark.parametrize("lang", ["tr", "en"])
@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("page", HELP_PAGES, ids=" ".join)
def test_help_breaks_lines_at_spaces_never_inside_an_id(
    page: list[str], width: int, lang: str
) -> None:
    """Help lists values as "label (id)": an id such as implementation-support stays on one
    line to be copied, and every word of the wide page is on the narrow one."""
    wide = run_spo("--lang", lang, *page, "--help", env={"COLUMNS": "10000"})
    narrow = run_spo("--lang", lang, *page, "--help", env={"COLUMNS": str(width)})

    assert wide.exit_code == narrow.exit_code == 0
    broken = [line for line in narrow.stdout.splitlines() if line.rstrip()[-2:-1].isalpha()
              and line.rstrip().endswith("-")]  # fmt: skip
    assert broken == []
    assert sorted(set(wide.stdout.split()) - set(narrow.stdout.split())) == []
