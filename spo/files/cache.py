"""Where spo keeps what it can rebuild: the user's cache folder, never the registry.

`$SPO_CACHE_DIR` names the folder (tests and CI set it); otherwise it is the platform's cache
folder for spo (`~/.cache/spo` on Linux, `~/Library/Caches/spo` on macOS, under `%LOCALAPPDATA%`
on Windows), as `platformdirs` knows it. Everything in it only ever saves time: a folder that
cannot be created or written is ignored, and the commands still work, only slower.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

ENVIRONMENT = "SPO_CACHE_DIR"


def cache_root() -> Path:
    given = os.environ.get(ENVIRONMENT)
    if given:
        return Path(given).expanduser()
    import platformdirs  # only when needed: `spo --version` must not pay for it

    return Path(platformdirs.user_cache_dir("spo", appauthor=False))


def registry_folder(root: Path) -> Path:
    """The cache folder of one registry, named by a hash of its absolute path, so that two
    checkouts never share (or corrupt) each other's cache."""
    key = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    return cache_root() / "registries" / key[:24]


@cache
def code_digest(*, with_cli: bool) -> str:
    """A hash of spo's own files (code, tables, and with `with_cli` the command line and its
    words), so that what was cached by other code — a check's result, an index row, a kept
    report — is never reused after spo changes, even without a new version number (an editable
    install, a `git pull`). Reading them costs about a millisecond."""
    package = Path(__file__).parents[1]
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        name = path.relative_to(package)
        if path.suffix in (".py", ".csv", ".toml") and (with_cli or name.parts[0] != "cli"):
            digest.update(name.as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
