"""A thousand phones on 127.0.0.1 while the TUI runs a café round on its real clock.

This is ``cafe run`` as the co-hosts have it: one process, the Textual app with the LAN
server inside its event loop, the meeting in round 1 with its 20-minute timer running on
the wall clock. The phones are a second process (so their work is not counted as the
app's), each with its own session cookie: most sign up, some are table hosts sending
their table's ideas, and every tenth double-taps (sends the same form twice at once).

While they do, a sampling thread outside the event loop reads what the TUI shows every
10 ms and compares it with the truth: the timer the TUI has drawn (``RoundTimer.remaining``
and the digits on screen) against ``Timer.remaining(time.time())``. A blocked or
overloaded loop shows up there as drift, however it is caused. The same sampling runs
first for a few seconds with no phones, as the baseline.

Used by ``tests/reliability/test_tui_load.py`` (asserts) and
``tests/benchmarks/bench_tui_load.py`` (prints the figures).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import aiohttp

from tests.load_phones import open_form, percentile, phones_session

HOST = "127.0.0.1"
"""The only address the phones ever contact."""
SAMPLE_SECONDS = 0.01


# -- the phones (a separate process) ------------------------------------------------------


@dataclass(frozen=True)
class PhonePlan:
    """How many phones, and how they arrive."""

    burst: int = 200
    """Phones that all start at the same moment."""
    steady: int = 800
    """Phones arriving evenly over ``window`` seconds after the burst began."""
    window: float = 15.0
    idea_every: int = 7
    """Every n-th phone is a table host sending ideas; the rest sign up."""
    ideas_per_send: int = 2

    @property
    def phones(self) -> int:
        return self.burst + self.steady


@dataclass
class PhoneResults:
    """What the phones saw; plain data, so it crosses the process boundary."""

    signups: list[str] = field(default_factory=list)
    """Submission ids of sign-ups the server acknowledged."""
    idea_sends: list[tuple[int, str]] = field(default_factory=list)
    """(table, submission id) of idea sends the server acknowledged."""
    failures: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    """Seconds from opening the form to the answer of the submission."""
    seconds: float = 0.0
    requests: int = 0


async def _one_phone(
    session: aiohttp.ClientSession,
    number: int,
    plan: PhonePlan,
    urls: dict[str, Any],
    results: PhoneResults,
) -> None:
    tables: list[str] = urls["tables"]
    is_host = number % plan.idea_every == 0
    url = tables[number % len(tables)] if is_host else urls["signup"]
    began = time.perf_counter()
    try:
        form = await open_form(session, url)
        results.requests += 1
        if form.status != 200:
            results.failures.append(f"phone {number}: GET {form.status}")
            return
        hidden = form.hidden
        if is_host:
            ideas = "\n".join(f"Idé {number}.{n} från bordet" for n in range(plan.ideas_per_send))
            data = {**hidden, "ideas": ideas}
        else:
            data = {
                **hidden,
                "name": f"Deltagare {number}",
                "organisation": "Föreningen Lasttest",
                "email": f"telefon{number}@example.org",
                "consent": "yes",
            }
        sends = 2 if number % 10 == 3 else 1
        answers = await asyncio.gather(
            *(_post(session, url, data, form.headers, is_host) for _ in range(sends)),
            return_exceptions=True,
        )
        results.requests += sends
        results.latencies.append(time.perf_counter() - began)
        if not all(answer is True for answer in answers):
            results.failures.append(f"phone {number}: {answers!r}")
        elif is_host:
            results.idea_sends.append((tables.index(url) + 1, hidden.get("submission", "")))
        else:
            results.signups.append(hidden.get("submission", ""))
    except (aiohttp.ClientError, OSError, TimeoutError) as error:
        results.failures.append(f"phone {number}: {error!r}")


async def _post(
    session: aiohttp.ClientSession,
    url: str,
    data: dict[str, str],
    headers: dict[str, str],
    is_host: bool,
) -> bool:
    async with session.post(url, data=data, headers=headers, allow_redirects=False) as answer:
        body = await answer.text()
        if is_host:  # the table page answers a good send with a redirect to "sent"
            return answer.status == 303 and "sent=1" in answer.headers.get("Location", "")
        return answer.status == 200 and 'id="done"' in body


async def _all_phones(plan: PhonePlan, urls: dict[str, Any]) -> PhoneResults:
    results = PhoneResults()
    async with phones_session(connection_per_phone=True) as session:
        began = time.perf_counter()

        async def arrive(number: int) -> None:
            if number >= plan.burst:
                await asyncio.sleep((number - plan.burst) * plan.window / max(plan.steady, 1))
            await _one_phone(session, number, plan, urls, results)

        await asyncio.gather(*(arrive(n) for n in range(plan.phones)))
        results.seconds = time.perf_counter() - began
    return results


def _phones_process(plan: PhonePlan, conn: Connection) -> None:
    urls: dict[str, Any] = conn.recv()
    for url in [urls["signup"], *urls["tables"]]:
        assert url.startswith(f"http://{HOST}:"), url  # the network rule, checked
    conn.recv()  # go
    conn.send(asyncio.run(_all_phones(plan, urls)))


# -- watching the TUI's timer from outside its loop ------------------------------------------


@dataclass
class DriftSamples:
    """What the TUI showed against what was true, sampled every ``SAMPLE_SECONDS``."""

    lag: list[float] = field(default_factory=list)
    """Drawn remaining time minus true remaining time, in seconds (stale display > 0)."""
    digits_behind: list[int] = field(default_factory=list)
    """Whole seconds the digits on screen are behind the digits the truth would show."""
    redraw_gaps: list[float] = field(default_factory=list)
    """Seconds between two changes of the drawn time (how often the timer moved)."""

    def summary(self) -> dict[str, float]:
        return {
            "samples": len(self.lag),
            "max_lag": max(self.lag, default=float("nan")),
            "p99_lag": percentile(self.lag, 99),
            "p50_lag": percentile(self.lag, 50),
            "min_lag": min(self.lag, default=float("nan")),
            "max_digits_behind": max(self.digits_behind, default=0),
            "max_redraw_gap": max(self.redraw_gaps, default=float("nan")),
        }


class TimerWatch:
    """A thread that reads the drawn timer; attribute reads only, it never calls Textual."""

    def __init__(self, round_timer: Any, timer: Any) -> None:
        self._round_timer = round_timer
        self._timer = timer
        self._stop = threading.Event()
        self._samples = DriftSamples()
        self._thread = threading.Thread(target=self._run, name="timer-watch", daemon=True)

    def __enter__(self) -> TimerWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)

    def take(self) -> DriftSamples:
        """The samples so far, and start afresh (one phase ends, the next begins)."""
        samples, self._samples = self._samples, DriftSamples()
        return samples

    def _run(self) -> None:
        from cafe.core.timer import format_seconds

        last_drawn: float | None = None
        last_change = time.monotonic()
        while not self._stop.wait(SAMPLE_SECONDS):
            drawn = float(self._round_timer.remaining)
            shown = str(self._round_timer.digits)
            true = self._timer.remaining(time.time())
            samples = self._samples
            samples.lag.append(drawn - true)
            samples.digits_behind.append(_seconds(shown) - _seconds(format_seconds(true)))
            if drawn != last_drawn:
                now = time.monotonic()
                if last_drawn is not None:
                    samples.redraw_gaps.append(now - last_change)
                last_drawn, last_change = drawn, now


def _seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    minutes, seconds = text.lstrip("-").split(":")
    return sign * (int(minutes) * 60 + int(seconds))


# -- the run -------------------------------------------------------------------------------


@dataclass
class LoadReport:
    plan: PhonePlan
    baseline: DriftSamples
    load: DriftSamples
    phones: PhoneResults
    stored_signups: int
    distinct_signup_keys: int
    stored_ideas: int
    reopened_signups: int
    reopened_ideas: int
    tui_revision: int
    store_revision: int
    baseline_seconds: float

    @property
    def acknowledged_ideas(self) -> int:
        return len(self.phones.idea_sends) * self.plan.ideas_per_send

    @property
    def lost(self) -> int:
        return (
            len(self.phones.signups)
            - self.reopened_signups
            + (self.acknowledged_ideas - self.reopened_ideas)
        )

    def lines(self) -> list[str]:
        base, load = self.baseline.summary(), self.load.summary()
        p = self.phones
        ratio = load["max_lag"] / base["max_lag"] if base["max_lag"] > 0 else float("nan")
        return [
            f"phones: {self.plan.phones} on {HOST} ({self.plan.burst} at once, "
            f"{self.plan.steady} over {self.plan.window:g} s), {p.requests} requests "
            f"in {p.seconds:.1f} s; every {self.plan.idea_every}th a table host",
            f"acknowledged: {len(p.signups)} sign-ups, {len(p.idea_sends)} idea sends "
            f"({self.acknowledged_ideas} ideas); failed {len(p.failures)}",
            f"phone latency (open form to answer): p50 {percentile(p.latencies, 50) * 1000:.0f}"
            f" ms, p99 {percentile(p.latencies, 99) * 1000:.0f} ms",
            f"stored (live app): {self.stored_signups} sign-ups, {self.distinct_signup_keys} "
            f"distinct submissions, {self.stored_ideas} ideas; after reopening the file: "
            f"{self.reopened_signups} sign-ups, {self.reopened_ideas} ideas; lost {self.lost}",
            f"TUI caught up: shows revision {self.tui_revision} of {self.store_revision}",
            _drift_line(f"timer, idle baseline ({self.baseline_seconds:g} s)", base),
            _drift_line("timer, under load", load),
            f"max drift ratio load/baseline: {ratio:.2f}",
        ]


def _drift_line(name: str, s: dict[str, float]) -> str:
    return (
        f"{name}: {s['samples']:.0f} samples; drawn minus true: max {s['max_lag']:.3f} s, "
        f"p99 {s['p99_lag']:.3f} s, p50 {s['p50_lag']:.3f} s, min {s['min_lag']:.3f} s; "
        f"digits behind at most {s['max_digits_behind']:.0f} s; "
        f"longest time between redraws {s['max_redraw_gap']:.3f} s"
    )


def _make_meeting(folder: Path, people: int) -> None:
    from cafe.core.agenda import load_agenda, resolve_agenda
    from cafe.core.participants import PersonInput
    from cafe.storage.folder import create_meeting_folder, open_meeting

    agenda = load_agenda(resolve_agenda("idemote.sv")).with_meta(challenge="lasttest")
    create_meeting_folder(folder, agenda).close()
    service = open_meeting(folder)
    service.add_participants(
        [
            PersonInput(f"Person {n}", organisation=f"Org {n % 9}", present=True)
            for n in range(people)
        ]
    )
    service.log.close()


async def run_load(folder: Path, plan: PhonePlan, *, baseline_seconds: float = 3.0) -> LoadReport:
    """Run the app with its server, measure the idle timer, then let the phones in."""
    from cafe.core.agenda import StepKind
    from cafe.core.clock import SystemClock
    from cafe.core.events import EventKind
    from cafe.core.meeting_seating import ensure_plan
    from cafe.storage.folder import open_meeting
    from cafe.tui.app import CafeApp
    from cafe.tui.widgets.round_timer import RoundTimer
    from cafe.tui.widgets.step_panel import StepPanel
    from cafe.web.connections import ConnectionLimits
    from cafe.web.security import RateLimit
    from cafe.web.server import LanServer

    _make_meeting(folder, people=32)
    service = open_meeting(folder, clock=SystemClock())
    first_round = next(
        i for i, s in enumerate(service.agenda.steps) if s.kind is StepKind.CAFE_ROUND
    )
    service.start_step(first_round)
    ensure_plan(service, 1)
    service.timer_start()
    timer = service.timer()
    assert timer is not None and timer.running
    tables = sorted({t["table"] for t in service.state.seating["rounds"][0]["tables"]})
    # Every phone comes from 127.0.0.1; in a room each has its own address and budget,
    # and its own share of connections.
    server = LanServer(
        service,
        host=HOST,
        port=0,
        lan_address=lambda: HOST,
        rate_limit=RateLimit(burst=1e9, per_second=1e9),
        limits=ConnectionLimits(per_address=100_000),
    )
    app = CafeApp(service, clock=SystemClock(), server=server)
    # The phones' process starts before the app: a process spawned under the running
    # app would inherit its terminal driver's file descriptors.
    spawn = multiprocessing.get_context("spawn")
    parent, child = spawn.Pipe()
    phones = spawn.Process(target=_phones_process, args=(plan, child), daemon=True)
    phones.start()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert server.running, "the LAN server did not start"
        urls = {
            "signup": server.signup_url(),
            "tables": [server.table_url(table) for table in tables],
        }
        parent.send(urls)
        round_timer = app.screen.query_one(RoundTimer)
        loop = asyncio.get_running_loop()
        with TimerWatch(round_timer, timer) as watch:
            await asyncio.sleep(baseline_seconds)
            baseline = watch.take()
            parent.send("go")
            results: PhoneResults = await loop.run_in_executor(None, parent.recv)
            await pilot.pause(0.5)  # the last redraws after the last phone
            load = watch.take()
        phones.join(30)
        panel = app.screen.query_one(StepPanel)
        tui_revision, store_revision = panel.revision, service.state.last_seq
        stored = len(service.state.live_signups())
        keys = {e.key for e in service.events() if e.kind is EventKind.SIGNED_UP}
        ideas = len(service.state.visible_ideas())
    service.log.close()
    reopened = open_meeting(folder)
    report = LoadReport(
        plan=plan,
        baseline=baseline,
        load=load,
        phones=results,
        stored_signups=stored,
        distinct_signup_keys=len(keys),
        stored_ideas=ideas,
        reopened_signups=len(reopened.state.live_signups()),
        reopened_ideas=len(reopened.state.visible_ideas()),
        tui_revision=tui_revision,
        store_revision=store_revision,
        baseline_seconds=baseline_seconds,
    )
    reopened.log.close()
    return report
