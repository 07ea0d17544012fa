"""Live updates for the projector page: server-sent events fed by the service.

The service calls ``LiveHub.changed`` synchronously after every commit; the hub only
sets a flag per open feed, so a commit never waits for a slow screen. Each feed sends a
full snapshot after a change and a small timer heartbeat otherwise. On shutdown every
feed is woken and ends, so the server (and the TUI around it) stops promptly and cleanly.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cafe.core.events import Event
from cafe.core.service import MeetingService

HEARTBEAT_SECONDS = 1.0
MAX_FEEDS = 16
"""A meeting has one projector, perhaps a second screen and a co-host's tablet."""


@dataclass(frozen=True, slots=True)
class FeedLimits:
    """How many feeds may be open: anyone with the meeting's code can open the projector
    page, so no one address, and no crowd of addresses, may take every one."""

    total: int = MAX_FEEDS
    per_address: int = 4
    """Feeds one address may hold, unless trusted."""
    reserved: int = 4
    """Of ``total``, feeds only trusted pages may take: the laptop's own (its projector
    window) and the co-host console (whose token was checked)."""


DEFAULT_FEED_LIMITS = FeedLimits()


class Feed:
    """One open event stream."""

    def __init__(self, address: str = "", trusted: bool = False) -> None:
        self.changed = asyncio.Event()
        self.address = address
        self.trusted = trusted


class LiveHub:
    """The set of open feeds, woken on every commit."""

    def __init__(
        self, max_feeds: int | None = None, limits: FeedLimits = DEFAULT_FEED_LIMITS
    ) -> None:
        self.max_feeds = limits.total if max_feeds is None else max_feeds
        self.per_address = limits.per_address
        self.reserved = limits.reserved
        self.closing = False
        self._feeds: set[Feed] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._unsubscribe: Callable[[], None] | None = None

    @property
    def feed_count(self) -> int:
        return len(self._feeds)

    def attach(self, service: MeetingService) -> None:
        """Start listening to ``service`` (from inside the server's event loop)."""
        self._loop = asyncio.get_running_loop()
        self._unsubscribe = service.subscribe(self.changed)

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def changed(self, events: list[Event]) -> None:
        """Service subscriber: may be called from another thread (a TUI worker)."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            self._wake()
        else:
            loop.call_soon_threadsafe(self._wake)

    def _wake(self) -> None:
        for feed in self._feeds:
            feed.changed.set()

    def open(self, address: str = "", *, trusted: bool = False) -> Feed | None:
        """A new feed for a page at ``address``, or ``None`` when it may not have one now.

        Untrusted pages share ``max_feeds - reserved`` feeds, at most ``per_address``
        each; trusted ones may use every feed, so the laptop's projector is never
        starved by others.
        """
        if self.closing or len(self._feeds) >= self.max_feeds:
            return None
        if not trusted:
            shared = [f for f in self._feeds if not f.trusted]
            if len(shared) >= self.max_feeds - self.reserved:
                return None
            if sum(1 for f in shared if f.address == address) >= self.per_address:
                return None
        feed = Feed(address, trusted)
        self._feeds.add(feed)
        return feed

    def close(self, feed: Feed) -> None:
        self._feeds.discard(feed)

    async def shutdown(self) -> None:
        """End every feed (called when the server stops)."""
        self.closing = True
        self._wake()
        for _ in range(100):
            if not self._feeds:
                break
            await asyncio.sleep(0.01)


def sse_message(data: dict[str, Any], *, retry_ms: int | None = None) -> bytes:
    """One server-sent event carrying ``data`` as JSON."""
    head = f"retry: {retry_ms}\n" if retry_ms else ""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"{head}data: {body}\n\n".encode()


async def wait_for_change(feed: Feed, seconds: float = HEARTBEAT_SECONDS) -> bool:
    """``True`` if something changed within ``seconds`` (the flag is then cleared)."""
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(seconds):
            await feed.changed.wait()
    if feed.changed.is_set():
        feed.changed.clear()
        return True
    return False
