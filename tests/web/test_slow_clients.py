"""Slow and greedy clients: timeouts close them, one address cannot hoard connections,
and running out of file descriptors costs a line a minute in the log, not a traceback a
second. The real server on 127.0.0.1; the attacker is 127.0.0.2 (loopback too), so the
phone next to it (127.0.0.1) is another address. Short timeouts keep the test fast.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest

from cafe.core.service import MeetingService
from cafe.storage.folder import meeting_token
from cafe.web.connections import ConnectionLimits
from cafe.web.server import LanServer

ROOT = Path(__file__).resolve().parents[2]
ATTACKER = "127.0.0.2"
LIMITS = ConnectionLimits(
    headers_seconds=1.5, body_seconds=2.5, lingering_seconds=1.0, per_address=32
)


async def _dribble(writer: asyncio.StreamWriter, head: bytes, tail: bytes) -> None:
    """Send ``head`` at once, then ``tail`` a byte every quarter of a second."""
    with contextlib.suppress(ConnectionError, RuntimeError):
        writer.write(head)
        await writer.drain()
        for byte in tail:
            writer.write(bytes([byte]))
            await writer.drain()
            await asyncio.sleep(0.25)


async def _slow_client(port: int, head: bytes, tail: bytes) -> tuple[float, bytes]:
    """Seconds until the server closed the connection, and what it answered."""
    loop = asyncio.get_running_loop()
    reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(ATTACKER, 0))
    began = loop.time()
    sender = asyncio.create_task(_dribble(writer, head, tail))
    try:
        async with asyncio.timeout(25):
            answer = await reader.read()
    except ConnectionError:
        answer = b""
    finally:
        sender.cancel()
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()
    return loop.time() - began, answer


async def test_slow_clients_are_closed_and_the_room_keeps_working(
    service: MeetingService,
) -> None:
    """100 connections from one address: 50 dribble headers, 50 dribble a form's body."""
    token = meeting_token(service)
    server = LanServer(
        service, host="127.0.0.1", port=0, lan_address=lambda: "127.0.0.1", limits=LIMITS
    )
    await server.start()
    most_held = 0
    try:
        slow_headers = (b"GET /m/" + token.encode() + b"/ HTTP/1.1\r\n", b"X-Slow: " + b"a" * 400)
        slow_body = (
            f"POST /m/{token}/checkout HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n\r\nthought=".encode(),
            b"a" * 4000,
        )
        attack = [
            asyncio.create_task(_slow_client(server.port, *(slow_headers if n % 2 else slow_body)))
            for n in range(100)
        ]
        async with asyncio.timeout(40), aiohttp.ClientSession() as phone:
            for tick in itertools.count():
                if all(task.done() for task in attack):
                    break
                most_held = max(most_held, server.connections_from(ATTACKER))
                if tick % 10 == 0:  # a phone loads a page every half second
                    async with asyncio.timeout(5):
                        page = await phone.get(f"http://127.0.0.1:{server.port}/m/{token}/")
                        assert page.status == 200, "a phone beside the attack is served"
                        await page.read()
                await asyncio.sleep(0.05)
            results = [task.result() for task in attack]
        assert server.connections_from(ATTACKER) == 0
    finally:
        await server.stop()
    assert most_held <= LIMITS.per_address
    slowest = max(seconds for seconds, _ in results)
    assert slowest < 12, f"every slow connection was closed by the server ({slowest:.1f} s)"
    answers = [answer for _, answer in results]
    timed_out = [a for a in answers if a.startswith(b"HTTP/1.1 408")]
    assert timed_out, "a slow body gets a page that says so"
    assert "för långsamt".encode() in timed_out[0]
    assert not any(a.startswith(b"HTTP/1.1 200") for a in answers), "no slow request was served"
    assert service.events() == [], "nothing half-sent was stored"


async def test_one_address_cannot_hold_more_than_its_share(service: MeetingService) -> None:
    """Idle connections beyond the cap close the oldest idle; busy ones refuse the newest."""
    limits = ConnectionLimits(headers_seconds=30, per_address=8)
    server = LanServer(
        service, host="127.0.0.1", port=0, lan_address=lambda: "127.0.0.1", limits=limits
    )
    await server.start()
    held: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
    try:
        for _ in range(20):
            held.append(
                await asyncio.open_connection("127.0.0.1", server.port, local_addr=(ATTACKER, 0))
            )
        async with asyncio.timeout(10):  # until the server has accepted all twenty
            while sum(reader.at_eof() for reader, _ in held) < 12:
                await asyncio.sleep(0.05)
        await asyncio.sleep(0.2)
        assert server.connections_from(ATTACKER) == 8
        closed = [n for n, (reader, _) in enumerate(held) if reader.at_eof()]
        assert closed == list(range(12)), "the oldest idle ones made room"
        async with (
            aiohttp.ClientSession() as phone,
            phone.get(f"http://127.0.0.1:{server.port}/favicon.ico") as response,
        ):
            assert response.status == 204, "another address is not affected"
    finally:
        for _, writer in held:
            writer.close()
        await server.stop()


@pytest.mark.slow
async def test_out_of_file_descriptors_is_a_line_a_minute_not_a_traceback_a_second(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "m"
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.web.fd_starved_server", str(folder), "24"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        port = int(await asyncio.to_thread(process.stdout.readline))
        held = [await asyncio.open_connection("127.0.0.1", port) for _ in range(80)]
        async with asyncio.timeout(30):
            for reader, _ in held:  # each is closed once its headers are late
                await reader.read()
        for _, writer in held:
            writer.close()
        async with (
            asyncio.timeout(10),
            aiohttp.ClientSession() as phone,
            phone.get(f"http://127.0.0.1:{port}/favicon.ico") as response,
        ):
            assert response.status == 204, "accepting again once the flood has gone"
    finally:
        _, err = await asyncio.to_thread(process.communicate, b"", 30)
    assert process.returncode == 0, err.decode()
    log = (folder / "cafe.log").read_text(encoding="utf-8")
    refused = [line for line in log.splitlines() if "cannot accept new connections" in line]
    assert len(refused) == 1, log[:2000]
    assert "Too many open files" in refused[0]
    assert "Traceback" not in log and len(log) < 5_000
