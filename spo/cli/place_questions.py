"""The questions `spo municipality new` and `spo init` share: a municipality's place (province,
district, town), each answer checked where it is typed, and the new record's sources.

Imports inside the functions: the province, district and town tables (`spo.writing.records`)
are read only when a question is answered, not whenever a command module is imported.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spo.api import SpoError
from spo.cli.prompts import Asker


def ask_place(
    asker: Asker, district: str | None, town: str | None
) -> tuple[str, str | None, str | None]:
    """Ask for a municipality's province, and optionally its district and town (also for
    `spo init`); each answer is checked against the province and district tables."""
    province = asker.checked(lambda: asker.text("province"), _province)
    district = district or asker.checked(lambda: asker.optional("district"), _district_in(province))
    if district and not town:
        town = asker.checked(lambda: asker.optional("town"), _town_in(province, district))
    return province, district, town


def recorded_already(
    root: Path, province: str, kind: str | None, district: str | None, town: str | None
) -> tuple[str, str] | None:
    """The name and file of the municipality these answers name, when it is recorded already;
    None when it is not (or the answers name none: the write says why)."""
    from spo.api import Refusal, Registry, new_municipality_name, province_of

    try:
        made = new_municipality_name(province_of(province), kind, district, town)
    except (SpoError, Refusal):
        return None
    path = Registry(root).new_record_path("municipality", made.id)
    return (made.name, path.relative_to(root).as_posix()) if path.exists() else None


def asked_sources(asker: Asker) -> list[str]:
    """The new record's sources when none was given: one, or none with a warning (also for
    `spo init`)."""
    source = asker.source(record_needs_one=True)
    return [source] if source else []


def _province(answer: str) -> None:
    from spo.api import province_of

    province_of(answer)


def _district_in(province: str) -> Callable[[str | None], None]:
    """Checks an answer to "district" against the province's districts; no answer passes."""
    from spo.api import district_of, province_of

    def check(answer: str | None) -> None:
        if answer:
            district_of(province_of(province), answer)

    return check


def _town_in(province: str, district: str) -> Callable[[str | None], None]:
    """Checks an answer to "town" against the district's towns; no answer passes, nor does any
    answer when the district itself is wrong (that refusal comes once, at the end)."""
    from spo.api import find_district, province_of, town_of

    def check(answer: str | None) -> None:
        found = province_of(province)
        official = find_district(found, district)
        if answer and official:
            town_of(found, official, answer)

    return check
