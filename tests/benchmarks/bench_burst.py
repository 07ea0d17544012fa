"""500 phones sign up at the same moment: cafe's sign-up against a bare aiohttp handler.

Not part of the test run (pytest does not collect it). Run it with:

    .venv/bin/python tests/benchmarks/bench_burst.py              # 500 phones, 3 rounds
    .venv/bin/python tests/benchmarks/bench_burst.py --phones 200 --rounds 5

Each phone comes from its own loopback address (127.0.x.y: Linux routes all of 127/8 to
the loopback interface), so cafe's per-address budgets and connection caps apply as in a
room where every phone has its own address. The client is deliberately light: raw
sockets from one asyncio loop, HTTP/1.1 written by hand, no HTTP library. A Python HTTP
client making 500 requests at once on 2 cores is itself the bottleneck, so this one
does as little as possible and the latencies measured are the server's.

Per round: all phones open the sign-up form (GET: the session cookie, the CSRF token, a
submission id), then open a connection each and wait; when every connection is ready,
all send their POST at once. A phone's latency runs from its send to the end of the
answer. The same is done, in the same run, against a bare aiohttp handler (reads the
form, stores nothing) in its own process, and the ratio of the p99s is printed. After
the rounds the meeting is reopened and counted: zero lost, zero doubled.

Timer drift: the TUI's timer shares the server's loop under ``cafe run``. A timer in the
cafe server's process wakes every 10 ms; how late it woke at worst is printed for an
idle second before the rounds and for each round's posts.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_web_load import (  # noqa: E402
    HOST,
    ServerProcess,
    _bare_server,
    count_store,
    make_meeting,
)
from tests.load_phones import percentile  # noqa: E402

_HIDDEN = re.compile(rb'<input type="hidden" name="(csrf|submission)" value="([^"]*)">')
_ACTION = re.compile(rb'<form method="post" action="([^"]*)"')
_COOKIE = re.compile(rb"^set-cookie: *cafe_session=([^;\r\n]*)", re.I | re.M)


TICK_SECONDS = 0.01
"""How often the drift timer in the cafe server's process wakes."""


async def _drift_timer(worst: list[float]) -> None:
    """Wake every ``TICK_SECONDS``; keep in ``worst[0]`` how late a wake-up came at most."""
    loop = asyncio.get_running_loop()
    while True:
        due = loop.time() + TICK_SECONDS
        await asyncio.sleep(TICK_SECONDS)
        worst[0] = max(worst[0], loop.time() - due)


def _cafe_server(folder: str, conn) -> None:  # type: ignore[no-untyped-def]
    """``LanServer`` as ``cafe run`` starts it, with its default budgets and limits.

    Between rounds it answers ``"drift"`` with the timer's worst lateness (seconds)
    since the last such question; anything else stops it.
    """
    from cafe.storage.folder import open_meeting
    from cafe.web.server import LanServer

    async def main() -> None:
        server = LanServer(open_meeting(Path(folder)), host=HOST, port=0, lan_address=lambda: HOST)
        await server.start()
        worst = [0.0]
        timer = asyncio.create_task(_drift_timer(worst))
        conn.send(server.signup_url())
        loop = asyncio.get_running_loop()
        while await loop.run_in_executor(None, conn.recv) == "drift":
            conn.send(worst[0])
            worst[0] = 0.0
        timer.cancel()
        await server.stop()

    asyncio.run(main())


class CafeProcess(ServerProcess):
    """The cafe server's process, which can also be asked for the timer's drift."""

    def drift(self) -> float:
        """The drift timer's worst lateness (seconds) since the last question."""
        self._conn.send("drift")
        return float(self._conn.recv())


def source(n: int) -> str:
    """Phone ``n``'s own loopback address: 127.0.1.1, 127.0.1.2, ..."""
    return f"127.0.{1 + n // 250}.{1 + n % 250}"


async def _exchange(host: str, port: int, src: str, request: bytes) -> bytes:
    reader, writer = await asyncio.open_connection(host, port, local_addr=(src, 0))
    writer.write(request)
    data = await reader.read()
    writer.close()
    return data


async def open_form(url: str, n: int) -> tuple[bytes, dict[str, str]]:
    """GET the form as phone ``n``: its cookie, and its hidden fields and ``action``."""
    parts = urlsplit(url)
    request = (
        f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nConnection: close\r\n\r\n"
    ).encode()
    answer = await _exchange(parts.hostname or "", parts.port or 80, source(n), request)
    cookie = _COOKIE.search(answer)
    hidden = {k.decode(): v.decode() for k, v in _HIDDEN.findall(answer)}
    action = _ACTION.search(answer)
    hidden["action"] = action.group(1).decode() if action and action.group(1) else parts.path
    return (cookie.group(1) if cookie else b""), hidden


async def post_form(
    url: str, n: int, cookie: bytes, hidden: dict[str, str], gate: asyncio.Event, ready
) -> tuple[int, float]:
    """Connect, wait for the gate, send the filled-in form: (status, seconds)."""
    parts = urlsplit(url)
    path = hidden.pop("action")
    body = urlencode(
        {**hidden, "name": f"Deltagare {n}", "organisation": "", "email": "", "phone": ""}
        | {"consent": "yes"}
    ).encode()
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {parts.netloc}\r\nConnection: close\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
    ).encode()
    if cookie:
        head += b"Cookie: cafe_session=" + cookie + b"\r\n"
    reader, writer = await asyncio.open_connection(
        parts.hostname, parts.port, local_addr=(source(n), 0)
    )
    ready()
    await gate.wait()
    start = time.perf_counter()
    writer.write(head + b"\r\n" + body)
    answer = await reader.read()
    seconds = time.perf_counter() - start
    writer.close()
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0
    return status, seconds


async def burst(
    url: str, phones: int, before_posts: Callable[[], object] = lambda: None
) -> tuple[list[int], list[float]]:
    """Every phone opens the form, then all post at once (``before_posts()`` just before)."""
    forms = await asyncio.gather(*(open_form(url, n) for n in range(phones)))
    gate = asyncio.Event()
    waiting = phones

    def ready() -> None:
        nonlocal waiting
        waiting -= 1
        if waiting == 0:
            before_posts()
            gate.set()

    results = await asyncio.gather(
        *(post_form(url, n, c, h, gate, ready) for n, (c, h) in enumerate(forms))
    )
    return [s for s, _ in results], [t for _, t in results]


def figures(name: str, latencies: list[float]) -> str:
    ms = [t * 1000 for t in latencies]
    return (
        f"{name:<22} p50 {statistics.median(ms):6.0f} ms   p99 {percentile(ms, 99):6.0f} ms"
        f"   max {max(ms):6.0f} ms"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    cafe_p99: list[float] = []
    bare_p99: list[float] = []
    drifts: list[float] = []
    failed = 0
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "meeting"
        make_meeting(folder)
        cafe_process = CafeProcess(_cafe_server, str(folder))
        with cafe_process as cafe_url, ServerProcess(_bare_server) as bare_url:
            cafe_process.drift()
            time.sleep(1.0)
            idle = cafe_process.drift()
            for number in range(1, args.rounds + 1):
                statuses, cafe = asyncio.run(burst(cafe_url, args.phones, cafe_process.drift))
                drifts.append(cafe_process.drift())
                failed += sum(1 for s in statuses if s != 200)
                bare_statuses, bare = asyncio.run(burst(bare_url, args.phones))
                assert all(s == 200 for s in bare_statuses), bare_statuses[:5]
                cafe_p99.append(percentile(cafe, 99))
                bare_p99.append(percentile(bare, 99))
                print(f"round {number}: {args.phones} phones at once")
                print("  " + figures("cafe sign-up", cafe))
                print("  " + figures("bare aiohttp handler", bare))
                print(f"  timer drift during the posts: worst {drifts[-1] * 1000:.0f} ms late")
        stored, keys = count_store(folder)
    expected = args.phones * args.rounds
    ratio = statistics.median(cafe_p99) / statistics.median(bare_p99)
    print(f"stored {stored} of {expected} (distinct keys {keys}); answers other than 200: {failed}")
    print(
        f"median p99: cafe {statistics.median(cafe_p99) * 1000:.0f} ms, bare "
        f"{statistics.median(bare_p99) * 1000:.0f} ms; ratio {ratio:.2f}"
    )
    print(
        f"timer drift: idle {idle * 1000:.0f} ms; during the posts median "
        f"{statistics.median(drifts) * 1000:.0f} ms, worst {max(drifts) * 1000:.0f} ms"
    )
    return 0 if stored == keys == expected and failed == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
