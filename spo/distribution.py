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

from spo import DISTRIBUTION, __version__
from spo.errors import UsageError

# A requirement with a URL (PEP 508 `name @ url`) uses only these: no quotes, `$`, backquotes,
# braces or control characters, so that neither a shell, YAML nor GitHub's `${{ }}` expressions
# read anything into it.
_SAFE = re.compile(r"[A-Za-z0-9 ._~:/?#\[\]@!&*+,;=%<>^-]+")


def requirement(given: str | None = None) -> str:
    """The requirement that installs spo: `given` when there is one (checked), else this release."""
    return checked_requirement(given) if given is not None else f"{DISTRIBUTION}=={__version__}"


def checked_requirement(text: str) -> str:
    """`text` stripped, when it is one requirement for spo's own distribution (with a version or a
    URL, no environment markers); a `UsageError` otherwise."""
    from packaging.requirements import InvalidRequirement, Requirement
    from packaging.utils import canonicalize_name

    given = text.strip()
    if not given or not _SAFE.fullmatch(given):
        raise UsageError.of("usage.spo-requirement", given=text, name=DISTRIBUTION)
    try:
        parsed = Requirement(given)
    except InvalidRequirement:
        raise UsageError.of("usage.spo-requirement", given=text, name=DISTRIBUTION) from None
    if canonicalize_name(parsed.name) != canonicalize_name(DISTRIBUTION) or parsed.marker:
        raise UsageError.of("usage.spo-requirement-other", given=text, name=DISTRIBUTION)
    return given
