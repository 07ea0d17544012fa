"""A meeting process for the crash tests: run (or resume) the scripted demo meeting.

Usage: ``python -m tests.reliability.crash_worker DIR SPEED``. Prints ``RESUME <step>
<remaining> <now>`` once the meeting is open (then waits for a line on stdin), ``ACK <seq> <kind> <key>`` for every event after
it is committed (so a printed ACK is an acknowledged event), and ``DONE`` at the end.
Phones resend with stable submission ids, as a phone whose answer was lost would.
The meeting clock runs SPEED times faster and resumes from the last stored event, so the
time lost while the process was dead does not count (the wall clock would count it).
"""

from __future__ import annotations

import asyncio
import sys
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


async def main(folder: Path, speed: float) -> None:
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
    print(f"RESUME {service.state.current_step} {remaining:.3f} {now:.3f}", flush=True)
    sys.stdin.readline()  # the test checks the stored state before the meeting goes on

    def acknowledge(events: list) -> None:
        for event in events:
            print(f"ACK {event.seq} {event.kind} {event.key or '-'}", flush=True)

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
    print("DONE", flush=True)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), float(sys.argv[2])))
