"""How `spo diff` reads, in Turkish or English: the two sides, each record's changes, the
figures that move, the published figures whose status changes, and the headline. The text,
Markdown and JSON views (`diff_views`) lay out these same lines; words come from the catalogue
(`diff.*`, and the report's own headings for its figures)."""

from __future__ import annotations

from functools import cache
from typing import Any

from spo.api import DIFF_STATUSES as STATUSES
from spo.api import (
    MUNICIPALITY_KINDS,
    QUALIFIERS,
    STAGES,
    UNCOUNTED,
    Change,
    Diff,
    FigureDelta,
    FileValue,
    Message,
    RecordDiff,
    Side,
    StatusChange,
    parse_date_or_none,
    vocabulary_keys,
)
from spo.cli.citing import file_value
from spo.cli.language import Lang
from spo.cli.render.labels import date_label, localized_name, metric_label, qualified
from spo.cli.render.report_words import signed
from spo.cli.words import VOCABULARIES, catalogue, label, lower, render, repr_given, say

# A headline figure's heading in the report (`report.<key>`).
_HEADINGS = {
    "municipalities-hosted": "report.hosted",
    "municipalities-in-talks": "report.in_talks",
    "municipalities-supported": "report.supported",
    "municipalities-launched": "report.launched",
    "projects-transferred": "report.projects_transferred",
    "transfers-by-stage": "report.transfers_by_stage",
    "visitors": "report.visitors",
    "engagements-without-count": "diff.without-count",
}
# Published figures whose status changes are named in the headline up to this many (counted
# beyond it).
HEADLINE_STATUSES = 5
# The totals the headline names when they move (the rest are in the details).
HEADLINE = (
    "municipalities-hosted",
    "municipalities-in-talks",
    "municipalities-supported",
    "municipalities-launched",
    "projects-transferred",
    "visitors",
)


def side_text(side: Side, lang: Lang) -> str:
    commit = (side.revision or "")[:7]
    return say(f"diff.side.{side.origin}", lang, label=side.label, commit=commit)


def title(diff: Diff, lang: Lang) -> str:
    return say(
        "diff.title",
        lang,
        base=side_text(diff.base, lang),
        head=side_text(diff.head, lang),
        day=diff.as_of.isoformat(),
    )


class Namer:
    """Records by name, as the reader's language names them; an id no side holds stays an id."""

    def __init__(self, diff: Diff, lang: Lang) -> None:
        self.names, self.lang = diff.names, lang

    def project(self, project_id: Any) -> str:
        found = self.names.projects.get(str(project_id))
        return localized_name(*found, self.lang) if found else str(project_id)

    def municipality(self, municipality_id: Any) -> str:
        return self.names.municipalities.get(str(municipality_id), str(municipality_id))

    def record(self, kind: str, record_id: str) -> str:
        return self.project(record_id) if kind == "project" else self.municipality(record_id)

    def say(self, message: Message) -> str:
        """A change or a place in a record, its ids named and its figure worded."""
        params = {k: "—" if v is None and k in _NAMED else v for k, v in message.params}
        if isinstance(params.get("date"), str):
            dated = parse_date_or_none(params["date"])
            params["date"] = date_label(dated, self.lang) if dated else params["date"]
        for key in ("project", "old_project"):
            if key in params:
                params[key] = self.project(params[key])
        if "field" in params:
            field = params["field"]
            params["field"] = field_name(field, self.lang)
            for key in ("value", "before", "after"):
                if key in params:
                    params[key] = field_value(field, params[key], self.lang)
        if "host" in params:
            params["host"] = self.municipality(params["host"])
        if "metric" in params:
            figure = metric_label(params.pop("metric"), params.pop("municipality_kind"), self.lang)
            value, qualifier = params.pop("value"), params.pop("qualifier")
            if isinstance(value, int) and qualifier in QUALIFIERS.values:
                figure = figure_value(figure, value, qualifier, self.lang)
            params["figure"] = figure
        return render(Message.of(message.key, **params), self.lang)

    def change(self, change: Change) -> str:
        what = self.say(change.what)
        return f"{self.say(change.at)}: {what}" if change.at else what

    def record_line(self, record: RecordDiff) -> str:
        if record.status == "renamed":
            status = say("diff.status.renamed", self.lang, id=record.id, old=record.renamed_from)
        else:
            status = say(f"diff.status.{record.status}", self.lang)
        name = self.record(record.kind, record.id)
        return say("diff.record", self.lang, name=name, id=record.id, status=status)


# What names an event: a dash where the file leaves it out.
_NAMED = ("kind", "host", "date", "stage", "project", "metric")


@cache
def _vocabulary_keys() -> dict[str, str]:
    """The fields whose values are a vocabulary's, as the schemas say: shown by their labels."""
    return vocabulary_keys()


def field_name(field: str, lang: Lang) -> str:
    """A record's field as the reader knows it ("Durum", "Özet › en"); a key spo does not know
    stays as written, in quotes."""
    top, _, rest = field.partition(".")
    if f"diff.field.{top}" not in catalogue():
        return repr_given(field)
    name = say(f"diff.field.{top}", lang)
    return f"{name} › {rest}" if rest else name


def field_value(field: str, value: object, lang: Lang) -> str:
    """A value as written (text in quotes), or its label when the field is a vocabulary's."""
    vocabulary = _vocabulary_keys().get(field)
    if vocabulary and isinstance(value, str) and value in VOCABULARIES[vocabulary].values:
        return label(vocabulary, value, lang)
    return repr_given(file_value(value) if isinstance(value, FileValue) else value)


def figure_label(delta: FigureDelta, lang: Lang) -> str:
    heading = say(_HEADINGS[delta.metric], lang)
    if delta.part is None:
        return heading
    vocabulary = STAGES if delta.metric == "transfers-by-stage" else MUNICIPALITY_KINDS
    part = lower(label(vocabulary, delta.part, lang), lang)
    return say("diff.figure-part", lang, label=heading, part=part)


def figure_line(delta: FigureDelta, lang: Lang) -> str:
    return say(
        "diff.figure-line",
        lang,
        label=figure_label(delta, lang),
        before=delta.before,
        after=delta.after,
        difference=signed(delta.after - delta.before),
    )


def status_text(status: str | None, lang: Lang, side: str) -> str:
    """A published figure's status; where it is not, that it is new or removed."""
    if status is None:
        return say(f"diff.absent-{side}", lang)
    if status == UNCOUNTED:
        return say("diff.uncounted", lang)
    return say(f"report.status.{status}", lang)


def figure_value(figure: str, value: int, qualifier: str, lang: Lang) -> str:
    """A published figure: its metric, then its value as published ("exactly 16")."""
    return say("diff.figure-value", lang, figure=figure, value=qualified(value, qualifier, lang))


def published_figure(change: StatusChange, lang: Lang) -> str:
    """The figure as published; a corrected one with its old value: "exactly 3 → exactly 4"."""
    figure = metric_label(change.metric, change.municipality_kind, lang)
    value = qualified(change.value, change.qualifier, lang)
    if change.value_before is not None and change.qualifier_before is not None:
        value = f"{qualified(change.value_before, change.qualifier_before, lang)} → {value}"
    return say("diff.figure-value", lang, figure=figure, value=value)


def status_line(change: StatusChange, namer: Namer) -> str:
    lang = namer.lang
    line = say(
        "diff.published-line",
        lang,
        owner=namer.municipality(change.owner),
        date=change.date,
        figure=published_figure(change, lang),
        before=status_text(change.before, lang, "before"),
        after=status_text(change.after, lang, "after"),
    )
    if change.recorded_before != change.recorded_after:
        before, after = change.recorded_before, change.recorded_after
        line += say(
            "diff.recorded",
            lang,
            before="—" if before is None else before,
            after="—" if after is None else after,
        )
    return line


def headline(diff: Diff, lang: Lang) -> list[str]:
    """The few facts a reviewer reads first: how many records, the totals that move, the
    published figures whose status changes, the problems introduced and fixed."""
    parts = []
    if diff.records:
        counts = [
            say(
                "diff.headline.part",
                lang,
                count=sum(1 for r in diff.records if r.status == status),
                status=say(
                    f"diff.status.{status}" if status != "renamed" else "diff.renamed", lang
                ),
            )
            for status in STATUSES
            if any(r.status == status for r in diff.records)
        ]
        parts.append(say("diff.headline.records", lang, parts=", ".join(counts)))
    parts += [figure_line(d, lang) for d in diff.figures if d.part is None and d.metric in HEADLINE]
    if len(diff.statuses) <= HEADLINE_STATUSES:
        namer = Namer(diff, lang)
        parts += [status_line(change, namer) for change in diff.statuses]
    else:
        parts.append(say("diff.headline.statuses", lang, count=len(diff.statuses)))
    for key, problems in (("introduced", diff.introduced), ("fixed", diff.fixed)):
        if problems:
            one = "-1" if len(problems) == 1 else ""
            parts.append(say(f"diff.headline.{key}{one}", lang, count=len(problems)))
    return parts or [say("diff.nothing", lang)]
