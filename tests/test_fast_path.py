"""The fast path reads exactly what the exact path reads, or leaves the file to it.

Both paths run over every YAML file of the tests and the shipped registry (and each again with
"\\r\\n" line breaks), the YAML test suite's 402 cases and 2,000 fuzz cases
(`benchmarks/fuzz.py`): wherever the fast path gives data, the exact path must give the same data
(types, key order, every number's exact value) and no problem. For the records, the whole of one
file's own result is compared too (reading problems, findings, their lines and columns), with
the fast path on and off.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from benchmarks.fuzz import make_case
from benchmarks.mutations import seed_files
from spo.checks.file import checked_text, to_problems
from spo.files import fast_path
from spo.files.fast_path import fast_data
from spo.files.loader import decode, parse, parse_exact
from spo.rules.problems import Problem
from tests.yaml_suite import (
    AGREES,
    LEFT,
    both_paths_table,
    cases,
    counts,
    fast_reader,
    outcomes,
    spo_reader,
)

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
# 2,000 in every run; SPO_FUZZ_CASES=20000 for the longer run a closing note reports.
FUZZ_CASES = int(os.environ.get("SPO_FUZZ_CASES", "2000"))
FUZZ_SEED = 25
TODAY = date(2026, 12, 7)

pytestmark = pytest.mark.skipif(not fast_path.FAST, reason="yaml-rs is not installed")


def exact(value: Any) -> Any:
    """A value with everything `==` would overlook: types, key order, -0.0, NaN."""
    if isinstance(value, dict):
        return ("dict", [(exact(k), exact(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [exact(v) for v in value])
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, repr(value))


def yaml_files() -> list[Path]:
    found = [*REPO.glob("tests/**/*.yaml"), *REPO.glob("tests/**/*.yml")]
    found += [*REPO.glob("data/**/*.yaml")]
    return sorted(p for p in found if p.is_file())


def texts() -> Iterator[tuple[str, bytes]]:
    for path in yaml_files():
        raw = path.read_bytes()
        yield path.relative_to(REPO).as_posix(), raw
        yield f"{path.relative_to(REPO).as_posix()} (CRLF)", raw.replace(b"\n", b"\r\n")
    for case in cases():
        yield f"suite {case.id}", case.yaml.encode("utf-8")
    seeds = seed_files()
    for number in range(FUZZ_CASES):
        relative, content, _ = make_case(FUZZ_SEED, number, seeds)
        yield f"fuzz {number} ({relative})", content


def _compare(raw: bytes) -> bool | None:
    """Whether the fast path read the text (None when it is not UTF-8); fails on a difference."""
    path = Path("case.yaml")
    text = decode(path, raw)
    if isinstance(text, Problem):
        return None
    data = fast_data(text)
    if data is None:
        return False
    loaded = parse_exact(path, text)
    assert loaded.problems == ()
    assert exact(data) == exact(loaded.data)
    assert exact(parse(path, text).data) == exact(loaded.data)
    return True


def test_the_fast_path_reads_only_what_the_exact_path_reads_and_as_it_does() -> None:
    taken: dict[str, list[int]] = {}
    differences = []
    for name, raw in texts():
        group = name.split(" ", 1)[0] if name.startswith(("suite", "fuzz")) else "files"
        try:
            took = _compare(raw)
        except AssertionError as failure:
            differences.append(f"{name}: {failure}")
            continue
        counts = taken.setdefault(group, [0, 0])
        counts[0] += 1
        counts[1] += bool(took)
    print({group: f"{fast} of {all_} by the fast path" for group, (all_, fast) in taken.items()})
    assert differences == []
    assert taken["fuzz"][0] == FUZZ_CASES
    assert taken["suite"][0] == 402
    # the fast path is really taken: most files, some fuzz cases, a few suite cases
    assert taken["files"][1] > taken["files"][0] // 2
    assert taken["fuzz"][1] > FUZZ_CASES // 10
    assert taken["suite"][1] > 10


def _result(kind: str | None, name: str, text: str) -> Any:
    path = Path(name)
    payload, data = checked_text(kind, path, text, TODAY)
    problems, summary, own, comments = payload
    placed = to_problems(path, text, own + comments)
    # repr: a NaN in a message is the same NaN, though never equal to itself
    return repr((problems, exact(summary), own, comments, placed, exact(data)))


def records() -> Iterator[tuple[str | None, str, str]]:
    """The shipped and test records, and the fuzz cases that the fast path reads (it leaves the
    others to the exact path, the same code either way)."""
    for path in seed_files():
        kind = {"projects": "project", "municipalities": "municipality"}.get(path.parent.name)
        yield kind, path.name, path.read_text(encoding="utf-8").removeprefix("\ufeff")
    seeds = seed_files()
    for number in range(FUZZ_CASES):
        relative, content, _ = make_case(FUZZ_SEED, number, seeds)
        kind = "project" if "/projects/" in relative else "municipality"
        text = decode(Path(relative), content)
        if not isinstance(text, Problem) and fast_data(text) is not None:
            yield kind, Path(relative).name, text


def test_a_file_checked_gives_the_same_problems_at_the_same_places_either_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = list(records())
    fast = [_result(kind, name, text) for kind, name, text in files]
    monkeypatch.setattr(fast_path, "yaml_rs", None)
    slow = [_result(kind, name, text) for kind, name, text in files]
    differing = [name for (_, name, _), a, b in zip(files, fast, slow, strict=True) if a != b]
    assert differing == []
    assert len(files) > 300


# Where yaml-rs reads otherwise than spo's YAML 1.2 rules: each goes to the exact path.
DIFFERENT = [
    "a: 1_000\n",
    "a: 012\n",
    "a: 00\n",
    "a: 0x1F\n",
    "a: 0o17\n",
    "a: 0b101\n",
    "a: _1\n",
    "a: .inf\n",
    "a: -.inf\n",
    "a: .nan\n",
    "a: .NaN\n",
    "a: 1e1_0\n",
    "a: " + "9" * 101 + "\n",
    "a: 1" + "0" * 4300 + "\n",
    "a: !!str 1\n",
    "a: !!set {x}\n",
    "a: !local x\n",
    "a: &x 1\nb: *x\n",
    "<<: {a: 1}\nb: 2\n",
    "a:\n  <<: x\n",
    "a: 1\na: 2\n",
    "1: a\n",
    "1 : a\n",
    "a:\n  null : x\n",
    "a: 012 # a comment\n",
    "a: 2\nb:\n  - 0x1F\n",
    "- 1: a\n",
    "1.5: a\n",
    "null: a\n",
    "~: a\n",
    "True: a\n",
    ": a\n",
    "a: 1\n---\nb: 2\n",
    "--- \na: 1\n",
    "%YAML 1.2\n---\na: 1\n",
    "name: |\n",  # an empty text at the end: "" for YAML 1.2, "\\n" for yaml-rs
    "a:\n  b: |\n\n",
    "b: 1\na: >2  # c\n",
    "- |+\n  \n",
    "a: x\x01\n",
    "a: x\x7f\n",
    "a: \ufeffx\n",
    "a: x\x85b: 2\n",
    "a: x\u2028b\n",
    "a: 1\rb: 2\n",
    'a: "\\u0041"\n',
    "a:\n\t- x\n",
    "? a\n: b\n",
    "a: [1, 2]\n",
    "a: {b: 1}\n",
    "- a\n- b\n",
    "k" * 1100 + ": x\n",  # an implicit key longer than YAML allows
    "a: b\n  c: d\n",
    "a\n",
    "",
    "# only a comment\n",
]


@pytest.mark.parametrize("text", DIFFERENT)
def test_what_yaml_rs_reads_otherwise_goes_to_the_exact_path(text: str) -> None:
    assert fast_data(text) is None


SAME = [
    "a: 1\nb: -2\nc: +3\nd: 0\n",
    "a: 1.5\nb: 1e3\nc: .5\nd: 1.\ne: -0.0\n",
    "a: true\nb: False\nc: null\nd: ~\ne:\n",
    "a: 2025-03-21\nb: 2025-03-21T10:00:00Z\nc: 1:30\n",
    "a: 'x: 1'\nb: \"y & z\"\nc: x [y] {z} ? ! % *\n",
    "a: |\n  x\n  y\nb: >-\n  x\n  y\n",
    "a:\r\n  - x\r\n  - y\r\nb: |\r\n  z\r\n",
    "a: 000_7a67c3ec875bc26a.txt\nb: 12abc\nc: 1 000\n",
    "\"1\": a\n'null': b\n",
    "a: 123456789012345678901234567890\n",
]


@pytest.mark.parametrize("text", SAME)
def test_what_both_read_alike_takes_the_fast_path(text: str) -> None:
    data = fast_data(text)
    assert data is not None
    loaded = parse_exact(Path("case.yaml"), text)
    assert loaded.problems == ()
    assert exact(data) == exact(loaded.data)


def test_without_yaml_rs_every_file_takes_the_exact_path(tmp_path: Path) -> None:
    """`spo validate` without yaml-rs installed: the same output, the fast path never taken."""
    program = (
        "import sys\n"
        "if sys.argv[1] == 'without': sys.modules['yaml_rs'] = None\n"
        "from spo.files import fast_path\n"
        "assert fast_path.FAST == (sys.argv[1] == 'with')\n"
        "assert (fast_path.fast_data('a: 1\\n') is None) == (sys.argv[1] == 'without')\n"
        "from spo import cli\n"
        "cli.main(['--lang', 'en', 'validate', '--format', 'text'])\n"
    )
    outputs = []
    for mode in ("with", "without"):
        env = {**os.environ, "SPO_CACHE_DIR": str(tmp_path / mode), "NO_COLOR": "1"}
        run = subprocess.run(
            [sys.executable, "-c", program, mode],
            cwd=REPO / "tests" / "registries" / "turkish-validate",
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert "Traceback" not in run.stderr, run.stderr
        outputs.append((run.returncode, run.stdout))
    assert outputs[0] == outputs[1]
    assert outputs[0][0] == 1 and ":" in outputs[0][1]  # problems, at their lines


def test_the_fast_path_alone_on_the_yaml_test_suite() -> None:
    """It reads some cases, each as the suite says, and leaves all the others to the exact path;
    the README shows the table beside the exact path's."""
    found = outcomes(fast_reader)
    assert counts(found)[AGREES] == 25
    assert sum(o in (AGREES, LEFT) for o in found.values()) == 402
    spo = outcomes(spo_reader)
    assert all(spo[case] == AGREES for case, o in found.items() if o == AGREES)
    assert both_paths_table() in README.read_text(encoding="utf-8")


def test_only_the_first_thread_that_reads_calls_yaml_rs() -> None:
    """yaml-rs 0.1.6 crashed the process when threads that came and went read files (under
    `spo serve`): the first reading thread owns it, and every other thread, even one started
    after an earlier one ended, gets the exact path's reading: the same data, never a crash."""
    program = (
        "import threading\n"
        "from pathlib import Path\n"
        "from spo.files import fast_path\n"
        "from spo.files.loader import parse\n"
        "text = 'id: a\\nname:\\n  tr: Çay ocağı\\n'\n"
        "seen = []\n"
        "def read():\n"
        "    seen.append((fast_path.fast_data(text), parse(Path('a.yaml'), text).data))\n"
        "read()\n"
        "for _ in range(20):\n"
        "    worker = threading.Thread(target=read); worker.start(); worker.join()\n"
        "read()\n"
        "first, *others, last = seen\n"
        "assert first[0] == last[0] == first[1], seen\n"
        "assert all(fast is None and data == first[1] for fast, data in others), others\n"
        "print('ok', len(seen))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=False
    )
    assert (run.returncode, run.stdout, run.stderr) == (0, "ok 22\n", "")
