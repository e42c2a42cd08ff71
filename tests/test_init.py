"""Another office starts its own registry with `spo init`, fills it with spo's write commands, and
checks it with `spo validate` and with standard tools, using the schemas spo ships.

Also: `spo schema` prints or writes the schemas, and the `$schema` line of every record spo
writes resolves in the registry it writes into.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import spo
from spo.cli import prompts
from spo.rules import schemas
from tests.conftest import run_spo

KESKIN = ("--province", "Kırıkkale", "--district", "Keskin")
SOURCE = "https://www.keskin.bel.tr"
FILES = [
    "schemas/project.schema.json",
    "schemas/municipality.schema.json",
    ".gitignore",
    ".pre-commit-config.yaml",
    ".github/workflows/validate.yml",
    "README.md",
    "data/projects/.gitkeep",
    "data/municipalities/kirikkale-keskin.yaml",
]


def files_in(root: Path) -> list[str]:
    """Every file under `root`, but the write locks spo keeps in `.spo-cache/` (git-ignored)."""
    found = (p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    return sorted(p for p in found if not p.startswith(".spo-cache/"))


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def in_(root: Path, *args: str):
    return run_spo("--root", str(root), *args)


def test_init_writes_a_registry_and_lists_every_file(tmp_path: Path) -> None:
    root = tmp_path / "keskin"

    run = run_spo("init", str(root), *KESKIN, "--source", SOURCE, "--office", "Keskin SPO")

    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == (
        f"Started a registry in {root} for kirikkale-keskin. Files written:\n"
        + "".join(f"  {f}\n" for f in FILES)
        + f"Next: cd {root} && spo validate; then add a first project with spo project new.\n"
    )
    assert files_in(root) == sorted(FILES)
    assert (root / "data/municipalities/kirikkale-keskin.yaml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../../schemas/municipality.schema.json\n"
        "id: kirikkale-keskin\n"
        "name: Keskin Belediyesi\n"
        "kind: district\n"
        "province: Kırıkkale\n"
        "district: Keskin\n"
        f"sources:\n  - {SOURCE}\n"
    )
    for kind in schemas.KINDS:
        assert (root / f"schemas/{kind}.schema.json").read_text(encoding="utf-8") == (
            schemas.render(kind)
        )
    ignored = (root / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {".spo-cache/", ".*.yaml.*.tmp"} <= set(ignored)
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Keskin SPO\n\nKeskin Belediyesi (Kırıkkale) sosyal politika kaydı")
    assert "data/municipalities/kirikkale-keskin.yaml" in readme


def test_the_hook_and_the_workflow_install_exactly_this_release(tmp_path: Path) -> None:
    root = tmp_path / "keskin"
    assert run_spo("init", str(root), *KESKIN).exit_code == 0

    hooks = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks == {
        "repos": [
            {
                "repo": "local",
                "hooks": [
                    {
                        "id": "spo-validate",
                        "name": "spo validate",
                        "entry": "spo validate --if-changed",
                        "language": "python",
                        "additional_dependencies": [f"spo-registry=={spo.__version__}"],
                        "pass_filenames": False,
                        "always_run": True,
                        "require_serial": True,
                    }
                ],
            }
        ]
    }
    workflow = yaml.safe_load((root / ".github/workflows/validate.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["validate"]["steps"]
    assert steps[1]["uses"] == "actions/setup-python@v5"
    assert steps[1]["with"]["cache"] == "pip"
    assert [s.get("run") for s in steps[2:]] == [
        f"pip install spo-registry=={spo.__version__}",
        "spo validate --format github",
        "status=0\n"
        "spo diff 'HEAD^1' HEAD --format markdown > spo-diff.md || status=$?\n"
        'cat spo-diff.md >> "$GITHUB_STEP_SUMMARY"\n'
        '[ "$status" -le 1 ] && [ -s spo-diff.md ]\n',
    ]
    # A pull request's diff: GitHub's merge commit and its first parent, read-only.
    assert steps[0]["with"] == {"fetch-depth": 2}
    assert steps[4]["if"] == "${{ !cancelled() && github.event_name == 'pull_request' }}"
    assert workflow["permissions"] == {"contents": "read"}


def test_records_written_into_a_new_registry_pass_validate_and_check_jsonschema(
    tmp_path: Path,
) -> None:
    root = tmp_path / "keskin"
    assert run_spo("init", str(root), *KESKIN, "--source", SOURCE).exit_code == 0
    writes = [
        ("municipality", "new", "--province", "Kırıkkale", "--source", "https://kirikkale.bel.tr"),
        ("project", "new", "--name", "Mahalle Mutfağı", "--owner", "kirikkale-keskin",
         "--summary", "Sıcak yemek.", "--status", "unknown", "--source", SOURCE),
        ("transfer", "add", "--project", "mahalle-mutfagi", "--to", "kirikkale",
         "--stage", "inquiry", "--date", "2025-03-04", "--source", "https://kirikkale.bel.tr/1"),
        ("engagement", "add", "--to", "kirikkale", "--host", "kirikkale-keskin",
         "--kind", "study-visit", "--date", "2025-03-10", "--participants", "4",
         "--source", "https://kirikkale.bel.tr/2"),
    ]  # fmt: skip
    for args in writes:
        run = in_(root, *args)
        assert (run.exit_code, run.stderr) == (0, ""), args

    assert in_(root, "validate").stdout == "3 files checked, 0 problems\n"
    for kind, folder in (("project", "projects"), ("municipality", "municipalities")):
        records = sorted(str(p) for p in (root / "data" / folder).glob("*.yaml"))
        schema = str(root / f"schemas/{kind}.schema.json")
        checked = _check_jsonschema("--schemafile", schema, *records)
        assert (checked.returncode, checked.stdout) == (0, "ok -- validation done\n")


def _check_jsonschema(*args: str) -> subprocess.CompletedProcess[str]:
    tool = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    assert tool, "check-jsonschema is in the test extras"
    return subprocess.run([tool, *args], capture_output=True, text=True, check=False)


def test_init_refuses_a_folder_that_holds_a_registry(registry_copy) -> None:
    root = registry_copy("sample")
    before = snapshot(root)

    run = run_spo("init", str(root), *KESKIN)

    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        f"spo: {root} already holds a registry (it has a data/ folder); nothing was written\n"
    )
    assert snapshot(root) == before


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ((), "spo: missing --province (spo asks for missing options only in a terminal)\n"),
        (
            ("--province", "Kırıkale"),
            "spo: 'Kırıkale' is not one of the 81 provinces (did you mean 'Kırıkkale'?) "
            "(give its Turkish name or plate code)\n",
        ),
    ],
    ids=["no-province", "unknown-province"],
)
def test_without_a_terminal_init_needs_a_known_province_and_writes_nothing(
    tmp_path: Path, options: tuple[str, ...], message: str
) -> None:
    root = tmp_path / "new"

    run = run_spo("init", str(root), *options)

    assert (run.exit_code, run.stdout, run.stderr) == (2, "", message)
    assert not root.exists()


def test_in_a_terminal_init_asks_for_the_municipality_the_office_and_a_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)
    root = tmp_path / "keskin"
    answers = (
        "Kırıkkale\nKeskn\nkeskin\n\nKeskin SPO\nwww.keskin.bel.tr\nhttps://www.keskin.bel.tr\n"
    )

    run = run_spo("init", str(root), input=answers)

    assert run.exit_code == 0
    assert run.stderr == (
        "'Keskn' is not a district of Kırıkkale (did you mean 'Keskin'?); try again\n"
        "'www.keskin.bel.tr' is not a web address (it must start with http:// or https://); "
        "try again\n"
    )
    assert files_in(root) == sorted(FILES)
    assert (root / "README.md").read_text(encoding="utf-8").startswith("# Keskin SPO\n")
    record = (root / "data/municipalities/kirikkale-keskin.yaml").read_text(encoding="utf-8")
    assert record.endswith("sources:\n  - https://www.keskin.bel.tr\n")
    strict = in_(root, "validate", "--strict")
    assert (strict.exit_code, strict.stdout) == (0, "1 file checked, 0 problems\n")


def test_what_is_typed_at_a_prompt_reaches_the_terminal_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pasted escape sequence is shown, not obeyed: no colour, no window title, no bell."""
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)
    root = tmp_path / "artvin"
    typed = "\x1b[31mRED\x1b]0;pwned\x07 www.x"

    run = run_spo("init", str(root), input=f"Artvin\n\n\n{typed}\nhttps://artvin.bel.tr\n")

    assert run.exit_code == 0
    assert run.stderr == (
        "'\\x1b[31mRED\\x1b]0;pwned\\x07 www.x' is not a web address (it must start with "
        "http:// or https://); try again\n"
    )


def test_init_takes_an_empty_source_with_a_warning_of_what_follows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prompts, "is_interactive", lambda: True)
    root = tmp_path / "artvin"

    run = run_spo("--lang", "tr", "init", str(root), input="Artvin\n\n\n\n")

    assert run.exit_code == 0
    assert run.stderr == (
        "Kaynak verilmedi: spo validate bu kayıt için [no-source] uyarısı verecek, spo validate "
        "--strict de kayda bir kaynak eklenene kadar başarısız olacak\n"
    )
    assert "sources" not in (root / "data/municipalities/artvin.yaml").read_text(encoding="utf-8")
    assert in_(root, "validate", "--strict").exit_code == 1


def test_spo_schema_prints_one_schema_and_writes_both(tmp_path: Path) -> None:
    for kind in schemas.KINDS:
        assert run_spo("schema", kind).stdout == schemas.render(kind)

    run = run_spo("schema", "--write", str(tmp_path / "out"))

    assert run.stdout == "".join(
        f"Wrote {tmp_path / 'out' / f'{kind}.schema.json'}\n" for kind in schemas.KINDS
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "municipality.schema.json",
        "project.schema.json",
    ]
    wrong = run_spo("schema")
    assert (wrong.exit_code, wrong.stderr) == (
        2,
        "spo: give either a schema kind (project or municipality) or --write FOLDER\n",
    )


def test_a_new_record_brings_its_schema_into_a_registry_that_lacks_it(registry_copy) -> None:
    root = registry_copy("sample")
    (root / "schemas").mkdir()
    (root / "schemas/project.schema.json").write_text("{}\n", encoding="utf-8")

    made = in_(root, "municipality", "new", "--province", "Hatay", "--district", "Samandağ")
    kept = in_(root, "project", "new", "--name", "Ortak Mutfak", "--owner", "mersin-bb",
               "--summary", "Bir mutfak.", "--status", "unknown")  # fmt: skip

    assert made.stderr == (
        "Also wrote schemas/municipality.schema.json (the file's $schema line points at it)\n"
    )
    assert (root / "schemas/municipality.schema.json").read_text(encoding="utf-8") == (
        schemas.render("municipality")
    )
    assert (kept.exit_code, kept.stderr) == (0, "")
    assert (root / "schemas/project.schema.json").read_text(encoding="utf-8") == "{}\n"
