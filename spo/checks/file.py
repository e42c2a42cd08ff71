"""One file's own result: in, a file (or its text), its kind and today's date; out, what
validation keeps of it (`FileResult`): its reading problems, the findings of every check that
needs nothing but the file itself, and a small summary of the record for the checks across files
(ids, owners, partners, provinces, references). The parsed document itself is dropped as soon as
the file is done, so that memory holds summaries and texts rather than every document at once.
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from spo.checks.cache import digest_of
from spo.checks.characters import character_findings
from spo.checks.content import content_findings
from spo.checks.figures import figure_findings
from spo.checks.personal import comment_findings, personal_data_findings
from spo.checks.references import id_findings
from spo.checks.schema import schema_findings
from spo.files.fast_path import fast_data
from spo.files.loader import Locator, decode, load_file, parse_exact, read_bytes
from spo.rules.message import Message
from spo.rules.problems import Finding, Problem

# What the checks across files read of a record (spo.checks.references): its fields, and of each
# list entry the fields named here (a list keeps its length, so findings keep their paths).
_SUMMARY_FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "project": {"owner": (), "partners": ("municipality", "type")},
    "municipality": {
        "name": (),
        "province": (),
        "kind": (),
        "district": (),
        "office": ("district",),
        "engagements": ("host",),
        "transfers": ("project",),
    },
    "": {"province": (), "kind": ()},  # a file of no known kind: one per province counts it
}


@dataclass(frozen=True)
class FileResult:
    """What validation keeps of one file."""

    kind: str | None
    path: Path
    text: str | None  # to turn findings into lines; None when it had none (`text_of`)
    problems: tuple[Problem, ...]  # met while reading
    summary: dict[str, Any] | None  # None when the file could not be read as a mapping
    own: tuple[Finding, ...]  # the findings that need no other file
    comments: tuple[Finding, ...]  # personal data in comments

    @cached_property
    def id(self) -> str:
        return self.path.stem


def _part(value: Any, keys: tuple[str, ...]) -> Any:
    """The named keys of a mapping, or of each mapping in a list (anything else as None)."""
    if isinstance(value, dict):
        return {k: value[k] for k in keys if k in value}
    if isinstance(value, list):
        return [_part(entry, keys) if isinstance(entry, dict) else None for entry in value]
    return None


def summary_of(kind: str | None, data: dict[str, Any]) -> dict[str, Any]:
    """The parts of a record that the checks across files read, and nothing else: the record
    itself is dropped as soon as its own checks are done."""
    fields = _SUMMARY_FIELDS.get(kind or "", _SUMMARY_FIELDS[""])
    return {k: _part(data[k], keys) if keys else data[k] for k, keys in fields.items() if k in data}


def own_findings(
    kind: str, record_id: str, data: dict[str, Any], today: date, text: str | None
) -> list[Finding]:
    """Every check of one record that needs no other record."""
    found = schema_findings(kind, data) + id_findings(record_id, data)
    found += content_findings(data, today, text) + figure_findings(data)
    found += character_findings(data, text)
    return found + personal_data_findings(data, text)


# One file's own result, as sent from a worker and kept in the cache: its reading problems, its
# summary, its own findings and its comments' findings (FileResult's fields but the first three).
Payload = tuple[
    tuple[Problem, ...], dict[str, Any] | None, tuple[Finding, ...], tuple[Finding, ...]
]
# What checking one file gives: its text, its payload (pickled when asked: to be sent or kept;
# None when its bytes are those the cache remembers), and the hash of its bytes when asked.
Output = tuple[str | None, Payload | bytes | None, bytes | None]


def _checked(kind: str | None, path: Path, text: str, today: date) -> Payload:
    return checked_text(kind, path, text, today)[0]


def checked_text(
    kind: str | None, path: Path, text: str, today: date
) -> tuple[Payload, dict[str, Any] | None]:
    """One file's own result from its text, and its data (None when it is not a mapping).

    The fast path (`spo.files.fast_path`) reads the file first, without positions; a file it
    leaves, or whose data any check finds something in, is read again by the exact path, so that
    every problem is what spo's own reading says, at its line and column.
    """
    data = fast_data(text)
    if data is not None:
        payload = _checked_data(kind, path, text, today, (), data)
        if not payload[2] and not payload[3]:
            return payload, data
    loaded = parse_exact(path, text)
    if loaded.data is None:
        return (loaded.problems, None, (), ()), None
    return _checked_data(kind, path, text, today, loaded.problems, loaded.data), loaded.data


def _checked_data(
    kind: str | None,
    path: Path,
    text: str,
    today: date,
    problems: tuple[Problem, ...],
    data: dict[str, Any],
) -> Payload:
    if kind is None:
        return problems, summary_of(kind, data), (), ()
    try:
        own = tuple(own_findings(kind, path.stem, data, today, text))
        comments = tuple(comment_findings(text))
    except Exception as exc:  # noqa: BLE001 - a bug in a check: this file's problem, not the run's
        return problems, summary_of(kind, data), (internal_error(exc),), ()
    return problems, summary_of(kind, data), own, comments


def internal_error(exc: Exception) -> Finding:
    """A check that failed on a file: a problem of that file, asking for a bug report; the run
    goes on to check every other file."""
    message = Message.of("check.internal-error", error=f"{type(exc).__name__}: {exc}")
    return Finding((), message, "internal-error")


def check_file(
    kind: str | None,
    path: Path,
    root: Path | None,
    today: date,
    *,
    known: bytes | None = None,
    caching: bool = False,
    pack: bool = False,
) -> Output:
    """Read and check one file, as `spo.files.loader.load_file` reads it. With `caching`, the hash
    of its bytes comes back too, and nothing else when it is `known` (the cache has the result);
    with `pack`, the payload comes pickled (to be sent from a worker, or kept)."""
    raw = read_bytes(path, root)
    digest = None
    if isinstance(raw, Problem):
        text: str | None = None
        payload: Payload = ((raw,), None, (), ())
    else:
        digest = digest_of(raw) if caching else None
        if known is not None and digest == known:
            return None, None, digest
        decoded = decode(path, raw)
        text = None if isinstance(decoded, Problem) else decoded
        if isinstance(decoded, Problem):
            payload = ((decoded,), None, (), ())
        else:
            payload = _checked(kind, path, decoded, today)
            if not payload[2] and not payload[3]:
                text = None  # kept only to place findings: read again should others come
    return text, pickle.dumps(payload, pickle.HIGHEST_PROTOCOL) if pack else payload, digest


def to_problems(path: Path, text: str | None, findings: Sequence[Finding]) -> list[Problem]:
    """Give findings their lines; the file is composed only when it has any."""
    locator: Locator | None = None  # composed only for a finding without its line
    problems = []
    for f in findings:
        if f.line:
            line, column = f.line, f.column
        else:
            locator = locator or Locator(text)
            line, column = locator.locate(f.path, f.at_key)
        problems.append(Problem(path, line, column, f.path, f.message, f.code, f.severity))
    return problems


def placed(text: str, findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """The findings with their lines and columns, as `to_problems` would give them: found once
    for a result that is shared or kept (`spo diff`), instead of once per use."""
    if all(f.line for f in findings):
        return findings
    locator = Locator(text)
    out = []
    for f in findings:
        if not f.line:
            line, column = locator.locate(f.path, f.at_key)
            f = replace(f, line=line, column=column)
        out.append(f)
    return tuple(out)


def text_of(result: FileResult, root: Path | None) -> str | None:
    """The file's text, read again for a result that came from the cache."""
    if result.text is None and result.summary is not None:
        return load_file(result.path, root).text
    return result.text
