"""`spo serve [PATH] [--port N] [--host ADDRESS] [--token]`: the registry in a browser
(`spo.cli.web`); `--token` asks for the access token on this computer too, for a computer that
several accounts share (`spo.cli.web.settings`).

The web packages (Starlette, Jinja2, uvicorn, python-multipart) are the `web` extra: without
them the command says, in the user's language, what to install, and exits 2.

Imports inside the functions: this module is imported whenever any command runs (see
`spo.cli.lazy`), so the web application, its packages and the server are imported by
`spo serve` alone (`spo --version` must not pay for a web server).
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path
from typing import Annotated

import typer

from spo import DISTRIBUTION, __version__
from spo.api import Registry, UsageError
from spo.cli.app import app, settings
from spo.cli.render.console import tell
from spo.cli.words import say

LOCAL = "127.0.0.1"
# The module each package of the `web` extra installs, and the package's name on PyPI.
WEB_PACKAGES = (
    ("starlette", "starlette"),
    ("jinja2", "jinja2"),
    ("uvicorn", "uvicorn"),
    ("python_multipart", "python-multipart"),
)


def missing_web_packages() -> list[str]:
    """The packages of the `web` extra that are not installed, by their names on PyPI."""
    return [name for module, name in WEB_PACKAGES if find_spec(module) is None]


@app.command("serve")
def serve(
    ctx: typer.Context,
    path: Annotated[Path | None, typer.Argument()] = None,
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    host: Annotated[str, typer.Option("--host")] = LOCAL,
    token: Annotated[bool, typer.Option("--token")] = False,
) -> None:
    """Open the registry in a browser."""
    opts = settings(ctx)
    missing = missing_web_packages()
    if missing:
        command = f'pip install "{DISTRIBUTION}[web]=={__version__}"'  # this release's extra
        raise UsageError.of("usage.web-missing", missing=", ".join(missing), command=command)
    registry = Registry.at(path if path is not None else opts.root)
    from spo.cli.web.app import make_app
    from spo.cli.web.settings import Site, is_local

    site = Site.made(registry.root, host=host, port=port, token=token)
    with registry.index():  # brought up to date before the first page is asked for
        pass
    tell(say("web.serve.started", opts.lang, folder=str(registry.root), url=site.address()))
    if site.token is not None:
        beyond = not is_local(host)  # reachable from other computers: its own warning
        tell(say("web.serve.token" if beyond else "web.serve.token-asked", opts.lang))
    tell(say("web.serve.stop", opts.lang))
    import uvicorn

    uvicorn.run(make_app(site), host=host, port=port, log_level="warning", server_header=False)
