"""What installs spo: this project's own distribution, at this release or as an office says.

Everything spo writes that installs spo (the pre-commit hook, the GitHub workflow and the README of
a registry that `spo init` starts) installs `requirement()`: exactly the running release,
`spo-registry==X.Y.Z`, unless the office gives its own requirement for this distribution (its
fork, a git tag before the release is on PyPI). Never the bare name `spo`: on PyPI that is another
project, whose code would then run with the registry's checkout.

`checked_requirement` takes a requirement in, `requirement` gives the pinned default; both return
text that is safe to place in YAML, in a shell command and in a GitHub workflow.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spo import DISTRIBUTION, __version__
from spo.rules.errors import UsageError

if TYPE_CHECKING:
    from packaging.specifiers import SpecifierSet

# A requirement uses only these: no quotes, `$`, backquotes, braces or control characters, so that
# neither a shell, YAML nor GitHub's `${{ }}` expressions read anything into it; and no `;`, which
# pip reads as the start of environment markers even where packaging reads it as part of a URL.
_SAFE = re.compile(r"[A-Za-z0-9 ._~:/?#\[\]@!&*+,=%<>^-]{1,500}")
# Where a URL requirement may fetch spo from: a secure address, a git repository, a local folder.
_SCHEMES = ("https://", "git+https://", "git+ssh://", "file://")


def requirement(given: str | None = None) -> str:
    """The requirement that installs spo: `given` when there is one (checked), else this release."""
    return checked_requirement(given) if given is not None else f"{DISTRIBUTION}=={__version__}"


def checked_requirement(text: str) -> str:
    """`text` stripped, when it is one requirement for spo's own distribution that names one
    release: `==` a version, or a URL (https, git, a local folder); a `UsageError` otherwise."""
    # Here: only a requirement given to `spo init` is parsed.
    from packaging.requirements import InvalidRequirement, Requirement
    from packaging.utils import canonicalize_name

    given = text.strip()
    fields = {"given": text, "name": DISTRIBUTION, "version": __version__}
    if not _SAFE.fullmatch(given):
        raise UsageError.of("usage.spo-requirement", **fields)
    try:
        parsed = Requirement(given)  # no markers: they need a ";"
    except InvalidRequirement:
        raise UsageError.of("usage.spo-requirement", **fields) from None
    if canonicalize_name(parsed.name) != canonicalize_name(DISTRIBUTION):
        raise UsageError.of("usage.spo-requirement-other", **fields)
    if parsed.url is not None:
        if not parsed.url.startswith(_SCHEMES):
            raise UsageError.of("usage.spo-requirement", **fields)
    elif not _one_release(parsed.specifier):
        raise UsageError.of("usage.spo-requirement-unpinned", **fields)
    return given


def _one_release(specifier: SpecifierSet) -> bool:
    """`==1.2.3` or `===1.2.3`: one release, not a range or a wildcard (`==1.2.*`)."""
    specs = list(specifier)
    return len(specs) == 1 and specs[0].operator in ("==", "===") and "*" not in specs[0].version
