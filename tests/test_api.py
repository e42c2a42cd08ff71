"""`spo.api`, the library (issue 24): its names are what it says, each one is had from `spo`
too, and importing it (as the command line does at every start) imports no core module."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import spo
import spo.api
from spo.api import Registry, UsageError
from tests.conftest import REGISTRIES

INIT = Path(spo.api.__file__)


def _type_checking_names() -> dict[str, tuple[str, str]]:
    """What mypy sees: each name imported under TYPE_CHECKING, with where it comes from."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    [block] = [n for n in tree.body if isinstance(n, ast.If)]
    names = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names:
            names[alias.asname or alias.name] = (node.module, alias.name)
    return names


def test_mypy_and_the_lazy_table_see_the_same_names() -> None:
    lazy = {}
    for module, names in spo.api._FOR_FRONT_ENDS.items():
        for entry in names.split():
            given, _, there = entry.partition("=")
            if there == "*":
                package, _, leaf = module.rpartition(".")
                lazy[given] = (package, leaf)
            else:
                lazy[given] = (module, there or given)

    assert _type_checking_names() == lazy
    assert sorted(spo.api.__all__) == sorted({"Registry", "open", "compare", *lazy})


@pytest.mark.parametrize("name", spo.api.__all__)
def test_every_name_is_had_from_the_api_and_from_spo(name: str) -> None:
    assert getattr(spo, name) is getattr(spo.api, name)


def test_spo_has_no_other_name() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        spo.nothing  # noqa: B018
    assert spo.__version__ and spo.DISTRIBUTION == "spo-registry"


LOADED = """
import sys
import spo
import spo.api
from spo.api import Registry, open, compare
print(*sorted(m for m in sys.modules if m.startswith("spo")))
"""


def test_importing_the_api_imports_no_core_module() -> None:
    run = subprocess.run([sys.executable, "-c", LOADED], capture_output=True, text=True, check=True)

    assert run.stdout.split() == [
        "spo",
        "spo.api",
        "spo.api.changes",
        "spo.api.registry",
        "spo.api.writes",
    ]


def test_open_finds_the_registry_as_the_command_line_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SPO_ROOT", raising=False)
    inside = REGISTRIES / "sample" / "data" / "projects"
    monkeypatch.chdir(inside)
    assert spo.open().root == (REGISTRIES / "sample").resolve()
    monkeypatch.setenv("SPO_ROOT", str(REGISTRIES / "valid-base"))
    assert spo.open().root == REGISTRIES / "valid-base"
    assert spo.open(REGISTRIES / "views").root == REGISTRIES / "views"
    with pytest.raises(UsageError) as refused:
        spo.open(tmp_path)
    assert refused.value.message.key == "usage.no-data-folder"


def test_a_record_is_found_by_its_name_and_an_unknown_one_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SPO_CACHE_DIR", str(tmp_path))
    reg = Registry(REGISTRIES / "sample")

    assert reg.find("Üsküdar", kind="municipality").id == "istanbul-uskudar"
    assert reg.find("kadin-ustalar", kind="project") == reg.project("kadin-ustalar")
    with pytest.raises(UsageError) as unknown:
        reg.municipality("nowhere")
    assert unknown.value.message.key.startswith("lookup.")
