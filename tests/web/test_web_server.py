"""LanServer: binding, the URLs it hands out, logging to the meeting folder, clean stops."""

from __future__ import annotations

import asyncio
import contextlib
import re
import socket
from pathlib import Path

import aiohttp
import pytest

from cafe import links
from cafe.core.events import Event
from cafe.core.service import MeetingService
from cafe.i18n import catalogue
from cafe.resources import templates_dir
from cafe.storage.folder import meeting_token, table_token
from cafe.web.server import LanServer
from cafe.web.tokens import TableTokens, web_secret
from tests.web.support import LAN


def lan() -> str:
    return LAN


async def test_urls_use_the_address_listened_on_and_the_real_port(
    service: MeetingService,
) -> None:
    """Bound to 127.0.0.1, that is the address handed out (0.0.0.0 hands out the LAN's)."""
    server = LanServer(service, host="127.0.0.1", port=0, lan_address=lan)
    await server.start()
    try:
        assert server.port > 0
        token = meeting_token(service)
        base = f"http://127.0.0.1:{server.port}"
        assert server.participant_url() == f"{base}/m/{token}/"
        assert server.seat_url() == f"{base}/m/{token}/seat"
        assert server.checkout_url() == f"{base}/m/{token}/checkout"
        assert server.screen_url() == f"{base}/screen/{token}"
        assert server.table_url(7) == f"{base}/t/{table_token(service, 7)}/"
        assert server.table_url(7) == server.table_url(7), "a table keeps its token"
        assert len(token) >= 22 and len(table_token(service, 7)) >= 22, ">= 128 bits"
        local = server.participant_url()
        async with aiohttp.ClientSession() as session, session.get(local) as response:
            assert response.status == 200
    finally:
        await server.stop()
    with pytest.raises(aiohttp.ClientConnectorError):
        async with aiohttp.ClientSession() as session:
            await session.get(local)


async def test_public_url_overrides_the_lan_address(service: MeetingService) -> None:
    server = LanServer(
        service, host="127.0.0.1", port=0, public_url="http://cafe.local:80/", lan_address=lan
    )
    await server.start()
    try:
        assert server.participant_url().startswith("http://cafe.local:80/m/")
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"http://127.0.0.1:{server.port}/screen/{meeting_token(service)}") as page,
        ):
            assert "http://cafe.local:80/m/" in await page.text(), "the projector's QR follows it"
    finally:
        await server.stop()


async def test_a_busy_port_falls_back_to_a_free_one(service: MeetingService) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        server = LanServer(service, host="127.0.0.1", port=busy, lan_address=lan)
        await server.start()
        try:
            assert server.port not in (0, busy)
            assert f":{server.port}/" in server.participant_url()
        finally:
            await server.stop()


async def test_log_goes_to_the_meeting_folder_without_tokens(
    service: MeetingService, capsys: pytest.CaptureFixture[str]
) -> None:
    server = LanServer(service, host="127.0.0.1", port=0, lan_address=lan)
    await server.start()
    token = meeting_token(service)
    try:
        async with aiohttp.ClientSession() as session:
            for path in (f"/m/{token}/", "/m/wrong/"):
                async with session.get(f"http://127.0.0.1:{server.port}{path}") as response:
                    await response.read()
    finally:
        await server.stop()
    log = (Path(service.folder) / "server.log").read_text(encoding="utf-8")  # type: ignore[attr-defined]
    assert '"GET /m/…/" 200' in log and '"GET /m/…/" 404' in log
    assert token not in log
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == "", "nothing reaches the terminal"


async def test_stop_ends_open_projector_feeds_promptly(service: MeetingService) -> None:
    server = LanServer(service, host="127.0.0.1", port=0, lan_address=lan)
    await server.start()
    url = f"http://127.0.0.1:{server.port}/screen/{meeting_token(service)}/events"
    async with aiohttp.ClientSession() as session, session.get(url) as feed:
        assert (await feed.content.readline()).startswith(b"retry:")
        loop = asyncio.get_running_loop()
        began = loop.time()
        await server.stop()
        assert loop.time() - began < 2
        await feed.read()
    assert not server.running


async def test_stop_does_not_wait_long_for_a_stalled_phone(service: MeetingService) -> None:
    server = LanServer(service, host="127.0.0.1", port=0, lan_address=lan)
    await server.start()
    _, writer = await asyncio.open_connection("127.0.0.1", server.port)
    writer.write(
        f"POST /m/{meeting_token(service)}/checkout HTTP/1.1\r\nHost: x\r\n"
        "Content-Length: 5000\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n"
        "thought=".encode()
    )
    await writer.drain()
    await asyncio.sleep(0.1)
    loop = asyncio.get_running_loop()
    began = loop.time()
    await server.stop()
    assert loop.time() - began < 5
    writer.close()
    with contextlib.suppress(ConnectionError):
        await writer.wait_closed()


async def test_phone_submissions_reach_subscribers_in_the_same_loop(
    service: MeetingService,
) -> None:
    loop = asyncio.get_running_loop()
    seen: list[tuple[str, asyncio.AbstractEventLoop]] = []

    def on_commit(events: list[Event]) -> None:
        seen.extend((str(e.kind), asyncio.get_running_loop()) for e in events)

    service.subscribe(on_commit)
    server = LanServer(service, host="127.0.0.1", port=0, lan_address=lan)
    await server.start()
    try:
        base = f"http://127.0.0.1:{server.port}"
        path = f"/m/{meeting_token(service)}/checkout"
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
            async with session.get(base + path) as form:
                html = await form.text()
            fields = dict(re.findall(r'name="(csrf|submission)" value="([^"]+)"', html))
            async with session.post(base + path, data={**fields, "thought": "Tack"}) as done:
                assert done.status == 200
    finally:
        await server.stop()
    assert seen == [("checkout_noted", loop)]


def test_table_tokens_resolve_and_pick_up_new_ones(service: MeetingService) -> None:
    tables = TableTokens(service)
    one = table_token(service, 1)
    assert tables.table_for(one) == 1
    twelve = table_token(service, 12)
    assert tables.table_for(twelve) == 12, "made after the first lookup"
    assert tables.table_for("nope") is None
    assert tables.table_for(meeting_token(service)) is None


def test_the_form_secret_is_kept_in_the_meeting(service: MeetingService) -> None:
    assert web_secret(service) == web_secret(service)
    assert len(web_secret(service)) >= 32


def test_links_bracket_ipv6() -> None:
    assert links.base_url("192.0.2.10", 8765) == "http://192.0.2.10:8765"
    assert links.base_url("fe80::1", 80) == "http://[fe80::1]:80"


def test_every_key_in_the_page_templates_exists() -> None:
    keys = set(catalogue("sv")) & set(catalogue("en"))
    used: set[str] = set()
    for path in (templates_dir() / "web").glob("*.html"):
        used.update(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""", path.read_text()))
    assert used, "the templates use the catalogues"
    assert sorted(used - keys) == []
