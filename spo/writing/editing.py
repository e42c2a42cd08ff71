"""One write, from reading the file to replacing it: locked, checked, atomic.

Every write follows the same steps. Inside the file's lock: read the file again (another writer
may have changed it while the user was typing), compute the new text, check that it reads back as
the data intended, validate it as `spo validate` would, and only then replace the file, if it
still holds the bytes read (an editor takes no lock; if it saved, all the steps run again). A write
that would make the file invalid raises `RefusedWrite` and leaves the file byte-identical.

Validation compares the new content's errors with the old content's: a write is refused for an
error it would bring in, not for one the file already had (staff can still record a visit in a
file whose unrelated reference a reviewer has yet to fix).
"""

from __future__ import annotations

import codecs
import contextlib
import difflib
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from spo.checks.validation import check_bytes
from spo.files.loader import decode, parse, read_bytes
from spo.rules.errors import RefusedWrite, SpoError
from spo.rules.message import Message
from spo.rules.problems import Problem
from spo.writing import atomic
from spo.writing.outputs import write_failure
from spo.writing.roundtrip import Edit, LayoutError, YamlText, split_lines


class Refusal(Exception):
    """Why a write is refused (`refusal.<reason>`), raised before the message names the file."""

    def __init__(self, reason: str | Message, **params: Any) -> None:
        message = (
            reason if isinstance(reason, Message) else Message.of(f"refusal.{reason}", **params)
        )
        super().__init__(message.key)
        self.message = message


@dataclass(frozen=True)
class WriteResult:
    path: Path
    shown_path: str  # as the user should read it: relative to the registry root
    old_text: str
    new_text: str
    added_lines: tuple[tuple[int, str], ...]  # (1-based line number, text) of new or changed lines
    written: bool
    also_written: tuple[str, ...] = ()  # other files written with it (a missing schema)
    bom: bytes = b""  # the byte-order mark the file had and kept
    created: bool = False  # the file did not exist before

    def bytes_before(self) -> bytes | None:
        """The file's exact bytes before the write (None: it did not exist), for a journal of
        writes (`spo.review`) that must be able to put them back."""
        return None if self.created else self.bom + self.old_text.encode("utf-8")

    def bytes_after(self) -> bytes:
        """The exact bytes the write left in the file."""
        return self.bom + self.new_text.encode("utf-8")

    def diff(self) -> str:
        """A unified diff of the change, for `--dry-run`."""
        old = [line.body for line in split_lines(self.old_text)]
        new = [line.body for line in split_lines(self.new_text)]
        before = self.shown_path if self.old_text else "/dev/null"
        lines = difflib.unified_diff(old, new, before, self.shown_path, lineterm="")
        return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class References:
    """What a write checks references against: ids known from file names (see `known`), and
    the records of only those projects it had to read."""

    municipality_ids: Collection[str]
    projects: Mapping[str, dict[str, Any]]


# A change receives the file as text and as data, and returns its edit and the data the edited
# text must read back as.
Change = Callable[[YamlText, dict[str, Any]], tuple[Edit, dict[str, Any]]]


def shown(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


@contextlib.contextmanager
def refusing(label: str, key: str = "write.refused") -> Iterator[None]:
    """Turn a Refusal into the error the user sees: nothing written to (or created as) `label`."""
    try:
        yield
    except Refusal as exc:
        raise RefusedWrite(Message.of(key, path=label, reason=exc.message)) from None


@contextlib.contextmanager
def _writing(root: Path, path: Path, label: str, dry_run: bool) -> Iterator[None]:
    """The lock around a read-modify-write (none for a dry run, which writes nothing)."""
    if dry_run:
        yield
        return
    try:
        with atomic.locked(root, path):
            yield
    except atomic.LockTimeout:
        raise SpoError.of("write.locked", path=label, seconds=atomic.LOCK_TIMEOUT_SECONDS) from None
    except OSError as exc:
        raise write_failure(exc, "write", label) from None


def _brought_in(before: Sequence[Problem], after: Sequence[Problem]) -> list[Problem]:
    """Errors of `after` that `before` did not have (by kind and message, not by line)."""
    had = Counter((p.code, p.message) for p in before if p.is_error)
    new = []
    for problem in after:
        if not problem.is_error:
            continue
        if had[(problem.code, problem.message)]:
            had[(problem.code, problem.message)] -= 1
        else:
            new.append(problem)
    return new


@dataclass(frozen=True)
class _Read:
    bom: bytes  # the file's byte-order mark, kept as it was
    text: str
    data: dict[str, Any]
    fingerprint: str  # of the bytes read: the file must still hold them when it is replaced


def _read(path: Path, label: str) -> _Read:
    raw = read_bytes(path)
    if isinstance(raw, Problem):
        raise Refusal("unreadable", problem=raw.message, path=label)
    text = decode(path, raw)
    if isinstance(text, Problem):
        raise Refusal("unreadable", problem=text.message, path=label)
    loaded = parse(path, text)
    if loaded.data is None:
        first = loaded.problems[0]
        if first.code == "empty":
            raise _Emptied()
        if not first.line:
            raise Refusal("unreadable", problem=first.message, path=label)
        raise Refusal("unreadable-at", problem=first.message, line=first.line, path=label)
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    return _Read(bom, text, loaded.data, atomic.fingerprint_of(raw))


class _Emptied(Exception):
    """The file held nothing when it was read: most likely an editor saving it in place (it
    empties the file, then writes it again), so it is read again a moment later."""


# How many times a write reads the file again because an editor saved it meanwhile, before it
# gives up: an editor saving the same file over and over is a person at work on it.
EDIT_ATTEMPTS = 3
# How long a write waits before reading again a file it found empty.
EMPTY_PAUSE_SECONDS = 0.1


def edit_record(
    root: Path,
    kind: str,
    path: Path,
    change: Change,
    references: References,
    today: date,
    dry_run: bool = False,
) -> WriteResult:
    """Apply `change` to one record file, under its lock, if the result is valid.

    If another program (an editor) saved the file between the read and the replace, the change
    is made again on what it saved; `change` is a pure function of the text, so nothing of the
    first attempt carries over."""
    label = shown(root, path)
    with refusing(label), _writing(root, path, label, dry_run):
        for attempt in range(EDIT_ATTEMPTS):
            try:
                read = _read(path, label)
            except _Emptied:
                if attempt == EDIT_ATTEMPTS - 1:
                    raise Refusal("emptied", attempts=EDIT_ATTEMPTS) from None
                time.sleep(EMPTY_PAUSE_SECONDS)
                continue
            edit = _edited(read, change, kind, path, references, today)
            if dry_run:
                break
            try:
                new = read.bom + edit.text.encode("utf-8")
                temp_in = atomic.temp_folder(root, path)
                atomic.replace(path, new, read.fingerprint, temp_in)
                break
            except atomic.Changed:
                continue
        else:
            raise Refusal("changed-meanwhile", attempts=EDIT_ATTEMPTS)
    return WriteResult(
        path, label, read.text, edit.text, edit.lines, written=not dry_run, bom=read.bom
    )


def _edited(
    read: _Read, change: Change, kind: str, path: Path, references: References, today: date
) -> Edit:
    """The edit `change` makes to the file as read, if it reads back as meant and is valid."""
    try:
        edit, expected = change(YamlText(read.text), read.data)
    except LayoutError as exc:
        raise Refusal("layout", detail=exc.message) from None
    if parse(path, edit.text).data != expected:
        raise Refusal("layout", detail=Message.of("layout.does-not-read-back"))
    check = (kind, path, today, references.municipality_ids, references.projects)
    old, new = (read.bom + text.encode("utf-8") for text in (read.text, edit.text))
    brought_in = _brought_in(_check(old, *check), _check(new, *check))
    if brought_in:
        raise Refusal("invalid", problems=tuple(brought_in))
    return edit


def _check(
    raw: bytes,
    kind: str,
    path: Path,
    today: date,
    municipality_ids: Collection[str],
    projects: Mapping[str, dict[str, Any]],
) -> tuple[Problem, ...]:
    return check_bytes(kind, path, raw, today, municipality_ids, projects)


def create_record(
    root: Path,
    kind: str,
    path: Path,
    text: str,
    references: References,
    today: date,
    dry_run: bool = False,
) -> WriteResult:
    """Create a new record file; never overwrite one."""
    label = shown(root, path)
    with refusing(label, "write.not-created"):
        if path.exists():  # checked before the folder is made and the lock taken
            raise Refusal("exists")
    if not dry_run:
        path.parent.mkdir(parents=True, exist_ok=True)
    with refusing(label, "write.not-created"), _writing(root, path, label, dry_run):
        if path.exists():
            raise Refusal("exists")
        data = text.encode("utf-8")
        problems = _check(data, kind, path, today, references.municipality_ids, references.projects)
        errors = [p for p in problems if p.is_error]
        if errors:
            raise Refusal("invalid", problems=tuple(errors))
        if not dry_run:
            try:
                temp_in = atomic.temp_folder(root, path)
                atomic.replace(path, data, atomic.ABSENT, temp_in)
            except atomic.Changed:
                raise Refusal("exists") from None
    added = tuple((n, line.body) for n, line in enumerate(split_lines(text), start=1))
    return WriteResult(path, label, "", text, added, written=not dry_run, created=True)
