"""Whether a commit being made touches the registry: what `spo validate --if-changed` asks git
before it checks anything, so that a pre-commit hook that runs on every commit (deletions
included, which pre-commit never passes to a hook) costs nothing on commits that leave the
registry alone."""

from __future__ import annotations

import subprocess
from pathlib import Path


def _differs(root: Path, *pathspec: str) -> bool | None:
    """Whether git's index differs from HEAD (at `pathspec`, relative to `root`); None when git
    cannot tell (no git, not a repository)."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "diff", "--cached", "--quiet", "--no-ext-diff", "--"]
            + list(pathspec),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    except OSError:
        return None
    return {0: False, 1: True}.get(done.returncode)


def registry_touched(root: Path) -> bool:
    """True unless git says that changes are staged and none of them is under `root/data`: a
    file added, changed, deleted or renamed there counts, and so does a run with nothing staged
    (`pre-commit run --all-files`, a run by hand) or outside git, which checks the registry."""
    if _differs(root, "data") is not False:
        return True
    return _differs(root, ":/") is not True
