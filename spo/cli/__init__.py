"""The `spo` command: thin wrappers that parse options, call the core and render its values.

`main` chooses the language before anything is parsed (`--lang`, `$SPO_LANG`, the locale), builds
the command line in that language, and is the one error boundary: the core's errors, the command
line's usage errors, Ctrl-C and a closed pipe each become one line in the user's language and an
exit code. No traceback ever reaches a user.

Start-up is kept short: `spo --version` is answered here before click or typer is imported, and
the command modules are imported only when a command is run or its help is shown
(`spo.cli.commandline`). Everything else (click, the command line, the words, the console) is
imported inside the functions that need it, so that `spo --version` imports nothing but this
module and `spo.cli.language` (tests/test_startup.py).
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Sequence

from spo import __version__
from spo.cli import language

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C
EXIT_INTERNAL = 3  # a bug in spo: not 1 ("the registry has problems"), so CI can tell them apart


def _utf8_streams() -> None:
    """Turkish text must never crash output: piped output is UTF-8 (as JSON and CSV promise),
    and a console that cannot show a letter gets a replacement character instead of an error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            if stream.isatty():
                reconfigure(errors="replace")
            else:
                reconfigure(encoding="utf-8", errors="replace")
        except (OSError, ValueError):
            pass


def _quiet_stdout() -> None:
    """After the reader closed the pipe: send what is left to nowhere, so that Python's own
    flush at exit does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _fail(text: str, code: int) -> None:
    """The error's lines, with no raw control character left in them (a value typed or read
    cannot move the cursor, clear the screen or recolour the terminal)."""
    from spo.cli.render.console import wrapped
    from spo.cli.render.problems import one_line

    lines = "\n".join(one_line(line) for line in text.split("\n"))
    print(wrapped(lines, sys.stderr), file=sys.stderr)
    sys.exit(code)


def _only_version(args: list[str]) -> bool:
    """`spo --version`, maybe after `--root X` or `--lang X`: the command line would answer it
    with the version alone (the option is eager), so it is answered without building one."""
    index = 0
    while index < len(args) - 1:
        name, equals, value = args[index].partition("=")
        if name not in ("--root", "--lang"):
            break
        if not equals:
            index += 1
            value = args[index]
        if name == "--lang" and value not in language.LANGS:
            return False
        index += 1
    return args[index:] == ["--version"]


def main(argv: Sequence[str] | None = None) -> None:
    # From here a Ctrl-C is a KeyboardInterrupt again (`spo.entry` said it alone at start-up).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    lang: language.Lang = "en"
    try:
        args = list(sys.argv[1:] if argv is None else argv)
        lang = language.choose(args)
        _utf8_streams()
        if _only_version(args):
            print(f"spo {__version__}")
            sys.exit(0)
        _run(args, lang)
    except SystemExit:
        _done()
        raise
    except KeyboardInterrupt:  # Ctrl-C at any moment, also while the modules are imported
        _interrupted(lang)
    except Exception as exc:  # even wording an error failed: still one line, no traceback
        print(f"spo: internal error ({type(exc).__name__}: {exc})", file=sys.stderr)
        sys.exit(EXIT_INTERNAL)


def _done() -> None:
    """The run is over and its exit code said: a Ctrl-C now changes nothing (it would kill the
    interpreter while it shuts down, by the signal, with no word)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _interrupted(lang: language.Lang) -> None:
    """One line and exit 130; a second Ctrl-C while it is said changes nothing."""
    _done()
    try:
        from spo.cli.words import say

        line = say("cli.interrupted", lang)
    except Exception:  # noqa: BLE001 - the catalogue could not be read: the words are the code's
        line = "spo: interrupted"
    print(line, file=sys.stderr)
    # CPython remembers a KeyboardInterrupt that ended a string `exec` (dataclasses and
    # namedtuple build their methods so) and, under `python -m spo`, kills itself by SIGINT at
    # exit although the interrupt was caught. A string `exec` resets that memory, so the exit
    # code is the one said here.
    exec("", {})  # noqa: S102 - a constant, empty program
    sys.exit(EXIT_INTERRUPTED)


def _run(args: list[str], lang: language.Lang) -> None:
    import click

    from spo.api import SpoError
    from spo.cli.app import Settings
    from spo.cli.commandline import build
    from spo.cli.render.console import OutputClosed
    from spo.cli.render.problems import one_line_values
    from spo.cli.words import render, say

    try:
        command = build(lang)
        code = command.main(
            args=args, prog_name="spo", standalone_mode=False, obj=Settings(None, lang)
        )
    except SpoError as exc:
        message = render(one_line_values(exc.message), lang)
        _fail(say("cli.error", lang, message=message), exc.exit_code)
    except click.UsageError as exc:
        path = exc.ctx.command_path if exc.ctx else "spo"
        hint = say("cli.try-help", lang, command=path)
        _fail(f"{say('cli.error', lang, message=exc.format_message())}\n{hint}", exc.exit_code)
    except click.ClickException as exc:
        _fail(say("cli.error", lang, message=exc.format_message()), exc.exit_code)
    except (click.Abort, KeyboardInterrupt):
        _interrupted(lang)
    except (OutputClosed, BrokenPipeError):
        _quiet_stdout()
        sys.exit(0)
    except Exception as exc:  # the last line of defence: a bug must not show a traceback
        error = f"{type(exc).__name__}: {exc}"
        _fail(say("cli.internal-error", lang, error=error), EXIT_INTERNAL)
    if code == EXIT_INTERRUPTED:
        _interrupted(lang)
    sys.exit(code or 0)
