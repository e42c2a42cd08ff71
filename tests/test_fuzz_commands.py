"""A bounded fuzz run of every read command: hostile records never make spo fail, nor print
anything dangerous raw.

The long run is `python -m benchmarks.fuzz_commands --cases 10000`; this one runs 40 cases
in-process (a segfault would end the suite, which is a failure too). Each failure kind is its own
test, so a run says which kinds are left: raw-control is the terminal and GitHub-annotation
escaping, raw-html the Markdown escaping (issue 22, "one escaper per output kind").
"""

from __future__ import annotations

from collections import Counter

import pytest

from benchmarks.fuzz_commands import MATRIX, Outcome, make_case, run_cases
from benchmarks.output_rules import KINDS, dangers, judge_run

SEED, CASES = 2025, 40


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    return list(run_cases(seed=SEED, numbers=range(CASES), timeout=10))


@pytest.mark.parametrize("kind", KINDS)
def test_forty_hostile_cases_through_every_command(outcomes: list[Outcome], kind: str) -> None:
    failures = [o for o in outcomes if o.kind == kind]
    assert [f"case {o.case}: {o.command} {o.fmt}: {o.detail}" for o in failures] == []


def test_the_run_runs_commands_and_knows_every_outcome(outcomes: list[Outcome]) -> None:
    assert len(outcomes) == sum(len(make_case(SEED, n).runs) for n in range(CASES))
    assert {o.kind for o in outcomes} <= {"ok", *KINDS}
    assert len({(o.command, o.fmt) for o in outcomes}) > len(MATRIX) * 3 // 4


def test_a_long_run_gives_every_command_and_format_many_cases() -> None:
    pairs = Counter((r.command, r.fmt) for n in range(400) for r in make_case(1, n).runs)
    assert set(pairs) == set(MATRIX)
    assert min(pairs.values()) >= 30


def test_cases_are_the_same_for_the_same_seed() -> None:
    assert make_case(7, 3) == make_case(7, 3)
    assert make_case(7, 3) != make_case(8, 3)


def test_a_run_that_outlives_its_bound_is_a_hang() -> None:
    found = list(run_cases(seed=SEED, numbers=range(1), timeout=0.000_001))
    assert {o.kind for o in found} == {"hang"}


def kinds(kind: str, text: str) -> list[str]:
    return [failure for failure, _ in dangers(kind, text)]


def test_the_rules_see_raw_controls_where_a_person_reads() -> None:
    for kind in ("table", "text", "markdown", "github", "stderr"):
        assert kinds(kind, "Artvin \x1b]0;PWNED\x07") == ["raw-control"]
        assert kinds(kind, "evil \u202e text") == ["raw-control"]
        assert kinds(kind, "a\tb\nc \\x1b \\u202e") == []
    assert kinds("csv", "a,b\r\n1,2\r\n") == []
    assert kinds("csv", "a,b\r\n1,\x9b31m\r\n") == ["raw-control"]
    assert kinds("json", '{"a": "\\u001b\u202e"}') == []
    assert kinds("html", "<p>\x1b</p>") == []


def test_the_rules_see_lines_and_commands_that_data_forged() -> None:
    forged = "::error file=a.yaml::name is\n::error::FORGED\n"
    assert kinds("github", forged) == ["raw-control"]
    assert kinds("text", forged) == ["raw-control"]
    assert kinds("github", "::error::name is %250A::error::FORGED") == []
    assert kinds("github", "::error::a %0A::notice::PCTFORGED") == ["raw-control"]
    assert kinds("github", "::error::a %250A::notice::PCTFORGED") == []


def test_the_rules_see_markup_and_mentions_from_data() -> None:
    assert kinds("markdown", "| a |\n|---|\n| <img src=x> |") == ["raw-html"]
    assert kinds("markdown", "<details>\n<summary>Details</summary>\n</details>") == []
    assert kinds("markdown", "\\<script\\> &lt;img src=x&gt; <details open>") == ["raw-html"]
    assert kinds("markdown", "\\\\\\<img src=x\\>") == []  # an escaped backslash, an escaped <
    assert kinds("markdown", "\\\\<img src=x>") == ["raw-html"]  # an escaped backslash, a raw <
    assert kinds("markdown", "hi @fuzzbot") == ["raw-html"]
    assert kinds("markdown", "hi \\`@fuzzbot\\`") == ["raw-html"]
    assert kinds("markdown", "hi `@fuzzbot` a@fuzzbot \\@fuzzbot") == []
    assert kinds("markdown", "| a | b |\n|---|---|\n| x | y \\| z |") == []
    assert kinds("markdown", "| a | b |\n|---|---|\n| x | y | z |") == ["raw-html"]
    assert kinds("html", "<p>&lt;script&gt;</p>") == []
    assert kinds("html", "<p><script>alert(1)</script></p>") == ["raw-html"]


def test_the_judge_sees_what_went_wrong() -> None:
    assert judge_run(0, "[]", "", "json") == []
    assert judge_run(1, "", "spo: the record cannot be read", "json") == []
    assert [k for k, _ in judge_run(0, "", "", "json")] == ["bad-json"]
    assert [k for k, _ in judge_run(0, "[1,", "", "json")] == ["bad-json"]
    assert [k for k, _ in judge_run(0, "a,b\r\n1\r\n", "", "csv")] == ["bad-json"]
    internal = "spo: internal error (TypeError: x)"
    assert [k for k, _ in judge_run(3, "", internal, "table")] == ["internal-error"]
    assert [k for k, _ in judge_run(1, "a.yaml: error: x [internal-error]", "", "text")] == [
        "internal-error"
    ]
    traceback = "Traceback (most recent call last):\n  File ..."
    assert [k for k, _ in judge_run(1, "", traceback, "table")] == ["traceback"]
    assert [k for k, _ in judge_run(4, "", "", "table")] == ["bad-exit"]
