"""The `spo` command: thin wrappers that parse options, call the core and render its values.

Every command module registers itself on `app`; `main` is the one error boundary that turns the
core's errors into a message and an exit code, so no traceback ever reaches a user.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

# Command modules register their commands on import.
from spo.cli import validate_cmd  # noqa: F401
from spo.cli.app import app
from spo.errors import RefusedWrite, SpoError

ISSUES_URL = "https://github.com/mersin-spo/spo/issues"


def main(argv: Sequence[str] | None = None) -> None:
    try:
        app(args=list(argv) if argv is not None else None, prog_name="spo")
    except SystemExit:
        raise
    except RefusedWrite as exc:
        print(f"spo: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except SpoError as exc:
        print(f"spo: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("spo: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # the last line of defence: a bug must not show a traceback
        print(
            f"spo: internal error ({type(exc).__name__}: {exc}); this is a bug in spo, "
            f"please report it at {ISSUES_URL} with the command you ran",
            file=sys.stderr,
        )
        sys.exit(1)
