"""The Typer application and the options every command shares.

The command modules register their commands on the apps defined here (the root `app` and its
command groups); this module imports none of them (see `spo.cli.lazy`).

Commands and options carry no help text here: `spo.cli.commandline` fills it in from the
catalogue in the user's language before the command line is parsed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from spo import __version__
from spo.cli.language import Lang, from_environment
from spo.cli.lazy import LazyGroup
from spo.cli.options import choice, choose

_SETTINGS = {"help_option_names": ["-h", "--help"]}


class _Spo(LazyGroup):
    """`spo` itself: the command modules are imported only when a command needs them."""

    def source(self) -> typer.Typer:
        return app


app = typer.Typer(
    name="spo",
    cls=_Spo,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=_SETTINGS,
    suggest_commands=False,  # typer's suggestion is English-only; click's own is translated
)

# Command groups; each command module attaches its commands to these.
project_app = typer.Typer(no_args_is_help=True, context_settings=_SETTINGS)
municipality_app = typer.Typer(no_args_is_help=True, context_settings=_SETTINGS)
transfer_app = typer.Typer(no_args_is_help=True, context_settings=_SETTINGS)
engagement_app = typer.Typer(no_args_is_help=True, context_settings=_SETTINGS)
figure_app = typer.Typer(no_args_is_help=True, context_settings=_SETTINGS)
app.add_typer(project_app, name="project")
app.add_typer(municipality_app, name="municipality")
app.add_typer(transfer_app, name="transfer")
app.add_typer(engagement_app, name="engagement")
app.add_typer(figure_app, name="figure")
export_app = typer.Typer(no_args_is_help=True, context_settings=_SETTINGS)
app.add_typer(export_app, name="export")


class LangChoice(StrEnum):
    tr = "tr"
    en = "en"


@dataclass(frozen=True)
class Settings:
    root: Path | None  # as given with --root; None: look for it (see spo.files.registry.find_root)
    lang: Lang


def _version(value: bool) -> None:
    if value:
        typer.echo(f"spo {__version__}")
        raise typer.Exit()


@app.callback()
def global_options(
    ctx: typer.Context,
    root: Annotated[Path | None, typer.Option("--root")] = None,
    lang: Annotated[str | None, choice("--lang", choices=LangChoice)] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
) -> None:
    if lang is not None:
        choose("--lang", lang, LangChoice)  # already applied by spo.cli.main; checked here
    ctx.obj = replace(settings(ctx), root=root)


def settings(ctx: typer.Context) -> Settings:
    """The settings of this run: the language was chosen before parsing (see spo.cli.main)."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings(None, from_environment())
