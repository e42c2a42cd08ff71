"""The command-line library's own words ("Usage:", "Options", "Aborted!"...) in Turkish or English.

click and typer ask gettext for their words through the module-level names `_` and `ngettext`
(`from gettext import gettext as _`); `install` points those names, in each such module, at the
Turkish in text/click.toml, or back at gettext. spo pins typer below 0.26, whose releases use
click itself (later ones vendor a click with fixed English words). `tests/test_click_words.py`
fails when the installed click or typer gains a gettext module or a message this file lacks.
"""

from __future__ import annotations

import gettext
import importlib
import tomllib
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from types import ModuleType

Translation = str | tuple[str, str]  # a plain message, or an ngettext one: (singular, plural)

# The modules that ask gettext for words. The ones click loads only on demand (shell completion,
# the editor) are imported here so that they speak the language too; `_winconsole` exists only on
# Windows. typer.rich_utils is left out: spo draws its help without Rich.
MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.shell_completion",
    "click.termui",
    "click.types",
    "click.utils",
    "click._termui_impl",
    "click._winconsole",
    "typer.core",
)


@cache
def implementation_modules() -> tuple[ModuleType, ...]:
    found = []
    for name in MODULES:
        try:
            found.append(importlib.import_module(name))
        except (ImportError, AssertionError):  # click._winconsole outside Windows
            continue
    return tuple(found)


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
