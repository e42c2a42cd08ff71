"""A report written to a file (`spo report -o FILE`): whole or not at all. The text goes to a
temporary file beside it and replaces the file in one rename (`spo.writing.atomic.replace`, as
every write of spo's); a failure leaves any earlier file as it was and says why."""

from __future__ import annotations

import errno
from pathlib import Path

from spo.errors import UsageError
from spo.writing import atomic


def write_file(path: Path, data: bytes) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    try:
        atomic.replace(path, data)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise UsageError.of("write.permission-denied", path=str(path)) from None
        if exc.errno == errno.ENOSPC:
            raise UsageError.of("write.disk-full", path=str(path)) from None
        if exc.errno in (errno.ENOENT, errno.ENOTDIR) and not folder.is_dir():
            raise UsageError.of("write.no-folder", path=str(path), folder=str(folder)) from None
        code = errno.errorcode.get(exc.errno or 0, str(exc.errno))
        raise UsageError.of("write.system-error", path=str(path), error=code) from None
