"""The JSON Schemas of a project file and a municipality file (draft 2020-12).

They are built here from `spo.rules.vocabulary`, so each vocabulary is written once, and written out
to `schemas/*.schema.json` for editors and standard tools (check-jsonschema, the YAML language
server). Each schema is self-contained: a `$ref` to a sibling file would send tools to fetch it over
the network through the `$id`. A test keeps the files in step with this module:

    python -m spo.rules.schemas --write     # after changing a vocabulary or a rule
    python -m spo.rules.schemas --check
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spo.rules import vocabulary as v
from spo.rules.dates import DATE_PATTERN

Schema = dict[str, Any]
DRAFT = "https://json-schema.org/draft/2020-12/schema"
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# The longest id: an id is a file name, and must leave room for spo's lock and temporary names
# (`.<id>.yaml.XXXXXXXX.tmp`) within every file system's 255 bytes. The longest shipped id has 45
# characters and the longest a town of the tables makes 38 (`afyonkarahisar-sultandagi-...`).
MAX_ID_LENGTH = 64
# The largest participant count or published figure: far above any visit, training or office
# figure (the largest city has 16 million people), and far inside what every reader of the
# registry holds (SQLite's 64-bit integers, a report's sums of a national registry's counts).
MAX_COUNT = 10_000_000
_ID = re.compile(ID_PATTERN)


def is_slug(text: str) -> bool:
    """Whether `text` has an id's shape, whatever its length."""
    return _ID.fullmatch(text) is not None


def is_id(text: str) -> bool:
    """Whether `text` can be a record's id, and so a file name: a slug, not too long."""
    return len(text) <= MAX_ID_LENGTH and is_slug(text)


def shortened_id(slug: str) -> str:
    """A slug cut to an id's length at a hyphen, keeping its first words whole (a single word
    longer than that is cut within)."""
    if len(slug) <= MAX_ID_LENGTH:
        return slug
    cut = slug[: MAX_ID_LENGTH + 1]
    return cut[: cut.rfind("-")] if "-" in cut else cut[:MAX_ID_LENGTH]


URL_PATTERN = r"^https?://\S+$"
KINDS = ("project", "municipality")


def _vocab_def(vocab: v.Vocabulary) -> Schema:
    return {
        "title": vocab.title,
        "enum": vocab.values,
        # An annotation (ignored by validators) so that editors can show the labels too.
        "x-labels": {t.value: {"tr": t.tr, "en": t.en} for t in vocab.terms},
    }


def _list_of(ref: str) -> Schema:
    return {"type": "array", "items": {"$ref": ref}, "uniqueItems": True}


def _object(required: list[str], properties: dict[str, Schema]) -> Schema:
    return {
        "type": "object",
        "required": required,
        "additionalProperties": False,
        "properties": properties,
    }


TEXT = {"$ref": "#/$defs/text"}
ID = {"$ref": "#/$defs/id"}
DATE = {"$ref": "#/$defs/date"}
SOURCE = {"$ref": "#/$defs/source"}
COUNT = {"type": "integer", "minimum": 0, "maximum": MAX_COUNT}


def _common_defs() -> dict[str, Schema]:
    return {
        "text": {"type": "string", "minLength": 1, "pattern": r"\S"},
        "id": {
            "type": "string",
            "pattern": ID_PATTERN,
            "maxLength": MAX_ID_LENGTH,
            "x-hint": "an id is a lowercase ASCII slug: letters a-z, digits, single hyphens",
        },
        "date": {
            "type": "string",
            "pattern": DATE_PATTERN,
            "x-hint": "write a date as YYYY-MM-DD, YYYY-MM or YYYY; '../YYYY-MM-DD' for "
            "'on or before'; 'YYYY-MM-DD/..' for 'on or after'; 'A/B' for 'between A and B'",
        },
        "url": {
            "type": "string",
            "pattern": URL_PATTERN,
            "x-hint": "a web address starting with http:// or https://",
        },
        "source": {
            "description": "Where a fact comes from: a web address, or a citation.",
            "anyOf": [
                {"$ref": "#/$defs/url"},
                {
                    **_object(
                        [],
                        {
                            "publisher": TEXT,
                            "title": TEXT,
                            "date": DATE,
                            "url": {"$ref": "#/$defs/url"},
                            "archived": TEXT,
                            "note": TEXT,
                        },
                    ),
                    # A source must be findable again: by its title or by its address.
                    "anyOf": [{"required": ["title"]}, {"required": ["url"]}],
                },
            ],
        },
        "sources": {"type": "array", "items": SOURCE},
        "bilingual": _object(["tr"], {"tr": TEXT, "en": TEXT}),
    }


def project_schema() -> Schema:
    defs = _common_defs()
    for vocab in (
        v.PROJECT_STATUSES,
        v.THEMES,
        v.TARGET_GROUPS,
        v.SERVICE_MODELS,
        v.PARTNER_TYPES,
        v.PARTNER_ROLES,
    ):
        defs[vocab.name] = _vocab_def(vocab)
    # A partner's type may be left out where no source says what kind of body it is.
    defs["partner"] = _object(
        ["name", "role"],
        {
            "name": TEXT,
            "type": {"$ref": "#/$defs/partner-type"},
            "role": {"$ref": "#/$defs/partner-role"},
            # A partner that is a municipality of the registry names it (checked like any id).
            "municipality": ID,
            "note": TEXT,
            "source": SOURCE,
        },
    )
    body = _object(
        ["id", "name", "owner", "summary", "status"],
        {
            "id": ID,
            "name": {"$ref": "#/$defs/bilingual"},
            "owner": ID,
            "summary": {"$ref": "#/$defs/bilingual"},
            "status": {"$ref": "#/$defs/project-status"},
            "status_as_of": DATE,
            "status_source": SOURCE,
            "launched": DATE,
            "themes": _list_of("#/$defs/theme"),
            # Themes the registry's editors read into the project (from its name, say), which no
            # source states: shown as such, never counted as the project's themes.
            "inferred_themes": _list_of("#/$defs/theme"),
            "target_groups": _list_of("#/$defs/target-group"),
            "service_model": {"$ref": "#/$defs/service-model"},
            # The source that first gives a group of fields, where it is later than the project:
            # the report counts the group from that source's date, not from the project's first.
            "field_sources": _object([], {k: SOURCE for k in v.FIELD_GROUPS}),
            "partners": {"type": "array", "items": {"$ref": "#/$defs/partner"}},
            "tags": {"type": "array", "items": TEXT, "uniqueItems": True},
            "requirements": _object(
                [], {k: TEXT for k in ("staff", "space", "budget", "partners")}
            ),
            "website": {"$ref": "#/$defs/url"},
            "notes": TEXT,
            "sources": {"$ref": "#/$defs/sources"},
        },
    )
    # A known status is a fact about a day: it says when, and on what source, it was true.
    body["if"] = {
        "properties": {"status": {"enum": list(v.KNOWN_STATUSES)}},
        "required": ["status"],
    }
    body["then"] = {"required": ["status_as_of", "status_source"]}
    return _document("project", "A social project in the spo registry", body, defs)


def municipality_schema() -> Schema:
    defs = _common_defs()
    for vocab in (
        v.MUNICIPALITY_KINDS,
        v.STAGES,
        v.ENGAGEMENT_KINDS,
        v.METRICS,
        v.QUALIFIERS,
        v.COMPLETE_RECORDS,
    ):
        defs[vocab.name] = _vocab_def(vocab)
    defs["contact"] = _object(
        ["name", "role"],
        {"name": TEXT, "role": TEXT, "email": TEXT, "phone": TEXT, "source": SOURCE},
    )
    defs["office"] = _object(
        ["name"],
        {
            "name": TEXT,
            "opened": DATE,
            "opened_note": TEXT,
            "neighbourhood": TEXT,
            "district": TEXT,
            "head": {"$ref": "#/$defs/contact"},
            "framework": {"type": "array", "items": TEXT, "uniqueItems": True},
            # The source that first gives the framework: the report shows it from that day on.
            "framework_source": SOURCE,
            "sources": {"$ref": "#/$defs/sources"},
        },
    )
    defs["engagement"] = _object(
        ["kind", "host", "date"],
        {
            "kind": {"$ref": "#/$defs/engagement-kind"},
            "host": ID,
            "date": DATE,
            "participants": COUNT,
            "note": TEXT,
            "source": SOURCE,
        },
    )
    defs["stage-entry"] = _object(
        ["stage", "date"],
        {"stage": {"$ref": "#/$defs/stage"}, "date": DATE, "note": TEXT, "source": SOURCE},
    )
    defs["transfer"] = _object(
        ["project", "history"],
        {
            "project": ID,
            "history": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/stage-entry"}},
            "note": TEXT,
        },
    )
    defs["reported-figure"] = _object(
        ["date", "metric", "value", "qualifier", "source"],
        {
            "date": DATE,
            "metric": {"$ref": "#/$defs/metric"},
            "value": COUNT,
            "qualifier": {"$ref": "#/$defs/qualifier"},
            "municipality_kind": {"$ref": "#/$defs/municipality-kind"},
            "note": TEXT,
            "source": SOURCE,
        },
    )
    # "The registry holds every record of this kind for this publisher from .. to ..": a
    # statement that needs an authority, so the source is required.
    defs["completeness"] = _object(
        ["records", "to", "source"],
        {
            "records": {"$ref": "#/$defs/complete-records"},
            "from": DATE,
            "to": DATE,
            "source": SOURCE,
            "note": TEXT,
        },
    )
    body = _object(
        ["id", "name", "kind", "province"],
        {
            "id": ID,
            "name": TEXT,
            "kind": {"$ref": "#/$defs/municipality-kind"},
            "province": {
                "description": "Plate code (1-81) or Turkish name of the province",
                "anyOf": [{"type": "integer", "minimum": 1, "maximum": 81}, TEXT],
            },
            "district": TEXT,
            "website": {"$ref": "#/$defs/url"},
            "office": {"$ref": "#/$defs/office"},
            "contacts": {"type": "array", "items": {"$ref": "#/$defs/contact"}},
            "engagements": {"type": "array", "items": {"$ref": "#/$defs/engagement"}},
            "transfers": {"type": "array", "items": {"$ref": "#/$defs/transfer"}},
            "reported_figures": {"type": "array", "items": {"$ref": "#/$defs/reported-figure"}},
            "completeness": {"type": "array", "items": {"$ref": "#/$defs/completeness"}},
            "notes": TEXT,
            "sources": {"$ref": "#/$defs/sources"},
        },
    )
    # A district or town municipality must say which district it is in.
    body["if"] = {
        "properties": {"kind": {"enum": ["district", "town"]}},
        "required": ["kind"],
    }
    body["then"] = {"required": ["district"]}
    return _document("municipality", "A municipality in the spo registry", body, defs)


def _document(kind: str, title: str, body: Schema, defs: dict[str, Schema]) -> Schema:
    return {
        "$schema": DRAFT,
        "$id": f"urn:spo:schema:{kind}",
        "title": title,
        **body,
        "$defs": defs,
    }


def _properties(node: Any) -> Iterator[tuple[str, Any]]:
    """Every (key, schema) of every object in a schema, the records' own keys first."""
    if isinstance(node, dict):
        yield from (node.get("properties") or {}).items()
        for value in node.values():
            yield from _properties(value)
    elif isinstance(node, list):
        for value in node:
            yield from _properties(value)


def date_keys() -> frozenset[str]:
    """Every key whose value is a registry date, in either schema: written quoted, as a string."""
    return frozenset(
        key for kind in KINDS for key, value in _properties(build(kind)) if value == DATE
    )


def vocabulary_keys() -> dict[str, str]:
    """The keys whose values (or list items) are a vocabulary's, and its name: `status` is a
    project status, `themes` are themes. A key that means two things keeps the first met, a
    record's own key before an entry's (`kind` of a municipality, not of an engagement)."""
    names = {vocabulary.name for vocabulary in v.ALL}
    found: dict[str, str] = {}
    for kind in KINDS:
        for key, value in _properties(build(kind)):
            if not isinstance(value, dict):
                continue
            items = value.get("items")
            ref = str(value.get("$ref") or (items.get("$ref") if isinstance(items, dict) else ""))
            name = ref.removeprefix("#/$defs/")
            if name in names:
                found.setdefault(key, name)
    return found


def build(kind: str) -> Schema:
    return project_schema() if kind == "project" else municipality_schema()


def render(kind: str) -> str:
    return json.dumps(build(kind), ensure_ascii=False, indent=2) + "\n"


def schema_path(folder: Path, kind: str) -> Path:
    return folder / f"{kind}.schema.json"


def main(argv: list[str]) -> int:
    folder = Path(__file__).resolve().parents[2] / "schemas"
    stale = [
        k
        for k in KINDS
        if not schema_path(folder, k).exists()
        or schema_path(folder, k).read_text(encoding="utf-8") != render(k)
    ]
    if "--write" in argv:
        folder.mkdir(exist_ok=True)
        for kind in stale:
            schema_path(folder, kind).write_text(render(kind), encoding="utf-8")
            print(f"wrote {schema_path(folder, kind)}")
        return 0
    for kind in stale:
        print(
            f"{schema_path(folder, kind)} is out of date: run python -m spo.rules.schemas --write"
        )
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
