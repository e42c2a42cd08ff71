"""What a change does to the records themselves: added, removed, renamed and changed, field by
field, as codes with parameters (`diff.change.*` in the catalogue words them).

Events are matched by what identifies them, so that an edit reads as an edit: a transfer by its
project, a stage by its stage and date, an engagement by its kind, host and date, a published
figure by its metric, kind of municipality and date. What else changed in a matched event (its
note, its source, a figure's value) is a change *at* that event. Sources are followed
everywhere: a source removed is named, and a record left with none says so.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spo.diff.reading import SideState
from spo.files.registry import FOLDERS
from spo.rules.message import FileValue, Message

KINDS = tuple(FOLDERS)  # projects first, as `spo validate` reads them
# What happened to a record, in the order a diff lists them.
STATUSES = ("removed", "renamed", "added", "changed")


@dataclass(frozen=True)
class Change:
    what: Message  # `diff.change.<code>` with its parameters
    at: Message | None = None  # the event it happened in (`diff.at.<event>`), if any


@dataclass(frozen=True)
class RecordDiff:
    kind: str
    id: str
    status: str  # one of STATUSES
    renamed_from: str | None
    changes: tuple[Change, ...]


def compare_records(base: SideState, head: SideState) -> list[RecordDiff]:
    found: list[RecordDiff] = []
    for kind in KINDS:
        before, after = _records(base, kind), _records(head, kind)
        added = [i for i in after if i not in before]
        removed = [i for i in before if i not in after]
        renamed = _renames(before, after, removed, added)
        for old, new in renamed.items():
            found.append(RecordDiff(kind, new, "renamed", old, ()))
        for record_id in added:
            if record_id not in renamed.values():
                found.append(RecordDiff(kind, record_id, "added", None, _added(after[record_id])))
        for record_id in removed:
            if record_id not in renamed:
                events = tuple(_events_of(before[record_id] or {}, {}))
                found.append(RecordDiff(kind, record_id, "removed", None, events))
        for record_id, data in after.items():
            if record_id not in before:
                continue
            old_data = before[record_id]
            if old_data is data or old_data == data:
                continue
            if old_data is None or data is None:  # the problems say why it cannot be read
                side = "base" if old_data is None else "head"
                unread = Change(Message.of(f"diff.change.unreadable-{side}"))
                found.append(RecordDiff(kind, record_id, "changed", None, (unread,)))
                continue
            # Data that differs without a change to name: entries in another order.
            changes = tuple(_compare(old_data, data)) or (Change(Message.of("diff.change.order")),)
            found.append(RecordDiff(kind, record_id, "changed", None, changes))
    found.sort(key=lambda d: (KINDS.index(d.kind), STATUSES.index(d.status), d.id))
    return found


def _records(state: SideState, kind: str) -> dict[str, Any]:
    """Each record's data by id; None for a file that cannot be read as a mapping."""
    return {path.stem: read.data for path, read in state.files.items() if read.result.kind == kind}


def _renames(
    before: dict[str, Any], after: dict[str, Any], removed: list[str], added: list[str]
) -> dict[str, str]:
    """Removed ids whose content (but for the id) is an added record's, paired in order."""
    gone = [(i, before[i]) for i in removed if before[i] is not None]
    pairs, _, _ = _pair(gone, [(i, after[i]) for i in added], lambda entry: _without_id(entry[1]))
    return {old: new for (old, _), (new, _) in pairs}


def _without_id(data: Any) -> Any:
    return {k: v for k, v in data.items() if k != "id"} if isinstance(data, dict) else data


def _content(value: Any) -> str:
    """A value as comparable text: lists and mappings, which cannot be keys, can be."""
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def _added(data: dict[str, Any] | None) -> tuple[Change, ...]:
    """What a reviewer should know of a new record: its events, and that it cites nothing."""
    if data is None:
        return ()
    found = _events_of({}, data)
    if not _sources(data):
        found.append(Change(Message.of("diff.change.no-source")))
    return tuple(found)


def _events_of(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """The events a record gains or loses: those of a new record, or of one removed."""
    out: list[Change] = []
    for key in ("engagements", "transfers", "reported_figures"):
        _compare_key(key, before.get(key), after.get(key), out)
    return out


def _sources(data: dict[str, Any]) -> list[Any]:
    found = data.get("sources")
    return found if isinstance(found, list) else []


# --- one record, field by field -------------------------------------------------------------

# An event's identity, and the context its changes are said at.
_EVENTS: dict[str, tuple[Callable[[dict[str, Any]], tuple[Any, ...]], str]] = {
    "engagements": (lambda e: (e.get("kind"), e.get("host"), e.get("date")), "engagement"),
    "reported_figures": (
        lambda f: (f.get("metric"), f.get("municipality_kind"), f.get("date")),
        "figure",
    ),
}
_EVENT_FIELDS = {
    "engagement": ("kind", "host", "date"),
    "figure": ("metric", "municipality_kind", "date", "value", "qualifier"),
    "stage": ("stage", "date"),
}


def _compare(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    out: list[Change] = []
    for key in _keys(before, after):
        _compare_key(key, before.get(key), after.get(key), out)
    if _sources(before) and not _sources(after):
        out.append(Change(Message.of("diff.change.left-without-source")))
    return out


def _compare_key(key: str, old: Any, new: Any, out: list[Change]) -> None:
    if old == new:
        return
    if key in _EVENTS and _all_mappings(old) and _all_mappings(new):
        identity, event = _EVENTS[key]
        _events(old or [], new or [], identity, event, None, out)
    elif key == "transfers" and _all_mappings(old) and _all_mappings(new):
        _transfers(old or [], new or [], out)
    else:
        _field(key, old, new, None, out)


def _keys(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return list(after) + [k for k in before if k not in after]


def _all_mappings(value: Any) -> bool:
    return value is None or (isinstance(value, list) and all(isinstance(v, dict) for v in value))


def _field(name: str, old: Any, new: Any, at: Message | None, out: list[Change]) -> None:
    """A field's change: nested mappings field by field, lists item by item, sources as such."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in _keys(old, new):
            if old.get(key) != new.get(key):
                _field(f"{name}.{key}", old.get(key), new.get(key), at, out)
    elif isinstance(old, list | None) and isinstance(new, list | None) and (old or new):
        _, removed, added = _pair(old or [], new or [], _itself)
        sources = name.rsplit(".", 1)[-1] == "sources"
        for item in removed:
            out.append(_item("removed", name, item, sources, at))
        for item in added:
            out.append(_item("added", name, item, sources, at))
    elif name.rsplit(".", 1)[-1] == "source" and (old is None or new is None):
        code = "source-removed" if new is None else "source-added"
        out.append(Change(Message.of(f"diff.change.{code}", source=cite(old or new)), at))
    elif old is None:
        out.append(Change(Message.of("diff.change.field-added", field=name, value=text(new)), at))
    elif new is None:
        message = Message.of("diff.change.field-removed", field=name, value=text(old))
        out.append(Change(message, at))
    else:
        message = Message.of(
            "diff.change.field-changed", field=name, before=text(old), after=text(new)
        )
        out.append(Change(message, at))


def _item(how: str, name: str, item: Any, sources: bool, at: Message | None) -> Change:
    if sources:
        return Change(Message.of(f"diff.change.source-{how}", source=cite(item)), at)
    return Change(Message.of(f"diff.change.item-{how}", field=name, value=text(item)), at)


Pairs = tuple[list[tuple[Any, Any]], list[Any], list[Any]]


def _itself(value: Any) -> Any:
    return value


def _pair(old: list[Any], new: list[Any], identity: Callable[[Any], Any]) -> Pairs:
    """Entries matched by identity (in order, when several share one), and those only in `old`
    and only in `new`, each in its list's order. Identities need not be hashable."""
    waiting: dict[str, list[int]] = {}
    for index, entry in enumerate(old):
        waiting.setdefault(_content(identity(entry)), []).append(index)
    matched, added, used = [], [], set()
    for entry in new:
        same = waiting.get(_content(identity(entry)))
        if same:
            used.add(same[0])
            matched.append((old[same.pop(0)], entry))
        else:
            added.append(entry)
    return matched, [e for i, e in enumerate(old) if i not in used], added


def _events(
    old: list[dict[str, Any]],
    new: list[dict[str, Any]],
    identity: Callable[[dict[str, Any]], tuple[Any, ...]],
    event: str,
    transfer: Any,
    out: list[Change],
) -> None:
    """Events added and removed, and what changed in those on both sides. An event left over
    on each side that differs from the other only in its date (the last part of its identity)
    had its date corrected: one change, not an event removed and one added."""
    matched, removed, added = _pair(old, new, identity)
    redated, removed, added = _pair(removed, added, lambda e: identity(e)[:-1])
    matched += redated
    at = Message.of("diff.at.transfer", project=text(transfer)) if transfer else None
    for entry in removed:
        out.append(Change(event_message(event, "removed", entry), at))
    for entry in added:
        out.append(Change(event_message(event, "added", entry), at))
    for before, after in matched:
        if before == after:
            continue
        place = {"project": text(transfer)} if transfer else {}
        here = event_message(event, "at", after, **place)
        for key in _keys(before, after):
            if before.get(key) != after.get(key):
                _field(key, before.get(key), after.get(key), here, out)


_STAGE = (lambda s: (s.get("stage"), s.get("date")), "stage")


def _transfers(old: list[dict[str, Any]], new: list[dict[str, Any]], out: list[Change]) -> None:
    matched, removed, added = _pair(old, new, lambda t: t.get("project"))
    # A transfer whose project is corrected keeps its history: one change, not two transfers.
    for transfer in list(added):
        same = next((t for t in removed if _moved(t, transfer)), None)
        if same is not None:
            removed.remove(same)
            added.remove(transfer)
            old_project, project = text(same.get("project")), text(transfer.get("project"))
            message = Message.of(
                "diff.change.transfer-project", old_project=old_project, project=project
            )
            out.append(Change(message))
    for transfer in removed:
        project = transfer.get("project")
        out.append(Change(Message.of("diff.change.transfer-removed", project=text(project))))
        _history_changes(project, transfer.get("history"), None, out)
    for transfer in added:
        project = transfer.get("project")
        out.append(Change(Message.of("diff.change.transfer-added", project=text(project))))
        _history_changes(project, None, transfer.get("history"), out)
    for was, transfer in matched:
        if was == transfer:
            continue
        project = transfer.get("project")
        _history_changes(project, was.get("history"), transfer.get("history"), out)
        at = Message.of("diff.at.transfer", project=text(project))
        for key in _keys(was, transfer):
            if key not in ("project", "history") and was.get(key) != transfer.get(key):
                _field(key, was.get(key), transfer.get(key), at, out)


def _history_changes(project: Any, old: Any, new: Any, out: list[Change]) -> None:
    """A transfer's stages added and removed; a history that is not a list of entries is
    compared as any other field (the problems say what is wrong with it)."""
    if old == new:
        return
    if _all_mappings(old) and _all_mappings(new):
        _events(old or [], new or [], *_STAGE, project, out)
    else:
        _field("history", old, new, Message.of("diff.at.transfer", project=text(project)), out)


def _moved(was: dict[str, Any], now: dict[str, Any]) -> bool:
    """The same transfer under another project: all but the project is as it was."""
    return {k: v for k, v in was.items() if k != "project"} == {
        k: v for k, v in now.items() if k != "project"
    }


def event_message(event: str, how: str, entry: dict[str, Any], **extra: Any) -> Message:
    """`diff.change.<event>-added|removed`, or `diff.at.<event>`: the event's identity, and
    for an event added or removed its source (its note is the file's to show)."""
    params = {k: text(entry.get(k)) for k in _EVENT_FIELDS[event]}
    if event == "engagement" and how != "at":
        params["participants"] = text(entry.get("participants"))
    if how != "at":
        params["source"] = cite(entry.get("source")) if entry.get("source") else None
        return Message.of(f"diff.change.{event}-{how}", **params)
    return Message.of(f"diff.at.{event}", **params, **extra)


def cite(source: Any) -> FileValue:
    """A source, to be cited as the report cites it."""
    return FileValue.of(source, source=True)


def text(value: Any) -> Any:
    """A value of a file, for a message: text, numbers and truth values as they are, None as
    None, anything else (a list, a mapping, a number JSON cannot hold) as the file holds it, to
    be worded by the command line."""
    if isinstance(value, float) and not math.isfinite(value):
        return FileValue.of(value)  # JSON has no infinity
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return FileValue.of(value)
