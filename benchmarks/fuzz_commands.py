"""Fuzz every read command of spo, in every output format, with hostile records.

    python -m benchmarks.fuzz_commands --cases 10000 [--seed 1] [--batch 200] [--timeout 10]
                                       [--keep DIR] [--jobs 2]

Each case mutates one record of a small valid registry (`tests/registries/sample`; the kinds are
`benchmarks/mutations.py`'s `HOSTILE_MUTATIONS`, with now and then one of its `MUTATIONS`) in a
git repository whose last commit is the registry unmutated, and runs a random handful of the
command x format pairs of `MATRIX` in-process, as a user would: `validate`, `list`, `show`,
`search`, `report`, `report --explain`, `export` and `diff HEAD`. Over a run every pair gets many
cases. Each run is judged by `benchmarks/output_rules.py`: the exit code, no traceback or
internal error, nothing dangerous raw in what a person reads (one table of rules per kind of
output), data outputs that parse. A segfault kills the interpreter, so the long run runs batches
in subprocesses and counts a crash instead of dying with it; a batch that stops answering is
killed and counted as a hang. `tests/test_fuzz_commands.py` runs a bounded form in-process.
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
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from benchmarks.mutations import PIECES, REPOSITORY, mutate_hostile
from benchmarks.output_rules import KINDS, judge_export, judge_run
from spo import cli

BASE = REPOSITORY / "tests" / "registries" / "sample"
TABULAR = ("table", "json", "csv", "yaml")
# (command, format): every read command and every format it offers.
MATRIX: tuple[tuple[str, str], ...] = (
    *(("validate", f) for f in ("text", "json", "github")),
    *(
        (c, f)
        for c in ("project list", "municipality list", "transfer list", "search")
        for f in TABULAR
    ),
    *((c, f) for c in ("project show", "municipality show") for f in ("table", "json", "yaml")),
    *(("report", f) for f in ("table", "markdown", "json", "html")),
    *(("report --explain", f) for f in ("table", "markdown", "json")),
    *(("export", f) for f in ("csv", "sqlite")),
    *(("diff", f) for f in ("text", "markdown", "json")),
)
METRICS = (
    "municipalities-hosted", "municipalities-in-talks", "municipalities-supported",
    "municipalities-transferred-to", "projects-transferred", "projects-supported", "visitors",
)  # fmt: skip
OUT = "{out}"  # in an export's arguments: a fresh path, made when the command runs


class Hang(BaseException):
    """Raised by the alarm inside a run; a BaseException, so no `except Exception` hides it."""


@dataclass(frozen=True)
class Run:
    command: str
    fmt: str
    argv: tuple[str, ...]


@dataclass(frozen=True)
class Case:
    number: int
    relative: str
    content: bytes
    mutations: tuple[str, ...]
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Outcome:
    case: int
    command: str
    fmt: str
    kind: str  # "ok" or one of output_rules.KINDS
    seconds: float
    detail: str = ""


def records() -> list[str]:
    return sorted(str(p.relative_to(BASE)) for p in BASE.glob("data/*/*.yaml"))


def _argv(rng: random.Random, command: str, fmt: str, relative: str) -> list[str]:
    """The arguments of one run: `relative` is the mutated record, the likeliest one to show."""
    stem, folder = Path(relative).stem, Path(relative).parent.name
    if command == "validate":
        return ["validate", "--format", fmt]
    if command == "export":
        return ["export", fmt, OUT]
    if command == "diff":
        return ["diff", "HEAD", "-f", fmt, *rng.choice([[], ["--as-of", "2025-12-31"]])]
    argv = command.split()
    if command.endswith("show"):
        kind = "projects" if command.startswith("project") else "municipalities"
        pick = stem if folder == kind and rng.random() < 0.8 else rng.choice(_ids(kind))
        argv.append(pick if rng.random() < 0.9 else rng.choice(PIECES) + pick)
    elif command == "search":
        argv.append(
            rng.choice([stem.split("-")[0], "belediyesi", "mersin", "x", rng.choice(PIECES)])
        )
    elif command == "report --explain":
        argv = ["report", "--explain", rng.choice(METRICS)]
    if command.startswith("report"):
        argv += rng.choice([[], ["--as-of", "2025-03-21"], ["--owner", "mersin-bb"]])
    return [*argv, "-f", fmt]


def _ids(kind: str) -> list[str]:
    return sorted(p.stem for p in (BASE / "data" / kind).glob("*.yaml"))


def make_case(seed: int, number: int, per_case: tuple[int, int] = (4, 7)) -> Case:
    """Case `number` of run `seed`: the same every time."""
    rng = random.Random(f"{seed}:{number}")
    relative = rng.choice(records())
    content, names = mutate_hostile(rng, (BASE / relative).read_text(encoding="utf-8"))
    runs = []
    for command, fmt in rng.sample(MATRIX, rng.randint(*per_case)):
        lang = rng.choice(["en", "tr"])
        runs.append(Run(command, fmt, ("--lang", lang, *_argv(rng, command, fmt, relative))))
    return Case(number, relative, content, tuple(names), tuple(runs))


def run_spo(root: Path, argv: list[str]) -> tuple[int, str, str]:
    """`spo ARGV` in-process, in `root`, with the user's exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    cwd, code = Path.cwd(), 0
    try:
        os.chdir(root)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            cli.main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        os.chdir(cwd)
    return code, out.getvalue(), err.getvalue()


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def make_registry(scratch: Path) -> Path:
    """The base registry in a git repository whose one commit is the registry as it is."""
    root = scratch / "registry"
    shutil.copytree(BASE, root)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "-c", "user.name=fuzz", "-c", "user.email=fuzz@example.org", "commit", "-qm", "base")
    return root


def _alarm(signum: int, frame: object) -> None:
    raise Hang


def _one_run(root: Path, scratch: Path, run: Run, number: int, timeout: float) -> Outcome:
    out = scratch / "out" / str(number) / run.command.replace(" ", "-") / run.fmt
    argv = [str(out / "db.sqlite") if a == OUT and run.fmt == "sqlite" else a for a in run.argv]
    argv = [str(out / "tables") if a == OUT else a for a in argv]
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    try:
        signal.setitimer(signal.ITIMER_REAL, timeout)
        code, stdout, stderr = run_spo(root, argv)
        signal.setitimer(signal.ITIMER_REAL, 0)
        kind = "text" if run.command == "export" else run.fmt
        failures = judge_run(code, stdout, stderr, kind)
        if run.command == "export" and code == 0 and not failures:
            failures = judge_export(run.fmt, Path(argv[-1]))
    except Hang:
        failures = [("hang", f"over {timeout} s")]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        shutil.rmtree(out, ignore_errors=True)
    kind, detail = failures[0] if failures else ("ok", "")
    if len(failures) > 1:
        detail += f" (and {', '.join(k for k, _ in failures[1:])})"
    return Outcome(number, run.command, run.fmt, kind, time.perf_counter() - start, detail)


def run_cases(
    seed: int, numbers: range, timeout: float = 10.0, keep: Path | None = None
) -> Iterator[Outcome]:
    """Run cases in this process, each in the same scratch repository, each run within `timeout`."""
    with tempfile.TemporaryDirectory(prefix="spo-fuzz-commands-") as tmp:
        scratch = Path(tmp)
        root = make_registry(scratch)
        previous_cache = os.environ.get("SPO_CACHE_DIR")
        os.environ["SPO_CACHE_DIR"] = str(scratch / "cache")
        previous = signal.signal(signal.SIGALRM, _alarm)
        try:
            for number in numbers:
                yield from _one_case(root, scratch, make_case(seed, number), timeout, keep)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            if previous_cache is None:
                os.environ.pop("SPO_CACHE_DIR", None)
            else:
                os.environ["SPO_CACHE_DIR"] = previous_cache


def _one_case(
    root: Path, scratch: Path, case: Case, timeout: float, keep: Path | None
) -> Iterator[Outcome]:
    target = root / case.relative
    original = target.read_bytes()
    target.write_bytes(case.content)
    # A new modification time every case: the index must never take a case for the previous one.
    stamp = 1_700_000_000 + case.number
    os.utime(target, (stamp, stamp))
    failed = []
    try:
        for run in case.runs:
            outcome = _one_run(root, scratch, run, case.number, timeout)
            if outcome.kind != "ok":
                failed.append(outcome)
            yield outcome
    finally:
        if keep is not None and failed:
            _keep(root, keep, case, failed)
        target.write_bytes(original)


def _keep(root: Path, keep: Path, case: Case, failed: list[Outcome]) -> None:
    """The failing case's registry (its git history too) and how to run what failed."""
    folder = keep / f"case-{case.number}"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(root, folder, ignore=shutil.ignore_patterns(".spo-cache"))
    lines = [f"# {case.relative} after {' + '.join(case.mutations)}"]
    for outcome in failed:
        run = next(r for r in case.runs if (r.command, r.fmt) == (outcome.command, outcome.fmt))
        argv = [a.replace(OUT, "/tmp/spo-export-out") for a in run.argv]
        lines += [f"spo {' '.join(map(_bash, argv))}", f"#   {outcome.kind}: {outcome.detail}"]
    (folder / "FAILED.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _bash(word: str) -> str:
    """`word` as bash reads it back, with no raw control character in the file: $'...'."""
    if re.fullmatch(r"[\w./:=@%+,-]+", word):
        return word
    escaped = "".join(
        f"\\{c}" if c in "\\'" else c if c.isprintable() and c.isascii() else f"\\u{ord(c):04x}"
        for c in word
    )
    return f"$'{escaped}'"


# ---------------------------------------------------------------- the long run, in batches


def _worker(seed: int, start: int, stop: int, timeout: float, keep: Path | None) -> None:
    for outcome in run_cases(seed, range(start, stop), timeout, keep):
        print(json.dumps(outcome.__dict__), flush=True)


def _batch(
    seed: int, start: int, stop: int, timeout: float, keep: Path | None
) -> Iterator[Outcome]:
    """Run cases in a subprocess; a run that kills it is a crash, one that stalls it a hang."""
    while start < stop:
        command = [sys.executable, "-m", "benchmarks.fuzz_commands", "--worker", str(start)]
        command += [str(stop), "--seed", str(seed), "--timeout", str(timeout)]
        command += ["--keep", str(keep)] if keep else []
        process = subprocess.Popen(command, cwd=REPOSITORY, stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None
        selector = selectors.DefaultSelector()
        selector.register(process.stdout, selectors.EVENT_READ)
        number, ran, runs = start, 0, make_case(seed, start).runs  # the case under way
        lost = ""
        while number < stop:
            # One run's bound, and room for the interpreter's start-up before the first one.
            if not selector.select(timeout=timeout * 2 + 10):
                process.kill()
                lost = "hang"
            line = "" if lost else process.stdout.readline()
            if not line:
                code = process.wait()
                lost = lost or ("crash" if code != 0 else "hang")
                culprit = runs[min(ran, len(runs) - 1)]
                yield Outcome(number, culprit.command, culprit.fmt, lost, 0.0, f"exit {code}")
                break
            outcome = Outcome(**json.loads(line))
            yield outcome
            ran += 1
            if ran == len(runs):
                number, ran = number + 1, 0
                runs = make_case(seed, number).runs if number < stop else ()
        else:
            process.wait()
        selector.close()
        start = number + 1 if lost else stop


def print_table(outcomes: list[Outcome], seconds: float, cases: int, seed: int) -> None:
    """Per command x format: its runs and its failures of each kind."""
    runs = Counter((o.command, o.fmt) for o in outcomes)
    failed = Counter((o.command, o.fmt, o.kind) for o in outcomes)
    width = {k: len(k) + 2 for k in KINDS}
    header = f"{'command':<18}{'format':<10}{'runs':>6}" + "".join(
        f"{k:>{width[k]}}" for k in KINDS
    )
    print(f"seed {seed}: {cases} cases, {len(outcomes)} runs in {seconds:.0f} s")
    print(header)
    print("-" * len(header))
    for command, fmt in MATRIX:
        cells = "".join(f"{failed[command, fmt, k]:>{width[k]}}" for k in KINDS)
        print(f"{command:<18}{fmt:<10}{runs[command, fmt]:>6}{cells}")
    totals = "".join(f"{sum(failed[c, f, k] for c, f in MATRIX):>{width[k]}}" for k in KINDS)
    print("-" * len(header))
    print(f"{'all':<28}{len(outcomes):>6}{totals}")
    slowest = max(outcomes, key=lambda o: o.seconds, default=None)
    if slowest is not None:
        where = f"case {slowest.case}, {slowest.command} {slowest.fmt}"
        print(f"slowest run: {where} ({slowest.seconds:.2f} s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fuzz every read command of spo.")
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="batches at once")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per run")
    parser.add_argument("--keep", type=Path, help="keep each failing case's registry here")
    parser.add_argument("--worker", nargs=2, type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    keep = args.keep.resolve() if args.keep else None
    if args.worker:
        first, stop = args.worker
        _worker(args.seed, first, stop, args.timeout, keep)
        return 0
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    starts = range(0, args.cases, args.batch)

    def batch(first: int) -> list[Outcome]:
        stop = min(first + args.batch, args.cases)
        return list(_batch(args.seed, first, stop, args.timeout, keep))

    with ThreadPoolExecutor(max(args.jobs, 1)) as pool:
        outcomes = [o for done in pool.map(batch, starts) for o in done]
    for o in outcomes:
        if o.kind != "ok":
            print(f"case {o.case}: {o.command} {o.fmt}: {o.kind}: {o.detail}", file=sys.stderr)
    print_table(outcomes, time.perf_counter() - started, args.cases, args.seed)
    return 1 if any(o.kind != "ok" for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
