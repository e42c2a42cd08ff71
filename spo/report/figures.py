"""Published figures set beside the registry: met, partly recorded, contradicted, or unbacked.

The qualifiers' rules are `spo.rules.qualifiers`.

A registry is usually incomplete: staff record transfers one by one. So a shortfall is not a
refutation. As of the figure's date:

    unbacked         the registry records nothing that could back it (no transfers at all for a
                     transfer figure, no study visit for "hosted", no participant count for
                     "visitors"); the registry simply does not know
    met              the recorded value satisfies the qualifier
    contradicted     the records exceed what the figure allows (more than `exact` 16, or than
                     "nearly 40", "fewer than 5"): more records cannot undo that
    partly-recorded  the records fall short of the figure ("recorded 1 of more than 30"); never
                     a negative difference and never "not met"

A shortfall contradicts a figure only where the registry is declared complete for its scope and date
(`spo.model.completeness`): the figure's publisher says the registry holds every record of the kind
behind it up to the figure's day. Then a shortfall, even to nothing recorded, is contradicted, and
the check names the statement (`complete`) that makes it so.

A met figure is an *echo* when every record behind it cites only the figure's own source: the
records repeat the announcement, they do not confirm it. Otherwise it says how many other
documents the records cite (`corroborating`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spo.model import Completeness, ReportedFigure, Source
from spo.model.completeness import covering, in_force
from spo.report.scope import KINDS, Measure, Scope, Tallies
from spo.rules.qualifiers import figure_exceeded, figure_met
from spo.rules.vocabulary import METRICS, QUALIFIERS

MET, PARTLY_RECORDED, CONTRADICTED, UNBACKED = "met", "partly-recorded", "contradicted", "unbacked"
STATUSES = (MET, PARTLY_RECORDED, CONTRADICTED, UNBACKED)


@dataclass(frozen=True)
class FigureCheck:
    """A published figure beside the registry's own value as of the figure's date."""

    owner: str
    date: str
    metric: str
    municipality_kind: str | None
    value: int
    qualifier: str
    measure: Measure
    source: Source | None
    # The statement that the registry holds every record behind the figure up to its day; None:
    # not declared complete, so a shortfall may be records not entered yet.
    complete: Completeness | None = None

    @property
    def settled_by_records(self) -> bool:
        """Whether the registry's value can be set against the figure: it records events of the
        figure's kind, or it is declared complete for them (then nothing recorded is a 0)."""
        return self.measure.family > 0 or self.complete is not None

    @property
    def recorded(self) -> int:
        return self.measure.value

    @property
    def recorded_value(self) -> int | None:
        """The registry's value where it can be set against the figure; None where nothing
        could back it (shown as "—", JSON null)."""
        return self.recorded if self.settled_by_records else None

    @property
    def backing(self) -> int:
        """How many records the recorded value rests on."""
        return self.measure.backing

    @property
    def status(self) -> str:
        if not self.settled_by_records:
            return UNBACKED
        if figure_met(self.qualifier, self.value, self.recorded):
            return MET
        if figure_exceeded(self.qualifier, self.value, self.recorded) or self.complete:
            return CONTRADICTED
        # A shortfall: the registry may not hold every record yet (and a visitors' sum is only
        # a lower bound where some engagements give no count).
        return PARTLY_RECORDED

    @property
    def shortfall(self) -> bool:
        """Contradicted because the records, declared complete, fall short of the figure."""
        return self.status == CONTRADICTED and not figure_exceeded(
            self.qualifier, self.value, self.recorded
        )

    @property
    def corroborating(self) -> int:
        """How many documents other than the figure's own source the backing records cite."""
        others: list[Source] = []
        for source in self.measure.sources:
            if source is None or same_document(source, self.source):
                continue
            if not any(same_document(source, seen) for seen in others):
                others.append(source)
        return len(others)

    @property
    def echo(self) -> bool:
        """Met, but every record behind it cites only the figure's own source."""
        sources = self.measure.sources
        return (
            self.status == MET
            and bool(sources)
            and all(s is not None and same_document(s, self.source) for s in sources)
        )

    @property
    def met(self) -> bool | None:
        """True when met, False when contradicted; None when the registry cannot tell."""
        return {MET: True, CONTRADICTED: False}.get(self.status)

    @property
    def difference(self) -> int | None:
        """How far the records are from the figure, where they settle it (met or contradicted);
        a shortfall of a partly recorded figure is not a difference."""
        return None if self.met is None else self.recorded - self.value


def same_document(one: Source, other: Source | None) -> bool:
    """Two citations of the same document: the same stored copy, the same address, or the same
    publisher, title and date."""
    if other is None:
        return False
    if one.archived and other.archived:
        return one.archived == other.archived
    if one.url and other.url:
        return one.url.rstrip("/") == other.url.rstrip("/")
    titled = one.title is not None and other.title is not None
    return titled and (one.publisher, one.title, one.date) == (
        other.publisher,
        other.title,
        other.date,
    )


def _figure_order(figure: ReportedFigure) -> tuple[object, ...]:
    kind = figure.municipality_kind
    return (
        figure.date.sort_key(),
        METRICS.index(figure.metric),
        -1 if kind is None else KINDS.index(kind) if kind in KINDS else len(KINDS),
        figure.owner,
    )


def figure_checks(
    figures: list[ReportedFigure], scopes: dict[str | None, Scope], day: date
) -> tuple[FigureCheck, ...]:
    """Each figure beside the value in its owner's scope as of the figure's latest possible day,
    with the statement of completeness (whose authority is out by `day`) that covers it."""
    tallies: dict[tuple[str, date], Tallies] = {}
    checks = []
    for figure in sorted(figures, key=_figure_order):
        published = figure.date.latest
        assert published is not None  # only figures certainly published by the report's day
        key = (figure.owner, published)
        if key not in tallies:
            tallies[key] = scopes[figure.owner].tallies(published)
        owner = scopes[figure.owner].registry.municipalities.get(figure.owner)
        statements = in_force(owner.completeness, day) if owner else ()
        checks.append(
            FigureCheck(
                owner=figure.owner,
                date=figure.date.text,
                metric=figure.metric,
                municipality_kind=figure.municipality_kind,
                value=figure.value,
                qualifier=figure.qualifier,
                measure=tallies[key].measure(figure.metric, figure.municipality_kind),
                source=figure.source,
                complete=covering(statements, owner, figure.metric, published),
            )
        )
    return tuple(checks)


def checkable(figure: ReportedFigure, owner: str | None, day: date) -> bool:
    """A figure the report sets beside the registry: in scope, certainly published by `day`,
    with a metric and qualifier spo knows (`spo validate` reports the others)."""
    return (
        owner in (None, figure.owner)
        and figure.date.certainly_by(day)
        and figure.metric in METRICS.values
        and figure.qualifier in QUALIFIERS.values
    )
