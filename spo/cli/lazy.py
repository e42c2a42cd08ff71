"""The `spo` group, whose commands are imported only when they are needed.

The command modules (`find_cmds`, `write_cmds`, ...) register their commands on the typer apps
of `spo.cli.app` when imported, and importing them brings in the model, the queries and their
helpers. `spo --help` needs none of that: it lists each command's name and one line of help,
both known without the modules (the names below, the lines from the catalogue). Everything else
that asks for the commands imports the modules first; running one command (or showing its help)
then builds that command alone from its typer definition, and anything else (completion, an
unknown name) takes the complete command tree from typer.

Imports only go down: the command modules import `spo.cli.app`, which imports this module, so
this module names the command modules (`COMMAND_MODULES`) and imports them by name, and is told
the typer app it is built from (`LazyGroup.source`, given in `spo.cli.app`) and the words of
the command line (`Wording`, given by `spo.cli.commandline.localize`).
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from importlib import import_module
from typing import Any

import click
import typer.core

from spo.cli.language import Lang

# The top-level commands the modules register, in the order typer lists them (the command
# groups follow, from spo.cli.app); tests/test_startup.py checks this against the loaded tree.
COMMANDS = ("search", "report", "validate", "diff", "init", "schema", "serve")

# The modules that register commands, in the order that gives COMMANDS' order: `diff` follows
# `validate`, then `init` and `schema`, and `serve` ends the list.
COMMAND_MODULES = (
    "spo.cli.export_cmd",
    "spo.cli.find_cmds",
    "spo.cli.new_cmds",
    "spo.cli.report_cmd",
    "spo.cli.validate_cmd",
    "spo.cli.write_cmds",
    "spo.cli.figure_cmd",
    "spo.cli.diff_cmd",
    "spo.cli.init_cmd",
    "spo.cli.serve_cmd",
)


def load_commands() -> None:
    """Import the command modules: each registers its commands on spo.cli.app on import."""
    for name in COMMAND_MODULES:
        import_module(name)


@dataclass(frozen=True)
class Wording:
    """The command line's words in one language (`spo.cli.commandline` makes them)."""

    lang: Lang
    localize: Callable[[click.Command, Lang, str], click.Command]
    short_help: Callable[[str, Lang], str | None]


class LazyGroup(typer.core.TyperGroup):
    """The root group: its `commands` are complete (and worded in `lang`) once first asked for."""

    wording: Wording | None = None  # set by spo.cli.commandline.localize: the commands speak it
    complete = False

    def source(self) -> typer.Typer:
        """The typer app this group is built from (`spo.cli.app` says which)."""
        raise NotImplementedError

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._early: MutableMapping[str, click.Command] = {}
        self._built: dict[str, click.Command] = {}
        super().__init__(*args, **kwargs)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command to run, or whose help to show: only it is built, worded in `lang`."""
        wording = self.wording
        if self.complete or wording is None:
            return super().get_command(ctx, cmd_name)
        if cmd_name not in self._built:
            one = _build_one(self.source(), cmd_name)
            if one is None:
                return super().get_command(ctx, cmd_name)
            self._built[cmd_name] = wording.localize(one, wording.lang, cmd_name)
        return self._built[cmd_name]

    @property
    def commands(self) -> MutableMapping[str, click.Command]:
        if not self.complete:
            load_commands()
            tree = typer.main.get_command(self.source())
            assert isinstance(tree, LazyGroup)
            self._early = tree._early
            wording = self.wording
            if wording is not None:
                for name, command in self._early.items():
                    wording.localize(command, wording.lang, name)
            self.complete = True
        return self._early

    @commands.setter
    def commands(self, value: MutableMapping[str, click.Command]) -> None:
        self._early = value
        self.complete = all(name in value for name in COMMANDS)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The list of commands on `spo --help`, from their names and the catalogue alone."""
        wording = self.wording
        if self.complete or wording is None:
            return super().format_commands(ctx, formatter)
        names = [*COMMANDS, *self._early]
        stubs = {
            name: click.Command(name, short_help=wording.short_help(name, wording.lang))
            for name in names
        }
        typer.core.TyperGroup(name=self.name, commands=stubs).format_commands(ctx, formatter)


def _build_one(app: typer.Typer, name: str) -> click.Command | None:
    """The top-level command or command group `name`, built as typer builds it in the whole tree
    (`typer.main.get_group_from_info` over the app)."""
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
