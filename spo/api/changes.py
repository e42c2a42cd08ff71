"""The pending change of `spo.api.Registry`: what a front end wrote, collected, shown, sent for
review or discarded (`spo.review`). The registry's folder must be in a git repository
(`review.not-git` otherwise).

    with registry.recording() as recording:
        recording.wrote(registry.add_stage("kadin-ustalar", "istanbul-uskudar", "presentation"))
    pending = registry.pending()            # its files, each added or changed, and their state
    diff = registry.pending_diff()          # what it does, as `spo diff` says it
    names = registry.pending_records(diff)  # the records it names, for a commit message
    sent = registry.send_for_review("Üsküdar: sunum aşaması")  # a branch; pushed, a pull request
    registry.sent()                         # the changes sent and not merged, with their state
    registry.discard()                      # or: every file put back exactly
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spo.diff import Diff
    from spo.review import Pending, PendingRecord, Recording, Sent
    from spo.review.repo import Repo


class Changes:
    """The registry's pending change: see `spo.review` for where it is kept and the order in
    which a change is sent."""

    root: Path

    def _repo(self) -> Repo:
        from spo.review.repo import Repo

        return Repo(self.root)

    @contextmanager
    def recording(self) -> Iterator[Recording]:
        """Record the writes of the block into the pending change: give `wrote` each write's
        result. The journal's lock is held for the block, so make the writes inside it."""
        from spo.review.journal import Journal, Recording

        journal = Journal(self._repo())
        with journal.locked() as entries:
            yield Recording(journal, entries, self.root)

    def has_pending(self) -> bool:
        """Whether anything is pending: the journal alone, read without its lock (one git
        process to find it), for a banner on every page; `pending()` says what and how."""
        from spo.review.journal import Journal

        return bool(Journal(self._repo()).load())

    def pending(self) -> Pending:
        """The pending change: each file with its state (as written, edited since, removed),
        and the uncommitted changes outside it."""
        from spo.review.pending import read_pending

        return read_pending(self._repo(), self.root)

    def pending_diff(self, *, as_of: date | None = None, pending: Pending | None = None) -> Diff:
        """What the pending change does (HEAD against HEAD with the pending files as they are
        now), as `spo diff` computes it; of `pending`, when the caller has just read it."""
        from spo.review.pending import pending_diff, read_pending

        repo = self._repo()
        if pending is None:
            pending = read_pending(repo, self.root)
        return pending_diff(repo, self.root, pending, as_of or date.today())

    def pending_records(self, diff: Diff | None = None) -> tuple[PendingRecord, ...]:
        """The records the pending change adds or changes (of `diff`, when already computed),
        with their names: for the message of `send_for_review`."""
        from spo.review.pending import records_of

        return records_of(diff if diff is not None else self.pending_diff())

    def send_for_review(
        self, message: str, *, branch: str | None = None, force: bool = False
    ) -> Sent:
        """Commit the pending files on a new branch from HEAD (by default
        `spo/degisiklik-<time>`), put the files back as they were, push the branch and open a
        pull request where the repository allows it. Refused with nothing changed for an empty
        message, no git identity, a bad or existing branch, nothing pending, or (unless `force`)
        a file edited since its last recorded write. A failed push or pull request is said in
        the result (`failure`), the branch kept: `push_again` tries again."""
        from spo.review.send import send

        return send(self._repo(), self.root, message, branch, force=force)

    def push_again(self, branch: str) -> Sent:
        """Push a sent change's branch (and open its pull request) again."""
        from spo.review.send import push_again

        return push_again(self._repo(), branch)

    def sent(self) -> tuple[Sent, ...]:
        """The changes sent for review, each with its state (`open`, `merged`, `closed`,
        `branch-waiting`, `unknown`); a merged one is forgotten after it is shown."""
        from spo.review.send import sent_changes

        return sent_changes(self._repo())

    def discard(self, *, force: bool = False) -> tuple[str, ...]:
        """Put every pending file back exactly as it was (a file the change added is removed)
        and clear the pending change; the files put back. Refused, with nothing changed, for a
        file edited since its last recorded write, unless `force`."""
        from spo.review.pending import discard

        return discard(self._repo(), self.root, force)
