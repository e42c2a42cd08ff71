"""The pages of the forms that record (`/record/<form>`, the forms of `spo.cli.web.record_forms`):
GET shows a form (its fields filled from the address: `?visitor=artvin` from a municipality's
page), POST checks it and writes.

A refused field shows the form again (200) with everything typed, what to fix next to each field
and a summary at the top linking to them. A refused write (the record is there already, an editor
changed the file, a stage out of the history's order) is said at the top, the form kept. A write
is the command line's own, recorded in the one pending change (`Registry.recording`); then the
browser is sent (303) to the record's page, which says it was saved (POST/redirect/GET), once:
the redirect carries a short-lived cookie naming that page, which the page clears as it says so
(`look.SAVED_COOKIE`), so a reload or a shared link does not say it again.
"Preview" writes nothing: it shows the numbered lines the write would add. Nor does the form's
language button (the header's link, a GET, would drop what is typed): it posts the form to its
own address with `?lang=` and `relang`, and the form comes back in that language as it was.

A field is checked as soon as it is left, where the browser runs the forms' script
(`static/spo.js`): it posts the whole form with the header `X-Spo-Check: 1`, and the answer is
each field's message, or null, as JSON, from the very checks a submit runs (`checked`); the
plan they make is never written; with each field's line for the summary at the top and for a
screen reader's announcement. Without the script, the submit says the same.

The form is read on the server's loop; checking and writing read the registry, so they run on the
reader's thread (`spo.cli.web.reader`), as every page that reads does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from spo.api import Refusal, Registry, SpoError, WriteResult
from spo.cli import words
from spo.cli.language import Lang
from spo.cli.render.problems import one_line_values
from spo.cli.web.forms import Checker, Field, Typed, chosen, labels, options
from spo.cli.web.guard import cookie
from spo.cli.web.look import SAVED_COOKIE, lang_of, page, saved_mark, site_of
from spo.cli.web.reader import on_reader
from spo.cli.web.record_forms import FORMS, Plan, RecordForm, office_of
from spo.cli.web.suggestions import datalists, list_id, offered

SAVED_SECONDS = 60  # the saved notice's cookie outlives the redirect it rides with, no more
CHECK = "x-spo-check"  # the header of a check: the fields' messages, nothing written
# The field of the form's language button: the form again in the other language (`?lang=`),
# with what is typed, and its messages when it was shown with them ("fix"); nothing written.
RELANG = "relang"


async def record(request: Request) -> Response:
    form = FORMS.get(request.path_params["form"])
    if form is None:
        raise HTTPException(404)
    if request.method == "POST":
        typed = await _typed(request)
        if RELANG in typed:
            answer = relanged
        else:
            answer = checked if request.headers.get(CHECK) == "1" else posted
        return await on_reader(lambda r: answer(r, form, typed))(request)
    return await on_reader(lambda r: blank(r, form))(request)


ROUTES = [Route("/record/{form}", record, methods=["GET", "POST"])]


async def _typed(request: Request) -> dict[str, list[str]]:
    """The fields posted, each with its values (the guard has checked the token and the size)."""
    posted = await request.form()
    try:
        return {
            name: [v for v in posted.getlist(name) if isinstance(v, str)]
            for name in posted
            if name != "csrf"
        }
    finally:
        await posted.close()


def blank(request: Request, form: RecordForm) -> Response:
    """A form to fill: today in the dates the questions offer it for, the office as a figure's
    publisher, and any field the address gives."""
    typed: dict[str, list[str]] = {name: [date.today().isoformat()] for name in form.today_in}
    if form.name == "figure":
        typed["publisher"] = [office_of(site_of(request).root)]
    fields = {f.name: f for f in form.fields}
    for name, value in request.query_params.multi_items():
        if name in fields:
            typed[name] = [*typed.get(name, ()), value] if fields[name].many else [value]
    return _page(request, form, typed)


def _check(request: Request, form: RecordForm, typed: Typed) -> tuple[Checker, Plan | None]:
    """The posted fields checked one by one, and the plan they make when none is refused."""
    lang = lang_of(request)
    needed = frozenset(f.name for f in form.fields if f.required)
    root, label = site_of(request).root, labels(form.fields, lang)
    checker = Checker(root, lang, typed, date.today(), label, needed)
    return checker, form.plan(checker)


def checked(request: Request, form: RecordForm, typed: Typed) -> Response:
    """Each field's message (null when it passes): the checks of a submit, stopped before the
    write, as the refused form would show them. With each field's line, as the summary at the
    top shows a refused field and as a screen reader is told of a field that now passes."""
    checker, _ = _check(request, form, typed)
    lang, label = checker.lang, checker.labels
    messages = {f.name: checker.errors.get(f.name) for f in form.fields}
    lines = {
        name: _summary_line(label[name], error)
        if error
        else words.say("web.form.fixed", lang, field=label[name])
        for name, error in messages.items()
    }
    return JSONResponse(
        {"messages": messages, "lines": lines}, headers={"cache-control": "no-store"}
    )


def relanged(request: Request, form: RecordForm, typed: Typed) -> Response:
    """The form in the language the button asked for, as it was: what is typed, and the fields'
    messages when the form showed them (a form half filled is not told what it lacks). A write
    refused or a preview is not said again: that would take a write, and a language switch
    never writes; Save or Preview says it again."""
    errors = _check(request, form, typed)[0].errors if typed[RELANG] == ["fix"] else {}
    return _page(request, form, typed, errors, switched=True)


def posted(request: Request, form: RecordForm, typed: Typed) -> Response:
    checker, plan = _check(request, form, typed)
    if plan is None:
        return _page(request, form, typed, checker.errors)
    registry, lang = Registry(site_of(request).root), lang_of(request)
    try:
        if "preview" in typed:
            return _page(request, form, typed, preview=plan.write(registry, True))
        with registry.recording() as recording:
            result = plan.write(registry, False)
            recording.wrote(result)
    except (SpoError, Refusal) as exc:
        refused = words.render(one_line_values(exc.message), lang)
        return _page(request, form, typed, refused=refused)
    where = plan.page(result)
    response = RedirectResponse(where, status_code=303)
    mark = saved_mark(site_of(request), where)
    response.headers.append("set-cookie", cookie(SAVED_COOKIE, mark, SAVED_SECONDS))
    return response


def _page(
    request: Request,
    form: RecordForm,
    typed: Typed,
    errors: Mapping[str, str] | None = None,
    *,
    refused: str | None = None,
    preview: WriteResult | None = None,
    switched: bool = False,
) -> Response:
    """The form, as typed; `switched`: the answer to its language button, which keeps the
    keyboard's place (the button again, as autofocus says), not the top of the page."""
    lang = lang_of(request)
    errors = errors or {}
    label = labels(form.fields, lang)
    shown = [
        _shown(f, label[f.name], typed.get(f.name, ()), errors.get(f.name), lang)
        for f in form.fields
    ]
    kinds = sorted({f.names for f in form.fields if f.names})
    lists = datalists(site_of(request), kinds, lang)
    for f in shown:
        f["list"] = list_id(f["names"]) if f["names"] and offered(lists, f["names"]) else ""
    return page(
        request,
        "record_form.html",
        datalists=lists,
        form=form.name,
        fields=shown,
        errors=[(f["name"], _summary_line(f["label"], f["error"])) for f in shown if f["error"]],
        refused=refused,
        preview=_lines(preview) if preview is not None else None,
        preview_path=preview.shown_path if preview is not None else "",
        relang=RELANG,
        switched=switched,
    )


def _shown(
    field: Field, label: str, values: Sequence[str], error: str | None, lang: Lang
) -> dict[str, Any]:
    """What the template needs of a field: its words, what was typed, its choices."""
    value = values[0] if values else ""
    shown: dict[str, Any] = {
        "name": field.name,
        "label": label,
        "widget": field.widget,
        "required": field.required,
        "hint": words.say(field.hint, lang) if field.hint else "",
        "error": error or "",
        "value": value,
        "options": options(field.vocab, lang) if field.vocab else [],
        "names": field.names or "",
    }
    if field.vocab is not None:
        picked = [chosen(field.vocab, v) for v in values if v.strip()]
        shown["picked"] = picked
        known = {v for v, _ in shown["options"]}
        # a typed value the vocabulary does not know stays, chosen, so nothing typed is lost
        shown["options"] += [(v, v) for v in picked if v not in known]
    return shown


def _summary_line(label: str, error: str) -> str:
    """A line of the summary at the top: the field's label, then what to fix (a message that
    names the field already, as a number's does, is not named twice)."""
    return error if error.startswith(f"{label}:") else f"{label}: {error}"


def _lines(result: WriteResult) -> list[tuple[int, str]]:
    """The numbered lines a write adds (a new file's every line)."""
    if result.created:
        return list(enumerate(result.new_text.splitlines(), start=1))
    return list(result.added_lines)
