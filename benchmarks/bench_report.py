"""How fast `spo report` is on a national-size registry, without and with the read cache.

Generates a synthetic registry in a temporary folder (1,400 municipalities of all four kinds,
10,000 projects, a few thousand transfers with imprecise dates and closing stages, study visits,
published figures), then runs the real `spo report --format json` in a fresh process each time:

    python benchmarks/bench_report.py [--municipalities N] [--projects N] [--runs N]

"cold" runs start without the index (in spo.files.cache.registry_folder), so
every YAML file is parsed; "warm" runs find the cache
written by the run before. The best of --runs is reported for each. The in-process split (reading
the registry through the warm cache, computing the report, formatting it) shows where time goes.
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
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from spo.cli.render.report_json import format_json
from spo.cli.render.report_markdown import format_markdown
from spo.files.cache import registry_folder
from spo.places.provinces import all_provinces
from spo.query.reading import read_registry
from spo.report import compute_report
from spo.rules.turkish import slugify
from spo.rules.vocabulary import (
    METRICS,
    PARTNER_ROLES,
    PARTNER_TYPES,
    QUALIFIERS,
    STAGES,
    TARGET_GROUPS,
    THEMES,
)

AS_OF = "2026-01-31"
_dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _write(path: Path, data: dict[str, Any]) -> None:
    path.write_text(
        yaml.dump(data, Dumper=_dumper, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def _fuzzy(rng: random.Random, day: date) -> str:
    """The day as a source might give it: exact, month, year, "by" or "between"."""
    form = rng.random()
    if form < 0.6:
        return day.isoformat()
    if form < 0.8:
        return day.strftime("%Y-%m")
    if form < 0.87:
        return str(day.year)
    if form < 0.95:
        return f"../{day.isoformat()}"
    return f"{(day - timedelta(days=90)).strftime('%Y-%m')}/{day.strftime('%Y-%m')}"


def _history(rng: random.Random) -> list[dict[str, str]]:
    progress = STAGES.values[:6]
    stages = progress[: rng.randint(1, 6)]
    if rng.random() < 0.15:
        stages = [*stages[:-1], rng.choice(["paused", "dropped"])] if len(stages) > 1 else stages
    day = date(2023, 1, 1) + timedelta(days=rng.randrange(700))
    history = []
    for stage in stages:
        day += timedelta(days=rng.randint(20, 120))
        # Imprecise dates only on the last entry, so that stage order stays certain.
        text = _fuzzy(rng, day) if stage == stages[-1] else day.isoformat()
        history.append({"stage": stage, "date": text})
    return history


def generate(root: Path, municipalities: int, projects: int, seed: int = 6) -> int:
    """Write the registry; return how many transfers it holds."""
    rng = random.Random(seed)
    (root / "data" / "municipalities").mkdir(parents=True)
    (root / "data" / "projects").mkdir(parents=True)
    provinces = list(all_provinces())
    records: list[dict[str, Any]] = []
    for province in provinces:
        metropolitan = province.metropolitan
        records.append(
            {
                "id": slugify(province.name) + ("-bb" if metropolitan else ""),
                "name": f"{province.name} {'Büyükşehir ' if metropolitan else ''}Belediyesi",
                "kind": "metropolitan" if metropolitan else "provincial",
                "province": province.name,
            }
        )
    mentors = [r["id"] for r in records if r["kind"] == "metropolitan"]
    number = 0
    while len(records) < municipalities:
        number += 1
        province = provinces[number % len(provinces)]
        kind = "town" if number % 10 < 3 else "district"
        district = f"Yer{number}"
        record_id = f"{slugify(province.name)}-{slugify(district)}"
        records.append(
            {
                "id": record_id + ("-belde" if kind == "town" else ""),
                "name": f"{district} Belediyesi",
                "kind": kind,
                "province": province.name,
                "district": district,
            }
        )
    project_ids = [f"proje-{n:05d}" for n in range(projects)]
    owners = {pid: rng.choice(mentors) for pid in project_ids}
    for n, pid in enumerate(project_ids):
        _write(
            root / "data" / "projects" / f"{pid}.yaml",
            {
                "id": pid,
                "name": {"tr": f"Proje {n}", "en": f"Project {n}"},
                "owner": owners[pid],
                "summary": {"tr": f"Sentetik proje {n}."},
                "status": "active",
                "status_as_of": "2026",
                "status_source": f"https://example.org/{n}/status",
                "launched": str(rng.randint(2015, 2026)),
                "themes": rng.sample(THEMES.values, 2),
                "target_groups": rng.sample(TARGET_GROUPS.values, 2),
                "partners": [
                    {
                        "name": f"Ortak {rng.randrange(2000)}",
                        "type": rng.choice(PARTNER_TYPES.values),
                        "role": rng.choice(PARTNER_ROLES.values),
                    }
                    for _ in range(rng.randint(0, 3))
                ],
                "sources": [f"https://example.org/{n}"],
            },
        )
    transfers = 0
    for record in records:
        adopted = [
            p for p in rng.sample(project_ids, rng.randint(0, 5)) if owners[p] != record["id"]
        ]
        if adopted:
            record["transfers"] = [{"project": p, "history": _history(rng)} for p in adopted]
            transfers += len(adopted)
        if rng.random() < 0.3:
            visit = date(2023, 1, 1) + timedelta(days=rng.randrange(1000))
            engagement: dict[str, Any] = {
                "kind": rng.choice(["study-visit", "study-visit", "meeting", "training"]),
                "host": rng.choice(mentors),
                "date": _fuzzy(rng, visit),
            }
            if rng.random() < 0.7:
                engagement["participants"] = rng.randint(2, 40)
            record["engagements"] = [engagement]
        if record["id"] in mentors:
            record["reported_figures"] = [
                {
                    "date": f"2025-{month:02d}-15",
                    "metric": rng.choice(METRICS.values),
                    "value": rng.randint(1, 100),
                    "qualifier": rng.choice(QUALIFIERS.values),
                    "source": "https://example.org/figures",
                }
                for month in range(1, 13, 3)
            ]
        record["sources"] = ["https://example.org/municipality"]
        _write(root / "data" / "municipalities" / f"{record['id']}.yaml", record)
    return transfers


def _report(root: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "spo", "--root", str(root), "--lang", "en", "report"]
        + ["--as-of", AS_OF, "--format", "json"],
        check=True,
        capture_output=True,
    )
    if run.stderr:
        raise SystemExit(f"unexpected messages: {run.stderr.decode()}")


def best(runs: int, before: Callable[[], None], action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        before()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--municipalities", type=int, default=1400)
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="spo-bench-report-") as folder:
        root = Path(folder)
        started = time.perf_counter()
        transfers = generate(root, args.municipalities, args.projects)
        files = len(list((root / "data").glob("*/*.yaml")))
        print(
            f"registry: {files} files, {transfers} transfers, "
            f"generated in {time.perf_counter() - started:.1f}s"
        )

        def no_cache() -> None:
            shutil.rmtree(registry_folder(root), ignore_errors=True)

        def keep_cache() -> None:
            pass

        cold = best(args.runs, no_cache, lambda: _report(root))
        _report(root)  # make sure the cache is there
        warm = best(args.runs, keep_cache, lambda: _report(root))
        print(
            f"spo report --format json   cold {cold:6.2f}s   warm {warm:6.2f}s   "
            f"cold/warm {cold / warm:4.1f}x"
        )

        day = date.fromisoformat(AS_OF)
        registry = read_registry(root)
        read = best(args.runs, keep_cache, lambda: read_registry(root))
        compute = best(args.runs, keep_cache, lambda: compute_report(registry, day))
        report = compute_report(registry, day)
        owner = best(args.runs, keep_cache, lambda: compute_report(registry, day, "mersin-bb"))
        render = best(
            args.runs, keep_cache, lambda: (format_json(report), format_markdown(report, "tr"))
        )
        print(
            f"in process: read (warm cache) {read:.2f}s, compute {compute * 1000:.0f} ms "
            f"(--owner mersin-bb {owner * 1000:.0f} ms), json + markdown {render * 1000:.1f} ms; "
            f"{len(report.reported)} published figures checked"
        )


if __name__ == "__main__":
    main()
