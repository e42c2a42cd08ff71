"""The office's registry in a git repository of its own, as `spo serve` finds it on a staff
member's laptop, for the stories of tests/test_serve_change.py and tests/test_serve_browser.py:
a copy of the shipped `data/` and `schemas/` (Mersin hosted 16 municipalities), one commit, git
with a fixed identity and no user or system configuration (`GIT_ENV`).

`visit(registry)` is a staff member's saved forms, recorded in the pending change as `spo serve`
records them: Seyhan Belediyesi added, and its study visit to Mersin, so that the municipalities
Mersin hosted go from 16 to 17.
"""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

from spo.api import Registry
from tests.diff_history import commit, git, init

REPO = Path(__file__).resolve().parent.parent
TODAY = date(2026, 1, 1)
SEYHAN = "data/municipalities/adana-seyhan.yaml"
SOURCE = "https://example.org/seyhan/ziyaret"


def build(folder: Path) -> Path:
    """The shipped registry in a new git repository at `folder`, committed on `main`."""
    for part in ("data", "schemas"):
        shutil.copytree(REPO / part, folder / part)
    init(folder)
    commit(folder, "Kayıt")
    return folder


def visit(registry: Registry) -> None:
    """Seyhan Belediyesi, new, and its study visit to Mersin on 2025-06-01 (hosted: 16 → 17)."""
    with registry.recording() as recording:
        recording.wrote(
            registry.new_municipality("Adana", district="Seyhan", sources=[SOURCE], today=TODAY)
        )
        recording.wrote(
            registry.add_engagement(
                "adana-seyhan", "mersin-bb", "study-visit", date="2025-06-01", source=SOURCE,
                today=TODAY,
            )
        )  # fmt: skip


def fake_gh(folder: Path, state: str = "OPEN") -> Path:
    """A `gh` in `folder` that is logged in, opens pull request 7 and reads its state from the
    file it returns (write MERGED there to merge it)."""
    state_file = folder.parent / "gh-state"
    state_file.write_text(state, encoding="utf-8")
    script = folder / "gh"
    script.write_text(
        f"""#!{sys.executable}
import json, sys
args = sys.argv[1:]
if args[:2] == ["pr", "create"]:
    sys.stdin.read()
    print("https://github.com/ofis/kayit/pull/7")
elif args[:2] == ["pr", "view"]:
    state = open({str(state_file)!r}, encoding="utf-8").read()
    print(json.dumps({{"state": state, "url": args[2]}}))
elif args[:2] != ["auth", "status"]:
    sys.exit(1)
""",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return state_file


def bare_remote(root: Path, at: Path) -> Path:
    """A bare repository at `at`, the registry's `origin`, holding its `main`."""
    git(root.parent, "init", "-q", "--bare", str(at))
    git(root, "remote", "add", "origin", str(at))
    git(root, "push", "-q", "-u", "origin", "main")
    return at
