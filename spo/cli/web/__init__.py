"""`spo serve`: the registry in a browser, for staff who never open a terminal.

A Starlette application, made by `spo.cli.web.app.make_app(site)` from a `Site`
(`spo.cli.web.settings`: the registry's folder, where it listens, the access token and the
process's secret). Its parts, each a module:

- `guard`: what every request passes before any page is made: its Host header (DNS rebinding),
  the access token when listening beyond this computer, the size of its body, the CSRF token of
  every form; and the security headers of every response (CSP without inline script).
- `look`: how a page is made: the Jinja2 templates (autoescaped), the language (`?lang=`, then a
  cookie, else Turkish) and its words from the catalogue (`web.*` in `spo/cli/text/web.toml`).
- `browse`: the pages of the records (home, lists, one record, search), all through `spo.api`.
- `report_page`: the HTML report of `spo report --format html`, with its map, as a page.
- `change`, `change_view`: the pending change (`spo.review`) as pages: what it does in
  `spo diff`'s lines, "Send for review", "Discard"; and the banner every page shows while a
  change is pending or sent and not merged.
- `reader`: the one thread every registry read and write runs on.
- `record`, `record_forms`, `forms`: the five forms that record (a visit, a transfer stage, a
  new municipality, project or published figure), each field checked by the questions' own
  checks, each write the command line's, recorded in the pending change.

Only `spo.cli.serve_cmd` imports this package, inside its function: the web packages are the
`web` extra, and `spo --version` must not load them.
"""
