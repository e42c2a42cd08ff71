"""What a write promises a reviewer: their file changes only by the lines it adds.

Every case below is a municipality file laid out the way people really write YAML by hand. The
command runs on it, and the file afterwards must be exactly the expected bytes: comments, blank
lines, key order, quoting, indentation, line endings and a missing final newline all kept. Then:
a refused write leaves the file byte-identical (and untouched: same mtime); a crash while
writing leaves the old file and no temporary file; parallel processes lose no update.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass

import pytest

from tests.conftest import run_spo

FILE = "data/municipalities/hatay-samandag.yaml"
HEAD = """\
id: hatay-samandag
name: Samandağ Belediyesi
kind: district
province: Hatay
district: Samandağ
"""


@dataclass(frozen=True)
class Layout:
    name: str
    before: str
    command: tuple[str, ...]
    after: str
    crlf: bool = False

    def encoded(self, text: str) -> bytes:
        return (text.replace("\n", "\r\n") if self.crlf else text).encode("utf-8")


def stage(project: str, name: str, day: str, *extra: str) -> tuple[str, ...]:
    """`spo transfer add` of a stage of `project` to the file under test."""
    options = f"--project {project} --to hatay-samandag --stage {name} --date {day}"
    return ("transfer", "add", *options.split(), *extra)


LAYOUTS = [
    Layout(
        "a reviewer's file: comments, blank lines, both quoting styles, transfers in the middle",
        "# Samandağ: the office's notes are in Turkish.\n"
        + HEAD
        + """\
website: 'https://www.samandag.bel.tr'

transfers:
  # Started after the Tour.
  - project: kadin-ustalar
    history:
      - stage: inquiry
        date: '2025-01-10'   # phone call
      - stage: study-visit
        date: "2025-02-03"
        note: "Yerinde inceleme: 12 kişi"

sources:
  - https://example.org/samandag   # the council's press release
""",
        stage("kadin-ustalar", "presentation", "2025-03-01", "--note", "Sunum yapıldı"),
        "# Samandağ: the office's notes are in Turkish.\n"
        + HEAD
        + """\
website: 'https://www.samandag.bel.tr'

transfers:
  # Started after the Tour.
  - project: kadin-ustalar
    history:
      - stage: inquiry
        date: '2025-01-10'   # phone call
      - stage: study-visit
        date: "2025-02-03"
        note: "Yerinde inceleme: 12 kişi"
      - stage: presentation
        date: '2025-03-01'
        note: Sunum yapıldı

sources:
  - https://example.org/samandag   # the council's press release
""",
    ),
    Layout(
        "sequences not indented under their key, single-quoted dates",
        HEAD
        + """\
transfers:
- project: kadin-ustalar
  history:
  - stage: inquiry
    date: '2025-01-10'
sources:
- https://example.org/samandag
""",
        stage("mahalle-mutfaklari", "inquiry", "2025-03-01"),
        HEAD
        + """\
transfers:
- project: kadin-ustalar
  history:
  - stage: inquiry
    date: '2025-01-10'
- project: mahalle-mutfaklari
  history:
  - stage: inquiry
    date: '2025-03-01'
sources:
- https://example.org/samandag
""",
    ),
    Layout(
        "wide indentation: four spaces, '-   '",
        HEAD
        + """\
transfers:
    -   project: kadin-ustalar
        history:
            -   stage: inquiry
                date: "2025-01-10"
""",
        stage("kadin-ustalar", "study-visit", "2025-02-01"),
        HEAD
        + """\
transfers:
    -   project: kadin-ustalar
        history:
            -   stage: inquiry
                date: "2025-01-10"
            -   stage: study-visit
                date: "2025-02-01"
""",
    ),
    Layout(
        "history entries written in flow style",
        HEAD
        + """\
transfers:
  - project: kadin-ustalar
    history:
      - {stage: inquiry, date: "2025-01-15"}
      - {stage: study-visit, date: "2025-02-01"}
  - project: bizizmir-dayanisma-noktalari
    history:
      - {stage: inquiry, date: "2025-04-01"}
""",
        stage("kadin-ustalar", "presentation", "2025-03-01", "--note", "Sunum: 12 kişi"),
        HEAD
        + """\
transfers:
  - project: kadin-ustalar
    history:
      - {stage: inquiry, date: "2025-01-15"}
      - {stage: study-visit, date: "2025-02-01"}
      - {stage: presentation, date: "2025-03-01", note: "Sunum: 12 kişi"}
  - project: bizizmir-dayanisma-noktalari
    history:
      - {stage: inquiry, date: "2025-04-01"}
""",
    ),
    Layout(
        "a whole history in one flow list",
        HEAD
        + """\
transfers:
  - project: kadin-ustalar
    history: [{stage: inquiry, date: "2025-01-15"}]   # to be expanded
""",
        stage("kadin-ustalar", "study-visit", "2025-02-01"),
        HEAD
        + """\
transfers:
  - project: kadin-ustalar
    history: [{stage: inquiry, date: "2025-01-15"}, {stage: study-visit, date: "2025-02-01"}]   # to be expanded
""",  # noqa: E501
    ),
    Layout(
        "a Windows file: CRLF line endings stay CRLF",
        HEAD
        + """\
transfers:
  - project: kadin-ustalar
    history:
      - stage: inquiry
        date: "2025-01-10"
sources:
  - https://example.org/samandag
""",
        stage("kadin-ustalar", "study-visit", "2025-02-01"),
        HEAD
        + """\
transfers:
  - project: kadin-ustalar
    history:
      - stage: inquiry
        date: "2025-01-10"
      - stage: study-visit
        date: "2025-02-01"
sources:
  - https://example.org/samandag
""",
        crlf=True,
    ),
    Layout(
        "no final newline, and it stays missing",
        HEAD
        + """\
transfers:
  - project: kadin-ustalar
    history:
      - stage: inquiry
        date: "2025-01-10\"""",
        stage("kadin-ustalar", "study-visit", "2025-02-01"),
        HEAD
        + """\
transfers:
  - project: kadin-ustalar
    history:
      - stage: inquiry
        date: "2025-01-10"
      - stage: study-visit
        date: "2025-02-01\"""",
    ),
    Layout(
        "no transfers yet: the key goes after engagements, blank-line style kept",
        HEAD
        + """\

engagements:
  - kind: study-visit
    host: mersin-bb
    date: ../2025-03-21   # "by 21 March"
    note: >-
      Sosyal Politika Turu kapsamında
      Mersin'e gelen heyet.

sources:
  - https://example.org/samandag
""",
        stage("mahalle-mutfaklari", "inquiry", "2025-04-01"),
        HEAD
        + """\

engagements:
  - kind: study-visit
    host: mersin-bb
    date: ../2025-03-21   # "by 21 March"
    note: >-
      Sosyal Politika Turu kapsamında
      Mersin'e gelen heyet.

transfers:
  - project: mahalle-mutfaklari
    history:
      - stage: inquiry
        date: "2025-04-01"

sources:
  - https://example.org/samandag
""",
    ),
    Layout(
        "transfers is the last key; a comment at the end stays last",
        HEAD
        + """\
sources: [https://example.org/samandag]
transfers:
  - project: kadin-ustalar
    history:
      - stage: inquiry
        date: "2025-01-10"
        # more to come
# end of file
""",
        stage("mahalle-mutfaklari", "inquiry", "2025-04-01"),
        HEAD
        + """\
sources: [https://example.org/samandag]
transfers:
  - project: kadin-ustalar
    history:
      - stage: inquiry
        date: "2025-01-10"
        # more to come
  - project: mahalle-mutfaklari
    history:
      - stage: inquiry
        date: "2025-04-01"
# end of file
""",
    ),
    Layout(
        "odd key order: the new entries follow it",
        """\
district: Samandağ
transfers:
  - history:
      - date: "2025-01-10"
        stage: inquiry
    project: kadin-ustalar
province: Hatay
id: hatay-samandag
kind: district
name: Samandağ Belediyesi
""",
        stage("mahalle-mutfaklari", "study-visit", "2025-04-01"),
        """\
district: Samandağ
transfers:
  - history:
      - date: "2025-01-10"
        stage: inquiry
    project: kadin-ustalar
  - history:
      - date: "2025-04-01"
        stage: study-visit
    project: mahalle-mutfaklari
province: Hatay
id: hatay-samandag
kind: district
name: Samandağ Belediyesi
""",
    ),
    Layout(
        "an empty 'transfers: []' becomes a block list, its comment kept",
        HEAD
        + """\
transfers: []  # none yet
sources:
  - https://example.org/samandag
""",
        stage("kadin-ustalar", "inquiry", "2025-01-10"),
        HEAD
        + """\
transfers:  # none yet
  - project: kadin-ustalar
    history:
      - stage: inquiry
        date: "2025-01-10"
sources:
  - https://example.org/samandag
""",
    ),
    Layout(
        "a stage found later in the minutes goes in date order, not at the end",
        HEAD
        + """\
transfers:
  - project: kadin-ustalar
    history:
      - stage: inquiry
        date: "2025-01-10"
      - stage: presentation
        date: "2025-03-01"
""",
        stage("kadin-ustalar", "study-visit", "2025-02-01"),
        HEAD
        + """\
transfers:
  - project: kadin-ustalar
    history:
      - stage: inquiry
        date: "2025-01-10"
      - stage: study-visit
        date: "2025-02-01"
      - stage: presentation
        date: "2025-03-01"
""",
    ),
    Layout(
        "a note kept with '|+' keeps its trailing blank line",
        HEAD
        + """\
transfers:
  - project: kadin-ustalar
    history:
      - stage: inquiry
        date: "2025-01-10"
        note: |+
          İlk görüşme.

sources:
  - https://example.org/samandag
""",
        stage("kadin-ustalar", "study-visit", "2025-02-01", "--note", "yes"),
        HEAD
        + """\
transfers:
  - project: kadin-ustalar
    history:
      - stage: inquiry
        date: "2025-01-10"
        note: |+
          İlk görüşme.

      - stage: study-visit
        date: "2025-02-01"
        note: "yes"
sources:
  - https://example.org/samandag
""",
    ),
    Layout(
        "an engagement joins the others in date order",
        HEAD
        + """\
engagements:
  - kind: study-visit   # the Tour
    host: mersin-bb
    date: '2025-01-20'
  - kind: training
    host: mersin-bb
    date: '2025-06'
""",
        (
            "engagement",
            "add",
            "--to",
            "hatay-samandag",
            "--host",
            "izmir-bb",
            "--kind",
            "meeting",
            "--date",
            "2025-03-04",
            "--participants",
            "3",
        ),
        HEAD
        + """\
engagements:
  - kind: study-visit   # the Tour
    host: mersin-bb
    date: '2025-01-20'
  - kind: meeting
    host: izmir-bb
    date: '2025-03-04'
    participants: 3
  - kind: training
    host: mersin-bb
    date: '2025-06'
""",
    ),
    Layout(
        "the first engagement goes before transfers, where the schema lists it",
        HEAD
        + """\
transfers:
  - project: kadin-ustalar
    history:
      - stage: inquiry
        date: "2025-01-10"
""",
        (
            "engagement",
            "add",
            "--to",
            "hatay-samandag",
            "--host",
            "mersin-bb",
            "--kind",
            "study-visit",
            "--date",
            "2025-01-05",
        ),
        HEAD
        + """\
engagements:
  - kind: study-visit
    host: mersin-bb
    date: "2025-01-05"
transfers:
  - project: kadin-ustalar
    history:
      - stage: inquiry
        date: "2025-01-10"
""",
    ),
]


@pytest.mark.parametrize("layout", LAYOUTS, ids=[c.name for c in LAYOUTS])
def test_only_the_new_lines_are_new(registry_copy, layout: Layout) -> None:
    root = registry_copy("sample")
    path = root / FILE
    path.write_bytes(layout.encoded(layout.before))

    run = run_spo("--root", str(root), *layout.command)

    assert run.stderr == ""
    assert run.exit_code == 0
    assert path.read_bytes() == layout.encoded(layout.after)
    assert run_spo("--root", str(root), "validate", FILE).exit_code == 0


def test_a_byte_order_mark_is_kept(registry_copy) -> None:
    root = registry_copy("sample")
    path = root / FILE
    before = (
        HEAD + "transfers:\n  - project: kadin-ustalar\n    history:\n"
        '      - stage: inquiry\n        date: "2025-01-10"\n'
    )
    path.write_bytes(b"\xef\xbb\xbf" + before.encode())

    run = run_spo("--root", str(root), *stage("kadin-ustalar", "study-visit", "2025-02-01"))

    assert run.exit_code == 0
    added = '      - stage: study-visit\n        date: "2025-02-01"\n'
    assert path.read_bytes() == b"\xef\xbb\xbf" + (before + added).encode()


# --- refused writes ------------------------------------------------------------------------------

REVIEWED = (
    HEAD
    + """\
transfers:
  - project: kadin-ustalar
    history:
      - stage: inquiry
        date: '2025-01-10'   # phone call
      - stage: presentation
        date: "2025-03-01"
"""
)

REFUSALS = {
    "a project to its own owner": "--project emekliler-yasam-merkezi --to sanliurfa-karakopru "
    "--stage inquiry",
    "the same progress stage twice": "--project kadin-ustalar --to hatay-samandag "
    "--stage presentation --date 2025-03-02",
    "a stage before an earlier one": "--project kadin-ustalar --to hatay-samandag "
    "--stage launched --date 2025-02-01",
    "a stage after a later one": "--project kadin-ustalar --to hatay-samandag "
    "--stage study-visit --date 2025-03-05",
    "a date in the future": "--project kadin-ustalar --to hatay-samandag "
    "--stage launched --date 2999-01-01",
    "a national ID number in the note": "--project kadin-ustalar --to hatay-samandag "
    "--stage launched --date 2025-04-01 --note 10000000146",
    "a phone number in the note": "--project kadin-ustalar --to hatay-samandag "
    "--stage launched --date 2025-04-01 --note 05321234567",
}


@pytest.mark.parametrize("options", REFUSALS.values(), ids=REFUSALS.keys())
def test_a_refused_write_leaves_the_file_untouched(registry_copy, options: str) -> None:
    root = registry_copy("sample")
    (root / FILE).write_text(REVIEWED, encoding="utf-8")
    target = root / "data/municipalities" / f"{options.split()[3]}.yaml"
    os.utime(target, ns=(1_000_000_000, 1_000_000_000))
    before = target.read_bytes()

    run = run_spo("--root", str(root), "transfer", "add", *options.split())

    assert run.exit_code == 1
    assert run.stderr.startswith(f"spo: nothing written to data/municipalities/{target.name}: ")
    assert target.read_bytes() == before
    assert target.stat().st_mtime_ns == 1_000_000_000
    assert [p.name for p in target.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_the_new_content_is_validated_as_spo_validate_would(registry_copy) -> None:
    root = registry_copy("sample")
    before = (root / "data/municipalities/artvin.yaml").read_bytes()
    options = "--project kadin-ustalar --to artvin --stage inquiry --date 2025-01-01 --note"

    # The note's own check is the registry's rule for a value outside a contact (personal
    # data of every kind), so it refuses first, at the note, and names the note.
    run = run_spo(
        "--root", str(root), "transfer", "add", *options.split(), "Sorumlu: ayse.yilmaz@gmail.com"
    )

    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr == (
        "spo: nothing written to data/municipalities/artvin.yaml: the note holds a personal "
        "e-mail address; personal data must not be in a public registry (an institution's "
        "address may stand: .bel.tr, .gov.tr, .edu.tr, .org.tr, .kep.tr)\n"
    )
    assert (root / "data/municipalities/artvin.yaml").read_bytes() == before


def test_a_problem_the_file_already_had_does_not_block_a_write(registry_copy) -> None:
    root = registry_copy("sample")
    broken = HEAD + "engagements:\n  - kind: meeting\n    host: ankara-bb\n    date: '2025-01'\n"
    (root / FILE).write_text(broken, encoding="utf-8")

    run = run_spo("--root", str(root), *stage("kadin-ustalar", "inquiry", "2025-02-01"))

    assert run.exit_code == 0
    assert (root / FILE).read_text(encoding="utf-8") == broken + (
        "transfers:\n  - project: kadin-ustalar\n    history:\n      - stage: inquiry\n"
        "        date: '2025-02-01'\n"
    )


def test_a_layout_that_cannot_be_added_to_is_refused(registry_copy) -> None:
    root = registry_copy("sample")
    record = (
        "{id: hatay-samandag, name: Samandağ Belediyesi, kind: district, province: Hatay, "
        "district: Samandağ}\n"
    )
    (root / FILE).write_text(record, encoding="utf-8")

    run = run_spo("--root", str(root), *stage("kadin-ustalar", "inquiry", "2025-02-01"))

    assert run.exit_code == 1
    assert run.stderr == (
        f"spo: nothing written to {FILE}: spo cannot add to this file without rewriting other "
        "lines (the whole record is written in flow style, {...}); add the entry by hand\n"
    )
    assert (root / FILE).read_text(encoding="utf-8") == record


# --- atomic replace ------------------------------------------------------------------------------


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_crash_while_writing_leaves_the_old_file_and_no_temporary_file(
    registry_copy, monkeypatch, failing: str
) -> None:
    root = registry_copy("sample")
    path = root / "data/municipalities/artvin.yaml"
    before = path.read_bytes()

    def crash(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, crash)
    options = "--project kadin-ustalar --to artvin --stage inquiry --date 2025-01-01"
    run = run_spo("--root", str(root), "transfer", "add", *options.split())
    monkeypatch.undo()

    assert run.exit_code == 1
    assert run.stderr == (
        "spo: cannot write data/municipalities/artvin.yaml: the disk is full; "
        "the file is unchanged\n"
    )
    assert path.read_bytes() == before
    leftovers = [p.name for p in path.parent.iterdir() if p.suffix != ".yaml"]
    assert leftovers == []


# --- concurrent writers --------------------------------------------------------------------------

# Each child process waits inside the lock between reading the file and replacing it, so that
# without the lock the writers would overwrite each other's additions.
CHILD = """
import sys, time
from spo.writing import roundtrip
original = roundtrip.YamlText.__init__
def slow(self, text):
    original(self, text)
    time.sleep(0.2)
roundtrip.YamlText.__init__ = slow
from spo.cli import main
main(sys.argv[1:])
"""


def test_parallel_processes_lose_no_update(registry_copy) -> None:
    root = registry_copy("sample")
    projects = [f"proje-{n}" for n in range(6)]
    for pid in projects:
        (root / f"data/projects/{pid}.yaml").write_text(
            f"id: {pid}\nname:\n  tr: Proje {pid}\nowner: mersin-bb\nsummary:\n  tr: Özet.\n"
            "status: unknown\nsources:\n  - https://example.org/p\n",
            encoding="utf-8",
        )
    # New transfers, and two more stages of the transfer artvin already has.
    commands = [f"--project {pid} --stage inquiry --date 2025-07-01" for pid in projects]
    commands += [
        "--project mahalle-mutfaklari --stage implementation-support --date 2025-07-01",
        "--project mahalle-mutfaklari --stage launched --date 2025-09-01",
    ]
    env = {**os.environ, "SPO_LANG": "en", "SPO_ROOT": ""}
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                CHILD,
                "--root",
                str(root),
                "transfer",
                "add",
                "--to",
                "artvin",
                *command.split(),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        for command in commands
    ]
    results = []
    for child in children:
        _, errors = child.communicate(timeout=120)
        results.append((child.returncode, errors))

    assert results == [(0, "")] * len(commands)
    text = (root / "data/municipalities/artvin.yaml").read_text(encoding="utf-8")
    for pid in projects:
        assert (
            f"  - project: {pid}\n    history:\n      - stage: inquiry\n"
            '        date: "2025-07-01"\n' in text
        )
    assert (
        '      - stage: planning-support\n        date: "2025-06"\n'
        '      - stage: implementation-support\n        date: "2025-07-01"\n'
        '      - stage: launched\n        date: "2025-09-01"\n'
    ) in text
    run = run_spo("--root", str(root), "validate")
    assert run.exit_code == 0, run.stdout
