"""A lock around each read-modify-write, and a replace that leaves the old file or the new one.

The lock is a `filelock.FileLock` on `<root>/.spo-cache/locks/data/<folder>/<name>.lock`, one
ignored place outside the data folders (the folder holds a `.gitignore` of `*`, as the read cache
does, so no lock file is ever committed). It is taken on a separate file, not on the record,
because the record's inode is swapped by every replace: a waiter holding the old inode would not
exclude a newcomer on the new one. For the same reason the lock file is never deleted. Lock files
that spo used to leave beside the records (`.<name>.lock`) are removed by the next write.

The new content goes to a temporary file `.<name>.XXXXXXXX.tmp` in `<root>/.spo-cache/tmp/`
(beside the record if that is on another file system: a rename cannot cross one), is flushed to
disk, and replaces the record with one `os.replace`: a crash at any point leaves either the whole
old file or the whole new one, and nothing in `data/`. Temporary files are made only under the
lock, so any that a writer holding the lock finds belongs to a run that died: `locked` removes
them.

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


CACHE = Path(".spo-cache")  # shared with the read cache (spo.query.reading)
LOCK_FOLDER = CACHE / "locks"
TEMP_FOLDER = CACHE / "tmp"


def _mirror(root: Path, base: Path, path: Path) -> Path:
    """The folder under `root/base` that stands for the folder of `path`."""
    return root / base / path.relative_to(root).parent


def lock_path(root: Path, path: Path) -> Path:
    """Where the lock of `path`, a file of the registry at `root`, is kept."""
    return _mirror(root, LOCK_FOLDER, path) / f"{path.name}.lock"


def temp_folder(root: Path, path: Path) -> Path:
    """Where the new content of `path` is written before the rename: under `.spo-cache`, so a
    run killed mid-write leaves nothing in `data/`, unless that is another file system (a
    rename cannot cross one, e.g. `data/` mounted elsewhere); then beside the record."""
    folder = _mirror(root, TEMP_FOLDER, path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if folder.stat().st_dev == path.parent.stat().st_dev:
            return folder
    except OSError:
        pass
    return path.parent


def _make_cache(root: Path) -> None:
    (root / CACHE).mkdir(exist_ok=True)
    ignore = root / CACHE / ".gitignore"
    if not ignore.exists():
        with contextlib.suppress(OSError):
            ignore.write_text("*\n", encoding="utf-8")


@contextlib.contextmanager
def locked(root: Path, path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the exclusive lock of `path` (a record file, existing or about to be created), and
    clear what runs that died left of it."""
    # Here: the lock library is loaded only once a write begins.
    from filelock import FileLock, Timeout

    lock_file = lock_path(root, path)
    _make_cache(root)
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(lock_file), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise LockTimeout(str(path)) from None
    try:
        remove_leftovers(path, _mirror(root, TEMP_FOLDER, path))
        remove_leftovers(path, path.parent)
        yield
    finally:
        lock.release()


def _temp_pattern(path: Path) -> re.Pattern[str]:
    # tempfile.mkstemp's names: the prefix, 8 characters of [a-z0-9_], the suffix.
    return re.compile(re.escape(f".{path.name}.") + r"[a-z0-9_]{8}\.tmp")


def remove_leftovers(path: Path, folder: Path) -> None:
    """Remove from `folder` the temporary files of `path` left by killed runs (the caller holds
    the lock, and temporary files are made only under it), and a lock file that an older spo
    kept beside the record."""
    pattern = _temp_pattern(path)
    try:
        names = [e.name for e in os.scandir(folder) if e.name.startswith(f".{path.name}.")]
    except OSError:
        return
    for name in names:
        if pattern.fullmatch(name) or name == f".{path.name}.lock":
            with contextlib.suppress(OSError):
                (folder / name).unlink()


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    """The permissions a new file gets by the user's umask (mkstemp's are 0600)."""
    return 0o666 & ~umask()


def replace(
    path: Path, data: bytes, expected: str | None = None, temp_in: Path | None = None
) -> None:
    """Write `data` to `path` atomically, keeping the permissions of the file it replaces.

    The temporary file is made in `temp_in` (see `temp_folder`; by default beside `path`). With
    `expected` (the fingerprint of what the caller read, or ABSENT), raise `Changed` and leave
    the file alone if it no longer matches."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = new_file_mode()
    folder = temp_in or path.parent
    fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
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
    sync_folder(path.parent)


def _replace(source: Path, target: Path) -> None:
    for attempt in range(_REPLACE_ATTEMPTS):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == _REPLACE_ATTEMPTS - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to sync)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
