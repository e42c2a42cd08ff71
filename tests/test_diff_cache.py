"""A reviewer runs `spo diff` again and again on the same registry: what an earlier diff read is
taken from the cache folder by git's blob id (`spo.diff.known`), and only what the change
touched is parsed. The output is the same, byte for byte, whatever the cache holds: nothing, all
of it, part of it, something damaged, something another spo wrote, or a folder it cannot write.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

import spo.diff.reading as reading
from spo.diff import Diff, compare
from spo.diff.git import Git
from spo.diff.known import FILE_NAME
from spo.files.cache import registry_folder
from tests.conftest import run_spo
from tests.diff_history import GIT_ENV, HISTORY, build, edit, municipality

AS_OF = "2026-01-01"
DAY = date(2026, 1, 1)
FORMATS = ("text", "markdown", "json")
TAGS = [tag for tag, _, _ in HISTORY]

pytestmark = pytest.mark.usefixtures("plain_git")


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in GIT_ENV.items():
            patch.setenv(name, value)
        return build(tmp_path_factory.mktemp("diff-cache") / "registry")


def _diff(root: Path, cache: Path, *args: str, lang: str = "en") -> tuple[int, str, str]:
    run = run_spo(
        "--root", str(root), "--lang", lang, "diff", *args, "--as-of", AS_OF,
        env={"SPO_CACHE_DIR": str(cache)},
    )  # fmt: skip
    return run.exit_code, run.stdout, run.stderr


@pytest.mark.parametrize("format", FORMATS)
def test_a_warm_cache_gives_what_a_cold_one_gives(history: Path, tmp_path: Path, format: str):
    unwritable = tmp_path / "a-file"  # a cache folder that cannot be made: no cache at all
    unwritable.write_text("", encoding="utf-8")
    shared = tmp_path / "shared"  # each diff finds the one before it (its base, mostly) kept
    for tag in TAGS:
        args = (f"{tag}~1", tag, "-f", format)
        cold = _diff(history, tmp_path / f"cold-{tag}", *args)
        warm = _diff(history, tmp_path / f"cold-{tag}", *args)  # everything kept, reports too
        after_others = _diff(history, shared, *args)
        without = _diff(history, unwritable, *args)
        turkish = [_diff(history, tmp_path / f"tr-{tag}", *args, lang="tr") for _ in range(2)]

        assert cold[1]  # a diff was written
        assert warm == cold, tag
        assert after_others == cold, tag
        assert without == cold, tag
        assert turkish[1] == turkish[0], tag


def test_the_working_tree_against_a_revision_is_the_same_warm(repo: Path, tmp_path: Path):
    edit(municipality(repo, "istanbul-uskudar"), "host: mersin-bb", "host: mersin")
    cold = _diff(repo, tmp_path / "cache", "new-figure")
    warm = _diff(repo, tmp_path / "cache", "new-figure")

    assert cold[0] == 1 and "unknown-reference" in cold[1]
    assert warm == cold


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return build(tmp_path / "registry")


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The paths parsed from now on, as the diff's reading parses them."""
    parsed: list[Path] = []
    checked_text = reading.checked_text

    def counting(kind, path, text, today):  # type: ignore[no-untyped-def]
        parsed.append(path)
        return checked_text(kind, path, text, today)

    monkeypatch.setattr(reading, "checked_text", counting)
    return parsed


def _compare(root: Path, tag: str) -> Diff:
    git = Git(root)
    return compare(git.side(f"{tag}~1"), git.side(tag), DAY, DAY, cache=root)


def _said(diff: Diff) -> tuple[object, ...]:
    """Everything a diff says (its sides hold the git they were read with)."""
    return (diff.records, diff.figures, diff.statuses, diff.introduced, diff.fixed, diff.names)


def test_an_unchanged_file_is_not_parsed_when_its_blob_is_known(
    history: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("SPO_CACHE_DIR", str(tmp_path / "cache"))
    parsed = _counted(monkeypatch)

    first = _compare(history, "new-stage")
    assert len(parsed) == first.files_read == 12  # 11 files, and Üsküdar's as it was and is
    parsed.clear()

    again = _compare(history, "new-stage")
    assert (parsed, again.files_read) == ([], 0)
    assert _said(again) == _said(first)

    # The next commit's diff: its base is the head just read; only İzmir's removal is new, and
    # a removal parses nothing.
    next_one = _compare(history, "deleted-municipality")
    assert (parsed, next_one.files_read) == ([], 0)
    parsed.clear()
    # One further: the renamed file is parsed under its new path, and nothing else.
    renamed = _compare(history, "renamed")
    assert parsed == [Path("data/projects/camasir-kafe-mersin.yaml")]
    assert renamed.files_read == 1

    monkeypatch.setenv("SPO_CACHE_DIR", str(tmp_path / "cold"))
    assert _said(_compare(history, "renamed")) == _said(renamed)


def _cache_file(root: Path) -> Path:
    return registry_folder(root) / FILE_NAME


def _warm(root: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> Diff:
    monkeypatch.setenv("SPO_CACHE_DIR", str(cache))
    return _compare(root, "new-stage")


def test_a_damaged_cache_file_is_replaced_and_the_diff_is_the_same(
    history: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    cold = _warm(history, tmp_path / "cache", monkeypatch)
    _cache_file(history).write_bytes(b"not a database" * 100)
    parsed = _counted(monkeypatch)

    assert _said(_compare(history, "new-stage")) == _said(cold)
    assert len(parsed) == 12
    parsed.clear()
    assert _said(_compare(history, "new-stage")) == _said(cold)  # the new file is a cache again
    assert parsed == []


def test_a_cache_another_spo_wrote_is_emptied_not_used(
    history: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    cold = _warm(history, tmp_path / "cache", monkeypatch)
    with sqlite3.connect(_cache_file(history)) as conn:  # another version, with rows it trusts
        conn.execute("UPDATE meta SET value = 'spo 0.0.1 / index 1' WHERE key = 'stamp'")
        conn.execute("UPDATE blobs SET value = (SELECT value FROM blobs LIMIT 1)")
        conn.execute("UPDATE reports SET value = (SELECT value FROM reports LIMIT 1)")
    parsed = _counted(monkeypatch)

    assert _said(_compare(history, "new-stage")) == _said(cold)
    assert len(parsed) == 12


def test_a_damaged_row_is_parsed_again(
    history: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    cold = _warm(history, tmp_path / "cache", monkeypatch)
    with sqlite3.connect(_cache_file(history)) as conn:
        conn.execute("UPDATE blobs SET value = x'00ff' WHERE path LIKE '%uskudar%'")
        conn.execute("UPDATE places SET value = x'00ff'")
        conn.execute("UPDATE reports SET value = x'8004'")
    parsed = _counted(monkeypatch)

    assert _said(_compare(history, "new-stage")) == _said(cold)
    assert parsed == [Path("data/municipalities/istanbul-uskudar.yaml")] * 2


def test_a_cache_that_cannot_be_written_is_no_cache(
    history: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    cold = _warm(history, tmp_path / "cache", monkeypatch)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("SPO_CACHE_DIR", str(blocked))
    parsed = _counted(monkeypatch)

    assert _said(_compare(history, "new-stage")) == _said(cold)
    assert _said(_compare(history, "new-stage")) == _said(cold)
    assert len(parsed) == 24
