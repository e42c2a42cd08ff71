"""The command line in the user's language: every help text, placeholder and example from the
catalogue (`help.*`), and the library's own words (Usage, Options, its errors) through
`spo.cli.click_words`.

A command's help is `help.<group>.<command>`; an option's is `help.<command>.options.<name>`,
else the shared `help.options.<name>`; its placeholder word is `....metavar`.
"""

from __future__ import annotations

from typing import Any

import click
import typer

from spo.cli import click_words
from spo.cli.app import app
from spo.cli.language import Lang
from spo.cli.lazy import LazyGroup, Wording
from spo.cli.words import catalogue, say

ROOT = "spo"


def _text(key: str, lang: Lang) -> str | None:
    return say(key, lang) if key in catalogue() else None


def _help(key: str, lang: Lang) -> str:
    text = say(key, lang)
    examples = catalogue()[key].get("examples") or []
    if examples:
        lines = "\n".join(f"  {example}" for example in examples)
        # "\b" keeps click from re-wrapping the examples into one paragraph.
        text += f"\n\n\b\n{say('help-page.examples', lang)}\n{lines}"
    return text


def _param(command_key: str, param: click.Parameter, lang: Lang) -> None:
    own = f"{command_key}.options.{param.name}"
    shared = f"help.options.{param.name}"
    key = own if own in catalogue() else shared
    text = _text(key, lang)
    if text is not None:
        param.help = text
    metavar = _text(f"{own}.metavar", lang) or _text(f"{shared}.metavar", lang)
    is_flag = isinstance(param, click.Option) and param.is_flag
    if metavar and not is_flag:
        param.metavar = metavar


def short_help(path: str, lang: Lang) -> str | None:
    """A command's line in its group's list of commands: the first paragraph of its help."""
    key = f"help.{path}"
    return say(key, lang).split("\n\n")[0].strip().rstrip(".") if key in catalogue() else None


def localize(command: click.Command, lang: Lang, path: str = ROOT) -> click.Command:
    key = f"help.{path}"
    if key in catalogue():
        command.help = _help(key, lang)
        command.short_help = short_help(path, lang)
    command.options_metavar = say("help-page.options-metavar", lang)
    # Typer lists the arguments with the options; click 8.5 lists them again on its own.
    command.format_arguments = _listed_with_the_options  # type: ignore[method-assign]
    if isinstance(command, click.Group):
        command.subcommand_metavar = say("help-page.command-metavar", lang)
    for param in command.params:
        _param(key, param, lang)
    if isinstance(command, LazyGroup):
        command.wording = Wording(lang, localize, short_help)  # its commands: once imported
        if not command.complete:
            return command
    for name, sub in getattr(command, "commands", {}).items():
        localize(sub, lang, name if path == ROOT else f"{path}.{name}")
    return command


def _listed_with_the_options(ctx: click.Context, formatter: click.HelpFormatter) -> None:
    """Nothing: a command's arguments are in typer's "Arguments" section already."""


def build(lang: Lang) -> click.Command:
    """The `spo` command, speaking `lang`; its commands are imported when first needed."""
    click_words.install(lang)
    _keep_hyphenated_words_whole()
    return localize(typer.main.get_command(app), lang)


_NO_BREAK_HYPHEN = "\u2011"


def _keep_hyphenated_words_whole() -> None:
    """Help is wrapped at spaces only: click's wrapper would also break at a hyphen, splitting an
    id a reader copies ("(implementation-" / "support)") or a form ("../YYYY-" / "AA-GG"). Each
    hyphen is a non-breaking one while click wraps (the same width), and a hyphen again after."""
    wrap = click.formatting.wrap_text
    if getattr(wrap, "keeps_hyphens", False):
        return

    def wrap_text(text: str, *args: Any, **kwargs: Any) -> str:
        hidden = text.replace("-", _NO_BREAK_HYPHEN)
        return wrap(hidden, *args, **kwargs).replace(_NO_BREAK_HYPHEN, "-")

    wrap_text.keeps_hyphens = True  # type: ignore[attr-defined]
    click.formatting.wrap_text = wrap_text
