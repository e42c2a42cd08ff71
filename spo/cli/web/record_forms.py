"""The five forms of `spo serve` (issue 26, "Record"): a study visit (engagement), a transfer
stage, a new municipality, a new project, a new published figure. Each is its fields and a plan:
the posted fields checked one by one (`spo.cli.web.forms.Checker`, the questions' own checks),
then, when none is refused, the write the command line makes with the same answers
(`spo engagement add`, `spo transfer add`, `spo municipality new`, `spo project new`,
`spo figure add`) and the page of the record it wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spo.api import (
    ENGAGEMENT_KINDS,
    KNOWN_STATUSES,
    METRICS,
    MUNICIPALITY_KINDS,
    PROJECT_STATUSES,
    QUALIFIERS,
    SERVICE_MODELS,
    STAGES,
    TARGET_GROUPS,
    THEMES,
    Registry,
    UsageError,
    Vocabulary,
    WriteResult,
    district_of,
    find_district,
    province_of,
    shortened_project_id,
    town_of,
)
from spo.cli.web.forms import Checker, Field, Widget

Write = Callable[[Registry, bool], WriteResult]  # the write, or with True its dry run


@dataclass(frozen=True)
class Plan:
    """What a form's answers write, and the page that shows the record written."""

    write: Write
    page: Callable[[WriteResult], str]


@dataclass(frozen=True)
class RecordForm:
    name: str  # in the address: /record/<name>
    fields: tuple[Field, ...]
    plan: Callable[[Checker], Plan | None]
    today_in: tuple[str, ...] = ()  # date fields that offer today, as the questions do


def _p(
    name: str,
    key: str | None = None,
    *,
    widget: Widget = "text",
    required: bool = False,
    vocab: Vocabulary | None = None,
    hint: str | None = None,
    names: str | None = None,
) -> Field:
    """A field labelled with its question's words (`prompt.<key>`)."""
    return Field(name, f"prompt.{key or name}", widget, required, vocab, hint, names)


def _w(
    name: str, *, widget: Widget = "text", vocab: Vocabulary | None = None, hint: str | None = None
) -> Field:
    """A field the questions do not ask for (optional), labelled from the pages' words."""
    return Field(name, f"web.form.label.{name}", widget, False, vocab, hint)


RECORD = "web.form.hint.record"
DATE = "web.form.hint.date"
URL = "web.form.hint.url"
NOTE, SOURCE = _p("note", widget="textarea"), _p("source", widget="url", hint=URL)


# --- a study visit, meeting or training: `spo engagement add` ----------------------------------


def _engagement(c: Checker) -> Plan | None:
    visitor = c.record("visitor", "municipality")
    host = c.record("host", "municipality")
    kind = c.term("kind", ENGAGEMENT_KINDS)
    when = c.day("date")
    people = c.number("participants")
    note = c.free_text("note", "note")
    source = c.web_address("source")
    if c.errors or not (visitor and host and kind and when):
        return None

    def write(registry: Registry, dry_run: bool) -> WriteResult:
        return registry.add_engagement(
            visitor, host, kind, date=when, participants=people, note=note, source=source,
            today=c.today, dry_run=dry_run,
        )  # fmt: skip

    return Plan(write, lambda _: f"/municipalities/{visitor}")


ENGAGEMENT = RecordForm(
    "engagement",
    (
        _p("visitor", widget="record", required=True, hint=RECORD, names="municipality"),
        _p("host", widget="record", required=True, hint=RECORD, names="municipality"),
        _p("kind", widget="select", required=True, vocab=ENGAGEMENT_KINDS),
        _p("date", widget="date", required=True, hint=DATE),
        _p("participants", widget="number"),
        NOTE,
        SOURCE,
    ),
    _engagement,
    today_in=("date",),
)


# --- a transfer stage: `spo transfer add` ------------------------------------------------------


def _stage(c: Checker) -> Plan | None:
    project = c.record("project", "project")
    adopting = c.record("municipality", "municipality")
    stage = c.term("stage", STAGES)
    when = c.day("date")
    note = c.free_text("note", "note")
    source = c.web_address("source")
    if c.errors or not (project and adopting and stage and when):
        return None

    def write(registry: Registry, dry_run: bool) -> WriteResult:
        return registry.add_stage(
            project, adopting, stage, date=when, note=note, source=source, today=c.today,
            dry_run=dry_run,
        )  # fmt: skip

    return Plan(write, lambda _: f"/municipalities/{adopting}")


STAGE = RecordForm(
    "stage",
    (
        _p("project", widget="record", required=True, hint=RECORD, names="project"),
        _p(
            "municipality",
            "adopting",
            widget="record",
            required=True,
            hint=RECORD,
            names="municipality",
        ),
        _p("stage", widget="select", required=True, vocab=STAGES),
        _p("date", widget="date", required=True, hint=DATE),
        NOTE,
        SOURCE,
    ),
    _stage,
    today_in=("date",),
)


# --- a new municipality: `spo municipality new` ------------------------------------------------


def _place(c: Checker) -> tuple[str | None, str | None, str | None]:
    """The province, district and town as typed, each checked against the tables (as
    `spo.cli.place_questions.ask_place` checks them): a district only in a known province, a
    town only in a known district."""
    province = c.value("province", province_of)
    district = None
    if province is not None:
        district = c.value("district", lambda text: district_of(province, text))
    if province is not None and district is not None:
        official = find_district(province, district)
        if official:
            c.value("town", lambda text: town_of(province, official, text))
    typed = c.text_of
    return typed("province") or None, typed("district") or None, typed("town") or None


def _municipality(c: Checker) -> Plan | None:
    province, district, town = _place(c)
    kind = c.term("kind", MUNICIPALITY_KINDS)
    name = c.free_text("name", "name")
    website = c.web_address("website")
    source = c.web_address("source")
    if c.errors or province is None:
        return None

    def write(registry: Registry, dry_run: bool) -> WriteResult:
        return registry.new_municipality(
            province, kind=kind, district=district, town=town, name=name, website=website,
            sources=[source] if source else [], today=c.today, dry_run=dry_run,
        )  # fmt: skip

    return Plan(write, lambda result: f"/municipalities/{result.path.stem}")


MUNICIPALITY = RecordForm(
    "municipality",
    (
        _p("province", required=True, hint="web.form.hint.province"),
        _p("district", hint="web.form.hint.district"),
        _p("town"),
        _p("kind", widget="select", vocab=MUNICIPALITY_KINDS, hint="web.form.hint.kind"),
        _p("name", hint="web.form.hint.name"),
        _w("website", widget="url", hint=URL),
        SOURCE,
    ),
    _municipality,
)


# --- a new project: `spo project new` ----------------------------------------------------------


def _project(c: Checker) -> Plan | None:
    registry = Registry(c.root)
    name = c.free_text("name", "name")
    if name is not None:  # as the question checks it: the id it makes must be free
        c.value("name", lambda text: registry.free_project_id(text))
    owner = c.record("owner", "municipality")
    summary = c.free_text("summary", "summary")
    status = c.term("status", PROJECT_STATUSES)
    known = status in KNOWN_STATUSES  # then the questions ask for its day and its source
    as_of = c.day("status_as_of", required=known)
    status_source = c.web_address("status_source", required=known)
    name_en = c.free_text("name_en", "name")
    summary_en = c.free_text("summary_en", "summary")
    launched = c.day("launched")
    themes = c.terms("themes", THEMES)
    groups = c.terms("target_groups", TARGET_GROUPS)
    model = c.term("service_model", SERVICE_MODELS)
    website = c.web_address("website")
    source = c.web_address("source")
    if c.errors or not (name and owner and summary and status):
        return None

    def write(registry: Registry, dry_run: bool) -> WriteResult:
        return registry.new_project(
            name, owner=owner, summary=summary, status=status,
            project_id=shortened_project_id(name), name_en=name_en, summary_en=summary_en,
            launched=launched, status_as_of=as_of, status_source=status_source, themes=themes,
            target_groups=groups, service_model=model, website=website,
            sources=[source] if source else [], today=c.today, dry_run=dry_run,
        )  # fmt: skip

    return Plan(write, lambda result: f"/projects/{result.path.stem}")


PROJECT = RecordForm(
    "project",
    (
        _p("name", required=True),
        _p("owner", widget="record", required=True, hint=RECORD, names="municipality"),
        _p("summary", widget="textarea", required=True),
        _p("status", widget="select", required=True, vocab=PROJECT_STATUSES),
        _p("status_as_of", widget="date", hint="web.form.hint.status"),
        _p("status_source", widget="url", hint="web.form.hint.status"),
        _w("name_en"),
        _w("summary_en", widget="textarea"),
        _w("launched", widget="date", hint=DATE),
        _w("themes", widget="checkboxes", vocab=THEMES),
        _w("target_groups", widget="checkboxes", vocab=TARGET_GROUPS),
        _w("service_model", widget="select", vocab=SERVICE_MODELS),
        _w("website", widget="url", hint=URL),
        SOURCE,
    ),
    _project,
)


# --- a published figure: `spo figure add` ------------------------------------------------------


def _publisher(c: Checker) -> str | None:
    """The municipality named, else (as the questions say) the one that runs the office."""
    if c.text_of("publisher"):
        return c.record("publisher", "municipality")
    try:
        return Registry(c.root).office()
    except UsageError as exc:
        c.refuse("publisher", exc)
        return None


def _figure(c: Checker) -> Plan | None:
    publisher = _publisher(c)
    metric = c.term("metric", METRICS)
    kind = c.term("municipality_kind", MUNICIPALITY_KINDS)
    value = c.number("value")
    qualifier = c.term("qualifier", QUALIFIERS)
    when = c.day("date")
    note = c.free_text("note", "note")
    url = c.web_address("source")
    title = c.free_text("source_title", "source")
    if c.errors or not (publisher and metric and value is not None and qualifier and when):
        return None
    source = {"url": url, "title": title} if title else url

    def write(registry: Registry, dry_run: bool) -> WriteResult:
        return registry.add_figure(
            municipality=publisher, date=when, metric=metric, value=value, qualifier=qualifier,
            municipality_kind=kind, note=note, source=source, today=c.today, dry_run=dry_run,
        )  # fmt: skip

    return Plan(write, lambda _: f"/municipalities/{publisher}")


FIGURE = RecordForm(
    "figure",
    (
        _p("publisher", widget="record", hint="web.form.hint.publisher", names="municipality"),
        _p("metric", widget="select", required=True, vocab=METRICS),
        _p("municipality_kind", "municipality-kind", widget="select", vocab=MUNICIPALITY_KINDS),
        _p("value", widget="number", required=True),
        _p("qualifier", widget="select", required=True, vocab=QUALIFIERS),
        _p("date", widget="date", required=True, hint=DATE),
        NOTE,
        _p("source", widget="url", required=True, hint=URL),
        _w("source_title"),
    ),
    _figure,
)

FORMS = {f.name: f for f in (ENGAGEMENT, STAGE, MUNICIPALITY, PROJECT, FIGURE)}


def office_of(root: Path) -> str:
    """The office's municipality, offered as a figure's publisher; empty when there is none."""
    try:
        return Registry(root).office()
    except UsageError:
        return ""
