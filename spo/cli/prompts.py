"""The questions of the writing commands; their words are `prompt.*` in the catalogue.

In a terminal, a command missing a required option asks for everything it lacks (a project or
municipality by part of its name, a stage from its labels, the date with today as default), shows
a summary and asks for confirmation (`--yes` skips it). When stdin or stdout is not a terminal
nothing is ever asked: a missing option is a usage error.

Imports inside the functions: the writing command modules import this one whenever any command
runs (see `spo.cli.lazy`), so the registry's model, the search and the checks of typed values
(`spo.writing.inputs`) are imported when a question is asked.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from spo.api import SpoError, UsageError, Vocabulary, fold
from spo.cli import words
from spo.cli.language import Lang
from spo.cli.options import count
from spo.cli.render import console
from spo.cli.render.problems import one_line, one_line_values

if TYPE_CHECKING:
    from spo.api import Message, Records, Refusal, Row

Answer = TypeVar("Answer", str, str | None)
Checked = TypeVar("Checked")


def say(key: str, lang: Lang, /, **fields: Any) -> str:
    """A word of the questions and answers (`prompt.<key>` in the catalogue)."""
    return words.say(f"prompt.{key}", lang, **fields)


def is_interactive() -> bool:
    """Ask only a person: both stdin and stdout must be a terminal."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def require(given: dict[str, Any], lang: Lang) -> bool:
    """Whether to ask: True in a terminal when a required option is missing; a usage error
    when one is missing and nobody can be asked."""
    missing = [option for option, value in given.items() if value is None]
    if not missing:
        return False
    if not is_interactive():
        raise UsageError.of("usage.missing-options", options=", ".join(missing))
    return True


def reason(exc: SpoError | Refusal) -> Message:
    """What a refusal says, without "nothing was written to …" when nothing is being written
    yet (an answer checked by a dry run of the write)."""
    said = exc.message
    return said.get("reason", said) if said.key == "write.refused" else said


@dataclass
class Asker:
    """The questions of the interactive path; the registry is read only when a name is needed."""

    root: Path
    lang: Lang
    _registry: Records | None = None
    _all_rows: list[Row] | None = None

    @property
    def registry(self) -> Records:
        if self._registry is None:
            from spo.api import Registry

            self._registry = Registry(self.root).read()
        return self._registry

    def text(self, key: str, default: str | None = None) -> str:
        """An answer that must be given (Enter takes `default`, if any); an empty one is said to
        be needed and asked again."""
        while True:
            shown = default is not None
            value: str = typer.prompt(
                say(key, self.lang), default=default or "", show_default=shown
            )
            if value.strip():
                return value.strip()
            console.warn(say("needed", self.lang))

    def optional(self, key: str) -> str | None:
        label = say("optional", self.lang, what=say(key, self.lang))
        value: str = typer.prompt(label, default="", show_default=False)
        return value.strip() or None

    def count(self, key: str, maximum: int) -> int | None:
        """A whole number from 0 to `maximum`, or None when the answer is left empty."""
        while True:
            answer = self.optional(key)
            if answer is None:
                return None
            if not (answer.isascii() and answer.isdigit()):
                console.warn(say("not-a-count", self.lang, value=answer))
            elif int(answer) > maximum:
                console.warn(say("count-too-large", self.lang, limit=maximum))
            else:
                return int(answer)

    def whole(self, key: str, maximum: int) -> int:
        """A whole number from 0 to `maximum` that must be given, checked as it is typed (the
        command line's rule for a number option, `spo.cli.options.count`)."""

        def check(answer: str) -> int | None:
            return count(say(key, self.lang), answer, maximum)

        return check(self.checked(lambda: self.text(key), check)) or 0

    def checked(self, ask: Callable[[], Answer], check: Callable[[Answer], object]) -> Answer:
        """Ask until `check` accepts the answer."""
        while True:
            answer = ask()
            if self.passes(answer, check):
                return answer

    def passes(self, answer: Checked, check: Callable[[Checked], object]) -> bool:
        """Whether `check` accepts an answer; when it does not, the reason is said."""
        from spo.api import Refusal

        try:
            check(answer)
        except (SpoError, Refusal) as exc:
            self.try_again(reason(exc))
            return False
        return True

    def try_again(self, said: Message) -> None:
        """Say why an answer is not taken, and that it is asked again."""
        error = words.render(one_line_values(said), self.lang)
        console.warn(say("try-again", self.lang, error=error))

    def _rows(self, kind: str) -> list[Row]:
        from spo.api import Registry

        if self._all_rows is None:
            self._all_rows = Registry(self.root).rows()
        return [r for r in self._all_rows if r["kind"] == kind]

    def name_of(self, kind: str, record_id: str) -> str | None:
        """A project's or municipality's name, as a reader of this language sees it."""
        from spo.cli.render.search_results import row_name

        for row in self._rows(kind):
            if row["id"] == record_id:
                return row_name(row, self.lang)
        return None

    def record(
        self, kind: str, key: str, exclude: Sequence[str] = (), excluded: str = "no-match"
    ) -> str:
        """A project or municipality id, found by its id or part of its name (never by words of its
        notes or summary: `spo.api.Registry.candidates`, offered as a numbered list when several). A
        record of `exclude` is never taken: naming it alone is answered with `excluded`."""
        from spo.api import Registry
        from spo.cli.render.search_results import row_name

        rows = self._rows(kind)
        records: dict[str, str] = {str(r["id"]): row_name(r, self.lang) for r in rows}
        what = say(key, self.lang)
        while True:
            typed = str(typer.prompt(say("type-name", self.lang, what=what))).strip()
            if typed in records and typed not in exclude:
                return typed
            found = Registry(self.root).candidates(kind, typed, offered=True, rows=rows)
            hits = [h for h in found if h not in exclude]
            if not hits:
                why, name = (excluded, records[found[0]]) if found else ("no-match", "")
                console.warn(say(why, self.lang, kind=kind, typed=one_line(typed), name=name))
                continue
            if len(hits) == 1:
                name = one_line(records[hits[0]])
                console.tell(say("chosen", self.lang, typed=one_line(typed), name=name, id=hits[0]))
                return hits[0]
            chosen = self._numbered([(h, f"{records[h]} ({h})") for h in hits])
            if chosen:
                return chosen

    def _numbered(self, options: list[tuple[str, str]], limit: int = 20) -> str | None:
        for number, (_, label) in enumerate(options[:limit], start=1):
            typer.echo(f"  {number:>2}  {one_line(label)}")
        if len(options) > limit:
            console.tell(say("more", self.lang, count=len(options) - limit))
        shown = options[:limit]
        while True:
            answer = typer.prompt(say("number", self.lang), default="", show_default=False)
            if not answer.strip():
                return None
            if answer.strip().isdigit() and 1 <= int(answer) <= len(shown):
                return shown[int(answer) - 1][0]

    def term(
        self, vocab: Vocabulary, key: str, default: str | None = None, *, given: str | None = None
    ) -> str:
        """A vocabulary value: by number, value, or Turkish or English label. A value `given` as
        an option is checked the same way, and asked for (with the reason) only when it is
        wrong."""
        fallback = str(vocab.index(default) + 1) if default else None
        value = self._asked_term(vocab, given, lambda: self.text(key, fallback))
        assert value is not None  # `text` takes no empty answer
        return value

    def optional_term(self, vocab: Vocabulary, key: str, given: str | None = None) -> str | None:
        """A vocabulary value as `term` takes it, or None when the answer is left empty."""
        return self._asked_term(vocab, given, lambda: self.optional(key))

    def _asked_term(
        self, vocab: Vocabulary, given: str | None, ask: Callable[[], str | None]
    ) -> str | None:
        """`given` if it names a value; else the terms listed, and `ask` until an answer names
        one (None: an empty answer, where one may be left empty)."""
        if given is not None and (value := self._term(vocab, given)) is not None:
            return value
        self._terms(vocab)
        while True:
            answer = ask()
            if answer is None:
                return None
            value = self._term(vocab, answer)
            if value is not None:
                return value

    def _terms(self, vocab: Vocabulary) -> None:
        for number, t in enumerate(vocab.terms, start=1):
            typer.echo(f"  {number:>2}  {words.label(vocab, t.value, self.lang)} ({t.value})")

    def _term(self, vocab: Vocabulary, answer: str) -> str | None:
        """The value an answer names; None (the reason said) when it names none, or several."""
        from spo.api import inputs

        if answer.isdigit() and 1 <= int(answer) <= len(vocab.terms):
            return vocab.terms[int(answer) - 1].value
        try:
            value = inputs.term(vocab, answer)
        except UsageError as exc:
            error = words.render(one_line_values(exc.message), self.lang)
            console.warn(say("try-again", self.lang, error=error))
            return None
        if answer != value:  # a label, a prefix or a typo: say what it was taken for
            label = words.label(vocab, value, self.lang)
            console.tell(say("chosen", self.lang, typed=one_line(answer), name=label, id=value))
        return value

    def web_address(self, key: str) -> str:
        """A web address that must be given, checked as it is typed."""
        from spo.api import inputs

        return self.checked(lambda: self.text(key), inputs.url)

    def source(self, *, record_needs_one: bool = False) -> str | None:
        """A source's web address, checked as it is typed. It may be left empty; when the new
        record then has no source at all, the answer is taken with a warning of what follows."""
        from spo.api import inputs

        answer = self.checked(lambda: self.optional("source"), inputs.url)
        if answer is None and record_needs_one:
            console.warn(say("no-source", self.lang))
        return answer

    def day(
        self,
        today: date,
        key: str = "date",
        *,
        suggest_today: bool = True,
        given: str | None = None,
    ) -> str:
        """A date that has happened, as people type it (`05.12.2026`, `5 Aralık 2026`), checked
        as it is typed (today offered as the default); the ISO date it means, said back when it
        was typed otherwise ("5 Aralık 2026 → 2026-12-05"). A date `given` as an option is
        checked the same way, and asked for (with the reason) only when it is wrong."""
        from spo.api import inputs

        def check(answer: str) -> object:
            return inputs.when(answer, today)

        default = today.isoformat() if suggest_today else None
        if given is not None and self.passes(given, check):
            typed = given
        else:
            typed = self.checked(lambda: self.text(key, default), check)
        iso = inputs.when(typed, today).text
        if iso != typed:
            console.tell(say("understood", self.lang, typed=one_line(typed), iso=iso))
        return iso

    def free_text(self, key: str, field: str) -> str:
        """Text such as a summary, checked as it is typed: not blank, no personal data."""
        from spo.api import inputs

        return self.checked(lambda: self.text(key), lambda answer: inputs.free_text(answer, field))

    def note(self) -> str | None:
        """A note, which may be left empty, checked as it is typed: no personal data."""
        from spo.api import inputs

        return self.checked(
            lambda: self.optional("note"), lambda answer: inputs.free_text(answer, "note")
        )


# Answers to a yes/no question, in either language, compared folded ("EVET", "Hayır", "HAYIR").
_YES = frozenset({"e", "evet", "y", "yes"})
_NO = frozenset({"h", "hayir", "n", "no"})


def answer_is_yes(answer: str, default: bool) -> bool | None:
    """True, False, or None when the answer is neither (an empty answer takes the default)."""
    folded = fold(answer)
    if not folded:
        return default
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    return None


def ask_yes(question: str, lang: Lang, default: bool = True) -> bool:
    """A yes/no question that understands e, evet, h, hayır as well as y, yes, n, no."""
    choices = say("yes-no-default-yes" if default else "yes-no-default-no", lang)
    while True:
        answer: str = typer.prompt(f"{question} {choices}", default="", show_default=False)
        decided = answer_is_yes(answer, default)
        if decided is not None:
            return decided
        console.warn(say("yes-or-no", lang))
