"""How values read in the chosen language: vocabulary labels, dates, names, published figures.

Every word comes from the catalogue (`spo/cli/words.py`); this module only decides which.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spo.api import (
    METRICS,
    MUNICIPALITY_KINDS,
    Completeness,
    FuzzyDate,
    NameOf,
    Project,
    Records,
    Vocabulary,
    turkish_name,
)
from spo.cli.language import Lang
from spo.cli.words import label, say


def message(key: str, lang: Lang, /, **fields: Any) -> str:
    """A word of the list and show views (`view.<key>` in the catalogue)."""
    return say(f"view.{key}", lang, **fields)


def date_label(when: FuzzyDate, lang: Lang) -> str:
    """`../2025-03-21` reads "by 2025-03-21", `2025-07/..` "from 2025-07"; `A/B` reads "A – B";
    other dates as written."""
    if when.text.startswith("../"):
        return message("date_by", lang, date=when.text[3:])
    if when.text.endswith("/.."):
        return message("date_from", lang, date=when.text[:-3])
    return when.text.replace("/", " – ")


def period_label(statement: Completeness, lang: Lang) -> str:
    """How far a statement of completeness reaches: "from the beginning to 2025-03-21"."""
    to = date_label(statement.to, lang)
    if statement.start is None:
        return message("period_to", lang, to=to)
    return message("period_from_to", lang, start=date_label(statement.start, lang), to=to)


def metric_label(metric: str, kind: str | None, lang: Lang) -> str:
    """A published figure's metric, with the kind of municipality it counts when it names one."""
    text = label(METRICS, metric, lang)
    return f"{text} ({label(MUNICIPALITY_KINDS, kind, lang)})" if kind else text


def qualified(value: int, qualifier: str, lang: Lang) -> str:
    """A published figure with its qualifier: "at least 30", "40'tan fazla"."""
    return say(f"qualified.{qualifier}", lang, value=value)


def vocabulary_labels(vocab: Vocabulary, values: Iterable[str], lang: Lang) -> str:
    """Values of a vocabulary as their labels, comma-separated."""
    return ", ".join(label(vocab, v, lang) for v in values)


def localized_name(name_tr: str, name_en: str | None, lang: Lang) -> str:
    """The name a reader of `lang` sees: the English one when there is one, else the Turkish."""
    return name_en if lang == "en" and name_en else name_tr


def name_of(lang: Lang) -> NameOf:
    """Which of a project's names a reader of `lang` sees (for sorting and showing)."""
    if lang == "en":
        return lambda project: localized_name(project.name_tr, project.name_en, lang)
    return turkish_name


def project_name(project: Project, lang: Lang) -> str:
    return name_of(lang)(project)


def project_name_by_id(registry: Records, project_id: str, lang: Lang) -> str:
    """A project's name; its id when the registry does not hold it."""
    found = registry.projects.get(project_id)
    return project_name(found, lang) if found else project_id
