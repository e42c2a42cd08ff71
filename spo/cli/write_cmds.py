"""`spo transfer add`, `spo engagement add`, `spo municipality new`, `spo project new`.

Each command calls one operation of `spo.writing` and shows what it wrote: the file and its new
lines, or with `--dry-run` a diff. In a terminal, a command missing a required option asks for
everything it lacks (a project or municipality by part of its name, a stage from its labels, the
date with today as default), shows a summary and asks for confirmation (`--yes` skips it). When
stdin or stdout is not a terminal nothing is ever asked: a missing option is a usage error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from spo.cli.app import engagement_app, municipality_app, project_app, settings, transfer_app
from spo.cli.find_cmds import complete_municipality_id, complete_project_id
from spo.errors import UsageError
from spo.i18n import Catalogue
from spo.vocabulary import (
    ENGAGEMENT_KINDS,
    MUNICIPALITY_KINDS,
    PROGRESS_STAGES,
    PROJECT_STATUSES,
    STAGES,
    Lang,
    Vocabulary,
)

if TYPE_CHECKING:
    from spo.model import Registry
    from spo.writing.editing import WriteResult

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


DryRun = Annotated[
    bool, typer.Option("--dry-run", help="Show the change as a diff; write nothing.")
]
Yes = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]
Sources = Annotated[
    list[str] | None, typer.Option("--source", help="Where the facts come from (URL); repeatable.")
]


def _values(vocab: Vocabulary) -> Callable[[str], list[tuple[str, str]]]:
    """Shell completion of a vocabulary's values, each with its labels."""

    def complete(incomplete: str) -> list[tuple[str, str]]:
        return [
            (t.value, f"{t.tr} / {t.en}") for t in vocab.terms if t.value.startswith(incomplete)
        ]

    return complete


def _date_help(what: str) -> str:
    return (
        f"Date of the {what}: YYYY-MM-DD (default: today); YYYY-MM, YYYY, ../YYYY-MM-DD "
        "('on or before') when the source says no more."
    )


# --- rendering a result -------------------------------------------------------------------------


def report(result: WriteResult, lang: Lang, created: bool = False) -> None:
    if not result.written:
        typer.echo(result.diff(), nl=False)
        typer.echo(say("dry-run", lang), err=True)
        return
    typer.echo(say("created" if created else "wrote", lang, path=result.shown_path))
    width = len(str(result.added_lines[-1][0])) if result.added_lines else 1
    for number, text in result.added_lines:
        typer.echo(f"  {number:>{width}} | {text}")


# --- asking -------------------------------------------------------------------------------------


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


def _root_and_lang(ctx: typer.Context) -> tuple[Path, Lang]:
    from spo import registry

    opts = settings(ctx)
    return registry.find_root(opts.root), opts.lang


def _next_stage(asker: Asker, project: str, municipality: str) -> str | None:
    """The stage that would follow the transfer's current one; shows the current one."""
    found = asker.registry.municipalities.get(municipality)
    for transfer in found.transfers if found else ():
        if transfer.project == project:
            current = transfer.current
            label = STAGES.label(current.stage, asker.lang)
            typer.echo(say("current", asker.lang, stage=label, date=current.date))
            if current.stage in PROGRESS_STAGES[:-1]:
                return PROGRESS_STAGES[PROGRESS_STAGES.index(current.stage) + 1]
            return None
    return "inquiry"


# --- transfer add -------------------------------------------------------------------------------


@transfer_app.command("add")
def transfer_add(
    ctx: typer.Context,
    project: Annotated[
        str | None,
        typer.Option("--project", help="The project (id).", autocompletion=complete_project_id),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="The municipality adopting it (id).",
            autocompletion=complete_municipality_id,
        ),
    ] = None,
    stage: Annotated[
        str | None,
        typer.Option(
            "--stage",
            help=f"The stage reached: {', '.join(STAGES.values)} (or its label).",
            autocompletion=_values(STAGES),
        ),
    ] = None,
    when: Annotated[str | None, typer.Option("--date", help=_date_help("stage"))] = None,
    note: Annotated[str | None, typer.Option("--note", help="A short note.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Source (URL).")] = None,
    dry_run: DryRun = False,
    yes: Yes = False,
) -> None:
    """Record a stage of a project's transfer to a municipality, in that municipality's file.

    The first stage creates the transfer; later ones join its history in date order. In a
    terminal, missing options are asked for.
    """
    from spo.writing.transfers import add_stage

    root, lang = _root_and_lang(ctx)
    today = date.today()
    if require({"--project": project, "--to": to, "--stage": stage}, lang):
        asker = Asker(root, lang)
        project = project or asker.record("project", "project")
        owner = asker.registry.projects[project].owner if project in asker.registry.projects else ""
        to = to or asker.record("municipality", "adopting", exclude=[owner])
        stage = stage or asker.term(STAGES, "stage", _next_stage(asker, project, to))
        when = when or asker.day(today)
        note = note or asker.optional("note")
        source = source or asker.optional("source")
        asker.confirm(
            [
                ("project", project),
                ("adopting", to),
                ("stage", STAGES.label(stage, lang)),
                ("date", when),
                ("note", note),
                ("source", source),
            ],
            yes,
        )
    assert project and to and stage
    result = add_stage(
        root, project, to, stage, when, note, source, today=today, lang=lang, dry_run=dry_run
    )
    report(result, lang)


# --- engagement add -----------------------------------------------------------------------------


@engagement_app.command("add")
def engagement_add(
    ctx: typer.Context,
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="The visiting or engaged municipality (id), whose file records it.",
            autocompletion=complete_municipality_id,
        ),
    ] = None,
    host: Annotated[
        str | None,
        typer.Option(
            "--host",
            help="The mentoring municipality that hosted it (id).",
            autocompletion=complete_municipality_id,
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            help=f"{', '.join(ENGAGEMENT_KINDS.values)} (or its label).",
            autocompletion=_values(ENGAGEMENT_KINDS),
        ),
    ] = None,
    when: Annotated[str | None, typer.Option("--date", help=_date_help("engagement"))] = None,
    participants: Annotated[
        int | None, typer.Option("--participants", min=0, help="How many people took part.")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A short note.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Source (URL).")] = None,
    dry_run: DryRun = False,
    yes: Yes = False,
) -> None:
    """Record a study visit, meeting or training with a mentoring municipality (such as a
    Social Policy Tour visit), in the visiting municipality's file. In a terminal, missing
    options are asked for."""
    from spo.writing.engagements import add_engagement

    root, lang = _root_and_lang(ctx)
    today = date.today()
    if require({"--to": to, "--host": host, "--kind": kind}, lang):
        asker = Asker(root, lang)
        to = to or asker.record("municipality", "visitor")
        host = host or asker.record("municipality", "host", exclude=[to])
        kind = kind or asker.term(ENGAGEMENT_KINDS, "kind")
        when = when or asker.day(today)
        note = note or asker.optional("note")
        source = source or asker.optional("source")
        asker.confirm(
            [
                ("visitor", to),
                ("host", host),
                ("kind", ENGAGEMENT_KINDS.label(kind, lang)),
                ("date", when),
                ("participants", None if participants is None else str(participants)),
                ("note", note),
                ("source", source),
            ],
            yes,
        )
    assert to and host and kind
    result = add_engagement(
        root,
        to,
        host,
        kind,
        when,
        participants,
        note,
        source,
        today=today,
        lang=lang,
        dry_run=dry_run,
    )
    report(result, lang)


# --- municipality new / project new --------------------------------------------------------------


@municipality_app.command("new")
def municipality_new(
    ctx: typer.Context,
    province: Annotated[
        str | None, typer.Option("--province", help="Province: Turkish name or plate code.")
    ] = None,
    district: Annotated[
        str | None, typer.Option("--district", help="District, for a district or town.")
    ] = None,
    town: Annotated[str | None, typer.Option("--town", help="Town, for a town (belde).")] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            help=f"{', '.join(MUNICIPALITY_KINDS.values)} (default: from the province and the "
            "names given).",
        ),
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", help="Official name, if not the usual form.")
    ] = None,
    website: Annotated[str | None, typer.Option("--website", help="Website (URL).")] = None,
    sources: Sources = None,
    dry_run: DryRun = False,
    yes: Yes = False,
) -> None:
    """Create a municipality file; its id, name and kind come from the province table."""
    from spo.writing.records import new_municipality

    root, lang = _root_and_lang(ctx)
    today = date.today()
    asked = require({"--province": province}, lang)
    if asked:
        asker = Asker(root, lang)
        province = asker.checked(
            lambda: asker.text("province"),
            lambda answer: _province(answer, lang),
        )
        district = district or asker.optional("district")
        town = town or (asker.optional("town") if district else None)
    assert province

    def make(preview: bool) -> WriteResult:
        assert province
        return new_municipality(
            root,
            province,
            kind,
            district,
            town,
            name=name,
            website=website,
            sources=sources or (),
            today=today,
            lang=lang,
            dry_run=preview,
        )

    _create_with(make, asked, yes, dry_run, lang)


def _province(answer: str, lang: Lang) -> None:
    from spo.writing.records import province_of

    province_of(answer, lang)


def _create_with(
    make: Callable[[bool], WriteResult], asked: bool, yes: bool, dry_run: bool, lang: Lang
) -> None:
    """Create a record; after questions, show the file first and ask before writing it."""
    if asked and not dry_run:
        preview = make(True)
        typer.echo(preview.new_text, nl=False)
        if not yes and not typer.confirm(say("confirm", lang), default=True):
            typer.echo(say("cancelled", lang))
            raise typer.Exit(0)
    report(make(dry_run), lang, created=True)


@project_app.command("new")
def project_new(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Option("--name", help="Name in Turkish.")] = None,
    owner: Annotated[
        str | None,
        typer.Option(
            "--owner",
            help="The municipality that runs it (id).",
            autocompletion=complete_municipality_id,
        ),
    ] = None,
    summary: Annotated[
        str | None, typer.Option("--summary", help="What it does, in Turkish.")
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help=f"{', '.join(PROJECT_STATUSES.values)} (or its label).",
            autocompletion=_values(PROJECT_STATUSES),
        ),
    ] = None,
    project_id: Annotated[
        str | None, typer.Option("--id", help="Id (default: the Turkish name as a slug).")
    ] = None,
    name_en: Annotated[str | None, typer.Option("--name-en", help="Name in English.")] = None,
    summary_en: Annotated[
        str | None, typer.Option("--summary-en", help="Summary in English.")
    ] = None,
    launched: Annotated[
        str | None, typer.Option("--launched", help="When it started (YYYY-MM-DD, YYYY-MM, YYYY).")
    ] = None,
    themes: Annotated[list[str] | None, typer.Option("--theme", help="Theme; repeatable.")] = None,
    target_groups: Annotated[
        list[str] | None, typer.Option("--target-group", help="Target group; repeatable.")
    ] = None,
    service_model: Annotated[
        str | None, typer.Option("--service-model", help="Service model.")
    ] = None,
    website: Annotated[str | None, typer.Option("--website", help="Website (URL).")] = None,
    sources: Sources = None,
    dry_run: DryRun = False,
    yes: Yes = False,
) -> None:
    """Create a project file; its id is its Turkish name as a slug."""
    from spo.writing.records import new_project

    root, lang = _root_and_lang(ctx)
    today = date.today()
    given = {"--name": name, "--owner": owner, "--summary": summary, "--status": status}
    asked = require(given, lang)
    if asked:
        asker = Asker(root, lang)
        name = name or asker.text("name")
        owner = owner or asker.record("municipality", "owner")
        summary = summary or asker.text("summary")
        status = status or asker.term(PROJECT_STATUSES, "status")

    def make(preview: bool) -> WriteResult:
        assert name and owner and summary and status
        return new_project(
            root,
            name,
            owner,
            summary,
            status,
            project_id=project_id,
            name_en=name_en,
            summary_en=summary_en,
            launched=launched,
            themes=themes or (),
            target_groups=target_groups or (),
            service_model=service_model,
            website=website,
            sources=sources or (),
            today=today,
            lang=lang,
            dry_run=preview,
        )

    _create_with(make, asked, yes, dry_run, lang)
