"""`new_municipality` and `new_project`: a new, valid record file from a few answers.

A municipality's id, official-style name and kind come from the province and district tables
and the names given: metropolitan `mersin-bb` "Mersin Büyükşehir Belediyesi", provincial `artvin`
"Artvin Belediyesi", district `istanbul-uskudar` "Üsküdar Belediyesi", town
`canakkale-lapseki-cardak` "Çardak Belediyesi". A district is written as the table spells it
(`keskin` gives "Keskin"). A project's id is its Turkish name as a slug.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from spo.model import without_empty
from spo.places.districts import district_like, find_district
from spo.places.geography import (
    PlaceProblem,
    district_municipality_problem,
    district_problem,
    provincial_id,
    town_problem,
)
from spo.places.provinces import Province, all_provinces, find_province
from spo.places.towns import find_town
from spo.rules import lookup
from spo.rules.errors import UsageError
from spo.rules.schemas import MAX_ID_LENGTH, shortened_id
from spo.rules.turkish import fold, slugify
from spo.rules.vocabulary import (
    KNOWN_STATUSES,
    MUNICIPALITY_KINDS,
    PROJECT_STATUSES,
    SERVICE_MODELS,
    TARGET_GROUPS,
    THEMES,
)
from spo.writing import inputs
from spo.writing.editing import (
    References,
    Refusal,
    WriteResult,
    create_record,
    refusing,
    shown,
)
from spo.writing.known import KnownIds, checked_id, new_record_path
from spo.writing.render import block_document
from spo.writing.schema_files import ensure_schema


def schema_line(kind: str) -> str:
    """Points editors (the YAML language server) at the schema, from data/<folder>/<id>.yaml;
    `_created` writes that schema into the registry when it is missing, so the line resolves."""
    return f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json"


def province_of(value: str) -> Province:
    found = find_province(value)
    if found is None:
        names = {fold(p.name): p.name for p in all_provinces()}
        close = lookup.closest(fold(value), names)
        suggestion = names[close] if close else None
        raise UsageError.of("lookup.unknown-province", value=value, suggestion=suggestion)
    return found


def district_of(province: Province, value: str) -> str:
    """The official name of the province's district written as `value` ("keskin" -> "Keskin")."""
    found = find_district(province, value)
    if found is None:
        _refuse(district_problem(province, value))
        suggestion = district_like(province, value)
        raise UsageError.of(
            "lookup.unknown-district", value=value, province=province.name, suggestion=suggestion
        )
    return found


def _refuse(problem: PlaceProblem | None) -> None:
    """A place that the tables refuse is a usage error: nothing is written (exit 2)."""
    if problem is not None:
        raise UsageError(problem.message)


def town_of(province: Province, district: str, value: str) -> str:
    """The official name of the district's town written as `value` ("cardak" -> "Çardak"). A
    town the table does not list is taken as typed (the table is not whole; validate warns),
    unless the table knows one of a close name: then it is most likely a typo, and refused."""
    problem = town_problem(province, district, value)
    if problem is not None and (problem.certain or problem.suggestion):
        _refuse(problem)
    return find_town(province, district, value) or value.strip()


@dataclass(frozen=True)
class MunicipalityName:
    id: str
    name: str
    kind: str


def municipality_name(
    province: Province,
    kind: str | None,
    district: str | None,
    town: str | None,
) -> MunicipalityName:
    """Id, name and kind of a municipality; the kind follows from what is given when omitted."""
    if kind is None:
        kind = "town" if town else "district" if district else None
        kind = kind or ("metropolitan" if province.metropolitan else "provincial")
    base = provincial_id(province)
    if kind in ("metropolitan", "provincial"):
        if (kind == "metropolitan") != province.metropolitan:
            key = "usage.not-metropolitan" if kind == "metropolitan" else "usage.is-metropolitan"
            raise UsageError.of(key, province=province.name)
        if kind == "metropolitan":
            return MunicipalityName(f"{base}-bb", f"{province.name} Büyükşehir Belediyesi", kind)
        return MunicipalityName(base, f"{province.name} Belediyesi", kind)
    if not district:
        raise UsageError.of("usage.needs-district", kind=kind)
    if kind == "district":
        _refuse(district_municipality_problem(province, district, None))
        return MunicipalityName(f"{base}-{slugify(district)}", f"{district} Belediyesi", kind)
    if not town:
        raise UsageError.of("usage.needs-town")
    town = town_of(province, district, town)
    town_id = f"{base}-{slugify(district)}-{slugify(town)}"
    return MunicipalityName(town_id, f"{town} Belediyesi", kind)


def new_municipality(
    root: Path,
    province: str,
    kind: str | None = None,
    district: str | None = None,
    town: str | None = None,
    *,
    name: str | None = None,
    website: str | None = None,
    sources: Sequence[str] = (),
    today: date,
    dry_run: bool = False,
) -> WriteResult:
    found = province_of(province)
    if kind is not None:
        kind = inputs.term(MUNICIPALITY_KINDS, kind)
    district = inputs.not_blank(district, "district")
    if district is not None:
        district = district_of(found, district)
    with refusing("", "write.nothing-created"):  # before a file name is made of the names
        town = inputs.free_text(town, "town")
        name = inputs.free_text(name, "name")
    made = municipality_name(found, kind, district, town)
    data: dict[str, Any] = {
        "id": made.id,
        "name": name or made.name,
        "kind": made.kind,
        "province": found.name,
    }
    if made.kind in ("district", "town"):
        data["district"] = district
    if website:
        data["website"] = inputs.url(website)
    if sources:
        data["sources"] = [inputs.url(s) for s in sources]
    text = block_document(data, schema_line("municipality"))
    path = new_record_path(root, "municipality", made.id)
    references = References(KnownIds(root, "municipality", also=[made.id]), {})
    return _created(root, "municipality", path, text, references, today, dry_run)


def new_project(
    root: Path,
    name: str,
    owner: str,
    summary: str,
    status: str,
    *,
    project_id: str | None = None,
    name_en: str | None = None,
    summary_en: str | None = None,
    launched: str | None = None,
    status_as_of: str | None = None,
    status_source: str | None = None,
    themes: Sequence[str] = (),
    target_groups: Sequence[str] = (),
    service_model: str | None = None,
    website: str | None = None,
    sources: Sequence[str] = (),
    today: date,
    dry_run: bool = False,
) -> WriteResult:
    """A known status (not `unknown`) is a fact about a day, resting on a source: `status_as_of`
    and `status_source` are then both required (no day is assumed)."""
    if project_id is not None:
        checked_id(project_id)
    municipality_ids = KnownIds(root, "municipality")
    if owner not in municipality_ids:
        raise lookup.unknown_id("municipality", owner, municipality_ids)
    with refusing("", "write.nothing-created"):  # before a file name is made of the name
        name = inputs.free_text(name, "name") or ""
    record_id = _project_id(name, project_id)
    path = new_record_path(root, "project", record_id)
    status = inputs.term(PROJECT_STATUSES, status)
    if status in KNOWN_STATUSES and not (status_source and status_as_of):
        raise UsageError.of("usage.status-needs-source", status=status)
    data: dict[str, Any] = {"id": record_id}
    with refusing(shown(root, path), "write.not-created"):
        data["name"] = {"tr": name, "en": inputs.free_text(name_en, "name")}
        data["owner"] = owner
        data["summary"] = {
            "tr": inputs.free_text(summary, "summary"),
            "en": inputs.free_text(summary_en, "summary"),
        }
        data["status"] = status
        if status in KNOWN_STATUSES:
            data["status_as_of"] = inputs.when(status_as_of or "", today).text
            data["status_source"] = inputs.url(status_source)
        data["launched"] = inputs.when(launched, today).text if launched else None
    data["themes"] = [inputs.term(THEMES, t) for t in themes] or None
    data["target_groups"] = [inputs.term(TARGET_GROUPS, t) for t in target_groups] or None
    if service_model:
        data["service_model"] = inputs.term(SERVICE_MODELS, service_model)
    data["website"] = inputs.url(website)
    data["sources"] = [inputs.url(s) for s in sources] or None
    text = block_document(without_empty(data, nested=True), schema_line("project"))
    references = References(municipality_ids, {})
    return _created(root, "project", path, text, references, today, dry_run)


def _project_id(name: str, project_id: str | None) -> str:
    """A new project's id: the one given, or its Turkish name as a slug."""
    record_id = project_id or slugify(name)
    if not record_id:
        raise UsageError.of("usage.no-id-from-name", value=name)
    return record_id


def free_project_id(root: Path, name: str, project_id: str | None = None) -> str:
    """The id a new project named `name` gets in a terminal (a too long name gets a shorter
    one), if no record has it yet: checked as the name is typed, by `new_project`'s rules."""
    record_id = _project_id(name, project_id or shortened_project_id(name))
    if new_record_path(root, "project", record_id).exists():
        raise Refusal("id-taken", id=record_id)
    return record_id


def shortened_project_id(name: str) -> str | None:
    """The shorter id that a project named `name` is proposed when its name as a slug is too
    long to be an id (asked in a terminal: it is shown before the record is written)."""
    made = slugify(name)
    return shortened_id(made) if len(made) > MAX_ID_LENGTH else None


def _created(
    root: Path,
    kind: str,
    path: Path,
    text: str,
    references: References,
    today: date,
    dry_run: bool,
) -> WriteResult:
    """Create the record; then, if missing, the schema its first line points at."""
    result = create_record(root, kind, path, text, references, today, dry_run)
    if result.written:
        schema = ensure_schema(root, kind)
        if schema is not None:
            result = replace(result, also_written=(shown(root, schema),))
    return result
