"""The names a form's record field suggests (`<datalist>`): every municipality, or every project,
of the registry, each offered by its id (what the field's check always takes, where a name such
as "Yenişehir Belediyesi" could be several) with its name as the label the browser shows and
matches as it is typed.

At the national size (measured on `benchmarks.synthetic`'s registry: 1,400 municipalities, 10,000
projects) the municipalities' list is about 75 KB of a page, the projects' about 590 KB: a list
of more than `LIMIT` names is not offered (the field's hint and its check's "did you mean" still
help). A list is kept in the index as HTML (`spo.cli.web.parts`), so an unchanged registry does
not decode its rows again for every form shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from spo.api import Index
from spo.cli.language import Lang
from spo.cli.render.search_results import row_name
from spo.cli.web.look import part_context, templates
from spo.cli.web.parts import kept
from spo.cli.web.settings import Site

LIMIT = 2000  # names a list offers at most: ~110 KB of a page


def datalists(site: Site, kinds: Sequence[str], lang: Lang) -> Markup:
    """A `<datalist id="names-KIND">` for each of `kinds` (none for a kind of over `LIMIT`
    records): the `<option>`s of its records in the Turkish alphabet's order (a project by its
    English name for an English reader, when it has one). One part for the page, so the index
    is opened once, however many kinds the form names."""

    def make(index: Index) -> str:
        rows: dict[str, list[dict[str, Any]]] = {kind: [] for kind in kinds}
        for kind, _, row in index.document_rows():
            if kind in rows:
                rows[kind].append(row)
        english = lang == "en"
        lists = {}
        for kind, found in rows.items():
            if len(found) <= LIMIT:
                found.sort(key=lambda r: (english and r.get("sort_en")) or r["sort"])
                lists[kind] = [(str(r["id"]), row_name(r, lang)) for r in found]
        template = templates().get_template("record_names.html")
        return template.render(**part_context(lang), lists=lists)

    return kept(site, ("names", tuple(kinds), lang, LIMIT), make) if kinds else Markup("")


def offered(lists: Markup, kind: str) -> bool:
    """Whether `lists` (of `datalists`) holds `kind`'s list: its field then names it."""
    return f'<datalist id="{list_id(kind)}">' in lists


def list_id(kind: str) -> str:
    return f"names-{kind}"
