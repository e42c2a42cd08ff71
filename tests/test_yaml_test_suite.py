"""spo's reading of YAML measured on the YAML test suite's 402 cases: how many it reads as the
suite says, refuses by design, refuses wrongly, reads differently, or accepts though invalid.

The counts and the cases read differently or accepted though invalid are pinned, so that a
change of PyYAML, of libyaml or of spo's prescan shows here; `pytest -s` prints the table, and
the README shows the same table.
"""

from __future__ import annotations

from pathlib import Path

from tests.yaml_suite import (
    ACCEPTS_INVALID,
    AGREES,
    BY_POLICY,
    NOTHING_TO_COMPARE,
    READS_DIFFERENTLY,
    REFUSED,
    REFUSES_VALID,
    cases,
    counts,
    markdown_table,
    outcomes,
    spo_reader,
)

README = Path(__file__).resolve().parents[1] / "README.md"


def _ids(found: dict[str, str], name: str) -> list[str]:
    return sorted(i for i, o in found.items() if o == name)


def test_the_suite_is_all_there() -> None:
    suite = cases()
    assert len(suite) == 402
    assert sum(case.error for case in suite) == 94
    assert sum(case.json is not None for case in suite) == 282


def test_spo_reads_the_suite_as_measured() -> None:
    found = outcomes(spo_reader)
    print("\n" + markdown_table({"spo": found}))
    assert counts(found) == {
        AGREES: 69,
        READS_DIFFERENTLY: 0,
        NOTHING_TO_COMPARE: 0,
        BY_POLICY: 184,
        REFUSES_VALID: 55,
        REFUSED: 92,
        ACCEPTS_INVALID: 2,
    }
    assert _ids(found, READS_DIFFERENTLY) == []
    assert _ids(found, ACCEPTS_INVALID) == ["9C9N", "QB6E"]


def test_the_readme_shows_the_table() -> None:
    assert markdown_table({"spo": outcomes(spo_reader)}) in README.read_text(encoding="utf-8")
