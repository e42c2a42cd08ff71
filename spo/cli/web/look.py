"""How a page is made: a Jinja2 template (every value autoescaped) in the reader's language,
with its words from the catalogue (`web.*`, `spo/cli/text/web.toml`) and the labels, dates and
names the command line's views use.

The language is `?lang=tr|en` when given (and then kept in a cookie), else the cookie's, else
Turkish, the office's own. `spo.cli.web.guard` decides it once per request, before any page is
made, and keeps it (with the request's session) in the request's state.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse

from spo.api import FuzzyDate, Source
from spo.cli.citing import citation
from spo.cli.language import LANGS, Lang
from spo.cli.render.labels import date_label
from spo.cli.web.settings import Site
from spo.cli.words import label, say, term

LANG_COOKIE = "spo_lang"
SESSION_COOKIE = "spo_session"
ACCESS_COOKIE = "spo_access"
# A record's page says once that it was saved: a form's write sends the browser there with this
# cookie (its value the page's path signed: `saved_mark`, so that no other server of this
# computer, which the browser also sends cookies, can make a page say so); the page that shows
# the notice clears it, so a reload, a later visit or a shared link does not say it again.
SAVED_COOKIE = "spo_saved"
DEFAULT_LANG: Lang = "tr"
# A web address a page may link to: http or https, no space, no control (never `javascript:`).
_WEB_ADDRESS = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f]+", re.IGNORECASE)


@cache
def templates() -> Environment:
    return Environment(
        loader=PackageLoader("spo.cli.web", "templates"),
        autoescape=True,  # every template, whatever its name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def pages_digest() -> str:
    """A name for this exact set of templates and stylesheet: kept page parts are keyed by it
    (spo's own code digest covers Python and the catalogue, not these)."""
    digest = hashlib.sha256()
    folder = files("spo.cli.web")
    for sub in ("templates", "static"):
        for item in sorted(folder.joinpath(sub).iterdir(), key=lambda i: i.name):
            if item.is_file():
                digest.update(f"{sub}/{item.name}\0".encode())
                digest.update(item.read_bytes())
    return digest.hexdigest()[:32]


def chosen_lang(asked: str | None, kept: str | None) -> Lang:
    for value in (asked, kept):
        if value in LANGS:
            return "tr" if value == "tr" else "en"
    return DEFAULT_LANG


def signed(site: Site, purpose: str, value: str) -> str:
    """`value` signed with the process's secret for one purpose ("csrf", "access")."""
    message = f"{purpose}\0{value}".encode()
    return hmac.new(site.secret, message, hashlib.sha256).hexdigest()


def csrf_token(site: Site, session: str) -> str:
    """The token every form of this session carries; a post without it is refused."""
    return signed(site, "csrf", session)


def saved_mark(site: Site, path: str) -> str:
    """The saved notice's cookie for the record page at `path` (`SAVED_COOKIE`)."""
    return signed(site, "saved", path)


def web_words(lang: Lang, key: str, /, **fields: Any) -> str:
    """A word of the web pages (`web.<key>` in the catalogue)."""
    return say(f"web.{key}", lang, **fields)


def web_address(url: str | None) -> bool:
    """Whether a link may point at `url`."""
    return url is not None and _WEB_ADDRESS.fullmatch(url) is not None


def cite(source: Source) -> str:
    """A source as a page names it: publisher, title and date, else its address."""
    return citation(source) or source.url or source.archived or ""


def _date(value: FuzzyDate | None, lang: Lang) -> str:
    return "" if value is None else date_label(value, lang)


def with_query(path: str, query: Mapping[str, str], **changed: str) -> str:
    """`path` with its query, some parameters changed (the language switch keeps the rest).
    A path asked for as `//elsewhere.example/x` stays on this site (`/elsewhere.example/x`):
    a browser reads `//host` in a link or a redirect as another site."""
    path = "/" + path.lstrip("/\\")
    params = {k: v for k, v in query.items() if k not in changed and k != "token"}
    params.update(changed)
    return f"{path}?{urlencode(params)}" if params else path


def part_context(lang: Lang) -> dict[str, Any]:
    """What every template may use: the language, its words, labels and dates."""
    return {
        "lang": lang,
        "t": lambda key, **fields: web_words(lang, key, **fields),
        "term": lambda key: term(key, lang),
        "label": lambda vocabulary, value: label(vocabulary, value, lang),
        "date": lambda value: _date(value, lang),
        "web_address": web_address,
        "cite": cite,
    }


def page_html(
    site: Site, lang: Lang, session: str, request_path: str, template: str, **context: Any
) -> str:
    """A page in `lang`: `template` with the words, labels and the form token."""
    query: Mapping[str, str] = context.pop("query", {})
    notice: str = context.pop("notice", "")
    other: Lang = "en" if lang == "tr" else "tr"
    return (
        templates()
        .get_template(template)
        .render(
            **part_context(lang),
            other_lang=other,
            switch_url=with_query(request_path, query, lang=other),
            path=request_path,
            csrf=csrf_token(site, session),
            notice=notice,
            **context,
        )
    )


def lang_of(request: Request) -> Lang:
    found = getattr(request.state, "lang", DEFAULT_LANG)
    return "en" if found == "en" else "tr"


def site_of(request: Request) -> Site:
    site = request.app.state.site
    assert isinstance(site, Site)
    return site


def banner_of(request: Request) -> Markup:
    """The banner the application gives every page (`state.banner`: the pending change and
    the changes sent, `spo.cli.web.change_view`); none where it gives none."""
    make = getattr(request.app.state, "banner", None)
    return Markup("") if make is None else Markup(make(request))


def request_html(request: Request, template: str, **context: Any) -> str:
    """`page_html` for this request: its language, session, path and query."""
    session = str(getattr(request.state, "session", ""))
    query = dict(request.query_params)
    path = request.url.path
    return page_html(
        site_of(request), lang_of(request), session, path, template, query=query, **context
    )


def page(request: Request, template: str, *, status: int = 200, **context: Any) -> HTMLResponse:
    """The response of a page made from `template` for this request; the page a write sent the
    browser to says, this once, that it was saved (`SAVED_COOKIE`)."""
    lang = lang_of(request)
    if "banner" not in context:  # a page that read the pending change gives its own
        context["banner"] = banner_of(request)
    mark = request.cookies.get(SAVED_COOKIE, "")
    just_saved = (  # a HEAD (a link checker, a preview) leaves it for the page itself
        status == 200
        and request.method == "GET"
        and hmac.compare_digest(
            mark.encode(), saved_mark(site_of(request), request.url.path).encode()
        )
    )
    if just_saved:
        context["notice"] = web_words(lang, "form.saved")
    response = HTMLResponse(request_html(request, template, **context), status_code=status)
    if just_saved:  # said: never again, not even from the browser's cache
        response.delete_cookie(SAVED_COOKIE, path="/", httponly=True, samesite="strict")
        response.headers["cache-control"] = "no-store"
    return response
