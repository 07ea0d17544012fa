"""Running the demo: headless (printing each step) or on screen in the TUI.

Both run the real LAN server on 127.0.0.1 only (the demo's phones live on this laptop),
drive the meeting with the same script, and write the report at the end.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Sequence
from pathlib import Path

from cafe.core.meeting_seating import ensure_plan
from cafe.core.service import MeetingService
from cafe.demo.driver import DemoLog, run_meeting
from cafe.demo.people import SimulatedPerson
from cafe.demo.phones import HttpRoom
from cafe.i18n import number, t
from cafe.web.security import RateLimit
from cafe.web.server import LanServer

DEMO_RATE_LIMIT = RateLimit(burst=100_000, per_second=100_000)
"""Every simulated phone shares 127.0.0.1, so the per-client limit must not apply."""


def demo_server(service: MeetingService, lang: str) -> LanServer:
    """The real server, bound to loopback only, advertising the loopback address."""
    return LanServer(
        service,
        host="127.0.0.1",
        port=0,
        lan_address=lambda: "127.0.0.1",
        lang=lang,
        rate_limit=DEMO_RATE_LIMIT,
    )


def http_room(server: LanServer, tables: int) -> HttpRoom:
    return HttpRoom(
        server.signup_url(),
        server.checkout_url(),
        {n: server.table_url(n) for n in range(0, tables + 1)},
    )


def plan_for_meeting(service: MeetingService) -> None:
    """Seat the present people, as the co-hosts do when the first round starts."""
    ensure_plan(service, max(1, service.current_round))


def save_log(service: MeetingService, log: DemoLog) -> Path:
    """What the simulated room sent, beside the meeting, so it can be checked."""
    path = Path(service.folder) / "demo-log.json"  # type: ignore[attr-defined]
    data = {"ideas": log.ideas, "signups": log.signups, "checkout": log.checkout}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def write_report(service: MeetingService, lang: str, out: Path | None = None) -> list[Path]:
    """The working group's report, in the meeting folder's ``out/`` or in ``out``.

    ``out`` is a rehearsal's, outside the copy that is deleted when it ends; the last
    rehearsal's report there is replaced, so no file of an older one is taken for this
    one's.
    """
    from cafe.reports.build import build_report

    if out is None:
        out = Path(service.folder) / "out"  # type: ignore[attr-defined]
    else:
        shutil.rmtree(out, ignore_errors=True)
    return build_report(service, out, lang=lang)


async def run_headless(
    service: MeetingService,
    people: Sequence[SimulatedPerson],
    *,
    speed: float,
    lang: str,
    report_dir: Path | None = None,
) -> int:
    """The whole meeting without a screen; prints each step and the report's files."""
    started = time.perf_counter()
    log = await drive_with_server(service, people, speed=speed, lang=lang, announce=print)
    save_log(service, log)
    paths = write_report(service, lang, report_dir)
    print(t("demo.report"))
    for path in paths:
        print(f"  {path}")
    print(t("demo.done", seconds=number(time.perf_counter() - started, 1)))
    return 0


async def drive_with_server(
    service: MeetingService,
    people: Sequence[SimulatedPerson],
    *,
    speed: float,
    lang: str,
    announce=print,
    server: LanServer | None = None,
    paused=None,
) -> DemoLog:
    """Run the script with phones on the real server (started here unless given)."""
    own = server is None
    server = server or demo_server(service, lang)
    if own:
        await server.start()
    announce(t("demo.server", url=server.participant_url()))
    tables = max(8, len(people))
    room = http_room(server, tables)
    try:
        return await run_meeting(
            service,
            people,
            room,
            speed=speed,
            lang=lang,
            announce=announce,
            plan_seating=plan_for_meeting,
            paused=paused,
        )
    finally:
        await room.close()
        if own:
            await server.stop()


def run_with_screen(
    service: MeetingService,
    people: Sequence[SimulatedPerson],
    *,
    speed: float,
    lang: str,
    report_dir: Path | None = None,
) -> int:
    """The demo in the TUI: the script drives, the user watches, pauses or takes over."""
    from cafe.demo.app import DemoApp

    app = DemoApp(service, people, speed=speed, lang=lang, report_dir=report_dir)
    app.run()
    for path in app.report_paths:
        print(path)
    return 0
