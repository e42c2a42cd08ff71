"""Releasing spo: what `python -m build` makes is what PyPI gets, and it works once installed.

The release workflow (.github/workflows/release.yml) builds the sdist and the wheel, checks them
with twine, installs the wheel into a fresh virtual environment and runs it; the tests here do the
same on this machine, so a release is never the first to find a file missing from the wheel."""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from email.parser import Parser
from pathlib import Path
from typing import Any

import pytest
import yaml

import spo
from tests.conftest import REGISTRIES

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github/workflows/release.yml"
VERSION = spo.__version__
WHEEL = f"spo_registry-{VERSION}-py3-none-any.whl"
SDIST = f"spo_registry-{VERSION}.tar.gz"
# What git ignores, and git itself: a build from a copy without them is a build from a clean
# checkout, and it leaves nothing (no egg-info) in this one, where others may be working.
NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".spo-cache",
)


@dataclass(frozen=True)
class Release:
    source: Path  # the copy of the checkout that was built
    dist: Path  # what `python -m build` wrote: the sdist and the wheel

    @property
    def wheel(self) -> Path:
        return self.dist / WHEEL

    @property
    def sdist(self) -> Path:
        return self.dist / SDIST


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Release:
    """The sdist and the wheel, built as the release workflow builds them: `python -m build`,
    which builds the sdist and then the wheel from the sdist, each in an isolated environment."""
    if importlib.util.find_spec("build") is None:
        pytest.skip("the build package is not installed (pip install -e '.[test]')")
    folder = tmp_path_factory.mktemp("release")
    source = folder / "source"
    shutil.copytree(REPO, source, ignore=NOT_SOURCE)
    built = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(folder / "dist"), str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    log = built.stdout + built.stderr
    stages = [line for line in log.splitlines() if line.startswith("* ")]
    if built.returncode != 0 and stages and "isolated environment" in stages[-1]:
        pytest.skip(
            "cannot set up an isolated build environment (its build backend, setuptools>=77, "
            f"could not be installed: no network?): {log[-500:]}"
        )
    assert built.returncode == 0, log[-3000:]
    return Release(source, folder / "dist")


@pytest.fixture(scope="module")
def installed(release: Release, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh virtual environment with the wheel and its dependencies
    installed by pip, as a user gets them: no editable install, no checkout on the path."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    pip = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", str(release.wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert pip.returncode == 0, (pip.stdout + pip.stderr)[-3000:]
    return bin_dir


def user_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a user's shell: nothing that points Python at this checkout."""
    unset = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "SPO_ROOT", "GITHUB_ACTIONS"}
    env = {k: v for k, v in os.environ.items() if k not in unset and not k.startswith("GITHUB_")}
    return {**env, "SPO_LANG": "en", "NO_COLOR": "1", "SPO_CACHE_DIR": str(tmp_path / "cache")}


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def test_the_release_files_are_named_for_spo_registry_and_pass_twine_check(
    release: Release,
) -> None:
    """PyPI refuses an upload whose description does not render; `twine check --strict` says so
    before the release does."""
    if importlib.util.find_spec("twine") is None:
        pytest.skip("twine is not installed (pip install -e '.[test]')")
    assert sorted(p.name for p in release.dist.iterdir()) == sorted([SDIST, WHEEL])
    checked = subprocess.run(
        [sys.executable, "-m", "twine", "--no-color", "check", "--strict", SDIST, WHEEL],
        cwd=release.dist,
        env={**os.environ, "COLUMNS": "200"},  # one line per file
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    for name in (SDIST, WHEEL):
        assert re.search(rf"^Checking {re.escape(name)}: PASSED$", checked.stdout, re.M), (
            checked.stdout
        )


def test_the_wheel_carries_the_package_its_words_templates_and_tables_and_nothing_else(
    release: Release,
) -> None:
    with zipfile.ZipFile(release.wheel) as wheel:
        names = set(wheel.namelist())
        metadata_text = wheel.read(f"spo_registry-{VERSION}.dist-info/METADATA").decode("utf-8")
        entry_points_text = wheel.read(f"spo_registry-{VERSION}.dist-info/entry_points.txt")
    info = f"spo_registry-{VERSION}.dist-info"
    # No data/, tests/, schemas/ or benchmarks/ at the top of site-packages.
    assert {name.split("/")[0] for name in names} == {"spo", info}

    package = release.source / "spo"
    shipped = [
        *package.rglob("*.py"),
        *(package / "cli/text").glob("*.toml"),
        *(package / "templates").glob("*.txt"),
        *(package / "cli/web/templates").glob("*.html"),  # spo serve's pages
        *(package / "cli/web/static").glob("*.css"),
    ]
    assert len(list((package / "cli/web/templates").glob("*.html"))) >= 5
    assert len(list((package / "cli/text").glob("*.toml"))) >= 5
    assert len(list((package / "templates").glob("*.txt"))) >= 4
    wanted = {p.relative_to(release.source).as_posix() for p in shipped}
    wanted |= {"spo/places/provinces.csv", "spo/places/districts.csv", "spo/py.typed"}
    wanted |= {
        "spo/places/maps/provinces.json",
        "spo/places/maps/LICENCE.txt",
    }  # the map's data and licence
    wanted |= {f"{info}/licenses/LICENSE"}  # the licence text travels with the code
    assert sorted(wanted - names) == []

    metadata = Parser().parsestr(metadata_text)
    assert (metadata["Name"], metadata["Version"]) == ("spo-registry", VERSION)
    assert metadata["Name"] == spo.DISTRIBUTION
    entry_points = configparser.ConfigParser()
    entry_points.read_string(entry_points_text.decode("utf-8"))
    assert dict(entry_points["console_scripts"]) == {"spo": "spo.entry:main"}


def test_the_sdist_holds_what_builds_the_wheel(release: Release) -> None:
    with tarfile.open(release.sdist) as sdist:
        top = f"spo_registry-{VERSION}/"
        names = {name.removeprefix(top) for name in sdist.getnames()}
    package = {
        p.relative_to(release.source).as_posix()
        for p in (release.source / "spo").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    expected = {"README.md", "LICENSE", "pyproject.toml", "PKG-INFO", *package}
    assert sorted(expected - names) == []
    assert not [n for n in names if n.startswith("tests/")]  # a partial copy would not run


def test_the_sdist_carries_the_changelog(release: Release) -> None:
    with tarfile.open(release.sdist) as sdist:
        assert f"spo_registry-{VERSION}/CHANGELOG.md" in sdist.getnames()


def test_the_installed_wheel_starts_a_registry_that_installs_this_release(
    installed: Path, tmp_path: Path
) -> None:
    """`spo init` from the wheel, with no checkout around: the templates travel in the package,
    the schemas are built from code, and the hook installs exactly this release."""
    env = user_env(tmp_path)
    started = run([str(installed / "spo"), "init", "reg", "--province", "Artvin"], tmp_path, env)
    assert (started.returncode, started.stderr) == (0, "")
    root = tmp_path / "reg"
    written = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert [n for n in written if not n.startswith(".spo-cache/")] == sorted(
        [
            ".github/workflows/validate.yml", ".gitignore", ".pre-commit-config.yaml",
            "README.md", "data/municipalities/artvin.yaml", "data/projects/.gitkeep",
            "schemas/municipality.schema.json", "schemas/project.schema.json",
        ]
    )  # fmt: skip
    for kind in ("project", "municipality"):
        text = (root / f"schemas/{kind}.schema.json").read_text(encoding="utf-8")
        assert text == (REPO / f"schemas/{kind}.schema.json").read_text(encoding="utf-8")
    hook = (root / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert f"additional_dependencies: [spo-registry=={VERSION}]\n" in hook


def test_the_installed_wheel_is_this_version_and_checks_a_registry(
    installed: Path, tmp_path: Path, release: Release
) -> None:
    """A user who installs the wheel gets this spo, with its schemas (built from code, not read
    from schemas/), its words in both languages and its tables, with no checkout around."""
    env = user_env(tmp_path)
    spo_command = str(installed / "spo")

    where = run([str(installed / "python"), "-c", "import spo; print(spo.__file__)"], tmp_path, env)
    assert Path(where.stdout.strip()).is_relative_to(installed.parent), where.stdout + where.stderr

    version = run([spo_command, "--version"], tmp_path, env)
    assert (version.returncode, version.stdout, version.stderr) == (0, f"spo {VERSION}\n", "")

    for kind in ("project", "municipality"):
        schema = subprocess.run(
            [spo_command, "schema", kind], cwd=tmp_path, env=env, capture_output=True, check=False
        )
        assert schema.returncode == 0, schema.stderr
        assert schema.stdout == (release.source / f"schemas/{kind}.schema.json").read_bytes()

    registry = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "valid-base", registry)
    validated = run([spo_command, "validate"], registry, env)
    assert (validated.returncode, validated.stderr) == (0, "")
    assert re.fullmatch(r"\d+ files checked, 0 problems\n", validated.stdout), validated.stdout

    reported = run([spo_command, "--lang", "tr", "report", "--format", "json"], registry, env)
    assert (reported.returncode, reported.stderr) == (0, "")
    assert reported.stdout.startswith("{")


# --- the release workflow ---------------------------------------------------------------------


def workflow() -> dict[Any, Any]:
    loaded = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def runs(job: dict[str, Any]) -> list[str]:
    return [str(step["run"]) for step in job["steps"] if "run" in step]


def test_the_workflow_publishes_only_a_built_checked_and_tried_wheel_from_a_version_tag() -> None:
    flow = workflow()
    # YAML 1.1 reads the key `on` as true.
    assert flow.get("on", flow.get(True)) == {"push": {"tags": ["v*"]}}

    build = flow["jobs"]["build"]
    assert build["permissions"] == {"contents": "read"}
    script = "\n".join(runs(build))
    assert re.search(r"^python -m build$", script, re.M)
    assert re.search(r"^twine check --strict dist/\*$", script, re.M)
    (venv,) = re.findall(r"^python -m venv (\S+)$", script, re.M)
    assert re.search(rf"^{re.escape(venv)}/bin/pip install dist/\*\.whl$", script, re.M)
    assert not re.search(r"pip install\b.*(\s-e\b|--editable|\s\.(\s|$))", script)
    for command in ("--version", "validate", "report"):
        assert re.search(rf"{re.escape(venv)}/bin/spo {command}\b", script), command
    (upload,) = [s for s in build["steps"] if str(s.get("uses", "")).startswith("actions/upload")]

    publish = flow["jobs"]["publish"]
    assert publish["needs"] in ("build", ["build"])
    assert publish["environment"] == {"name": "pypi", "url": "https://pypi.org/p/spo-registry"}
    assert publish["permissions"] == {"id-token": "write"}
    (download,) = [s for s in publish["steps"] if str(s.get("uses", "")).startswith("actions/down")]
    assert download["with"]["name"] == upload["with"]["name"]
    (pypi,) = [s for s in publish["steps"] if "pypa/gh-action-pypi-publish@" in s.get("uses", "")]
    # Trusted publishing: PyPI trusts the workflow's identity; no token is stored anywhere.
    assert not {"password", "user", "username", "token", "api-token"} & set(pypi.get("with", {}))
    assert "secrets." not in WORKFLOW.read_text(encoding="utf-8")

    for name, job in flow["jobs"].items():
        grants = {**flow.get("permissions", {}), **job.get("permissions", {})}
        writes = {scope for scope, level in grants.items() if level == "write"}
        assert writes == ({"id-token"} if name == "publish" else set()), name
        for text in runs(job):
            assert "${{" not in text, f"{name}: pass values to run scripts through env: {text}"


def version_check(tag: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """The workflow's first step, as GitHub runs it, in `folder`."""
    (step,) = [s for s in workflow()["jobs"]["build"]["steps"] if s.get("id") == "version"]
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_REF_NAME": tag,
        "GITHUB_OUTPUT": str(folder / "github-output"),
    }
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_tag_that_is_not_the_version_or_not_in_the_changelog_is_refused(tmp_path: Path) -> None:
    if shutil.which("bash") is None:
        pytest.skip("no bash to run the workflow's step with")
    (tmp_path / "spo").mkdir()
    shutil.copy(REPO / "spo/__init__.py", tmp_path / "spo/__init__.py")
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    heading = re.compile(rf"^## \[{re.escape(VERSION)}\].*$", re.M)
    assert heading.search(changelog), "CHANGELOG.md has a heading for this version"

    def with_heading(line: str) -> None:
        (tmp_path / "CHANGELOG.md").write_text(heading.sub(line, changelog), encoding="utf-8")

    with_heading(f"## [{VERSION}] - 2026-12-10")
    accepted = version_check(f"v{VERSION}", tmp_path)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert (tmp_path / "github-output").read_text() == f"version={VERSION}\n"

    for tag in (VERSION, f"v{VERSION}.1", f"v{VERSION}rc1"):
        refused = version_check(tag, tmp_path)
        assert refused.returncode == 1, tag
        assert f"::error file=spo/__init__.py::tag {tag} is not v{VERSION}" in refused.stdout

    with_heading(f"## [{VERSION}] - Unreleased")
    refused = version_check(f"v{VERSION}", tmp_path)
    assert refused.returncode == 1
    assert f"CHANGELOG.md still calls {VERSION} unreleased" in refused.stdout

    with_heading("## [0.0.0] - 2026-12-10")
    refused = version_check(f"v{VERSION}", tmp_path)
    assert refused.returncode == 1
    assert f"::error file=CHANGELOG.md::CHANGELOG.md has no heading for {VERSION}" in refused.stdout


def test_the_changelog_starts_with_this_version() -> None:
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[?([^\]\s]+)\]?", text, re.M)
    assert headings and headings[0] == VERSION, headings
