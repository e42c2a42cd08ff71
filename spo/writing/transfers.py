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

from spo import lookup, registry
from spo.dates import DateError, FuzzyDate, parse_date
from spo.loader import load_file
from spo.schemas import build
from spo.vocabulary import PROGRESS_STAGES, STAGES, Lang
from spo.writing import inputs
from spo.writing.editing import References, Refusal, WriteResult, edit_record, refusing, shown
from spo.writing.known import KnownIds, KnownProjects
from spo.writing.messages import say
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
    try:
        return entry["stage"], parse_date(str(entry.get("date")))
    except DateError:
        return None


def _goes_before(new: NewStage, stage: str, when: FuzzyDate) -> bool:
    """Whether an existing entry belongs after the new one in the history."""
    if new.date.certainly_before(when):
        return True
    both_progress = new.stage in PROGRESS_STAGES and stage in PROGRESS_STAGES
    return (
        both_progress
        and not when.certainly_before(new.date)
        and STAGES.index(stage) > STAGES.index(new.stage)
    )


def position(history: list[Any], new: NewStage, lang: Lang) -> int:
    """Where the new stage goes in the history, or a Refusal saying why it cannot go anywhere."""
    entries = [d for d in map(_dated, history) if d]
    for stage, when in entries:
        if new.stage in PROGRESS_STAGES and stage == new.stage:
            raise Refusal(say("duplicate-stage", lang, stage=stage, date=when))
        if stage in PROGRESS_STAGES and new.stage in PROGRESS_STAGES:
            earlier = STAGES.index(stage) < STAGES.index(new.stage)
            if earlier and new.date.certainly_before(when):
                key = "before-earlier"
            elif not earlier and when.certainly_before(new.date):
                key = "after-later"
            else:
                continue
            raise Refusal(
                say(key, lang, stage=new.stage, date=new.date, other=stage, other_date=when)
            )
    if entries and entries[-1][0] == new.stage:
        raise Refusal(say("current-stage", lang, stage=new.stage, date=entries[-1][1]))
    for index, entry in enumerate(history):
        dated = _dated(entry)
        if dated and _goes_before(new, *dated):
            return index
    return len(history)


def _stage_change(project_id: str, new: NewStage, lang: Lang) -> Any:
    def change(text: YamlText, data: dict[str, Any]) -> tuple[Edit, dict[str, Any]]:
        expected = copy.deepcopy(data)
        transfers = expected.setdefault("transfers", [])
        if transfers is None:
            transfers = expected["transfers"] = []
        if not isinstance(transfers, list):
            raise Refusal(say("layout", lang, detail="'transfers' is not a list"))
        for i, transfer in enumerate(transfers):
            if isinstance(transfer, dict) and transfer.get("project") == project_id:
                history = transfer.get("history")
                if not isinstance(history, list):
                    raise Refusal(say("layout", lang, detail="the transfer has no history list"))
                at = position(history, new, lang)
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
    lang: Lang = "en",
    dry_run: bool = False,
) -> WriteResult:
    """Record `stage` of `project_id`'s transfer to `municipality_id` (default date: today)."""
    municipality_ids = KnownIds(root, "municipality")
    project_ids = KnownIds(root, "project")
    if project_id not in project_ids:
        raise lookup.unknown_id("project", project_id, project_ids)
    if municipality_id not in municipality_ids:
        raise lookup.unknown_id("municipality", municipality_id, municipality_ids)
    stage = inputs.term(STAGES, stage, "stage", lang)
    source = inputs.url(source, lang)
    path = registry.record_path(root, "municipality", municipality_id)
    project = load_file(registry.record_path(root, "project", project_id)).data or {}
    with refusing(shown(root, path), lang):
        when = inputs.when(date or today.isoformat(), today, lang)
        new = NewStage(stage, when, inputs.free_text(note, "note", lang), source)
        if project.get("owner") == municipality_id:
            raise Refusal(
                say("self-transfer", lang, project=project_id, municipality=municipality_id)
            )
    # Only the one project this write is about is read; every other project is known by id.
    projects = KnownProjects(project_ids, {project_id: project})
    return edit_record(
        root,
        "municipality",
        path,
        _stage_change(project_id, new, lang),
        References(municipality_ids, projects),
        today,
        lang,
        dry_run,
    )
