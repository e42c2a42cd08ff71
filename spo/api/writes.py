"""The writes of `spo.api.Registry`: each one file's change, checked before it is written."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spo.writing.editing import WriteResult
    from spo.writing.starting import Started

Kind = Literal["project", "municipality"]
_Day = date | None


def _today() -> date:
    return date.today()


class Writes:
    """Each write checks the record it makes against the schema and the registry first, and is
    refused (`Refusal`, a UsageError) with nothing written when it would bring in an error.
    `dry_run`: the result (with its diff) without writing. `today`: the day "today" means."""

    root: Path

    def add_stage(
        self,
        project: str,
        municipality: str,
        stage: str,
        *,
        date: str | None = None,
        note: str | None = None,
        source: str | None = None,
        today: _Day = None,
        dry_run: bool = False,
    ) -> WriteResult:
        """Record that the transfer of `project` (an id) to `municipality` reached `stage`
        (default date: today)."""
        from spo.writing.transfers import add_stage

        day = today or _today()
        return add_stage(
            self.root, project, municipality, stage, date, note, source, today=day, dry_run=dry_run
        )

    def add_engagement(
        self,
        municipality: str,
        host: str,
        kind: str,
        *,
        date: str | None = None,
        participants: int | None = None,
        note: str | None = None,
        source: str | None = None,
        today: _Day = None,
        dry_run: bool = False,
    ) -> WriteResult:
        """Record that `municipality` had an engagement of `kind` hosted by `host` (ids)."""
        from spo.writing.engagements import add_engagement

        args = (date, participants, note, source)
        day = today or _today()
        return add_engagement(
            self.root, municipality, host, kind, *args, today=day, dry_run=dry_run
        )

    def add_figure(
        self,
        *,
        date: str,
        metric: str,
        value: int,
        qualifier: str,
        source: str | Mapping[str, str | None] | None,
        municipality: str | None = None,
        municipality_kind: str | None = None,
        note: str | None = None,
        today: _Day = None,
        dry_run: bool = False,
    ) -> WriteResult:
        """Record a figure an office published ("16 municipalities hosted"), in the
        `reported_figures` of `municipality` (an id; default: the one municipality that runs an
        office). `date`: the day it is as of, as people write dates. `metric`, `qualifier` and
        `municipality_kind`: a value of `METRICS`, `QUALIFIERS`, `MUNICIPALITY_KINDS`, or its
        Turkish or English label. `value`: a whole number from 0 to `MAX_COUNT`. `source`: a web
        address, or a citation with some of `publisher`, `title`, `date`, `url`, `archived`,
        `note` (a title or a url among them). The same figure again (date, metric and kind) is
        refused (`refusal.duplicate-figure`, with the line that holds it)."""
        from spo.writing.figures import add_figure

        return add_figure(
            self.root,
            municipality,
            date=date,
            metric=metric,
            value=value,
            qualifier=qualifier,
            source=source,
            municipality_kind=municipality_kind,
            note=note,
            today=today or _today(),
            dry_run=dry_run,
        )

    def office(self) -> str:
        """The id of the municipality that runs this registry's office (`office:` in its file);
        a UsageError when no municipality, or more than one, does."""
        from spo.writing.figures import office_id

        return office_id(self.root)

    def new_municipality(
        self,
        province: str,
        *,
        kind: str | None = None,
        district: str | None = None,
        town: str | None = None,
        name: str | None = None,
        website: str | None = None,
        sources: Sequence[str] = (),
        today: _Day = None,
        dry_run: bool = False,
    ) -> WriteResult:
        """A new municipality's file, its id and name made from its place."""
        from spo.writing.records import new_municipality

        return new_municipality(
            self.root,
            province,
            kind,
            district,
            town,
            name=name,
            website=website,
            sources=sources,
            today=today or _today(),
            dry_run=dry_run,
        )

    def new_project(
        self,
        name: str,
        *,
        owner: str,
        summary: str,
        status: str,
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
        today: _Day = None,
        dry_run: bool = False,
    ) -> WriteResult:
        """A new project's file (its id made from `name` unless given). A known status (not
        `unknown`) is a fact about a day: `status_as_of` and `status_source` are then required."""
        from spo.writing.records import new_project

        return new_project(
            self.root,
            name,
            owner,
            summary,
            status,
            project_id=project_id,
            name_en=name_en,
            summary_en=summary_en,
            launched=launched,
            status_as_of=status_as_of,
            status_source=status_source,
            themes=themes,
            target_groups=target_groups,
            service_model=service_model,
            website=website,
            sources=sources,
            today=today or _today(),
            dry_run=dry_run,
        )

    def free_project_id(self, name: str, project_id: str | None = None) -> str:
        """The id a new project of that name would get; UsageError when it is taken."""
        from spo.writing.records import free_project_id

        return free_project_id(self.root, name, project_id)

    def new_record_path(self, kind: str, record_id: str) -> Path:
        """Where a new record of that id goes; UsageError for an id that is no slug, or too long."""
        from spo.writing.known import new_record_path

        return new_record_path(self.root, kind, record_id)

    def refuse_taken(self) -> None:
        """Refusal when the folder already holds a registry (`start` would write over it)."""
        from spo.writing.starting import refuse_taken

        refuse_taken(self.root)

    def start(
        self,
        province: str,
        district: str | None = None,
        town: str | None = None,
        *,
        office: str | None = None,
        website: str | None = None,
        sources: Sequence[str] = (),
        spo_requirement: str | None = None,
        language: str | None = None,
        today: _Day = None,
    ) -> Started:
        """Start a registry in this folder (`spo init`): its office's municipality, the
        schemas, the templates, the CI; refused, with nothing written, when one is there."""
        from spo.writing.starting import start_registry

        return start_registry(
            self.root,
            province,
            district,
            town,
            office=office,
            website=website,
            sources=sources,
            spo_requirement=spo_requirement,
            today=today or _today(),
            language=language,
        )
