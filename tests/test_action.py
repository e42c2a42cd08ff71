"""The reusable GitHub Action (action.yml): its inputs and steps as GitHub reads them, and its
validate and report steps run as GitHub runs them — bash, the step's environment, the job summary
in `$GITHUB_STEP_SUMMARY` — on a registry with more problems than GitHub shows as annotations."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REGISTRIES, run_spo

REPO = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
STEPS = ACTION["runs"]["steps"]


def step(name: str) -> dict[str, object]:
    return next(s for s in STEPS if s.get("name") == name)


def test_action_is_composite_with_documented_inputs():
    assert ACTION["runs"]["using"] == "composite"
    inputs = ACTION["inputs"]
    assert {k: v["default"] for k, v in inputs.items()} == {
        "path": ".",
        "strict": "false",
        "python-version": "3.11",
        "spo-source": "",
        "report": "true",
        "as-of": "",
        "lang": "tr",
        "diff": "true",
    }
    assert all(v["description"] for v in inputs.values())
    uses = [s["uses"] for s in STEPS if "uses" in s]
    assert uses == ["actions/setup-python@v5", "actions/cache@v4"]
    # Every run step says its shell (a composite action must), and no step pastes an input into
    # its script: inputs reach scripts through the environment only.
    for s in STEPS:
        if "run" in s:
            assert s["shell"] == "bash"
            assert "${{" not in s["run"]
    # Installed from the action's own checkout unless told otherwise.
    assert '"${SPO_SOURCE:-$GITHUB_ACTION_PATH}"' in step("Install spo")["run"]


def test_this_repository_workflow_uses_the_action():
    workflow = yaml.safe_load((REPO / ".github/workflows/validate.yml").read_text(encoding="utf-8"))
    assert [s["uses"] for s in workflow["jobs"]["validate"]["steps"]] == [
        "actions/checkout@v4",
        "./",
    ]
    # Read-only: a pull request from a fork gets a read-only token, and the job summary (where
    # the diff goes) needs no more.
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["validate"]["steps"][0]["with"] == {"fetch-depth": 2}


def _git(folder: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Gözden Geçiren",
        "GIT_AUTHOR_EMAIL": "g@example.org",
        "GIT_COMMITTER_NAME": "Gözden Geçiren",
        "GIT_COMMITTER_EMAIL": "g@example.org",
    }
    done = subprocess.run(
        ["git", *args], cwd=folder, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def _pull_request(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A registry in git with a pull request (a new stage for Üsküdar) on a branch, and a commit
    on main after the branch point; the commits' ids by name."""
    root = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "sample", root)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "başlangıç")
    branch_point = _git(root, "rev-parse", "HEAD").strip()
    _git(root, "checkout", "-qb", "yeni-asama")
    record = root / "data" / "municipalities" / "istanbul-uskudar.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(
        text.replace(
            '      - {stage: inquiry, date: "2025-01-15"}\n',
            '      - {stage: inquiry, date: "2025-01-15"}\n'
            '      - {stage: presentation, date: "2025-05-02", source: "https://example.org/3"}\n',
        ),
        encoding="utf-8",
    )
    _git(root, "commit", "-qam", "Üsküdar: sunum")
    pr_head = _git(root, "rev-parse", "HEAD").strip()
    _git(root, "checkout", "-q", "main")
    artvin = root / "data" / "municipalities" / "artvin.yaml"
    artvin.write_text(artvin.read_text(encoding="utf-8") + "# main ilerledi\n", "utf-8")
    _git(root, "commit", "-qam", "main ilerledi")
    base_tip = _git(root, "rev-parse", "HEAD").strip()
    return root, {"branch_point": branch_point, "pr_head": pr_head, "base_tip": base_tip}


def _diff_step(
    root: Path, summary: Path, sha: str, base_sha: str, **inputs: str
) -> subprocess.CompletedProcess[str]:
    """The action's diff step on a pull request: `sha` is GitHub's merge commit, `base_sha`
    the base branch's commit the event names."""
    return run_step(
        "spo diff",
        root,
        summary,
        github={"GITHUB_SHA": sha},
        event={"pull_request.base.sha": base_sha},
        **inputs,
    )


def _markdown(root: Path, base: str) -> str:
    """What `spo diff BASE HEAD --format markdown` prints, as of the tests' day, in English."""
    args = ("--lang", "en", "diff", base, "HEAD", "--format", "markdown", "--as-of", "2026-01-01")
    return run_spo("--root", str(root), *args).stdout


_NEEDS = pytest.mark.skipif(
    shutil.which("bash") is None or shutil.which("git") is None,
    reason="the action's steps run in bash, and the diff reads git",
)


@_NEEDS
def test_a_pull_request_gets_its_diff_in_the_job_summary(tmp_path):
    """GitHub checks out a pull request as a merge commit: the diff step compares its first
    parent (the base branch) with it, and appends the Markdown to the job summary."""
    root, commits = _pull_request(tmp_path)
    _git(root, "merge", "-q", "--no-ff", "-m", "birleştirme", "yeni-asama")
    merge = _git(root, "rev-parse", "HEAD").strip()
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")
    status_before = _git(root, "status", "--porcelain")

    done = _diff_step(
        root, summary, merge, commits["base_tip"], lang="en", **{"as-of": "2026-01-01"}
    )

    expected = _markdown(root, "HEAD^1")
    assert (done.returncode, done.stderr) == (0, "")
    assert summary.read_text(encoding="utf-8") == expected
    assert "  - transfer of Women Craftspeople: new stage: Presentation (2025-05-02)" in expected
    assert _git(root, "status", "--porcelain") == status_before


@_NEEDS
def test_a_checkout_of_the_pull_requests_head_is_compared_from_its_branch_point(tmp_path):
    """A workflow that checks out the pull request's own head (not GitHub's merge commit) gets
    the diff from where the branch left main: main's later commits are not in it."""
    root, commits = _pull_request(tmp_path)
    _git(root, "checkout", "-q", commits["pr_head"])
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")

    not_here = "0" * 40  # the merge commit, which is not checked out
    done = _diff_step(
        root, summary, not_here, commits["base_tip"], lang="en", **{"as-of": "2026-01-01"}
    )

    expected = _markdown(root, commits["branch_point"])
    assert (done.returncode, done.stderr) == (0, "")
    assert summary.read_text(encoding="utf-8") == expected
    assert "Artvin" not in expected and "Üsküdar Belediyesi" in expected


@_NEEDS
def test_a_diff_that_cannot_run_fails_its_step(tmp_path):
    """Exit 1 (new errors) is the validate step's to report, but a diff that fails otherwise,
    or prints nothing, fails its own step: here the base commit does not exist anywhere."""
    root, commits = _pull_request(tmp_path)
    _git(root, "checkout", "-q", commits["pr_head"])
    _git(root, "remote", "add", "origin", str(tmp_path / "nowhere"))
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")

    done = _diff_step(root, summary, "0" * 40, "1" * 40, lang="en")

    assert done.returncode != 0
    assert summary.read_text(encoding="utf-8") == ""


def _expression(text: str, inputs: dict[str, str], event: dict[str, str] | None = None) -> str:
    """GitHub's `${{ inputs.NAME }}` and `${{ github.event.PATH }}` for the few expressions the
    run steps' environments use."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        return inputs.get(name, ACTION["inputs"][name]["default"])

    text = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", value, text)
    return re.sub(
        r"\$\{\{\s*github\.event\.([\w.]+)\s*\}\}", lambda m: (event or {})[m.group(1)], text
    )


def run_step(
    name: str,
    registry: Path,
    summary: Path,
    github: dict[str, str] | None = None,
    event: dict[str, str] | None = None,
    **inputs: str,
) -> subprocess.CompletedProcess[str]:
    """One run step of the action, as the runner runs it: `bash -e -o pipefail`, in the step's
    working directory, with its environment, GitHub's variables (`github`, e.g. GITHUB_SHA; the
    event's fields in `event`) and the installed spo."""
    s = step(name)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "SPO_LANG"))}
    env.update({k: _expression(str(v), inputs, event) for k, v in s.get("env", {}).items()})
    env.update(github or {})
    env.update(
        GITHUB_ACTIONS="true",
        CI="true",
        GITHUB_STEP_SUMMARY=str(summary),
        GITHUB_ACTION_PATH=str(REPO),
        NO_COLOR="1",
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    folder = registry / _expression(str(s.get("working-directory", ".")), inputs)
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", str(s["run"])],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _many_problems(tmp_path: Path) -> Path:
    """valid-base and twelve municipalities, each with two errors and a warning: 24 errors and 12
    warnings, more than GitHub's 10 annotations of each."""
    root = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "valid-base", root)
    for i in range(1, 13):
        (root / "data" / "municipalities" / f"m{i:02}.yaml").write_text(
            f"id: m{i:02}\nname: M{i:02} Belediyesi\nkind: provincial\nprovince: 8\n"
            'engagements:\n  - kind: study-visit\n    host: nowhere\n    date: "2025-03-21"\n',
            encoding="utf-8",
        )
    return root


def _rows(i: int) -> list[str]:
    f = f"data/municipalities/m{i:02}.yaml"
    return [
        f"| {f} | 1:1 | warning | record has no sources; say where its facts come from "
        "| `no-source` |",
        f"| {f} | 3:7 | error | the province already has a provincial municipality: 'artvin' "
        "at $.kind | `duplicate-municipality` |",
        f"| {f} | 7:11 | error | no municipality 'nowhere' in the registry "
        "at $.engagements\\[0\\].host | `unknown-reference` |",
    ]


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps run in bash")
def test_every_problem_reaches_the_log_and_the_job_summary(tmp_path):
    root = _many_problems(tmp_path)
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")

    validate = run_step("spo validate", root, summary, lang="en")
    report = run_step("spo report", root, summary, lang="en", **{"as-of": "2026-01-01"})

    assert (validate.returncode, report.returncode) == (1, 0)
    log = validate.stdout.splitlines()
    # GitHub shows 10 annotations of each severity in a step: those are the first ten of each;
    # every other problem is a line of the log, and a notice says so.
    assert sum(line.startswith("::error ") for line in log) == 10
    assert sum(line.startswith("::warning ") for line in log) == 10
    assert log[0] == (
        "::warning file=data/municipalities/m01.yaml,line=1,col=1,title=spo no-source::"
        "record has no sources; say where its facts come from"
    )
    assert log[16:19] == [
        "data/municipalities/m06.yaml:3:7: error: the province already has a provincial "
        "municipality: 'artvin' [duplicate-municipality] at $.kind",
        "data/municipalities/m06.yaml:7:11: error: no municipality 'nowhere' in the registry "
        "[unknown-reference] at $.engagements[0].host",
        "::warning file=data/municipalities/m07.yaml,line=1,col=1,title=spo no-source::"
        "record has no sources; say where its facts come from",
    ]
    assert sum(not line.startswith("::") for line in log) == 16 + 1  # + the summary line
    assert log[-2:] == [
        "::notice title=spo::GitHub shows only the first 10 annotations of each severity in a "
        "step: the other 16 problems are in the log and in the job summary",
        "15 files checked, 36 problems (24 errors, 12 warnings)",
    ]
    expected_report = run_spo(
        "--root", str(root), "report", "--format", "markdown", "--as-of", "2026-01-01"
    )
    assert expected_report.exit_code == 0
    table = [line for i in range(1, 13) for line in _rows(i)]
    assert (
        summary.read_text(encoding="utf-8")
        == "\n".join(
            [
                "## Registry check",
                "",
                "15 files checked, 36 problems (24 errors, 12 warnings)",
                "",
                "| File | Line | Severity | Problem | Code |",
                "|---|---|---|---|---|",
                *table,
                "",
                "",
            ]
        )
        + expected_report.stdout
    )


def test_strict_fails_on_warnings_and_a_clean_registry_has_a_summary_without_table(tmp_path):
    root = tmp_path / "registry"
    shutil.copytree(REGISTRIES / "valid-base", root)
    (root / "data/municipalities/artvin.yaml").write_text(
        (REGISTRIES / "valid-base/data/municipalities/artvin.yaml")
        .read_text(encoding="utf-8")
        .replace("sources:\n  - https://example.org/artvin\n", ""),
        encoding="utf-8",
    )
    summary = tmp_path / "summary.md"
    lenient = run_step("spo validate", root, summary, lang="tr")
    strict = run_step("spo validate", root, summary, lang="tr", strict="true")
    assert (lenient.returncode, strict.returncode) == (0, 1)
    part = "\n".join(
        [
            "## Kayıt denetimi",
            "",
            "3 dosya denetlendi, 1 sorun (0 hata, 1 uyarı)",
            "",
            "| Dosya | Satır | Önem | Sorun | Kod |",
            "|---|---|---|---|---|",
            "| data/municipalities/artvin.yaml | 1:1 | uyarı | "
            + run_spo("--root", str(root), "validate", env={"SPO_LANG": "tr"})
            .stdout.split(": uyarı: ")[1]
            .split(" [no-source]")[0]
            + " | `no-source` |",
            "",
            "",
        ]
    )
    assert summary.read_text(encoding="utf-8") == part + part


def test_summary_is_written_only_for_the_github_format(tmp_path):
    root = _many_problems(tmp_path)
    summary = tmp_path / "summary.md"
    result = run_spo(
        "--root",
        str(root),
        "validate",
        "--format",
        "text",
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.exit_code == 1
    assert not summary.exists()


def test_a_long_table_stops_within_githubs_summary_size(tmp_path, monkeypatch):
    """GitHub refuses a job summary over 1 MiB: past `SUMMARY_ROWS` rows the table ends with a
    count, and the log still holds every problem."""
    from spo.cli.render import problems_summary

    monkeypatch.setattr(problems_summary, "SUMMARY_ROWS", 4)
    monkeypatch.chdir(_many_problems(tmp_path))
    summary = tmp_path / "summary.md"
    result = run_spo(
        "validate", "--format", "github",
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )  # fmt: skip
    assert result.exit_code == 1
    assert summary.read_text(encoding="utf-8") == "\n".join(
        [
            "## Registry check",
            "",
            "15 files checked, 36 problems (24 errors, 12 warnings)",
            "",
            "| File | Line | Severity | Problem | Code |",
            "|---|---|---|---|---|",
            *(_rows(1) + _rows(2))[:4],
            "",
            "…and 32 more rows: the job's log lists them all.",
            "",
            "",
        ]
    )
    assert len(result.stdout.splitlines()) == 36 + 2  # every problem, the notice, the summary


@pytest.mark.parametrize(
    ("schema", "file"),
    [
        ("vendor.github-actions", "action.yml"),
        ("vendor.github-workflows", ".github/workflows/validate.yml"),
    ],
)
def test_github_accepts_the_files(schema, file):
    """GitHub's own schemas, as check-jsonschema ships them (no network)."""
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(REPO / file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "ok -- validation done\n")
