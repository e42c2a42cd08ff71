"""Whether the model can be built from a record: in, a record's kind and data (or its own
findings, when a validation already has them); out, yes or no, or the findings that say no. The
read path (`spo.index`, `spo.query.reading`, `spo.report`) asks this, not `spo validate`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from spo.checks.content import date_findings
from spo.checks.schema import schema_findings
from spo.rules.problems import Finding

# The findings that keep a record out of the model: the schema's shape, and dates that are dates.
UNBUILDABLE = frozenset({"schema", "bad-date"})


def unbuildable_findings(kind: str, data: dict[str, Any]) -> list[Finding]:
    """The findings that keep a record out of the model: the schema's, then its bad dates."""
    found = list(schema_findings(kind, data))
    return found + [f for f in date_findings(data, date.max) if f.code in UNBUILDABLE]


def buildable(kind: str, data: dict[str, Any]) -> bool:
    """Whether the model can be built from a record: it has the schema's shape and real dates."""
    return not unbuildable_findings(kind, data)


def buildable_given(own: Iterable[Finding]) -> bool:
    """`buildable`, answered from the record's own findings (`own_findings`) when at hand."""
    return not any(f.code in UNBUILDABLE for f in own)
