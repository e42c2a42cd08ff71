"""Input made to be slow is not: every check is linear, and the output stays readable.

jsonschema's `uniqueItems` compared every pair of mapping items (4,000 took 19 s), each unknown
key's line was looked up by scanning its whole mapping (16,000 took 21 s), and every one of them
was printed. Now: at most 50 problems of a kind per file, then one line with the count.
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.conftest import run_spo

M = "data/municipalities"
P = "data/projects"
HEAD = "id: artvin\nname: Artvin Belediyesi\nkind: provincial\nprovince: 8\n"
SOURCES = "sources:\n  - https://example.org/artvin\n"


def timed_validate(*args: str) -> tuple[float, str, int]:
    start = time.perf_counter()
    result = run_spo(*args, "validate")
    return time.perf_counter() - start, result.stdout, result.exit_code


def test_16000_unknown_keys_are_fast_and_told_in_50_lines_and_a_count(base: Path) -> None:
    keys = "".join(f"k{i}: 1\n" for i in range(16_000))
    (base / M / "artvin.yaml").write_text(HEAD + SOURCES + keys, encoding="utf-8")
    seconds, out, code = timed_validate()
    lines = out.splitlines()
    assert code == 1
    assert lines[:2] == [
        f"{M}/artvin.yaml:7:1: error: unknown key 'k0' [schema] at $.k0",
        f"{M}/artvin.yaml:8:1: error: unknown key 'k1' [schema] at $.k1",
    ]
    assert lines[49:] == [
        f"{M}/artvin.yaml:56:1: error: unknown key 'k49' [schema] at $.k49",
        f"{M}/artvin.yaml: error: and 15,950 more of the same kind [schema]",
        "3 files checked, 16000 problems (16000 errors, 0 warnings)",
    ]
    assert seconds < 10  # 21 s before; about 2 s now on a laptop


def test_the_count_is_told_in_turkish(base: Path) -> None:
    keys = "".join(f"k{i}: 1\n" for i in range(60))
    (base / M / "artvin.yaml").write_text(HEAD + SOURCES + keys, encoding="utf-8")
    _, out, _ = timed_validate("--lang", "tr")
    assert out.splitlines()[-2] == f"{M}/artvin.yaml: hata: ve aynı türden 10 sorun daha [schema]"


def test_other_kinds_and_files_are_still_shown_after_a_capped_kind(base: Path) -> None:
    keys = "".join(f"k{i}: 1\n" for i in range(51))
    (base / M / "artvin.yaml").write_text(HEAD + keys, encoding="utf-8")  # and no sources
    (base / M / "mersin-bb.yaml").write_text("id: mersin\n", encoding="utf-8")
    _, out, _ = timed_validate()
    lines = out.splitlines()
    assert lines[0] == (
        f"{M}/artvin.yaml:1:1: warning: record has no sources; say where its facts come from "
        "[no-source]"
    )
    assert lines[50:53] == [
        f"{M}/artvin.yaml:54:1: error: unknown key 'k49' [schema] at $.k49",
        f"{M}/artvin.yaml: error: and 1 more of the same kind [schema]",
        f"{M}/mersin-bb.yaml:1:1: warning: record has no sources; say where its facts come from "
        "[no-source]",
    ]


def test_8000_mappings_in_a_list_of_unique_items_are_fast(base: Path) -> None:
    project = (base / P / "mahalle-mutfaklari.yaml").read_text(encoding="utf-8")
    tags = "tags:\n" + "".join(f"  - {{a: {i}, b: [{i}]}}\n" for i in range(8000))
    (base / P / "mahalle-mutfaklari.yaml").write_text(project + tags, encoding="utf-8")
    seconds, out, code = timed_validate()
    assert code == 1
    assert out.splitlines()[-2:] == [
        f"{P}/mahalle-mutfaklari.yaml: error: and 7,950 more of the same kind [schema]",
        "3 files checked, 8000 problems (8000 errors, 0 warnings)",
    ]
    assert seconds < 10  # over 2 minutes before


def test_repeated_mappings_are_still_found(base: Path) -> None:
    project = (base / P / "mahalle-mutfaklari.yaml").read_text(encoding="utf-8")
    tags = "tags: [a, b, a]\n"
    (base / P / "mahalle-mutfaklari.yaml").write_text(project + tags, encoding="utf-8")
    _, out, _ = timed_validate()
    assert out == (
        f"{P}/mahalle-mutfaklari.yaml:12:7: error: 'tags' lists the same value twice [schema] "
        "at $.tags\n"
        "3 files checked, 1 problem (1 error, 0 warnings)\n"
    )


def test_the_json_format_keeps_every_problem(base: Path) -> None:
    import json

    keys = "".join(f"k{i}: 1\n" for i in range(60))
    (base / M / "artvin.yaml").write_text(HEAD + SOURCES + keys, encoding="utf-8")
    result = run_spo("validate", "--format", "json")
    assert len(json.loads(result.stdout)) == 60
