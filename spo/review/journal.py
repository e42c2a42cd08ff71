"""The journal of what a front end (`spo serve`) wrote: one pending change, per clone.

It lives in the git directory (`<git dir>/spo/pending/`, as `git rev-parse --absolute-git-dir`
names it: per clone and per worktree, never committed, never shown by `git status`, kept across
restarts):

- `journal.json`: for each file written (by its path from the repository's top), the sha256 of
  its bytes before the first write (null: it did not exist), of the bytes the last write left,
  and whether a write found the file changed since the one before (an edit by hand or by the
  command line, taken into the pending change);
- `originals/<sha256>`: the bytes before the first write, to put back exactly.

Every read-modify-write of the journal holds `<git dir>/spo/journal.lock` (a `filelock`, as the
record files' writes do), and each file is replaced atomically (`spo.writing.atomic`): an
original's bytes are on disk before the journal names them, so a crash leaves at worst an
original that nothing names, never a journal that names a missing one.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from spo.review.repo import Repo
from spo.rules.errors import SpoError
from spo.writing import atomic
from spo.writing.editing import WriteResult

LOCK_SECONDS = 60
VERSION = 1
# One lock object per lock file: re-entrant in a thread (sending holds it and remembers the sent
# change under it), exclusive between threads (each has its own handle) and processes.
_LOCKS: dict[str, FileLock] = {}


_SHA256 = re.compile(r"[0-9a-f]{64}")


def _sound(path: str, entry: Entry) -> bool:
    """Whether an entry read back is one spo wrote: a relative path inside the repository (no
    "..", no absolute path, no NUL) and two sha256s. A journal edited by hand or by another
    program could otherwise make discard write or delete a file anywhere."""
    parts = path.split("/")
    inside = bool(path) and not path.startswith("/") and "\0" not in path and "\\" not in path
    inside = inside and all(part not in ("", ".", "..") for part in parts)
    hashes = [entry.written] if entry.original is None else [entry.original, entry.written]
    hashes = [h for h in hashes if h != atomic.ABSENT]  # a file the last write left gone
    return inside and all(isinstance(h, str) and _SHA256.fullmatch(h) for h in hashes)


@dataclass(frozen=True)
class Entry:
    original: str | None  # sha256 of the bytes before the first write; None: no such file
    written: str  # sha256 of the bytes the last write left
    outside: bool = False  # a write found the file changed since the one before


class Journal:
    """The journal of the repository `repo`; read and changed only inside `locked()`."""

    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.folder = repo.folder / "pending"
        self.file = self.folder / "journal.json"
        self.originals = self.folder / "originals"

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """The lock of spo's files in the git directory (the journal, the sent changes)."""
        self.repo.folder.mkdir(parents=True, exist_ok=True)
        name = str(self.repo.folder / "journal.lock")
        lock = _LOCKS.setdefault(name, FileLock(name, timeout=LOCK_SECONDS))
        try:
            lock.acquire()
        except Timeout:
            raise SpoError.of("review.journal-locked", seconds=LOCK_SECONDS) from None
        try:
            yield
        finally:
            lock.release()

    @contextlib.contextmanager
    def locked(self) -> Iterator[dict[str, Entry]]:
        """The entries, under the lock; saved when the block changed them (also when it ends
        in an error: what it did to the files is said by the entries it left)."""
        with self.held():
            entries = self.load()
            before = dict(entries)
            try:
                yield entries
            finally:
                if entries != before:
                    self.save(entries)

    def load(self) -> dict[str, Entry]:
        try:
            raw = json.loads(self.file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            raise SpoError.of("review.journal-damaged", path=self.repo.shown(self.file)) from None
        try:
            files = raw["files"] if raw.get("version") == VERSION else None
            assert isinstance(files, dict)
            entries = {
                str(path): Entry(e["original"], str(e["written"]), bool(e.get("outside")))
                for path, e in files.items()
            }
            assert all(_sound(path, entry) for path, entry in entries.items())
            return entries
        except (AssertionError, AttributeError, KeyError, TypeError):
            raise SpoError.of("review.journal-damaged", path=self.repo.shown(self.file)) from None

    def save(self, entries: dict[str, Entry]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        files = {
            path: {"original": e.original, "written": e.written, "outside": e.outside}
            for path, e in sorted(entries.items())
        }
        text = json.dumps({"version": VERSION, "files": files}, indent=1, ensure_ascii=False)
        atomic.replace(self.file, text.encode("utf-8") + b"\n")
        wanted = {e.original for e in entries.values() if e.original}
        if self.originals.is_dir():
            for kept in self.originals.iterdir():
                if kept.name not in wanted:
                    with contextlib.suppress(OSError):
                        kept.unlink()

    def keep_original(self, raw: bytes) -> str:
        """Keep the bytes before a first write; their sha256."""
        name = atomic.fingerprint_of(raw)
        target = self.originals / name
        if atomic.fingerprint(target) != name:
            self.originals.mkdir(parents=True, exist_ok=True)
            atomic.replace(target, raw)
        return name

    def original(self, path: str, entry: Entry) -> bytes | None:
        """The bytes before the first write (None: the file did not exist);
        `review.original-missing` when they are gone from the journal's folder."""
        if entry.original is None:
            return None
        try:
            raw = (self.originals / entry.original).read_bytes()
        except OSError:
            raw = b""
        if atomic.fingerprint_of(raw) != entry.original:
            raise SpoError.of("review.original-missing", path=path)
        return raw


class Recording:
    """Writes being recorded into the journal (`Registry.recording()`): hand it each write's
    result. The journal's lock is held from the start of the block to its end, so that two
    writes recorded at once are recorded in the order they were made."""

    def __init__(self, journal: Journal, entries: dict[str, Entry], root: Path) -> None:
        self._journal = journal
        self._entries = entries
        self._root = root

    def wrote(self, result: WriteResult) -> None:
        """Record a write (a dry run, which wrote nothing, is passed over). The bytes before it
        become the file's original if it is new to the journal; if the journal knew the file
        and its bytes are not those of the last recorded write, the file was changed in
        between (by hand, or by the command line), and its entry says so from then on."""
        if not result.written:
            return
        before = result.bytes_before()
        self._record(result.path, before, result.bytes_after())
        for shown in result.also_written:  # files a write creates alongside (a schema)
            path = self._root / shown
            with contextlib.suppress(OSError):
                self._record(path, None, path.read_bytes())

    def _record(self, path: Path, before: bytes | None, after: bytes) -> None:
        name = self._journal.repo.relative(path)
        known = self._entries.get(name)
        if known is None:
            original = None if before is None else self._journal.keep_original(before)
            self._entries[name] = Entry(original, atomic.fingerprint_of(after))
            return
        was = atomic.ABSENT if before is None else atomic.fingerprint_of(before)
        outside = known.outside or was != known.written
        self._entries[name] = Entry(known.original, atomic.fingerprint_of(after), outside)
