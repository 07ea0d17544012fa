"""Budgets: a room behind one router works; a flooding script does not get far.

The real server on 127.0.0.1, so every phone has the same address, as behind a venue's
router; each phone has its own cookie jar, so its own session. The budgets' clock is a
fake one that the test moves on: a minute of meeting takes a few seconds.
"""

from __future__ import annotations

import asyncio
import secrets

import aiohttp

from cafe.core.service import MeetingService
from cafe.storage.folder import meeting_token
from cafe.web.budgets import Budgets
from cafe.web.security import RateLimit
from cafe.web.server import LanServer
from tests.web.support import hidden_fields


class Minute:
    """The budgets' clock: moved on by the test, never by waiting."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def _server(service: MeetingService, clock: Minute, **kwargs: object) -> LanServer:
    server = LanServer(
        service,
        host="127.0.0.1",
        port=0,
        lan_address=lambda: "127.0.0.1",
        budget_clock=clock,
        **kwargs,  # type: ignore[arg-type]
    )
    await server.start()
    return server


async def _phone(base: str, token: str, name: str) -> list[int]:
    """One person: the sign-up page (with its style), signs up, later sends a thought."""
    statuses = []
    async with aiohttp.ClientSession(base, cookie_jar=aiohttp.CookieJar(unsafe=True)) as phone:
        for path in (f"/m/{token}/signup", f"/m/{token}/checkout"):
            async with phone.get(path) as page:
                statuses.append(page.status)
                hidden = hidden_fields(await page.text())
            for static in ("/static/cafe.css", "/favicon.ico"):
                async with phone.get(static) as response:
                    statuses.append(response.status)
            fields = {"name": name, "organisation": "", "email": "", "phone": "", "thought": name}
            async with phone.post(path, data={**hidden, **fields}) as sent:
                statuses.append(sent.status)
    return statuses


async def test_a_hundred_phones_behind_one_router_over_a_minute(service: MeetingService) -> None:
    clock = Minute()
    server = await _server(service, clock)
    base = f"http://127.0.0.1:{server.port}"
    token = meeting_token(service)
    try:
        for wave in range(10):  # ten phones every six seconds
            statuses = await asyncio.gather(
                *(_phone(base, token, f"Person {wave}-{n}") for n in range(10))
            )
            assert all(status in (200, 204) for s in statuses for status in s), statuses
            clock.now += 6.0
    finally:
        await server.stop()
    assert len(service.state.live_signups()) == 100
    assert len(service.state.live_checkout()) == 100


async def test_a_script_keeping_its_cookie_is_held_to_thirty_posts_a_minute(
    service: MeetingService,
) -> None:
    clock = Minute()
    server = await _server(service, clock)
    path = f"/m/{meeting_token(service)}/checkout"
    statuses: list[int] = []
    try:
        async with aiohttp.ClientSession(
            f"http://127.0.0.1:{server.port}", cookie_jar=aiohttp.CookieJar(unsafe=True)
        ) as script:
            async with script.get(path) as page:
                hidden = hidden_fields(await page.text())
            for n in range(600):  # ten a second for a minute, each a new submission
                form = {**hidden, "submission": secrets.token_urlsafe(16), "thought": f"spam {n}"}
                async with script.post(path, data=form) as sent:
                    statuses.append(sent.status)
                    if sent.status == 429:
                        assert int(sent.headers["Retry-After"]) >= 1
                clock.now += 0.1
            async with (
                aiohttp.ClientSession(f"http://127.0.0.1:{server.port}") as phone,
                phone.get(path) as page,
            ):
                assert page.status == 200, "another phone behind the same router still works"
    finally:
        await server.stop()
    stored = len(service.state.live_checkout())
    assert statuses.count(200) == stored
    assert stored <= 30 + 30 + 1, stored
    assert statuses.count(429) >= 600 - 61


async def test_a_script_taking_a_new_cookie_each_time_is_held_to_the_address(
    service: MeetingService,
) -> None:
    clock = Minute()
    server = await _server(service, clock)
    path = f"/m/{meeting_token(service)}/checkout"
    refused = 0
    try:
        for n in range(400):  # forty a second for ten seconds
            async with aiohttp.ClientSession(
                f"http://127.0.0.1:{server.port}", cookie_jar=aiohttp.CookieJar(unsafe=True)
            ) as script:
                async with script.get(path) as page:
                    if page.status == 429:
                        refused += 1
                        continue
                    hidden = hidden_fields(await page.text())
                async with script.post(path, data={**hidden, "thought": f"spam {n}"}) as sent:
                    refused += sent.status == 429
            clock.now += 0.025
    finally:
        await server.stop()
    stored = len(service.state.live_checkout())
    assert stored <= 200 + 4 * 10 + 1, stored
    assert refused >= 400 - stored


async def test_static_files_cost_nothing(service: MeetingService) -> None:
    clock = Minute()
    tight = Budgets.uniform(RateLimit(burst=3, per_second=0.01))
    server = await _server(service, clock, budgets=tight)
    try:
        async with aiohttp.ClientSession(f"http://127.0.0.1:{server.port}") as phone:
            for _ in range(100):
                for static in ("/static/cafe.css", "/static/screen.js", "/favicon.ico"):
                    async with phone.get(static) as response:
                        assert response.status in (200, 204)
            pages = []
            for _ in range(4):
                async with phone.get(f"/m/{meeting_token(service)}/signup") as page:
                    pages.append(page.status)
    finally:
        await server.stop()
    assert pages == [200, 200, 200, 429], "pages still count, static files did not"
