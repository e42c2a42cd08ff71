"""The command-line library's own words ("Usage:", "Options", "Aborted!"...) in Turkish.

A clerk who runs `spo --lang tr` must not meet English in the help or in the errors that typer
and click write themselves. spo.cli.click_words swaps the gettext names those libraries ask for
their words; these stories build a small throwaway app (not spo's own) and read what it prints.

spo pins typer below 0.26: later releases vendor a click whose words are fixed English.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
import typer
import typer.main
from typer.testing import CliRunner

from spo.cli.click_words import implementation_modules, install, translations

FIELD = re.compile(r"\{[^{}]*\}|%\([^)]*\)[a-z]")


def message_ids(path: Path) -> Iterator[str | tuple[str, str]]:
    """The gettext message ids in one source file: `_("...")` and `ngettext("...", "...", n)`."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        texts = [
            a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
        ]
        if node.func.id == "_" and len(texts) == 1:
            yield texts[0]
        elif node.func.id == "ngettext" and len(texts) >= 2:
            yield (texts[0], texts[1])


def gettext_sources() -> list[Path]:
    """Every source file of click and typer that takes its words from gettext, except Rich's
    help (spo draws help without Rich)."""
    folders = [Path(str(click.__file__)).parent, Path(str(typer.__file__)).parent]
    return sorted(
        path
        for folder in folders
        for path in folder.glob("*.py")
        if "from gettext import" in path.read_text(encoding="utf-8")
        and path.name != "rich_utils.py"
    )


def library_message_ids() -> set[str | tuple[str, str]]:
    return {i for path in gettext_sources() for i in message_ids(path)}


def test_every_module_that_asks_gettext_is_switched() -> None:
    switched = {Path(str(m.__file__)).resolve() for m in implementation_modules()}
    unswitched = [p.name for p in gettext_sources() if p.resolve() not in switched]
    assert unswitched in ([], ["_winconsole.py"])  # _winconsole imports only on Windows


def fields(text: str) -> list[str]:
    return sorted(FIELD.findall(text))


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    install("en")


def greeter() -> typer.Typer:
    app = typer.Typer(rich_markup_mode=None, add_completion=False)

    @app.command()
    def greet(name: str = typer.Option("dünya", "--name", metavar="KİŞİ", help="Kime.")) -> None:
        if name == "hiç kimse":
            raise typer.Abort()
        typer.echo(f"Merhaba {name}")

    return app


def unknown_option_message() -> str:
    with pytest.raises(click.UsageError) as caught:
        typer.main.get_command(greeter()).main(["--renk"], "selam", standalone_mode=False)
    return str(caught.value.format_message())


def help_text() -> str:
    result = CliRunner().invoke(greeter(), ["--help"], prog_name="selam")
    assert result.exit_code == 0
    return result.output


def test_every_message_of_the_library_has_a_turkish_text_with_the_same_placeholders() -> None:
    ids = library_message_ids()
    assert ids, "no gettext message found: has typer stopped using gettext?"
    table = translations()
    for english in sorted(ids, key=str):
        singular, plural = (english, english) if isinstance(english, str) else english
        assert singular in table, f"no Turkish in spo/cli/text/click.toml for {english!r}"
        turkish = table[singular]
        assert isinstance(turkish, str) == isinstance(english, str), english
        tr_singular, tr_plural = (turkish, turkish) if isinstance(turkish, str) else turkish
        for en_text, tr_text in ((singular, tr_singular), (plural, tr_plural)):
            assert tr_text.strip() and tr_text != en_text, en_text
            assert fields(tr_text) == fields(en_text), en_text


def test_the_translation_file_names_each_english_message_once() -> None:
    text = (Path(__file__).parents[1] / "spo/cli/text/click.toml").read_text(encoding="utf-8")
    assert text.count("[[message]]") == len(translations())


def test_help_in_turkish() -> None:
    install("tr")

    assert help_text() == (
        "Kullanım: selam [OPTIONS]\n"
        "\n"
        "Seçenekler:\n"
        "  --name KİŞİ  Kime.  [varsayılan: dünya]\n"
        "  --help       Bu mesajı göster ve çık.\n"
    )


def test_an_unknown_option_is_refused_in_turkish() -> None:
    install("tr")

    assert unknown_option_message() == "Böyle bir seçenek yok: '--renk'."


def test_an_aborted_command_says_so_in_turkish() -> None:
    install("tr")

    result = CliRunner().invoke(greeter(), ["--name", "hiç kimse"], prog_name="selam")

    assert (result.exit_code, result.output) == (1, "İptal edildi.\n")


def test_a_missing_or_unknown_command_is_refused_in_turkish() -> None:
    app = typer.Typer(rich_markup_mode=None, add_completion=False)

    @app.command()
    def bir() -> None: ...

    @app.command()
    def iki() -> None: ...

    command = typer.main.get_command(app)
    install("tr")

    messages = []
    for args in ([], ["üç"]):
        with pytest.raises(click.UsageError) as caught:
            command.main(args, "selam", standalone_mode=False)
        messages.append(caught.value.format_message())

    assert messages == ["Komut eksik.", "Böyle bir komut yok: 'üç'."]


def test_english_comes_back_and_the_languages_switch_cleanly() -> None:
    for _ in range(2):
        install("tr")
        assert "Seçenekler:" in help_text().splitlines()
        install("en")
        assert help_text() == (
            "Usage: selam [OPTIONS]\n"
            "\n"
            "Options:\n"
            "  --name KİŞİ  Kime.  [default: dünya]\n"
            "  --help       Show this message and exit.\n"
        )
        assert unknown_option_message() == "No such option '--renk'."


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="'de'"):
        install("de")
