"""An office starts its registry, end to end, as a person would on a fresh machine.

In a real `git init` folder: `spo init` with flags; `spo municipality new` and `spo project new`
answered at their questions in Turkish through a pseudo-terminal; `git add`; the pre-commit hook
that `spo init` wrote, run by pre-commit itself, which installs spo into its own environment from
this checkout (given as `--spo-requirement`, as an office installing from its fork would); then
`spo validate --strict`. Every step passes, and a commit that breaks a record is refused by the
hook with the problem at its line.

pre-commit builds its environment with pip: this test needs the package index (as CI has it).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.git_shell import NEEDS_GIT_AND_PRE_COMMIT, GitShell

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
pexpect = pytest.importorskip("pexpect", reason="pexpect is in the test extras")

pytestmark = [
    *NEEDS_GIT_AND_PRE_COMMIT,
    pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal needs a POSIX system"),
]


class Office(GitShell):
    """A staff member's shell in the registry folder, in Turkish, that keeps a transcript."""

    def __init__(self, root: Path, home: Path) -> None:
        super().__init__(root, home, lang="tr", path=BIN)
        self.transcript: list[str] = []

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        done = super().run(*args)
        self.transcript.append(f"$ {' '.join(args)}\n{done.stdout}")
        return done

    def answer(self, command: list[str], dialogue: list[tuple[str, str]]) -> str:
        """Run `command` in a pseudo-terminal, typing each answer after its question appears;
        everything the terminal showed (what was typed included, as the terminal echoes it)."""
        screen = io.StringIO()
        child = pexpect.spawn(
            command[0], command[1:], cwd=str(self.root), env=self.env, encoding="utf-8",
            timeout=60, dimensions=(50, 120),
        )  # fmt: skip
        child.logfile_read = screen
        for question, typed in dialogue:
            child.expect_exact(question)
            child.sendline(typed)
        child.expect(pexpect.EOF)
        child.close()
        shown = screen.getvalue().replace("\r\n", "\n")
        self.transcript.append(f"$ {' '.join(command)}\n{shown}")
        assert child.exitstatus == 0, shown
        return shown


def _checkout_requirement(tmp: Path) -> str:
    """This checkout's code as a requirement, from a copy (so pip builds nothing in the tree)."""
    copy = tmp / "spo-checkout"
    copy.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, copy / name)
    shutil.copytree(REPO / "spo", copy / "spo", ignore=shutil.ignore_patterns("__pycache__"))
    return f"spo-registry @ {copy.as_uri()}"


def test_a_new_office_registry_is_green_from_its_first_record(tmp_path: Path) -> None:
    root = tmp_path / "keskin-spo"
    root.mkdir()
    office = Office(root, tmp_path / "home")
    for args in (
        ("git", "init", "-q", "-b", "main"),
        ("git", "config", "user.name", "Keskin SPO"),
        ("git", "config", "user.email", "spo@example.org"),
        ("git", "config", "commit.gpgsign", "false"),
    ):
        assert office.run(*args).returncode == 0
    requirement = _checkout_requirement(tmp_path)

    started = office.run(
        "spo", "init", ".", "--province", "Kırıkkale", "--district", "Keskin",
        "--office", "Keskin Sosyal Politika Ofisi", "--source", "https://www.keskin.bel.tr",
        "--spo-requirement", requirement,
    )  # fmt: skip
    assert started.returncode == 0, started.stdout
    hooks = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["hooks"][0]["additional_dependencies"] == [requirement]

    made = office.answer(
        ["spo", "municipality", "new"],
        [
            ("İl: ", "Kırıkkale"),
            ("İlçe (isteğe bağlı, Enter: boş): ", "Delice"),
            ("Belde (isteğe bağlı, Enter: boş): ", ""),
            ("Kaynak (web adresi) (isteğe bağlı, Enter: boş): ", "https://www.delice.bel.tr"),
            ("Yazılsın mı? [E/h]: ", "e"),
        ],
    )
    shown = office.answer(
        ["spo", "project", "new"],
        [
            ("Ad (Türkçe): ", "Mahalle Mutfağı"),
            ("(adının bir kısmını ya da kimliğini yazın): ", "keskin"),
            ("Özet (Türkçe): ", "Mahallede sıcak yemek."),
            ("Durum: ", "sürüyor"),
            ("): ", "2025-03"),
            ("Durumun kaynağı (web adresi): ", "https://www.keskin.bel.tr/haber/1"),
            ("Kaynak (web adresi) (isteğe bağlı, Enter: boş): ", "https://www.keskin.bel.tr/haber/1"),
            ("Yazılsın mı? [E/h]: ", "e"),
        ],
    )  # fmt: skip
    assert made.endswith(
        "data/municipalities/kirikkale-delice.yaml oluşturuldu:\n"
        "  1 | # yaml-language-server: $schema=../../schemas/municipality.schema.json\n"
        "  2 | id: kirikkale-delice\n"
        "  3 | name: Delice Belediyesi\n"
        "  4 | kind: district\n"
        "  5 | province: Kırıkkale\n"
        "  6 | district: Delice\n"
        "  7 | sources:\n"
        "  8 |   - https://www.delice.bel.tr\n"
        "Aynısını soru sorulmadan yazan komut:\n"
        "  spo municipality new --province Kırıkkale --district Delice "
        "--source https://www.delice.bel.tr\n"
    )
    assert "  keskin → Keskin Belediyesi (kirikkale-keskin)\n" in shown
    assert shown.endswith(
        "  11 | sources:\n  12 |   - https://www.keskin.bel.tr/haber/1\n"
        "Aynısını soru sorulmadan yazan komut:\n"
        "  spo project new --name 'Mahalle Mutfağı' --owner kirikkale-keskin "
        "--summary 'Mahallede sıcak yemek.' --status active --status-as-of 2025-03 "
        "--status-source https://www.keskin.bel.tr/haber/1 "
        "--source https://www.keskin.bel.tr/haber/1\n"
    )

    assert office.run(sys.executable, "-m", "pre_commit", "install").returncode == 0
    assert office.run("git", "add", "-A").returncode == 0
    first = office.run("git", "commit", "-q", "-m", "İlk kayıtlar")
    assert first.returncode == 0, "\n".join(office.transcript)
    assert "spo validate" in first.stdout and "Passed" in first.stdout
    # pre-commit's own environment holds spo installed from the requirement the hook names
    (installed,) = (tmp_path / "home/pre-commit").glob("*/py_env-*/lib/*/site-packages/spo_regis*")
    origin = json.loads((installed / "direct_url.json").read_text(encoding="utf-8"))
    assert origin["url"] == requirement.split(" @ ")[1]

    strict = office.run("spo", "validate", "--strict")
    assert (strict.returncode, strict.stdout) == (0, "3 dosya denetlendi, 0 sorun\n")

    project = root / "data/projects/mahalle-mutfagi.yaml"
    project.write_text(
        project.read_text(encoding="utf-8").replace("owner: kirikkale-keskin", "owner: keskn"),
        encoding="utf-8",
    )
    office.run("git", "add", "-A")
    head = office.run("git", "rev-parse", "HEAD").stdout
    broken = office.run("git", "commit", "-q", "-m", "Sahibi yanlış")
    assert broken.returncode == 1
    assert broken.stdout == (
        "spo validate.............................................................Failed\n"
        "- hook id: spo-validate\n"
        "- exit code: 1\n"
        "\n"
        "data/projects/mahalle-mutfagi.yaml:5:8: hata: kayıtta 'keskn' kimlikli belediye yok "
        "[unknown-reference] ($.owner konumunda)\n"
        "3 dosya denetlendi, 1 sorun (1 hata, 0 uyarı)\n"
        "\n"
    )
    assert office.run("git", "rev-parse", "HEAD").stdout == head
    print("\n".join(office.transcript))  # the whole session, for `pytest -s`
