"""The questions of the writing commands, and their words in Turkish and English (`MESSAGES`,
looked up with `say`).

In a terminal, a command missing a required option asks for everything it lacks (a project or
municipality by part of its name, a stage from its labels, the date with today as default), shows
a summary and asks for confirmation (`--yes` skips it). When stdin or stdout is not a terminal
nothing is ever asked: a missing option is a usage error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from spo.errors import UsageError
from spo.i18n import Catalogue
from spo.vocabulary import Lang, Vocabulary

if TYPE_CHECKING:
    from spo.model import Registry


MESSAGES: dict[str, dict[Lang, str]] = {
    "wrote": {"en": "Wrote {path}:", "tr": "{path} dosyasına yazıldı:"},
    "created": {"en": "Created {path}:", "tr": "{path} oluşturuldu:"},
    "dry-run": {"en": "(dry run: nothing written)", "tr": "(deneme: hiçbir şey yazılmadı)"},
    "missing": {
        "en": "missing {options} (spo asks for missing options only in a terminal)",
        "tr": "eksik: {options} (spo eksik seçenekleri yalnızca bir terminalde sorar)",
    },
    "confirm": {"en": "Write this?", "tr": "Yazılsın mı?"},
    "cancelled": {"en": "Nothing written.", "tr": "Hiçbir şey yazılmadı."},
    "type-name": {
        "en": "{what} (type part of its name, or its id)",
        "tr": "{what} (adının bir kısmını ya da kimliğini yazın)",
    },
    "no-match": {"en": "No {what} matches '{typed}'.", "tr": "'{typed}' ile eşleşen {what} yok."},
    "more": {
        "en": "... and {count} more; type more of the name to narrow it down",
        "tr": "... ve {count} tane daha; aramayı daraltmak için adın devamını yazın",
    },
    "number": {
        "en": "Number (or Enter to search again)",
        "tr": "Numara (yeniden aramak için Enter)",
    },
    "chosen": {"en": "  -> {name} ({id})", "tr": "  -> {name} ({id})"},
    "optional": {
        "en": "{what} (optional, Enter to skip)",
        "tr": "{what} (isteğe bağlı, Enter: boş)",
    },
    "try-again": {"en": "{error}; try again", "tr": "{error}; yeniden deneyin"},
    "current": {
        "en": "Current stage: {stage} ({date})",
        "tr": "Güncel aşama: {stage} ({date})",
    },
    "project": {"en": "Project", "tr": "Proje"},
    "municipality": {"en": "Municipality", "tr": "Belediye"},
    "adopting": {"en": "Municipality adopting it", "tr": "Projeyi alan belediye"},
    "visitor": {"en": "Visiting municipality", "tr": "Ziyaret eden belediye"},
    "host": {"en": "Host municipality", "tr": "Ev sahibi belediye"},
    "owner": {"en": "Owner municipality", "tr": "Sahibi olan belediye"},
    "stage": {"en": "Stage", "tr": "Aşama"},
    "kind": {"en": "Kind", "tr": "Tür"},
    "status": {"en": "Status", "tr": "Durum"},
    "date": {"en": "Date", "tr": "Tarih"},
    "note": {"en": "Note", "tr": "Not"},
    "source": {"en": "Source (web address)", "tr": "Kaynak (web adresi)"},
    "participants": {"en": "Participants", "tr": "Katılımcı sayısı"},
    "province": {"en": "Province", "tr": "İl"},
    "district": {"en": "District", "tr": "İlçe"},
    "town": {"en": "Town", "tr": "Belde"},
    "name": {"en": "Name (Turkish)", "tr": "Ad (Türkçe)"},
    "summary": {"en": "Summary (Turkish)", "tr": "Özet (Türkçe)"},
}


say = Catalogue(MESSAGES)


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
        raise UsageError(say("missing", lang, options=", ".join(missing)))
    return True


@dataclass
class Asker:
    """The questions of the interactive path; the registry is read only when a name is needed."""

    root: Path
    lang: Lang
    _registry: Registry | None = None

    @property
    def registry(self) -> Registry:
        if self._registry is None:
            from spo.reading import read_registry

            self._registry = read_registry(self.root)
        return self._registry

    def text(self, key: str, default: str | None = None) -> str:
        value: str = typer.prompt(say(key, self.lang), default=default)
        return value.strip()

    def optional(self, key: str) -> str | None:
        label = say("optional", self.lang, what=say(key, self.lang))
        value: str = typer.prompt(label, default="", show_default=False)
        return value.strip() or None

    def checked(self, ask: Callable[[], str], check: Callable[[str], object]) -> str:
        """Ask until `check` accepts the answer."""
        from spo.writing.editing import Refusal

        while True:
            answer = ask()
            try:
                check(answer)
            except (UsageError, Refusal) as exc:
                typer.echo(say("try-again", self.lang, error=exc), err=True)
                continue
            return answer

    def record(self, kind: str, key: str, exclude: Sequence[str] = ()) -> str:
        """A project or municipality id, found by part of its name (as `spo search` finds)."""
        from spo.search import search

        records: dict[str, str] = (
            {p.id: p.name(self.lang) for p in self.registry.projects.values()}
            if kind == "project"
            else {m.id: m.name for m in self.registry.municipalities.values()}
        )
        what = say(key, self.lang)
        while True:
            typed = str(typer.prompt(say("type-name", self.lang, what=what))).strip()
            if typed in records and typed not in exclude:
                return typed
            try:
                hits = [h.id for h in search(self.registry, typed, self.lang) if h.type == kind]
            except UsageError:
                hits = []
            hits = [h for h in hits if h not in exclude]
            if not hits:
                noun = say(kind, self.lang).lower()
                typer.echo(say("no-match", self.lang, what=noun, typed=typed), err=True)
                continue
            if len(hits) == 1:
                typer.echo(say("chosen", self.lang, name=records[hits[0]], id=hits[0]))
                return hits[0]
            chosen = self._numbered([(h, f"{records[h]} ({h})") for h in hits])
            if chosen:
                return chosen

    def _numbered(self, options: list[tuple[str, str]], limit: int = 20) -> str | None:
        for number, (_, label) in enumerate(options[:limit], start=1):
            typer.echo(f"  {number:>2}  {label}")
        if len(options) > limit:
            typer.echo(say("more", self.lang, count=len(options) - limit))
        shown = options[:limit]
        while True:
            answer = typer.prompt(say("number", self.lang), default="", show_default=False)
            if not answer.strip():
                return None
            if answer.strip().isdigit() and 1 <= int(answer) <= len(shown):
                return shown[int(answer) - 1][0]

    def term(self, vocab: Vocabulary, key: str, default: str | None = None) -> str:
        """A vocabulary value: by number, value, or Turkish or English label."""
        from spo.writing import inputs

        for number, t in enumerate(vocab.terms, start=1):
            typer.echo(f"  {number:>2}  {t.label(self.lang)} ({t.value})")
        fallback = str(vocab.index(default) + 1) if default else None
        while True:
            answer = self.text(key, fallback)
            if answer.isdigit() and 1 <= int(answer) <= len(vocab.terms):
                return vocab.terms[int(answer) - 1].value
            try:
                return inputs.term(vocab, answer, key, self.lang)
            except UsageError as exc:
                typer.echo(say("try-again", self.lang, error=exc), err=True)

    def day(self, today: date) -> str:
        from spo.writing import inputs

        return self.checked(
            lambda: self.text("date", today.isoformat()),
            lambda answer: inputs.when(answer, today, self.lang),
        )

    def confirm(self, summary: list[tuple[str, str | None]], yes: bool) -> None:
        width = max(len(say(key, self.lang)) for key, _ in summary)
        for key, value in summary:
            typer.echo(f"{say(key, self.lang) + ':':<{width + 1}} {value or '-'}")
        if not yes and not typer.confirm(say("confirm", self.lang), default=True):
            typer.echo(say("cancelled", self.lang))
            raise typer.Exit(0)
