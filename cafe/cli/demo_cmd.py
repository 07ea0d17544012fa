"""`cafe demo` and `cafe rehearse`: a whole meeting on an accelerated clock."""

from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from cafe.cli import add_lang_option
from cafe.cli.common import say
from cafe.collector import resume_collection
from cafe.core.clock import ScaledClock, today_at
from cafe.core.errors import CafeError
from cafe.i18n import set_language, t

if TYPE_CHECKING:
    from cafe.core.service import MeetingService

DEFAULT_SPEED = 60.0
"""A 20-minute round in 20 seconds."""


def rehearsal_clock(service: MeetingService, speed: float, now: float) -> ScaledClock:
    """A fast clock that starts when the meeting does, if that is still to come today.

    Rehearsed in the afternoon for an evening meeting, the rail's times are the evening's
    (planned end 21:00, projected 20:55), not the afternoon's.
    """
    starts = today_at(service.agenda.meta.start, now)
    if starts is not None and starts > now and not service.state.visits:
        return ScaledClock(speed, origin=starts)
    return ScaledClock(speed, origin=now)


def register(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser("demo", help=t("demo.cli.help"), description=t("demo.cli.description"))
    demo.add_argument("--speed", type=float, default=DEFAULT_SPEED, help=t("demo.cli.speed"))
    demo.add_argument("--people", type=int, default=30, help=t("demo.cli.people"))
    demo.add_argument("--dir", type=Path, default=None, help=t("demo.cli.dir"))
    demo.add_argument("--headless", action="store_true", help=t("demo.cli.headless"))
    add_lang_option(demo)
    demo.set_defaults(handler=run_demo, console=True)

    rehearse = sub.add_parser(
        "rehearse", help=t("demo.cli.rehearse_help"), description=t("demo.cli.rehearse_description")
    )
    rehearse.add_argument("folder", metavar="DIR", type=Path, help=t("cli.folder_help"))
    rehearse.add_argument("--speed", type=float, default=DEFAULT_SPEED, help=t("demo.cli.speed"))
    rehearse.add_argument("--people", type=int, default=30, help=t("demo.cli.people"))
    rehearse.add_argument("--headless", action="store_true", help=t("demo.cli.headless"))
    add_lang_option(rehearse)
    rehearse.set_defaults(handler=run_rehearse, console=True)


def _check(args: argparse.Namespace) -> None:
    if args.speed <= 0 or args.speed > 100_000:
        raise CafeError(t("demo.cli.bad_speed", value=args.speed))
    if not 1 <= args.people <= 2000:
        raise CafeError(t("demo.cli.bad_people", value=args.people))


def _fresh_folder(requested: Path | None) -> Path:
    if requested is not None:
        return requested
    return Path(tempfile.mkdtemp(prefix="cafe-demo-")) / "demo"


def run_demo(args: argparse.Namespace) -> int:
    from cafe.demo.session import run_headless, run_with_screen
    from cafe.demo.setup import create_demo_meeting

    if args.headless:
        resume_collection()  # no console will: the meeting runs here on
    _check(args)
    lang = args.lang or "sv"
    set_language(lang)
    folder = _fresh_folder(args.dir)
    clock = ScaledClock(args.speed)
    service, people = create_demo_meeting(folder, people=args.people, lang=lang, clock=clock)
    say(t("demo.created", path=folder, people=len(people)))
    if args.headless:
        return asyncio.run(run_headless(service, people, speed=args.speed, lang=lang))
    return run_with_screen(service, people, speed=args.speed, lang=lang)


def run_rehearse(args: argparse.Namespace) -> int:
    """Rehearse on a copy: the real meeting is never touched; only the rehearsal's report
    is kept beside it, in ``rehearsal-report/``, since the copy is deleted."""
    from cafe.core.agenda import load_agenda
    from cafe.demo.people import simulated_people
    from cafe.demo.session import run_headless, run_with_screen
    from cafe.storage.folder import AGENDA_FILE, REHEARSAL_PREFIX, REHEARSAL_REPORT, open_meeting
    from cafe.storage.printed_address import forget_printed_base

    if args.headless:
        resume_collection()  # no console will: the rehearsal runs here on
    _check(args)
    if not (args.folder / "meeting.db").is_file():
        raise CafeError(f"{args.folder}: {t('store.missing')}")
    # Checked here, not in the copy: its problems named the copy's agenda.toml, a file
    # deleted by the time they were read, instead of the one to fix.
    load_agenda(args.folder / AGENDA_FILE).filled()
    report_dir = args.folder / REHEARSAL_REPORT
    copy = Path(tempfile.mkdtemp(prefix=REHEARSAL_PREFIX)) / args.folder.name
    try:  # the copy holds every name of the real meeting: it goes when the rehearsal does
        shutil.copytree(
            args.folder,
            copy,
            ignore=shutil.ignore_patterns("out", REHEARSAL_REPORT, "*.log", "server.json"),
        )
        service = open_meeting(copy, clock=ScaledClock(args.speed))
        service.clock = rehearsal_clock(service, args.speed, time.time())
        try:
            forget_printed_base(service)
            lang = args.lang or service.agenda.meta.language
            set_language(lang)
            missing = max(0, args.people - len(service.state.present()))
            crowd = simulated_people(missing, seed=99)
            if crowd:
                service.add_participants([p.person for p in crowd])
            say(
                t(
                    "demo.rehearsal",
                    path=copy,
                    original=args.folder,
                    people=len(crowd),
                    report=report_dir,
                )
            )
            if args.headless:
                return asyncio.run(
                    run_headless(service, crowd, speed=args.speed, lang=lang, report_dir=report_dir)
                )
            return run_with_screen(
                service, crowd, speed=args.speed, lang=lang, report_dir=report_dir
            )
        finally:
            service.log.close()  # type: ignore[attr-defined]
    finally:
        shutil.rmtree(copy.parent, ignore_errors=True)
        say(t("demo.rehearsal_deleted", path=copy))
        if report_dir.is_dir():
            say(t("demo.rehearsal_report_kept", path=report_dir))
