"""Live feeds: no address, and no crowd of addresses, can take the projector's.

The real server on 127.0.0.1 with its default limits. Attackers connect from 127.0.0.2-5
(loopback too, other addresses); the projector window runs on the laptop (127.0.0.1).
"""

from __future__ import annotations

import asyncio
import contextlib

import aiohttp

from cafe.core.service import MeetingService
from cafe.storage.folder import cohost_token, meeting_token
from cafe.web.live import DEFAULT_FEED_LIMITS
from cafe.web.server import LanServer


async def _feed(url: str, source: str, stack: contextlib.AsyncExitStack) -> int:
    """Open a feed from ``source`` and keep it open; its status."""
    connector = aiohttp.TCPConnector(local_addr=(source, 0), force_close=True)
    session = await stack.enter_async_context(aiohttp.ClientSession(connector=connector))
    response = await session.get(url)
    if response.status == 200:
        assert (await response.content.readline()).startswith(b"retry:")
    else:
        await response.read()
    return response.status


async def test_the_projector_keeps_its_feed_whoever_holds_the_others(
    service: MeetingService,
) -> None:
    server = LanServer(service, host="127.0.0.1", port=0, lan_address=lambda: "127.0.0.1")
    await server.start()
    base = f"http://127.0.0.1:{server.port}"
    screen = f"{base}/screen/{meeting_token(service)}/events"
    limits = DEFAULT_FEED_LIMITS
    try:
        async with contextlib.AsyncExitStack() as attacker:
            greedy = [await _feed(screen, "127.0.0.2", attacker) for _ in range(limits.total)]
            assert greedy.count(200) == limits.per_address, "one address gets its share only"
            assert set(greedy[limits.per_address :]) == {503}
            for source in ("127.0.0.3", "127.0.0.4", "127.0.0.5"):
                for _ in range(limits.per_address):
                    await _feed(screen, source, attacker)
            async with contextlib.AsyncExitStack() as room:
                assert await _feed(screen, "127.0.0.6", room) == 503, "the shared feeds are taken"
                assert await _feed(screen, "127.0.0.1", room) == 200, "the laptop's projector"
                console = f"{base}/c/{cohost_token(service)}/events"
                assert await _feed(console, "127.0.0.6", room) == 200, "the co-host console"
        async with contextlib.AsyncExitStack() as later:  # the server notices at its next beat
            statuses = []
            for _ in range(50):
                statuses.append(await _feed(screen, "127.0.0.6", later))
                if statuses[-1] == 200:
                    break
                await asyncio.sleep(0.1)
            assert statuses[-1] == 200, "free again once they leave"
    finally:
        await server.stop()
