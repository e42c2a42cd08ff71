"""`spo municipality new` and `spo project new`: a valid file from a few answers, never over an
existing one."""

from __future__ import annotations

from pathlib import Path

import pytest

from spo.cli import prompts
from tests.conftest import run_spo

M = "data/municipalities"


def new(root: Path, what: str, *options: str, input: str | None = None):
    return run_spo("--root", str(root), what, "new", *options, input=input)


MUNICIPALITIES = [
    (
        ["--province", "mersin"],
        "mersin-bb",
        "name: Mersin Büyükşehir Belediyesi\nkind: metropolitan\nprovince: Mersin\n",
    ),
    (
        ["--province", "08"],
        "artvin",
        "name: Artvin Belediyesi\nkind: provincial\nprovince: Artvin\n",
    ),
    (
        ["--province", "İSTANBUL", "--district", "Üsküdar"],
        "istanbul-uskudar",
        "name: Üsküdar Belediyesi\nkind: district\nprovince: İstanbul\ndistrict: Üsküdar\n",
    ),
    (
        ["--province", "Çanakkale", "--district", "Lapseki", "--town", "Çardak"],
        "canakkale-lapseki-cardak",
        "name: Çardak Belediyesi\nkind: town\nprovince: Çanakkale\ndistrict: Lapseki\n",
    ),
    (
        ["--province", "Kırıkkale", "--district", "keskin"],
        "kirikkale-keskin",
        "name: Keskin Belediyesi\nkind: district\nprovince: Kırıkkale\ndistrict: Keskin\n",
    ),
    (
        ["--province", "canakkale", "--district", "LAPSEKİ", "--town", "Çardak"],
        "canakkale-lapseki-cardak",
        "name: Çardak Belediyesi\nkind: town\nprovince: Çanakkale\ndistrict: Lapseki\n",
    ),
]


@pytest.mark.parametrize(("options", "expected_id", "body"), MUNICIPALITIES)
def test_a_municipality_is_named_from_the_province_table(
    tmp_path, options, expected_id, body
) -> None:
    root = tmp_path
    (root / "data/municipalities").mkdir(parents=True)

    run = new(root, "municipality", *options, "--source", "https://example.org/haber")

    assert run.exit_code == 0
    expected = (
        "# yaml-language-server: $schema=../../schemas/municipality.schema.json\n"
        f"id: {expected_id}\n" + body + "sources:\n  - https://example.org/haber\n"
    )
    assert (root / M / f"{expected_id}.yaml").read_text(encoding="utf-8") == expected
    shown = "".join(
        f"  {n:>{len(str(expected.count(chr(10))))}} | {line}\n"
        for n, line in enumerate(expected.splitlines(), start=1)
    )
    assert run.stdout == f"Created data/municipalities/{expected_id}.yaml:\n" + shown
    assert run_spo("--root", str(root), "validate").exit_code == 0


def test_a_new_municipality_is_valid_in_the_registry(registry_copy) -> None:
    root = registry_copy("sample")

    run = new(
        root,
        "municipality",
        "--province",
        "Hatay",
        "--district",
        "Samandağ",
        "--website",
        "https://www.samandag.bel.tr",
    )

    assert run.exit_code == 0
    assert (root / M / "hatay-samandag.yaml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../../schemas/municipality.schema.json\n"
        "id: hatay-samandag\n"
        "name: Samandağ Belediyesi\n"
        "kind: district\n"
        "province: Hatay\n"
        "district: Samandağ\n"
        "website: https://www.samandag.bel.tr\n"
    )
    assert run_spo("--root", str(root), "validate", f"{M}/hatay-samandag.yaml").exit_code == 0


def test_an_existing_municipality_is_never_overwritten(registry_copy) -> None:
    root = registry_copy("sample")
    before = (root / M / "mersin-bb.yaml").read_bytes()

    run = new(root, "municipality", "--province", "Mersin")

    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr == (
        "spo: data/municipalities/mersin-bb.yaml not created: the file already exists; spo never "
        "overwrites a record (edit it instead)\n"
    )
    assert (root / M / "mersin-bb.yaml").read_bytes() == before


MUNICIPALITY_ERRORS = [
    (
        ["--province", "Istanbol"],
        "spo: 'Istanbol' is not one of the 81 provinces (did you mean 'İstanbul'?) (give its "
        "Turkish name or plate code)\n",
    ),
    (
        ["--province", "Mersin", "--kind", "provincial"],
        "spo: Mersin is a metropolitan province, so it has no provincial municipality\n",
    ),
    (
        ["--province", "Artvin", "--kind", "metropolitan"],
        "spo: Artvin is not a metropolitan province, so it has no metropolitan municipality\n",
    ),
    (
        ["--province", "Artvin", "--kind", "district"],
        "spo: a district municipality needs --district\n",
    ),
    (
        ["--province", "Çanakkale", "--district", "Lapseki", "--kind", "town"],
        "spo: a town municipality needs --town (the town's name) as well as --district\n",
    ),
    (
        ["--province", "Kırıkkale", "--district", "Keskn"],
        "spo: 'Keskn' is not a district of Kırıkkale (did you mean 'Keskin'?)\n",
    ),
    (
        ["--province", "Çanakkale", "--district", "Çardak", "--town", "Çardak"],
        "spo: 'Çardak' is not a district of Çanakkale\n",
    ),
    (
        [],
        "spo: missing --province (spo asks for missing options only in a terminal)\n",
    ),
]


@pytest.mark.parametrize(("options", "message"), MUNICIPALITY_ERRORS)
def test_a_municipality_that_cannot_be_named_is_a_usage_error(registry_copy, options, message):
    root = registry_copy("sample")
    files = sorted(p.name for p in (root / M).iterdir())

    run = new(root, "municipality", *options)

    assert (run.exit_code, run.stdout, run.stderr) == (2, "", message)
    assert sorted(p.name for p in (root / M).iterdir()) == files


def test_in_a_terminal_the_file_is_shown_before_it_is_created(registry_copy, monkeypatch) -> None:
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)
    root = registry_copy("sample")

    run = new(root, "municipality", input="Kocaeli\nİzmit\n\nhttps://www.izmit.bel.tr\ny\n")

    assert run.exit_code == 0
    assert run.stdout == (
        "Province: Kocaeli\n"
        "District (optional, Enter to skip): İzmit\n"
        "Town (optional, Enter to skip): \n"
        "Source (web address) (optional, Enter to skip): https://www.izmit.bel.tr\n"
        "data/municipalities/kocaeli-izmit.yaml will be created as:\n"
        "# yaml-language-server: $schema=../../schemas/municipality.schema.json\n"
        "id: kocaeli-izmit\n"
        "name: İzmit Belediyesi\n"
        "kind: district\n"
        "province: Kocaeli\n"
        "district: İzmit\n"
        "sources:\n"
        "  - https://www.izmit.bel.tr\n"
        "Write this? [Y/n]: y\n"
        "Created data/municipalities/kocaeli-izmit.yaml:\n"
        "  1 | # yaml-language-server: $schema=../../schemas/municipality.schema.json\n"
        "  2 | id: kocaeli-izmit\n"
        "  3 | name: İzmit Belediyesi\n"
        "  4 | kind: district\n"
        "  5 | province: Kocaeli\n"
        "  6 | district: İzmit\n"
        "  7 | sources:\n"
        "  8 |   - https://www.izmit.bel.tr\n"
    )


def test_in_a_terminal_a_district_is_asked_again_until_the_province_has_it(
    registry_copy, monkeypatch
) -> None:
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)
    root = registry_copy("sample")

    run = new(root, "municipality", input="Kırıkkale\nKeskn\nkeskin\n\n\ny\n")

    assert run.exit_code == 0
    assert run.stderr == (
        "'Keskn' is not a district of Kırıkkale (did you mean 'Keskin'?); try again\n"
        "No source given: spo validate will warn about this record [no-source], and spo validate "
        "--strict fails until the record has a source\n"
        "Also wrote schemas/municipality.schema.json (the file's $schema line points at it)\n"
        "The same without questions:\n"
        f"  spo --root {root} municipality new --province Kırıkkale --district keskin\n"
    )
    assert run.stdout.startswith(
        "Province: Kırıkkale\n"
        "District (optional, Enter to skip): Keskn\n"
        "District (optional, Enter to skip): keskin\n"
        "Town (optional, Enter to skip): \n"
        "Source (web address) (optional, Enter to skip): \n"
        "data/municipalities/kirikkale-keskin.yaml will be created as:\n"
        "# yaml-language-server: $schema=../../schemas/municipality.schema.json\n"
        "id: kirikkale-keskin\n"
        "name: Keskin Belediyesi\n"
        "kind: district\n"
        "province: Kırıkkale\n"
        "district: Keskin\n"
        "Write this? [Y/n]: y\n"
        "Created data/municipalities/kirikkale-keskin.yaml:\n"
    )
    assert (root / M / "kirikkale-keskin.yaml").is_file()


# --- projects ------------------------------------------------------------------------------------


def test_a_project_gets_its_id_from_its_turkish_name(registry_copy) -> None:
    root = registry_copy("sample")

    run = new(
        root,
        "project",
        "--name",
        "Çamaşır Kafe",
        "--name-en",
        "Laundry Café",
        "--owner",
        "mersin-bb",
        "--summary",
        "Ücretsiz çamaşır yıkama ve kurutma: 7 mahallede.",
        "--status",
        "active",
        "--status-as-of",
        "2024-06",
        "--status-source",
        "https://example.org/camasir-haber",
        "--launched",
        "2024-05",
        "--theme",
        "hygiene",
        "--theme",
        "Yoksullukla mücadele",
        "--target-group",
        "low-income",
        "--service-model",
        "neighbourhood-based",
        "--source",
        "https://example.org/camasir",
    )

    assert run.exit_code == 0
    assert (root / "data/projects/camasir-kafe.yaml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../../schemas/project.schema.json\n"
        "id: camasir-kafe\n"
        "name:\n"
        "  tr: Çamaşır Kafe\n"
        "  en: Laundry Café\n"
        "owner: mersin-bb\n"
        "summary:\n"
        '  tr: "Ücretsiz çamaşır yıkama ve kurutma: 7 mahallede."\n'
        "status: active\n"
        'status_as_of: "2024-06"\n'
        "status_source: https://example.org/camasir-haber\n"
        'launched: "2024-05"\n'
        "themes: [hygiene, poverty-reduction]\n"
        "target_groups: [low-income]\n"
        "service_model: neighbourhood-based\n"
        "sources:\n"
        "  - https://example.org/camasir\n"
    )
    validated = run_spo("--root", str(root), "validate")
    assert (validated.exit_code, validated.stdout) == (0, "11 files checked, 0 problems\n")


PROJECT_ERRORS = [
    (
        "--name X --owner mersinn --summary S --status active "
        "--status-as-of 2025 --status-source https://example.org/s",
        2,
        "spo: no municipality 'mersinn' (did you mean 'mersin-bb'?)\n",
    ),
    (
        "--name X --owner mersin-bb --summary S --status running",
        2,
        "spo: unknown project status 'running'; expected one of: Active (active), "
        "Pilot (pilot), Paused (paused), Ended (ended), Unknown (unknown)\n",
    ),
    (
        "--name X --owner mersin-bb --summary S --status sürüyor",
        2,
        "spo: the status 'Active' holds on a day and rests on a source: give the day with "
        "--status-as-of and the source's web address with --status-source (or --status unknown "
        "when the status is not known)\n",
    ),
    (
        "--name ??? --owner mersin-bb --summary S --status active "
        "--status-as-of 2025 --status-source https://example.org/s",
        2,
        "spo: cannot make an id from '???' (an id is a lowercase ASCII slug); give one with --id\n",
    ),
    (
        "--name Kadın-Ustalar --owner mersin-bb --summary S --status active "
        "--status-as-of 2025 --status-source https://example.org/s",
        1,
        "spo: data/projects/kadin-ustalar.yaml not created: the file already exists; spo never "
        "overwrites a record (edit it instead)\n",
    ),
    (
        "--name X --owner mersin-bb --summary S --status active --status-as-of 2025 "
        "--status-source https://example.org/s --launched 2999",
        1,
        "spo: data/projects/x.yaml not created: the date 2999 is in the future "
        "(today is {today})\n",
    ),
    (
        "--name X --owner mersin-bb",
        2,
        "spo: missing --summary, --status (spo asks for missing options only in a terminal)\n",
    ),
]


@pytest.mark.parametrize(("options", "code", "message"), PROJECT_ERRORS)
def test_a_project_that_cannot_be_created_says_why(registry_copy, options, code, message) -> None:
    from datetime import date

    root = registry_copy("sample")
    files = sorted(p.name for p in (root / "data/projects").iterdir())

    run = new(root, "project", *options.split())

    assert (run.exit_code, run.stdout) == (code, "")
    assert run.stderr == message.format(today=date.today().isoformat())
    assert sorted(p.name for p in (root / "data/projects").iterdir()) == files


def test_dry_run_shows_the_new_file_as_a_diff(registry_copy) -> None:
    root = registry_copy("sample")

    options = "--name Ek --owner izmir-bb --summary Ek --status unknown --dry-run"
    run = new(root, "project", *options.split())

    assert run.exit_code == 0
    assert run.stdout == (
        "--- /dev/null\n"
        "+++ data/projects/ek.yaml\n"
        "@@ -0,0 +1,8 @@\n"
        "+# yaml-language-server: $schema=../../schemas/project.schema.json\n"
        "+id: ek\n"
        "+name:\n"
        "+  tr: Ek\n"
        "+owner: izmir-bb\n"
        "+summary:\n"
        "+  tr: Ek\n"
        "+status: unknown\n"
    )
    assert not (root / "data/projects/ek.yaml").exists()


def test_in_a_terminal_every_answer_of_project_new_is_checked_where_it_is_typed(
    registry_copy, monkeypatch
) -> None:
    """A summary with a phone number, a date that is no date and web addresses typed wrong are
    each asked again at once, never refused after the confirmation: nothing typed is lost."""
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)
    root = registry_copy("sample")
    answers = [
        "Çamaşır Kafe", "mersin", "Arayın 0532 123 45 67", "Semtlerde ücretsiz çamaşırhane.",
        "sürüyor", "dün", "2025-03",
        "www.mersin.bel.tr/haber", "https://www.mersin.bel.tr/haber/1",
        "mersin.bel.tr", "https://www.mersin.bel.tr/haber/2", "y",
    ]  # fmt: skip

    run = new(root, "project", input="\n".join(answers) + "\n")

    assert run.exit_code == 0
    assert run.stderr == (
        "the summary holds a phone number; personal data must not be in a public registry; "
        "try again\n"
        "'dün' is not a date spo understands; write e.g. 05.12.2026, 5 December 2026, "
        "December 2026 or 2026; try again\n"
        "'www.mersin.bel.tr/haber' is not a web address (it must start with http:// or "
        "https://); try again\n"
        "'mersin.bel.tr' is not a web address (it must start with http:// or https://); "
        "try again\n"
        "Also wrote schemas/project.schema.json (the file's $schema line points at it)\n"
        "The same without questions:\n"
        f"  spo --root {root} project new --name 'Çamaşır Kafe' --owner mersin-bb "
        "--summary 'Semtlerde ücretsiz çamaşırhane.' --status active --status-as-of 2025-03 "
        "--status-source https://www.mersin.bel.tr/haber/1 --source https://www.mersin.bel.tr/haber/2\n"
    )
    asked = [line for line in run.stdout.splitlines() if line.startswith(("Summary", "Day", "Sou"))]
    assert (
        asked
        == [
            "Summary (Turkish): Arayın 0532 123 45 67",
            "Summary (Turkish): Semtlerde ücretsiz çamaşırhane.",
            "Day the status holds on (05.12.2026, December 2026 or 2026): dün",
            "Day the status holds on (05.12.2026, December 2026 or 2026): 2025-03",
            "Source of the status (web address): www.mersin.bel.tr/haber",
            "Source of the status (web address): https://www.mersin.bel.tr/haber/1",
            "Source (web address) (optional, Enter to skip): mersin.bel.tr",
            "Source (web address) (optional, Enter to skip): https://www.mersin.bel.tr/haber/2",
            "Source of the status (web address): https://www.mersin.bel.tr/haber/1",
            "Source (web address):  https://www.mersin.bel.tr/haber/2",
        ][:8]
    )
    assert (
        (root / "data/projects/camasir-kafe.yaml")
        .read_text(encoding="utf-8")
        .endswith(
            "summary:\n"
            "  tr: Semtlerde ücretsiz çamaşırhane.\n"
            "status: active\n"
            'status_as_of: "2025-03"\n'
            "status_source: https://www.mersin.bel.tr/haber/1\n"
            "sources:\n"
            "  - https://www.mersin.bel.tr/haber/2\n"
        )
    )
