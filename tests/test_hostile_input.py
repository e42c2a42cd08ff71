"""Whatever a reviewer (or an attacker) commits, `spo validate` reports problems at their lines:
never "internal error" for the whole run, never a crash, a hang or a forged line.

Each case writes one file into a copy of tests/registries/valid-base and compares the whole output
of `spo validate`, as a user sees it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import REGISTRIES, run_spo

M = "data/municipalities"
ARTVIN = (REGISTRIES / "valid-base" / M / "artvin.yaml").read_text(encoding="utf-8")
HEAD = "id: artvin\nname: Artvin Belediyesi\nkind: provincial\nprovince: 8\n"
SOURCES = "sources:\n  - https://example.org/artvin\n"


def validate_artvin(root: Path, content: str | bytes) -> tuple[int, str]:
    path = root / M / "artvin.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    result = run_spo("validate")
    return result.exit_code, result.stdout


def one_error(line: int, column: int, text: str, summary_files: int = 3) -> str:
    return (
        f"{M}/artvin.yaml:{line}:{column}: error: {text}\n"
        f"{summary_files} files checked, 1 problem (1 error, 0 warnings)\n"
    )


# ------------------------------------------------------------------ no internal error


def test_a_year_0000_is_a_bad_date_not_a_crash(base: Path) -> None:
    code, out = validate_artvin(base, ARTVIN.replace("../2025-03-21", '"0000"'))
    assert (code, out) == (
        1,
        one_error(
            8,
            11,
            "'0000' is not a real date (there is no year 0000) [bad-date] at $.engagements[0].date",
        ),
    )


def test_a_year_0000_is_told_in_turkish(base: Path) -> None:
    (base / M / "artvin.yaml").write_text(ARTVIN.replace("../2025-03-21", "0000-01/.."))
    result = run_spo("--lang", "tr", "validate")
    assert "'0000-01/..' gerçek bir tarih değil (0000 yılı yok) [bad-date]" in result.stdout


def test_a_year_0000_in_a_write_command_is_a_usage_error(registry_copy) -> None:
    root = registry_copy("sample")
    before = (root / "data/municipalities/artvin.yaml").read_bytes()
    result = run_spo(
        "--root", str(root), "engagement", "add", "--to", "artvin", "--host", "mersin-bb",
        "--kind", "meeting", "--date", "0000-01-01",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "'0000-01-01' is not a real date (there is no year 0000)" in result.stderr
    assert "internal error" not in result.stderr
    assert (root / "data/municipalities/artvin.yaml").read_bytes() == before


def test_a_number_of_5000_digits_is_a_problem(base: Path) -> None:
    code, out = validate_artvin(base, HEAD.replace("8", "9" * 5000) + SOURCES)
    assert (code, out) == (
        1,
        f"{M}/artvin.yaml:4:11: error: number too long (5,000 digits); at most 4,300 digits "
        "can be read [number-too-long]\n"
        f"{M}/artvin.yaml:4:11: error: '999999999999999999999999999999999999999…' is not one of "
        "the 81 provinces (give its plate code or Turkish name) [unknown-province] "
        "at $.province\n"
        "3 files checked, 2 problems (2 errors, 0 warnings)\n",
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("!!int abc", "'abc' is not a value of the kind its tag '!!int' asks for"),
        ('!!int ""', "'' is not a value of the kind its tag '!!int' asks for"),
        ("!!float abc", "'abc' is not a value of the kind its tag '!!float' asks for"),
        ("!!bool maybe", "'maybe' is not a value of the kind its tag '!!bool' asks for"),
        ("!!null x", "'x' is not a value of the kind its tag '!!null' asks for"),
        (
            "!!timestamp garbage",
            "tag '!!timestamp' is not allowed; a record holds only text, numbers, true/false, "
            "null, lists and mappings",
        ),
        (
            "!!set [a]",
            "tag '!!set' is not allowed; a record holds only text, numbers, true/false, null, "
            "lists and mappings",
        ),
        (
            "!!python/object/apply:os.system [ls]",
            "tag '!!python/object/apply:os.system' is not allowed; a record holds only text, "
            "numbers, true/false, null, lists and mappings",
        ),
        ("!!seq abc", "tag '!!seq' does not fit this value (a list, a mapping or a single value?)"),
        ("!!str [a]", "tag '!!str' does not fit this value (a list, a mapping or a single value?)"),
    ],
)
def test_a_tag_outside_the_core_schema_or_with_a_bad_value_is_a_problem(
    base: Path, value: str, message: str
) -> None:
    code, out = validate_artvin(base, HEAD + f"notes: {value}\n" + SOURCES)
    assert code == 1
    assert f"{M}/artvin.yaml:5:8: error: {message} [tag]" in out.splitlines()


def test_core_tags_with_good_values_are_read() -> None:
    from spo.files.loader import parse

    loaded = parse(
        Path("x.yaml"),
        "a: !!int 0x1F\nb: !!float .5\nc: !!bool True\nd: !!str 12\ne: !!null ~\nf: !!seq [1]\n"
        "g: !!map {h: 1}\n",
    )
    assert loaded.problems == ()
    assert loaded.data == {
        "a": 31,
        "b": 0.5,
        "c": True,
        "d": "12",
        "e": None,
        "f": [1],
        "g": {"h": 1},
    }


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [("transfers", "1", "1"), ("engagements", "true", "true (true/false)")],
)
def test_a_scalar_where_a_list_belongs_is_a_schema_problem(
    base: Path, key: str, value: str, expected: str
) -> None:
    code, out = validate_artvin(base, HEAD + f"{key}: {value}\n" + SOURCES)
    assert (code, out) == (
        1,
        one_error(5, len(key) + 3, f"'{key}' should be a list, not {expected} [schema] at $.{key}"),
    )
    listed = run_spo("municipality", "list")
    assert "internal error" not in listed.stderr
    assert listed.exit_code == 0


# The record itself is the first level, so the 50th `[` is the 51st level.
def test_a_thousand_levels_of_nesting_are_one_problem(base: Path) -> None:
    code, out = validate_artvin(base, HEAD + "sources: " + "[" * 1000 + "]" * 1000 + "\n")
    assert (code, out) == (
        1,
        one_error(5, 59, "nested more than 50 levels deep; a record needs far fewer [too-deep]"),
    )


def test_a_hundred_thousand_levels_of_nesting_do_not_crash(base: Path) -> None:
    # PyYAML's C composer recursed once per level: 25,000 levels were a segfault.
    code, out = validate_artvin(base, HEAD + "sources: " + "[" * 100_000 + "\n")
    assert (code, out) == (
        1,
        one_error(5, 59, "nested more than 50 levels deep; a record needs far fewer [too-deep]"),
    )


@pytest.mark.parametrize(
    ("limit", "problem"),
    [
        (51, "exceeded maximum nesting depth"),  # libyaml 0.2.6's words
        (64, "too many levels"),
        (300, "Verschachtelung zu tief"),
    ],
)
def test_a_libyaml_with_its_own_nesting_limit_still_gives_spos_problem(
    base: Path, monkeypatch: pytest.MonkeyPatch, limit: int, problem: str
) -> None:
    """libyaml 0.2.6 stops reading ahead at 1,000 levels, before any event comes out; another
    libyaml may stop elsewhere, in other words. The limit and the place stay spo's own."""
    import yaml

    real_parse = yaml.parse

    def stingy_parse(stream: str, Loader: type) -> object:  # noqa: N803 (PyYAML's own name)
        opened = 0
        for index, char in enumerate(stream):
            opened += char == "["
            if opened > limit:
                mark = yaml.Mark("<unicode string>", index, 0, index, None, None)
                raise yaml.scanner.ScannerError("while scanning", mark, problem, mark)
        yield from real_parse(stream, Loader=Loader)

    monkeypatch.setattr(yaml, "parse", stingy_parse)
    levels = limit + 10
    code, out = validate_artvin(base, HEAD + "sources: " + "[" * levels + "]" * levels + "\n")
    assert (code, out) == (
        1,
        one_error(5, 59, "nested more than 50 levels deep; a record needs far fewer [too-deep]"),
    )


def test_the_nesting_limit_is_found_after_turkish_text_too(base: Path) -> None:
    """The text before libyaml's error is cut by characters: letters of two bytes before it do
    not move the place."""
    head = HEAD.replace("Artvin Belediyesi", "Çığşöü İğdeli Belediyesi")
    code, out = validate_artvin(base, head + "sources: " + "[" * 5000 + "\n")
    assert (code, out) == (
        1,
        one_error(5, 59, "nested more than 50 levels deep; a record needs far fewer [too-deep]"),
    )


def test_deep_block_nesting_is_bounded_too(base: Path) -> None:
    deep = "".join(" " * i + "- \n" for i in range(0, 200, 2))
    code, out = validate_artvin(base, HEAD + "sources:\n" + deep)
    assert (code, out) == (
        1,
        one_error(55, 99, "nested more than 50 levels deep; a record needs far fewer [too-deep]"),
    )


def test_fifty_levels_are_still_read_and_checked(base: Path) -> None:
    code, out = validate_artvin(base, HEAD + "notes: " + "[" * 49 + "]" * 49 + "\n" + SOURCES)
    assert code == 1
    assert out.startswith(f"{M}/artvin.yaml:5:8: error: 'notes' should be ")


# ------------------------------------------------------------------ no hang


def link(root: Path, name: str, target: str | Path) -> None:
    (root / M / name).symlink_to(target)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_a_device_is_a_problem_and_is_not_read(base: Path, device: str) -> None:
    link(base, "endless.yaml", device)
    result = run_spo("validate")
    assert result.stdout == (
        f"{M}/endless.yaml: error: is a symbolic link to a file outside the registry ({device}); "
        "spo does not follow it [link-outside]\n"
        "4 files checked, 1 problem (1 error, 0 warnings)\n"
    )


def test_a_fifo_is_a_problem_and_is_not_opened(base: Path) -> None:
    os.mkfifo(base / M / "pipe.yaml")
    result = run_spo("validate")
    assert result.stdout == (
        f"{M}/pipe.yaml: error: is not a regular file (a device, named pipe or socket); spo "
        "does not open it [special-file]\n"
        "4 files checked, 1 problem (1 error, 0 warnings)\n"
    )
    assert run_spo("municipality", "list").exit_code == 0


def test_a_link_out_of_the_registry_is_not_followed(base: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: secret\n", encoding="utf-8")
    link(base, "secret.yaml", secret)
    result = run_spo("validate")
    assert result.stdout == (
        f"{M}/secret.yaml: error: is a symbolic link to a file outside the registry "
        f"({secret.resolve().as_posix()}); spo does not follow it [link-outside]\n"
        "4 files checked, 1 problem (1 error, 0 warnings)\n"
    )


def test_a_link_to_a_device_named_on_the_command_line_is_not_read(base: Path) -> None:
    link(base, "endless.yaml", "/dev/zero")
    result = run_spo("validate", f"{M}/endless.yaml")
    assert "[link-outside]" in result.stdout
    assert result.exit_code == 1


def test_a_link_inside_the_registry_is_followed(base: Path) -> None:
    (base / "shared").mkdir()
    (base / M / "artvin.yaml").rename(base / "shared" / "artvin.yaml")
    link(base, "artvin.yaml", base / "shared" / "artvin.yaml")
    result = run_spo("validate")
    assert result.stdout == "3 files checked, 0 problems\n"


def test_the_read_commands_skip_special_files_without_reading_them(base: Path) -> None:
    link(base, "zero.yaml", "/dev/zero")
    os.mkfifo(base / M / "pipe.yaml")
    result = run_spo("municipality", "list")
    assert result.exit_code == 0
    assert "artvin" in result.stdout


# ------------------------------------------------------------------ positions as editors count


def test_a_control_character_after_multibyte_letters_is_at_its_character_column(
    base: Path,
) -> None:
    code, out = validate_artvin(base, "id: artvin\nname: ğğğ…\x07\n")
    assert (code, out) == (
        1,
        one_error(2, 11, "control character U+0007 is not allowed in a YAML file [yaml-syntax]"),
    )


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_unicode_line_separators_do_not_end_a_line(base: Path, separator: str) -> None:
    content = HEAD + f'notes: "a{separator}b"\n' + SOURCES + "nmae: x\n"
    code, out = validate_artvin(base, content)
    assert out.splitlines()[0] == (
        f"{M}/artvin.yaml:8:1: error: unknown key 'nmae' (did you mean 'name'?) [schema] at $.nmae"
    )


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_old_mac_and_windows_line_breaks_count_as_editors_count_them(
    base: Path, newline: str
) -> None:
    content = (HEAD + SOURCES + "nmae: x\n").replace("\n", newline)
    code, out = validate_artvin(base, content)
    assert out.splitlines()[0] == (
        f"{M}/artvin.yaml:7:1: error: unknown key 'nmae' (did you mean 'name'?) [schema] at $.nmae"
    )


def test_a_syntax_error_at_the_end_without_a_final_newline_points_inside_the_file(
    base: Path,
) -> None:
    code, out = validate_artvin(base, HEAD + "notes: [a, b")
    assert (code, out) == (
        1,
        one_error(
            5,
            13,
            "YAML syntax error: a list opened with '[' must go on with ',' or ']' [yaml-syntax]",
        ),
    )


def test_an_encoding_error_is_at_its_character_column(base: Path) -> None:
    code, out = validate_artvin(
        base,
        "id: artvin\nname: ğğ\xff\n".encode("utf-8", "surrogateescape").replace(
            b"\xc3\xbf", b"\xff"
        ),
    )
    assert (code, out) == (
        1, one_error(2, 9, "invalid UTF-8 (byte 0xff); save the file as UTF-8 [encoding]")
    )  # fmt: skip


# ------------------------------------------------------------------ no forged lines


def test_a_newline_in_a_value_cannot_forge_a_problem_line(base: Path) -> None:
    forged = ARTVIN.replace("id: artvin", 'id: "a\\nb.yaml:1:1: error: injected [schema]"')
    code, out = validate_artvin(base, forged)
    assert out == (
        f"{M}/artvin.yaml:1:5: error: id 'a\\nb.yaml:1:1: error: injected [schema]' does not "
        "match the file name 'artvin.yaml' [id-mismatch] at $.id\n"
        f"{M}/artvin.yaml:1:5: error: 'id' is 'a\\nb.yaml:1:1: error: injected [schema]': an id "
        "is a lowercase ASCII slug (letters a-z, digits, single hyphens) [schema] at $.id\n"
        "3 files checked, 2 problems (2 errors, 0 warnings)\n"
    )


def test_control_and_bidi_characters_in_keys_are_escaped(base: Path) -> None:
    code, out = validate_artvin(base, HEAD + SOURCES + '"x\\r\\u202e\\x1b[31m": 1\n')
    assert out.splitlines()[:2] == [
        f"{M}/artvin.yaml:7:1: error: 'x\\r\\u202e\\x1b[31m' holds an invisible control "
        "character (U+202E, character 3): it can change what a reader's screen shows; remove it "
        "[hidden-character] at $.x\\r\\u202e\\x1b[31m",
        f"{M}/artvin.yaml:7:1: error: unknown key 'x\\r\\u202e\\x1b[31m' [schema] "
        "at $.x\\r\\u202e\\x1b[31m",
    ]
