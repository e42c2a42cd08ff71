"""Parts of pages kept in the index (`spo.api.Index.memo`), as `spo.cli.kept` keeps a command's
output: a list or the report depends only on the records, the language and its options, so an
unchanged registry gets back the HTML it was given last time for the same index generation,
without building the model. The key holds spo's code digest (its words too) and the templates'."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from spo.api import Index, IndexDamaged
from spo.cli.kept import index_of, key
from spo.cli.web.look import pages_digest
from spo.cli.web.settings import Site


def kept(site: Site, parts: tuple[object, ...], make: Callable[[Index], str]) -> Markup:
    """The HTML that `parts` name, from the index when it holds it, else `make`d and kept.
    `make` returns markup (autoescaped by its template), so it is marked safe here."""
    try:
        return Markup(_kept(site, parts, make))
    except IndexDamaged:  # thrown away and made again, as the command line does
        return Markup(_kept(site, parts, make))


def _kept(site: Site, parts: tuple[object, ...], make: Callable[[Index], str]) -> str:
    with index_of(site.root) as index:
        name, generation = key(index, "web", pages_digest(), *parts)
        found = index.memo(name)
        if found is not None:
            value = found[0]
            return value.decode("utf-8") if isinstance(value, bytes) else value
        made = make(index)
        index.remember(name, made, generation)
        return made
