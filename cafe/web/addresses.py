"""Addresses that work: what codes and cards carry, and a warning when they stop working.

Everything printed, drawn or encoded must name an address the server really answers:

- a server told to listen on one address (``--host 127.0.0.1``) is reached there, so that
  is the address it hands out; only a server listening everywhere (``0.0.0.0``) hands out
  the laptop's detected LAN address;
- ``cafe qr`` and ``cafe report --before`` use the running server's address (recorded
  in ``DIR/server.json``) when there is one, else the LAN address and the default port;
- when the address printed on the cards is not the one the server now uses, the
  co-hosts are told at once, with both addresses and the way out.

No aiohttp here: the CLI imports this module without starting a server.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from cafe import links
from cafe.i18n import t
from cafe.links import normalise_public_url
from cafe.storage.running_server import running_server

ANY_HOST = frozenset({"", "0.0.0.0", "::", "[::]"})
"""Hosts that mean "listen on every interface": phones need the LAN address instead."""

_DEFAULT_PORTS = {"http": 80, "https": 443}


def advertised_host(host: str | None, lan_address: Callable[[], str]) -> str:
    """The host phones use for a server listening on ``host``."""
    host = (host or "").strip()
    return lan_address() if host in ANY_HOST else host


def same_address(first: str, second: str) -> bool:
    """Whether two base URLs reach the same place (``HTTP://Cafe.local`` = ``http://cafe.local:80/``)."""

    def key(url: str) -> tuple[str, str, int | None, str]:
        parts = urlsplit(normalise_public_url(url))
        scheme = parts.scheme.lower()
        try:
            port = parts.port or _DEFAULT_PORTS.get(scheme)
        except ValueError:
            port = None
        return scheme, (parts.hostname or "").lower(), port, parts.path.rstrip("/")

    return key(first) == key(second)


def base_for_codes(
    folder: Path,
    *,
    public_url: str | None,
    port: int | None,
    lan_address: Callable[[], str],
) -> str:
    """The base address for codes printed or shown now.

    ``--public-url`` wins, then an explicit ``--port`` (with the LAN address); otherwise
    the address of the server running for this meeting, and without one the LAN address
    and the default port, which is what ``cafe run`` will use.
    """
    if public_url:
        return normalise_public_url(public_url)
    if port is None:
        running = running_server(folder)
        if running is not None:
            return running.base
        port = links.DEFAULT_PORT
    return links.base_url(lan_address(), port)


def changed_address_warning(printed: str | None, current: str, lang: str | None) -> str | None:
    """The warning when the printed cards point elsewhere than the server now serves."""
    if not printed or same_address(printed, current):
        return None
    return t("address.changed", lang, printed=printed, current=current)
