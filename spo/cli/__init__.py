"""The `spo` command: thin wrappers that parse options, call the core and render its values.

Every command module registers itself on `app`; `main` is the one error boundary that turns the
core's errors into a message and an exit code, so no traceback ever reaches a user.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

# Command modules register their commands on import.
from spo.cli import find_cmds, new_cmds, report_cmd, validate_cmd, write_cmds  # noqa: F401
from spo.cli.app import app
from spo.errors import SpoError


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


def main(argv: Sequence[str] | None = None) -> None:
    _utf8_streams()
    try:
        app(args=list(argv) if argv is not None else None, prog_name="spo")
    except SystemExit:
        raise
    except SpoError as exc:
        print(f"spo: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("spo: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # the last line of defence: a bug must not show a traceback
        print(
            f"spo: internal error ({type(exc).__name__}: {exc}); this is a bug in spo: "
            "please report it to the spo maintainers with the command you ran",
            file=sys.stderr,
        )
        sys.exit(1)
