"""Checks that need more than one file: ids, references, provinces, districts, self-transfers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

from spo.places.districts import district_like, find_district
from spo.places.geography import (
    PlaceProblem,
    district_municipality_problem,
    district_problem,
    stem,
    town_problem,
)
from spo.places.provinces import Province, all_provinces, find_province
from spo.rules.lookup import closest
from spo.rules.message import Message
from spo.rules.problems import Finding, JsonPath, Severity
from spo.rules.stages import is_self_engagement, is_self_transfer
from spo.rules.turkish import fold

Records = Mapping[str, dict[str, Any]]  # id -> data


def _unknown(path: JsonPath, kind: str, value: str, known: Iterable[str]) -> Finding:
    message = Message.of(
        "check.unknown-reference", kind=kind, value=value, suggestion=closest(value, known)
    )
    return Finding(path, message, "unknown-reference")


def _list(data: dict[str, Any], key: str) -> list[Any]:
    """A list-valued field; anything else there (`transfers: 1`) is the schema's to report."""
    value = data.get(key)
    return value if isinstance(value, list) else []


def _references(
    data: dict[str, Any], list_key: str, key: str
) -> Iterator[tuple[JsonPath, str, dict[str, Any]]]:
    """Each entry of a list field that names another record under `key`: where, whom, the entry."""
    for i, entry in enumerate(_list(data, list_key)):
        named = entry.get(key) if isinstance(entry, dict) else None
        if isinstance(named, str):
            yield (list_key, i, key), named, entry


def id_findings(file_id: str, data: dict[str, Any]) -> list[Finding]:
    record_id = data.get("id")
    if isinstance(record_id, str) and record_id != file_id:
        message = Message.of("check.id-mismatch", id=record_id, file=f"{file_id}.yaml")
        return [Finding(("id",), message, "id-mismatch")]
    return []


def project_findings(data: dict[str, Any], municipality_ids: Collection[str]) -> list[Finding]:
    found: list[Finding] = []
    owner = data.get("owner")
    if isinstance(owner, str) and owner not in municipality_ids:
        found.append(_unknown(("owner",), "municipality", owner, municipality_ids))
    for at, named, partner in _references(data, "partners", "municipality"):
        if named not in municipality_ids:
            found.append(_unknown(at, "municipality", named, municipality_ids))
        elif partner.get("type") != "municipality":
            message = Message.of("check.partner-not-municipality", type=partner.get("type"))
            found.append(Finding(at, message, "partner-type"))
    return found


def _province_like(text: str) -> str | None:
    """The province whose name the reviewer most likely meant."""
    names = {fold(p.name): p.name for p in all_provinces()}
    close = closest(fold(text), names)
    return names[close] if close else None


def province_of(data: dict[str, Any]) -> Province | None:
    value = data.get("province")
    return find_province(value) if isinstance(value, (int, str)) else None


def _district_findings(
    province: Province, district: str, at: JsonPath = ("district",)
) -> list[Finding]:
    """A district must be one of its province's, written as officially spelled.

    A town's district is the district it lies in, so the rule is the same for every kind. A
    spelling that only folds to a real district ("keskin") is refused too: the registry stores
    the official name, which is what a reader and the generated names expect.
    """
    official = find_district(province, district)
    renamed = district_problem(province, district) if official is None else None
    if renamed is not None:
        return [_place_finding(renamed, at)]
    if official is None:
        suggestion = district_like(province, district)
        message = Message.of(
            "check.unknown-district", value=district, province=province.name, suggestion=suggestion
        )
        return [Finding(at, message, "unknown-district")]
    if official != district:
        message = Message.of("check.district-spelling", value=district, official=official)
        return [Finding(at, message, "district-spelling")]
    return []


def _place_finding(problem: PlaceProblem, at: JsonPath | None = None) -> Finding:
    """An error; a warning where the tables cannot be sure (a town they may lack)."""
    severity = Severity.ERROR if problem.certain else Severity.WARNING
    return Finding(at or (problem.field,), problem.message, problem.code, severity)


def _kind_place_findings(province: Province, data: dict[str, Any]) -> list[Finding]:
    """A district or town municipality agrees with the district and town tables.

    Nothing is said of a district that is itself wrong: its own finding says so. A town in a
    metropolitan province is wrong whatever its district.
    """
    kind, district, name = data.get("kind"), data.get("district"), data.get("name")
    known = isinstance(district, str) and find_district(province, district) == district
    name = name if isinstance(name, str) else None
    problem = None
    if kind == "district" and known:
        problem = district_municipality_problem(province, str(district), name)
    elif kind == "town" and name is not None and (known or province.metropolitan):
        problem = town_problem(province, str(district), stem(name))
    return [_place_finding(problem)] if problem else []


def municipality_findings(
    municipality_id: str,
    data: dict[str, Any],
    municipality_ids: Collection[str],
    projects: Records,
) -> list[Finding]:
    found: list[Finding] = []
    province = province_of(data)
    kind = data.get("kind")
    if province is None and isinstance(data.get("province"), (int, str)):
        given = str(data["province"])
        message = Message.of(
            "check.unknown-province", value=given, suggestion=_province_like(given)
        )
        found.append(Finding(("province",), message, "unknown-province"))
    elif (
        province is not None
        and kind in ("metropolitan", "provincial")
        and (kind == "metropolitan") != province.metropolitan
    ):
        key = "check.not-metropolitan" if kind == "metropolitan" else "check.is-metropolitan"
        found.append(Finding(("kind",), Message.of(key, province=province.name), "kind-province"))
    if province is not None and isinstance(data.get("district"), str):
        found.extend(_district_findings(province, data["district"]))
    if province is not None:
        found.extend(_kind_place_findings(province, data))
    office = data.get("office")
    if (
        province is not None
        and isinstance(office, dict)
        and isinstance(office.get("district"), str)
    ):
        # The office lies in its municipality's province.
        found.extend(_district_findings(province, office["district"], ("office", "district")))
    for at, host, _ in _references(data, "engagements", "host"):
        if is_self_engagement(host, municipality_id):
            found.append(Finding(at, Message.of("check.self-engagement"), "self-reference"))
        elif host not in municipality_ids:
            found.append(_unknown(at, "municipality", host, municipality_ids))
    for at, project_id, _ in _references(data, "transfers", "project"):
        if project_id not in projects:
            found.append(_unknown(at, "project", project_id, projects))
        elif is_self_transfer(projects[project_id].get("owner"), municipality_id):
            message = Message.of("check.self-transfer", project=project_id)
            found.append(Finding(at, message, "self-transfer"))
    return found


def one_per_province_findings(municipalities: Records) -> dict[str, list[Finding]]:
    """At most one metropolitan or provincial municipality per province."""
    by_province: dict[tuple[int, str], list[str]] = defaultdict(list)
    for municipality_id, data in sorted(municipalities.items()):
        province = province_of(data)
        if province and data.get("kind") in ("metropolitan", "provincial"):
            by_province[(province.plate, data["kind"])].append(municipality_id)
    found: dict[str, list[Finding]] = defaultdict(list)
    for (_, kind), same in by_province.items():
        for municipality_id in same[1:]:
            message = Message.of("check.duplicate-municipality", kind=kind, other=same[0])
            found[municipality_id].append(Finding(("kind",), message, "duplicate-municipality"))
    return found
