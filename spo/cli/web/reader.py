"""Every page that reads the registry runs on one thread of its own, which lives as long as the
process: pages are made one at a time, off the server's event loop.

Not Starlette's pool of threads, whose idle threads end and are replaced: yaml-rs (the fast
path's parser, in Rust) crashed the whole process (a segmentation fault) when a registry file
was read on such a new thread after another had read and ended (seen with yaml-rs 0.1.6 under
Starlette's TestClient). The core now lets only the first thread that reads call yaml-rs
(`spo.files.fast_path`), so no thread can crash it; this one long-lived thread is that thread
when the server reads first, so pages keep the fast path, and the index is written by one
thread at a time.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial, wraps
from typing import Any, TypeVar

from starlette.requests import Request
from starlette.responses import Response

_NAME = "spo-serve-reader"
_READER = ThreadPoolExecutor(max_workers=1, thread_name_prefix=_NAME)

Page = Callable[[Request], Response]
T = TypeVar("T")


def on_reader(make: Page) -> Callable[[Request], Awaitable[Response]]:
    """The page `make` makes, made on the reader's thread."""

    @wraps(make)
    async def made(request: Request) -> Response:
        return await asyncio.get_running_loop().run_in_executor(_READER, make, request)

    return made


async def run(work: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """`work(*args, **kwargs)`, run on the reader's thread (a posted form's page, its fields
    read first on the event loop; an error page)."""
    return await asyncio.get_running_loop().run_in_executor(_READER, partial(work, *args, **kwargs))


def on_reader_thread() -> bool:
    """Whether this code runs on the reader's thread (where a page may read the registry)."""
    return threading.current_thread().name.startswith(_NAME)
