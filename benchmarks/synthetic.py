"""A synthetic registry of national size, for benchmarks only (never shipped, never in tests)."""

from __future__ import annotations

import random
from pathlib import Path

from spo.districts import districts_of
from spo.provinces import all_provinces

STAGES = [
    "inquiry",
    "study-visit",
    "presentation",
    "planning-support",
    "implementation-support",
    "launched",
]


def build(root: Path, municipalities: int = 1400, projects: int = 10_000, seed: int = 7) -> Path:
    """Write `municipalities` municipality files and `projects` project files under root/data."""
    rng = random.Random(seed)
    (root / "data/municipalities").mkdir(parents=True, exist_ok=True)
    (root / "data/projects").mkdir(parents=True, exist_ok=True)
    provinces = all_provinces()
    ids = []
    for p in provinces:
        kind = "metropolitan" if p.metropolitan else "provincial"
        mid = f"p{p.plate}"
        ids.append(mid)
        _municipality(root, mid, f"İl {p.plate} Belediyesi", kind, p.plate, None, [], [])
    project_ids = [f"proje-{i}" for i in range(projects)]
    for i, pid in enumerate(project_ids):
        owner = ids[i % len(ids)]
        (root / f"data/projects/{pid}.yaml").write_text(
            f"id: {pid}\nname:\n  tr: Proje {i} Mahalle Mutfağı\n  en: Project {i}\n"
            f"owner: {owner}\nsummary:\n  tr: Dar gelirli ailelere sıcak yemek ve destek {i}.\n"
            'status: active\nstatus_as_of: "2025"\nstatus_source: https://example.org/haber\n'
            "themes: [nutrition, poverty-reduction]\n"
            "target_groups: [low-income]\nservice_model: neighbourhood-based\n"
            "sources:\n  - https://example.org/haber\n",
            encoding="utf-8",
        )
    for n in range(municipalities - len(ids)):
        p = provinces[n % len(provinces)]
        mid = f"ilce-{n}"
        transfers = []
        for _ in range(rng.randint(0, 4)):
            project = project_ids[rng.randrange(projects)]
            if project.endswith(f"-{n}") or project in [x for x, _ in transfers]:
                continue
            depth = rng.randint(1, len(STAGES))
            transfers.append((project, STAGES[:depth]))
        engagements = [("study-visit", "p33", f"2025-0{rng.randint(1, 9)}-1{t}") for t in range(2)]
        # Real districts, so that validate measures a valid registry, not 1,300 findings.
        districts = districts_of(p.plate)
        district = districts[n // len(provinces) % len(districts)]
        _municipality(
            root, mid, f"İlçe {n} Belediyesi", "district", p.plate, district, engagements, transfers
        )
    return root


def _municipality(
    root: Path,
    mid: str,
    name: str,
    kind: str,
    plate: int,
    district: str | None,
    engagements: list[tuple[str, str, str]],
    transfers: list[tuple[str, list[str]]],
) -> None:
    lines = [f"id: {mid}", f"name: {name}", f"kind: {kind}", f"province: {plate}"]
    if district:
        lines.append(f"district: {district}")
    if engagements:
        lines.append("engagements:")
        for kind_, host, day in engagements:
            lines += [
                f"  - kind: {kind_}",
                f"    host: {host}",
                f'    date: "{day}"',
                "    participants: 5",
            ]
    if transfers:
        lines.append("transfers:")
        for project, stages in transfers:
            lines += [f"  - project: {project}", "    history:"]
            for s, stage in enumerate(stages):
                lines += [f"      - stage: {stage}", f'        date: "2024-{s + 1:02d}-15"']
    lines += ["sources:", "  - https://example.org/haber"]
    (root / f"data/municipalities/{mid}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
