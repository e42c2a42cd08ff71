"""A Turkish user hears Turkish from every part of spo, and an English user English: validation,
lookups, option and usage errors (the command-line library's own words too), help, prompts,
confirmations, Ctrl-C and closed pipes."""

from __future__ import annotations

import os
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
            ["report", "--as-of", "21.03.2025"],
            "spo: --as-of: '21.03.2025' bir gün değil; YYYY-AA-GG biçiminde yazın, örneğin "
            "2025-03-21\n",
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
    import spo.validation

    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(spo.validation, "validate", interrupted)
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
