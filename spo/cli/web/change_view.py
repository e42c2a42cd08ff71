"""How the pending change reads on a page: the diff of `spo diff` laid out as HTML lists (the
same lines, from `spo.cli.render.diff_views.sections`: no second wording of a figure's change),
each pending file's state in plain words, the Turkish commit message that names the records, and
the banner every page shows while something is pending or sent and not yet merged.

The changes sent are read with `Registry.sent()`, which may ask `gh` about each pull request
(up to 15 seconds each): its answer is kept for `SENT_SECONDS`, so a page does not wait on
GitHub more than once a minute; sending, pushing again or discarding forgets it at once. Every
call here runs on the reader's thread (`spo.cli.web.reader`), the only one that reads the
registry: the cache needs no lock.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from markupsafe import Markup
from starlette.requests import Request

from spo.api import Diff, Pending, PendingFile, PendingRecord, Registry, Sent, SpoError
from spo.cli.language import Lang
from spo.cli.render.diff_views import Line, problem_sections, sections
from spo.cli.render.diff_words import headline, title
from spo.cli.render.escape import terminal
from spo.cli.render.problems import format_text as problem_lines
from spo.cli.web.look import lang_of, part_context, site_of, templates, web_words
from spo.cli.web.reader import on_reader_thread
from spo.cli.web.settings import Site
from spo.cli.words import say

T = TypeVar("T")

SENT_SECONDS = 60.0  # how long the changes sent (and gh's answers about them) are kept
# A commit's first line names the records up to this many characters; past it, it counts them.
TITLE_WIDTH = 100
MESSAGE_LANG: Lang = "tr"  # the office's language: a reviewer reads Turkish whatever the page's

# A line of the diff as a page nests it: its text, whether it heads the lines below, those lines.
Node = tuple[str, bool, list[Any]]

_sent: dict[Path, tuple[float, tuple[Sent, ...]]] = {}


def sent_changes(site: Site) -> tuple[Sent, ...]:
    """The changes sent and not yet merged (a merged one shown once), kept for a minute."""
    now = time.monotonic()
    kept = _sent.get(site.root)
    if kept is not None and now - kept[0] < SENT_SECONDS:
        return kept[1]
    try:
        found = Registry(site.root).sent()
    except SpoError:  # not a git repository, a damaged record of what was sent: nothing shown
        found = ()
    _sent[site.root] = (now, found)
    return found


def forget_sent(site: Site) -> None:
    """Read the changes sent again on the next page (one was just sent, pushed or merged)."""
    _sent.pop(site.root, None)


def has_pending(site: Site) -> bool | None:
    """Whether a change is pending; None where there can be none (the registry is not in git).
    The journal alone: a banner on every page must not cost `pending()`'s git processes."""
    return _asked(site, Registry.has_pending)


def pending_or_none(site: Site) -> Pending | None:
    """The pending change; None where there can be none (the registry is not in git)."""
    return _asked(site, Registry.pending)


def _asked(site: Site, question: Callable[[Registry], T]) -> T | None:
    """The registry's answer; None outside git, or where git cannot answer."""
    if not _in_git(site.root):
        return None
    try:
        return question(Registry(site.root))
    except SpoError:
        return None


def _in_git(root: Path) -> bool:
    """Whether `root` may be in a git repository: a `.git` in it or above it (or git told
    where by GIT_DIR). Asked before every page's banner, so that a registry outside git costs
    no git process per page."""
    if os.environ.get("GIT_DIR"):
        return True
    return any((folder / ".git").exists() for folder in (root, *root.resolve().parents))


def banner(request: Request) -> Markup:
    """The banner of every page: the pending change, with a link to it, and each change sent
    and not merged, with its state and its pull request. Made only on the reader's thread (an
    error page the guard makes on the event loop goes without it)."""
    if not on_reader_thread():
        return Markup("")
    return banner_of_pending(request, has_pending(site_of(request)))


def banner_of_pending(request: Request, pending: bool | None) -> Markup:
    """The banner, for a page that has just read whether a change is pending (None: there can
    be none): the change's own pages, which need not ask the journal again."""
    site, lang = site_of(request), lang_of(request)
    shown = bool(pending)
    sent = sent_changes(site) if pending is not None else ()
    if not shown and not sent:
        return Markup("")
    html = (
        templates()
        .get_template("change_banner.html")
        .render(**part_context(lang), **helpers(lang), pending=shown, sent=sent)
    )
    return Markup(html)


def helpers(lang: Lang) -> dict[str, Any]:
    """What the change's templates use besides the words of every page."""
    return {
        "words": lambda key, **fields: say(key, lang, **fields),
        "state": lambda sent: say(f"review.state.{sent.state}", lang),
    }


def tree(lines: Iterable[Line]) -> list[Node]:
    """The diff's lines (each with its depth) as nested lists."""
    top: list[Node] = []
    path: list[list[Node]] = [top]
    for depth, text, strong in lines:
        del path[depth + 1 :]
        while len(path) <= depth:  # a line deeper than the one before: under the last
            last = path[-1][-1] if path[-1] else None
            path.append(last[2] if last is not None else path[-1])
        node: Node = (text, strong, [])
        path[depth].append(node)
        path.append(node[2])
    return top


def diff_context(diff: Diff, root: Path, lang: Lang) -> dict[str, Any]:
    """The diff as the change page shows it: its sides, headline, sections and problems."""
    problems = [
        (
            say("diff.count", lang, heading=say(f"diff.{key}", lang), count=len(found)),
            problem_lines(found, lang, base=root).splitlines(),
        )
        for key, found in problem_sections(diff)
    ]
    return {
        "diff_title": title(diff, lang),
        "headline": headline(diff, lang),
        "sections": [(heading, tree(lines)) for heading, lines in sections(diff, lang)],
        "problems": problems,
    }


def file_list(pending: Pending | None, lang: Lang) -> dict[str, Any]:
    """The pending files as the change's pages list them (`change_diff.html`'s `file_list`):
    each with its state in plain words, and those edited since their last save here."""
    if pending is None:
        return {"files": [], "edited": []}
    files = [(f.path, _file_words(f, lang)) for f in pending.files]
    return {"files": files, "edited": [f.path for f in pending.edited]}


def _file_words(file: PendingFile, lang: Lang) -> list[str]:
    """A pending file's state in plain words: new or changed, then what happened since."""
    out = [web_words(lang, f"change.file.{file.status}")]
    if file.state != "as-written":
        out.append(web_words(lang, f"change.file.{file.state}"))
    if file.outside:
        out.append(web_words(lang, "change.file.outside"))
    if not file.from_head:
        out.append(web_words(lang, "change.file.not-from-head"))
    return out


def commit_message(diff: Diff, records: tuple[PendingRecord, ...]) -> str:
    """The Turkish message of the commit `Send for review` makes: a first line naming the
    records (counting them when they do not fit), then the change as `spo diff` words it."""
    lang = MESSAGE_LANG
    named = [_one_line(_record_title(record)) for record in records]
    first = "; ".join(named)
    if not named:
        first = web_words(lang, "change.message.none")
    elif len(first) > TITLE_WIDTH:
        first = web_words(lang, "change.message.many", count=len(named), first=named[0])
    body: list[str] = []
    for heading, lines in sections(diff, lang):
        body += ["", _one_line(heading)]
        body += ["  " * depth + "- " + _one_line(line) for depth, line, _ in lines]
    body += ["", web_words(lang, "change.message.footer")]
    return "\n".join([first, *body]) + "\n"


def _record_title(record: PendingRecord) -> str:
    if record.status == "added":
        key = f"added-{record.kind}"
    else:
        key = record.status if record.status in ("removed", "renamed") else "changed"
    return web_words(MESSAGE_LANG, f"change.message.{key}", name=record.name or record.id,
                     id=record.id)  # fmt: skip


def _one_line(text: str) -> str:
    """Text as one line of a commit message: a name cannot start a line of its own."""
    return terminal(" ".join(text.split()))
