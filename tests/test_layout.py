"""The layout rule: the core returns values and codes; only `spo/cli/` prints, imports rich,
typer or click, or chooses words. Every code the core can return is worded in both languages."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from spo.cli.words import catalogue
from spo.loader import SYNTAX_KEYS

SPO = Path(__file__).resolve().parents[1] / "spo"
# The core: everything but the command line and `python -m spo`, which only starts it.
CORE = sorted(
    p
    for p in SPO.rglob("*.py")
    if "cli" not in p.relative_to(SPO).parts and p.name != "__main__.py"
)
PRESENTATION = ("rich", "typer", "click")


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(SPO)))
def test_the_core_imports_no_presentation_and_takes_no_language(path: Path) -> None:
    tree = _tree(path)
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name.split(".")[0] for a in node.names}
            imported |= {a.name for a in node.names if a.name.startswith("spo.cli")}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
            if node.module.startswith("spo.cli"):
                imported.add(node.module)
    assert sorted(m for m in imported if m in PRESENTATION or m.startswith("spo.cli")) == []
    takes_lang = [
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and any(a.arg == "lang" for a in node.args.args + node.args.kwonlyargs)
    ]
    assert takes_lang == []


def _core_keys() -> set[str]:
    """Every catalogue key the core names as a literal, with the prefix its constructor adds."""
    prefixes = {"Refusal": "refusal.", "LayoutError": "layout.", "_finding": "schema."}
    keys = {f"read.syntax.{k}" for k in SYNTAX_KEYS}
    for path in CORE:
        for node in ast.walk(_tree(path)):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            first = node.args[0]
            if not isinstance(first, ast.Constant) or not isinstance(first.value, str):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "of" or name == "DateError":
                keys.add(first.value)
            elif name in prefixes and "." not in first.value:
                keys.add(prefixes[name] + first.value)
    return keys


def test_every_code_of_the_core_is_worded_in_both_languages() -> None:
    keys = _core_keys()
    assert len(keys) > 90
    missing = sorted(k for k in keys if k not in catalogue())
    assert missing == []


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_entry_has_both_languages_with_the_same_fields() -> None:
    wrong = [
        key
        for key, entry in catalogue().items()
        if not entry.get("tr")
        or not entry.get("en")
        or _fields(entry["tr"]) != _fields(entry["en"])
    ]
    assert wrong == []
