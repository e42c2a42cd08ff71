"""The day a command is run as of (`--as-of`), shared by `spo report` and `spo diff`.

Imports inside the functions: a command module imports this whenever any command runs, so the
dates' rules are imported only when a date is given."""

from __future__ import annotations

from datetime import date

from spo.api import UsageError


def parse_day(text: str) -> date:
    """One day, as people type it (`2025-03-21`, `21.03.2025`, `21 Mart 2025`): a report is as of
    one day."""
    # lazy: the typed-date rules (and their month names) are read only when --as-of is given
    from spo.api import DateError
    from spo.api import typed_day as day

    try:
        return day(text)
    except DateError as exc:
        raise UsageError.of("usage.bad-option", option="--as-of", problem=exc.message) from None
