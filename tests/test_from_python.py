"""README.md's "From Python": each ```python block, run as an analyst would run it (a fresh
interpreter, in the registry's folder), prints exactly the ```text block that follows it.

The registry is tests/registries/sample, copied, with the mistake of README's first example:
Artvin's study visit hosted by `mersin`, an id the registry does not have."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "registries" / "sample"
BLOCK = re.compile(r"```python\n(.*?)```\n\n[^`]*?```text\n(.*?)```", re.DOTALL)


def _section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("\n## From Python\n")
    end = text.index("\n## ", start + 1)
    return text[start:end]


EXAMPLES = BLOCK.findall(_section())


def test_the_section_has_its_examples() -> None:
    # Every python block is followed by the text it prints: none is left untested.
    assert len(EXAMPLES) == _section().count("```python") >= 5


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    folder = tmp_path / "office"
    shutil.copytree(SAMPLE, folder)
    artvin = folder / "data" / "municipalities" / "artvin.yaml"
    text = artvin.read_text(encoding="utf-8")
    assert "host: mersin-bb\n" in text
    artvin.write_text(text.replace("host: mersin-bb\n", "host: mersin\n"), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("code", "printed"), EXAMPLES, ids=[f"example-{i + 1}" for i in range(len(EXAMPLES))]
)
def test_an_example_prints_what_the_readme_says(
    code: str, printed: str, registry: Path, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SPO_ROOT"}
    env |= {"SPO_CACHE_DIR": str(tmp_path / "cache"), "PYTHONIOENCODING": "utf-8"}
    run = subprocess.run(
        [sys.executable, "-c", code],
        cwd=registry,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )

    assert (run.stderr, run.returncode) == ("", 0)
    assert run.stdout == printed
