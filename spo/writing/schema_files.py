"""The schemas a registry's records point at, as files: every record spo writes starts with the line
`# yaml-language-server: $schema=../../schemas/<kind>.schema.json`, and `ensure_schema` writes that
schema into the registry when it is missing, so the line always resolves (an existing schema file
is left as it is: `spo schema --write schemas --force` refreshes it). The schemas themselves are
built by `spo.rules.schemas`.
"""

from __future__ import annotations

from pathlib import Path

from spo.rules import schemas
from spo.writing import atomic

SCHEMA_FOLDER = "schemas"


def schema_file(root: Path, kind: str) -> Path:
    return schemas.schema_path(root / SCHEMA_FOLDER, kind)


def schema_files(folder: Path) -> list[tuple[Path, bytes]]:
    """Both schemas, as files of `folder` (`spo.writing.outputs.write_files` writes them)."""
    return [
        (schemas.schema_path(folder, kind), schemas.render(kind).encode("utf-8"))
        for kind in schemas.KINDS
    ]


def ensure_schema(root: Path, kind: str) -> Path | None:
    """Write `<root>/schemas/<kind>.schema.json` if it is missing: the schema that a record's
    `$schema` line points at. The file written, or None when it was there already."""
    path = schema_file(root, kind)
    if path.exists():
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    try:  # whole or not at all, and never over a file that appeared meanwhile
        atomic.replace(path, schemas.render(kind).encode("utf-8"), atomic.ABSENT, path.parent)
    except atomic.Changed:
        return None
    return path
