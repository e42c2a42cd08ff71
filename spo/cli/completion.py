"""Shell completion for the command options: project and municipality ids (each with its
name), read from the registry named by the --root typed so far, and a vocabulary's values (each
with its labels). Completion runs inside the user's shell, so it never fails loudly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import typer

from spo.vocabulary import Vocabulary


def _given_root(ctx: typer.Context | None) -> Path | None:
    """The --root typed so far on the command line being completed."""
    if ctx is None:
        return None
    value = ctx.find_root().params.get("root")
    return Path(value) if value else None


def _complete_ids(kind: str, incomplete: str, ctx: typer.Context | None) -> list[tuple[str, str]]:
    """(id, name) pairs for ids starting with `incomplete`. Completion runs inside the user's
    shell, so a missing or broken registry gives no candidates rather than an error."""
    from spo import registry
    from spo.errors import SpoError
    from spo.reading import read_registry

    try:
        root = registry.find_root(_given_root(ctx))
        found = sorted(i for i in registry.ids(root, kind) if i.startswith(incomplete))
        if not found:
            return []
        loaded = read_registry(root)
    except (SpoError, OSError, ValueError):
        return []
    names: dict[str, str] = {m.id: m.name for m in loaded.municipalities.values()}
    if kind == "project":
        names = {p.id: p.name_tr for p in loaded.projects.values()}
    return [(i, names.get(i, "")) for i in found]


def complete_project_id(incomplete: str, ctx: typer.Context | None = None) -> list[tuple[str, str]]:
    """Project ids for shell completion, each with the project's name."""
    return _complete_ids("project", incomplete, ctx)


def complete_municipality_id(
    incomplete: str, ctx: typer.Context | None = None
) -> list[tuple[str, str]]:
    """Municipality ids for shell completion, each with the municipality's name."""
    return _complete_ids("municipality", incomplete, ctx)


def complete_values(vocab: Vocabulary) -> Callable[[str], list[tuple[str, str]]]:
    """Shell completion of a vocabulary's values, each with its labels."""

    def complete(incomplete: str) -> list[tuple[str, str]]:
        return [
            (t.value, f"{t.tr} / {t.en}") for t in vocab.terms if t.value.startswith(incomplete)
        ]

    return complete
