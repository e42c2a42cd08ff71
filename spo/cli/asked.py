"""A write after questions: what it will write is shown before "Write this?", and what was typed
is never lost.

Once every answer is in, the command shows the records by name, the file it will change and the
lines it will add, and asks. A write that is still refused (an editor changed the file meanwhile,
a check of the whole record found something) keeps the answers: spo prints the one-line command
that does the same without questions, shell-quoted to paste, and exits 1 with nothing written.
A write that succeeds ends with the same line, so staff learn the options.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from spo.api import SpoError
from spo.cli import words
from spo.cli.language import Lang
from spo.cli.prompts import ask_yes, say
from spo.cli.render import console
from spo.cli.render.escape import shell_word, terminal
from spo.cli.render.problems import one_line, one_line_values

if TYPE_CHECKING:
    from spo.api import WriteResult

# An option and what it was given: None leaves it out, a list repeats it, True is a flag alone.
Given = tuple[str, "str | int | bool | Sequence[str] | None"]


def report(result: WriteResult, lang: Lang, created: bool = False) -> None:
    """What a write did: the file and its new lines, or with `--dry-run` a diff."""
    if not result.written:
        # What the file would hold, on a terminal: its values' controls shown escaped.
        typer.echo("\n".join(map(terminal, result.diff().split("\n"))), nl=False)
        console.warn(say("dry-run", lang))
        return
    console.tell(say("created" if created else "wrote", lang, path=result.shown_path))
    _lines(result)
    for path in result.also_written:
        console.warn(say("also-wrote", lang, path=path))


def _lines(result: WriteResult) -> None:
    width = len(str(result.added_lines[-1][0])) if result.added_lines else 1
    for number, text in result.added_lines:
        typer.echo(f"  {number:>{width}} | {terminal(text)}")


def command_line(ctx: typer.Context, root: Path | None, given: Sequence[Given]) -> str:
    """The command that does what the answers did, without a question, quoted for a shell
    (`root`: the `--root` the user gave, if any)."""
    parts = ctx.command_path.split()
    if root is not None:
        parts[1:1] = ["--root", str(root)]
    for option, value in given:
        if value is None or value is False:
            continue
        if value is True:
            parts.append(option)
        elif isinstance(value, (str, int)):
            parts += [option, str(value)]
        else:
            for each in value:
                parts += [option, each]
    return " ".join(map(shell_word, parts))


def write_asked(
    write: Callable[[bool], WriteResult],
    line: str,
    lang: Lang,
    *,
    yes: bool,
    dry_run: bool,
    created: bool = False,
) -> None:
    """Show what `write` will write and ask; then write. `write(True)` previews, writing nothing.

    A refusal at any step prints the error and `line`, and exits with the error's code (1 for a
    refused write)."""
    try:
        if not dry_run and not yes:
            preview = write(True)
            heading = "will-create" if created else "will-write"
            typer.echo(say(heading, lang, path=preview.shown_path))
            if created:
                typer.echo("\n".join(map(terminal, preview.new_text.split("\n"))), nl=False)
            else:
                _lines(preview)
            if not ask_yes(say("confirm", lang), lang):
                console.tell(say("cancelled", lang))
                typer.echo(say("as-command", lang, command=line), err=True)
                raise typer.Exit(0)
        result = write(dry_run)
    except SpoError as exc:
        message = words.render(one_line_values(exc.message), lang)
        console.warn(one_line(words.say("cli.error", lang, message=message)))
        typer.echo(say("retry", lang, command=line), err=True)
        raise typer.Exit(exc.exit_code) from None
    report(result, lang, created)
    typer.echo(say("as-command", lang, command=line), err=True)


def named_as(name: str | None, record_id: str) -> str:
    """A record as a confirmation shows it: "Bayraklı Belediyesi (izmir-bayrakli)"."""
    return f"{name} ({record_id})" if name else record_id


def summary(rows: Sequence[tuple[str, str | None]], lang: Lang) -> None:
    """The answers, one a line, their labels aligned."""
    width = max(len(say(key, lang)) for key, _ in rows)
    for key, value in rows:
        typer.echo(f"{say(key, lang) + ':':<{width + 1}} {one_line(value or '-')}")
