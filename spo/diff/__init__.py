"""`spo diff`: what a change does to the registry and to the office's numbers.

`compare(base, head, as_of, today)` reads both sides (`spo.diff.sides`, `spo.diff.reading`),
and returns a `Diff` value: the records added, removed, renamed and changed field by field
(`spo.diff.records`), the report's headline figures that change and the published figures
whose status changes, and the problems the change introduces or fixes (`spo.diff.numbers`).
It prints nothing; `spo.cli.render.diff_*` word it in text, Markdown or JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spo.diff.known import Known, report_key
from spo.diff.numbers import (
    FigureDelta,
    StatusChange,
    figure_deltas,
    problem_changes,
    status_changes,
)
from spo.diff.reading import Memo, Places, SideState, read_side
from spo.diff.records import Change, RecordDiff, compare_records
from spo.diff.sides import Side
from spo.files.registry import kind_of, record_path
from spo.report import Report, compute_report
from spo.rules.problems import Problem

__all__ = ["Change", "Diff", "FigureDelta", "RecordDiff", "Side", "StatusChange", "compare"]


@dataclass(frozen=True)
class Names:
    """The names of the records either side holds (the head's where both do)."""

    projects: dict[str, tuple[str, str | None]]  # id -> Turkish name, English name
    municipalities: dict[str, str]


@dataclass(frozen=True)
class Diff:
    base: Side
    head: Side
    as_of: date
    records: tuple[RecordDiff, ...]
    figures: tuple[FigureDelta, ...]
    statuses: tuple[StatusChange, ...]
    introduced: tuple[Problem, ...]
    fixed: tuple[Problem, ...]
    names: Names
    files_read: int  # distinct file contents parsed, both sides together (none of the cache's)

    def failed(self, strict: bool = False) -> bool:
        """The head has errors the base did not have (with `strict`, warnings too)."""
        return any(p.is_error or strict for p in self.introduced)

    @property
    def empty(self) -> bool:
        return not (self.records or self.figures or self.statuses or self.introduced or self.fixed)


def compare(
    base: Side, head: Side, as_of: date, today: date | None = None, *, cache: Path | None = None
) -> Diff:
    """What the change from `base` to `head` does. With `cache` (a registry's root), the file
    contents an earlier diff of it read are taken from its cache folder (`spo.diff.known`), and
    those read now are kept there: only what the change touched is parsed."""
    today = today or date.today()
    memo: Memo = {}
    known = Known(cache, today) if cache is not None else None
    try:
        before, after = _read_sides(base, head, today, memo, known)
        report_before, report_after = (_report(state, as_of, known) for state in (before, after))
    finally:
        if known is not None:
            known.close()
    records = compare_records(before, after)
    moved = {
        record_path(Path(), r.kind, r.renamed_from): record_path(Path(), r.kind, r.id)
        for r in records
        if r.renamed_from
    }
    introduced, fixed = problem_changes(before.problems, after.problems, moved)
    return Diff(
        base=base,
        head=head,
        as_of=as_of,
        records=tuple(records),
        figures=tuple(figure_deltas(report_before, report_after)),
        statuses=tuple(
            status_changes(report_before, report_after, (_uncounted(before), _uncounted(after)))
        ),
        introduced=tuple(introduced),
        fixed=tuple(fixed),
        names=_names(before, after),
        files_read=len(memo) - (known.taken if known else 0),
    )


def _read_sides(
    base: Side, head: Side, today: date, memo: Memo, known: Known | None
) -> tuple[SideState, SideState]:
    if known is None:
        places = Places()
        return read_side(base, today, memo, places), read_side(head, today, memo, places)
    for file in (*base.records, *head.records):
        key = (file.blob, file.path)
        if file.blob and key not in memo:
            found = known.take(key)
            if found is not None:
                memo[key] = found
    taken = set(memo)
    sides = read_side(base, today, memo, known.places), read_side(head, today, memo, known.places)
    for key, read in memo.items():
        if key not in taken:
            known.add(key, read)
    known.save(memo)
    return sides


def _uncounted(state: SideState) -> set[str]:
    """The municipalities whose files the side holds but whose records it cannot count."""
    return {p.stem for p in state.skipped if kind_of(p) == "municipality"}


def _report(state: SideState, as_of: date, known: Known | None) -> Report:
    """The side's report: kept with the cache for the same files and day (a diff of the same
    base, or of the same change, again), or computed from its model and kept there."""
    key = report_key(state.side, as_of)
    kept = known.report(key) if known else None
    if kept is None:
        kept = compute_report(state.registry, as_of)
        if known:
            known.keep_report(key, kept)
    return kept


def _names(*states: SideState) -> Names:
    projects: dict[str, tuple[str, str | None]] = {}
    municipalities: dict[str, str] = {}
    for state in states:  # the head last: its names win
        for path, read in state.files.items():
            data = read.data or {}
            name = data.get("name")
            if read.result.kind == "project":
                if isinstance(name, dict) and isinstance(name.get("tr"), str):
                    projects[path.stem] = (name["tr"], name.get("en"))
                elif isinstance(name, str):
                    projects[path.stem] = (name, None)
            elif read.result.kind == "municipality" and isinstance(name, str):
                municipalities[path.stem] = name
    return Names(projects, municipalities)
