"""An office starts recording its transfers one by one (issue 21's story): one transfer stage added
to the shipped registry must not turn the office's 2026 figures into refutations. A shortfall is
"partly recorded" in every format and both languages, never "not met" and never a negative
difference; `spo diff` of that edit says the same."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import assert_golden, run_spo

REPO = Path(__file__).resolve().parent.parent
ADD = (
    "transfer", "add", "--project", "mahalle-mutfaklari", "--to", "istanbul-uskudar",
    "--stage", "presentation", "--date", "2025-05-02", "--source", "https://example.org/haber/1",
    "--yes",
)  # fmt: skip
REFUTING_WORDS = ("not met", "not-met", "karşılanmıyor")


@pytest.fixture
def one_transfer_later(tmp_path: Path) -> tuple[Path, Path]:
    """The shipped registry as it is, and a copy with the one transfer stage added."""
    before, after = tmp_path / "before", tmp_path / "after"
    for root in (before, after):
        shutil.copytree(REPO / "data", root / "data")
    added = run_spo("--root", str(after), *ADD)
    assert added.exit_code == 0, added.stderr
    return before, after


def test_one_recorded_transfer_leaves_every_shortfall_partly_recorded(one_transfer_later) -> None:
    _, after = one_transfer_later
    run = run_spo("--root", str(after), "report", "--format", "json")
    figures = json.loads(run.stdout)["reported"]

    backed = [f for f in figures if f["status"] != "unbacked"]
    short = [f for f in backed if f["recorded"] < f["value"]]
    assert len(short) >= 4  # the 2026 figures the one transfer now touches
    for figure in short:
        assert (figure["status"], figure["met"], figure["difference"]) == (
            "partly-recorded",
            None,
            None,
        ), figure
    assert all(f["difference"] is None or f["difference"] >= 0 for f in figures)


@pytest.mark.parametrize("lang", ["en", "tr"])
@pytest.mark.parametrize("form", ["table", "markdown", "json", "html"])
def test_no_format_calls_a_shortfall_a_refutation(one_transfer_later, lang: str, form: str) -> None:
    _, after = one_transfer_later
    run = run_spo("--root", str(after), "--lang", lang, "report", "--format", form)
    assert run.exit_code == 0, run.stderr
    for word in REFUTING_WORDS:
        assert word not in run.stdout.lower()
    if form != "json":
        assert {"en": "partly recorded", "tr": "kısmen kayıtlı"}[lang] in run.stdout


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_the_diff_of_that_edit_says_partly_recorded_too(one_transfer_later, lang: str) -> None:
    before, after = one_transfer_later
    run = run_spo(
        "--lang", lang, "diff", "--base-dir", str(before), "--head-dir", str(after),
        "--format", "text",
    )  # fmt: skip
    assert run.exit_code == 0, run.stderr
    statuses = run.stdout.split("\n\n")[-1].splitlines()
    words = {"en": "not in the records → partly recorded", "tr": "kayıtlarda yok → kısmen kayıtlı"}
    assert len(statuses) >= 5 and all(words[lang] in line for line in statuses[1:]), statuses
    for word in REFUTING_WORDS:
        assert word not in run.stdout.lower()


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("en", "district municipalities do not include towns (belde); a source's own count may "
               "include them."),
        ("tr", "ilçe belediyeleri beldeleri (belde belediyelerini) içermez; kaynağın kendi sayımı "
               "beldeleri içeriyor olabilir."),
    ],
)  # fmt: skip
def test_a_figure_of_district_municipalities_says_what_it_counts(
    one_transfer_later, lang: str, note: str
) -> None:
    """Whether the office's "9 ilçe belediyesi" includes towns is a choice no source settles:
    the report says which it made, not a note in the data."""
    _, after = one_transfer_later
    run = run_spo("--root", str(after), "--lang", lang, "report", env={"COLUMNS": "400"})
    assert note in run.stdout


# --- the whole story, exactly --------------------------------------------------------------------

GOLDEN = Path(__file__).resolve().parent / "golden" / "partial"
AS_OF = "2026-11-01"  # after the office's last published figure (2026-01-29)
EXTENSIONS = {"table": "txt", "markdown": "md", "json": "json", "html": "html"}


def shown(text: str, root: Path) -> str:
    """The output with the temporary folder's path as `REGISTRY`."""
    return text.replace(str(root), "REGISTRY")


@pytest.mark.parametrize("lang", ["en", "tr"])
@pytest.mark.parametrize("form", list(EXTENSIONS))
def test_the_report_with_one_transfer_reads_as_its_golden_file(
    one_transfer_later, lang: str, form: str
) -> None:
    """The shipped registry with the one transfer stage, every format and both languages,
    exactly: read tests/golden/partial/ to see what an office would publish. Regenerate with
    SPO_UPDATE_GOLDEN=1 when the shipped data changes, and read the change."""
    _, after = one_transfer_later
    run = run_spo(
        "--root", str(after), "--lang", lang, "report", "--as-of", AS_OF, "--format", form,
        env={"COLUMNS": "100"},
    )  # fmt: skip
    assert (run.exit_code, run.stderr) == (0, "")
    assert_golden(GOLDEN / f"one-transfer.{lang}.{EXTENSIONS[form]}", shown(run.stdout, after))


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_the_diff_of_one_transfer_reads_as_its_golden_file(one_transfer_later, lang: str) -> None:
    before, after = one_transfer_later
    run = run_spo(
        "--lang", lang, "diff", "--base-dir", str(before), "--head-dir", str(after),
        "--as-of", AS_OF, "--format", "text", env={"COLUMNS": "100"},
    )  # fmt: skip
    assert run.exit_code == 0, run.stderr
    text = shown(shown(run.stdout, after), before)
    assert_golden(GOLDEN / f"one-transfer-diff.{lang}.txt", text)
