"""A change as a visible, reviewable thing: what a front end (`spo serve`) wrote, collected into
one pending change, shown as `spo diff` shows a change, sent for review as one commit on a new
branch, or discarded.

In: the registry's git repository and the results of the writes (`spo.writing`'s
`WriteResult`); out: values (`Pending`, the `Diff` of `spo.diff`, `Sent`) and `review.*` codes.

- `repo`: git as asked here (arguments, never a shell; timeouts; no prompts);
- `journal`: what was written, per clone, in the git directory, under a lock;
- `pending`: the pending change as a value, its diff, and discarding it;
- `send`: the commit on a new branch (git plumbing: the working tree and the user's index are
  never used), the push, the pull request, and the sent changes' states.
"""

from spo.review.journal import Recording
from spo.review.pending import Pending, PendingFile, PendingRecord, records_of
from spo.review.send import Sent

__all__ = ["Pending", "PendingFile", "PendingRecord", "Recording", "Sent", "records_of"]
