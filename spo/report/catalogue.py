"""The catalogue as of a day: which projects the registry knows existed by then.

A project counts from the first day the registry knows it existed: the latest possible day of its
launch date; without one (or with one open-ended, "on or after"), the earliest latest-possible
day of its dated sources and of its transfers' history entries (a project that was presented to
another municipality existed). A project with none of these is undated: the report shows it
apart and never counts it, rather than counting it on every day.

A project's themes and target groups count from the date of the source that first gives them
(`field_sources`) where that is later than the project; a partner counts from the date of its own
source. Until then the project counts without them: the registry does not invent an earlier day.

Partners by type count the partners of these projects, each once per type, the same registry
municipality (or the same name, folded) once; a co-participant in a shared programme is not a
partner of the project and is left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from spo.model import Project, Transfer, known_by
from spo.rules.dates import parse_date_or_none
from spo.rules.turkish import fold
from spo.rules.vocabulary import PARTNER_TYPES, TARGET_GROUPS, THEMES, Vocabulary


def known_since(project: Project, transfers: Iterable[Transfer] = ()) -> date | None:
    """The first day the registry knows `project` existed; None when nothing dates it."""
    if project.launched and project.launched.latest:
        return project.launched.latest
    sources = [*project.sources, *([project.status_source] if project.status_source else [])]
    dates = [d for d in map(parse_date_or_none, (s.date for s in sources)) if d]
    dates += [e.date for t in transfers for e in t.history]
    known = [d.latest for d in dates if d.latest is not None]
    return min(known) if known else None


@dataclass(frozen=True)
class Catalogue:
    projects: tuple[Project, ...]  # known to exist by the day
    undated: tuple[Project, ...]  # nothing dates them: shown apart, not counted
    day: date

    @classmethod
    def of(
        cls,
        projects: Iterable[Project],
        day: date,
        transfers: Mapping[str, list[Transfer]] | None = None,
    ) -> Catalogue:
        """`transfers`: each project's transfers, by project id."""
        known, undated = [], []
        for project in projects:
            since = known_since(project, (transfers or {}).get(project.id, ()))
            if since is None:
                undated.append(project)
            elif since <= day:
                known.append(project)
        return cls(tuple(known), tuple(undated), day)

    def known(self, project: Project, group: str) -> tuple[str, ...]:
        """A project's themes or target groups as known by the day."""
        values: tuple[str, ...] = getattr(project, group)
        return values if known_by(project.source_of(group), self.day) else ()

    def by_theme(self) -> dict[str, int]:
        counts = Counter(t for p in self.projects for t in set(self.known(p, "themes")))
        return _ranked(counts, THEMES)

    def by_target_group(self) -> dict[str, int]:
        counts = Counter(g for p in self.projects for g in set(self.known(p, "target_groups")))
        return _ranked(counts, TARGET_GROUPS)

    def partners_by_type(self) -> dict[str, int]:
        """The partners of these projects known by the day, each counted once per type (names
        compared folded); a partner whose type no source gives is not counted by type."""
        folded: dict[str, str] = {}  # the same partners recur across projects: fold each once
        partners: set[tuple[str, str]] = set()
        for project in self.projects:
            for partner in project.partners:
                if partner.role == "co-participant" or partner.type is None:
                    continue
                if not known_by(partner.source, self.day):
                    continue
                if partner.name not in folded:
                    folded[partner.name] = fold(partner.name)
                who = partner.municipality or folded[partner.name]
                partners.add((partner.type, who))
        counts = Counter(kind for kind, _ in partners)
        return {kind: counts[kind] for kind in PARTNER_TYPES.values}


def _ranked(counts: Counter[str], vocabulary: Vocabulary) -> dict[str, int]:
    """Most frequent first; ties in the vocabulary's order (unknown values last)."""
    order = {value: i for i, value in enumerate(vocabulary.values)}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], order.get(item[0], len(order))))
    return dict(ranked)
