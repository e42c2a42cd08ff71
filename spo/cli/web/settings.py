"""Where and how the web application listens (`Site`), and the secrets of this process.

On 127.0.0.1 (the default) only this computer reaches the pages, and no token is asked for. On
any other address (`--host`), a one-time access token is made and printed with the address, as
Jupyter does: a request without it (or its cookie) is refused. The process's secret signs the
CSRF tokens of forms and the access cookie; it lives as long as the process, so a restart makes
every form of an open page stale, never valid for another server.

"This computer" is every account of it: on a computer shared by several people (a terminal
server, a machine others log in to), any of them can open 127.0.0.1, whatever --host says, and
so read the registry and save into the pending change. There `spo serve --token` asks for the
token on 127.0.0.1 too (`Site.made(..., token=True)`); the link it prints is then the key, to
keep to oneself. The Host check and the CSRF token guard against web pages, not against
another account of the same computer.
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
import secrets
import socket
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from spo.api import UsageError

# The names this computer answers to whatever it listens on: a browser on it may use any.
LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
# Addresses that listen on every interface: the Host header can then be any of the machine's.
EVERYWHERE = frozenset({"0.0.0.0", "::", ""})
# A Host header: an IPv6 address in brackets or a name (labels joined by single dots, no dot
# at the end), then nothing or a colon and a port. No space, no second colon, nothing after.
_HOST = re.compile(
    r"(?:\[(?P<v6>[0-9a-f:.]+)\]|(?P<name>[a-z0-9_-]+(?:\.[a-z0-9_-]+)*))"
    r"(?::(?P<port>[0-9]{1,5}))?",
    re.ASCII,
)


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
    def made(
        cls, root: Path, *, host: str = "127.0.0.1", port: int = 8000, token: bool = False
    ) -> Site:
        """The settings for listening on `host`: a token for any address beyond this computer,
        and on this computer too when `token` (a computer shared by several accounts). The
        server listens on `host` as given; the site's `host` is as a browser writes it in its
        address bar and Host header (`_browsers`), so that the address it prints opens."""
        named = _browsers(host)
        access = secrets.token_urlsafe(24) if token or not is_local(named) else None
        names = set(LOCAL_NAMES) | {named}
        if host in EVERYWHERE:
            names |= _own_names()
        return cls(root, named, port, access, names=frozenset(names - {""}))

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
        never an address, so that is what is refused; so is a header that is not a plain host
        and port (`_host_name`), whatever it starts with."""
        name = _host_name(header)
        if name is None:
            return False
        if name in self.names:
            return True
        if not self.listens_everywhere():
            return False
        try:
            ipaddress.ip_address(name)
        except ValueError:
            return False
        return True


def _host_name(header: str) -> str | None:
    """The name in a Host header, lower case, without its port ("[::1]:8000" -> "::1"); None
    for anything but `name`, `name:port`, `[IPv6]` or `[IPv6]:port` with a port of 1 to 65535.
    A name is compared as it is written: `localhost.` (with the root's dot) is not `localhost`.
    The port may be any: a tunnel (`ssh -L 9000:localhost:8000`) keeps the browser's."""
    found = _HOST.fullmatch(header.lower())
    if found is None:
        return None
    port = found["port"]
    if port is not None and not 0 < int(port) < 65536:
        return None
    if found["v6"] is None:
        return str(found["name"])
    try:
        return str(ipaddress.IPv6Address(found["v6"]))
    except ValueError:
        return None


def _browsers(host: str) -> str:
    """`host` (as given to --host) as a browser writes it in a Host header: an address in its
    shortest form (`[0:0::1]` -> `::1`) and without an IPv6 zone (`fe80::1%eth0` -> `fe80::1`:
    the zone is this computer's name for a network card, which a Host header never carries and
    today's browsers do not take in an address); a name in lower case, without the root's dot
    at its end (`MyHost.Local.` -> `myhost.local`: the Host check takes no such dot), and in
    the ASCII a browser sends for it (`bücher.example` -> `xn--bcher-kva.example`);
    `usage.bad-host` for a name IDNA cannot write."""
    bare = host.strip("[]")
    try:
        return str(ipaddress.ip_address(bare)).partition("%")[0]
    except ValueError:
        pass
    name = host.lower()
    name = name[:-1] if name.endswith(".") and name != "." else name
    if name.isascii():
        return name
    try:
        return name.encode("idna").decode("ascii")
    except UnicodeError:
        raise UsageError.of("usage.bad-host", host=host) from None


def _own_names() -> set[str]:
    """This machine's host names, as a browser on the network may call it."""
    names = set()
    with contextlib.suppress(OSError):
        names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
    return names
