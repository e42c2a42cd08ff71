"""The layout rule: the core returns values and codes; only `spo/cli/` prints, imports rich,
typer or click, or chooses words. Every code the core can return is worded in both languages."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from spo.checks import schema
from spo.cli.words import catalogue
from spo.loader import SYNTAX_KEYS
from spo.writing import outputs

SPO = Path(__file__).resolve().parents[1] / "spo"
# The core: everything but the command line and its entry points (`spo.entry`, the `spo`
# script's, and `python -m spo`), which only start it.
CORE = sorted(
    p
    for p in SPO.rglob("*.py")
    if "cli" not in p.relative_to(SPO).parts and p.name not in ("__main__.py", "entry.py")
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


KEY = re.compile(
    r"^(check|read|usage|write|refusal|layout|schema|lookup|date|value|internal)(\.[a-z-]+)+$"
)


def _core_keys() -> set[str]:
    """Every catalogue key the core can return: each literal that reads as one ("check.x", also
    inside `a if c else b`), each reason given to a constructor that adds its prefix, and the
    keys the core computes, which it declares as tables."""
    prefixed = {
        "Refusal": ("refusal.", 0),
        "LayoutError": ("layout.", 0),
        "_finding": ("schema.", 1),
    }
    keys = {f"read.syntax.{k}" for k in SYNTAX_KEYS}
    keys |= {f"schema.{k}" for k in schema.COMPUTED_KEYS}
    keys |= {f"{p}.{k}" for p in ("write", "output") for k in outputs.WRITE_REASONS}
    for path in CORE:
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if KEY.match(node.value):
                    keys.add(node.value)
            elif isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                prefix, at = prefixed.get(name, ("", -1))
                reason = node.args[at] if 0 <= at < len(node.args) else None
                if isinstance(reason, ast.Constant) and isinstance(reason.value, str):
                    keys.add(prefix + reason.value)
    return keys


def test_every_code_of_the_core_is_worded_in_both_languages() -> None:
    keys = _core_keys()
    assert {
        "schema.repeated",
        "schema.pattern.url",
        "refusal.after-later",
        "write.disk-full",
    } <= keys
    missing = sorted(k for k in keys if k not in catalogue())
    assert missing == []


def test_every_json_type_the_schemas_ask_for_has_words() -> None:
    import json

    types = set()
    for name in ("project", "municipality"):
        text = (SPO.parent / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
        types |= set(re.findall(r'"type": "([a-z]+)"', json.dumps(json.loads(text))))
    assert types and sorted(t for t in types if f"json-type.{t}" not in catalogue()) == []
