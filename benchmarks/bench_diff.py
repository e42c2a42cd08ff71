"""Issue #14's cost for `spo diff`: both sides read at the loader's speed, each file's content
parsed once (a blob the change leaves alone is not parsed again for the head).

The national registry is committed in a git repository of its own (a copy, so the other rows are
not disturbed), then a typical pull request on top: a transfer gets its next stage, a district
municipality is added, a project loses a source and another changes its status (four files).
`spo diff HEAD~1 HEAD` reads both sides from git's objects; `spo diff HEAD`, with the same edit
left uncommitted, reads the head from the working tree. Both are compared with one cold
`spo validate` (which parses every file once) and with libyaml's C parse of every file, with an
empty cache folder; and warm (issue 25), the same diff run once before, so that every content it
has seen is taken from the cache by its blob id and only what the change touched is parsed.

    python -m benchmarks.bench_diff ROOT    profile `compare` on a registry built by
                                            `benchmarks.synthetic` (cProfile, top functions)
"""

from __future__ import annotations

import cProfile
import os
import pstats
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from benchmarks.bench import Bench, Row
from benchmarks.measure import Figure, run_once, spo_command
from benchmarks.synthetic import STAGES, municipal_districts
from spo.diff import compare
from spo.diff.git import Git
from spo.diff.sides import folder_side

# The day the figures are computed as of: fixed, so that every run does the same work.
AS_OF = "2025-12-31"
NEW_MUNICIPALITY = "ilce-yeni"
_GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
}


def git(root: Path, *args: str) -> str:
    env = {**os.environ, **_GIT_ENV}
    done = subprocess.run(
        ["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def repository(registry: Path, root: Path) -> list[str]:
    """A copy of `registry` committed as `base`, then the pull request committed on top of it;
    the paths the pull request touches (relative to root)."""
    shutil.copytree(registry, root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    touched = pull_request(root)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "a pull request")
    return touched


def pull_request(root: Path) -> list[str]:
    """Edit the registry in place as a typical pull request would; the paths it touches."""
    municipalities = sorted((root / "data/municipalities").glob("ilce-*.yaml"), key=_number)
    projects = sorted((root / "data/projects").glob("*.yaml"), key=_number)
    touched = [
        _next_stage(municipalities),
        _new_municipality(root, municipalities),
        _fewer_sources(projects),
        _new_status(projects),
    ]
    return [str(p.relative_to(root)) for p in touched]


def _number(path: Path) -> int:
    return int(path.stem.rpartition("-")[2])


def _next_stage(municipalities: list[Path]) -> Path:
    """The first transfer not yet launched (in the last entry of its file) gets its next stage."""
    for path in municipalities:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # noqa: S506
        transfers = data.get("transfers") or []
        if not transfers:
            continue
        last = transfers[-1]["history"][-1]["stage"]
        if last == STAGES[-1]:
            continue
        stage = STAGES[STAGES.index(last) + 1]
        lines = [
            f"      - stage: {stage}",
            '        date: "2025-05-02"',
            "        source:",
            "          publisher: Kent Gazetesi",
            "          title: Sosyal hizmet haberi 9",
            '          date: "2025-05-02"',
            "          archived: 009_00aa11bb22cc33dd.txt",
        ]
        text = path.read_text(encoding="utf-8")
        head, _, tail = text.rpartition("\nsources:\n")
        path.write_text(head + "\n" + "\n".join(lines) + "\nsources:\n" + tail, encoding="utf-8")
        return path
    raise LookupError("no transfer to move on")


def _new_municipality(root: Path, municipalities: list[Path]) -> Path:
    """A district municipality of a district no file names yet."""
    used = set()
    for path in municipalities:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # noqa: S506
        used.add((data["province"], data.get("district")))
    for plate in range(1, 82):
        for district in municipal_districts(plate):
            if (plate, district) not in used:
                path = root / f"data/municipalities/{NEW_MUNICIPALITY}.yaml"
                path.write_text(_municipality(plate, district), encoding="utf-8")
                return path
    raise LookupError("every district has its municipality")


def _municipality(plate: int, district: str) -> str:
    return "\n".join([
        "# yaml-language-server: $schema=../../schemas/municipality.schema.json",
        f"id: {NEW_MUNICIPALITY}",
        f"name: {district} Belediyesi",
        "kind: district",
        f"province: {plate}",
        f"district: {district}",
        "sources:",
        "  - publisher: Yerel Haber",
        "    title: Sosyal hizmet haberi 0",
        '    date: "2025-03-21"',
        "    archived: 000_0123abcd4567ef89.txt",
    ]) + "\n"  # fmt: skip


def _fewer_sources(projects: list[Path]) -> Path:
    """The first project with three sources loses its last (four lines at the end of the file)."""
    for path in projects:
        lines = path.read_text(encoding="utf-8").splitlines()
        if sum(line.startswith("  - publisher:") for line in lines) == 3:
            path.write_text("\n".join(lines[:-4]) + "\n", encoding="utf-8")
            return path
    raise LookupError("no project with three sources")


def _new_status(projects: list[Path]) -> Path:
    """The first active project is reported ended."""
    for path in projects[1:]:
        text = path.read_text(encoding="utf-8")
        if "\nstatus: active\n" in text:
            path.write_text(text.replace("\nstatus: active\n", "\nstatus: ended\n"), "utf-8")
            return path
    raise LookupError("no active project")


def files_read(root: Path, base: str = "HEAD~1", head: str | None = "HEAD") -> dict[str, int]:
    """What `spo.diff.compare` parses, against the files both sides hold."""
    repo = Git(root)
    base_side = repo.side(base)
    head_side = repo.side(head) if head else folder_side(root, "worktree", repo.object_format)
    result = compare(base_side, head_side, date.fromisoformat(AS_OF))
    return {
        "files_read": result.files_read,
        "base_files": len(base_side.records),
        "head_files": len(head_side.records),
        "changed": len(_changed(base_side.records, head_side.records)),
    }


def _changed(base: list[Any], head: list[Any]) -> set[tuple[str, Path]]:
    """(blob, path) of the head that the base does not hold: what must be parsed again."""
    return {(f.blob, f.path) for f in head} - {(f.blob, f.path) for f in base}


def rows(bench: Bench, cold: Figure, parse: Figure) -> Iterator[Row]:
    """The rows of `spo diff` in `python -m benchmarks`'s table."""
    root = bench.work / "git-national"
    touched = repository(bench.national, root)
    committed = _cold_and_warm(bench, root, "HEAD~1", "HEAD")
    base_known = _base_known(bench, root)
    counts = files_read(root)
    git(root, "reset", "-q", "--mixed", "HEAD~1")  # the same edit, not committed
    worktree = _cold_and_warm(bench, root, "HEAD")
    counts_worktree = files_read(root, "HEAD", None)
    bench.notes["diff"] = {"touched": touched, "committed": counts, "worktree": counts_worktree}
    for figures, what in [
        (committed, "spo diff HEAD~1 HEAD"),
        (worktree, "spo diff HEAD, worktree"),
    ]:
        # Cold: an empty cache folder before every run (no index: every file parsed, and kept).
        # "no slower than today" (issue 25) is the paired run against the commit before #25
        target = "CPU ≤ 1.3; no cache: no slower than today"
        yield Row(what, figures[0], "spo validate, cold", cold, target, 1.3)
        yield Row(what, figures[0], "libyaml C parse", parse, "CPU ≤ 1.7", 1.7)
        # Warm: the same diff run before, so only what the change touched is parsed (issue 25).
        yield Row(f"{what}, warm", figures[1], "spo validate, cold", cold, "CPU ≤ 0.3", 0.3)
        if what == "spo diff HEAD~1 HEAD":  # a new pull request: its base known, not its head
            what = f"{what}, base known"
            yield Row(what, base_known, "spo validate, cold", cold, "CPU ≤ 0.3", 0.3)


def _cold_and_warm(bench: Bench, root: Path, *revisions: str) -> tuple[Figure, Figure]:
    """`spo diff` with no cache (emptied before every run), then with the one it leaves."""
    args = ("diff", *revisions, "--as-of", AS_OF)
    name = f"diff-{len(revisions)}"
    cold = bench.spo(*args, cache=name, root=root, before=bench.fresh_cache(name))
    return cold, bench.spo(*args, cache=name, root=root, prime=True)


def _base_known(bench: Bench, root: Path) -> Figure:
    """`spo diff HEAD~1 HEAD` when the cache holds the base only (a diff of the base with
    itself ran before): the head's four files parsed, and its report computed."""
    name = "diff-base"
    empty = bench.fresh_cache(name)

    def base_only() -> None:
        empty()
        args = [*spo_command(), "diff", "HEAD~1", "HEAD~1", "--as-of", AS_OF]
        run_once(args, root, bench.env(bench.work / name))

    args = ("diff", "HEAD~1", "HEAD", "--as-of", AS_OF)
    return bench.spo(*args, cache=name, root=root, before=base_only)


def profile(root: Path, top: int = 25) -> None:
    """cProfile of `compare` (HEAD~1 against HEAD), the functions taking the most time."""
    repo = Git(root)
    profiler = cProfile.Profile()
    profiler.enable()
    compare(repo.side("HEAD~1"), repo.side("HEAD"), date.fromisoformat(AS_OF))
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


if __name__ == "__main__":
    profile(Path(sys.argv[1]))
