"""A meeting process for the crash tests: run (or resume) the scripted demo meeting.

The test starts it with ``serve`` in a process forked from a forkserver that has already
imported this module (a fresh interpreter per run spent most of the test importing);
``python -m tests.reliability.crash_worker DIR SPEED`` runs it by hand, on stdin and stdout.
It says ``RESUME <step> <remaining> <now>`` once the meeting is open (then waits for a
word from the test), ``ACK <seq> <kind> <key>`` for every event after it is committed
(so a sent ACK is an acknowledged event), and ``DONE`` at the end.
Phones resend with stable submission ids, as a phone whose answer was lost would.
The meeting clock runs SPEED times faster and resumes from the last stored event, so the
time lost while the process was dead does not count (the wall clock would count it).
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

from cafe.core.clock import ScaledClock
from cafe.demo.driver import run_meeting
from cafe.demo.people import simulated_people
from cafe.demo.phones import HttpRoom
from cafe.demo.session import demo_server, plan_for_meeting
from cafe.demo.setup import create_demo_meeting
from cafe.storage.folder import open_meeting
from cafe.storage.sqlite_log import SqliteEventLog

PEOPLE = 30


def _last_event_time(folder: Path) -> float | None:
    log = SqliteEventLog(folder / "meeting.db")
    try:
        row = log.connection().execute("SELECT max(at) FROM events").fetchone()
        return None if row[0] is None else float(row[0])
    finally:
        log.close()


async def main(
    folder: Path, speed: float, say: Callable[[str], None], wait: Callable[[], object]
) -> None:
    if (folder / "meeting.db").exists():
        clock = ScaledClock(speed, origin=_last_event_time(folder))
        service = open_meeting(folder, clock=clock)
        people = simulated_people(PEOPLE)
    else:
        clock = ScaledClock(speed)
        service, people = create_demo_meeting(folder, people=PEOPLE, lang="sv", clock=clock)
    now = clock.now()
    timer = service.timer()
    remaining = timer.remaining(now) if timer else 0.0
    say(f"RESUME {service.state.current_step} {remaining:.3f} {now:.3f}")
    wait()  # the test checks the stored state before the meeting goes on

    def acknowledge(events: list) -> None:
        for event in events:
            say(f"ACK {event.seq} {event.kind} {event.key or '-'}")

    service.subscribe(acknowledge)
    server = demo_server(service, "sv")
    await server.start()
    room = HttpRoom(
        server.signup_url(),
        server.checkout_url(),
        {n: server.table_url(n) for n in range(0, 40)},
        resend_as="crash-test",
    )
    try:
        await run_meeting(
            service,
            people,
            room,
            speed=speed,
            lang="sv",
            announce=lambda _: None,
            plan_seating=plan_for_meeting,
        )
    finally:
        await room.close()
        await server.stop()
    say("DONE")


def serve(folder: Path, speed: float, channel: Connection, errors: Path) -> None:
    """Run the meeting in this (forked) process, talking to the test over ``channel``.

    Each line is sent (written to the pipe) before the meeting goes on, as a flushed print
    was; stdout and stderr go to ``errors`` for the test to show if the process fails.
    """
    with errors.open("w") as sink:
        os.dup2(sink.fileno(), 1)
        os.dup2(sink.fileno(), 2)
    asyncio.run(main(folder, speed, channel.send, channel.recv))


if __name__ == "__main__":
    asyncio.run(
        main(
            Path(sys.argv[1]),
            float(sys.argv[2]),
            lambda line: print(line, flush=True),
            sys.stdin.readline,
        )
    )
