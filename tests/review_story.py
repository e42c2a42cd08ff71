"""A registry in a git repository of its own, as `spo serve` finds it on a staff member's laptop,
for the stories of tests/test_review_*.py: a copy of `tests/registries/report-histories`, one
commit, git with a fixed identity and no user or system configuration.

The writes a front end makes, each recorded in the pending change as `spo serve` records it.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

from spo.api import Registry, WriteResult
from tests.diff_history import commit, init

TODAY = date(2026, 1, 1)
USKUDAR = "data/municipalities/istanbul-uskudar.yaml"
SEYHAN = "data/municipalities/adana-seyhan.yaml"
SCHEMA = "schemas/municipality.schema.json"


def build(folder: Path) -> Path:
    shutil.copytree(Path(__file__).parent / "registries" / "report-histories", folder)
    init(folder)
    commit(folder, "The registry")
    return folder


def stage(registry: Registry) -> WriteResult:
    """Üsküdar's transfer of Kadın Ustalar reaches `presentation` (supported: 5 → 6)."""
    with registry.recording() as recording:
        result = registry.add_stage(
            "kadin-ustalar",
            "istanbul-uskudar",
            "presentation",
            date="2025-05-02",
            source="https://example.org/uskudar/sunum",
            today=TODAY,
        )
        recording.wrote(result)
    return result


def engagement(registry: Registry, day: str = "2025-06-01") -> WriteResult:
    with registry.recording() as recording:
        result = registry.add_engagement(
            "istanbul-uskudar", "mersin-bb", "meeting", date=day, today=TODAY
        )
        recording.wrote(result)
    return result


def new_municipality(registry: Registry) -> WriteResult:
    with registry.recording() as recording:
        result = registry.new_municipality("Adana", district="Seyhan", today=TODAY)
        recording.wrote(result)
    return result


def blob(repo: Path, revision: str, path: str) -> bytes:
    return subprocess.run(
        ["git", "cat-file", "blob", f"{revision}:{path}"], cwd=repo, capture_output=True, check=True
    ).stdout
