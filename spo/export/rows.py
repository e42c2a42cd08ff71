"""The rows of the export's tables, from the model (see `spo.export`).

Records are taken in the order of their ids; the tables without ids of their own (sources,
partners, engagements, transfers, their stages, reported figures) are numbered from 1 in that
order, so that the same registry always gives the same rows.
"""

from __future__ import annotations

from typing import Any

from spo.model import Municipality, Project, Registry, Source
from spo.places.provinces import all_provinces

Row = dict[str, Any]


class _Rows:
    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.tables: dict[str, list[Row]] = {
            name: []
            for name in (
                "provinces",
                "municipalities",
                "projects",
                "sources",
                "partners",
                "engagements",
                "transfers",
                "transfer_stages",
                "reported_figures",
            )
        }

    def add(self, table: str, **row: Any) -> int:
        """Add a numbered row; its number."""
        rows = self.tables[table]
        number = len(rows) + 1
        rows.append({"id": number, **row})
        return number

    def source(
        self,
        source: Source | None,
        used_for: str,
        *,
        project: str | None = None,
        municipality: str | None = None,
    ) -> int | None:
        if source is None:
            return None
        return self.add(
            "sources",
            project=project,
            municipality=municipality,
            used_for=used_for,
            publisher=source.publisher,
            title=source.title,
            date=source.date,
            url=source.url,
            archived=source.archived,
            note=source.note,
        )

    def file(self, record: Municipality | Project) -> str:
        path = record.path
        try:
            return path.relative_to(self.registry.root).as_posix()
        except ValueError:
            return path.as_posix()

    def municipality(self, m: Municipality) -> None:
        office = m.office
        self.tables["municipalities"].append(
            {
                "id": m.id,
                "name": m.name,
                "kind": m.kind,
                "province": m.province.plate if m.province else None,
                "province_given": str(m.province_given),
                "district": m.district,
                "website": m.website,
                "office_name": office.name if office else None,
                "office_opened": office.opened.text if office and office.opened else None,
                "office_district": office.district if office else None,
                "office_neighbourhood": office.neighbourhood if office else None,
                "office_framework": list(office.framework) if office else [],
                "notes": m.notes,
                "file": self.file(m),
            }
        )
        for s in m.sources:
            self.source(s, "municipality", municipality=m.id)
        for s in office.sources if office else ():
            self.source(s, "office", municipality=m.id)

    def project(self, p: Project) -> None:
        requirements = dict(p.requirements)
        self.tables["projects"].append(
            {
                "id": p.id,
                "name_tr": p.name_tr,
                "name_en": p.name_en,
                "owner": p.owner,
                "summary_tr": p.summary_tr,
                "summary_en": p.summary_en,
                "status": p.status,
                "status_as_of": p.status_as_of.text if p.status_as_of else None,
                "launched": p.launched.text if p.launched else None,
                "themes": list(p.themes),
                "inferred_themes": list(p.inferred_themes),
                "target_groups": list(p.target_groups),
                "service_model": p.service_model,
                "tags": list(p.tags),
                **{
                    f"requirement_{what}": requirements.get(what)
                    for what in ("staff", "space", "budget", "partners")
                },
                "website": p.website,
                "notes": p.notes,
                "file": self.file(p),
            }
        )
        self.source(p.status_source, "status", project=p.id)
        for s in p.sources:
            self.source(s, "project", project=p.id)
        for partner in p.partners:
            source = self.source(partner.source, "partner", project=p.id)
            self.add(
                "partners",
                project=p.id,
                name=partner.name,
                type=partner.type,
                role=partner.role,
                municipality=partner.municipality,
                note=partner.note,
                source=source,
            )

    def events(self, m: Municipality) -> None:
        for e in m.engagements:
            source = self.source(e.source, "engagement", municipality=m.id)
            self.add(
                "engagements",
                municipality=m.id,
                kind=e.kind,
                host=e.host,
                date=e.date.text,
                participants=e.participants,
                note=e.note,
                source=source,
            )
        for t in m.transfers:
            number = self.add(
                "transfers",
                project=t.project,
                municipality=m.id,
                current_stage=t.current_stage,
                current_date=t.current.date.text,
                started=t.history[0].date.text,
                note=t.note,
            )
            for position, entry in enumerate(t.history, 1):
                source = self.source(
                    entry.source, "transfer_stage", project=t.project, municipality=m.id
                )
                self.add(
                    "transfer_stages",
                    transfer=number,
                    position=position,
                    stage=entry.stage,
                    date=entry.date.text,
                    note=entry.note,
                    source=source,
                )
        for f in m.reported_figures:
            source = self.source(f.source, "reported_figure", municipality=m.id)
            self.add(
                "reported_figures",
                owner=m.id,
                date=f.date.text,
                metric=f.metric,
                value=f.value,
                qualifier=f.qualifier,
                municipality_kind=f.municipality_kind,
                note=f.note,
                source=source,
            )


def rows_of(registry: Registry) -> dict[str, list[Row]]:
    """Every table's rows, by table name."""
    built = _Rows(registry)
    for province in all_provinces():
        built.tables["provinces"].append(
            {
                "plate": province.plate,
                "name": province.name,
                "metropolitan": int(province.metropolitan),
                "region": province.region,
                "lat": province.lat,
                "lon": province.lon,
            }
        )
    municipalities = [registry.municipalities[k] for k in sorted(registry.municipalities)]
    projects = [registry.projects[k] for k in sorted(registry.projects)]
    for m in municipalities:
        built.municipality(m)
    for p in projects:
        built.project(p)
    for m in municipalities:
        built.events(m)
    return built.tables
