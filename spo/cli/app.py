"""The Typer application and the options every command shares."""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from spo import __version__
from spo.vocabulary import Lang

app = typer.Typer(
    name="spo",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


# Command groups; each command module attaches its commands to these.
project_app = typer.Typer(no_args_is_help=True)
municipality_app = typer.Typer(no_args_is_help=True)
transfer_app = typer.Typer(no_args_is_help=True)
engagement_app = typer.Typer(no_args_is_help=True)
app.add_typer(project_app, name="project")
app.add_typer(municipality_app, name="municipality")
app.add_typer(transfer_app, name="transfer")
app.add_typer(engagement_app, name="engagement")


class LangChoice(StrEnum):
    tr = "tr"
    en = "en"


@dataclass(frozen=True)
class Settings:
    root: Path | None  # as given with --root; None: look for it (see spo.registry.find_root)
    lang: Lang


def detect_lang() -> Lang:
    """$SPO_LANG, then the locale; English when nothing says Turkish."""
    for value in (
        os.environ.get("SPO_LANG"),
        os.environ.get("LC_ALL"),
        os.environ.get("LC_MESSAGES"),
        os.environ.get("LANG"),
    ):
        if value:
            return "tr" if value.lower().startswith("tr") else "en"
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    return "tr" if name.lower().startswith(("tr", "turkish")) else "en"


def lang_of(choice: LangChoice | None) -> Lang:
    if choice is None:
        return detect_lang()
    return "tr" if choice is LangChoice.tr else "en"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"spo {__version__}")
        raise typer.Exit()


@app.callback()
def global_options(
    ctx: typer.Context,
    root: Annotated[
        Path | None,
        typer.Option(
            "--root",
        ),
    ] = None,
    lang: Annotated[
        LangChoice | None,
        typer.Option(
            "--lang",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    ctx.obj = Settings(root=root, lang=lang_of(lang))


def settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings(None, detect_lang())
