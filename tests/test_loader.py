"""The loader reads what a reviewer wrote, not what YAML 1.1 would make of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from spo.cli.words import render
from spo.files.loader import MAX_FILE_BYTES, load_file, parse


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("2025-03-21", "2025-03-21"),  # YAML 1.1: a date object
        ("2025-03-21T10:00:00", "2025-03-21T10:00:00"),  # a datetime
        ("no", "no"),  # a boolean in YAML 1.1
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("Y", "Y"),
        ("06100", "06100"),  # an octal number in YAML 1.1
        ("0o17", "0o17"),
        ("0x1F", "0x1F"),
        ("1_000", "1_000"),
        ("12:30", "12:30"),  # sexagesimal 750 in YAML 1.1
        ("33", 33),
        ("-4", -4),
        ("1.5", 1.5),
        ("true", True),
        ("false", False),
        ("null", None),
        ("~", None),
        ("", None),
        ("'2025-03-21'", "2025-03-21"),
    ],
)
def test_plain_scalars_follow_yaml_1_2_core(written: str, read: object) -> None:
    loaded = parse(Path("x.yaml"), f"value: {written}\n")
    assert loaded.problems == ()
    assert loaded.data == {"value": read}


def test_a_byte_order_mark_is_accepted() -> None:
    loaded = parse(Path("x.yaml"), "id: x\n")
    assert loaded.data == {"id": "x"}


def test_a_billion_laughs_is_refused_without_expanding(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = load_file(path)
    assert loaded.data is None
    assert {p.code for p in loaded.problems} == {"anchor"}
    assert len(loaded.problems) == 9 + 8 * 9


def test_a_file_over_the_size_limit_is_not_parsed(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("notes: " + "x" * MAX_FILE_BYTES + "\n", encoding="utf-8")
    (problem,) = load_file(path).problems
    assert problem.code == "file-too-large"
    assert render(problem.message, "en") == (
        f"file is {MAX_FILE_BYTES + 8:,} bytes; a registry file may be at most {MAX_FILE_BYTES:,}"
    )


def test_a_file_deleted_before_reading_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (problem,) = load_file(tmp_path / "gone.yaml").problems
    assert (problem.code, render(problem.message, "en")) == (
        "file-missing",
        "file not found (was it moved or deleted?)",
    )


def test_control_characters_are_reported_with_their_position() -> None:
    (problem,) = parse(Path("x.yaml"), "id: x\nname: a\x07b\n").problems
    assert (problem.line, problem.column, problem.code) == (2, 8, "yaml-syntax")
    assert render(problem.message, "en") == "control character U+0007 is not allowed in a YAML file"


def test_keys_that_are_not_text_are_reported() -> None:
    loaded = parse(Path("x.yaml"), "id: x\n2025: visit\n")
    (problem,) = loaded.problems
    assert (problem.line, problem.column, problem.code) == (2, 1, "key-not-text")
