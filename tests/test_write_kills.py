"""A `spo transfer add` killed (SIGKILL: no clean-up runs) at a random moment leaves the record
exactly as it was or exactly as the write meant it, and nothing in `data/`.

Half the runs are the plain command. In the other half the command's fsyncs are slowed down, so
that the write window (temporary file written, flushed, renamed) is wide and many kills land
inside it; a kill there leaves a temporary file in `.spo-cache/tmp/`, which the next write of
the record removes. The delays come from a seeded generator, scaled to how long a run takes on
this machine.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.test_write_faults import ADD, ARTVIN

KILLS = 24
SEED = 20250321

SLOW_FSYNC = """
import os, sys, time
fsync = os.fsync
def slow(fd):
    time.sleep(0.08)
    fsync(fd)
os.fsync = slow
from spo.cli import main
main(sys.argv[1:])
"""


def _left_in_data(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in (root / "data").rglob(".*"))


def _temp_files(root: Path) -> list[Path]:
    folder = root / ".spo-cache/tmp"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def _timed_write(path: Path, old: bytes, command: list[str], env: dict[str, str]) -> float:
    path.write_bytes(old)
    start = time.monotonic()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.monotonic() - start


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_a_killed_write_leaves_the_old_file_or_the_new_one_and_nothing_in_data(
    registry_copy,
) -> None:
    root = registry_copy("sample")
    path = root / ARTVIN
    old = path.read_bytes()
    env = {**os.environ, "SPO_LANG": "en", "SPO_ROOT": "", "NO_COLOR": "1"}
    arguments = ["--root", str(root), *ADD]
    plain = [sys.executable, "-m", "spo", *arguments]
    slow = [sys.executable, "-c", SLOW_FSYNC, *arguments]
    took = {}
    for name, command in (("plain", plain), ("slow", slow)):
        took[name] = min(_timed_write(path, old, command, env) for _ in range(2))
    new = path.read_bytes()
    assert new != old

    rng = random.Random(SEED)
    outcomes: Counter[str] = Counter()
    for kill in range(KILLS):
        name, command = ("plain", plain) if kill % 2 == 0 else ("slow", slow)
        path.write_bytes(old)
        temps_before = set(_temp_files(root))
        child = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.3, 1.1) * took[name])
        child.send_signal(signal.SIGKILL)
        child.wait()

        after = path.read_bytes()
        assert after in (old, new), f"kill {kill}: the record is neither the old nor the new one"
        assert _left_in_data(root) == [], f"kill {kill}"
        if child.returncode == 0:
            outcomes["finished before the kill"] += 1
        else:
            assert child.returncode == -signal.SIGKILL
            state = "new" if after == new else "old"
            window = ", in the write window" if set(_temp_files(root)) - temps_before else ""
            outcomes[f"killed: {state} file{window}"] += 1
    print(dict(outcomes))  # shown with `pytest -s`

    assert sum(n for o, n in outcomes.items() if o.startswith("killed")) >= KILLS // 3
    # What kills inside the write window left, the next write removes.
    path.write_bytes(old)
    subprocess.run(plain, env=env, check=True, capture_output=True)
    assert path.read_bytes() == new
    assert _temp_files(root) == []
    assert _left_in_data(root) == []
