"""Connections a slow or greedy client cannot hoard.

A phone's browser opens a connection, sends a request in a few milliseconds, and keeps
the connection for the next one. A client that sends its headers or its body a byte at
a time, or opens hundreds of connections, would otherwise keep a file descriptor each
until the laptop runs out and the server stops accepting anyone. So:

- headers must arrive within ``headers_seconds`` of the connection opening or of the
  previous answer (aiohttp's keep-alive timer, which also closes idle connections);
- a form's body must arrive within ``body_seconds`` (``views.read_form``), else a 408
  page; a body nobody reads is drained for at most ``lingering_seconds``;
- one address holds at most ``per_address`` connections. A new one beyond that closes
  the address's oldest connection that is not in a request (an idle keep-alive, or one
  still dribbling its headers), so a hundred phones behind one router keep working; only
  when all of them are in a request is the new one refused with a 503.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from aiohttp import web

REFUSAL = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
    b"Retry-After: 5\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
)


@dataclass(frozen=True, slots=True)
class ConnectionLimits:
    """How long a client may take, and how many connections one address may hold."""

    headers_seconds: float = 15.0
    """From opening (or the previous answer) to the end of the headers."""
    body_seconds: float = 30.0
    """From the headers to the end of a form's body: 64 KiB on the slowest phone network."""
    lingering_seconds: float = 5.0
    """How long a body the server did not need (after a 404, 413 ...) is drained."""
    per_address: int = 64
    """A browser uses up to six; a room behind one router shares them (see above)."""


DEFAULT_LIMITS = ConnectionLimits()


class ConnectionGate:
    """Counts open connections per client address and keeps each under the cap."""

    def __init__(self, per_address: int = DEFAULT_LIMITS.per_address) -> None:
        self.per_address = per_address
        self.refused = 0
        """Connections answered 503 because every one of their address's was busy."""
        self.evicted = 0
        """Idle connections closed to make room for a new one from the same address."""
        self._open: dict[str, dict[Any, asyncio.BaseTransport]] = {}
        """Address -> its connections (by protocol), oldest first."""
        self._address_of: dict[Any, str] = {}
        self._busy: dict[Any, int] = {}

    def install(self, server: web.Server) -> None:
        """Hear about every connection ``server`` (a runner's) opens and loses."""
        made, lost = server.connection_made, server.connection_lost

        def connection_made(handler: Any, transport: asyncio.Transport) -> None:
            made(handler, transport)
            self.admit(handler, transport)

        def connection_lost(handler: Any, exc: BaseException | None = None) -> None:
            self.forget(handler)
            lost(handler, exc)

        server.connection_made = connection_made  # type: ignore[method-assign]
        server.connection_lost = connection_lost  # type: ignore[method-assign]

    def open_count(self, address: str) -> int:
        return len(self._open.get(address, {}))

    def admit(self, handler: Any, transport: asyncio.BaseTransport) -> None:
        peer = transport.get_extra_info("peername")
        address = str(peer[0]) if peer else "unknown"
        connections = self._open.setdefault(address, {})
        connections[handler] = transport
        self._address_of[handler] = address
        if len(connections) <= self.per_address:
            return
        idle = next((h for h in connections if h is not handler and h not in self._busy), None)
        if idle is not None:
            self.evicted += 1
            self._drop(idle).close()
            return
        self.refused += 1
        refused = self._drop(handler)
        if isinstance(refused, asyncio.WriteTransport):
            refused.write(REFUSAL)
        refused.close()

    def forget(self, handler: Any) -> None:
        if handler in self._address_of:
            self._drop(handler)

    def _drop(self, handler: Any) -> asyncio.BaseTransport:
        address = self._address_of.pop(handler)
        connections = self._open[address]
        transport = connections.pop(handler)
        if not connections:
            del self._open[address]
        return transport

    @contextlib.contextmanager
    def busy(self, handler: Any) -> Iterator[None]:
        """While a request is handled on ``handler``'s connection it is never evicted."""
        self._busy[handler] = self._busy.get(handler, 0) + 1
        try:
            yield
        finally:
            left = self._busy.pop(handler, 1) - 1
            if left > 0:
                self._busy[handler] = left
