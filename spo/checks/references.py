"""Checks that need more than one file: ids, references, provinces, self-transfers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from spo.lookup import closest
from spo.problems import Finding
from spo.provinces import Province, find_province

Records = Mapping[str, dict[str, Any]]  # id -> data


def _unknown(what: str, value: str, known: Iterable[str]) -> str:
    close = closest(value, known)
    hint = f"; did you mean '{close}'?" if close else ""
    return f"no {what} '{value}' in the registry{hint}"


def id_findings(file_id: str, data: dict[str, Any]) -> list[Finding]:
    record_id = data.get("id")
    if isinstance(record_id, str) and record_id != file_id:
        return [
            Finding(
                ("id",),
                f"id '{record_id}' does not match the file name '{file_id}.yaml'",
                "id-mismatch",
            )
        ]
    return []


def project_findings(data: dict[str, Any], municipality_ids: Collection[str]) -> list[Finding]:
    owner = data.get("owner")
    if isinstance(owner, str) and owner not in municipality_ids:
        return [
            Finding(
                ("owner",), _unknown("municipality", owner, municipality_ids), "unknown-reference"
            )
        ]
    return []


def province_of(data: dict[str, Any]) -> Province | None:
    value = data.get("province")
    return find_province(value) if isinstance(value, (int, str)) else None


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
        found.append(
            Finding(
                ("province",),
                f"'{data['province']}' is not one of the 81 provinces "
                "(give its plate code or Turkish name)",
                "unknown-province",
            )
        )
    elif province is not None and kind == "metropolitan" and not province.metropolitan:
        found.append(
            Finding(
                ("kind",),
                f"{province.name} is not a metropolitan province, so it "
                "has a provincial municipality, not a metropolitan one",
                "kind-province",
            )
        )
    elif province is not None and kind == "provincial" and province.metropolitan:
        found.append(
            Finding(
                ("kind",),
                f"{province.name} is a metropolitan province, so it has a "
                "metropolitan municipality, not a provincial one",
                "kind-province",
            )
        )
    for i, engagement in enumerate(data.get("engagements") or []):
        host = engagement.get("host") if isinstance(engagement, dict) else None
        if not isinstance(host, str):
            continue
        if host == municipality_id:
            found.append(
                Finding(
                    ("engagements", i, "host"),
                    "a municipality cannot host its own engagement",
                    "self-reference",
                )
            )
        elif host not in municipality_ids:
            found.append(
                Finding(
                    ("engagements", i, "host"),
                    _unknown("municipality", host, municipality_ids),
                    "unknown-reference",
                )
            )
    for i, transfer in enumerate(data.get("transfers") or []):
        project_id = transfer.get("project") if isinstance(transfer, dict) else None
        if not isinstance(project_id, str):
            continue
        if project_id not in projects:
            found.append(
                Finding(
                    ("transfers", i, "project"),
                    _unknown("project", project_id, projects),
                    "unknown-reference",
                )
            )
        elif projects[project_id].get("owner") == municipality_id:
            found.append(
                Finding(
                    ("transfers", i, "project"),
                    f"'{project_id}' is this municipality's own project; a project "
                    "cannot be transferred to its owner",
                    "self-transfer",
                )
            )
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
            found[municipality_id].append(
                Finding(
                    ("kind",),
                    f"the province already has a {kind} municipality: '{same[0]}'",
                    "duplicate-municipality",
                )
            )
    return found
