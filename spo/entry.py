"""The entry point of the `spo` command and of `python -m spo`.

Nothing but this: a Ctrl-C while spo's modules are still being imported is one line and exit 130,
like a Ctrl-C at any later moment, not a traceback nor a death by the signal. Once the command
line is running, `spo.cli.main` takes Ctrl-C back as a KeyboardInterrupt, so that a write that is
interrupted cleans up after itself.
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C


def _interrupted_at_start(signum: int, frame: FrameType | None) -> None:
    """Said in the user's language where the words can be read yet; nothing is open to clean up,
    so the process ends here."""
    try:
        # Here: Ctrl-C may come while the CLI itself is being imported.
        from spo.cli.language import choose
        from spo.cli.words import say

        line = say("cli.interrupted", choose(sys.argv[1:]))
    except Exception:  # noqa: BLE001 - interrupted while those very modules were imported
        line = "spo: interrupted"
    os.write(2, (line + "\n").encode("utf-8", "replace"))
    os._exit(EXIT_INTERRUPTED)


def main() -> None:
    signal.signal(signal.SIGINT, _interrupted_at_start)
    # Imported after the handler is set, so a Ctrl-C during start-up is caught.
    from spo.cli import main as run

    run()
