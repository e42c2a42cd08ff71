"""An edit either does what was asked or leaves the file byte for byte as it was.

A file grown too large to be a record is named and left alone. A second mistake of a kind the
file already has once is still a mistake brought in: it is counted, not waved through. A change
whose text would not read back as the data meant is refused rather than written.

Each story edits a copy of the `sample` registry through `spo.writing.editing.edit_record` or
`spo transfer add`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from spo.rules.dates import parse_date
from spo.rules.errors import RefusedWrite
from spo.writing import editing
from spo.writing.engagements import _engagement_change
from spo.writing.roundtrip import YamlText
from tests.conftest import run_spo
from tests.test_write_faults import ADD, ARTVIN

TODAY = date(2026, 1, 1)


def test_a_file_grown_too_large_to_be_a_record_is_named_and_left_alone(registry_copy) -> None:
    root = registry_copy("sample")
    path = root / ARTVIN
    path.write_bytes(path.read_bytes() + b"# " + b"x" * (1024 * 1024) + b"\n")
    before = path.read_bytes()

    run = run_spo("--root", str(root), *ADD)

    assert run.exit_code == 1
    assert run.stderr == (
        f"spo: nothing written to {ARTVIN}: the file cannot be read as a record (file is "
        f"{len(before):,} bytes; a registry file may be at most 1,048,576); fix it first "
        f"(spo validate {ARTVIN})\n"
    )
    assert path.read_bytes() == before


def engagement_hosted_by(host: str, day: str) -> Any:
    return _engagement_change({"kind": "study-visit", "host": host, "date": day}, parse_date(day))


@pytest.mark.parametrize("already", [1, 2])
def test_one_more_of_a_mistake_the_file_already_has_is_refused(registry_copy, already) -> None:
    """With mersin-bb not known, each engagement it hosted is the same mistake. The file has
    it `already` times; one more engagement hosted by mersin-bb brings in one more, and is
    refused naming that one alone."""
    root = registry_copy("sample")
    path = root / ARTVIN
    if already == 2:
        text = path.read_text(encoding="utf-8")
        visit = text[text.index("  - kind: study-visit") : text.index("transfers:")]
        path.write_text(text.replace(visit, visit + visit.replace("2025-02-10", "2025-03-01")))
    before = path.read_bytes()
    mersin_unknown = editing.References({"artvin"}, {"mahalle-mutfaklari": {}})

    with pytest.raises(RefusedWrite) as refused:
        editing.edit_record(
            root, "municipality", path, engagement_hosted_by("mersin-bb", "2025-04-01"),
            mersin_unknown, TODAY,
        )  # fmt: skip

    reason = refused.value.message.get("reason")
    assert reason.key == "refusal.invalid"
    (problem,) = reason.get("problems")
    assert problem.code == "unknown-reference"
    assert path.read_bytes() == before


def test_a_known_host_is_written_beside_the_mistakes_already_there(registry_copy) -> None:
    """The same file, two unknown hosts in it: an engagement whose host is known goes in."""
    root = registry_copy("sample")
    path = root / ARTVIN
    text = path.read_text(encoding="utf-8")
    visit = text[text.index("  - kind: study-visit") : text.index("transfers:")]
    path.write_text(text.replace(visit, visit + visit.replace("2025-02-10", "2025-03-01")))
    known = editing.References({"artvin", "kocaeli-izmit"}, {"mahalle-mutfaklari": {}})

    written = editing.edit_record(
        root, "municipality", path, engagement_hosted_by("kocaeli-izmit", "2025-04-01"), known,
        TODAY,
    )  # fmt: skip

    assert written.written
    assert "host: kocaeli-izmit" in path.read_text(encoding="utf-8")


def test_a_change_that_would_not_read_back_as_meant_is_refused(registry_copy) -> None:
    """A change whose text says one thing while it means another (here: the note it writes is
    not the one it means) is refused, and the file is left as it was."""
    root = registry_copy("sample")
    path = root / ARTVIN
    before = path.read_bytes()

    def misread(text: YamlText, data: dict[str, Any]) -> Any:
        edit, expected = engagement_hosted_by("mersin-bb", "2025-04-01")(text, data)
        expected["engagements"][-1]["note"] = "a note the text does not hold"
        return edit, expected

    with pytest.raises(RefusedWrite) as refused:
        editing.edit_record(
            root, "municipality", path, misread, editing.References({"artvin", "mersin-bb"}, {}),
            TODAY,
        )  # fmt: skip

    reason = refused.value.message.get("reason")
    assert reason.key == "refusal.layout"
    assert reason.get("detail").key == "layout.does-not-read-back"
    assert path.read_bytes() == before
