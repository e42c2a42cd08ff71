"""The two sides a `spo diff` command line names: BASE and HEAD as git revisions (`spo.diff.git`)
or folders (`--base-dir`, `--head-dir`, the working tree: `spo.diff.sides.folder_side`). In: the
arguments as given and a way to find the registry's root; out: the two `Side`s to compare.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spo.diff.git import Git
from spo.diff.sides import Side, folder_side
from spo.rules.errors import UsageError


def choose_sides(
    find_root: Callable[[], Path],
    base: str | None,
    head: str | None,
    base_dir: Path | None,
    head_dir: Path | None,
) -> tuple[Side, Side]:
    """The two sides a command line names. BASE defaults to the merge base of HEAD with the
    default branch, HEAD to the working tree; a folder stands in for either."""
    if base is not None and base_dir is not None:
        raise UsageError.of("diff.side-twice", argument="BASE", option="--base-dir")
    if head is not None and head_dir is not None:
        raise UsageError.of("diff.side-twice", argument="HEAD", option="--head-dir")
    for given, option in ((base_dir, "--base-dir"), (head_dir, "--head-dir")):
        if given is not None and not (given / "data").is_dir():
            raise UsageError.of("usage.no-data-folder", origin=option, root=str(given))
    git: Git | None = None
    if base_dir is None or head is not None:
        git = Git(_git_root(find_root, both=head is not None and base_dir is None))
    if base_dir is not None:
        base_side = folder_side(base_dir)
    elif base is not None:
        assert git is not None
        base_side = git.side(base)
    else:
        assert git is not None
        base_side = git.default_base()
    object_format = git.object_format if git else "sha1"
    if head_dir is not None:
        head_side = folder_side(head_dir, object_format=object_format)
    elif head is not None:
        assert git is not None
        head_side = git.side(head)
    else:
        head_side = folder_side(find_root(), "worktree", object_format)
    return base_side, head_side


def _git_root(find_root: Callable[[], Path], both: bool) -> Path:
    """The folder whose repository holds the revisions: the registry's; with two revisions,
    the current folder will do (a clone without a checkout has no `data/` to find)."""
    try:
        return find_root()
    except UsageError:
        if both:
            return Path.cwd()
        raise
