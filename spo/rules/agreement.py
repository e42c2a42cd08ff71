"""The office's published figures checked against each other, under spo's definitions.

A figure says its count lies within bounds (`bounds`: "16" is 16, "nearly 40" is 36 to 40, "more
than 30" is 31 or more). Every count but "in talks" only grows: municipalities once hosted or
supported stay so, projects once transferred stay so, visitors add up. So a figure can disagree
with a later one of the same count when its least possible value exceeds the later one's largest.

Two choices are spo's, and are said where the report shows a disagreement:
- "Municipalities transferred to" and "supported" are one count, and so are "projects
  transferred" and "projects supported" (the report counts both from the same transfers);
- figures by kind of municipality published together, in one source on one date ("6
  büyükşehir, 2 il ve 9 ilçe belediyesi"), are read as the whole of that count (6 + 2 + 9 = 17).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from spo.rules.dates import FuzzyDate
from spo.rules.qualifiers import bounds


class Published(Protocol):
    """A published figure as this rule reads it: the model's `ReportedFigure`, or the entries of
    a record being validated."""

    @property
    def owner(self) -> str: ...
    @property
    def date(self) -> FuzzyDate: ...
    @property
    def metric(self) -> str: ...
    @property
    def municipality_kind(self) -> str | None: ...
    @property
    def value(self) -> int: ...
    @property
    def qualifier(self) -> str: ...
    @property
    def source(self) -> Hashable: ...


Figure = TypeVar("Figure", bound=Published)

# One count under two names: the later name of each pair stands for both.
SAME_COUNT = {
    "municipalities-transferred-to": "municipalities-supported",
    "projects-transferred": "projects-supported",
}
# Counts that may fall over time: a municipality in talks today may be supported tomorrow.
MAY_FALL = frozenset({"municipalities-in-talks"})


@dataclass(frozen=True)
class Claim(Generic[Figure]):
    """What one figure, or the parts of one count published together, say of a total."""

    figures: tuple[Figure, ...]
    least: int
    most: int | None

    @property
    def first(self) -> Figure:
        return self.figures[0]


@dataclass(frozen=True)
class Disagreement(Generic[Figure]):
    """An earlier claim whose least possible count exceeds a later claim's largest."""

    earlier: tuple[Figure, ...]
    later: tuple[Figure, ...]


def _claims(figures: Iterable[Figure]) -> dict[tuple[str, str], list[Claim[Figure]]]:
    """Each owner's claims about each count's total, by owner and count."""
    wholes: dict[tuple[str, str], list[Claim[Figure]]] = defaultdict(list)
    parts: dict[tuple[str, str, str, Hashable], list[Figure]] = defaultdict(list)
    for figure in figures:
        count = SAME_COUNT.get(figure.metric, figure.metric)
        if count in MAY_FALL:
            continue
        if figure.municipality_kind is None:
            least, most = bounds(figure.value, figure.qualifier)
            wholes[(figure.owner, count)].append(Claim((figure,), least, most))
        else:
            parts[(figure.owner, count, figure.date.text, figure.source)].append(figure)
    for (owner, count, _, _), together in parts.items():
        if len({f.municipality_kind for f in together}) < 2:
            continue  # one kind alone says nothing of the whole
        spans = [bounds(f.value, f.qualifier) for f in together]
        largest = [most for _, most in spans if most is not None]
        whole = sum(largest) if len(largest) == len(spans) else None
        least = sum(least for least, _ in spans)
        wholes[(owner, count)].append(Claim(tuple(together), least, whole))
    return wholes


def disagreements(figures: Iterable[Figure]) -> tuple[Disagreement[Figure], ...]:
    """Every pair of an owner's claims about one count that cannot both be true, earlier first."""
    found = []
    for claims in _claims(figures).values():
        claims.sort(key=lambda c: c.first.date.sort_key())
        for i, earlier in enumerate(claims):
            for later in claims[i + 1 :]:
                if not earlier.first.date.certainly_before(later.first.date):
                    continue
                if later.most is not None and earlier.least > later.most:
                    found.append(Disagreement(earlier.figures, later.figures))
    return tuple(found)
