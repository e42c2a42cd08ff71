"""A large registry is checked in a pool of processes; the result is the same as in one process,
problem for problem and in the same order, and the same again when no pool can start."""

from __future__ import annotations

import concurrent.futures
import random
import shutil
from datetime import date
from pathlib import Path

import pytest

from benchmarks.mutations import mutate, seed_files
from spo.checks.validation import validate

REGISTRIES = Path(__file__).resolve().parent / "registries"
TODAY = date(2026, 1, 15)
ROOTS = sorted(p for p in REGISTRIES.iterdir() if (p / "data").is_dir())


@pytest.mark.parametrize("root", ROOTS, ids=lambda p: p.name)
def test_a_pool_gives_what_one_process_gives(root: Path) -> None:
    alone = validate(root, today=TODAY, pool_threshold=10**9)
    pooled = validate(root, today=TODAY, pool_threshold=1)
    assert pooled == alone


def test_a_pool_gives_what_one_process_gives_for_named_files() -> None:
    root = REGISTRIES / "turkish-validate"
    named = sorted((root / "data").rglob("*.yaml"))[:3]
    assert validate(root, named, today=TODAY, pool_threshold=1) == validate(
        root, named, today=TODAY, pool_threshold=10**9
    )


def test_without_a_pool_the_files_are_checked_in_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = REGISTRIES / "turkish-validate"
    expected = validate(root, today=TODAY, pool_threshold=10**9)

    class NoPool:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise OSError("no semaphores here")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", NoPool)
    assert validate(root, today=TODAY, pool_threshold=1) == expected


def test_a_pool_gives_what_one_process_gives_on_hostile_files(tmp_path: Path) -> None:
    root = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "valid-base", root)
    rng = random.Random(12)
    seeds = [p for p in seed_files() if p.parent.name in ("projects", "municipalities")]
    for n in range(150):
        seed = rng.choice(seeds)
        content, _ = mutate(rng, seed.read_text(encoding="utf-8"))
        (root / "data" / seed.parent.name / f"{seed.stem}-{n}.yaml").write_bytes(content)
    alone = validate(root, today=TODAY, pool_threshold=10**9)
    assert len(alone.problems) > 150
    assert validate(root, today=TODAY, pool_threshold=1) == alone
