"""The dependency policy, kept: every runtime dependency has a lower bound that CI proves by
installing exactly the oldest versions (.ci/oldest-versions.txt) and running the suite again; an
upper bound only where a break is known (the reason written beside it); a pre-1.0 library capped
at its next minor. The README's "Dependencies" section names each one."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import Specifier
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parent.parent
PYPROJECT_TEXT = (REPO / "pyproject.toml").read_text(encoding="utf-8")
RUNTIME = [Requirement(r) for r in tomllib.loads(PYPROJECT_TEXT)["project"]["dependencies"]]
OLDEST = REPO / ".ci" / "oldest-versions.txt"
README = (REPO / "README.md").read_text(encoding="utf-8")
NAMES = [r.name for r in RUNTIME]
EXTRAS = tomllib.loads(PYPROJECT_TEXT)["project"]["optional-dependencies"]


def _extra(name: str) -> list[Requirement]:
    """An extra's requirements, with those of the extras of spo's own it names (the test extra
    pulls in `spo-registry[web]`)."""
    found = []
    for line in EXTRAS[name]:
        requirement = Requirement(line)
        if canonicalize_name(requirement.name) == "spo-registry":
            found += [r for extra in sorted(requirement.extras) for r in _extra(extra)]
        else:
            found.append(requirement)
    return found


TEST_EXTRA = _extra("test")


def _bound(requirement: Requirement, operator: str) -> Specifier | None:
    found = [s for s in requirement.specifier if s.operator == operator]
    assert len(found) <= 1, requirement
    return found[0] if found else None


def _pinned() -> dict[str, Version]:
    pins: dict[str, Version] = {}
    for line in OLDEST.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"not pinned with ==: {line!r}"
            pins[canonicalize_name(name)] = Version(version.strip())
    return pins


def _reason_above(name: str) -> str:
    """The comment lines right above a dependency's line in pyproject.toml."""
    lines = PYPROJECT_TEXT.splitlines()
    (at,) = [i for i, line in enumerate(lines) if re.match(rf'\s*"{re.escape(name)}[>=<~! ]', line)]
    comments: list[str] = []
    for line in reversed(lines[:at]):
        if not line.strip().startswith("#"):
            break
        comments.insert(0, line.strip().lstrip("# "))
    return " ".join(comments)


@pytest.mark.parametrize("requirement", RUNTIME, ids=NAMES)
def test_every_runtime_dependency_has_a_lower_bound(requirement: Requirement) -> None:
    lower = _bound(requirement, ">=")
    assert lower is not None, f"{requirement.name} has no lower bound"
    assert not requirement.marker and not requirement.url


def test_ci_installs_exactly_the_lower_bounds() -> None:
    """Every runtime dependency is pinned at its lower bound; a test dependency may be too (it
    must then be in the test extra, with that lower bound)."""
    pins = _pinned()
    testing = {canonicalize_name(r.name): r for r in TEST_EXTRA}
    extra = set(pins) - {canonicalize_name(n) for n in NAMES}
    assert extra <= set(testing), extra
    assert {canonicalize_name(n) for n in NAMES} <= set(pins)
    for requirement in [*RUNTIME, *(testing[name] for name in sorted(extra))]:
        lower = _bound(requirement, ">=")
        assert lower is not None
        assert pins[canonicalize_name(requirement.name)] == Version(lower.version), requirement
        assert requirement.specifier.contains(pins[canonicalize_name(requirement.name)])


@pytest.mark.parametrize("requirement", RUNTIME, ids=NAMES)
def test_an_upper_bound_says_why_and_a_pre_1_0_library_is_capped(
    requirement: Requirement,
) -> None:
    lower, upper = _bound(requirement, ">="), _bound(requirement, "<")
    assert lower is not None
    if Version(lower.version).major == 0:
        assert upper is not None, f"{requirement.name} is pre-1.0: cap it at its next minor"
        cap = Version(upper.version)
        assert (cap.major, cap.micro) == (0, 0) and cap > Version(lower.version), requirement
    elif upper is not None:  # a cap on a 1.0+ library is a known break, named above its line
        cap = Version(upper.version)
        reason = _reason_above(requirement.name)
        named = (str(cap), f"{cap.major}.{cap.minor}", f"{cap.major}.0")
        assert any(v in reason for v in named), (
            f"{requirement.name} is capped below {cap}: say which break, above its line"
        )
    assert not _bound(requirement, "=="), f"{requirement.name} is pinned: pin only in CI"


def test_the_readme_table_shows_every_dependency_with_its_bounds() -> None:
    section = README.split("## Dependencies, and why", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and len(cells) == 4 and not set(cells[1]) <= {"-"}:
            rows[canonicalize_name(cells[0])] = cells
    rows.pop("dependency", None)  # the heading
    assert sorted(rows) == sorted(canonicalize_name(n) for n in NAMES)
    for requirement in RUNTIME:
        _, oldest, newest, _ = rows[canonicalize_name(requirement.name)]
        lower, upper = _bound(requirement, ">="), _bound(requirement, "<")
        assert lower is not None
        assert Version(oldest) == Version(lower.version), requirement.name
        shown = "—" if upper is None else f"< {upper.version}"
        assert newest == shown, requirement.name


def test_ci_runs_the_whole_suite_again_on_the_oldest_versions() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    readme_command = 'pip install -e ".[test]" && python -m pytest'
    assert readme_command in ci
    oldest = ci.split(readme_command, 1)[1]  # after the README's command
    install = re.search(
        r'^pip install (--quiet )?-e "\.\[test\]" -c \.ci/oldest-versions\.txt$', oldest, re.M
    )
    assert install, "CI installs the test extra with the oldest versions"
    assert re.search(r"^python -m pytest$", oldest[install.end() :], re.M)
