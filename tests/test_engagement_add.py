"""Office staff record a Social Policy Tour visit, a meeting or a training with
`spo engagement add`, in the visiting municipality's file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from spo.cli import prompts
from tests.conftest import run_spo

ARTVIN = "data/municipalities/artvin.yaml"


def add(root: Path, options: str, *extra: str, input: str | None = None):
    return run_spo("--root", str(root), "engagement", "add", *options.split(), *extra, input=input)


def test_a_visit_joins_the_engagements_in_date_order(registry_copy) -> None:
    root = registry_copy("sample")
    before = (root / ARTVIN).read_text(encoding="utf-8")

    run = add(
        root,
        "--to artvin --host izmir-bb --kind study-visit --date 2025-01-20 --participants 4 "
        "--source https://example.org/haber/5",
        "--note",
        "Bizİzmir noktaları gezildi.",
    )

    assert run.exit_code == 0
    assert run.stdout == (
        "Wrote data/municipalities/artvin.yaml:\n"
        "   6 |   - kind: study-visit\n"
        "   7 |     host: izmir-bb\n"
        '   8 |     date: "2025-01-20"\n'
        "   9 |     participants: 4\n"
        "  10 |     note: Bizİzmir noktaları gezildi.\n"
        "  11 |     source: https://example.org/haber/5\n"
    )
    assert (root / ARTVIN).read_text(encoding="utf-8") == before.replace(
        "engagements:\n",
        "engagements:\n"
        "  - kind: study-visit\n"
        "    host: izmir-bb\n"
        '    date: "2025-01-20"\n'
        "    participants: 4\n"
        "    note: Bizİzmir noktaları gezildi.\n"
        "    source: https://example.org/haber/5\n",
    )


def test_the_first_engagement_creates_the_list(registry_copy) -> None:
    root = registry_copy("sample")

    run = add(root, "--to sanliurfa-karakopru --host mersin-bb --kind meeting --date 2025-05")

    assert run.exit_code == 0
    assert (root / "data/municipalities/sanliurfa-karakopru.yaml").read_text() == (
        "id: sanliurfa-karakopru\n"
        "name: Karaköprü Belediyesi\n"
        "kind: district\n"
        "province: Şanlıurfa\n"
        "district: Karaköprü\n"
        "engagements:\n"
        "  - kind: meeting\n"
        "    host: mersin-bb\n"
        '    date: "2025-05"\n'
        "sources:\n"
        "  - https://example.org/karakopru\n"
    )


def test_dry_run_shows_the_diff(registry_copy) -> None:
    root = registry_copy("sample")
    before = (root / ARTVIN).read_bytes()

    run = add(root, "--to artvin --host mersin-bb --kind training --date 2025-04-02 --dry-run")

    assert run.exit_code == 0
    assert run.stdout == (
        "--- data/municipalities/artvin.yaml\n"
        "+++ data/municipalities/artvin.yaml\n"
        "@@ -8,6 +8,9 @@\n"
        '     date: "2025-02-10"\n'
        "     participants: 6\n"
        "     source: https://example.org/haber/1\n"
        "+  - kind: training\n"
        "+    host: mersin-bb\n"
        '+    date: "2025-04-02"\n'
        " transfers:\n"
        "   - project: mahalle-mutfaklari\n"
        "     history:\n"
    )
    assert run.stderr == "(dry run: nothing written)\n"
    assert (root / ARTVIN).read_bytes() == before


REFUSED = "spo: nothing written to data/municipalities/artvin.yaml: "
REFUSALS = [
    (
        "--to artvin --host artvin --kind meeting --date 2025-01-01",
        1,
        REFUSED + "a municipality cannot host its own engagement\n",
    ),
    (
        "--to artvin --host mersin-bb --kind study-visit --date 2025-02-10",
        1,
        REFUSED + "this study visit with mersin-bb on 2025-02-10 is already recorded\n",
    ),
    (
        "--to artvin --host mersin-bb --kind meeting --date 2999-01",
        1,
        REFUSED + f"the date 2999-01 is in the future (today is {date.today().isoformat()})\n",
    ),
    (
        "--to artvin --host mersinn --kind meeting",
        2,
        "spo: no municipality 'mersinn' (did you mean 'mersin-bb'?)\n",
    ),
    (
        "--to artvin --host mersin-bb --kind sudy-vizit",
        2,
        "spo: unknown engagement kind 'sudy-vizit' (did you mean 'study-visit'?); expected one of: "
        "Study visit (study-visit), Meeting (meeting), Training (training)\n",
    ),
    (
        "--to artvin --host mersin-bb --kind meeting --date 2025-01-01 --participants -3",
        2,
        "spo: --participants: '-3' is less than 0; give a whole number, 0 or more\n",
    ),
    (
        "--to artvin --host mersin-bb --kind meeting --date 2025-01-01 --participants 2.5",
        2,
        "spo: --participants: '2.5' is not a number; give a whole number, 0 or more\n",
    ),
]


def test_a_negative_participant_count_is_refused_in_turkish(registry_copy) -> None:
    root = registry_copy("sample")
    before = (root / ARTVIN).read_bytes()

    run = run_spo(
        "--root", str(root), "--lang", "tr", "engagement", "add", "--to", "artvin",
        "--host", "mersin-bb", "--kind", "meeting", "--date", "2025-01-01", "--participants", "-3",
    )  # fmt: skip

    assert (run.exit_code, run.stdout, run.stderr) == (
        2,
        "",
        "spo: --participants: '-3' 0'dan küçük; 0 ya da daha büyük bir tam sayı yazın\n",
    )
    assert (root / ARTVIN).read_bytes() == before


@pytest.mark.parametrize(("options", "code", "message"), REFUSALS)
def test_a_wrong_engagement_is_refused(registry_copy, options, code, message) -> None:
    root = registry_copy("sample")
    before = (root / ARTVIN).read_bytes()

    run = add(root, options)

    assert (run.exit_code, run.stdout, run.stderr) == (code, "", message)
    assert (root / ARTVIN).read_bytes() == before


def test_without_a_terminal_nothing_is_asked(registry_copy) -> None:
    root = registry_copy("sample")

    run = add(root, "--to artvin")

    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "spo: missing --host, --kind (spo asks for missing options only in a terminal)\n"
    )


def test_in_a_terminal_the_host_and_kind_are_asked_for(registry_copy, monkeypatch) -> None:
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)
    root = registry_copy("sample")

    run = add(
        root, "--to artvin --participants 12 --yes", input="mersin\ntoplantı\n2025-05-06\n\n\n"
    )

    assert run.exit_code == 0
    assert run.stdout == (
        "Host municipality (type part of its name, or its id): mersin\n"
        "  mersin → Mersin Büyükşehir Belediyesi (mersin-bb)\n"
        "   1  Study visit (study-visit)\n"
        "   2  Meeting (meeting)\n"
        "   3  Training (training)\n"
        "Kind: toplantı\n"
        "  toplantı → Meeting (meeting)\n"
        f"Date [{date.today().isoformat()}]: 2025-05-06\n"
        "Note (optional, Enter to skip): \n"
        "Source (web address) (optional, Enter to skip): \n"
        "Visiting municipality: Artvin Belediyesi (artvin)\n"
        "Host municipality:     Mersin Büyükşehir Belediyesi (mersin-bb)\n"
        "Kind:                  Meeting\n"
        "Date:                  2025-05-06\n"
        "Participants:          12\n"
        "Note:                  -\n"
        "Source (web address):  -\n"
        "Wrote data/municipalities/artvin.yaml:\n"
        "  11 |   - kind: meeting\n"
        "  12 |     host: mersin-bb\n"
        '  13 |     date: "2025-05-06"\n'
        "  14 |     participants: 12\n"
    )


def test_in_a_terminal_a_source_that_is_no_web_address_is_asked_again_at_once(
    registry_copy, monkeypatch
) -> None:
    """Found where it is typed, not after the confirmation: nothing typed is lost."""
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)
    root = registry_copy("sample")
    answers = "mersin\ntoplantı\n2025-05-06\n\nwww.mersin.bel.tr/haber\nhttps://mersin.bel.tr/h\n"

    run = add(root, "--to artvin --participants 12 --yes", input=answers)

    assert run.exit_code == 0
    assert run.stderr == (
        "'www.mersin.bel.tr/haber' is not a web address (it must start with http:// or "
        "https://); try again\n"
        "The same without questions:\n"
        f"  spo --root {root} engagement add --to artvin --host mersin-bb --kind meeting "
        "--date 2025-05-06 --participants 12 --source https://mersin.bel.tr/h\n"
    )
    assert "Source (web address):  https://mersin.bel.tr/h\n" in run.stdout
    assert "    source: https://mersin.bel.tr/h\n" in (
        root / "data/municipalities/artvin.yaml"
    ).read_text(encoding="utf-8")


def test_in_a_terminal_the_participant_count_is_asked_until_it_is_a_number(
    registry_copy, monkeypatch
) -> None:
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)
    root = registry_copy("sample")

    run = add(
        root,
        "--to artvin --host mersin-bb --date 2025-05-06 --yes",
        input="2\nbeş\n-3\n 12\n\n\n",
    )

    assert run.exit_code == 0
    assert run.stdout == (
        "   1  Study visit (study-visit)\n"
        "   2  Meeting (meeting)\n"
        "   3  Training (training)\n"
        "Kind: 2\n"
        "Participants (optional, Enter to skip): beş\n"
        "Participants (optional, Enter to skip): -3\n"
        "Participants (optional, Enter to skip):  12\n"
        "Note (optional, Enter to skip): \n"
        "Source (web address) (optional, Enter to skip): \n"
        "Visiting municipality: Artvin Belediyesi (artvin)\n"
        "Host municipality:     Mersin Büyükşehir Belediyesi (mersin-bb)\n"
        "Kind:                  Meeting\n"
        "Date:                  2025-05-06\n"
        "Participants:          12\n"
        "Note:                  -\n"
        "Source (web address):  -\n"
        "Wrote data/municipalities/artvin.yaml:\n"
        "  11 |   - kind: meeting\n"
        "  12 |     host: mersin-bb\n"
        '  13 |     date: "2025-05-06"\n'
        "  14 |     participants: 12\n"
    )
    assert run.stderr == (
        "'beş' is not a whole number; type 0 or more (or leave it empty if no source gives one)\n"
        "'-3' is not a whole number; type 0 or more (or leave it empty if no source gives one)\n"
        "The same without questions:\n"
        f"  spo --root {root} engagement add --to artvin --host mersin-bb --kind meeting "
        "--date 2025-05-06 --participants 12\n"
    )


def test_a_participant_count_left_empty_writes_no_count(registry_copy, monkeypatch) -> None:
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)
    root = registry_copy("sample")

    run = run_spo(
        "--root",
        str(root),
        "--lang",
        "tr",
        "engagement",
        "add",
        *["--to", "artvin", "--kind", "eğitim", "--yes"],
        input="mersin-bb\n2025-05-06\n\n\n\n",
    )

    assert run.exit_code == 0
    assert run.stdout == (
        "Ev sahibi belediye (adının bir kısmını ya da kimliğini yazın): mersin-bb\n"
        f"Tarih [{date.today().isoformat()}]: 2025-05-06\n"
        "Katılımcı sayısı (isteğe bağlı, Enter: boş): \n"
        "Not (isteğe bağlı, Enter: boş): \n"
        "Kaynak (web adresi) (isteğe bağlı, Enter: boş): \n"
        "Ziyaret eden belediye: Artvin Belediyesi (artvin)\n"
        "Ev sahibi belediye:    Mersin Büyükşehir Belediyesi (mersin-bb)\n"
        "Tür:                   Eğitim\n"
        "Tarih:                 2025-05-06\n"
        "Katılımcı sayısı:      -\n"
        "Not:                   -\n"
        "Kaynak (web adresi):   -\n"
        "data/municipalities/artvin.yaml dosyasına yazıldı:\n"
        "  11 |   - kind: training\n"
        "  12 |     host: mersin-bb\n"
        '  13 |     date: "2025-05-06"\n'
    )
