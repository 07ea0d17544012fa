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
from typing import Any

from cafe.core.events import Event
from cafe.core.service import MeetingService

HEARTBEAT_SECONDS = 1.0
MAX_FEEDS = 16
"""A meeting has one projector, perhaps a second screen and a co-host's tablet."""


class Feed:
    """One open event stream."""

    def __init__(self) -> None:
        self.changed = asyncio.Event()


class LiveHub:
    """The set of open feeds, woken on every commit."""

    def __init__(self, max_feeds: int = MAX_FEEDS) -> None:
        self.max_feeds = max_feeds
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

    def open(self) -> Feed | None:
        """A new feed, or ``None`` when too many are open already."""
        if self.closing or len(self._feeds) >= self.max_feeds:
            return None
        feed = Feed()
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
