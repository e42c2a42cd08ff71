"""The command-line library's own words ("Usage:", "Options", "Aborted!"...) in Turkish or English.

typer and click ask gettext for their words through the module-level names `_` and `ngettext`
(`from gettext import gettext as _`); `install` points those names, in every such module of the
click that typer uses and of typer itself, at the Turkish in text/click.toml, or back at gettext.
A module may keep words in constants made at import (typer.rich_utils:
`ERRORS_PANEL_TITLE = _("Error")`): those constants are set again too.

Limits: typer >= 0.26 vendors click as `typer._click` with its words written into f-strings, not
asked of gettext, so only typer's own words change there; and a module imported after `install`
(typer.rich_utils, loaded only for rich help) keeps English constants until `install` runs again.
"""

from __future__ import annotations

import ast
import gettext
import importlib
import re
import sys
import tomllib
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from pathlib import Path
from types import ModuleType

import typer

Translation = str | tuple[str, str]  # a plain message, or an ngettext one: (singular, plural)

_CONSTANT = re.compile(r"^([A-Z][A-Z0-9_]*) = _\((\"[^\"\n]*\"|'[^'\n]*')\)$", re.MULTILINE)


def click_package() -> ModuleType:
    """The click that typer uses: its vendored copy if it has one, else click itself."""
    try:
        return importlib.import_module("typer._click")
    except ImportError:
        return importlib.import_module("click")


@cache
def _source_facts(path: str) -> tuple[bool, tuple[tuple[str, str], ...]]:
    """Whether the file imports from gettext, and its constants made with `_` (name, English)."""
    source = Path(path).read_text(encoding="utf-8")
    constants = tuple((m[1], str(ast.literal_eval(m[2]))) for m in _CONSTANT.finditer(source))
    return "from gettext import" in source, constants


def _gettext_modules(package: ModuleType, loaded_only: bool) -> list[ModuleType]:
    modules = []
    for path in sorted(Path(str(package.__file__)).parent.glob("*.py")):
        if not _source_facts(str(path))[0]:
            continue
        name = package.__name__ + ("" if path.stem == "__init__" else f".{path.stem}")
        if loaded_only and name not in sys.modules:
            continue
        try:
            modules.append(importlib.import_module(name))
        except (ImportError, AssertionError):  # click._winconsole outside Windows
            continue
    return modules


def implementation_modules() -> list[ModuleType]:
    """The modules whose `_` and `ngettext` carry the library's words: every such module of the
    click typer uses, and those of typer's own that are loaded (importing typer.rich_utils would
    load rich, which spo keeps out of its start-up)."""
    return _gettext_modules(click_package(), loaded_only=False) + _gettext_modules(
        typer, loaded_only=True
    )


@cache
def translations() -> dict[str, Translation]:
    """English message id (an ngettext message's singular) -> its Turkish, from text/click.toml."""
    text = files("spo.cli").joinpath("text/click.toml").read_text(encoding="utf-8")
    table: dict[str, Translation] = {}
    for entry in tomllib.loads(text)["message"]:
        en, tr = entry["en"], entry["tr"]
        key = en[0] if isinstance(en, list) else en
        table[key] = (tr[0], tr[1]) if isinstance(tr, list) else tr
    return table


def _turkish_gettext(message: str) -> str:
    text = translations().get(message, message)
    return text if isinstance(text, str) else text[0]


def _turkish_ngettext(singular: str, plural: str, n: int) -> str:
    text = translations().get(singular)
    if isinstance(text, tuple):
        return text[0] if n == 1 else text[1]
    return gettext.ngettext(singular, plural, n)


_LANGUAGES: dict[str, tuple[Callable[[str], str], Callable[[str, str, int], str]]] = {
    "en": (gettext.gettext, gettext.ngettext),
    "tr": (_turkish_gettext, _turkish_ngettext),
}


def install(lang: str) -> None:
    """Make the library speak `lang` ("tr" or "en") from now on; may be called again to switch."""
    if lang not in _LANGUAGES:
        raise ValueError(f"no words for language {lang!r}; known: {', '.join(_LANGUAGES)}")
    translate, ntranslate = _LANGUAGES[lang]
    for module in implementation_modules():
        if hasattr(module, "_"):
            setattr(module, "_", translate)  # noqa: B010
        if hasattr(module, "ngettext"):
            setattr(module, "ngettext", ntranslate)  # noqa: B010
        for name, english in _source_facts(str(module.__file__))[1]:
            setattr(module, name, translate(english))
