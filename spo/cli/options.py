"""Options that several commands share, and the one check of a value chosen from a fixed list.

Options are declared without help: every command's and option's help, and the word shown as its
placeholder, come from the catalogue (`help.*` in spo/cli/text/help.toml, in the user's language;
see `spo.cli.commandline`). Values from a fixed list are taken as text and checked here, so that
a wrong one gets spo's own plain sentence in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Annotated, Any, Literal, TypeVar

import typer

from spo.api import UsageError, Vocabulary, closest
from spo.cli.completion import complete_values

E = TypeVar("E", bound=StrEnum)


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    yaml = "yaml"


class ShowFormat(StrEnum):
    table = "table"
    json = "json"
    yaml = "yaml"


class SortBy(StrEnum):
    name = "name"
    date = "date"


def _completer(choices: Sequence[str]) -> Callable[[str], list[str]]:
    return lambda incomplete: [c for c in choices if c.startswith(incomplete)]


def choice(*names: str, choices: type[StrEnum]) -> Any:
    """An option whose value is one of `choices`, completed in the shell."""
    return typer.Option(*names, autocompletion=_completer([c.value for c in choices]))


def choose(option: str, value: str, choices: type[E]) -> E:
    """The member of `choices` that `value` names; a usage error listing them otherwise."""
    for member in choices:
        if member.value == value.strip().lower():
            return member
    values = [c.value for c in choices]
    raise UsageError.of(
        "usage.bad-choice",
        option=option,
        value=value,
        options=", ".join(values),
        suggestion=closest(value, values),
    )


def sort_order(value: str) -> Literal["name", "date"]:
    return "date" if choose("--sort", value, SortBy) is SortBy.date else "name"


def count(option: str, value: str | None, maximum: int | None = None) -> int | None:
    """A whole number of at least 0 (`--participants 12`), and at most `maximum` if given."""
    if value is None:
        return None
    text = value.strip()
    digits = text.removeprefix("-")
    if not digits.isascii() or not digits.isdigit():
        raise UsageError.of("usage.not-a-count", option=option, value=value)
    if text != digits and int(digits) != 0:
        raise UsageError.of("usage.negative-count", option=option, value=value)
    if maximum is not None and int(digits) > maximum:
        raise UsageError.of("usage.count-too-large", option=option, limit=maximum)
    return int(digits)


def vocabulary(name: str, vocab: Vocabulary) -> Any:
    """A filter by a vocabulary's values (or labels), completed with the values."""
    return typer.Option(name, autocompletion=complete_values(vocab))


Format = Annotated[str, choice("--format", "-f", choices=ListFormat)]
Sort = Annotated[str, choice("--sort", choices=SortBy)]
Values = list[str] | None
DryRun = Annotated[bool, typer.Option("--dry-run")]
Yes = Annotated[bool, typer.Option("--yes", "-y")]
# What the writing commands take as typed; spo.writing.inputs checks it.
When = Annotated[str | None, typer.Option("--date")]
Note = Annotated[str | None, typer.Option("--note")]
Source = Annotated[str | None, typer.Option("--source")]
Sources = Annotated[list[str] | None, typer.Option("--source")]
Website = Annotated[str | None, typer.Option("--website")]
