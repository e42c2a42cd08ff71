"""A staff member saves forms in `spo serve`: the saved edits collect into one pending change,
which shows what it does to the records and to the published figures, notices a file edited
behind its back, and can be discarded, putting every file back byte for byte
(`spo.api.Registry.recording`, `pending`, `pending_diff`, `discard`)."""

from __future__ import annotations

import codecs
import shutil
import threading
from pathlib import Path

import pytest

from spo.api import Registry, SpoError
from spo.writing import atomic
from tests.diff_history import git
from tests.review_story import (
    SCHEMA,
    SEYHAN,
    TODAY,
    USKUDAR,
    build,
    engagement,
    new_municipality,
    stage,
)

pytestmark = pytest.mark.usefixtures("plain_git")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return build(tmp_path / "registry")


def test_a_stage_an_engagement_and_a_new_municipality_are_one_pending_change(root: Path) -> None:
    registry = Registry(root)
    assert registry.pending().empty

    stage(registry)
    pending = registry.pending()
    assert [(f.path, f.status, f.state) for f in pending.files] == [
        (USKUDAR, "changed", "as-written")
    ]
    diff = registry.pending_diff(as_of=TODAY)
    assert [(r.kind, r.id, r.status) for r in diff.records] == [
        ("municipality", "istanbul-uskudar", "changed")
    ]
    supported = [f for f in diff.figures if f.metric == "municipalities-supported" and not f.part]
    assert [(f.before, f.after) for f in supported] == [(5, 6)]

    engagement(registry)  # the same file again: still one file, still one change
    assert [f.path for f in registry.pending().files] == [USKUDAR]

    new_municipality(registry)  # a new file, and the schema its first line points at
    pending = Registry(root).pending()  # another process, as after a restart of spo serve
    assert {(f.path, f.status) for f in pending.files} == {
        (USKUDAR, "changed"),
        (SEYHAN, "added"),
        (SCHEMA, "added"),
    }
    assert all(f.state == "as-written" and f.from_head and not f.outside for f in pending.files)
    names = {(r.id, r.status, r.name) for r in registry.pending_records()}
    assert names == {
        ("istanbul-uskudar", "changed", "Üsküdar Belediyesi"),
        ("adana-seyhan", "added", "Seyhan Belediyesi"),
    }


def test_the_journal_is_kept_in_the_git_directory_and_never_shows_as_a_change(root: Path) -> None:
    registry = Registry(root)
    stage(registry)

    assert (root / ".git" / "spo" / "pending" / "journal.json").is_file()
    pending = registry.pending()
    assert pending.others == ()
    assert pending.branch == "main" and pending.head


def test_changes_outside_the_journal_are_listed_not_taken(root: Path) -> None:
    registry = Registry(root)
    stage(registry)
    mine = root / "data" / "projects" / "camasir-kafe.yaml"
    mine.write_text(mine.read_text(encoding="utf-8") + "# benim notum\n", encoding="utf-8")
    (root / "notlar.txt").write_text("taslak\n", encoding="utf-8")

    pending = registry.pending()
    assert [f.path for f in pending.files] == [USKUDAR]
    assert sorted(pending.others) == ["data/projects/camasir-kafe.yaml", "notlar.txt"]
    assert [r.id for r in registry.pending_diff(as_of=TODAY).records] == ["istanbul-uskudar"]


def test_discard_puts_every_file_back_byte_for_byte(root: Path) -> None:
    uskudar = root / USKUDAR
    # A byte-order mark and no newline at the end: kept as they were, not "fixed".
    original = codecs.BOM_UTF8 + uskudar.read_bytes()
    uskudar.write_bytes(original)
    registry = Registry(root)
    stage(registry)
    engagement(registry)
    new_municipality(registry)
    assert uskudar.read_bytes() != original

    put_back = registry.discard()

    assert sorted(put_back) == sorted([USKUDAR, SEYHAN, SCHEMA])
    assert uskudar.read_bytes() == original
    assert not (root / SEYHAN).exists()
    assert not (root / "schemas").exists()  # the folder the write made, gone with its file
    assert registry.pending().empty


def test_a_hand_edit_after_the_write_is_noticed_and_discard_refuses_it(root: Path) -> None:
    uskudar = root / USKUDAR
    original = uskudar.read_bytes()
    registry = Registry(root)
    stage(registry)
    edited = uskudar.read_bytes() + b"# elle eklendi\n"
    uskudar.write_bytes(edited)

    [file] = registry.pending().files
    assert file.state == "edited"
    assert registry.pending().edited == (file,)
    with pytest.raises(SpoError) as refused:
        registry.discard()
    assert refused.value.message.key == "review.edited-since"
    assert refused.value.message.get("paths") == USKUDAR
    assert uskudar.read_bytes() == edited  # nothing changed
    assert [f.path for f in registry.pending().files] == [USKUDAR]

    assert registry.discard(force=True) == (USKUDAR,)
    assert uskudar.read_bytes() == original
    assert registry.pending().empty


def test_a_removed_file_is_said_and_discard_brings_it_back(root: Path) -> None:
    uskudar = root / USKUDAR
    original = uskudar.read_bytes()
    registry = Registry(root)
    stage(registry)
    uskudar.unlink()

    assert registry.pending().files[0].state == "removed"
    registry.discard(force=True)
    assert uskudar.read_bytes() == original


def test_a_command_line_write_between_two_recorded_writes_is_marked(root: Path) -> None:
    registry = Registry(root)
    stage(registry)
    registry.add_engagement(  # `spo engagement add`, not recorded
        "istanbul-uskudar", "mersin-bb", "training", date="2025-07-01", today=TODAY
    )
    assert registry.pending().files[0].state == "edited"

    engagement(registry)  # the next recorded write takes the file as it is now

    [file] = registry.pending().files
    assert file.state == "as-written"
    assert file.outside  # said from now on: the change holds a write made elsewhere
    assert "training" in (root / USKUDAR).read_text(encoding="utf-8")


def test_a_dry_run_records_nothing(root: Path) -> None:
    registry = Registry(root)
    with registry.recording() as recording:
        recording.wrote(
            registry.add_engagement(
                "istanbul-uskudar", "mersin-bb", "meeting", date="2025-06-01", today=TODAY,
                dry_run=True,
            )
        )  # fmt: skip
    assert registry.pending().empty


def test_writers_at_once_all_land_and_the_journal_holds_the_last(root: Path) -> None:
    """Web forms (recorded) and the command line (not) on the same file at the same moment."""
    registry = Registry(root)
    days = [f"2025-06-{day:02d}" for day in range(1, 9)]
    errors: list[BaseException] = []

    def write(day: str, recorded: bool) -> None:
        try:
            if recorded:
                engagement(Registry(root), day)
            else:
                Registry(root).add_engagement(
                    "istanbul-uskudar", "mersin-bb", "training", date=day, today=TODAY
                )
        except BaseException as exc:  # noqa: BLE001 - shown by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(day, n % 2 == 0)) for n, day in enumerate(days)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    text = (root / USKUDAR).read_text(encoding="utf-8")
    assert all(f'"{day}"' in text or day in text for day in days)
    [file] = registry.pending().files
    assert file.original is not None and file.path == USKUDAR
    assert file.now == atomic.fingerprint(root / USKUDAR)


def test_whether_anything_is_pending_is_the_journal_alone(root: Path) -> None:
    """The banner of every page asks `has_pending`, which reads only the journal: true from
    the first recorded write until the change is discarded, and a write outside it (the
    command line's, an editor's) is no pending change of spo serve's."""
    registry = Registry(root)
    assert registry.has_pending() is False
    (root / USKUDAR).write_bytes((root / USKUDAR).read_bytes() + b"# el ile\n")
    assert registry.has_pending() is False  # uncommitted, but not spo serve's
    stage(registry)
    assert registry.has_pending() is True
    registry.discard(force=True)
    assert registry.has_pending() is False


def _git_dir(root: Path) -> Path:
    import subprocess

    done = subprocess.run(
        ["git", "rev-parse", "--absolute-git-dir"], cwd=root, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    return Path(done.stdout.strip())


def test_a_journal_edited_to_name_a_file_outside_the_repository_is_refused(root: Path) -> None:
    """The journal lives in the git directory, which anyone who can write it could edit: a path
    climbing out of the repository would make discard delete or overwrite that file. Such a
    journal is said to be damaged, and nothing outside is touched."""
    victim = root.parent / "victim.txt"
    victim.write_bytes(b"not spo's\n")
    registry = Registry(root)
    stage(registry)
    journal = _git_dir(root) / "spo" / "pending" / "journal.json"
    text = journal.read_text(encoding="utf-8")
    name = next(iter(__import__("json").loads(text)["files"]))
    journal.write_text(text.replace(name, "data/../../victim.txt"), encoding="utf-8")

    for attempt in (registry.pending, registry.has_pending, lambda: registry.discard(force=True)):
        with pytest.raises(SpoError) as refused:
            attempt()
        assert refused.value.message.key == "review.journal-damaged"
    assert victim.read_bytes() == b"not spo's\n"


def test_a_sent_change_edited_to_carry_an_option_is_refused(root: Path) -> None:
    """git is given a sent change's commit: `--output=FILE` there would make git write FILE."""
    import json

    sent = _git_dir(root) / "spo" / "sent.json"
    sent.parent.mkdir(parents=True, exist_ok=True)
    target = root.parent / "written-by-git.txt"
    item = {
        "branch": "b", "commit": f"--output={target}", "base": "main", "remote": None,
        "pushed": False, "pr_url": None,
    }  # fmt: skip
    sent.write_text(json.dumps([item]), encoding="utf-8")
    with pytest.raises(SpoError) as refused:
        Registry(root).sent()
    assert refused.value.message.key == "review.journal-damaged"
    assert not target.exists()


def test_a_repository_that_names_its_objects_by_sha256_knows_its_files_from_head(
    tmp_path: Path,
) -> None:
    """The object format comes with the repository's top (one git process): a file compared
    with HEAD by the wrong hash would read as edited before spo serve touched it."""
    root = tmp_path / "registry"
    shutil.copytree(Path(__file__).parent / "registries" / "report-histories", root)
    git(root, "init", "-q", "-b", "main", "--object-format=sha256")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "The registry")
    registry = Registry(root)

    stage(registry)

    pending = registry.pending()
    assert [(f.path, f.status, f.from_head) for f in pending.files] == [(USKUDAR, "changed", True)]
    diff = registry.pending_diff(as_of=TODAY, pending=pending)
    assert [(r.id, r.status) for r in diff.records] == [("istanbul-uskudar", "changed")]
