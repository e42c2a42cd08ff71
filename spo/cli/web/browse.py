"""The pages of the records: home, the lists of municipalities and projects, one of each, and
search. Every record comes through `spo.api`: the lists from the index (kept there as HTML for
an unchanged registry, `spo.cli.web.parts`), one record by reading its own file and the records
it names, search with the Turkish-aware search and name lookup of `spo search` and
`spo municipality show`.

An id in a path is checked against the slug rule (`checked_id`) before anything touches the
disk: `../etc/passwd`, an absolute path or an unknown id is a 404 page in the reader's language.
A contact's phone and e-mail are shown only when asked for (`?contacts=1`), and such a page is
not kept by the browser.
"""

from __future__ import annotations

import contextlib
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from spo.api import (
    Index,
    Records,
    Registry,
    Row,
    SpoError,
    checked_id,
    lookup,
    municipality_name,
    transfers_of,
)
from spo.cli.language import Lang
from spo.cli.render.labels import localized_name, name_of, project_name, project_name_by_id
from spo.cli.render.search_results import row_name
from spo.cli.web.look import lang_of, page, part_context, site_of, templates, web_words
from spo.cli.web.parts import kept
from spo.cli.words import render

SEARCH_LIMIT = 50  # results a search page shows
KINDS = ("municipality", "project")  # what a search names, in this order


def names(records: Records, lang: Lang) -> dict[str, Any]:
    """What the templates use to name a record by its id."""
    return {
        "municipality_name": lambda record_id: municipality_name(records, record_id),
        "project_name": lambda record_id: project_name_by_id(records, record_id, lang),
        "known": lambda kind, record_id: (
            record_id in (records.projects if kind == "project" else records.municipalities)
        ),
    }


def not_found(request: Request, error: SpoError) -> Response:
    lang = lang_of(request)
    return page(
        request,
        "error.html",
        status=404,
        title=web_words(lang, "error.not-found.title"),
        message=render(error.message, lang),
    )


def home(request: Request) -> Response:
    site, lang = site_of(request), lang_of(request)

    def make(index: Index) -> str:
        records = Registry(site.root).read_for_listing(index, whole="municipality")
        counts = {
            "municipalities": len(records.municipalities),
            "projects": len(index.ids("project")),
            "transfers": sum(1 for _ in records.transfers()),
            "engagements": sum(1 for _ in records.engagements()),
        }
        return _part("home_counts.html", lang, counts=counts, skipped=len(records.skipped))

    return page(request, "home.html", counts=kept(site, ("home", lang), make))


def municipalities(request: Request) -> Response:
    site, lang = site_of(request), lang_of(request)

    def make(index: Index) -> str:
        registry = Registry(site.root)
        records = registry.read_for_listing(index, whole="municipality")
        found = registry.municipalities(records=records)
        return _part("municipality_rows.html", lang, municipalities=found)

    return page(request, "municipalities.html", rows=kept(site, ("municipalities", lang), make))


def projects(request: Request) -> Response:
    site, lang = site_of(request), lang_of(request)

    def make(index: Index) -> str:
        registry = Registry(site.root)
        records = registry.read_for_listing(index, whole="project")
        found = registry.projects(records=records, name_of=name_of(lang))
        counts: dict[str, int] = {}
        for transfer in records.transfers():
            counts[transfer.project] = counts.get(transfer.project, 0) + 1
        return _part(
            "project_rows.html",
            lang,
            projects=found,
            counts=counts,
            name=lambda p: project_name(p, lang),
            **names(records, lang),
        )

    return page(request, "projects.html", rows=kept(site, ("projects", lang), make))


def municipality(request: Request) -> Response:
    site, lang = site_of(request), lang_of(request)
    try:
        record_id = checked_id(request.path_params["record_id"], shorter=False)
        records = Registry(site.root).read_around("municipality", record_id)
        found = lookup.get("municipality", records.municipalities, record_id)
    except SpoError as error:
        return not_found(request, error)
    contacts = request.query_params.get("contacts") == "1"
    hosted = [e for e in records.engagements() if e.host == found.id and e.municipality != found.id]
    response = page(
        request,
        "municipality.html",
        m=found,
        hosted=hosted,
        show_contacts=contacts,
        **names(records, lang),
    )
    if contacts:
        response.headers["cache-control"] = "no-store"
    return response


def project(request: Request) -> Response:
    site, lang = site_of(request), lang_of(request)
    try:
        record_id = checked_id(request.path_params["record_id"], shorter=False)
        records = Registry(site.root).read_around("project", record_id)
        found = lookup.get("project", records.projects, record_id)
    except SpoError as error:
        return not_found(request, error)
    summary = localized_name(found.summary_tr, found.summary_en, lang)
    return page(
        request,
        "project.html",
        p=found,
        name=project_name(found, lang),
        summary=summary,
        transfers=transfers_of(records, found.id),
        **names(records, lang),
    )


def search(request: Request) -> Response:
    site, lang = site_of(request), lang_of(request)
    words = request.query_params.get("q", "").strip()[:200]
    if not words:
        return page(request, "search.html", q="", named=[], hits=[], more=0)
    registry = Registry(site.root)
    rows = registry.rows()  # read once: the records the words may name, and their names
    named = [(kind, found) for kind in KINDS if (found := _named(registry, kind, words, rows))]
    try:
        hits = registry.search(words, english=lang == "en")
    except SpoError:  # no words to search for (only punctuation, say)
        hits = []
    shown = hits[:SEARCH_LIMIT]
    hit_rows = [(hit, row_name(hit.row, lang)) for hit in shown]
    named_rows = [(kind, found, _name_in(rows, kind, found, lang)) for kind, found in named]
    return page(
        request,
        "search.html",
        q=words,
        named=named_rows,
        hits=hit_rows,
        more=len(hits) - len(shown),
    )


def _named(registry: Registry, kind: str, words: str, rows: list[Row]) -> str | None:
    """The record of `kind` that `words` name, as `Registry.id_of` finds it (an existing
    file's id, else the one candidate by name), or None; among `rows` read once for the page,
    where `id_of` would read every row again for each kind and work out a suggestion the
    page never shows."""
    with contextlib.suppress(SpoError):  # not an id
        if registry.new_record_path(kind, words).is_file():
            return words
    found = registry.candidates(kind, words, rows=rows)
    return found[0] if len(found) == 1 else None


def _name_in(rows: list[Row], kind: str, record_id: str, lang: Lang) -> str:
    for row in rows:
        if row["kind"] == kind and row["id"] == record_id:
            return row_name(row, lang)
    return record_id  # a file left out of the index: its id is all there is


def _part(template: str, lang: Lang, **context: Any) -> str:
    """A part of a page (no layout): kept in the index, so it has no session and no path."""
    return templates().get_template(template).render(**part_context(lang), **context)
