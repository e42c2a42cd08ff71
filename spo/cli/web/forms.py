"""The fields of `spo serve`'s forms, and how each typed value is checked: with the very checks
the command line's questions use (`spo.cli.prompts.Asker`), never a copy of their rules.

- a municipality or project by its id or name as people type it ("mersin bb"):
  `Registry.id_of`, which lists the candidates when a name could be several;
- a vocabulary value by its value, or its Turkish or English label: `inputs.term`;
- a date as people write it ("05.12.2026", "5 Aralık 2026", ISO) that has happened:
  `inputs.when`, written as the registry writes it;
- a whole number: `spo.cli.options.count`, as `Asker.whole`;
- a web address: `inputs.url`; free text (a note, a name, a summary): `inputs.free_text`
  (not blank, no personal data);
- a new municipality's province, district and town: the province and district tables
  (`province_of`, `district_of`, `town_of`).

A check that refuses gives its message, worded in the page's language, for the field it is
about; the form is shown again with everything typed (`spo.cli.web.record`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal, TypeVar

from spo.api import MAX_COUNT, Refusal, Registry, Row, SpoError, Vocabulary, inputs
from spo.cli import words
from spo.cli.language import Lang
from spo.cli.options import count
from spo.cli.prompts import reason
from spo.cli.render.problems import one_line_values

Widget = Literal["text", "textarea", "select", "checkboxes", "date", "number", "url", "record"]
Typed = Mapping[str, Sequence[str]]  # a form's fields as posted: each name, its values
Checked = TypeVar("Checked")


@dataclass(frozen=True)
class Field:
    """One field of a form. `label`: its words' key, a `prompt.*` word where the command line
    asks for it (the field reads as the terminal's question does). `vocab`: a select's values."""

    name: str
    label: str
    widget: Widget = "text"
    required: bool = False
    vocab: Vocabulary | None = None
    hint: str | None = None  # a `web.form.hint.*` word
    names: str | None = None  # a record field's kind: its names are suggested (a datalist)

    @property
    def many(self) -> bool:
        return self.widget == "checkboxes"


@dataclass
class Checker:
    """Checks a posted form's fields one by one, collecting what to fix, field by field. A
    field is needed when the form marks it so (`needed`: the names of its required fields),
    unless a check says otherwise (a project's status date, needed for a known status only)."""

    root: Path
    lang: Lang
    typed: Typed
    today: date
    labels: Mapping[str, str] = field(default_factory=dict)
    needed: frozenset[str] = frozenset()
    errors: dict[str, str] = field(default_factory=dict)
    _rows: list[Row] | None = None  # the registry's rows, once a field names a record by name

    def text_of(self, name: str) -> str:
        values = self.typed.get(name, ())
        return values[0].strip() if values else ""

    def value(
        self, name: str, check: Callable[[str], Checked], *, required: bool | None = None
    ) -> Checked | None:
        """What `check` makes of the field's text; None when it is empty (said to be needed
        when `required`, by default when the form marks it so) or refused (the reason kept for
        the field)."""
        text = self.text_of(name)
        if not text:
            if name in self.needed if required is None else required:
                self.errors[name] = words.say("web.form.needed", self.lang)
            return None
        return self._checked(name, text, check)

    def _checked(self, name: str, text: str, check: Callable[[str], Checked]) -> Checked | None:
        """What `check` makes of `text`; None when it refuses (the reason kept for `name`)."""
        try:
            return check(text)
        except (SpoError, Refusal) as exc:
            self.refuse(name, exc)
            return None

    def refuse(self, name: str, exc: SpoError | Refusal) -> None:
        self.errors[name] = words.render(one_line_values(reason(exc)), self.lang)

    def record(self, name: str, kind: str, *, required: bool | None = None) -> str | None:
        """A municipality's or project's id, from its id or its name as people type it (the
        registry's rows read once for all the form's names, and only when one is a name)."""
        registry = Registry(self.root)

        def rows() -> list[Row]:
            if self._rows is None:
                self._rows = registry.rows()
            return self._rows

        return self.value(name, lambda text: registry.id_of(kind, text, read_rows=rows),
                          required=required)  # fmt: skip

    def term(self, name: str, vocab: Vocabulary, *, required: bool | None = None) -> str | None:
        return self.value(name, lambda text: inputs.term(vocab, text), required=required)

    def terms(self, name: str, vocab: Vocabulary) -> list[str]:
        """Every value ticked (or typed) for a field of several values."""
        found = [
            self._checked(name, typed.strip(), lambda text: inputs.term(vocab, text))
            for typed in self.typed.get(name, ())
            if typed.strip()
        ]
        return [value for value in found if value is not None]

    def day(self, name: str, *, required: bool | None = None) -> str | None:
        """A date that has happened, as the registry writes it ("05.12.2026" -> "2026-12-05")."""
        return self.value(name, lambda text: inputs.when(text, self.today).text, required=required)

    def number(self, name: str, *, required: bool | None = None) -> int | None:
        label = self.labels.get(name, name)
        return self.value(name, lambda text: count(label, text, MAX_COUNT), required=required)

    def web_address(self, name: str, *, required: bool | None = None) -> str | None:
        return self.value(name, inputs.url, required=required)

    def free_text(self, name: str, what: str, *, required: bool | None = None) -> str | None:
        """Free text, as the questions take it: not blank, no personal data. `what` names it
        as the glossary does ("note", "summary", "name")."""
        return self.value(name, lambda text: inputs.free_text(text, what), required=required)


def labels(fields: Sequence[Field], lang: Lang) -> dict[str, str]:
    """Each field's label in `lang`."""
    return {f.name: words.say(f.label, lang) for f in fields}


def options(vocab: Vocabulary, lang: Lang) -> list[tuple[str, str]]:
    """A select's options: each value with its label in `lang`."""
    return [(t.value, words.label(vocab, t.value, lang)) for t in vocab.terms]


def chosen(vocab: Vocabulary, typed: str) -> str:
    """The value a select shows as chosen: the value a typed label names, else what was typed."""
    try:
        return inputs.term(vocab, typed) if typed.strip() else ""
    except (SpoError, Refusal):
        return typed
