"""The `spo` group, whose commands are imported only when they are needed.

The command modules (`find_cmds`, `write_cmds`, ...) register their commands on `spo.cli.app`
when imported, and importing them brings in the model, the queries and their helpers. `spo
--help` needs none of that: it lists each command's name and one line of help, both known
without the modules (the names below, the lines from the catalogue). Everything else that
asks for the commands (running one, its help, completion) imports the modules first, then
takes the complete command tree from typer.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

import click
import typer.core

from spo.cli.language import Lang

# The top-level commands the modules register, in the order typer lists them (the command
# groups follow, from spo.cli.app); tests/test_startup.py checks this against the loaded tree.
COMMANDS = ("search", "report", "validate")


def load_commands() -> None:
    """Import the command modules: each registers its commands on spo.cli.app on import."""
    from spo.cli import find_cmds, new_cmds, report_cmd, validate_cmd, write_cmds  # noqa: F401


class LazyGroup(typer.core.TyperGroup):
    """The root group: its `commands` are complete (and worded in `lang`) once first asked for."""

    lang: Lang | None = None  # set by spo.cli.commandline.build: its subcommands speak it
    complete = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._early: MutableMapping[str, click.Command] = {}
        super().__init__(*args, **kwargs)

    @property
    def commands(self) -> MutableMapping[str, click.Command]:
        if not self.complete:
            from spo.cli.app import app
            from spo.cli.commandline import localize

            load_commands()
            tree = typer.main.get_command(app)
            assert isinstance(tree, LazyGroup)
            self._early = tree._early
            if self.lang is not None:
                for name, command in self._early.items():
                    localize(command, self.lang, name)
            self.complete = True
        return self._early

    @commands.setter
    def commands(self, value: MutableMapping[str, click.Command]) -> None:
        self._early = value
        self.complete = all(name in value for name in COMMANDS)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The list of commands on `spo --help`, from their names and the catalogue alone."""
        if self.complete or self.lang is None:
            return super().format_commands(ctx, formatter)
        from spo.cli.commandline import short_help

        lang = self.lang
        names = [*COMMANDS, *self._early]
        stubs = {name: click.Command(name, short_help=short_help(name, lang)) for name in names}
        typer.core.TyperGroup(name=self.name, commands=stubs).format_commands(ctx, formatter)
