"""A lock around each read-modify-write, and a replace that leaves the old file or the new one.

The lock is a `filelock.FileLock` on `<root>/.spo-cache/locks/data/<folder>/<name>.lock`, one
ignored place outside the data folders (the folder holds a `.gitignore` of `*`, as the read cache
does, so no lock file is ever committed). It is taken on a separate file, not on the record,
because the record's inode is swapped by every replace: a waiter holding the old inode would not
exclude a newcomer on the new one. For the same reason the lock file is never deleted. Lock files
that spo used to leave beside the records (`.<name>.lock`) are removed by the next write.

The new content goes to a temporary file `.<name>.XXXXXXXX.tmp` in the same folder (so the rename
cannot cross file systems), is flushed to disk, and replaces the record with one `os.replace`: a
crash at any point leaves either the whole old file or the whole new one, and perhaps the
temporary file. Temporary files are made only under the lock, so any found by a writer holding
the lock belongs to a run that died: `locked` removes them.

An editor does not take spo's lock, so it can save the record after spo read it. `replace` is
given the fingerprint (sha256) of the bytes spo read and compares it with the file once the new
content is on disk, just before the rename: if they differ it raises `Changed` and replaces
nothing, and the caller reads the file again. What is left is the moment between that comparison
and the rename, a few microseconds instead of the whole edit.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

LOCK_TIMEOUT_SECONDS = 60
# Windows refuses to replace a file another program has open for a moment (a virus scanner,
# an editor reading it); a few short retries ride that out.
_REPLACE_ATTEMPTS = 10 if os.name == "nt" else 1


ABSENT = "absent"  # the fingerprint of a file that does not exist


class LockTimeout(Exception):
    """Another writer held the lock for longer than LOCK_TIMEOUT_SECONDS."""


class Changed(Exception):
    """The file is no longer the one spo read: another program saved it in the meantime."""


def fingerprint_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fingerprint(path: Path) -> str:
    """The fingerprint of the file's bytes now, or ABSENT."""
    try:
        return fingerprint_of(path.read_bytes())
    except FileNotFoundError:
        return ABSENT


LOCK_FOLDER = Path(".spo-cache", "locks")


def lock_path(root: Path, path: Path) -> Path:
    """Where the lock of `path`, a file of the registry at `root`, is kept."""
    return root / LOCK_FOLDER / path.relative_to(root).parent / f"{path.name}.lock"


def _lock_folder(root: Path, lock: Path) -> None:
    lock.parent.mkdir(parents=True, exist_ok=True)
    ignore = root / LOCK_FOLDER.parent / ".gitignore"
    if not ignore.exists():
        with contextlib.suppress(OSError):
            ignore.write_text("*\n", encoding="utf-8")


@contextlib.contextmanager
def locked(root: Path, path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the exclusive lock of `path` (a record file, existing or about to be created), and
    clear what runs that died left beside it."""
    from filelock import FileLock, Timeout

    lock_file = lock_path(root, path)
    _lock_folder(root, lock_file)
    lock = FileLock(str(lock_file), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise LockTimeout(str(path)) from None
    try:
        remove_leftovers(path)
        yield
    finally:
        lock.release()


def _temp_pattern(path: Path) -> re.Pattern[str]:
    # tempfile.mkstemp's names: the prefix, 8 characters of [a-z0-9_], the suffix.
    return re.compile(re.escape(f".{path.name}.") + r"[a-z0-9_]{8}\.tmp")


def remove_leftovers(path: Path) -> None:
    """Remove the temporary files of `path` left by killed runs (the caller holds the lock, and
    temporary files are made only under it), and a lock file of an older spo beside it."""
    pattern = _temp_pattern(path)
    try:
        names = [e.name for e in os.scandir(path.parent) if e.name.startswith(f".{path.name}.")]
    except OSError:
        return
    for name in names:
        if pattern.fullmatch(name) or name == f".{path.name}.lock":
            with contextlib.suppress(OSError):
                (path.parent / name).unlink()


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def replace(path: Path, data: bytes, expected: str | None = None) -> None:
    """Write `data` to `path` atomically, keeping the permissions of the file it replaces.

    With `expected` (the fingerprint of what the caller read, or ABSENT), raise `Changed` and
    leave the file alone if it no longer matches."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = _new_file_mode()
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        if expected is not None and fingerprint(path) != expected:
            raise Changed(str(path))
        _replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _sync_folder(path.parent)


def _replace(source: Path, target: Path) -> None:
    for attempt in range(_REPLACE_ATTEMPTS):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == _REPLACE_ATTEMPTS - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to sync)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
