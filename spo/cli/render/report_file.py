"""A report written to a file (`spo report -o FILE`): whole or not at all, and only where a file
belongs. The target is checked before the report is computed (`check_output`: its folder exists,
it is not a device, a FIFO or a record's folder, and an existing file is replaced only with
--force); the text then goes to a temporary file beside it that replaces it in one rename
(`spo.writing.outputs`, as every output of spo's)."""

from __future__ import annotations

from pathlib import Path

from spo.api import UsageError, check_target, write_files


def check_output(path: Path, force: bool, root: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError.of("write.no-folder", path=str(path), folder=str(folder))
    check_target(path, force=force, registry=root)


def write_file(path: Path, data: bytes) -> None:
    write_files([(path, data)], path)
