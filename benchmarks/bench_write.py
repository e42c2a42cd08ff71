"""What `spo transfer add` costs as the registry grows: run `python benchmarks/bench_write.py`.

A write reads the municipality file, the project file and the file names, never the whole
registry, so its time should not depend on the registry's size. This builds two synthetic
registries, one of 100 record files and one of 10,000, and times on each:
- `add_stage` itself (the core: read, splice, validate, lock, atomic replace), median of many;
- the whole command, `python -m spo transfer add`, in a fresh process (start-up included).
The municipality file is put back before every run, so every run does the same work.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import build  # noqa: E402

from spo.writing.transfers import add_stage  # noqa: E402

CORE_RUNS = 50
COMMAND_RUNS = 5
TARGET = "ilce-0"
PROJECT = "proje-1"  # owned by a provincial municipality, not yet transferred to ilce-0
SIZES = {100: (90, 10), 10_000: (1_400, 8_600)}  # files: (municipalities, projects)


def _median(runs: int, once: object, reset: object) -> float:
    times = []
    for _ in range(runs):
        reset()  # type: ignore[operator]
        start = time.perf_counter()
        once()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(root: Path) -> tuple[float, float]:
    path = root / f"data/municipalities/{TARGET}.yaml"
    original = path.read_bytes()
    if f"project: {PROJECT}\n" in original.decode("utf-8"):
        raise SystemExit(f"{PROJECT} is already transferred to {TARGET}; pick another")

    def reset() -> None:
        path.write_bytes(original)

    def core() -> None:
        add_stage(root, PROJECT, TARGET, "inquiry", "2025-01-02", today=date(2025, 6, 1))

    command = [
        sys.executable,
        "-m",
        "spo",
        "--root",
        str(root),
        "transfer",
        "add",
        "--project",
        PROJECT,
        "--to",
        TARGET,
        "--stage",
        "inquiry",
        "--date",
        "2025-01-02",
    ]
    env = {**os.environ, "SPO_LANG": "en"}

    def whole() -> None:
        subprocess.run(command, check=True, capture_output=True, env=env)

    return _median(CORE_RUNS, core, reset), _median(COMMAND_RUNS, whole, reset)


def main() -> None:
    results = {}
    for files, (municipalities, projects) in SIZES.items():
        with tempfile.TemporaryDirectory() as tmp:
            root = build(Path(tmp), municipalities=municipalities, projects=projects)
            count = len(list(root.glob("data/*/*.yaml")))
            core, whole = measure(root)
            results[files] = (core, whole)
            print(
                f"{count:>6} files: add_stage {core * 1000:7.1f} ms   "
                f"spo transfer add (new process) {whole * 1000:7.1f} ms"
            )
    small, large = results[100], results[10_000]
    print(
        f"10,000 / 100 files: add_stage {large[0] / small[0]:.2f}x, "
        f"whole command {large[1] / small[1]:.2f}x"
    )


if __name__ == "__main__":
    main()
