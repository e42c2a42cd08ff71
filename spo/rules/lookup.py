"""Finding a record or a value by what the user typed, with a suggestion when it is mistyped.

This is the one "did you mean" rule: every unknown id, value, key or province is suggested the
closest known one by the same measure, and worded by one catalogue entry (an unknown name, text
that is not id-shaped, by its own: "no municipality with the id or name …", in `spo.query.naming`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import TypeVar

from spo.rules.errors import UsageError
from spo.rules.message import Message
from spo.rules.turkish import fold
from spo.rules.vocabulary import ALL, Vocabulary

T = TypeVar("T")


def closest(value: str, options: Iterable[str]) -> str | None:
    """The one option close enough to `value` to suggest, if any."""
    close = difflib.get_close_matches(value, sorted(options), n=1, cutoff=0.6)
    return close[0] if close else None


def unknown_id(kind: str, value: str, known: Iterable[str]) -> UsageError:
    """No record of `kind` ("project", "municipality") with this id (exit 2)."""
    return UsageError(
        Message.of("lookup.unknown-id", kind=kind, value=value, suggestion=closest(value, known))
    )


def unknown_value(vocabulary: str, value: str, known: Iterable[str]) -> UsageError:
    """A value that is not in the vocabulary named (exit 2); the message lists its values."""
    # Suggest what the user was writing: a value, or a label in either language.
    names = {fold(n): n for v in ALL if v.name == vocabulary for t in v.terms for n in (t.tr, t.en)}
    names.update({fold(k): k for k in known})
    close = closest(fold(value), names)
    return UsageError(
        Message.of(
            "lookup.unknown-value",
            vocabulary=vocabulary,
            value=value,
            suggestion=names[close] if close else None,
        )
    )


def value(vocab: Vocabulary, text: str) -> str:
    """The value of `vocab` that `text` names, wherever a value is typed (a flag, a prompt's
    answer), by the rule of `Vocabulary.candidates`. Several candidates are a usage error that
    lists them (exit 2); none, one that suggests the closest (`unknown_value`)."""
    found = vocab.candidates(text)
    if len(found) == 1:
        return found[0]
    if found:
        raise UsageError(
            Message.of(
                "lookup.ambiguous-value", vocabulary=vocab.name, value=text, candidates=found
            )
        )
    raise unknown_value(vocab.name, text, vocab.values)


def get(kind: str, records: Mapping[str, T], record_id: str) -> T:
    try:
        return records[record_id]
    except KeyError:
        raise unknown_id(kind, record_id, records) from None
