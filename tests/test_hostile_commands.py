"""Hostile input beyond validate (issue 22): what reached other commands as an internal error,
a traceback or a wrong message now gets one clear line, a problem of the file, or the right exit.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REGISTRIES, run_spo

KITCHENS = Path("data/projects/mahalle-mutfaklari.yaml")


def _with_numeric_publisher(tmp_path: Path) -> tuple[Path, Path]:
    """The sample registry, and a copy whose project cites a source with `publisher: 2025`."""
    base, head = tmp_path / "base", tmp_path / "head"
    shutil.copytree(REGISTRIES / "sample", base)
    shutil.copytree(base, head)
    record = head / KITCHENS
    text = record.read_text(encoding="utf-8")
    assert "status_source: https://example.org/status\n" in text
    record.write_text(
        text.replace(
            "status_source: https://example.org/status\n",
            "status_source:\n  publisher: 2025\n  title: Haber\n",
        ),
        encoding="utf-8",
    )
    return base, head


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "'publisher' should be text, not 2025 [schema] at $.status_source.publisher"),
        (
            "tr",
            "'publisher' alanı metin olmalı, 2025 değil [schema] "
            "($.status_source.publisher konumunda)",
        ),
    ],
)
def test_a_source_field_that_is_not_text_is_named_where_it_is(
    tmp_path: Path, lang: str, line: str
) -> None:
    """Item 1: validate named the whole citation "should be text, not a mapping"."""
    _, head = _with_numeric_publisher(tmp_path)
    run = run_spo("--root", str(head), "--lang", lang, "validate")
    assert run.exit_code == 1
    assert (
        run.stdout.splitlines()[0]
        == f"{head / KITCHENS}:21:14: {'error' if lang == 'en' else 'hata'}: {line}"
    )


@pytest.mark.parametrize("form", ["text", "markdown", "json"])
def test_diff_of_a_source_field_that_is_not_text_is_no_internal_error(
    tmp_path: Path, form: str
) -> None:
    """Item 1: `spo diff` cited the source and crashed (TypeError in cite)."""
    base, head = _with_numeric_publisher(tmp_path)
    args = ("diff", "--base-dir", str(base), "--head-dir", str(head), "--as-of", "2026-01-01")

    run = run_spo("--lang", "en", *args, "--format", form)

    assert run.exit_code == 1, run.stderr  # a new problem in HEAD, not a bug in spo
    assert "internal error" not in run.stderr
    assert "publisher: 2025, title: Haber" in run.stdout


def test_a_check_that_fails_on_one_file_is_that_files_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 12: one file's failing check no longer ends the run with exit 1 and no report."""
    import spo.checks.file as files

    root = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "valid-base", root)
    real = files.figure_findings

    def failing(data: dict) -> list:
        if data.get("id") == "artvin":
            raise ZeroDivisionError("division by zero")
        return real(data)

    monkeypatch.setattr(files, "figure_findings", failing)
    run = run_spo("--root", str(root), "validate", env={"SPO_CACHE_DIR": str(tmp_path / "c")})

    assert run.exit_code == 1
    assert run.stdout.splitlines() == [
        f"{root / 'data/municipalities/artvin.yaml'}:1:1: error: spo met an internal error while "
        "checking this file (ZeroDivisionError: division by zero); this is a bug in spo: please "
        "report it to the spo maintainers with the file. The other files were checked "
        "[internal-error]",
        "3 files checked, 1 problem (1 error, 0 warnings)",
    ]


def _interrupted_after(delay: float, command: list[str], cache: Path) -> tuple[int, str]:
    env = {**os.environ, "SPO_LANG": "en", "SPO_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    root = str(REGISTRIES / "sample")
    process = subprocess.Popen(
        [*command, "--root", root, "report", "--format", "html"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    return process.returncode, stderr


COMMANDS = {
    "python -m spo": [sys.executable, "-m", "spo"],
    "spo": [str(Path(sys.executable).with_name("spo"))],  # the console script pip installed
}


@pytest.fixture(scope="module")
def interpreter_start() -> float:
    """How long this machine's interpreter takes to start (its `site` import included), the
    slowest of three: a Ctrl-C before that is Python's, not spo's."""
    times = []
    for _ in range(3):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import sys"], check=True)
        times.append(time.perf_counter() - began)
    return max(times)


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("after", [0.02, 0.05, 0.1, 0.15, 0.25, 0.35])
def test_ctrl_c_at_any_moment_of_start_up_is_one_line_and_130(
    tmp_path: Path, command: str, after: float, interpreter_start: float
) -> None:
    """Item 11: a Ctrl-C while spo's modules were imported gave a traceback, or killed spo by
    the signal (under `python -m`, CPython dies by SIGINT at exit once an interrupt ended any
    string `exec`, even a caught one). Now: one line and exit 130 whenever it comes after the
    interpreter itself has started (or, if it came after the end, a finished run)."""
    if not Path(COMMANDS[command][0]).exists():
        pytest.skip("no console script beside this interpreter")
    delay = 1.5 * interpreter_start + after  # from just after start-up into spo's own run
    code, stderr = _interrupted_after(delay, COMMANDS[command], tmp_path / "cache")

    assert "Traceback" not in stderr
    assert (code, stderr) in ((130, "spo: interrupted\n"), (0, "")), (code, stderr)


ENGAGEMENT = """\
id: artvin
name: Artvin Belediyesi
kind: provincial
province: Artvin
sources: [https://example.org/artvin]
engagements:
  - kind: study-visit
    host: mersin-bb
    date: {date}
"""


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        # Item 13: a block scalar keeps its final line break: "2025-02-10\n" is no date.
        ("|\n      2025-02-10", "error: 'date' is '2025-02-10\\n': write a date as YYYY-MM-DD"),
        ('"2025-02-10\\n"', "error: 'date' is '2025-02-10\\n': write a date as YYYY-MM-DD"),
        ('"2025-02-10/2025-02-10"', None),  # a same-day interval is a day
        ('"../2025-02-10"', None),
        ('"2025-02/.."', None),
    ],
)
def test_a_date_is_exactly_a_date(tmp_path: Path, written: str, problem: str | None) -> None:
    root = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "valid-base", root)
    (root / "data/municipalities/artvin.yaml").write_text(
        ENGAGEMENT.format(date=written), encoding="utf-8"
    )

    run = run_spo("--root", str(root), "validate", env={"SPO_CACHE_DIR": str(tmp_path / "c")})

    if problem is None:
        assert (run.exit_code, run.stdout) == (0, "3 files checked, 0 problems\n")
    else:
        assert run.exit_code == 1
        assert f"artvin.yaml:9:11: {problem}" in run.stdout.splitlines()[0], run.stdout
        shown = run_spo("--root", str(root), "municipality", "show", "artvin", "--format", "json")
        assert "2025-02-10\\n" not in shown.stdout  # never shown as a date


HOSTILE_NAME = (
    "id: artvin\n"
    'name: "Artvin \\e]0;PWNED\\a\\e[31mRED\\e[2J \\u202eevil"\n'
    "kind: provincial\n"
    "province: Artvin\n"
    "sources: [https://example.org/a]  # yorum \u202e ters\n"
)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "2:7: error: 'name' holds an invisible control character (U+001B, character 8): "
                "it can change what a reader's screen shows; remove it [hidden-character] at "
                "$.name",
                "5:43: error: this bidirectional control character (U+202E) can make the line "
                "read differently from what it holds; remove it [hidden-character]",
            ],
        ),
        (
            "tr",
            [
                "2:7: hata: 'name' alanında görünmeyen bir denetim karakteri (U+001B, 8. "
                "karakter) var: okuyanın ekranında görüneni değiştirebilir; silin "
                "[hidden-character] ($.name konumunda)",
                "5:43: hata: buradaki yön denetim karakteri (U+202E) satırın tuttuğundan farklı "
                "okunmasına yol açabilir; silin [hidden-character]",
            ],
        ),
    ],
)
def test_control_and_bidi_characters_are_errors_at_their_place(
    tmp_path: Path, lang: str, expected: list[str]
) -> None:
    """Item 8: an escaped ESC sequence in a name, and a raw right-to-left override in a comment,
    passed validate."""
    root = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "valid-base", root)
    path = root / "data/municipalities/artvin.yaml"
    path.write_text(HOSTILE_NAME, encoding="utf-8")

    run = run_spo("--root", str(root), "--lang", lang, "validate")

    assert run.exit_code == 1
    assert run.stdout.splitlines()[:2] == [f"{path}:{line}" for line in expected]
    assert "\x1b" not in run.stdout and "\u202e" not in run.stdout


def test_tabs_and_line_breaks_in_text_stay_allowed(tmp_path: Path) -> None:
    root = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "valid-base", root)
    (root / "data/municipalities/artvin.yaml").write_text(
        "id: artvin\nname: Artvin Belediyesi\nkind: provincial\nprovince: Artvin\n"
        'notes: "Bir\\tiki\\r\\nüç"\nsources: [https://example.org/a]\n',
        encoding="utf-8",
    )
    run = run_spo("--root", str(root), "validate", env={"SPO_CACHE_DIR": str(tmp_path / "c")})
    assert (run.exit_code, run.stdout) == (0, "3 files checked, 0 problems\n")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "spo: nothing written to data/municipalities/artvin.yaml: 'note' holds an invisible "
            "control character (U+001B, character 2): it can change what a reader's screen shows; "
            "remove it\n",  # said of the note itself, as at the note's question
        ),
        (
            "tr",
            "spo: data/municipalities/artvin.yaml dosyasına hiçbir şey yazılmadı",
        ),
    ],
)
def test_a_write_refuses_a_control_character_typed_into_a_note(
    registry_copy, lang: str, expected: str
) -> None:
    """Item 8: `engagement add --note $'\\x1b[2J…'` wrote ESC into the file."""
    root = registry_copy("sample")
    record = root / "data/municipalities/artvin.yaml"
    before = record.read_bytes()
    args = (
        "--root", str(root), "--lang", lang, "engagement", "add", "--to", "artvin",
        "--host", "mersin-bb", "--kind", "meeting", "--date", "2025-03",
        "--note", "a\x1b[2Jb", "--source", "https://example.org/x", "--yes",
    )  # fmt: skip

    run = run_spo(*args)

    assert run.exit_code == 1
    assert run.stderr.startswith(expected)
    assert "\x1b" not in run.stderr
    assert record.read_bytes() == before


def test_published_figures_that_are_not_a_list_are_a_schema_error_only(tmp_path: Path) -> None:
    """Found by the all-command fuzz run: the figures' agreement check iterated `true`, so the
    file's one real problem was hidden behind an internal error."""
    root = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "sample", root)
    record = root / "data/municipalities/izmir-bb.yaml"
    record.write_text(record.read_text(encoding="utf-8") + "reported_figures: true\n", "utf-8")

    run = run_spo("--root", str(root), "validate", env={"SPO_CACHE_DIR": str(tmp_path / "c")})

    assert run.exit_code == 1
    assert [line.split(": ", 1)[1] for line in run.stdout.splitlines()[:-1]] == [
        "error: 'reported_figures' should be a list, not true (true/false) [schema] at "
        "$.reported_figures"
    ]


HOSTILE_PARTNER = "\u2066x\x90@fuzzbot\x1b[2J"


def _hostile_partner(tmp_path: Path) -> Path:
    root = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "sample", root)
    record = root / KITCHENS
    text = record.read_text(encoding="utf-8")
    record.write_text(
        text + 'partners:\n  - name: "\\u2066x\\x90@fuzzbot\\e[2J"\n    type: ngo\n'
        "    role: supporter\n",
        encoding="utf-8",
    )
    return root


def test_yaml_output_writes_hidden_characters_as_escapes_of_the_same_data(tmp_path: Path) -> None:
    import yaml

    root = _hostile_partner(tmp_path)
    run = run_spo("--root", str(root), "project", "show", "mahalle-mutfaklari", "-f", "yaml")

    assert run.exit_code == 0, run.stderr
    assert '- name: "\\u2066x\\x90@fuzzbot\\e[2J"' in run.stdout
    assert not any(c in run.stdout for c in "\u2066\x90\x1b")
    assert yaml.safe_load(run.stdout)["partners"][-1]["name"] == HOSTILE_PARTNER


def test_csv_output_shows_hidden_characters_as_visible_escapes(tmp_path: Path) -> None:
    root = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "sample", root)
    record = root / "data/municipalities/artvin.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(
        text.replace("name: Artvin Belediyesi", 'name: "Artvin \\e[2J\\u202eevil"'), "utf-8"
    )

    run = run_spo("--root", str(root), "municipality", "list", "-f", "csv")

    assert "Artvin \\x1b[2J\\u202eevil" in run.stdout
    assert "\x1b" not in run.stdout and "\u202e" not in run.stdout


def test_a_query_echoed_on_stderr_cannot_forge_a_line(tmp_path: Path) -> None:
    run = run_spo("--root", str(REGISTRIES / "sample"), "search", "\r::error::FORGED\x1b[2J")
    assert run.stderr == "Nothing found for '\\r::error::FORGED\\x1b[2J'.\n"


def test_a_query_with_a_line_break_stays_on_its_line(tmp_path: Path) -> None:
    """Found by the 10,000-case run: a line break in the query started a line of its own."""
    run = run_spo("--root", str(REGISTRIES / "sample"), "search", "\n::error::FORGED")
    assert run.stderr == "Nothing found for '\\n::error::FORGED'.\n"
