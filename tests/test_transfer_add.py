"""Office staff record a transfer's progress with `spo transfer add`.

Each story runs the command on a copy of the sample registry and compares what it printed and
the municipality file afterwards, exactly.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from spo.cli import prompts
from tests.conftest import run_spo

ARTVIN = "data/municipalities/artvin.yaml"
IZMIR = "data/municipalities/izmir-bb.yaml"
ARTVIN_HISTORY_END = '      - stage: planning-support\n        date: "2025-06"\n'


def add(root: Path, options: str, *extra: str, lang: str = "en", input: str | None = None):
    return run_spo(
        "--root",
        str(root),
        "--lang",
        lang,
        "transfer",
        "add",
        *options.split(),
        *extra,
        input=input,
    )


def test_a_stage_joins_the_history_and_the_added_lines_are_shown(registry_copy) -> None:
    root = registry_copy("sample")
    before = (root / ARTVIN).read_text(encoding="utf-8")

    run = add(
        root,
        "--project mahalle-mutfaklari --to artvin --stage implementation-support "
        "--date 2025-07-01 --source https://example.org/haber/9",
        "--note",
        "Mutfak ekibi Mersin'de eğitildi.",
    )

    assert run.exit_code == 0
    assert run.stderr == ""
    assert run.stdout == (
        "Wrote data/municipalities/artvin.yaml:\n"
        "  23 |       - stage: implementation-support\n"
        '  24 |         date: "2025-07-01"\n'
        "  25 |         note: Mutfak ekibi Mersin'de eğitildi.\n"
        "  26 |         source: https://example.org/haber/9\n"
    )
    assert (root / ARTVIN).read_text(encoding="utf-8") == before.replace(
        ARTVIN_HISTORY_END,
        ARTVIN_HISTORY_END + "      - stage: implementation-support\n"
        '        date: "2025-07-01"\n'
        "        note: Mutfak ekibi Mersin'de eğitildi.\n"
        "        source: https://example.org/haber/9\n",
    )


def test_the_first_stage_creates_the_transfer(registry_copy) -> None:
    root = registry_copy("sample")

    run = add(root, "--project kadin-ustalar --to izmir-bb --stage inquiry --date 2025-04")

    assert run.exit_code == 0
    assert (root / IZMIR).read_text(encoding="utf-8") == (
        "id: izmir-bb\n"
        "name: İzmir Büyükşehir Belediyesi\n"
        "kind: metropolitan\n"
        "province: 35\n"
        "transfers:\n"
        "  - project: kadin-ustalar\n"
        "    history:\n"
        "      - stage: inquiry\n"
        '        date: "2025-04"\n'
        "sources:\n"
        "  - https://example.org/izmir\n"
    )


def test_the_date_defaults_to_today(registry_copy) -> None:
    root = registry_copy("sample")

    run = add(root, "--project kadin-ustalar --to izmir-bb --stage inquiry")

    assert run.exit_code == 0
    assert f'  9 |         date: "{date.today().isoformat()}"\n' in run.stdout


def test_a_stage_may_be_given_by_its_turkish_or_english_label(registry_copy) -> None:
    root = registry_copy("sample")

    run = add(
        root,
        "--project mahalle-mutfaklari --to artvin --date 2025-07-01 --stage",
        "Uygulama desteği",
    )

    assert run.exit_code == 0
    assert "  23 |       - stage: implementation-support\n" in run.stdout


def test_dry_run_shows_the_diff_and_writes_nothing(registry_copy) -> None:
    root = registry_copy("sample")
    before = (root / ARTVIN).read_bytes()

    run = add(
        root,
        "--project mahalle-mutfaklari --to artvin --stage launched --date 2025-09-01 --dry-run",
    )

    assert run.exit_code == 0
    assert run.stdout == (
        "--- data/municipalities/artvin.yaml\n"
        "+++ data/municipalities/artvin.yaml\n"
        "@@ -20,5 +20,7 @@\n"
        "         note: Sunum ofiste yapıldı.\n"
        "       - stage: planning-support\n"
        '         date: "2025-06"\n'
        "+      - stage: launched\n"
        '+        date: "2025-09-01"\n'
        " sources:\n"
        "   - https://example.org/haber/1\n"
    )
    assert run.stderr == "(dry run: nothing written)\n"
    assert (root / ARTVIN).read_bytes() == before


REFUSED = "spo: nothing written to data/municipalities/{}: "
REFUSALS = [
    (
        "--project mahalle-mutfaklari --to mersin-bb --stage inquiry",
        REFUSED.format("mersin-bb.yaml") + "'mahalle-mutfaklari' is mersin-bb's own project; "
        "a project cannot be transferred to its owner\n",
    ),
    (
        "--project mahalle-mutfaklari --to artvin --stage presentation --date 2025-07-01",
        REFUSED.format("artvin.yaml")
        + "the stage 'Presentation' is already recorded for this transfer (2025-02-10)\n",
    ),
    (
        "--project mahalle-mutfaklari --to artvin --stage launched --date 2025-05-01",
        REFUSED.format("artvin.yaml") + "the stage 'Launched' dated 2025-05-01 would come before "
        "the earlier stage 'Planning support' (2025-06)\n",
    ),
    (
        "--project mahalle-mutfaklari --to canakkale-lapseki-cardak --stage study-visit "
        "--date 2025-04-01",
        REFUSED.format("canakkale-lapseki-cardak.yaml") + "the stage 'Study visit' dated "
        "2025-04-01 would come after the later stage 'Presentation' (2025-03-01)\n",
    ),
    (
        "--project bizizmir-dayanisma-noktalari --to istanbul-uskudar --stage dropped "
        "--date 2025-08-01",
        REFUSED.format("istanbul-uskudar.yaml")
        + "'Dropped' is already this transfer's current stage (2025-07)\n",
    ),
    (
        "--project kadin-ustalar --to artvin --stage inquiry --date 2999-01-01",
        REFUSED.format("artvin.yaml") + "the date 2999-01-01 is in the future (today is "
        f"{date.today().isoformat()})\n",
    ),
    (
        "--project kadin-ustalar --to artvin --stage inquiry --date 2025-01-01 --note 10000000146",
        REFUSED.format("artvin.yaml") + "the note holds a Turkish national ID number; personal "
        "data must not be in a public registry\n",
    ),
]


@pytest.mark.parametrize(("options", "message"), REFUSALS)
def test_a_write_that_would_break_the_registry_is_refused(registry_copy, options, message) -> None:
    root = registry_copy("sample")
    files = {p: p.read_bytes() for p in (root / "data").rglob("*.yaml")}

    run = add(root, options)

    assert (run.exit_code, run.stdout, run.stderr) == (1, "", message)
    assert {p: p.read_bytes() for p in (root / "data").rglob("*.yaml")} == files


def test_a_phone_number_in_a_note_is_refused(registry_copy) -> None:
    root = registry_copy("sample")

    run = add(
        root,
        "--project kadin-ustalar --to artvin --stage inquiry --date 2025-01-01",
        "--note",
        "Sorumlu: 0532 123 45 67",
    )

    assert run.exit_code == 1
    assert run.stderr == (
        REFUSED.format("artvin.yaml") + "the note holds a phone number; personal data must not "
        "be in a public registry\n"
    )


USAGE_ERRORS = [
    (
        "--project mahalle-mutfaklr --to artvin --stage inquiry",
        "spo: no project 'mahalle-mutfaklr' (did you mean 'mahalle-mutfaklari'?)\n",
    ),
    (
        "--project mahalle-mutfaklari --to artvn --stage inquiry",
        "spo: no municipality 'artvn' (did you mean 'artvin'?)\n",
    ),
    (
        "--project mahalle-mutfaklari --to artvin --stage lounchd",
        "spo: unknown stage 'lounchd' (did you mean 'launched'?); expected one of: "
        "Inquiry (inquiry), Study visit (study-visit), Presentation (presentation), "
        "Planning support (planning-support), Implementation support (implementation-support), "
        "Launched (launched), Paused (paused), Dropped (dropped)\n",
    ),
    (
        "--project mahalle-mutfaklari --to artvin --stage launched --date 03/21/2025",
        "spo: '03/21/2025' could be day/month/year or month/day/year; write day.month.year "
        "with dots, e.g. 05.12.2026 (5 December 2026)\n",
    ),
    (
        "--project mahalle-mutfaklari --to artvin --stage launched --source www.example.org",
        "spo: 'www.example.org' is not a web address (it must start with http:// or https://)\n",
    ),
]


@pytest.mark.parametrize(("options", "message"), USAGE_ERRORS)
def test_a_mistyped_option_is_a_usage_error(registry_copy, options, message) -> None:
    root = registry_copy("sample")

    run = add(root, options)

    assert (run.exit_code, run.stdout, run.stderr) == (2, "", message)


def test_without_a_terminal_nothing_is_asked(registry_copy) -> None:
    root = registry_copy("sample")

    run = add(root, "--to artvin", input="mahalle\n")

    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "spo: missing --project, --stage (spo asks for missing options only in a terminal)\n"
    )


def test_messages_follow_the_language(registry_copy) -> None:
    root = registry_copy("sample")

    refused = add(
        root,
        "--project mahalle-mutfaklari --to artvin --stage launched --date 2025-05-01",
        lang="tr",
    )
    written = add(
        root, "--project kadin-ustalar --to izmir-bb --stage inquiry --date 2025-04", lang="tr"
    )

    assert refused.stderr == (
        "spo: data/municipalities/artvin.yaml dosyasına hiçbir şey yazılmadı: 2025-05-01 tarihli "
        "'Hayata geçirildi' aşaması, daha önceki 'Planlama desteği' aşamasından (2025-06) "
        "önce olur\n"
    )
    assert written.stdout.startswith("data/municipalities/izmir-bb.yaml dosyasına yazıldı:\n")


# --- in a terminal ------------------------------------------------------------------------------


@pytest.fixture
def terminal(monkeypatch):
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)


STAGE_LIST = (
    "   1  Inquiry (inquiry)\n"
    "   2  Study visit (study-visit)\n"
    "   3  Presentation (presentation)\n"
    "   4  Planning support (planning-support)\n"
    "   5  Implementation support (implementation-support)\n"
    "   6  Launched (launched)\n"
    "   7  Paused (paused)\n"
    "   8  Dropped (dropped)\n"
)


def test_in_a_terminal_missing_options_are_asked_for(registry_copy, terminal) -> None:
    root = registry_copy("sample")
    # A project by part of its name, the municipality by a Turkish word typed without
    # diacritics, the suggested next stage, a date, a note, no source, then confirm.
    answers = "mutfak\nartvin bel\n\n2025-07-01\nEkip eğitildi\n\ny\n"

    run = add(root, "", input=answers)

    assert run.exit_code == 0
    assert run.stdout == (
        "Project (type part of its name, or its id): mutfak\n"
        "  mutfak → Neighbourhood Kitchens (mahalle-mutfaklari)\n"
        "Municipality adopting it (type part of its name, or its id): artvin bel\n"
        "  artvin bel → Artvin Belediyesi (artvin)\n"
        "Current stage: Planning support (2025-06)\n" + STAGE_LIST + "Stage [5]: \n"
        f"Date [{date.today().isoformat()}]: 2025-07-01\n"
        "Note (optional, Enter to skip): Ekip eğitildi\n"
        "Source (web address) (optional, Enter to skip): \n"
        "Project:                  Neighbourhood Kitchens (mahalle-mutfaklari)\n"
        "Municipality adopting it: Artvin Belediyesi (artvin)\n"
        "Stage:                    Implementation support\n"
        "Date:                     2025-07-01\n"
        "Note:                     Ekip eğitildi\n"
        "Source (web address):     -\n"
        "These lines will be written to data/municipalities/artvin.yaml:\n"
        "  23 |       - stage: implementation-support\n"
        '  24 |         date: "2025-07-01"\n'
        "  25 |         note: Ekip eğitildi\n"
        "Write this? [Y/n]: y\n"
        "Wrote data/municipalities/artvin.yaml:\n"
        "  23 |       - stage: implementation-support\n"
        '  24 |         date: "2025-07-01"\n'
        "  25 |         note: Ekip eğitildi\n"
    )


def test_several_matches_are_offered_as_a_numbered_list(registry_copy, terminal) -> None:
    root = registry_copy("sample")
    # "belediyesi" matches every municipality but Mersin, which owns the project and so is
    # never offered.
    answers = "kadın ustalar\nbelediyesi\n3\nsunum\n2025-03\n\n\n"

    run = add(root, "--yes", input=answers)

    assert run.exit_code == 0
    assert (
        "   1  Artvin Belediyesi (artvin)\n"
        "   2  Çardak Belediyesi (canakkale-lapseki-cardak)\n"
        "   3  İzmir Büyükşehir Belediyesi (izmir-bb)\n"
        "   4  Karaköprü Belediyesi (sanliurfa-karakopru)\n"
        "   5  Üsküdar Belediyesi (istanbul-uskudar)\n"
        "Number (or Enter to search again): "
    ) in run.stdout
    assert "Write this?" not in run.stdout  # --yes
    assert run.stdout.endswith(
        "Wrote data/municipalities/izmir-bb.yaml:\n"
        "  5 | transfers:\n"
        "  6 |   - project: kadin-ustalar\n"
        "  7 |     history:\n"
        "  8 |       - stage: presentation\n"
        '  9 |         date: "2025-03"\n'
    )


def test_a_wrong_answer_is_asked_again(registry_copy, terminal) -> None:
    root = registry_copy("sample")
    answers = "kadin-ustalar\nxyz\nizmir\n1\n2999-01-01\n2025-02\n\n\n"

    run = add(root, "--yes", input=answers)

    assert run.exit_code == 0
    assert run.stderr == (
        "No municipality matches 'xyz'.\n"
        f"the date 2999-01-01 is in the future (today is {date.today().isoformat()}); "
        "try again\n"
        "The same without questions:\n"
        f"  spo --root {root} transfer add --project kadin-ustalar --to izmir-bb --stage inquiry "
        "--date 2025-02\n"
    )
    assert '  9 |         date: "2025-02"\n' in run.stdout


def test_declining_the_confirmation_writes_nothing(registry_copy, terminal) -> None:
    root = registry_copy("sample")
    before = (root / ARTVIN).read_bytes()

    run = add(root, "--project mahalle-mutfaklari --to artvin", input="6\n2025-09-01\n\n\nn\n")

    assert run.exit_code == 0
    assert run.stdout.endswith("Write this? [Y/n]: n\nNothing written.\n")
    assert (root / ARTVIN).read_bytes() == before
