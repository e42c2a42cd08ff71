"""`spo serve` on the national registry (issue 26): the server's CPU for one warm page, held
against the libyaml C parse of the registry (target ≤ 0.1).

The server runs as users start it (`spo serve PATH --port N`, the console script), on a free
port of 127.0.0.1. Each page is asked for twice first (the index, and the page kept in it, are
then warm), then `REQUESTS` times; the row's CPU is the server process's user + system time over
those requests (from `/proc/<pid>/stat`, Linux), divided by their number, and its wall the
clock's time per request as the client saw it. Without the `web` extra, or off Linux, the rows
say why they have no figure.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from benchmarks.bench import Bench, Row
from benchmarks.measure import Figure, spo_command
from spo.cli.serve_cmd import missing_web_packages  # what `spo serve` itself asks for

PAGES = ("/municipalities", "/report")
REQUESTS = 20
START_TIMEOUT = 120.0  # seconds: a cold start indexes the whole registry first


def rows(bench: Bench, parse: Figure) -> Iterator[Row]:
    figures = pages(bench)
    for page in PAGES:
        yield Row(
            f"spo serve, warm page {page} (server CPU per request)", figures[page],
            "libyaml C parse", parse, "≤ 0.1", 0.1,
        )  # fmt: skip


def pages(bench: Bench) -> dict[str, Figure]:
    why = _cannot()
    if why:
        return dict.fromkeys(PAGES, Figure(failed=why))
    port = _free_port()
    server = subprocess.Popen(
        [*spo_command(), "serve", str(bench.national), "--port", str(port)],
        cwd=bench.national, env=bench.env(bench.work / "serve"),
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        if not _started(server, base):
            error = server.stderr.read().decode("utf-8", "replace") if server.stderr else ""
            failed = Figure(failed=f"spo serve did not start: {error.strip()[-100:]}")
            return dict.fromkeys(PAGES, failed)
        return {page: _page(server.pid, base + page) for page in PAGES}
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _cannot() -> str | None:
    if not Path("/proc/self/stat").exists():
        return "the server's CPU is read from /proc (Linux)"
    missing = missing_web_packages()
    return f"the web extra is not installed ({', '.join(missing)})" if missing else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _started(server: subprocess.Popen[bytes], base: str) -> bool:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            _get(base + "/")
            return True
        except OSError:
            time.sleep(0.2)
    return False


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as answer:  # noqa: S310 - our own 127.0.0.1
        return bytes(answer.read())


def _cpu(pid: int) -> float:
    """User + system seconds of the process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    ticks = int(fields[11]) + int(fields[12])  # utime, stime: the 14th and 15th of the line
    return ticks / os.sysconf("SC_CLK_TCK")


def _page(pid: int, url: str) -> Figure:
    try:
        for _ in range(2):
            _get(url)
        cpu, start = _cpu(pid), time.perf_counter()
        for _ in range(REQUESTS):
            _get(url)
        wall = time.perf_counter() - start
        return Figure(cpu=(_cpu(pid) - cpu) / REQUESTS, wall=wall / REQUESTS)
    except OSError as error:
        return Figure(failed=f"{url}: {error}")
