"""The layout rule: the core returns values and codes; only `spo/cli/` prints, imports rich,
typer or click, or chooses words. Every code the core can return is worded in both languages."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from spo.checks import schema
from spo.cli.words import catalogue
from spo.files.loader import SYNTAX_KEYS
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
    r"^(check|read|usage|write|refusal|layout|schema|lookup|date|value|internal|review)"
    r"(\.[a-z-]+)+$"
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


# Imports go down (issue 24). The import graph of `spo/` and `benchmarks/` counts every import,
# at the top of a module or inside a function (or under TYPE_CHECKING) alike, as
# /tmp/shared/tools/import_cycles.py does: a module importing its own package is no edge.
ROOT = SPO.parent
PACKAGES = ("spo", "benchmarks")


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imported(module: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    """The modules of this project an import statement names (a name imported from a package
    may be a module of it)."""
    if isinstance(node, ast.Import):
        targets = [a.name for a in node.names]
    else:
        base = node.module or ""
        if node.level:
            here = module.split(".")
            if MODULES[module].name != "__init__.py":
                here = here[:-1]
            here = here[: len(here) - node.level + 1]
            base = ".".join(here + ([node.module] if node.module else []))
        targets = [base] + [f"{base}.{a.name}" for a in node.names]
    out = []
    for target in targets:
        while target and target not in MODULES:
            target = target.rpartition(".")[0]
        if target and target != module and not module.startswith(target + "."):
            out.append(target)
    return out


def _graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {m: set() for m in MODULES}
    for module, path in MODULES.items():
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Import | ast.ImportFrom):
                edges[module].update(_imported(module, node))
    return edges


GRAPH = _graph()


def _circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_no_module_imports_itself_through_others() -> None:
    assert [" -> ".join(c) for c in _circles(GRAPH)] == []


# The imports inside functions outside `spo/cli/` (which the CLI rework owns): each one is there
# for start-up time or because most runs never need it, and says why. A new one needs a reason
# here; one that is gone must leave the table.
FUNCTION_IMPORTS = {
    (
        "spo/files/cache.py",
        "platformdirs",
    ): "spo --version must not pay for finding the cache folder",
    ("spo/checks/pool.py", "multiprocessing"): "a registry below POOL_THRESHOLD starts no pool",
    ("spo/checks/pool.py", "concurrent.futures"): "a registry below POOL_THRESHOLD starts no pool",
    ("spo/checks/schema.py", "jsonschema"): "the schema validator is heavy (test_startup)",
    ("spo/checks/schema.py", "jsonschema.exceptions"): "the schema validator is heavy",
    ("spo/checks/schema.py", "jsonschema_rs"): "the fast validator only where it is installed",
    ("spo/writing/distribution.py", "packaging.requirements"): "only a requirement given is parsed",
    ("spo/writing/distribution.py", "packaging.utils"): "only a requirement given is parsed",
    ("spo/entry.py", "spo.cli"): "the entry point catches Ctrl-C before the CLI is imported",
    ("spo/entry.py", "spo.cli.language"): "words for a Ctrl-C during start-up, if loadable",
    ("spo/entry.py", "spo.cli.words"): "words for a Ctrl-C during start-up, if loadable",
    ("spo/export/files.py", "sqlite3"): "only `spo export --format sqlite` writes a database",
    ("spo/export/files.py", "sqlite_utils"): "only `spo export --format sqlite` writes one",
    ("spo/index/__init__.py", "filelock"): "only a refresh that writes takes the lock",
    ("spo/index/sync.py", "spo.checks.buildable"): "a warm index reads no file",
    ("spo/index/sync.py", "spo.files.loader"): "a warm index needs no YAML parser",
    ("spo/query/naming.py", "spo.index"): "a write given ids never opens the index",
    (
        "spo/query/reading.py",
        "spo.files.loader",
    ): "a read from the index alone needs no YAML parser",
    (
        "spo/query/reading.py",
        "spo.checks.buildable",
    ): "only a file changed since indexing is checked",
    ("spo/report/left_out.py", "spo.checks.buildable"): "only a record left out is read again",
    ("spo/report/left_out.py", "spo.checks.file"): "only a record left out is read again",
    ("spo/report/left_out.py", "spo.files.loader"): "a report read from the index needs no YAML",
    ("spo/writing/atomic.py", "filelock"): "the lock library only when a write begins",
    ("spo/__init__.py", "importlib"): "`spo.Registry` imports the API; `spo --version` does not",
    (
        "benchmarks/parse_all.py",
        "spo.files.loader",
    ): "the libyaml yardstick must not pay for importing spo",
    ("benchmarks/parse_all.py", "yaml_rs"): "each parser's row pays for its own import only",
    ("benchmarks/parse_all.py", "ryaml"): "optional (not a dependency): only its row imports it",
    # The library imports the core in the method that needs it: the command line imports
    # `spo.api` whenever it starts (tests/test_startup.py).
    **{
        (f"spo/api/{module}.py", core): "spo.api is imported at every start-up"
        for module, cores in {
            "registry": (
                "spo.checks.validation",
                "spo.diff",
                "spo.diff.choose",
                "spo.export",
                "spo.files.registry",
                "spo.files.staged",
                "spo.index",
                "spo.query",
                "spo.query.lists",
                "spo.query.naming",
                "spo.query.reading",
                "spo.query.search",
                "spo.report",
                "spo.report.places",
                "spo.rules",
                "spo.rules.errors",
                "spo.rules.lookup",
            ),
            "changes": (
                "spo.review.journal",
                "spo.review.pending",
                "spo.review.repo",
                "spo.review.send",
            ),
            "writes": (
                "spo.writing.engagements",
                "spo.writing.figures",
                "spo.writing.known",
                "spo.writing.records",
                "spo.writing.starting",
                "spo.writing.transfers",
            ),
        }.items()
        for core in cores
    },
}


def _in(module: str, names: tuple[str, ...]) -> bool:
    return any(module == n or module.startswith(n + ".") for n in names)


def _imports_inside_functions() -> set[tuple[str, str, str]]:
    """(module, file, imported module) for every import inside a function, in spo/ and
    benchmarks/."""
    found = set()
    for module, path in MODULES.items():
        for function in ast.walk(_tree(path)):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                for node in ast.walk(function):
                    if isinstance(node, ast.Import):
                        names = [a.name for a in node.names]
                    elif isinstance(node, ast.ImportFrom):
                        names = [node.module or ""]
                    else:
                        continue
                    found |= {(module, path.relative_to(ROOT).as_posix(), n) for n in names}
    return found


INSIDE_FUNCTIONS = _imports_inside_functions()


def _function_imports() -> set[tuple[str, str]]:
    """Those outside spo/cli/, which the table lists one by one."""
    return {
        (path, name) for module, path, name in INSIDE_FUNCTIONS if not _in(module, ("spo.cli",))
    }


def _cli_modules_importing_inside_functions() -> list[str]:
    return sorted({path for module, path, _ in INSIDE_FUNCTIONS if _in(module, ("spo.cli",))})


@pytest.mark.parametrize("path", _cli_modules_importing_inside_functions())
def test_a_command_line_module_that_imports_inside_functions_says_why(path: str) -> None:
    """In spo/cli/ the imports inside functions are there for start-up time (`spo --version`,
    `--help` and completions import no command's weight: tests/test_startup.py), and each module
    that has any says so in its docstring, with what it puts off and why."""
    docstring = ast.get_docstring(_tree(ROOT / path)) or ""
    assert "inside the functions" in " ".join(docstring.split())


def test_imports_inside_functions_are_the_ones_with_a_reason() -> None:
    found = _function_imports()
    assert sorted(found - set(FUNCTION_IMPORTS)) == []  # new: move it up, or give a reason
    assert sorted(set(FUNCTION_IMPORTS) - found) == []  # gone: take it out of the table


# The package table of CONTRIBUTING.md ("How the code is laid out"), from the bottom up: a
# module may import its own package and the packages of the floors below, never one above, and
# of its own floor only the packages listed as its neighbours below.
FLOORS: list[tuple[str, ...]] = [
    ("spo.rules",),
    ("spo.places",),
    ("spo.files",),
    ("spo.model",),
    ("spo.checks",),
    ("spo.index",),
    ("spo.query",),
    ("spo.writing", "spo.report", "spo.export", "spo.diff"),
    # a front end's pending change: recorded writes, their diff, sent for review (issue 26)
    ("spo.review",),
    # the library (`spo.api`), and `spo` itself: the version, and the API's names handed on
    ("spo.api", "spo"),
    ("spo.cli", "spo.entry", "spo.__main__"),
    ("benchmarks",),  # timing runs, over everything
]
# On the commands' floor, which command's core may use which: `diff` and `report` compare and
# count, `writing` only records; none imports another but as written here.
NEIGHBOURS: dict[str, tuple[str, ...]] = {
    "spo.diff": ("spo.report",),
    "spo": ("spo.api",),
    "spo.__main__": ("spo.entry",),
    "spo.entry": ("spo.cli",),
}


def _package(module: str) -> tuple[int, str]:
    for floor, packages in enumerate(FLOORS):
        for package in packages:
            if module == package or (package != "spo" and module.startswith(package + ".")):
                return floor, package
    raise AssertionError(f"{module} is in no package of the table: add it to FLOORS")


def test_every_module_is_in_a_package_of_the_table() -> None:
    for module in MODULES:
        _package(module)


def test_imports_only_go_down_the_table() -> None:
    broken = []
    for module in sorted(MODULES):
        floor, package = _package(module)
        for target in sorted(GRAPH[module]):
            their_floor, theirs = _package(target)
            allowed = their_floor < floor or theirs == package
            allowed |= their_floor == floor and theirs in NEIGHBOURS.get(package, ())
            if not allowed:
                broken.append(f"{module} -> {target}")
    assert broken == []


def test_the_core_top_level_is_its_stages() -> None:
    """spo's own top level holds packages and the entry points, no loose module of the core."""
    loose = sorted(p.name for p in SPO.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py", "entry.py"]
    assert (SPO / "api" / "__init__.py").is_file()  # the library: a package of its own


# The command line reaches the core only through the library (issue 24): `spo.api`, or `spo`
# itself for the version. Every import counts: at the top, inside a function, under
# TYPE_CHECKING.
CLI = sorted((SPO / "cli").rglob("*.py"))


def _core_imports(path: Path, root: Path = ROOT) -> list[str]:
    found = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            modules = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
            if node.module == "spo":  # `from spo import api` names the library too
                modules = [f"spo.{a.name}" if a.name == "api" else "spo" for a in node.names]
        else:
            continue
        for module in modules:
            if module.startswith("spo.") and not _in(module, ("spo.cli", "spo.api")):
                found.append(f"{path.relative_to(root).as_posix()}:{node.lineno}: {module}")
    return found


def test_the_command_line_uses_the_core_only_through_the_api() -> None:
    assert [line for path in CLI for line in _core_imports(path)] == []


def test_a_core_import_in_the_command_line_is_named_with_its_file(tmp_path: Path) -> None:
    module = tmp_path / "spo" / "cli" / "x.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "import spo.rules.errors\n"
        "from spo import __version__, api\n"
        "from spo.api import Registry\n"
        "if TYPE_CHECKING:\n"
        "    from spo.model import Project\n"
        "def f():\n"
        "    from spo.query import naming\n",
        encoding="utf-8",
    )

    assert sorted(_core_imports(module, tmp_path)) == [
        "spo/cli/x.py:2: spo.rules.errors",
        "spo/cli/x.py:6: spo.model",
        "spo/cli/x.py:8: spo.query",
    ]
