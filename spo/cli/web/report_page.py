"""The report as a page: exactly what `spo report --format html` writes (its map, charts and
the map's credit), with a line of navigation put in above it, kept in the index like the
command line's report.

The report's stylesheet is inline (the file must stand alone when mailed), so this page's
Content-Security-Policy allows that one stylesheet by its hash, and the site's own bar.css for
the bar put in above it (the site's links and the banner of the pending change, styled by their
own classes only), and still no script at all."""

from __future__ import annotations

import base64
import hashlib
from datetime import date
from functools import cache

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from spo.api import Index, Registry, SpoError, checked_id
from spo.cli.days import parse_day
from spo.cli.render.report_css import CSS
from spo.cli.render.report_html import format_html
from spo.cli.web.browse import not_found
from spo.cli.web.look import banner_of, lang_of, request_html, site_of
from spo.cli.web.parts import kept

BAR_STYLESHEET = '<link rel="stylesheet" href="/static/bar.css">'


@cache
def report_csp() -> str:
    digest = base64.b64encode(hashlib.sha256(CSS.encode("utf-8")).digest()).decode("ascii")
    return (
        f"default-src 'self'; style-src 'self' 'sha256-{digest}'; script-src 'none'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


def report(request: Request) -> Response:
    site, lang = site_of(request), lang_of(request)
    given_day = request.query_params.get("as_of")
    given_owner = request.query_params.get("owner")
    try:
        day = parse_day(given_day) if given_day else date.today()
        owner = checked_id(given_owner, shorter=False) if given_owner else None
        if owner is not None:
            Registry(site.root).id_of("municipality", owner)
    except SpoError as error:
        return not_found(request, error)

    def make(index: Index) -> str:
        registry = Registry(site.root)
        records = registry.read(index=index)
        result = registry.report(as_of=day, owner=owner, records=records)
        places = registry.places(as_of=day, owner=owner, records=records)
        years = registry.timeline(as_of=day, owner=owner, records=records)
        return format_html(result, places, years, lang)

    html = str(kept(site, ("report", lang, day.isoformat(), owner), make))
    nav = request_html(request, "report_nav.html", banner=banner_of(request))
    html = html.replace("\n</head>", f"\n{BAR_STYLESHEET}\n</head>", 1)
    html = html.replace("\n<header>", f"\n{nav}\n<header>", 1)
    response = HTMLResponse(html)
    response.headers["content-security-policy"] = report_csp()
    return response
