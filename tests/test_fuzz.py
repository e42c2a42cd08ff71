"""A bounded fuzz run: hostile variants of the shipped and test records never stop `spo validate`.

The long run is `python -m benchmarks.fuzz --cases 10000`; this one runs a few hundred cases
in-process (a segfault would end the suite, which is a failure too).
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.fuzz import judge, line_count, make_case, run_cases
from benchmarks.mutations import seed_files


def test_two_hundred_hostile_files_give_problems_at_their_lines() -> None:
    failures = [o for o in run_cases(seed=2025, cases=range(200), timeout=10) if o.kind != "ok"]
    assert [f"case {o.case}: {o.kind}: {o.detail}" for o in failures] == []


def test_cases_are_the_same_for_the_same_seed() -> None:
    seeds = seed_files()
    assert make_case(7, 3, seeds) == make_case(7, 3, seeds)
    assert make_case(7, 3, seeds) != make_case(8, 3, seeds)


def test_lines_are_counted_as_editors_count_them() -> None:
    texts = (b"", b"a", b"a\n", b"a\r\nb", b"a\rb\r", "a\u2028b".encode())
    assert [line_count(t) for t in texts] == [1, 1, 1, 2, 2, 1]


def test_the_judge_sees_what_went_wrong(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("x: 1\ny: 2\n", encoding="utf-8")
    summary = "1 file checked, 1 problem (1 error, 0 warnings)\n"
    good = "a.yaml:2:1: error: unknown key 'y' [schema] at $.y\n"
    assert judge(tmp_path, 1, good + summary, "") == ("ok", "")
    assert judge(tmp_path, 1, good.replace(":2:", ":3:") + summary, "")[0] == "out-of-range"
    assert judge(tmp_path, 1, good.replace("'y'", "'y\nz'") + summary, "")[0] == "not-one-line"
    assert judge(tmp_path, 1, summary, "spo: internal error (ValueError: x)")[0] == "internal-error"
    assert judge(tmp_path, 2, good + summary, "")[0] == "exit-code"
