"""How complete the registry says its record is: the one rule that tells "not entered yet" from
"did not happen".

A municipality's `completeness` entries each say, on some authority (a source), that the registry
holds every record of one kind for that municipality over a period:

    study-visits   every municipality it hosted on a study visit (not every visit, nor its
                   participants): backs "municipalities hosted"
    transfers      every transfer of its projects, with every stage: backs the transfer figures
                   (in talks, supported, transferred to, launched, projects transferred/supported)
    participants   every engagement it hosted, with its participant count: backs "visitors"

Published figures count *so far*, so a statement covers a figure of day D when its record reaches
D (`to`'s earliest day is on or after D) and starts at the beginning: it gives no `from`, or its
`from` is on or before the day the municipality's office certainly opened (nothing to record came
before). Where a statement covers a figure, a shortfall is a contradiction, not a partial record.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from spo.model import Completeness, Municipality, known_by
from spo.rules.vocabulary import COMPLETE_RECORDS, METRICS

_RECORDS_OF_METRIC = {
    "municipalities-hosted": "study-visits",
    "visitors": "participants",
}


def records_of(metric: str) -> str:
    """The kind of record that backs a metric (a COMPLETE_RECORDS value)."""
    return _RECORDS_OF_METRIC.get(metric, "transfers")


assert set(map(records_of, METRICS.values)) == set(COMPLETE_RECORDS.values)


def reaches(statement: Completeness, day: date) -> bool:
    """The statement's record certainly reaches `day`."""
    return statement.to.earliest is not None and statement.to.earliest >= day


def from_the_beginning(statement: Completeness, municipality: Municipality | None) -> bool:
    """The statement's record starts before anything it could count: it gives no `from`, or its
    `from` is on or before the day the municipality's office certainly opened."""
    if statement.start is None:
        return True
    office = municipality.office if municipality else None
    opened = office.opened if office else None
    start = statement.start.latest
    return bool(opened and opened.earliest and start and start <= opened.earliest)


def covering(
    statements: Iterable[Completeness],
    municipality: Municipality | None,
    metric: str,
    day: date,
) -> Completeness | None:
    """The first statement that makes the registry complete for a figure of `metric` published
    on `day` by `municipality`; None when the registry is not declared complete for it."""
    wanted = records_of(metric)
    for statement in statements:
        if (
            statement.records == wanted
            and reaches(statement, day)
            and from_the_beginning(statement, municipality)
        ):
            return statement
    return None


def in_force(statements: Iterable[Completeness], day: date) -> tuple[Completeness, ...]:
    """The statements a report as of `day` can rest on: those whose authority is published by
    then (an undated source counts with its record)."""
    return tuple(s for s in statements if known_by(s.source, day))
