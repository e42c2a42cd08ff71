"""The YAML test suite as a yardstick: each case read by a reader and its outcome named.

A reader turns a case's YAML text into (data, codes): the data it read (None when it read
nothing) and the problem codes it gave. spo's own reader is `spo_reader`; another parser is
measured by handing `outcomes` a reader of its own (a throwaway script does that for ryaml and
yaml-rs). `markdown_table` renders the outcomes of one or more readers for the README:

    python -m tests.yaml_suite
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spo.files.fast_path import fast_data
from spo.files.loader import decode, parse
from spo.rules.problems import Problem

CASES = Path(__file__).resolve().parent / "yaml_test_suite" / "cases"
SUITE_COMMIT = "6ad3d2c62885d82fc349026c136ef560838fdf3d"

# Codes of what spo refuses by design in YAML that is valid: a file that is not one mapping of
# text keys (empty, several documents, a list or a value at the top, keys that are not text),
# anchors and aliases, tags outside the core schema, tabs in indentation, nesting or numbers
# beyond spo's limits. Any other refusal of a valid case (`yaml-syntax`) is a parser's miss.
POLICY = frozenset(
    {
        "empty",
        "multiple-documents",
        "not-a-mapping",
        "key-not-text",
        "duplicate-key",
        "anchor",
        "tag",
        "tab",
        "too-deep",
        "number-too-long",
    }
)

AGREES = "agrees"
READS_DIFFERENTLY = "reads differently"
NOTHING_TO_COMPARE = "read, no JSON to compare"
BY_POLICY = "refused by policy"
REFUSES_VALID = "refuses valid YAML"
REFUSED = "refused (invalid YAML)"
ACCEPTS_INVALID = "accepts invalid YAML"
OUTCOMES = (
    AGREES,
    READS_DIFFERENTLY,
    NOTHING_TO_COMPARE,
    BY_POLICY,
    REFUSES_VALID,
    REFUSED,
    ACCEPTS_INVALID,
)

# Not a reading of its own: the fast path leaves the case to the exact path (`fast_reader`).
LEFT = "left to the exact path"
EXACT_PATH = "exact-path"

Reader = Callable[[str], tuple[Any, tuple[str, ...]]]


@dataclass(frozen=True)
class Case:
    id: str
    name: str
    error: bool
    yaml: str
    json: str | None

    def expected(self) -> list[Any]:
        """The documents in.json holds, one JSON text each."""
        decoder, found, at = json.JSONDecoder(), [], 0
        text = self.json or ""
        while text[at:].strip():
            at += len(text[at:]) - len(text[at:].lstrip())
            value, at = decoder.raw_decode(text, at)
            found.append(value)
        return found


def cases() -> list[Case]:
    found = []
    for path in sorted(CASES.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        found.append(
            Case(record["id"], record["name"], record["error"], record["yaml"], record.get("json"))
        )
    return found


def spo_reader(text: str) -> tuple[Any, tuple[str, ...]]:
    """What `spo.files.loader.load_file` makes of a file holding `text` (as UTF-8)."""
    path = Path("case.yaml")
    decoded = decode(path, text.encode("utf-8"))
    if isinstance(decoded, Problem):
        return None, (decoded.code,)
    loaded = parse(path, decoded)
    return loaded.data, tuple(p.code for p in loaded.problems)


def fast_reader(text: str) -> tuple[Any, tuple[str, ...]]:
    """What the fast path alone makes of a file holding `text`: its data, or no reading at all
    (`EXACT_PATH`) where it leaves the file to spo's exact reading."""
    decoded = decode(Path("case.yaml"), text.encode("utf-8"))
    data = None if isinstance(decoded, Problem) else fast_data(decoded)
    return (data, ()) if data is not None else (None, (EXACT_PATH,))


def comparable(value: Any) -> Any:
    """Values as JSON sees them: a bool is not a number, 1 and 1.0 are the same number."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return (type(value).__name__, value)
    if isinstance(value, int | float):
        return ("nan",) if isinstance(value, float) and math.isnan(value) else ("number", value)
    if isinstance(value, dict):
        return ("map", sorted((repr(comparable(k)), comparable(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return ("seq", [comparable(v) for v in value])
    return ("other", repr(value))


def outcome(case: Case, read: Reader) -> str:
    data, codes = read(case.yaml)
    if codes == (EXACT_PATH,):
        return LEFT
    if codes:
        if case.error:
            return REFUSED
        return BY_POLICY if POLICY.intersection(codes) else REFUSES_VALID
    if case.error:
        return ACCEPTS_INVALID
    if case.json is None:
        return NOTHING_TO_COMPARE
    expected = case.expected()
    return AGREES if [comparable(data)] == [comparable(v) for v in expected] else READS_DIFFERENTLY


def outcomes(read: Reader, suite: Iterable[Case] | None = None) -> dict[str, str]:
    """Each case's id and its outcome."""
    return {case.id: outcome(case, read) for case in (cases() if suite is None else suite)}


def markdown_table(readers: dict[str, dict[str, str]]) -> str:
    """One row an outcome, one column a reader: how many cases, and which when they are few."""
    names = list(readers)
    lines = [
        "| outcome | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]
    left = any(LEFT in found.values() for found in readers.values())
    for name in (*OUTCOMES, LEFT) if left else OUTCOMES:
        cells = []
        for reader in names:
            ids = sorted(i for i, o in readers[reader].items() if o == name)
            shown = f" ({', '.join(ids)})" if ids and name in LISTED else ""
            cells.append(f"{len(ids)}{shown}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    totals = [str(len(readers[reader])) for reader in names]
    lines.append("| all cases | " + " | ".join(totals) + " |")
    return "\n".join(lines) + "\n"


# The outcomes whose cases are named in the table: those a change would most likely move.
LISTED = frozenset({READS_DIFFERENTLY, NOTHING_TO_COMPARE, ACCEPTS_INVALID})


def counts(found: dict[str, str]) -> dict[str, int]:
    tally = Counter(found.values())
    return {name: tally[name] for name in OUTCOMES}


def both_paths_table() -> str:
    """spo's reading beside the fast path's alone (issue 25)."""
    return markdown_table(
        {"spo (exact path)": outcomes(spo_reader), "fast path alone": outcomes(fast_reader)}
    )


if __name__ == "__main__":
    print(markdown_table({"spo": outcomes(spo_reader)}))
    print(both_paths_table(), end="")
