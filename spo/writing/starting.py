"""`start_registry`: a new, valid registry for another office, and the schemas inside the package.

A new registry holds the office's own municipality (built as `spo municipality new` builds it), an
empty `data/projects/`, the schemas, a `.gitignore`, a pre-commit hook and a GitHub workflow that
install exactly this release of spo (or the requirement the office gives: see
`spo.writing.distribution`), and a short README in Turkish. The templates are package data
(`spo/templates/`); a template may have a variant per language (`gitignore.tr.txt` beside
`gitignore.txt`), chosen by `start_registry`'s `language` so that the comments a Turkish office
reads in its own files are Turkish. The schemas are built by `spo.rules.schemas`, so an installed
spo needs no copy of this repository's `schemas/` folder.

Every record spo writes starts with a line that points editors at its schema; a new registry gets
both schemas, and `spo.writing.schema_files` writes one that is missing later.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

import yaml

from spo import DISTRIBUTION
from spo.rules.errors import UsageError
from spo.writing.distribution import requirement
from spo.writing.outputs import write_files
from spo.writing.records import new_municipality
from spo.writing.render import scalar
from spo.writing.schema_files import SCHEMA_FOLDER, schema_files

if TYPE_CHECKING:
    from spo.writing.editing import WriteResult

DEFAULT_OFFICE = "Sosyal Politika Ofisi"

# What a new registry holds besides the office's municipality: (path, template in spo/templates).
TEMPLATES = (
    (".gitignore", "gitignore.txt"),
    (".pre-commit-config.yaml", "pre-commit-config.yaml.txt"),
    (".github/workflows/validate.yml", "validate.yml.txt"),
    ("README.md", "README.md.txt"),
)


def template(name: str, language: str | None = None) -> str:
    """A template's text; its variant in `language` (`<stem>.<language>.txt`) when there is one."""
    folder = resources.files("spo") / "templates"
    if language is not None:
        variant = folder / name.replace(".txt", f".{language}.txt")
        if variant.is_file():
            return variant.read_text(encoding="utf-8")
    return (folder / name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Started:
    root: Path
    municipality: str  # the id of the office's municipality
    files: tuple[Path, ...]  # every file written, in the order written
    left: tuple[Path, ...] = ()  # files that were there already, left as they were


def start_registry(
    root: Path,
    province: str,
    district: str | None = None,
    town: str | None = None,
    *,
    office: str | None = None,
    website: str | None = None,
    sources: Sequence[str] = (),
    spo_requirement: str | None = None,
    today: date,
    language: str | None = None,
) -> Started:
    """Start a registry in `root` (made if missing). Refused, with nothing written, when `root`
    already holds a registry (a `data/` folder), `spo_requirement` does not install spo, or the
    municipality cannot be built."""
    refuse_taken(root)

    # A dry run first: a wrong province or district is refused before anything is written.
    def municipality(dry_run: bool) -> WriteResult:
        return new_municipality(
            root,
            province,
            None,
            district,
            town,
            website=website,
            sources=sources,
            today=today,
            dry_run=dry_run,
        )

    installs = requirement(spo_requirement)
    preview = municipality(True)
    fields = {
        "office": office.strip() if office and office.strip() else DEFAULT_OFFICE,
        "id": preview.path.stem,
        "name": _field(preview.new_text, "name"),
        "province": _field(preview.new_text, "province"),
        **install_fields(installs),
    }
    files = schema_files(root / SCHEMA_FOLDER)
    for relative, name in TEMPLATES:
        files.append(
            (root / relative, Template(template(name, language)).substitute(fields).encode())
        )
    files.append((root / "data" / "projects" / ".gitkeep", b""))
    # The record as the dry run made and checked it: written with the rest, whole or not at all.
    files.append((preview.path, preview.new_text.encode("utf-8")))
    # A file that is there already (a README of the folder's own) is left as it is, and said so.
    left = tuple(path for path, _ in files if os.path.lexists(path))
    new = [(path, data) for path, data in files if path not in left]
    write_files(new, root, folder=root)
    return Started(root, preview.path.stem, tuple(path for path, _ in new), left)


def refuse_taken(root: Path) -> None:
    """Refuse (before any question is asked) a folder that holds a registry, or a `data` that is
    no folder (a file, a broken link), or a `root` that is no folder."""
    data = root / "data"
    if data.is_dir():
        raise UsageError.of("usage.registry-exists", folder=str(root))
    if os.path.lexists(data):
        raise UsageError.of("usage.data-in-the-way", path=str(data))
    if os.path.lexists(root) and not root.is_dir():
        raise UsageError.of("usage.not-a-folder", folder=str(root))


def install_fields(installs: str) -> dict[str, str]:
    """How the templates name what installs spo: in a YAML flow list (the hook), as a YAML value
    that is a shell command (the workflow), as a shell command (the README)."""
    command = f"pip install {shlex.quote(installs)}"
    return {
        "distribution": DISTRIBUTION,
        "requirement": scalar(installs, flow=True),
        "install_step": scalar(command),
        "install": command,
    }


def _field(text: str, key: str) -> str:
    """A top-level value of the generated record (`name: Keskin Belediyesi`)."""
    return str(yaml.safe_load(text)[key])
