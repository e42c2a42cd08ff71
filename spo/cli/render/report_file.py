"""A report written to a file (`spo report -o FILE`): whole or not at all. The text goes to a
temporary file beside it, is flushed to disk, and replaces the file in one `os.replace`; a
failure leaves any earlier file as it was and says why."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from spo.errors import UsageError


def write_file(path: Path, data: bytes) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
        temporary = None
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise UsageError.of("write.permission-denied", path=str(path)) from None
        if exc.errno == errno.ENOSPC:
            raise UsageError.of("write.disk-full", path=str(path)) from None
        if exc.errno in (errno.ENOENT, errno.ENOTDIR) and not folder.is_dir():
            raise UsageError.of("write.no-folder", path=str(path), folder=str(folder)) from None
        code = errno.errorcode.get(exc.errno or 0, str(exc.errno))
        raise UsageError.of("write.system-error", path=str(path), error=code) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
