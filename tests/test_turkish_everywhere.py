"""A Turkish user hears Turkish from every part of spo, and an English user English: validation,
lookups, option and usage errors (the command-line library's own words too), help, prompts,
confirmations, Ctrl-C and closed pipes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
import typer

from spo.cli import app
from spo.cli.commandline import build
from spo.cli.language import Lang
from spo.cli.prompts import answer_is_yes
from spo.cli.words import catalogue, say
from tests.conftest import REGISTRIES, run_spo

BROKEN = REGISTRIES / "turkish-validate"
ENGLISH_WORDS = ("Usage:", "Options", "Show this message", "[OPTIONS]", "Commands", "Error:")


def test_validate_speaks_turkish_with_labels_of_the_vocabulary(monkeypatch) -> None:
    monkeypatch.chdir(BROKEN)
    run = run_spo("--lang", "tr", "validate", env={"COLUMNS": "200"})
    assert run.exit_code == 1
    assert run.stdout == (
        "data/municipalities/artvin.yaml:3:7: hata: Artvin büyükşehir değil; orada büyükşehir "
        "belediyesi değil il belediyesi vardır [kind-province] ($.kind konumunda)\n"
        "data/projects/mahalle-mutfaklari.yaml:7:9: hata: 'status' alanı 'aktif' olarak "
        "yazılmış; şunlardan biri olmalı: Sürüyor (active), Pilot (pilot), Askıda (paused), "
        "Sona erdi (ended), Bilinmiyor (unknown) [schema] ($.status konumunda)\n"
        "data/projects/mahalle-mutfaklari.yaml:8:10: hata: değer 'sağlık' olarak yazılmış; bu "
        "bir etiket, yerine 'health' değerini yazın [schema] ($.themes[0] konumunda)\n"
        "3 dosya denetlendi, 3 sorun (3 hata, 0 uyarı)\n"
    )


def test_validate_speaks_english_when_asked(monkeypatch) -> None:
    monkeypatch.chdir(BROKEN)
    run = run_spo("--lang", "en", "validate", env={"COLUMNS": "200"})
    assert run.exit_code == 1
    assert run.stdout == (
        "data/municipalities/artvin.yaml:3:7: error: Artvin is not a metropolitan province, so "
        "it has a provincial municipality, not a metropolitan one [kind-province] at $.kind\n"
        "data/projects/mahalle-mutfaklari.yaml:7:9: error: 'status' is 'aktif'; expected one "
        "of: Active (active), Pilot (pilot), Paused (paused), Ended (ended), Unknown (unknown) "
        "[schema] at $.status\n"
        "data/projects/mahalle-mutfaklari.yaml:8:10: error: the value is 'sağlık', a label; "
        "write the value 'health' instead [schema] at $.themes[0]\n"
        "3 files checked, 3 problems (3 errors, 0 warnings)\n"
    )


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (["project", "show", "yok"], "spo: 'yok' kimlikli proje yok\n"),
        (
            ["transfer", "list", "--stage", "bitti"],
            "spo: bilinmeyen aşama: 'bitti'; şunlardan biri olmalı: Görüşme (inquiry), Yerinde "
            "inceleme (study-visit), Sunum (presentation), Planlama desteği (planning-support), "
            "Uygulama desteği (implementation-support), Hayata geçirildi (launched), Askıda "
            "(paused), Vazgeçildi (dropped)\n",
        ),
        (
            ["project", "list", "--theme", "sağlukk"],
            "spo: bilinmeyen tema: 'sağlukk' (şunu mu demek istediniz: 'Sağlık'?); şunlardan biri "
            "olmalı: Beslenme ve gıda (nutrition), Sağlık (health), Eğitim (education), İstihdam "
            "ve meslek (employment), Kadının güçlenmesi (women-empowerment), Sosyal bakım "
            "(social-care), Psikososyal destek (psychosocial-support), Yoksullukla mücadele "
            "(poverty-reduction), Sosyal yaşam (social-life), Erişilebilirlik (accessibility), "
            "Çevre ve iklim (environment), Tarım ve kırsal kalkınma (agriculture), Hayvan refahı "
            "(animal-welfare), Kültür ve sanat (culture-arts), Temizlik ve hijyen (hygiene)\n",
        ),
        (
            ["report", "--as-of", "Mart 2025"],
            "spo: --as-of: 'Mart 2025' bir gün değil; tek bir gün yazın, örneğin 21.03.2025, "
            "21 Mart 2025 ya da 2025-03-21\n",
        ),
        (
            ["project", "list", "--format", "xml"],
            "spo: --format: 'xml' tanınmıyor; şunlardan biri olmalı: table, json, csv, yaml\n",
        ),
        (
            [
                "engagement",
                "add",
                "--to",
                "artvin",
                "--host",
                "mersin-bb",
                "--kind",
                "meeting",
                "--participants",
                "on iki",
            ],
            "spo: --participants: 'on iki' bir sayı değil; 0 ya da daha büyük bir tam sayı yazın\n",
        ),
        (
            ["municipality", "new", "--province", "Kırıkkale", "--district", "Keskn"],
            "spo: Kırıkkale ilinde 'Keskn' adında bir ilçe yok "
            "(şunu mu demek istediniz: 'Keskin'?)\n",
        ),
        (
            ["project", "list", "--bogus"],
            "spo: Böyle bir seçenek yok: '--bogus'.\nYardım için: spo project list --help\n",
        ),
        (
            ["project", "show"],
            "spo: Eksik argüman 'KİMLİK'.\nYardım için: spo project show --help\n",
        ),
        (
            ["valdate"],
            "spo: Böyle bir komut yok: 'valdate'. Şunu mu demek istediniz: 'validate'?\n"
            "Yardım için: spo --help\n",
        ),
    ],
)
def test_every_error_is_one_turkish_sentence(args: list[str], stderr: str, registry_copy) -> None:
    root = registry_copy("valid-base")
    before = {p: p.read_bytes() for p in sorted(root.rglob("*.yaml"))}
    run = run_spo("--root", str(root), "--lang", "tr", *args)
    assert (run.exit_code, run.stdout, run.stderr) == (2, "", stderr)
    assert {p: p.read_bytes() for p in sorted(root.rglob("*.yaml"))} == before


def test_a_root_without_data_is_said_in_turkish(tmp_path: Path) -> None:
    run = run_spo("--lang", "tr", "--root", str(tmp_path), "validate")
    assert (run.exit_code, run.stdout, run.stderr) == (
        2,
        "",
        f"spo: --root {tmp_path}: orada data/ klasörü yok\n",
    )


def _command_paths() -> list[list[str]]:
    def walk(command: object, prefix: list[str]) -> list[list[str]]:
        found = [prefix]
        for name, sub in getattr(command, "commands", {}).items():
            found += walk(sub, [*prefix, name])
        return found

    return walk(typer.main.get_command(app.app), [])


@pytest.mark.parametrize("path", _command_paths(), ids=lambda p: " ".join(p) or "spo")
def test_every_help_page_is_turkish_with_tr_and_english_with_en(path: list[str]) -> None:
    turkish = run_spo("--lang", "tr", *path, "-h")
    english = run_spo("--lang", "en", *path, "--help")
    assert turkish.exit_code == english.exit_code == 0
    assert turkish.stdout.startswith("Kullanım: spo")
    assert [w for w in ENGLISH_WORDS if w in turkish.stdout] == []
    assert english.stdout.startswith("Usage: spo")
    assert "Kullanım" not in english.stdout and "Seçenekler" not in english.stdout
    if len(path) == 2 or path == ["validate"] or path == ["report"] or path == ["search"]:
        assert "  Örnekler:\n    spo " in turkish.stdout  # real examples on every command
        assert "  Examples:\n    spo " in english.stdout


@pytest.mark.parametrize(
    ("answer", "meaning"),
    [
        ("e", True),
        ("E", True),
        ("evet", True),
        ("EVET", True),
        ("Evet", True),
        ("y", True),
        ("Yes", True),
        ("h", False),
        ("H", False),
        ("hayır", False),
        ("HAYIR", False),
        ("Hayır", False),
        ("hayir", False),
        ("n", False),
        ("NO", False),
        ("", True),
        ("belki", None),
    ],
)
def test_confirmations_understand_both_languages(answer: str, meaning: bool | None) -> None:
    assert answer_is_yes(answer, default=True) is meaning


def test_ctrl_c_exits_130_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import spo.checks.validation

    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(spo.checks.validation, "validate", interrupted)
    run = run_spo("--root", str(REGISTRIES / "valid-base"), "--lang", "tr", "validate")
    assert (run.exit_code, run.stdout, run.stderr) == (130, "", "spo: kesildi\n")


def test_a_closed_pipe_ends_quietly_without_exit_code_1() -> None:
    """The reader is gone before spo writes a byte (`spo report | head -0`), so the first write
    meets a closed pipe whatever the timing."""
    env = {
        **os.environ,
        "SPO_LANG": "en",
        "COLUMNS": "80",
        "SPO_ROOT": str(REGISTRIES / "report-histories"),
    }
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        run = subprocess.run(
            [sys.executable, "-m", "spo", "report", "--as-of", "2025-06-30"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=env,
            check=False,
        )
    finally:
        os.close(write_end)
    assert (run.returncode, run.stderr) == (0, b"")


def _commands(command: click.Command, path: str = "spo") -> list[tuple[str, click.Command]]:
    found = [(path, command)]
    for name, sub in getattr(command, "commands", {}).items():
        found += _commands(sub, name if path == "spo" else f"{path}.{name}")
    return found


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_every_command_and_parameter_takes_its_words_from_the_catalogue(lang: Lang) -> None:
    """Built from the real command tree: an option added without catalogue entries fails here
    (its help would otherwise show in English on a Turkish page)."""
    unworded = []
    for path, command in _commands(build(lang)):
        key = f"help.{path}"
        if key not in catalogue() or not (command.help or "").startswith(say(key, lang)):
            unworded.append(key)
        for param in command.params:
            own, shared = f"{key}.options.{param.name}", f"help.options.{param.name}"
            found = own if own in catalogue() else shared if shared in catalogue() else None
            if found is None or getattr(param, "help", None) != say(found, lang):
                unworded.append(own)
            takes_value = not (isinstance(param, click.Option) and param.is_flag)
            metavars = {
                say(k, lang) for k in (f"{own}.metavar", f"{shared}.metavar") if k in catalogue()
            }
            if takes_value and param.metavar not in metavars:
                unworded.append(f"{own}.metavar")
    assert unworded == []


# --- Every command with bad input, not only its help page (issue 23) ---------------------------
# Each command is driven with what staff get wrong (unknown ids, bad dates and values, files in
# the way, a broken record, no registry at all, bad options) and, in a terminal, with wrong
# answers to its questions. Under --lang tr no English sentence may reach them; the same run
# under --lang en must hold English words, so that the detector is seen to work.


def _prose(text: str) -> str:
    """What a message says in words: without what it quotes ('x', `spo validate`), vocabulary
    values in parentheses, problem codes in brackets, options, paths and addresses, and the keys
    of the YAML a write previews (`  11 |     date: "2026-12-07"`)."""
    yaml_key = r"^(\s*\d+ \|)?[\s+-]*(- )?[a-z_]+:(?= |$)"
    text = re.sub(yaml_key, " ", text, flags=re.M)
    text = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`", " ", text)
    text = re.sub(r"\([a-z0-9-]+\)|\[[a-z0-9-]+\]|spo [a-z ]+--help", " ", text)
    return re.sub(r"--?[\w-]+|\S*[/.]\S*", " ", text)


@pytest.fixture
def staff_registry(tmp_path: Path) -> Path:
    """valid-base, a file in the way of outputs, and a folder with a broken record beside it."""
    import shutil

    root = tmp_path / "kayit"
    shutil.copytree(REGISTRIES / "valid-base", root)
    (root / "rapor.md").write_text("eski\n", encoding="utf-8")
    broken = tmp_path / "bozuk"
    shutil.copytree(REGISTRIES / "valid-base", broken)
    (broken / "data" / "projects" / "bozuk.yaml").write_text("id: [bozuk\n", encoding="utf-8")
    (tmp_path / "bos").mkdir()
    return root


ADD = ["transfer", "add", "--project", "mahalle-mutfaklari", "--to", "artvin"]
MEET = ["engagement", "add", "--to", "artvin", "--host", "mersin-bb"]
BAD_INPUT = [
    ["project", "show", "yok"],
    ["municipality", "show", "yok"],
    ["project", "list", "--owner", "yok"],
    ["project", "list", "--status", "bitmis"],
    ["municipality", "list", "--kind", "koy"],
    ["transfer", "list", "--to", "yok"],
    ["search"],
    ["search", "x", "--limit", "sıfır"],
    ["search", "x", "--format", "xml"],
    ["report", "--owner", "yok"],
    ["report", "--explain", "ziyaret"],
    ["report", "--kind", "district"],
    ["report", "--as-of", "2025-13-45"],
    ["report", "-o", "{root}/rapor.md"],
    ["report", "--explain", "visitors", "-o", "x.md"],
    ["report", "-o", "{root}/yok/rapor.md"],
    ["report", "--format"],
    ["diff", "yok"],
    ["diff", "--base-dir", "{root}/yok"],
    ["export", "csv", "{root}/rapor.md"],
    ["export", "sqlite", "{root}/yok/x.db"],
    ["export", "tablo"],
    ["init", "{root}"],
    ["init", "{root}/yeni"],
    ["init", "{root}/yeni", "--province", "Yokil"],
    ["schema"],
    ["schema", "tur"],
    ["schema", "--write", "{root}/rapor.md"],
    ["validate", "yok.yaml"],
    ["validate", "--format", "xml"],
    ["transfer", "add", "--project", "yok", "--to", "artvin", "--stage", "inquiry"],
    [*ADD, "--stage", "bitti"],
    [*ADD, "--stage", "inquiry", "--date", "31.02.2025"],
    [*ADD, "--stage", "inquiry", "--source", "adres değil"],
    ADD,
    [*MEET, "--kind", "parti"],
    [*MEET, "--kind", "meeting", "--date", "dün"],
    [*MEET, "--kind", "meeting", "--participants", "on iki"],
    ["municipality", "new", "--province", "Yokil"],
    ["municipality", "new"],
    ["project", "new"],
    ["project", "new", "--name", "X", "--owner", "yok"],
    ["project", "show"],
    ["transfer"],
    ["--lang", "xx", "validate"],
    ["--root", "{root}/../bos", "report"],
    ["--root", "{root}/../bos", "transfer", "add"],
    ["--root", "{root}/../bozuk", "report"],
    ["--root", "{root}/../bozuk", "report", "--strict", "--format", "markdown"],
    ["--root", "{root}/../bozuk", "project", "list"],
    ["--root", "{root}/../bozuk", "municipality", "show", "artvin"],
    ["--root", "{root}/../bozuk", "validate"],
]


@pytest.mark.parametrize("args", BAD_INPUT, ids=" ".join)
def test_bad_input_is_answered_in_turkish(args: list[str], staff_registry: Path) -> None:
    from tests.english_words import english_words

    args = [arg.format(root=staff_registry) for arg in args]
    root = [] if "--root" in args else ["--root", str(staff_registry)]
    turkish = run_spo(*root, "--lang", "tr", *args, env={"COLUMNS": "200"})
    english = run_spo(*root, "--lang", "en", *args, env={"COLUMNS": "200"})
    said = turkish.stderr or turkish.stdout
    assert said and turkish.exit_code in (0, 1, 2)
    assert english_words(_prose(turkish.stderr + turkish.stdout)) == []
    assert english_words(_prose(english.stderr + english.stdout)) != []


# Wrong answers first, then Turkish junk until the questions run out (end of input: interrupted).
JUNK = "zzz\n\nuydurma\n99\n-1\n31.02.2025\ndün\nadres değil\nbelki\n" * 3
PROMPTED = [
    (["transfer", "add"], JUNK),
    (
        ["transfer", "add"],
        # '1' (Görüşme) is recorded already: said at the question, the stage and date asked again
        "mahalle\nartvin\nbitti\n99\n1\n31.02.2025\n2025-05-01\n4\n2025-05-01\n"
        "\nadres değil\n\nbelki\nh\n",
    ),
    (["engagement", "add"], "zzz\nmersin\nuydurma\n" + JUNK),
    (["engagement", "add", "--to", "artvin", "--host", "mersin"], "parti\n2\ndün\n" + JUNK),
    (["figure", "add"], "zzz\nmersin\n" + JUNK),
    (["figure", "add", "--to", "artvin", "--metric", "ziyaret"], "on altı\nçok\n" + JUNK),
    (["project", "new"], JUNK),
    (["municipality", "new"], "Kırıkale\nKırıkkale\nKeskn\nKeskin\n\nadres değil\n\nbelki\nh\n"),
    (["init", "{root}/yeni"], JUNK),
]


@pytest.mark.parametrize(
    ("args", "answers"), PROMPTED, ids=[f"{n}-{' '.join(a)}" for n, (a, _) in enumerate(PROMPTED)]
)
def test_wrong_answers_to_the_questions_are_answered_in_turkish(
    args: list[str], answers: str, staff_registry: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spo.cli import prompts
    from tests.english_words import english_words

    monkeypatch.setattr(prompts, "is_interactive", lambda: True)
    args = [arg.format(root=staff_registry) for arg in args]
    run = run_spo("--root", str(staff_registry), "--lang", "tr", *args, input=answers)
    assert run.exit_code in (0, 130)
    assert english_words(_prose(run.stdout + run.stderr)) == []
