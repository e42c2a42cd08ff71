"""How fast the read commands are on a national-size registry, without and with the cache.

Generates a synthetic registry (1,400 municipalities, 10,000 projects, a few thousand transfers)
in a temporary folder, then runs the real `spo` command in a fresh process each time:

    python benchmarks/bench_read.py [--municipalities N] [--projects N] [--runs N]

"cold" runs start without the index (in spo.files.cache.registry_folder), so
every YAML file is parsed; "warm" runs find the
cache written by the run before. The best of --runs is reported for each, with the ratio. Then
the warm time is split into its parts, in this process: reading the registry through the cache,
and the command's own work (selecting, sorting, searching, rendering JSON). The synthetic registry
is not checked to be valid: read commands do not validate.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from spo.cli.render import records
from spo.files.cache import registry_folder
from spo.places.provinces import all_provinces
from spo.query import lists as query
from spo.query import search
from spo.query.reading import read_registry
from spo.rules.turkish import slugify
from spo.rules.vocabulary import SERVICE_MODELS, STAGES, TARGET_GROUPS, THEMES

VOCABULARY = (
    "mahalle mutfak kadın usta emekli yaşam merkez çocuk genç öğrenci sağlık aşı kompost çamaşır "
    "kafe otizm aile danışma eğitim spor kültür sanat tarım üretici kooperatif engelli erişim "
    "hijyen sosyal destek dayanışma noktası kent bahçe kütüphane atölye sıcak yemek bakım"
)
WORDS = VOCABULARY.split()

_dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _write(path: Path, data: dict[str, Any]) -> None:
    path.write_text(
        yaml.dump(data, Dumper=_dumper, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def _phrase(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count)).capitalize()


def generate(root: Path, municipalities: int, projects: int, seed: int = 4) -> None:
    rng = random.Random(seed)
    (root / "data" / "municipalities").mkdir(parents=True)
    (root / "data" / "projects").mkdir(parents=True)
    provinces = list(all_provinces())
    records: list[dict[str, Any]] = []
    for province in provinces:
        kind = "metropolitan" if province.metropolitan else "provincial"
        suffix = "bb" if province.metropolitan else ""
        record_id = "-".join(filter(None, [slugify(province.name), suffix]))
        records.append(
            {
                "id": record_id,
                "name": f"{province.name} Belediyesi",
                "kind": kind,
                "province": province.name,
            }
        )
    number = 0
    while len(records) < municipalities:
        number += 1
        province = provinces[number % len(provinces)]
        district = f"{_phrase(rng, 1)}{number}"
        records.append(
            {
                "id": f"{slugify(province.name)}-{slugify(district)}",
                "name": f"{district} Belediyesi",
                "kind": "district",
                "province": province.name,
                "district": district,
            }
        )
    ids = [r["id"] for r in records]
    project_ids: list[str] = []
    for n in range(projects):
        project_id = f"proje-{n:05d}"
        project_ids.append(project_id)
        _write(
            root / "data" / "projects" / f"{project_id}.yaml",
            {
                "id": project_id,
                "name": {"tr": _phrase(rng, 3), "en": f"Project {n}"},
                "owner": rng.choice(ids),
                "summary": {"tr": _phrase(rng, 14) + "."},
                "status": "unknown",
                "themes": rng.sample(THEMES.values, 2),
                "target_groups": rng.sample(TARGET_GROUPS.values, 2),
                "service_model": rng.choice(SERVICE_MODELS.values),
                "tags": [_phrase(rng, 2)],
                "sources": [f"https://example.org/{n}"],
            },
        )
    for record in records:
        transfers = []
        for project_id in rng.sample(project_ids, rng.randint(0, 5)):
            stages = STAGES.values[: rng.randint(1, 6)]
            transfers.append(
                {
                    "project": project_id,
                    "history": [
                        {"stage": s, "date": f"2024-{i + 1:02d}-15"} for i, s in enumerate(stages)
                    ],
                }
            )
        if transfers:
            record["transfers"] = transfers
        record["sources"] = ["https://example.org/municipality"]
        _write(root / "data" / "municipalities" / f"{record['id']}.yaml", record)


def _spo(root: Path, *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "spo", "--root", str(root), "--lang", "en", *args],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def best(runs: int, before: Callable[[], None], action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        before()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--municipalities", type=int, default=1400)
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="spo-bench-") as folder:
        root = Path(folder)
        started = time.perf_counter()
        generate(root, args.municipalities, args.projects)
        files = len(list((root / "data").glob("*/*.yaml")))
        print(f"registry: {files} files, generated in {time.perf_counter() - started:.1f}s")

        def no_cache() -> None:
            shutil.rmtree(registry_folder(root), ignore_errors=True)

        def keep_cache() -> None:
            pass

        commands = {
            "project list --format json": ("project", "list", "--format", "json"),
            "search 'mahalle mutfak'": ("search", "mahalle", "mutfak"),
            "search 'kompst' (typo)": ("search", "kompst"),
            "transfer list --format csv": ("transfer", "list", "--format", "csv"),
        }
        print(f"{'command':30} {'cold':>8} {'warm':>8} {'cold/warm':>10}")
        for label, command in commands.items():
            cold = best(args.runs, no_cache, lambda c=command: _spo(root, *c))
            _spo(root, *command)  # make sure the cache is there
            warm = best(args.runs, keep_cache, lambda c=command: _spo(root, *c))
            print(f"{label:30} {cold:7.2f}s {warm:7.2f}s {cold / warm:9.1f}x")
        startup = best(args.runs, keep_cache, lambda: _spo(root, "--version"))
        print(f"{'--version (start-up)':30} {'':8} {startup:7.2f}s")
        parts(root, args.runs)


def parts(root: Path, runs: int) -> None:
    """Where a warm run's time goes, measured in this process."""
    registry = read_registry(root)
    steps: dict[str, Callable[[], object]] = {
        "read_registry (cache warm)": lambda: read_registry(root),
        "project list: select + sort": lambda: query.projects(registry, query.ProjectFilter()),
        "project list: JSON": lambda: records.to_json(
            [records.project_record(p, registry) for p in registry.projects.values()]
        ),
        "search 'mahalle mutfak'": lambda: search.search(registry, "mahalle mutfak"),
        "search 'kompst' (typo)": lambda: search.search(registry, "kompst"),
    }
    print("\nin-process parts of a warm run:")
    for label, step in steps.items():
        print(f"{label:30} {best(runs, lambda: None, step):7.2f}s")


if __name__ == "__main__":
    main()
