"""What every request passes before a page is made, and what every response carries.

In order: the Host header must name this server (else 400: a DNS rebinding attack sends its own
domain name); a page asked for by another site (or another port of this computer) must be a
person going there, not something embedded (else 403: `_embedded`); beyond this computer, the
access token (`?token=` once, then an HttpOnly, SameSite=Lax cookie, so that the link opened
from a mail lets one in; else 403); a request that sends a body (any method but GET and HEAD)
may send at most `BODY_LIMIT` bytes (else 413, refused from its Content-Length, or as soon as
more has arrived, never read whole), must not come from another origin by its browser's word
(`Origin`, `Sec-Fetch-Site`), and must carry this session's CSRF token as the form field `csrf`
(else 403). Every response then gets the security headers: a Content-Security-Policy whose only
script is this server's own file (`/static/spo.js`, never inline; a page that needs another
policy sets its own), nosniff, same-origin referrers, no framing, no use by another origin's
page (Cross-Origin-Resource-Policy). An error in a page is one line on the server's stderr and
an error page, never a traceback.

A refusal before the request is trusted (a foreign Host, a page embedded by another site, no
access token, a post another site's page sends) shows nothing of the registry, and costs it
nothing. The others (a form's token stale, a form too large, an error in a page)
are asked by someone the server serves: their page has the banner of the pending change, made
on the reader's thread as every page's is (`spo.cli.web.reader`).
"""

from __future__ import annotations

import hmac
import re
import secrets
import sys
from urllib.parse import urlsplit

from markupsafe import Markup
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from spo.cli.language import LANGS, Lang
from spo.cli.web.look import (
    ACCESS_COOKIE,
    LANG_COOKIE,
    SESSION_COOKIE,
    banner_of,
    chosen_lang,
    csrf_token,
    page_html,
    signed,
    web_words,
    with_query,
)
from spo.cli.web.reader import run
from spo.cli.web.settings import Site

MAX_FIELDS = 1000  # fields of one form: Starlette's own limit, for every kind of body

BODY_LIMIT = 64 * 1024  # a form of the registry's fields, with room; no file is uploaded
READS = frozenset({"GET", "HEAD"})
CSP = (
    "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
# What a browser says it fetches when a person goes to a page (a link, the address bar), not a
# page's part: an image, a script, a fetch(), a frame (which frame-ancestors blanks anyway).
_GOING_THERE = ("navigate", "document")
_SESSION = re.compile(r"[A-Za-z0-9_-]{32,64}")
YEAR = 365 * 24 * 3600


def cookie(name: str, value: str, max_age: int | None = None, *, same_site: str = "Strict") -> str:
    """A Set-Cookie value: never readable by a script, never sent by another site (`Lax`: sent
    when a person follows another site's link to a page, never with its forms or its images)."""
    age = "" if max_age is None else f"; Max-Age={max_age}"
    return f"{name}={value}; Path=/; HttpOnly; SameSite={same_site}{age}"


class Guard:
    """ASGI middleware around the whole application (`spo.cli.web.app.make_app`)."""

    def __init__(self, app: ASGIApp, site: Site) -> None:
        self.app = app
        self.site = site

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # the server's lifespan messages
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        asked = request.query_params.get("lang")
        lang = chosen_lang(asked, request.cookies.get(LANG_COOKIE))
        session = request.cookies.get(SESSION_COOKIE, "")
        set_cookies = []
        if not _SESSION.fullmatch(session):
            session = secrets.token_urlsafe(32)
            # Lax, as the access cookie: a person who follows another site's link keeps their
            # session (and the forms open in other tabs stay good); another site's post still
            # comes without it, and without the form's token.
            set_cookies.append(cookie(SESSION_COOKIE, session, same_site="Lax"))
        if asked in LANGS and asked != request.cookies.get(LANG_COOKIE):
            set_cookies.append(cookie(LANG_COOKIE, lang, YEAR))
        state = scope.setdefault("state", {})
        state["lang"], state["session"] = lang, session
        send = _with_headers(send, set_cookies)
        refused = await self._refused(request, lang, session, receive)
        if isinstance(refused, Response):
            await refused(scope, receive, send)
            return
        await self._run(scope, refused or receive, send, lang, session)

    async def _refused(
        self, request: Request, lang: Lang, session: str, receive: Receive
    ) -> Response | Receive | None:
        """A response that refuses the request; else what the application receives (the body
        already read, when there was one to check)."""
        site = self.site
        if not site.allows_host(request.headers.get("host", "")):
            return self._error(request, lang, session, 400, "bad-host")
        if _embedded(request):
            return self._error(request, lang, session, 403, "cross-site")
        if site.token is not None:
            given = request.query_params.get("token")
            if given is not None and hmac.compare_digest(given.encode(), site.token.encode()):
                query = dict(request.query_params)
                response = RedirectResponse(with_query(_path(request), query), 303)
                # Lax: the token link is opened from a mail or a chat (another site), and a
                # Strict cookie set by this redirect would not come with the page it leads to.
                # It only lets a person in: writes need the form's token, and what another
                # site embeds is refused before the access is asked (`_embedded`).
                access = cookie(ACCESS_COOKIE, _access(site), same_site="Lax")
                response.headers.append("set-cookie", access)
                return response
            held = request.cookies.get(ACCESS_COOKIE, "")
            if not hmac.compare_digest(held.encode(), _access(site).encode()):
                return self._error(request, lang, session, 403, "token-needed")
        if request.method in READS:
            return None
        if _from_elsewhere(request):  # another site's post: refused before trust, no banner
            return self._error(request, lang, session, 403, "csrf")
        body = await _body(request, receive)
        if body is None:
            return await self._served_error(request, lang, session, 413, "too-large")
        try:
            form = await Request(request.scope, _replay(body, receive)).form()
        except (HTTPException, MultiPartException):  # over a thousand fields, a broken body
            return await self._served_error(request, lang, session, 400, "bad-form")
        if len(form.multi_items()) > MAX_FIELDS:  # (older Starlettes count no urlencoded fields)
            await form.close()
            return await self._served_error(request, lang, session, 400, "bad-form")
        try:
            sent = form.get("csrf")
        finally:
            await form.close()
        expected = csrf_token(site, session)
        if not isinstance(sent, str) or not hmac.compare_digest(sent, expected):
            return await self._served_error(request, lang, session, 403, "csrf")
        return _replay(body, receive)

    async def _run(
        self, scope: Scope, receive: Receive, send: Send, lang: Lang, session: str
    ) -> None:
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as error:  # a bug in a page: one line for the server, a page for the user
            where = f"{scope.get('method', '')} {scope.get('path', '')}"
            print(f"spo serve: internal error on {where} ({type(error).__name__}: {error})",
                  file=sys.stderr)  # fmt: skip
            if not started:
                refused = await self._served_error(Request(scope), lang, session, 500, "internal")
                await refused(scope, receive, send)

    async def _served_error(
        self, request: Request, lang: Lang, session: str, status: int, why: str
    ) -> Response:
        """The error page of a request the server serves: with the banner of the pending
        change, made on the reader's thread; without it when making it fails (it may be what
        failed), said in one line on stderr as any error of a page."""
        try:
            banner = await run(banner_of, request)
        except Exception as error:
            print(f"spo serve: internal error in the banner ({type(error).__name__}: {error})",
                  file=sys.stderr)  # fmt: skip
            banner = Markup("")
        return self._error(request, lang, session, status, why, banner)

    def _error(
        self,
        request: Request,
        lang: Lang,
        session: str,
        status: int,
        why: str,
        banner: Markup | None = None,
    ) -> Response:
        """An error page; `banner` only for a request the server serves (`_served_error`)."""
        html = page_html(
            self.site,
            lang,
            session,
            _path(request),
            "error.html",
            query=dict(request.query_params),
            title=web_words(lang, f"error.{why}.title"),
            message=web_words(lang, f"error.{why}.text"),
            banner=banner or Markup(""),
        )
        return HTMLResponse(html, status_code=status)


def _path(request: Request) -> str:
    """The path asked for, from the request itself: `request.url` is built with the Host header,
    which a refused request may have made no URL at all (older Starlettes raise on `[::1`)."""
    return str(request.scope.get("path", "/"))


def _from_elsewhere(request: Request) -> bool:
    """Whether the browser says the request comes from another site or origin (another port of
    this computer is the same site, not the same origin). Old browsers say neither: the CSRF
    token still decides."""
    if request.headers.get("sec-fetch-site") == "cross-site":
        return True
    origin = request.headers.get("origin")
    if origin is None:
        return False
    return urlsplit(origin).netloc.lower() != request.headers.get("host", "").lower()


def _embedded(request: Request) -> bool:
    """Whether another site (or another port of this computer: `same-site`) asks for a page
    as a part of its own (`<img>`, `<script>`, `fetch()`, a frame): what the browser would
    show is not the page, and the request carries whatever the browser holds for this server.
    A person following a link from elsewhere navigates to a document, and arrives. Browsers
    without Sec-Fetch headers say nothing: the same-origin policy and CORP still hold."""
    where = request.headers.get("sec-fetch-site")
    if where not in ("cross-site", "same-site"):
        return False
    mode = request.headers.get("sec-fetch-mode")
    dest = request.headers.get("sec-fetch-dest", "document")
    return (mode, dest) != _GOING_THERE


def _access(site: Site) -> str:
    """The access cookie's value: the token signed, so the cookie is not the token itself."""
    return signed(site, "access", site.token or "")


def _with_headers(send: Send, set_cookies: list[str]) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            if "content-security-policy" not in headers:
                headers["content-security-policy"] = CSP
            for name, value in HEADERS.items():
                headers[name] = value
            for value in set_cookies:
                headers.append("set-cookie", value)
        await send(message)

    return sending


async def _body(request: Request, receive: Receive) -> bytes | None:
    """The request's body, or None when it is larger than BODY_LIMIT: a Content-Length above it
    is refused before anything is read, and a body sent in chunks as soon as it passes it."""
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > BODY_LIMIT):
        return None
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > BODY_LIMIT:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that gives the body already read, then whatever the client sends next."""
    given = False

    async def replaying() -> Message:
        nonlocal given
        if not given:
            given = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replaying
