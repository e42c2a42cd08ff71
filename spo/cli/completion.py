"""Shell completion for the command options: project and municipality ids (each with its
name), matched anywhere in the id or the name, read from the registry named by the --root typed so
far, and a vocabulary's values (each with its labels). Completion runs inside the user's shell, so
it never fails loudly.

Imports inside the functions: the shell asks for completions on every Tab, so the registry and
the index are imported only when ids are completed."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import click
import typer
from click.shell_completion import CompletionItem

from spo.api import Vocabulary


def _given_root(ctx: typer.Context | None) -> Path | None:
    """The --root typed so far on the command line being completed."""
    if ctx is None:
        return None
    value = ctx.find_root().params.get("root")
    return Path(value) if value else None


def _several_for_bash(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Bash shows only completion values, never their help: when several ids match, each value
    reads "id  (name)" so that the list bash prints names them. One match stays a bare id, so
    Tab still types just the id; when bash types the values' common beginning, it is part of an
    id, since no two ids are alike. Typer asks bash's candidates with `_SPO_COMPLETE=complete_bash`
    (click's own `bash_complete` is refused by typer before anything is completed)."""
    if len(found) < 2 or os.environ.get("_SPO_COMPLETE") != "complete_bash":
        return found
    return [(f"{i}  ({name})" if name else i, name) for i, name in found]


def _complete_ids(kind: str, incomplete: str, ctx: typer.Context | None) -> list[tuple[str, str]]:
    """(id, name) pairs for the ids or names with `incomplete` anywhere in them, folded as search
    folds ("usk" finds istanbul-uskudar, Üsküdar Belediyesi). Completion runs inside the user's
    shell, so a missing or broken registry gives no candidates rather than an error."""
    # lazy: spo.cli.options imports this module on every start (`spo --help`); the index is
    # read only when a shell asks for completions
    from spo.api import Registry, SpoError, folded_words

    try:
        rows = Registry.at(_given_root(ctx)).rows(kind)
    except (SpoError, OSError, ValueError):
        return []
    typed = " ".join(folded_words([incomplete])[0])
    found = sorted(
        (str(r["id"]), str(r["name"]))
        for r in rows
        if incomplete in str(r["id"]) or any(typed in name for name in r["names"])
    )
    return _several_for_bash(found)


def complete_project_id(incomplete: str, ctx: typer.Context | None = None) -> list[tuple[str, str]]:
    """Project ids for shell completion, each with the project's name."""
    return _complete_ids("project", incomplete, ctx)


def complete_municipality_id(
    incomplete: str, ctx: typer.Context | None = None
) -> list[tuple[str, str]]:
    """Municipality ids for shell completion, each with the municipality's name."""
    return _complete_ids("municipality", incomplete, ctx)


class RecordId(click.types.StringParamType):
    """An option or argument naming a project or municipality: any text (an id or a name,
    resolved by the command), completed with the ids and names that hold what was typed anywhere.
    (Typer's `autocompletion=` keeps only values that begin with what was typed, so the matching
    lives here, in the parameter's type, where click asks for it.)"""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        found = _complete_ids(self.kind, incomplete, ctx)  # type: ignore[arg-type]
        return [CompletionItem(value, help=name or None) for value, name in found]


PROJECT_ID = RecordId("project")
MUNICIPALITY_ID = RecordId("municipality")


def complete_values(vocab: Vocabulary) -> Callable[[str], list[tuple[str, str]]]:
    """Shell completion of a vocabulary's values, each with its labels."""

    def complete(incomplete: str) -> list[tuple[str, str]]:
        return [
            (t.value, f"{t.tr} / {t.en}") for t in vocab.terms if t.value.startswith(incomplete)
        ]

    return complete
