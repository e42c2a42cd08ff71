"""The pending change as pages: what it does (as `spo diff` says it), sending it for review, and
discarding it. Every registry call runs on the reader's thread (`spo.cli.web.reader`); a posted
form is read on the event loop first (the guard has checked its token and size).

    GET  /change               the pending change: records, figures, files, the other edits
    POST /change/send          commit it on a new branch (message, force=1), push, pull request
    POST /change/push-again    push a sent branch again (branch), after a failure
    GET  /change/discard       what discarding puts back, and the button
    POST /change/discard       put every file back exactly (force=1: edited files too)

A refusal of the core (a file edited since its last save here, no git identity, nothing
pending...) is a page in the reader's words, with the choice to go on anyway where the core
allows forcing it.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from spo.api import Pending, Registry, Sent, SpoError
from spo.cli.web.change_view import (
    banner_of_pending,
    commit_message,
    diff_context,
    file_list,
    forget_sent,
    helpers,
    pending_or_none,
    sent_changes,
)
from spo.cli.web.look import lang_of, page, site_of, web_words
from spo.cli.web.reader import run
from spo.cli.words import render

# The refusals that forcing overrides (a file changed since it was saved here; edits of its own
# before the first save here): the page offers "go on anyway".
FORCEABLE = frozenset({"review.edited-since", "review.not-from-head"})
BRANCH_LIMIT = 250  # a branch name given back by the retry button, at most


def change(request: Request) -> Response:
    site, lang = site_of(request), lang_of(request)
    registry = Registry(site.root)
    context: dict[str, Any] = {"problem": None, "others": (), "message": "", "files": []}
    pending = None
    try:
        pending = registry.pending()
        context["others"] = pending.others
        context.update(file_list(pending, lang))
        if not pending.empty:
            diff = registry.pending_diff(pending=pending)
            context.update(diff_context(diff, site.root, lang))
            context["message"] = commit_message(diff, registry.pending_records(diff))
    except SpoError as error:  # not a git repository, git failing, a damaged journal
        context["problem"] = render(error.message, lang)
    return _read_page(
        request,
        pending,
        "change.html",
        pending=pending,
        sent=sent_changes(site) if pending is not None else (),
        **helpers(lang),
        **context,
    )


async def send(request: Request) -> Response:
    fields = await _fields(request)
    return await run(_send, request, fields)


def _send(request: Request, fields: dict[str, str]) -> Response:
    site = site_of(request)
    message = fields.get("message", "").replace("\r\n", "\n")
    force = fields.get("force") == "1"
    try:
        sent = Registry(site.root).send_for_review(message, force=force)
    except SpoError as error:
        return _refused(request, error, "/change/send", {"message": message})
    finally:
        forget_sent(site)
    return _sent_page(request, sent)


async def push_again(request: Request) -> Response:
    fields = await _fields(request)
    return await run(_push_again, request, fields)


def _push_again(request: Request, fields: dict[str, str]) -> Response:
    site = site_of(request)
    branch = fields.get("branch", "")[:BRANCH_LIMIT]
    try:
        sent = Registry(site.root).push_again(branch)
    except SpoError as error:
        return _refused(request, error, None, {})
    finally:
        forget_sent(site)
    return _sent_page(request, sent)


def _sent_page(request: Request, sent: Sent) -> Response:
    """What became of a change sent: its branch, its pull request or why there is none, what
    failed (with the button to try again)."""
    lang = lang_of(request)
    failure = render(sent.failure, lang) if sent.failure is not None else ""
    return page(request, "change_sent.html", sent=sent, failure=failure, **helpers(lang))


def discard_page(request: Request) -> Response:
    site, lang = site_of(request), lang_of(request)
    pending = pending_or_none(site)
    return _read_page(request, pending, "change_discard.html", **file_list(pending, lang))


def _read_page(
    request: Request, read: Pending | None, template: str, /, **context: Any
) -> Response:
    """A page that has just read the pending change: its banner says what was read, without the
    journal's second read (and its git process) that every other page's banner makes. Where it
    could not be read, the banner asks, as every page's does."""
    if read is not None:
        context["banner"] = banner_of_pending(request, not read.empty)
    return page(request, template, **context)


async def discard(request: Request) -> Response:
    fields = await _fields(request)
    return await run(_discard, request, fields)


def _discard(request: Request, fields: dict[str, str]) -> Response:
    site = site_of(request)
    try:
        restored = Registry(site.root).discard(force=fields.get("force") == "1")
    except SpoError as error:
        return _refused(request, error, "/change/discard", {})
    finally:
        forget_sent(site)
    return page(request, "change_discarded.html", restored=restored)


def _refused(
    request: Request, error: SpoError, again: str | None, keep: dict[str, str]
) -> Response:
    """The core's refusal in the reader's words; where forcing overrides it, a button that
    posts the same form again with force=1 (`keep`: the fields it posts back)."""
    lang = lang_of(request)
    forceable = again is not None and error.message.key in FORCEABLE
    verb = "send" if again == "/change/send" else "discard"
    return page(
        request,
        "change_refused.html",
        status=409,
        problem=render(error.message, lang),
        again=again if forceable else None,
        keep=keep,
        action=web_words(lang, f"change.refused.force-{verb}"),
    )


async def _fields(request: Request) -> dict[str, str]:
    """A posted form's text fields (the guard has bounded its size and checked its token)."""
    form = await request.form()
    try:
        return {key: value for key, value in form.items() if isinstance(value, str)}
    finally:
        await form.close()
