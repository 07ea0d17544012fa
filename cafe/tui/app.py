"""CafeApp: wiring only. Screens, bindings, commands, themes and the LAN server's lifecycle.

Four modes, each a screen with its own state: the meeting (what the room sees), the door
(check-in), capture (ideas after a round) and the idea board. Every change goes through
the ``MeetingService``; the app turns the service's notifications into ``MeetingChanged``
messages for the screens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, ClassVar, Protocol

from textual.app import App
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from cafe.collector import resume_collection
from cafe.core.clock import Clock
from cafe.core.errors import CafeError
from cafe.core.events import Event, EventKind
from cafe.core.participants import PersonInput
from cafe.core.service import MeetingService
from cafe.core.timer import format_seconds
from cafe.i18n import set_language, t
from cafe.storage.console_settings import read_capture_draft, write_checkout_draft
from cafe.tui.bindings import install
from cafe.tui.commands import CafeCommands
from cafe.tui.messages import MeetingChanged, ServerStarted
from cafe.tui.notices import say
from cafe.tui.screens.meeting_screen import MeetingScreen
from cafe.tui.themes import CAFE, HIGH_CONTRAST, THEMES

log = logging.getLogger(__name__)

MODES = ("meeting", "door", "capture", "board", "moderation")
RESUMED_NOTICE_SECONDS = 12
"""Long enough to read after a restart in a hurry; it covers nothing the co-hosts need."""


def _open_in_browser(url: str) -> bool:
    import webbrowser  # only when asked: it looks for browsers as it loads

    return webbrowser.open(url)


class PhoneServer(Protocol):
    """What the app needs of the LAN server (``cafe.web.server.LanServer``)."""

    async def start(self) -> None: ...
    async def stop(self) -> None: ...
    def participant_url(self) -> str: ...
    def screen_url(self) -> str: ...
    def cohost_url(self) -> str: ...
    def address_warning(self) -> str | None: ...


class CafeApp(App[None]):
    """The live meeting on the facilitator's laptop, mirrored to the projector."""

    CSS_PATH: ClassVar[list[str]] = ["app.tcss", "screens/meeting_screen.tcss"]
    """The meeting screen's styles too: read with the app's, they are parsed once at start
    instead of again (with every style so far) when the first screen is shown."""
    COMMANDS: ClassVar[set[Any]] = {CafeCommands}
    DEFAULT_MODE: ClassVar[str] = "meeting"
    """The meeting screen is the first screen: no blank default screen is built and
    restyled before it (switching to it at mount cost the first frame about 0.1 s)."""

    def __init__(
        self,
        service: MeetingService,
        *,
        clock: Clock | None = None,
        server: PhoneServer | None = None,
        server_factory: Callable[[], PhoneServer] | None = None,
        lang: str | None = None,
    ) -> None:
        """``server`` is started before the first frame; ``server_factory`` (what
        ``cafe run`` passes) builds and starts one just after it, so loading aiohttp, Jinja
        and the page templates (about 0.4 s) does not keep the agenda off the projector."""
        self.lang = set_language(lang or service.agenda.meta.language)
        super().__init__()
        install(self, "app")
        self.service = service
        self.clock: Clock = clock or service.clock
        self.server = server
        self._server_factory = server_factory
        self.server_running = False
        self.phones_url = ""
        """The participants' address once the LAN server runs ("" otherwise)."""
        self.projector_url = ""
        """The projector page's address once the LAN server runs ("" otherwise)."""
        self.open_url: Callable[[str], object] = _open_in_browser
        """Opens an address in this laptop's browser (tests record the call instead)."""
        self.title = service.agenda.meta.title
        for theme in THEMES:
            self.register_theme(theme)
        self._start_in(HIGH_CONTRAST if service.state.high_contrast else CAFE)
        self._unsubscribe = service.subscribe(self._announce)
        self.add_mode("meeting", self._meeting)
        self.add_mode("door", self._door)
        self.add_mode("capture", self._capture)
        self.add_mode("board", self._board)
        self.add_mode("moderation", self._moderation)

    def _start_in(self, theme: Theme) -> None:
        """Start in ``theme`` without Textual's theme watcher: before the first frame it
        re-reads every stylesheet and restyles every widget once more. Nothing is parsed
        yet, so setting the variables is all it takes; switching themes later (key c)
        goes through the watcher as usual. The ANSI colour filter Textual built for its
        default theme fits only a theme as dark."""
        if theme.dark != self.current_theme.dark:
            self.theme = theme.name
            return
        self.set_reactive(App.theme, theme.name)
        self.stylesheet.set_variables(self.get_css_variables())
        self.set_class(True, f"-theme-{theme.name}", update=False)
        self.set_class(theme.dark, "-dark-mode", update=False)
        self.set_class(not theme.dark, "-light-mode", update=False)

    def _meeting(self) -> MeetingScreen:
        screen = MeetingScreen(self.service, self.clock)
        # Textual (8.2.8, pinned) re-reads every stylesheet and restyles the app when a
        # mode's screen is first shown, unless the screen has seen the app's latest CSS.
        # Nothing has changed the CSS since the app read it (its theme goes in without the
        # watcher, see _start_in): that was two more parses of every stylesheet, about
        # 20 ms, before the first frame.
        screen._css_update_count = self._css_update_count
        return screen

    # The other modes and the modals are imported when first shown: the meeting screen
    # is all the first frame needs, and the rest cost about 40 ms to import.

    def _door(self) -> Screen[Any]:
        from cafe.tui.screens.checkin_screen import CheckinScreen

        return CheckinScreen(self.service)

    def _capture(self) -> Screen[Any]:
        from cafe.tui.screens.capture_screen import CaptureScreen

        return CaptureScreen(self.service)

    def _board(self) -> Screen[Any]:
        from cafe.tui.screens.board_screen import BoardScreen

        return BoardScreen(self.service)

    def _moderation(self) -> Screen[Any]:
        from cafe.tui.screens.moderation_screen import ModerationScreen

        return ModerationScreen(self.service)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast is plain text, whatever the caller asks: toasts quote names, ideas
        and errors people typed, and Textual markup in them (``[/]``) would crash the app
        or (``[@click=app.quit]``) run an action when clicked."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    # -- lifecycle --------------------------------------------------------------------

    async def on_mount(self) -> None:
        self.call_after_refresh(resume_collection)  # paused since the process started
        self._say_where_the_meeting_is()
        if self.server is not None:
            await self._start_server()
        elif self._server_factory is not None:
            self.call_after_refresh(self._start_server_after_first_frame)

    def _say_where_the_meeting_is(self) -> None:
        """Opened on a meeting under way (after a crash or a flat battery), the console
        showed the step without a word: one line says where it goes on, with the time
        left, and that nothing stored was lost."""
        step = self.service.current_step
        if step is None:
            return
        timer = self.service.timer()
        left = ""
        if timer is not None and timer.started:
            left = t("tui.resumed_left", left=format_seconds(timer.remaining(self.clock.now())))
        number = self.service.state.current_step + 1
        self.notify(
            t("tui.resumed", number=number, title=step.title, left=left),
            timeout=RESUMED_NOTICE_SECONDS,
            markup=False,
        )
        if read_capture_draft(self.service) is not None:  # else it waits there unseen
            self.notify(t("tui.capture.draft_waiting"), timeout=RESUMED_NOTICE_SECONDS)

    async def _start_server_after_first_frame(self) -> None:
        if self._server_factory is not None and self.server is None:
            self.server = self._server_factory()
            await self._start_server()

    async def on_unmount(self) -> None:
        self._unsubscribe()
        if self.server is not None and self.server_running:
            try:
                await self.server.stop()
            except OSError:
                log.exception("stopping the LAN server")
            self.server_running = False

    async def _start_server(self) -> None:
        """Start the phones' server; a busy port is a notification, never a crash."""
        if self.server is None:
            return
        try:
            await self.server.start()
        except OSError as error:
            log.warning("LAN server did not start: %s", error)
            self.notify(
                t("tui.server.failed", error=error.strerror or str(error)),
                severity="error",
                timeout=20,
            )
            return
        self.server_running = True
        self.phones_url = self.server.participant_url()
        self.projector_url = self.server.screen_url()
        warning = self.server.address_warning()
        if warning:  # the printed cards point elsewhere: say so before anyone scans them
            self.notify(warning, severity="warning", timeout=30, markup=False)
        log.info("LAN server at %s", self.phones_url.split("/m/")[0])  # never the token
        for screen in self.screen_stack:
            screen.post_message(ServerStarted(self.phones_url, self.projector_url))

    def _announce(self, events: list[Event]) -> None:
        """The service committed ``events``: every screen of the current mode re-reads."""
        for screen in self.screen_stack:
            screen.post_message(MeetingChanged(events))
        self._tell_step_moved_by_cohost(events)
        self._tell_timer_by_cohost(events)
        self._tell_late_ideas(events)

    def _tell_timer_by_cohost(self, events: list[Event]) -> None:
        """The clock started, paused or given a minute from the co-host's phone: the
        laptop's clock changed without a word (audit Q). One notice, the latest."""
        said = {
            EventKind.TIMER_STARTED: "started",
            EventKind.TIMER_RESUMED: "resumed",
            EventKind.TIMER_PAUSED: "paused",
        }
        for event in reversed(events):
            if event.data.get("by") != "console":
                continue
            if event.kind is EventKind.TIMER_ADJUSTED:
                minutes = round(float(event.data["seconds"]) / 60)
                key = "plus" if minutes > 0 else "minus"
                text = t(f"tui.cohost.timer_{key}", count=abs(minutes))
            elif event.kind in said:
                text = t(f"tui.cohost.timer_{said[event.kind]}")
            else:
                continue
            say(self, text, about="cohost-timer")
            return

    def _tell_step_moved_by_cohost(self, events: list[Event]) -> None:
        """A step changed from the co-host's phone: the screen changed under whoever is at
        the keyboard (typing ideas, say) without a word; now it says so."""
        moved = [
            e for e in events if e.kind is EventKind.STEP_STARTED and e.data.get("by") == "console"
        ]
        if not moved:
            return
        index = int(moved[-1].data["index"])
        steps = self.service.agenda.steps
        if 0 <= index < len(steps):
            self.notify(
                t("tui.cohost.moved", number=index + 1, title=steps[index].title), markup=False
            )

    def _tell_late_ideas(self, events: list[Event]) -> None:
        """A table's phone sent into a round already over (its page was open since then):
        the capture screen shows only the round under way, so the ideas came in unseen."""
        now = self.service.capture_round
        late: dict[tuple[int, int], int] = {}
        for event in events:
            if event.kind is not EventKind.IDEA_CAPTURED or event.data.get("source") != "web":
                continue
            table, round_number = int(event.data.get("table", 0)), int(event.data["round"])
            if table and 0 < round_number < now:
                late[table, round_number] = late.get((table, round_number), 0) + 1
        for (table, round_number), count in sorted(late.items()):
            self.notify(
                t("tui.capture.late_ideas", table=table, round=round_number, count=count),
                timeout=15,
                markup=False,
            )

    # -- actions ------------------------------------------------------------------------

    def action_show(self, mode: str) -> None:
        """Switch to one of the modes (``meeting``, ``door``, ``capture``, ``board``)."""
        if mode in MODES:
            self.switch_mode(mode)

    def action_help(self) -> None:
        from cafe.tui.screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_projector(self) -> None:
        """The projector page's address and QR code; ``o`` opens it in this laptop's browser."""
        from cafe.tui.screens.projector_modal import ProjectorModal

        if not isinstance(self.screen, ProjectorModal):
            self.push_screen(ProjectorModal(self.projector_url, self.open_url))

    def action_cohost(self) -> None:
        """The co-host console's address and QR code, on this screen only (``F4``)."""
        from cafe.tui.screens.cohost_modal import CohostModal

        if isinstance(self.screen, CohostModal):
            return
        url = ""
        if self.server is not None and self.server_running:
            try:
                url = self.server.cohost_url()
            except CafeError as error:  # the store refused to make the token
                self.notify(str(error), severity="error", markup=False)
                return
        self.push_screen(CohostModal(url))

    def action_where(self) -> None:
        from cafe.tui.screens.where_modal import WhereModal

        if not isinstance(self.screen, WhereModal):
            self.push_screen(WhereModal(self.service))

    def action_add_person(self) -> None:
        from cafe.tui.screens.person_modal import PersonModal, arrival_note

        def add(person: PersonInput, allow_duplicate: bool) -> None:
            added = self.service.add_participant(person, allow_duplicate=allow_duplicate)
            self.notify(arrival_note(self.service, added.id, added=True) or "")

        self.push_screen(PersonModal(add))

    def action_toggle_contrast(self) -> None:
        """High contrast here and on the projector page ("for projectors" means the wall),
        kept with the meeting: the hall and its projector are the same after a restart."""
        on = not self.service.state.high_contrast
        try:
            self.service.set_high_contrast(on)
        except CafeError as error:  # a full or read-only disk: nothing changed
            self.notify(str(error), severity="error", markup=False)
            return
        self.theme = HIGH_CONTRAST.name if on else CAFE.name

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(placeholder=t("tui.palette.placeholder"), id="--command-palette")
            )

    CONFIRM_QUIT: ClassVar[bool] = True
    """Ask before leaving a meeting under way (the demo's room is simulated: it does not)."""

    async def action_quit(self) -> None:
        """Store anything typed but not yet entered, then leave (the log has the rest).

        Mid-meeting Ctrl+Q asks first: it stops the phones' pages and the projector's feed,
        and sits beside Ctrl+P. A second Ctrl+Q is the answer yes."""
        from cafe.tui.screens.confirm_modal import QuitModal  # after the first frame

        if isinstance(self.screen, QuitModal):  # asked already: this is the yes
            self.screen.dismiss(True)
            return
        steps = len(self.service.agenda.steps)
        if self.CONFIRM_QUIT and 0 <= self.service.state.current_step < steps - 1:
            self.push_screen(QuitModal(t("tui.quit_confirm")), self._quit_answered)
            return
        self._leave()

    def _quit_answered(self, leave: bool | None) -> None:
        if leave:
            self._leave()

    def _leave(self) -> None:
        self.save_drafts()
        self.exit()

    def save_drafts(self) -> None:
        """An idea or thought typed but not entered is kept, not dropped, on quit."""
        from cafe.tui.screens.capture_screen import CaptureScreen

        for screen in self._all_screens():
            try:
                if isinstance(screen, CaptureScreen):
                    if draft := screen.draft():
                        self.service.capture_idea(draft[0], table=draft[1])
                    screen.forget_draft()  # stored, or nothing worth keeping
                elif isinstance(screen, MeetingScreen):
                    for text, author in screen.drafts():
                        self.service.note_checkout(text, author=author)
                    write_checkout_draft(self.service, "", "")  # stored, or nothing typed
            except CafeError:
                log.exception("draft not stored")

    def _all_screens(self) -> list[Any]:
        screens = []
        for mode in MODES:
            stack = self.get_screen_stack(mode) if mode in self._screen_stacks else []
            screens.extend(stack[:1])
        return screens
