"""Files spo writes where the user says (`report -o`, `export`, `schema --write`, `init`): whole
or not at all, and only where a file belongs.

`check_target` runs before anything is computed, and refuses (a usage error, exit 2) a target
that is not a regular file (a device such as `/dev/full`, a FIFO, a socket: replacing it with a
file would destroy it, and writing into it saves nothing), one inside a registry's `data/` (only
spo's write commands put files there, each checked as a record), and an existing file unless
`force`. Nothing is opened to find out.

`write_files` then writes every file under a temporary name beside its target (or, for a folder
that does not exist yet, the whole folder under a temporary name beside it), and only once all are
written renames them into place. A full disk, a read-only file system or a refused permission is
one error (exit 1) that names the cause, and leaves nothing behind: no temporary file, no empty
folder, no half of the files.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from spo.files.registry import FOLDERS
from spo.rules.errors import SpoError, UsageError
from spo.writing import atomic

# What a file holds: its bytes, or a function that writes it at the path it is given (SQLite
# writes its own database).
Content = bytes | Callable[[Path], None]

# Errors of the file system that a person can act on, by errno; any other is named by its code.
WRITE_ERRORS = {
    errno.EACCES: "permission-denied",
    errno.EPERM: "permission-denied",
    errno.ENOSPC: "disk-full",
    getattr(errno, "EDQUOT", errno.ENOSPC): "disk-full",  # a quota (no EDQUOT on Windows)
    errno.EROFS: "read-only",
}

# Each a `write.<reason>` message (a record's write) and an `output.<reason>` one (an output's).
WRITE_REASONS = frozenset([*WRITE_ERRORS.values(), "failed"])


def write_failure(exc: OSError, prefix: str, label: str) -> SpoError:
    """The error (exit 1) that says why writing `label` failed: `<prefix>.<reason>`, or
    `<prefix>.failed` with the system's error code."""
    reason = WRITE_ERRORS.get(exc.errno or 0)
    if reason:
        return SpoError.of(f"{prefix}.{reason}", path=label)
    code = errno.errorcode.get(exc.errno or 0, "?")
    return SpoError.of(f"{prefix}.failed", path=label, error=code)


def _data_folders(target: Path, registry: Path | None) -> Iterator[Path]:
    """The registry's data folder, and any folder above `target` that is a registry's `data/`
    (it holds `projects/` or `municipalities/`)."""
    if registry is not None:
        yield (registry / "data").resolve()
    for folder in target.parents:
        if folder.name == "data" and any((folder / f).is_dir() for f in FOLDERS.values()):
            yield folder


def check_target(path: Path, *, force: bool, registry: Path | None = None) -> None:
    """Refuse, before anything is written or computed, a target spo must not write to."""
    resolved = path.resolve()
    for data in _data_folders(resolved, registry):
        if resolved == data or resolved.is_relative_to(data):
            raise UsageError.of("output.in-data", path=str(path), data=str(data))
    try:
        info = os.stat(path)  # follows a link: what it points at is what would be written
    except FileNotFoundError:
        return
    except OSError as exc:
        raise write_failure(exc, "output", str(path)) from None
    if stat.S_ISDIR(info.st_mode):
        raise UsageError.of("usage.export-is-folder", path=str(path))
    if not stat.S_ISREG(info.st_mode):
        raise UsageError.of("output.special-file", path=str(path))
    if not force:
        raise UsageError.of("usage.export-exists", path=str(path))


def _put(path: Path, content: Content) -> None:
    """Write one file whole, with the user's usual permissions, and flush it to the disk."""
    os.chmod(path, atomic.new_file_mode())
    if callable(content):
        content(path)
    else:
        path.write_bytes(content)
    with path.open("rb+") as written:
        os.fsync(written.fileno())


def _missing_top(folder: Path) -> Path | None:
    """The highest folder of `folder`'s line that does not exist yet, if any."""
    top = None
    while not folder.exists() and folder != folder.parent:
        top, folder = folder, folder.parent
    return top


def _temporary_file(target: Path) -> Path:
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    return Path(name)


def write_files(
    files: Sequence[tuple[Path, Content]], label: Path, folder: Path | None = None
) -> None:
    """Write every file, or none: see the module's docstring. `label` names the output in an
    error (the file or folder the user gave); `folder`, when the output is a folder, is written
    whole under a temporary name if it does not exist yet."""
    staged: list[tuple[Path, Path]] = []  # (temporary, target)
    made: list[Path] = []  # folders made here, top first; removed should a write fail
    try:
        new_top = _missing_top(folder) if folder is not None else None
        if new_top is not None:
            _write_folder(new_top, files)
            return
        for target, content in files:
            top = _missing_top(target.parent)
            if top is not None:
                target.parent.mkdir(parents=True)
                made.append(top)
            staged.append((_temporary_file(target), target))
            _put(staged[-1][0], content)
        for temporary, target in staged:
            os.replace(temporary, target)
    except OSError as exc:
        for temporary, _ in staged:
            with contextlib.suppress(OSError):
                temporary.unlink()
        for top in reversed(made):
            shutil.rmtree(top, ignore_errors=True)
        raise write_failure(exc, "output", str(label)) from None
    for written in {target.parent for target, _ in files}:
        atomic.sync_folder(written)


def _write_folder(folder: Path, files: Sequence[tuple[Path, Content]]) -> None:
    """A folder that does not exist yet (with every file under it): written whole under a
    temporary name beside it, then renamed into place, so that a failure leaves no folder."""
    temporary = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.", suffix=".tmp"))
    try:
        os.chmod(temporary, 0o777 & ~atomic.umask())
        for target, content in files:
            inside = temporary / target.relative_to(folder)
            inside.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(inside, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
            _put(inside, content)
        os.rename(temporary, folder)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    atomic.sync_folder(folder.parent)
