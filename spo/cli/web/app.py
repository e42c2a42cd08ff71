"""The application: `make_app(site)` gives the Starlette app `spo serve` runs (and tests drive
through Starlette's TestClient), its routes, and the pages of its errors.

Routes (GET, and HEAD; the forms POST too):

    /                          home: the counts, links, the search box
    /municipalities            every municipality          /municipalities/{id}  one (?contacts=1)
    /projects                  every project               /projects/{id}        one
    /search?q=WORDS            search, and the record the words name
    /report[?as_of=&owner=]    the HTML report with its map
    /change                    the pending change (and POST /change/send, /change/push-again,
                               GET and POST /change/discard: `spo.cli.web.change`)
    /static/spo.css            the pages' stylesheet (no inline style)
    /static/bar.css            the bar at the top of every page and of the report
    /static/spo.js             the forms' one script: each field checked as it is left
    /record/{form}             GET and POST: the forms that record (`spo.cli.web.record`)

Any route takes `?lang=tr|en`. The guard (`spo.cli.web.guard`) wraps them all; the pages that
read the registry are made on one thread (`spo.cli.web.reader`). Every page made there shows
the banner of the pending change and of the changes sent (`spo.cli.web.change_view.banner`).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from spo.cli.web import browse, change, record, report_page
from spo.cli.web.change_view import banner
from spo.cli.web.guard import Guard
from spo.cli.web.look import lang_of, page, web_words
from spo.cli.web.reader import on_reader, run
from spo.cli.web.settings import Site

ERRORS = {404: "not-found", 405: "method"}


def make_app(site: Site) -> Starlette:
    routes = [
        Route("/", on_reader(browse.home)),
        Route("/municipalities", on_reader(browse.municipalities)),
        Route("/municipalities/{record_id}", on_reader(browse.municipality)),
        Route("/projects", on_reader(browse.projects)),
        Route("/projects/{record_id}", on_reader(browse.project)),
        Route("/search", on_reader(browse.search)),
        Route("/report", on_reader(report_page.report)),
        Route("/change", on_reader(change.change)),
        Route("/change/send", change.send, methods=["POST"]),
        Route("/change/push-again", change.push_again, methods=["POST"]),
        Route("/change/discard", on_reader(change.discard_page)),
        Route("/change/discard", change.discard, methods=["POST"]),
        Route("/static/spo.css", stylesheet),
        Route("/static/bar.css", bar_stylesheet),
        Route("/static/spo.js", script),
        *record.ROUTES,
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(Guard, site=site)],
        exception_handlers={HTTPException: http_error},
    )
    app.state.site = site
    app.state.banner = banner
    return app


async def http_error(request: Request, error: Exception) -> Response:
    """A 404 (no such page) or 405 (a method the page does not take), as a page."""
    status = error.status_code if isinstance(error, HTTPException) else 500
    why = ERRORS.get(status, "bad-request")
    lang = lang_of(request)
    return await run(  # on the reader's thread, as every page with the banner
        page,
        request,
        "error.html",
        status=status,
        title=web_words(lang, f"error.{why}.title"),
        message=web_words(lang, f"error.{why}.text"),
    )


@cache
def _static(name: str) -> bytes:
    return files("spo.cli.web").joinpath(f"static/{name}").read_bytes()


def _served(name: str, media_type: str) -> Response:
    return Response(
        _static(name), media_type=media_type, headers={"cache-control": "public, max-age=3600"}
    )


def stylesheet(request: Request) -> Response:
    return _served("spo.css", "text/css")


def bar_stylesheet(request: Request) -> Response:
    return _served("bar.css", "text/css")


def script(request: Request) -> Response:
    """The forms' script (`script-src 'self'` lets it run; nosniff wants its type right)."""
    return _served("spo.js", "text/javascript")
