"""The `spo` group, whose commands are imported only when they are needed.

The command modules (`find_cmds`, `write_cmds`, ...) register their commands on `spo.cli.app`
when imported, and importing them brings in the model, the queries and their helpers. `spo
--help` needs none of that: it lists each command's name and one line of help, both known
without the modules (the names below, the lines from the catalogue). Everything else that
asks for the commands imports the modules first; running one command (or showing its help)
then builds that command alone from its typer definition, and anything else (completion, an
unknown name) takes the complete command tree from typer.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

import click
import typer.core

from spo.cli.language import Lang

# The top-level commands the modules register, in the order typer lists them (the command
# groups follow, from spo.cli.app); tests/test_startup.py checks this against the loaded tree.
COMMANDS = ("search", "report", "validate", "diff", "init", "schema")


def load_commands() -> None:
    """Import the command modules: each registers its commands on spo.cli.app on import."""
    from importlib import import_module

    from spo.cli import (  # noqa: F401
        export_cmd,
        find_cmds,
        new_cmds,
        report_cmd,
        validate_cmd,
        write_cmds,
    )

    import_module("spo.cli.diff_cmd")  # after them: `diff` follows `validate`
    import_module("spo.cli.init_cmd")  # then `init` and `schema` end COMMANDS


class LazyGroup(typer.core.TyperGroup):
    """The root group: its `commands` are complete (and worded in `lang`) once first asked for."""

    lang: Lang | None = None  # set by spo.cli.commandline.build: its subcommands speak it
    complete = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._early: MutableMapping[str, click.Command] = {}
        self._built: dict[str, click.Command] = {}
        super().__init__(*args, **kwargs)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command to run, or whose help to show: only it is built, worded in `lang`."""
        if self.complete or self.lang is None:
            return super().get_command(ctx, cmd_name)
        if cmd_name not in self._built:
            from spo.cli.commandline import localize

            one = _build_one(cmd_name)
            if one is None:
                return super().get_command(ctx, cmd_name)
            self._built[cmd_name] = localize(one, self.lang, cmd_name)
        return self._built[cmd_name]

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


def _build_one(name: str) -> click.Command | None:
    """The top-level command or command group `name`, built as typer builds it in the whole tree
    (`typer.main.get_group_from_info` over the app)."""
    from spo.cli.app import app

    load_commands()
    for command in app.registered_commands:
        callback = command.callback
        if callback and (command.name or typer.main.get_command_name(callback.__name__)) == name:
            return typer.main.get_command_from_info(
                command,
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
            )
    for group in app.registered_groups:
        if group.name == name:
            return typer.main.get_group_from_info(
                group,
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
                suggest_commands=app.suggest_commands,
            )
    return None
