"""A person's shell in a registry repository, for the tests that run git and pre-commit for real:
a home of its own (so no user or system git settings leak in), no colours, and no CI variables."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# The spo command of this environment, as a hook or a person runs it.
SPO = shutil.which("spo", path=str(Path(sys.executable).parent))

# What a test that commits through pre-commit needs; without it, it skips and says why.
NEEDS_GIT_AND_PRE_COMMIT = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(
        subprocess.run(
            [sys.executable, "-m", "pre_commit", "--version"], capture_output=True, check=False
        ).returncode
        != 0,
        reason="pre-commit is not installed (pip install -e '.[test]')",
    ),
    pytest.mark.skipif(SPO is None, reason="the spo command is not installed"),
]


class GitShell:
    def __init__(self, root: Path, home: Path, lang: str = "en", path: Path | None = None) -> None:
        self.root = root
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_"))}
        self.env.update(
            HOME=str(home),
            PRE_COMMIT_HOME=str(home / "pre-commit"),
            GIT_CONFIG_NOSYSTEM="1",
            SPO_LANG=lang,
            NO_COLOR="1",
            CI="",
        )
        if path is not None:  # commands from this folder first (a venv's bin)
            self.env["PATH"] = f"{path}{os.pathsep}{os.environ.get('PATH', '')}"

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args,
            cwd=self.root,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,  # git shows the hook's output on stderr, pre-commit on stdout
            text=True,
            stdin=subprocess.DEVNULL,
            check=False,
        )

    def git(self, *args: str) -> subprocess.CompletedProcess[str]:
        done = self.run("git", *args)
        assert done.returncode == 0, done.stdout
        return done

    def commit(self, message: str) -> subprocess.CompletedProcess[str]:
        return self.run("git", "commit", "-q", "-m", message)
