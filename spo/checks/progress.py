"""How far a run of checks has got: in, how many files are done as they finish; out, each new
count told to a `Progress` (e.g. the terminal's progress bar) as (done, of how many)."""

from __future__ import annotations

from collections.abc import Callable

# Told how many files are done, of how many.
Progress = Callable[[int, int], None]


class Tally:
    """The files done so far, told to `progress` (if any) each time more are done."""

    def __init__(self, total: int, done: int, progress: Progress | None) -> None:
        self.total = total
        self.done = done
        self.progress = progress

    def advance(self, count: int) -> None:
        """Count `count` more files done. First called once the pool has started, so that a
        progress bar's thread never runs while workers are being forked."""
        self.done += count
        if self.progress:
            self.progress(self.done, self.total)
