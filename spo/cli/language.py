"""Which language spo speaks: `--lang`, else `$SPO_LANG`, else the locale; English otherwise."""

from __future__ import annotations

import locale
import os
from collections.abc import Sequence
from typing import Literal

Lang = Literal["tr", "en"]
LANGS: tuple[Lang, ...] = ("tr", "en")


def from_environment() -> Lang:
    """$SPO_LANG, then the locale variables, then the system locale."""
    for variable in ("SPO_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "tr" if value.lower().startswith("tr") else "en"
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    return "tr" if name.lower().startswith(("tr", "turkish")) else "en"


def from_arguments(argv: Sequence[str]) -> Lang | None:
    """The value of the last `--lang X` / `--lang=X` before `--`, if it names a language.

    Read before the command line is parsed, so that even a parse error or `--help` speaks it.
    """
    found: Lang | None = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGS:
            found = "tr" if value == "tr" else "en"
    return found


def choose(argv: Sequence[str]) -> Lang:
    return from_arguments(argv) or from_environment()
