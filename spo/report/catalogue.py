"""The catalogue as of a day: which projects the registry knows existed by then.

A project counts from the first day the registry knows it existed: the latest possible day of its
launch date, or of its earliest dated source if that comes sooner (a source cannot describe a
project before it exists). A project with neither is undated: the report shows it apart and
never counts it, rather than counting it on every day.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from spo.dates import parse_date_or_none
from spo.model import Project
from spo.turkish import fold
from spo.vocabulary import PARTNER_TYPES, TARGET_GROUPS, THEMES, Vocabulary


def known_since(project: Project) -> date | None:
    """The first day the registry knows `project` existed; None when nothing dates it."""
    sources = [*project.sources, *([project.status_source] if project.status_source else [])]
    days = [project.launched.latest] if project.launched else []
    days += [d.latest for d in map(parse_date_or_none, (s.date for s in sources)) if d]
    known = [d for d in days if d is not None]
    return min(known) if known else None


@dataclass(frozen=True)
class Catalogue:
    projects: tuple[Project, ...]  # known to exist by the day
    undated: tuple[Project, ...]  # nothing dates them: shown apart, not counted

    @classmethod
    def of(cls, projects: Iterable[Project], day: date) -> Catalogue:
        known, undated = [], []
        for project in projects:
            since = known_since(project)
            if since is None:
                undated.append(project)
            elif since <= day:
                known.append(project)
        return cls(tuple(known), tuple(undated))

    def by_theme(self) -> dict[str, int]:
        return _ranked(Counter(t for p in self.projects for t in set(p.themes)), THEMES)

    def by_target_group(self) -> dict[str, int]:
        counts = Counter(g for p in self.projects for g in set(p.target_groups))
        return _ranked(counts, TARGET_GROUPS)

    def partners_by_type(self) -> dict[str, int]:
        """The partners of these projects, each counted once per type (names compared folded)."""
        folded: dict[str, str] = {}  # the same partners recur across projects: fold each once
        partners: set[tuple[str, str]] = set()
        for project in self.projects:
            for partner in project.partners:
                if partner.name not in folded:
                    folded[partner.name] = fold(partner.name)
                partners.add((partner.type, folded[partner.name]))
        counts = Counter(kind for kind, _ in partners)
        return {kind: counts[kind] for kind in PARTNER_TYPES.values}


def _ranked(counts: Counter[str], vocabulary: Vocabulary) -> dict[str, int]:
    """Most frequent first; ties in the vocabulary's order (unknown values last)."""
    order = {value: i for i, value in enumerate(vocabulary.values)}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], order.get(item[0], len(order))))
    return dict(ranked)
