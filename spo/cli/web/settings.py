"""Where and how the web application listens (`Site`), and the secrets of this process.

On 127.0.0.1 (the default) only this computer reaches the pages, and no token is asked for. On
any other address (`--host`), a one-time access token is made and printed with the address, as
Jupyter does: a request without it (or its cookie) is refused. The process's secret signs the
CSRF tokens of forms and the access cookie; it lives as long as the process, so a restart makes
every form of an open page stale, never valid for another server.
"""

from __future__ import annotations

import contextlib
import ipaddress
import secrets
import socket
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

# The names this computer answers to whatever it listens on: a browser on it may use any.
LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
# Addresses that listen on every interface: the Host header can then be any of the machine's.
EVERYWHERE = frozenset({"0.0.0.0", "::", ""})


def is_local(host: str) -> bool:
    """Whether `host` (as given to --host) reaches only this computer."""
    if host in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Site:
    root: Path
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None  # None: on this computer only, no token asked for
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)
    names: frozenset[str] = LOCAL_NAMES  # the Host header names a request may give

    @classmethod
    def made(cls, root: Path, *, host: str = "127.0.0.1", port: int = 8000) -> Site:
        """The settings for listening on `host`: a token for any address beyond this computer."""
        token = None if is_local(host) else secrets.token_urlsafe(24)
        names = set(LOCAL_NAMES) | {host.strip("[]").lower()}
        if host in EVERYWHERE:
            names |= _own_names()
        return cls(root, host, port, token, names=frozenset(names - {""}))

    def listens_everywhere(self) -> bool:
        return self.host in EVERYWHERE

    def address(self) -> str:
        """The address to open, with the access token when one is needed."""
        host = "127.0.0.1" if self.listens_everywhere() else self.host
        if ":" in host:
            host = f"[{host}]"
        url = f"http://{host}:{self.port}/"
        return url if self.token is None else f"{url}?token={quote(self.token)}"

    def allows_host(self, header: str) -> bool:
        """Whether a request's Host header names this server: one of its names, or (listening
        on every address) any IP address. A DNS rebinding attack sends its own domain name,
        never an address, so that is what is refused."""
        name = _host_name(header)
        if name in self.names:
            return True
        if not self.listens_everywhere():
            return False
        try:
            ipaddress.ip_address(name)
        except ValueError:
            return False
        return True


def _host_name(header: str) -> str:
    """The name in a Host header, without its port, lower case ("[::1]:8000" -> "::1")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].partition("]")[0]
    if header.count(":") == 1:
        return header.partition(":")[0]
    return header


def _own_names() -> set[str]:
    """This machine's host names, as a browser on the network may call it."""
    names = set()
    with contextlib.suppress(OSError):
        names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
    return names
