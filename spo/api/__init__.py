"""spo as a library: a registry folder and what can be asked of it, without a terminal.

    import spo

    reg = spo.open()  # as the command line finds it: $SPO_ROOT, else the nearest data/
    for project in reg.projects(status=["active"]):
        print(project.id, project.name_tr)

What is public and stable, here (and as `spo.<name>`, which hands these names on):

- `Registry`, `open` and `compare` (`spo diff`, which may need no registry), for analysts
  and scripts. Each method returns the core's typed values
  (`Records`, `Project`, `Municipality`, `Transfer`, `Report`, `Explanation`, `Diff`,
  `ValidationResult` with its `Problem`s, `WriteResult`...), never prints, and raises the core's
  errors (`SpoError`, its `UsageError`, a write's `Refusal`), each with a message code
  (`error.message.key`, as `spo validate --format json` shows codes) that a front end words in
  its language. Options are keyword-only.
- For front ends (the command line, and the coming `spo serve`): the value types, vocabularies
  and plain building blocks they render and check typed text with, the rest of `__all__`. Their
  names are stable; they are the core's own, whose modules are otherwise internal: import them
  from here, never from `spo.<package>`.

Light at import time: the command line imports this package whenever it starts, so the core is
imported only when a method runs, or when a name for front ends is first asked for (PEP 562).
"""

from __future__ import annotations

import importlib
from os import PathLike
from typing import TYPE_CHECKING

from spo.api.registry import Registry, compare

# fmt: off
# isort: off
if TYPE_CHECKING:
    from spo.model import (
        Completeness as Completeness, Engagement as Engagement, Municipality as Municipality,
        Office as Office, Partner as Partner, Project as Project, ReportedFigure as ReportedFigure,
        Source as Source, Transfer as Transfer, Registry as Records,
    )
    from spo.rules.vocabulary import (
        ALL as ALL, COMPLETE_RECORDS as COMPLETE_RECORDS, ENGAGEMENT_KINDS as ENGAGEMENT_KINDS,
        KNOWN_STATUSES as KNOWN_STATUSES, METRICS as METRICS,
        MUNICIPALITY_KINDS as MUNICIPALITY_KINDS, PARTNER_ROLES as PARTNER_ROLES,
        PARTNER_TYPES as PARTNER_TYPES, PROJECT_STATUSES as PROJECT_STATUSES,
        QUALIFIERS as QUALIFIERS, SERVICE_MODELS as SERVICE_MODELS, STAGES as STAGES,
        TARGET_GROUPS as TARGET_GROUPS, THEMES as THEMES, Vocabulary as Vocabulary,
    )
    from spo.rules.schemas import (
        MAX_COUNT as MAX_COUNT, MAX_ID_LENGTH as MAX_ID_LENGTH, vocabulary_keys as vocabulary_keys,
    )
    from spo.rules import schemas as schemas
    from spo.rules.message import FileValue as FileValue, Message as Message, Pairs as Pairs
    from spo.rules.problems import (
        Problem as Problem, Severity as Severity, format_json_path as format_json_path,
    )
    from spo.rules.errors import SpoError as SpoError, UsageError as UsageError
    from spo.rules.dates import (
        DateError as DateError, FuzzyDate as FuzzyDate, parse_date_or_none as parse_date_or_none,
    )
    from spo.rules.typed_dates import typed_day as typed_day
    from spo.rules.turkish import fold as fold, tr_lower as tr_lower
    from spo.rules.lookup import closest as closest
    from spo.rules import lookup as lookup
    from spo.rules.stages import next_stage as next_stage
    from spo.rules.qualifiers import (
        APPROXIMATELY_WITHIN as APPROXIMATELY_WITHIN, NEARLY_WITHIN as NEARLY_WITHIN,
    )
    from spo.places.provinces import Province as Province, all_provinces as all_provinces
    from spo.places.districts import find_district as find_district
    from spo.places.shapes import inside as inside, province_shapes as province_shapes
    from spo.checks.characters import BIDI_CONTROLS as BIDI_CONTROLS
    from spo.checks.personal_prefilter import may_have_sightings as may_have_sightings
    from spo.checks.personal_text import hidden as hidden
    from spo.checks.validation import ValidationResult as ValidationResult
    from spo.files.cache import cache_root as cache_root, code_digest as code_digest
    from spo.index import Index as Index, IndexDamaged as IndexDamaged, memo_key as memo_key
    from spo.index.search_rows import Row as Row, folded_words as folded_words
    from spo.query.search import Hit as Hit
    from spo.query.lists import (
        NameOf as NameOf, latest_activity as latest_activity,
        municipality_name as municipality_name, owned_projects as owned_projects,
        transfers_of as transfers_of, turkish_name as turkish_name,
    )
    from spo.report import (
        ExplainRow as ExplainRow, Explanation as Explanation, FigureCheck as FigureCheck,
        OfficeOf as OfficeOf, Report as Report, Tally as Tally, KINDS as REPORT_KINDS,
    )
    from spo.report.left_out import (
        LeftOut as LeftOut, MUNICIPALITY_FIGURES as MUNICIPALITY_FIGURES,
        PROJECT_ROWS as PROJECT_ROWS,
    )
    from spo.report.places import (
        NO_RELATION as NO_RELATION, RELATIONS as RELATIONS, Place as Place, Year as Year,
        furthest as furthest,
    )
    from spo.diff import (
        Change as Change, Diff as Diff, FigureDelta as FigureDelta, RecordDiff as RecordDiff,
        Side as Side, StatusChange as StatusChange,
    )
    from spo.diff.numbers import UNCOUNTED as UNCOUNTED
    from spo.diff.records import KINDS as DIFF_KINDS, STATUSES as DIFF_STATUSES
    from spo.export import SHAPES as SHAPES, Table as Table, dangling as dangling
    from spo.export.files import (
        SEARCH_TEXT as SEARCH_TEXT, csv_bytes as csv_bytes, csv_rows as csv_rows,
        write_sqlite as write_sqlite,
    )
    from spo.export.spreadsheet import (
        csv_text as csv_text, usable_delimiter as usable_delimiter, with_bom as with_bom,
    )
    from spo.writing.editing import Refusal as Refusal, WriteResult as WriteResult
    from spo.review import (
        Pending as Pending, PendingFile as PendingFile, PendingRecord as PendingRecord,
        Recording as Recording, Sent as Sent,
    )
    from spo.writing.starting import Started as Started
    from spo.writing.known import checked_id as checked_id
    from spo.writing.records import (
        district_of as district_of, province_of as province_of,
        shortened_project_id as shortened_project_id, town_of as town_of,
        municipality_name as new_municipality_name,
    )
    from spo.writing.outputs import check_target as check_target, write_files as write_files
    from spo.writing.schema_files import schema_files as schema_files
    from spo.writing.distribution import requirement as requirement
    from spo.writing import inputs as inputs
# isort: on

# For front ends: each name, where the core keeps it ("name=its name there", "name=*": a module).
_FOR_FRONT_ENDS: dict[str, str] = {
    "spo.model": (
        "Completeness Engagement Municipality Office Partner Project ReportedFigure "
        "Source Transfer Records=Registry"
    ),
    "spo.rules.vocabulary": (
        "ALL COMPLETE_RECORDS ENGAGEMENT_KINDS KNOWN_STATUSES METRICS MUNICIPALITY_KINDS "
        "PARTNER_ROLES PARTNER_TYPES PROJECT_STATUSES QUALIFIERS SERVICE_MODELS STAGES "
        "TARGET_GROUPS THEMES Vocabulary"
    ),
    "spo.rules.schemas": "MAX_COUNT MAX_ID_LENGTH vocabulary_keys schemas=*",
    "spo.rules.message": "FileValue Message Pairs",
    "spo.rules.problems": "Problem Severity format_json_path",
    "spo.rules.errors": "SpoError UsageError",
    "spo.rules.dates": "DateError FuzzyDate parse_date_or_none",
    "spo.rules.typed_dates": "typed_day",
    "spo.rules.turkish": "fold tr_lower",
    "spo.rules.lookup": "closest lookup=*",
    "spo.rules.stages": "next_stage",
    "spo.rules.qualifiers": "APPROXIMATELY_WITHIN NEARLY_WITHIN",
    "spo.places.provinces": "Province all_provinces",
    "spo.places.districts": "find_district",
    "spo.places.shapes": "inside province_shapes",
    "spo.checks.characters": "BIDI_CONTROLS",
    "spo.checks.personal_prefilter": "may_have_sightings",
    "spo.checks.personal_text": "hidden",
    "spo.checks.validation": "ValidationResult",
    "spo.files.cache": "cache_root code_digest",
    "spo.index": "Index IndexDamaged memo_key",
    "spo.index.search_rows": "Row folded_words",
    "spo.query.search": "Hit",
    "spo.query.lists": (
        "NameOf latest_activity municipality_name owned_projects transfers_of "
        "turkish_name"
    ),
    "spo.report": "ExplainRow Explanation FigureCheck OfficeOf Report Tally REPORT_KINDS=KINDS",
    "spo.report.left_out": "LeftOut MUNICIPALITY_FIGURES PROJECT_ROWS",
    "spo.report.places": "NO_RELATION RELATIONS Place Year furthest",
    "spo.diff": "Change Diff FigureDelta RecordDiff Side StatusChange",
    "spo.diff.numbers": "UNCOUNTED",
    "spo.diff.records": "DIFF_KINDS=KINDS DIFF_STATUSES=STATUSES",
    "spo.export": "SHAPES Table dangling",
    "spo.export.files": "SEARCH_TEXT csv_bytes csv_rows write_sqlite",
    "spo.export.spreadsheet": "csv_text usable_delimiter with_bom",
    "spo.writing.editing": "Refusal WriteResult",
    "spo.review": "Pending PendingFile PendingRecord Recording Sent",
    "spo.writing.starting": "Started",
    "spo.writing.known": "checked_id",
    "spo.writing.records": (
        "district_of province_of shortened_project_id town_of "
        "new_municipality_name=municipality_name"
    ),
    "spo.writing.outputs": "check_target write_files",
    "spo.writing.schema_files": "schema_files",
    "spo.writing.distribution": "requirement",
    "spo.writing.inputs": "inputs=*",
}
# fmt: on

__all__ = [
    "Registry", "open", "compare",
    # for front ends, in the order of the table above
    "Completeness", "Engagement", "Municipality", "Office", "Partner", "Project",
    "ReportedFigure", "Source", "Transfer", "Records",
    "ALL", "COMPLETE_RECORDS", "ENGAGEMENT_KINDS", "KNOWN_STATUSES", "METRICS",
    "MUNICIPALITY_KINDS", "PARTNER_ROLES", "PARTNER_TYPES", "PROJECT_STATUSES", "QUALIFIERS",
    "SERVICE_MODELS", "STAGES", "TARGET_GROUPS", "THEMES", "Vocabulary",
    "MAX_COUNT", "MAX_ID_LENGTH", "vocabulary_keys", "schemas",
    "FileValue", "Message", "Pairs",
    "Problem", "Severity", "format_json_path",
    "SpoError", "UsageError",
    "DateError", "FuzzyDate", "parse_date_or_none",
    "typed_day",
    "fold", "tr_lower",
    "closest", "lookup",
    "next_stage",
    "APPROXIMATELY_WITHIN", "NEARLY_WITHIN",
    "Province", "all_provinces",
    "find_district",
    "inside", "province_shapes",
    "BIDI_CONTROLS",
    "may_have_sightings",
    "hidden",
    "ValidationResult",
    "cache_root", "code_digest",
    "Index", "IndexDamaged", "memo_key",
    "Row", "folded_words",
    "Hit",
    "NameOf", "latest_activity", "municipality_name", "owned_projects", "transfers_of",
    "turkish_name",
    "ExplainRow", "Explanation", "FigureCheck", "OfficeOf", "Report", "Tally", "REPORT_KINDS",
    "LeftOut", "MUNICIPALITY_FIGURES", "PROJECT_ROWS",
    "NO_RELATION", "RELATIONS", "Place", "Year", "furthest",
    "Change", "Diff", "FigureDelta", "RecordDiff", "Side", "StatusChange",
    "UNCOUNTED",
    "DIFF_KINDS", "DIFF_STATUSES",
    "SHAPES", "Table", "dangling",
    "SEARCH_TEXT", "csv_bytes", "csv_rows", "write_sqlite",
    "csv_text", "usable_delimiter", "with_bom",
    "Refusal", "WriteResult",
    "Pending", "PendingFile", "PendingRecord", "Recording", "Sent",
    "Started",
    "checked_id",
    "district_of", "province_of", "shortened_project_id", "town_of", "new_municipality_name",
    "check_target", "write_files",
    "schema_files",
    "requirement",
    "inputs",
]  # fmt: skip


def open(root: str | PathLike[str] | None = None) -> Registry:  # as gzip.open: not the builtin
    """The registry the command line would use: `root` (as `--root`), else `$SPO_ROOT`, else
    the nearest folder at or above the working folder that holds `data/`. UsageError when
    there is none, or `root` holds no `data/`."""
    return Registry.at(root)


def _where(name: str) -> tuple[str, str | None] | None:
    for module, names in _FOR_FRONT_ENDS.items():
        for entry in names.split():
            given, _, there = entry.partition("=")
            if given == name:
                return module, (None if there == "*" else there or given)
    return None


def __getattr__(name: str) -> object:
    """A name for front ends, imported from the core when first asked for (PEP 562)."""
    found = _where(name)
    if found is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(found[0])
    value: object = module if found[1] is None else getattr(module, found[1])
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
