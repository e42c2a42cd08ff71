"""Fuzz `spo validate` with hostile variants of the shipped and test records.

    python -m benchmarks.fuzz --cases 10000 [--seed 11] [--batch 250] [--timeout 10]

Each case writes one mutated record (see `benchmarks/mutations.py`) into a small valid registry
and runs `spo validate --format text` in-process, as a user would, and checks what the user sees:
- the exit code is 0 or 1 (never 2, never "internal error");
- every problem's line is inside the file, as an editor counts lines, and its column is >= 1;
- every output line is one problem (or one "and N more" count), and they add up to the summary;
- each case finishes within the time bound (a hang).
A segfault kills the interpreter, so the long run runs batches in subprocesses and counts a
crash instead of dying with it; a batch that stops answering is killed and counted as a hang.
The test suite runs a bounded form in-process (`tests/test_fuzz.py`).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import re
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks.mutations import REPOSITORY, mutate, seed_files
from spo import cli

BASE = REPOSITORY / "tests" / "registries" / "valid-base"
_PROBLEM = re.compile(
    r"^(?P<file>[^:]+?)(?::(?P<line>\d+):(?P<column>\d+))?: (?:error|warning): (?P<text>.*) "
    r"\[[a-z-]+\](?: at \$.*)?$"
)
_MORE = re.compile(r"^and (?P<count>[\d,]+) more of the same kind$")
_SUMMARY = re.compile(r"^\d+ files? checked, (?P<count>\d+) problems?")
_BREAKS = re.compile(r"\r\n|\r|\n")


class Hang(BaseException):
    """Raised by the alarm inside a case; a BaseException, so no `except Exception` hides it."""


@dataclass(frozen=True)
class Outcome:
    case: int
    kind: str  # ok, internal-error, exit-code, out-of-range, not-one-line, hang, crash
    seconds: float
    detail: str = ""


def line_count(raw: bytes) -> int:
    """Lines as an editor shows them: only \\n, \\r\\n and \\r end one; a final break opens none."""
    text = raw.decode("utf-8", errors="replace")
    parts = _BREAKS.split(text)
    return len(parts) - 1 if len(parts) > 1 and parts[-1] == "" else len(parts)


def make_case(seed: int, case: int, seeds: list[Path]) -> tuple[str, bytes, list[str]]:
    """The relative path and content of case `case` of run `seed`: the same every time."""
    rng = random.Random(f"{seed}:{case}")
    source = rng.choice(seeds)
    folder = source.parent.name if source.parent.name in ("projects", "municipalities") else ""
    relative = f"data/{folder or 'municipalities'}/{source.name}"
    content, names = mutate(rng, source.read_text(encoding="utf-8"))
    return relative, content, names


def run_validate(root: Path) -> tuple[int, str, str]:
    """`spo validate` in-process, in `root`, with the user's exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    cwd = Path.cwd()
    code = 0
    try:
        os.chdir(root)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            cli.main(["--lang", "en", "validate", "--format", "text"])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        os.chdir(cwd)
    return code, out.getvalue(), err.getvalue()


def judge(root: Path, code: int, stdout: str, stderr: str) -> tuple[str, str]:
    """What went wrong in one run, as (kind, detail); ("ok", "") when nothing did."""
    if "internal error" in stderr or "internal error" in stdout:
        return "internal-error", stderr.strip()[:300]
    if code not in (0, 1):
        return "exit-code", f"{code}: {stderr.strip()[:300]}"
    lines = stdout.splitlines()
    if not lines or not (summary := _SUMMARY.match(lines[-1])):
        return "not-one-line", f"no summary: {stdout[-300:]!r}"
    told, counts = 0, {}
    for line in lines[:-1]:
        match = _PROBLEM.match(line)
        if match is None:
            return "not-one-line", line[:300]
        more = _MORE.match(match["text"])
        told += int(more["count"].replace(",", "")) if more else 1
        if match["line"] is None:
            continue
        file = root / match["file"]
        if file not in counts:
            counts[file] = line_count(file.read_bytes()) if file.is_file() else 0
        number, column = int(match["line"]), int(match["column"])
        if not (1 <= number <= max(counts[file], 1)) or column < 1:
            return "out-of-range", f"{line[:200]} (file has {counts[file]} lines)"
    if told != int(summary["count"]):
        return "not-one-line", f"{told} problem lines for {summary['count']} problems"
    return "ok", ""


def _alarm(signum: int, frame: object) -> None:
    raise Hang


def run_cases(seed: int, cases: range, timeout: float = 10.0) -> Iterator[Outcome]:
    """Run cases in this process, each in the same scratch registry, within `timeout` seconds."""
    seeds = seed_files()
    with tempfile.TemporaryDirectory(prefix="spo-fuzz-") as tmp:
        root = Path(tmp) / "registry"
        shutil.copytree(BASE, root)
        previous = signal.signal(signal.SIGALRM, _alarm)
        try:
            for case in cases:
                yield _one_case(root, seed, case, seeds, timeout)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _one_case(root: Path, seed: int, case: int, seeds: list[Path], timeout: float) -> Outcome:
    relative, content, names = make_case(seed, case, seeds)
    target = root / relative
    original = target.read_bytes() if target.exists() else None
    target.write_bytes(content)
    start = time.perf_counter()
    try:
        signal.setitimer(signal.ITIMER_REAL, timeout)
        code, stdout, stderr = run_validate(root)
        signal.setitimer(signal.ITIMER_REAL, 0)
        kind, detail = judge(root, code, stdout, stderr)
    except Hang:
        kind, detail = "hang", f"over {timeout} s"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        if original is None:
            target.unlink()
        else:
            target.write_bytes(original)
    if kind != "ok":
        detail = f"{relative} after {'+'.join(names)}: {detail}"
    return Outcome(case, kind, time.perf_counter() - start, detail)


# ---------------------------------------------------------------- the long run, in batches


def _worker(seed: int, start: int, stop: int, timeout: float) -> None:
    for outcome in run_cases(seed, range(start, stop), timeout):
        print(json.dumps(outcome.__dict__), flush=True)


def _batch(seed: int, start: int, stop: int, timeout: float) -> Iterator[Outcome]:
    """Run cases in a subprocess; a case that kills it is a crash, one that stalls it a hang."""
    while start < stop:
        command = [sys.executable, "-m", "benchmarks.fuzz", "--worker", str(start), str(stop)]
        command += ["--seed", str(seed), "--timeout", str(timeout)]
        process = subprocess.Popen(
            command, cwd=REPOSITORY, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        assert process.stdout is not None
        selector = selectors.DefaultSelector()
        selector.register(process.stdout, selectors.EVENT_READ)
        waited_since = time.perf_counter()
        while start < stop:
            # A case's own bound, and room for the interpreter's start-up before the first one.
            if not selector.select(timeout=timeout * 2 + 10):
                process.kill()
                process.wait()
                yield Outcome(start, "hang", time.perf_counter() - waited_since, "no answer")
                start += 1
                break
            line = process.stdout.readline()
            if not line:
                code = process.wait()
                kind = "crash" if code != 0 else "hang"
                yield Outcome(start, kind, time.perf_counter() - waited_since, f"exit {code}")
                start += 1
                break
            outcome = Outcome(**json.loads(line))
            yield outcome
            start, waited_since = outcome.case + 1, time.perf_counter()
        else:
            process.wait()
        selector.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fuzz spo validate with hostile records.")
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--batch", type=int, default=250)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per case")
    parser.add_argument("--worker", nargs=2, type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        _worker(args.seed, *args.worker, args.timeout)
        return 0
    started = time.perf_counter()
    kinds: Counter[str] = Counter()
    slowest = Outcome(-1, "ok", 0.0)
    failures: list[Outcome] = []
    for first in range(0, args.cases, args.batch):
        for outcome in _batch(args.seed, first, min(first + args.batch, args.cases), args.timeout):
            kinds[outcome.kind] += 1
            slowest = max(slowest, outcome, key=lambda o: o.seconds)
            if outcome.kind != "ok":
                failures.append(outcome)
                print(f"case {outcome.case}: {outcome.kind}: {outcome.detail}", file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(f"seed {args.seed}: {sum(kinds.values())} cases in {elapsed:.0f} s")
    for kind in ("internal-error", "exit-code", "crash", "hang", "out-of-range", "not-one-line"):
        print(f"  {kind:<15} {kinds[kind]}")
    print(f"  slowest case    {slowest.case} ({slowest.seconds:.2f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
