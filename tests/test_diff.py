"""A reviewer reads what a change does to the registry and to the office's numbers: `spo diff`.

A git repository in a temporary folder holds a registry's history of hand-made edits
(`tests/diff_history.py`): a new transfer stage, a municipality deleted while others name it,
renamed files, removed sources, a new published figure. Each commit is compared with the one
before in text, Markdown and JSON, in Turkish and English, against the golden files in
`tests/golden/diff/`. After a deliberate change, rewrite them with
`SPO_UPDATE_GOLDEN=1 python -m pytest tests/test_diff.py` and read the diff before committing.

The figures the goldens show are checked against `spo report` itself: each side is exported
from git into a folder and reported as of the same day.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from spo.diff import compare
from spo.diff.git import Git
from spo.diff.sides import folder_side
from tests.conftest import TESTS, assert_golden, run_spo
from tests.diff_history import (
    GIT_ENV,
    HISTORY,
    build,
    commit,
    edit,
    git,
    municipality,
    new_stage,
)

GOLDEN = TESTS / "golden" / "diff"
AS_OF = "2026-01-01"
EXTENSIONS = {"text": "txt", "markdown": "md", "json": "json"}

# What each edit does to the exit code: 1 when the head has errors the base did not have.
EXIT = {
    "new-stage": 0,
    "deleted-municipality": 1,  # a project and an engagement name the deleted İzmir
    "renamed": 0,
    "renamed-referenced": 1,  # Üsküdar's transfer names the old id
    "references-updated": 0,
    "removed-source": 0,  # a warning only (see --strict below)
    "new-figure": 0,
}

pytestmark = pytest.mark.usefixtures("plain_git")


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The history, built once: tests that read it never change it."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in GIT_ENV.items():
            patch.setenv(name, value)
        return build(tmp_path_factory.mktemp("diff") / "registry")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A history of its own, for a test that edits or moves things."""
    return build(tmp_path / "registry")


def diff(root: Path, *args: str, lang: str = "en"):
    return run_spo("--root", str(root), "--lang", lang, "diff", *args, "--as-of", AS_OF)


_CASES = [
    pytest.param(tag, lang, format, id=f"{tag}-{lang}-{format}")
    for tag, _, _ in HISTORY
    for lang in ("tr", "en")
    for format in EXTENSIONS
]


@pytest.mark.parametrize(("tag", "lang", "format"), _CASES)
def test_each_edit_reads_as_its_golden_file(history: Path, tag: str, lang: str, format: str):
    run = diff(history, f"{tag}~1", tag, "-f", format, lang=lang)

    assert (run.exit_code, run.stderr) == (EXIT[tag], "")
    assert_golden(GOLDEN / f"{tag}.{lang}.{EXTENSIONS[format]}", run.stdout)


# --- the figures are the report's ------------------------------------------------------------


def _export(repo: Path, revision: str, folder: Path) -> Path:
    folder.mkdir()
    archive = subprocess.run(
        ["git", "archive", revision], cwd=repo, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def _headline(report: dict) -> dict[tuple[str, str | None], int]:
    """`spo report`'s headline figures, named as `spo diff` names them."""
    figures: dict[tuple[str, str | None], int] = {}
    for metric in ("hosted", "in-talks", "supported", "launched"):
        key = f"municipalities_{metric.replace('-', '_')}"
        figures[(f"municipalities-{metric}", None)] = report[key]
        for kind, count in report[f"{key}_by_kind"].items():
            figures[(f"municipalities-{metric}", kind)] = count
    figures[("projects-transferred", None)] = report["projects_transferred"]
    for stage, count in report["transfers_by_stage"].items():
        figures[("transfers-by-stage", stage)] = count
    figures[("visitors", None)] = report["visitors"]["total"]
    figures[("engagements-without-count", None)] = report["visitors"]["engagements_without_count"]
    return figures


def _statuses(report: dict) -> dict[tuple, str]:
    return {
        (f["owner"], f["date"], f["metric"], f["municipality_kind"], f["value"], f["qualifier"]): f[
            "status"
        ]
        for f in report["reported"]
    }


@pytest.mark.parametrize("tag", [tag for tag, _, _ in HISTORY])
def test_every_figure_that_moves_is_the_reports_own(history: Path, tmp_path: Path, tag: str):
    reports = []
    for side, revision in (("base", f"{tag}~1"), ("head", tag)):
        folder = _export(history, revision, tmp_path / side)
        run = run_spo("--root", str(folder), "report", "--as-of", AS_OF, "-f", "json")
        assert run.exit_code == 0, run.stderr
        reports.append(json.loads(run.stdout))
    before, after = reports

    shown = json.loads(diff(history, f"{tag}~1", tag, "-f", "json").stdout)

    old, new = _headline(before), _headline(after)
    moved = [
        {"metric": m, "part": p, "before": old[m, p], "after": v}
        for (m, p), v in new.items()
        if old[m, p] != v
    ]
    assert sorted(shown["figures"], key=str) == sorted(moved, key=str)
    old_status, new_status = _statuses(before), _statuses(after)
    changed = {
        key: (old_status.get(key), new_status.get(key))
        for key in {*old_status, *new_status}
        if old_status.get(key) != new_status.get(key)
    }
    assert {
        (s["owner"], s["date"], s["metric"], s["municipality_kind"], s["value"], s["qualifier"]): (
            s["before"],
            s["after"],
        )
        for s in shown["published"]
    } == changed


# --- exit codes and usage errors -------------------------------------------------------------


def test_a_new_warning_fails_only_with_strict(repo: Path):
    path = municipality(repo, "mersin-bb")
    edit(path, "sources:\n  - https://example.org/mersin/1\n", "")
    commit(repo, "Mersin: its only source dropped")

    plain = diff(repo, "HEAD~1", "HEAD", "-f", "json")
    strict = diff(repo, "HEAD~1", "HEAD", "-f", "json", "--strict")

    assert (plain.exit_code, strict.exit_code, plain.stderr) == (0, 1, "")
    assert plain.stdout == strict.stdout
    shown = json.loads(strict.stdout)
    assert [c["text"] for r in shown["records"] for c in r["changes"]] == [
        "source removed: https://example.org/mersin/1",
        "the record is left without a source",
    ]
    assert [(p["code"], p["severity"], p["file"]) for p in shown["problems"]["introduced"]] == [
        ("no-source", "warning", "data/municipalities/mersin-bb.yaml")
    ]
    assert shown["failed"] is False


def test_strict_on_a_change_without_new_problems_is_zero(history: Path):
    run = diff(history, "renamed~1", "renamed", "--strict")

    assert (run.exit_code, run.stderr) == (0, "")
    # --strict changes the exit code only: the report is the golden one without it.
    assert run.stdout == (GOLDEN / "renamed.en.txt").read_text(encoding="utf-8")


def test_an_unknown_revision_is_a_usage_error_that_names_it(history: Path):
    base = diff(history, "no-such-branch", "new-stage")
    head = diff(history, "base", "v9.9", lang="tr")

    assert (base.exit_code, base.stdout) == (2, "")
    assert base.stderr == "spo: no git revision 'no-such-branch'\n"
    assert (head.exit_code, head.stdout) == (2, "")
    assert head.stderr == "spo: 'v9.9' diye bir git sürümü yok\n"


def test_outside_a_git_repository_without_folders_is_a_usage_error(
    registry_copy, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    root = registry_copy("report-histories")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))

    run = diff(root)

    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        f"spo: {root} is not in a git repository: name two folders with --base-dir and --head-dir\n"
    )


def test_base_and_base_dir_together_are_a_usage_error(history: Path, tmp_path: Path):
    folder = _export(history, "base", tmp_path / "base")

    run = diff(history, "base", "--base-dir", str(folder))

    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == "spo: BASE and --base-dir cannot both be given: choose one for that side\n"


# --- the defaults: the merge base with main, and the working tree -----------------------------


def test_with_no_arguments_a_branch_is_compared_from_its_merge_base_to_the_working_tree(
    repo: Path,
):
    git(repo, "checkout", "-q", "-b", "feature", "base")
    new_stage(repo)
    commit(repo, "Üsküdar presented")
    # ...and one edit the reviewer has not committed yet
    edit(municipality(repo, "artvin"), "    participants: 6\n", "    participants: 7\n")

    run = diff(repo, "-f", "json")

    assert (run.exit_code, run.stderr) == (0, "")
    shown = json.loads(run.stdout)
    base_commit = git(repo, "rev-parse", "base").strip()
    assert shown["base"] == {"label": "main", "origin": "merge-base", "revision": base_commit}
    assert shown["head"] == {"label": str(repo), "origin": "worktree", "revision": None}
    # main's own commits after `base` (İzmir deleted, files renamed, ...) are not this change
    assert [(r["id"], r["status"]) for r in shown["records"]] == [
        ("artvin", "changed"),
        ("istanbul-uskudar", "changed"),
    ]
    assert [c["text"] for r in shown["records"] for c in r["changes"]] == [
        "study visit hosted by Mersin Büyükşehir Belediyesi (2025-02-10): Participants: 6 → 7",
        "transfer of Women Craftspeople: new stage: Presentation (2025-05-02) "
        "(source: https://example.org/uskudar/sunum)",
    ]
    assert {(f["metric"], f["part"]): (f["before"], f["after"]) for f in shown["figures"]}[
        "visitors", None
    ] == (40, 41)


# --- folders instead of revisions -------------------------------------------------------------


def test_two_plain_folders_read_as_the_same_revisions(history: Path, tmp_path: Path):
    before = _export(history, "new-stage", tmp_path / "before")
    after = _export(history, "deleted-municipality", tmp_path / "after")

    folders = diff(tmp_path, "--base-dir", str(before), "--head-dir", str(after), "-f", "json")
    revisions = diff(history, "new-stage", "deleted-municipality", "-f", "json")

    assert (folders.exit_code, folders.stderr) == (1, "")
    by_folder, by_revision = json.loads(folders.stdout), json.loads(revisions.stdout)
    assert by_folder["base"] == {"label": str(before), "origin": "folder", "revision": None}
    for key in ("records", "figures", "published", "problems", "failed"):
        assert by_folder[key] == by_revision[key], key
    text_folders = diff(tmp_path, "--base-dir", str(before), "--head-dir", str(after))
    text_revisions = diff(history, "new-stage", "deleted-municipality")
    assert text_folders.stdout.split("\n", 1)[1] == text_revisions.stdout.split("\n", 1)[1]


# --- nothing is touched -----------------------------------------------------------------------


def _snapshot(repo: Path) -> tuple[str, str, dict[str, bytes]]:
    files = {
        str(p.relative_to(repo)): p.read_bytes()
        for p in sorted(repo.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(repo).parts
    }
    index = (repo / ".git" / "index").read_bytes().hex()
    return git(repo, "status", "--porcelain") + git(repo, "rev-parse", "HEAD"), index, files


def test_the_working_tree_the_index_and_head_are_left_as_they_were(repo: Path):
    edit(municipality(repo, "artvin"), "    participants: 6\n", "    participants: 7\n")
    (repo / "data" / "municipalities" / "adana-bb.yaml").write_text("id: [\n", encoding="utf-8")
    git(repo, "add", "data/municipalities/adana-bb.yaml")
    before = _snapshot(repo)

    for args in (("base", "new-figure"), ("new-stage",), (), ("base",)):
        run = diff(repo, *args, "-f", "json")
        assert run.exit_code in (0, 1), run.stderr

    assert _snapshot(repo) == before
    assert before[0].startswith("M  data/municipalities/adana-bb.yaml\n M data/municipalities/")


# --- cost: what both sides share is read once -------------------------------------------------


def test_a_file_the_change_leaves_alone_is_parsed_once(history: Path):
    git_ = Git(history)
    files = len(git_.side("new-stage").records)

    result = compare(git_.side("new-stage~1"), git_.side("new-stage"), date(2026, 1, 1))

    assert files == 11
    # the 10 files the stage leaves alone, and Üsküdar's file as it was and as it is
    assert result.files_read == files + 1


def test_a_renamed_file_is_read_again_under_its_new_path(history: Path):
    git_ = Git(history)

    result = compare(git_.side("renamed~1"), git_.side("renamed"), date(2026, 1, 1))

    # 10 files (İzmir is gone) as they were, and the kafe under its new name and content
    assert result.files_read == 10 + 1


def test_a_folder_and_the_revision_it_was_checked_out_from_share_their_reads(
    history: Path, tmp_path: Path
):
    folder = _export(history, "new-stage", tmp_path / "new-stage")
    git_ = Git(history)

    result = compare(git_.side("new-stage"), folder_side(folder), date(2026, 1, 1))

    assert (result.files_read, result.empty) == (11, True)


# --- a registry in a subfolder of its repository ----------------------------------------------


def test_a_registry_in_a_subfolder_of_the_repository(
    history: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    top = tmp_path / "office"
    top.mkdir()
    git(top, "init", "-q", "-b", "main")
    (top / "README.md").write_text("The office's site and its registry.\n", encoding="utf-8")
    root = top / "registry"
    shutil.copytree(TESTS / "registries" / "report-histories", root)
    commit(top, "The registry, in a folder of its own", "base")
    new_stage(root)
    commit(top, "Üsküdar presented", "new-stage")

    from_root = diff(root, "base", "new-stage")
    # from a folder inside the registry, to the working tree
    monkeypatch.chdir(root / "data" / "municipalities")
    inside = run_spo("--lang", "en", "diff", "base", "-f", "json", "--as-of", AS_OF)

    assert (from_root.exit_code, from_root.stderr) == (0, "")
    same = diff(history, "base", "new-stage")
    assert from_root.stdout.split("\n", 1)[1] == same.stdout.split("\n", 1)[1]
    assert (inside.exit_code, inside.stderr) == (0, "")
    shown = json.loads(inside.stdout)
    assert shown["head"]["origin"] == "worktree"
    assert [(r["id"], r["status"]) for r in shown["records"]] == [("istanbul-uskudar", "changed")]
