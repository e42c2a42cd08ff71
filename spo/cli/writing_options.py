"""What the writing commands share: the registry they work in, and the records their options
name by id or by name."""

from __future__ import annotations

from pathlib import Path

import typer

from spo.api import Registry
from spo.cli.app import settings
from spo.cli.language import Lang


def root_and_lang(ctx: typer.Context) -> tuple[Path, Lang]:
    """The registry folder and the language a command works in."""
    opts = settings(ctx)
    return Registry.at(opts.root).root, opts.lang


def named(root: Path, kind: str, text: str | None) -> str | None:
    """The id of the record an option names, by its id or by its name as people type it
    ("Üsküdar", "mahalle mutfaklari"); an id is checked against its file name alone."""
    return None if text is None else Registry(root).id_of(kind, text)
