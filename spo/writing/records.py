"""`new_municipality` and `new_project`: a new, valid record file from a few answers.

A municipality's id, official-style name and kind come from the province table and the names
given: metropolitan `mersin-bb` "Mersin Büyükşehir Belediyesi", provincial `artvin` "Artvin
Belediyesi", district `istanbul-uskudar` "Üsküdar Belediyesi", town `canakkale-lapseki-cardak`
"Çardak Belediyesi". A project's id is its Turkish name as a slug.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from spo import lookup, registry
from spo.errors import UsageError
from spo.lookup import closest
from spo.provinces import Province, all_provinces, find_province
from spo.turkish import fold, slugify
from spo.vocabulary import (
    MUNICIPALITY_KINDS,
    PROJECT_STATUSES,
    SERVICE_MODELS,
    TARGET_GROUPS,
    THEMES,
    Lang,
)
from spo.writing import inputs
from spo.writing.editing import References, WriteResult, create_record, refusing, shown
from spo.writing.known import KnownIds
from spo.writing.messages import say
from spo.writing.render import block_document


def schema_line(kind: str) -> str:
    """Points editors (the YAML language server) at the schema, from data/<folder>/<id>.yaml."""
    return f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json"


def province_of(value: str, lang: Lang) -> Province:
    found = find_province(value)
    if found is None:
        names = {fold(p.name): p.name for p in all_provinces()}
        close = closest(fold(value), names)
        hint = say("did-you-mean", lang, value=names[close]) if close else ""
        raise UsageError(say("unknown-province", lang, value=value, hint=hint))
    return found


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
    lang: Lang,
) -> MunicipalityName:
    """Id, name and kind of a municipality; the kind follows from what is given when omitted."""
    if kind is None:
        kind = "town" if town else "district" if district else None
        kind = kind or ("metropolitan" if province.metropolitan else "provincial")
    base = slugify(province.name)
    if kind in ("metropolitan", "provincial"):
        if (kind == "metropolitan") != province.metropolitan:
            what = "metropolitan-province" if province.metropolitan else "ordinary-province"
            label = MUNICIPALITY_KINDS.label(kind, lang).lower()
            raise UsageError(
                say("kind-province", lang, province=province.name, what=say(what, lang), kind=label)
            )
        if kind == "metropolitan":
            return MunicipalityName(f"{base}-bb", f"{province.name} Büyükşehir Belediyesi", kind)
        return MunicipalityName(base, f"{province.name} Belediyesi", kind)
    if not district:
        label = MUNICIPALITY_KINDS.label(kind, lang).lower()
        raise UsageError(say("needs-district", lang, kind=label))
    if kind == "district":
        return MunicipalityName(f"{base}-{slugify(district)}", f"{district} Belediyesi", kind)
    if not town:
        raise UsageError(say("needs-town", lang))
    town_id = f"{base}-{slugify(district)}-{slugify(town)}"
    return MunicipalityName(town_id, f"{town} Belediyesi", kind)


def _blank_checked(value: str | None, what: str, lang: Lang) -> str | None:
    if value is None:
        return None
    if not value.strip():
        raise UsageError(say("blank", lang, what=say(f"field-{what}", lang)))
    return value.strip()


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
    lang: Lang = "en",
    dry_run: bool = False,
) -> WriteResult:
    found = province_of(province, lang)
    if kind is not None:
        kind = inputs.term(MUNICIPALITY_KINDS, kind, "kind", lang)
    district = _blank_checked(district, "district", lang)
    town = _blank_checked(town, "town", lang)
    made = municipality_name(found, kind, district, town, lang)
    data: dict[str, Any] = {
        "id": made.id,
        "name": _blank_checked(name, "name", lang) or made.name,
        "kind": made.kind,
        "province": found.name,
    }
    if made.kind in ("district", "town"):
        data["district"] = district
    if website:
        data["website"] = inputs.url(website, lang)
    if sources:
        data["sources"] = [inputs.url(s, lang) for s in sources]
    text = block_document(data, schema_line("municipality"))
    path = registry.record_path(root, "municipality", made.id)
    references = References(KnownIds(root, "municipality", also=[made.id]), {})
    return create_record(root, "municipality", path, text, references, today, lang, dry_run)


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
    themes: Sequence[str] = (),
    target_groups: Sequence[str] = (),
    service_model: str | None = None,
    website: str | None = None,
    sources: Sequence[str] = (),
    today: date,
    lang: Lang = "en",
    dry_run: bool = False,
) -> WriteResult:
    municipality_ids = KnownIds(root, "municipality")
    if owner not in municipality_ids:
        raise lookup.unknown_id("municipality", owner, municipality_ids)
    name = _blank_checked(name, "name", lang) or ""
    record_id = project_id or slugify(name)
    if not record_id:
        raise UsageError(say("bad-id", lang, value=name))
    path = registry.record_path(root, "project", record_id)
    status = inputs.term(PROJECT_STATUSES, status, "status", lang)
    data: dict[str, Any] = {"id": record_id}
    with refusing(shown(root, path), lang, "not-created"):
        data["name"] = {"tr": name, "en": _blank_checked(name_en, "name", lang)}
        data["owner"] = owner
        data["summary"] = {
            "tr": inputs.free_text(summary, "summary", lang),
            "en": inputs.free_text(summary_en, "summary", lang),
        }
        data["status"] = status
        data["launched"] = inputs.when(launched, today, lang).text if launched else None
    data["themes"] = [inputs.term(THEMES, t, "theme", lang) for t in themes] or None
    data["target_groups"] = [
        inputs.term(TARGET_GROUPS, t, "target-group", lang) for t in target_groups
    ] or None
    if service_model:
        data["service_model"] = inputs.term(SERVICE_MODELS, service_model, "service-model", lang)
    data["website"] = inputs.url(website, lang)
    data["sources"] = [inputs.url(s, lang) for s in sources] or None
    text = block_document(_without_empty(data), schema_line("project"))
    references = References(municipality_ids, {})
    return create_record(root, "project", path, text, references, today, lang, dry_run)


def _without_empty(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = _without_empty(value)
        if value is not None and value != {}:
            out[key] = value
    return out
