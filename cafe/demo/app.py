"""The demo on screen: the real TUI, with the simulated room driving it.

The script runs as a worker inside the app's event loop, beside the LAN server, so the
screens update exactly as they would in a real meeting. F5 pauses the simulation (and
the round's timer); F6 hands the keys to the user for good: the meeting stays where it
is and the co-hosts finish it themselves.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from cafe.core.service import MeetingService
from cafe.demo.people import SimulatedPerson
from cafe.demo.session import demo_server, drive_with_server, save_log, write_report
from cafe.i18n import t
from cafe.tui import app as tui_app
from cafe.tui.app import CafeApp
from cafe.tui.bindings import install
from cafe.tui.widgets.steps.closing_step import ClosingView


class DemoApp(CafeApp):
    """``CafeApp`` plus the simulated room."""

    CSS_PATH: ClassVar[list[str]] = [
        str(Path(tui_app.__file__).parent / path) for path in CafeApp.CSS_PATH
    ]
    """Textual resolves a relative path against the subclass's module: point at the TUI's."""
    CONFIRM_QUIT: ClassVar[bool] = False

    WRITES_REPORT = True
    """The closing step points at the report this app writes, not at `cafe report`."""

    def __init__(
        self,
        service: MeetingService,
        people: Sequence[SimulatedPerson],
        *,
        speed: float,
        lang: str,
        report_dir: Path | None = None,
    ) -> None:
        super().__init__(service, server=demo_server(service, lang), lang=lang)
        self.report_dir = report_dir
        """Where the report goes (a rehearsal's, outside its copy), else the folder's ``out/``."""
        self.people = list(people)
        self.speed = speed
        self.running_script = asyncio.Event()
        """Set while the simulation may go on; cleared by a pause."""
        self.running_script.set()
        self.report_paths: list[Path] = []
        """The report's files, once the simulated meeting is over and it is written."""
        install(self, "demo")

    async def _start_server(self) -> None:
        """The simulated phones need the server's real port: start the room after it."""
        await super()._start_server()
        self.run_worker(self._drive(), name="demo", group="demo", exclusive=True)

    async def _drive(self) -> None:
        log = await drive_with_server(
            self.service,
            self.people,
            speed=self.speed,
            lang=self.lang,
            announce=lambda _text: None,
            server=self.server,  # type: ignore[arg-type]
            paused=self.running_script,
        )
        stop_clock = getattr(self.service.clock, "stop", None)
        if stop_clock is not None:
            stop_clock()  # the last step is over: its minutes no longer run on
        save_log(self.service, log)
        self.report_paths = write_report(self.service, self.lang, self.report_dir)
        for view in self.screen.query(ClosingView):
            if view.is_mounted:  # one still mounting shows the report in its own on_mount
                view.refresh_view()
        self.notify(t("demo.report_ready", path=self.report_paths[0].parent), timeout=30)

    def action_demo_pause(self) -> None:
        """Pause or resume the simulated room and the current timer."""
        if self.running_script.is_set():
            self.running_script.clear()
            self.service.timer_pause()
            self.notify(t("demo.paused"))
        else:
            self.running_script.set()
            self.service.timer_start()
            self.notify(t("demo.resumed"))

    def action_demo_take_over(self) -> None:
        """Stop the simulation; the co-hosts have the keys from here on."""
        self.workers.cancel_group(self, "demo")
        self.running_script.set()
        self.notify(t("demo.taken_over"))
