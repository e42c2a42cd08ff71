"""`add_stage`: record a stage of a project's transfer to a municipality, in that municipality's
file. The first stage creates the transfer; later stages join its history in date order.

It reads only what it must: the municipality file, the project file (for its owner) and the ids
from the file names. Its cost does not grow with the registry.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from spo.files import registry
from spo.files.loader import load_file
from spo.rules import lookup
from spo.rules.dates import FuzzyDate, parse_date_or_none
from spo.rules.message import Message
from spo.rules.schemas import build
from spo.rules.stages import comes_before, is_progress, is_self_transfer
from spo.rules.vocabulary import STAGES
from spo.writing import inputs
from spo.writing.editing import References, Refusal, WriteResult, edit_record, refusing, shown
from spo.writing.known import KnownIds, KnownProjects
from spo.writing.roundtrip import Edit, YamlText


@dataclass(frozen=True)
class NewStage:
    stage: str
    date: FuzzyDate
    note: str | None
    source: str | None

    def entry(self) -> dict[str, Any]:
        fields = {"stage": self.stage, "date": self.date.text, "note": self.note}
        return {k: v for k, v in {**fields, "source": self.source}.items() if v is not None}


def key_order(kind: str) -> tuple[str, ...]:
    """The keys of a record in the order the schema lists them: where a new key goes."""
    return tuple(build(kind)["properties"])


def _dated(entry: Any) -> tuple[str, FuzzyDate] | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("stage"), str):
        return None
    when = parse_date_or_none(entry.get("date"))
    return (entry["stage"], when) if when else None


def _goes_before(new: NewStage, stage: str, when: FuzzyDate) -> bool:
    """Whether an existing entry belongs after the new one in the history."""
    if new.date.certainly_before(when):
        return True
    return comes_before(new.stage, stage) and not when.certainly_before(new.date)


def position(history: list[Any], new: NewStage) -> int:
    """Where the new stage goes in the history, or a Refusal saying why it cannot go anywhere."""
    entries = [d for d in map(_dated, history) if d]
    for stage, when in entries:
        if is_progress(new.stage) and stage == new.stage:
            raise Refusal("duplicate-stage", stage=stage, date=when.text)
        dates = {"stage": new.stage, "date": new.date.text, "other": stage, "other_date": when.text}
        if comes_before(stage, new.stage) and new.date.certainly_before(when):
            raise Refusal("before-earlier", **dates)
        if comes_before(new.stage, stage) and when.certainly_before(new.date):
            raise Refusal("after-later", **dates)
    if entries and entries[-1][0] == new.stage:
        raise Refusal("current-stage", stage=new.stage, date=entries[-1][1].text)
    for index, entry in enumerate(history):
        dated = _dated(entry)
        if dated and _goes_before(new, *dated):
            return index
    return len(history)


def _stage_change(project_id: str, new: NewStage) -> Any:
    def change(text: YamlText, data: dict[str, Any]) -> tuple[Edit, dict[str, Any]]:
        expected = copy.deepcopy(data)
        transfers = expected.setdefault("transfers", [])
        if transfers is None:
            transfers = expected["transfers"] = []
        if not isinstance(transfers, list):
            raise Refusal("layout", detail=Message.of("layout.not-a-list", key="transfers"))
        for i, transfer in enumerate(transfers):
            if isinstance(transfer, dict) and transfer.get("project") == project_id:
                history = transfer.get("history")
                if not isinstance(history, list):
                    detail = Message.of("layout.not-a-list", key="history")
                    raise Refusal("layout", detail=detail)
                at = position(history, new)
                history.insert(at, new.entry())
                return text.add_entry(("transfers", i, "history"), new.entry(), at), expected
        transfer = {"project": project_id, "history": [new.entry()]}
        transfers.append(transfer)
        return text.add_entry(("transfers",), transfer, None, key_order("municipality")), expected

    return change


def add_stage(
    root: Path,
    project_id: str,
    municipality_id: str,
    stage: str,
    date: str | None = None,
    note: str | None = None,
    source: str | None = None,
    *,
    today: date,
    dry_run: bool = False,
) -> WriteResult:
    """Record `stage` of `project_id`'s transfer to `municipality_id` (default date: today)."""
    municipality_ids = KnownIds(root, "municipality")
    project_ids = KnownIds(root, "project")
    if project_id not in project_ids:
        raise lookup.unknown_id("project", project_id, project_ids)
    if municipality_id not in municipality_ids:
        raise lookup.unknown_id("municipality", municipality_id, municipality_ids)
    stage = inputs.term(STAGES, stage)
    source = inputs.url(source)
    path = registry.record_path(root, "municipality", municipality_id)
    project = load_file(registry.record_path(root, "project", project_id)).data or {}
    with refusing(shown(root, path)):
        when = inputs.when(date or today.isoformat(), today)
        new = NewStage(stage, when, inputs.free_text(note, "note"), source)
        if is_self_transfer(project.get("owner"), municipality_id):
            raise Refusal("self-transfer", project=project_id, municipality=municipality_id)
    # Only the one project this write is about is read; every other project is known by id.
    projects = KnownProjects(project_ids, {project_id: project})
    return edit_record(
        root,
        "municipality",
        path,
        _stage_change(project_id, new),
        References(municipality_ids, projects),
        today,
        dry_run,
    )
