"""Load test: a hall full of phones signing up at once, then a steady stream.

Not part of the test run (pytest does not collect it). Run it with:

    .venv/bin/python tests/benchmarks/bench_web_load.py            # 500 at once, 2,000 in 60 s
    .venv/bin/python tests/benchmarks/bench_web_load.py --window 15  # the minute compressed

Each simulated phone does what a real one does: it opens the sign-up form (GET: session
cookie, CSRF token, submission id) and sends it (POST). Every tenth phone double-taps:
it sends the same form twice at once, and must still be stored once. The server runs
in its own process on 127.0.0.1, as ``LanServer`` does under ``cafe run``, storing to a
real meeting folder (SQLite, WAL, fsync on every commit). Because every simulated phone
comes from 127.0.0.1, the per-client rate limit is raised for the run; in a room each
phone has its own address and its own budget.

Phases: a burst of ``--burst`` phones starting together; then ``--steady`` phones
arriving evenly over ``--window`` seconds (60 = the real minute). Afterwards the store is
opened and counted: sign-ups stored must equal sign-ups acknowledged (zero lost, zero
doubled). Throughput is compared with a bare aiohttp handler (reads the same form,
stores nothing) hit by the same burst from the same client in the same run.
Exit status 0 only if nothing was lost or doubled.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import sys
import tempfile
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.load_phones import open_form, percentile, phones_session  # noqa: E402

HOST = "127.0.0.1"


# -- servers (each in its own process) --------------------------------------------------


def _cafe_server(folder: str, conn: Connection) -> None:
    from cafe.core.events import EventKind  # noqa: F401  (import cost outside the timing)
    from cafe.storage.folder import open_meeting
    from cafe.web.connections import ConnectionLimits
    from cafe.web.security import RateLimit
    from cafe.web.server import LanServer

    async def main() -> None:
        service = open_meeting(Path(folder))
        server = LanServer(
            service,
            host=HOST,
            port=0,
            lan_address=lambda: HOST,
            rate_limit=RateLimit(burst=1e9, per_second=1e9),
            limits=ConnectionLimits(per_address=100_000),  # every phone is 127.0.0.1
        )
        await server.start()
        conn.send(server.signup_url())
        await asyncio.get_running_loop().run_in_executor(None, conn.recv)
        await server.stop()

    asyncio.run(main())


BARE_FORM = (
    '<form method="post"><input type="hidden" name="csrf" value="c">'
    '<input type="hidden" name="submission" value="s"></form>'
)


def _bare_server(conn: Connection) -> None:
    async def form(request: web.Request) -> web.Response:
        response = web.Response(text=BARE_FORM, content_type="text/html")
        response.set_cookie("cafe_session", "x" * 43)
        return response

    async def post(request: web.Request) -> web.Response:
        await request.post()
        return web.Response(text='<h1 id="done">ok</h1>', content_type="text/html")

    async def main() -> None:
        app = web.Application()
        app.add_routes([web.get("/m/x/", form), web.post("/m/x/", post)])
        runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, HOST, 0)
        await site.start()
        conn.send(f"http://{HOST}:{runner.addresses[0][1]}/m/x/")
        await asyncio.get_running_loop().run_in_executor(None, conn.recv)
        await runner.cleanup()

    asyncio.run(main())


class ServerProcess:
    """Start a server in a fresh process; ``url`` is where phones go."""

    def __init__(self, target, *args: object) -> None:  # type: ignore[no-untyped-def]
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=target, args=(*args, child), daemon=True)

    def __enter__(self) -> str:
        self._process.start()
        if not self._conn.poll(60):
            raise RuntimeError("the server did not start")
        return str(self._conn.recv())

    def __exit__(self, *exc: object) -> None:
        self._conn.send("stop")
        self._process.join(30)


# -- phones ------------------------------------------------------------------------------


@dataclass
class Phase:
    name: str
    acknowledged: set[str] = field(default_factory=set)
    latencies: list[float] = field(default_factory=list)
    """Seconds per submission (the POST), one per phone that got an answer."""
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self, phones: int) -> str:
        p50, p99 = percentile(self.latencies, 50), percentile(self.latencies, 99)
        return (
            f"{self.name}: {phones} phones, acknowledged {len(self.acknowledged)}, "
            f"failed {len(self.failures)}; submit latency p50 {p50 * 1000:.0f} ms, "
            f"p99 {p99 * 1000:.0f} ms; {phones / self.seconds:.0f} phones/s "
            f"over {self.seconds:.1f} s"
        )


async def phone(
    session: aiohttp.ClientSession, url: str, number: int, phase: Phase, *, double_tap: bool
) -> None:
    """Open the form, fill it in, send it (twice at once if ``double_tap``)."""
    try:
        form = await open_form(session, url)
        fields = form.hidden
        data = {
            **fields,
            "name": f"Deltagare {phase.name} {number}",
            "organisation": "Föreningen Lasttest",
            "email": f"phone{number}@example.org",
            "consent": "yes",
        }
        began = time.perf_counter()
        sends = 2 if double_tap else 1
        results = await asyncio.gather(
            *(_send(session, url, data, form.headers) for _ in range(sends)),
            return_exceptions=True,
        )
        phase.latencies.append(time.perf_counter() - began)
        if all(result is True for result in results):
            phase.acknowledged.add(f"{number}:{fields.get('submission', '')}")
        else:
            phase.failures.append(repr(results))
    except (aiohttp.ClientError, OSError, TimeoutError) as error:
        phase.failures.append(repr(error))


async def _send(
    session: aiohttp.ClientSession, url: str, data: dict[str, str], headers: dict[str, str]
) -> bool:
    async with session.post(url, data=data, headers=headers) as response:
        body = await response.text()
        return response.status == 200 and 'id="done"' in body


async def burst(url: str, phones: int, name: str) -> Phase:
    phase = Phase(name)
    async with phones_session() as session:
        began = time.perf_counter()
        await asyncio.gather(
            *(phone(session, url, n, phase, double_tap=n % 10 == 0) for n in range(phones))
        )
        phase.seconds = time.perf_counter() - began
    return phase


async def steady(url: str, phones: int, window: float, name: str) -> Phase:
    phase = Phase(name)
    async with phones_session() as session:
        began = time.perf_counter()

        async def arrive(n: int) -> None:
            await asyncio.sleep(n * window / phones)
            await phone(session, url, n, phase, double_tap=n % 10 == 0)

        await asyncio.gather(*(arrive(n) for n in range(phones)))
        phase.seconds = time.perf_counter() - began
    return phase


# -- the run -----------------------------------------------------------------------------


def make_meeting(folder: Path) -> None:
    from cafe.core.agenda import load_agenda, resolve_agenda
    from cafe.storage.folder import create_meeting_folder

    agenda = load_agenda(resolve_agenda("idemote.sv")).with_meta(challenge="lasttest")
    create_meeting_folder(folder, agenda).close()


def count_store(folder: Path) -> tuple[int, int]:
    """Sign-ups in the store, and how many distinct submission keys they carry."""
    from cafe.core.events import EventKind
    from cafe.storage.folder import open_meeting

    service = open_meeting(folder)
    keys = [e.key for e in service.events() if e.kind is EventKind.SIGNED_UP]
    return len(service.state.live_signups()), len(set(keys))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burst", type=int, default=500, help="phones starting at once")
    parser.add_argument("--steady", type=int, default=2000, help="phones arriving evenly")
    parser.add_argument("--window", type=float, default=60.0, help="seconds for --steady")
    parser.add_argument("--dir", type=Path, help="where to make the meeting (default: a temp dir)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(dir=args.dir) as temp:
        folder = Path(temp) / "meeting"
        make_meeting(folder)
        print(f"cafe web load test on {HOST}; meeting in {folder}")
        with ServerProcess(_cafe_server, str(folder)) as url:
            first = asyncio.run(burst(url, args.burst, "burst"))
            second = asyncio.run(steady(url, args.steady, args.window, "steady"))
        with ServerProcess(_bare_server) as bare_url:
            bare = asyncio.run(burst(bare_url, args.burst, "bare"))
        stored, distinct_keys = count_store(folder)

    acknowledged = len(first.acknowledged) + len(second.acknowledged)
    compressed = "" if args.window == 60 else f" (the minute compressed to {args.window:g} s)"
    print(first.summary(args.burst) + f"; {args.burst // 10} of them double-tapped")
    print(second.summary(args.steady) + compressed)
    print(bare.summary(args.burst).replace("bare:", "bare aiohttp handler, same burst:"))
    ratio = (args.burst / first.seconds) / (args.burst / bare.seconds)
    print(f"throughput ratio cafe/bare (burst): {ratio:.2f}")
    lost = acknowledged - stored
    print(
        f"store: {stored} sign-ups, {distinct_keys} distinct submissions; "
        f"acknowledged {acknowledged}; lost {max(lost, 0)}; extra {max(-lost, 0)}"
    )
    for failure in (first.failures + second.failures)[:5]:
        print(f"  failure: {failure}")
    ok = lost == 0 and stored == distinct_keys and not first.failures and not second.failures
    print("RESULT: " + ("zero lost, zero doubled" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
