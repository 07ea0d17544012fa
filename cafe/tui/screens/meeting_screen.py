"""The main screen on the projector: header, agenda rail, and the current step."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeGuard

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen

from cafe.core import meeting_seating as seating
from cafe.core.agenda import StepKind
from cafe.core.clock import Clock
from cafe.core.errors import CafeError
from cafe.core.service import MeetingService
from cafe.core.timer import format_seconds
from cafe.i18n import t
from cafe.storage.console_settings import read_setting, write_checkout_draft, write_setting
from cafe.tui.bindings import install, set_narrow
from cafe.tui.meeting_clock import meeting_clock, rail_rows
from cafe.tui.messages import (
    MeetingChanged,
    ServerStarted,
    SpeakerToggled,
    ThoughtDraftChanged,
    ThoughtSubmitted,
)
from cafe.tui.notices import SEATING, say
from cafe.tui.widgets.agenda_rail import AgendaRail
from cafe.tui.widgets.key_footer import KeyFooter
from cafe.tui.widgets.meeting_header import MeetingHeader
from cafe.tui.widgets.step_panel import StepPanel
from cafe.tui.widgets.step_view import StepView

if TYPE_CHECKING:
    from cafe.tui.widgets.steps.checkout_step import CheckoutView


def is_checkout(view: StepView | None) -> TypeGuard[CheckoutView]:
    """Whether ``view`` is the check-out's (its module loads with the check-out step)."""
    if view is None or view.step is None or view.step.kind is not StepKind.CHECKOUT:
        return False
    from cafe.tui.widgets.steps.checkout_step import CheckoutView

    return isinstance(view, CheckoutView)


NOTES_SETTING = "notes"
HOSTS_NOTICE_SECONDS = 30
"""Long enough to read; it then stops covering the clock and the seating (Esc sooner).
The hosts stay marked ☆ on the screen, so nothing is lost when it goes."""
SHORT_HEIGHT = 30
"""Fewer lines than this (24 on a mirrored laptop): text steps close up their boxes."""

TICK_SECONDS = 0.25
"""How often the timer is redrawn; the time itself always comes from the clock."""


class MeetingScreen(Screen[None]):
    """What the room sees; the co-hosts drive it with a few keys."""

    CSS_PATH = "meeting_screen.tcss"
    BLANK = True
    """Covered by the header, the body and the footer: drawn as blank lines."""
    SCOPE = "meeting"
    AUTO_FOCUS = ""
    """No field takes the keys by itself: n, p and space must never become typed text
    (a restart at the check-out step used to put "p" into the thought). i focuses it."""

    notes_visible: reactive[bool] = reactive(False)
    """Facilitator notes shown. Hidden until ``h``: the console may be mirrored to the room.
    The choice is kept in the meeting, so a restart keeps it."""

    def __init__(self, service: MeetingService, clock: Clock) -> None:
        notes_shown = read_setting(service, NOTES_SETTING) == "shown"
        # The class goes in with the constructor: added afterwards, even an unmounted
        # screen asks the app to restyle it, which parses every stylesheet once more
        # than the first frame needs (and on a mounted screen, restyles every widget).
        super().__init__(id="meeting", classes="" if notes_shown else "-notes-hidden")
        install(self, "meeting")
        self.service = service
        self.clock = clock
        self.set_reactive(MeetingScreen.notes_visible, notes_shown)
        self._rail_second = -1
        self._synced = -1
        self._resumed = False
        self._size_after_batch: Size | None = None

    def compose(self) -> ComposeResult:
        # Composed with the meeting as it is now, so mounting changes nothing before the
        # first frame (``on_mount`` syncs only if the meeting changed meanwhile).
        meta = self.service.agenda.meta
        now = self.clock.now()
        self._synced = self.service.state.last_seq
        self._rail_second = int(now)
        yield self._header(meta.title, meta.challenge)
        with Horizontal(id="body"):
            rail = AgendaRail(id="rail", classes="-beside-qr" if self._beside_qr() else "")
            rail.set_reactive(AgendaRail.rows, rail_rows(self.service, now))
            rail.set_reactive(AgendaRail.clock, meeting_clock(self.service, now))
            yield rail
            yield StepPanel(self.service, now=now, id="panel")
        yield KeyFooter()

    @staticmethod
    def _header(title: str, challenge: str) -> MeetingHeader:
        header = MeetingHeader()
        header.title = title
        header.challenge = challenge
        return header

    def on_mount(self) -> None:
        if self._synced != self.service.state.last_seq:
            self.sync()
        self.set_interval(TICK_SECONDS, self.tick)

    # -- the first frame: nothing laid out, rendered or restyled twice ---------------
    # Textual (8.2.8, pinned) shows an app's first screen inside a batch of updates
    # (``App.batch_update``) and draws nothing until the batch ends. Laid out and
    # rendered in it, the screen was laid out three times and rendered twice, and the
    # first render was thrown away; with the restyle below, about a tenth of the work
    # before the first frame. tests/tui/test_first_frame_work.py counts each.

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        """Not while the app batches: the screen stays marked, and is laid out once at
        its first idle moment after the batch (when Textual would draw it anyway), for
        the size it was given in the batch (a terminal resized meanwhile)."""
        if self.app._batch_count and self.is_current:
            self._layout_required = True
            self._size_after_batch = size or self._size_after_batch
            return
        size, self._size_after_batch = size or self._size_after_batch, None
        super()._refresh_layout(size, scroll)

    def _compositor_refresh(self) -> None:
        """Not while the app batches: the frame would be rendered and dropped."""
        if self.app._batch_count and self.is_current:
            self._repaint_required = True
            return
        super()._compositor_refresh()

    def post_message(self, message: Message) -> bool:
        """The screen's first resume does not restyle it: every widget on it was styled
        as it mounted, with every stylesheet already read (the app reads the screen's).
        Later resumes restyle as usual (the theme may have changed meanwhile)."""
        if isinstance(message, events.ScreenResume) and not self._resumed:
            self._resumed = True
            message.refresh_styles = False
        return super().post_message(message)

    def on_screen_resume(self) -> None:
        if self._synced != self.service.state.last_seq:
            self.sync()

    def on_resize(self) -> None:
        narrow = self.size.width < 100
        self.set_class(narrow, "-narrow")
        self.set_class(self.size.height < SHORT_HEIGHT, "-short")
        # At 80 columns the footer shows the keys that matter (n, p, space, ?); the rest
        # are under ?. The app's keys (help, quit, the demo's F5/F6) are on the app.
        set_narrow(self, narrow)
        set_narrow(self.app, narrow)
        self.refresh_bindings()
        self.query_one(AgendaRail).narrow = narrow

    @on(ServerStarted)
    def show_addresses(self, message: ServerStarted) -> None:
        self.query_one(StepPanel).phones_url = message.phones_url
        self.query_one(AgendaRail).projector_url = message.projector_url

    @on(MeetingChanged)
    def refresh_meeting(self, message: MeetingChanged) -> None:
        self.sync()

    def sync(self) -> None:
        """Show the stored state: the step, then everything that depends on it."""
        state = self.service.state
        self._synced = state.last_seq
        panel = self.query_one(StepPanel)
        panel.step_index = state.current_step
        panel.revision = state.last_seq
        # Only the rail's look depends on the step (a class on the screen restyled every
        # widget on it at each step, the outgoing view's included).
        self.query_one(AgendaRail).set_class(self._beside_qr(), "-beside-qr")
        self._rail_second = -1
        self.tick()

    def _beside_qr(self) -> bool:
        """The sign-up step's QR code is on the screen (on a small one it needs the room)."""
        step = self.service.current_step
        return step is not None and step.kind is StepKind.SIGNUP

    def tick(self) -> None:
        """Redraw what depends on the time (the clock is read, never counted)."""
        now = self.clock.now()
        self.query_one(StepPanel).now = now
        second = int(now)
        if second != self._rail_second:
            self._rail_second = second
            rail = self.query_one(AgendaRail)
            rail.rows = rail_rows(self.service, now)
            rail.clock = meeting_clock(self.service, now)

    def watch_notes_visible(self, visible: bool) -> None:
        self.set_class(not visible, "-notes-hidden")

    # -- actions -----------------------------------------------------------------

    def _run(self, command: Callable[..., object], *args: object) -> bool:
        """Call the service; a user error becomes a notification, not a crash."""
        try:
            command(*args)
        except CafeError as error:
            self.notify(str(error), severity="warning")
            return False
        return True

    def _entered_step(self) -> None:
        """Seat people when a step needs a seating plan and the plan is missing or stale."""
        step = self.service.current_step
        if step is None:
            return
        try:
            if not seating.seat_for_step(self.service):
                return
            if step.kind is StepKind.CAFE_ROUND:
                say(self.app, t("tui.round.seated", round=step.round or 1), about=SEATING)
            if step.kind is StepKind.PRESENTATION_ROUND or (step.round or 1) == 1:
                self.tell_appointed_hosts()
        except CafeError as error:
            self.notify(str(error), severity="warning")

    def tell_appointed_hosts(self) -> None:
        """Say the planner chose hosts itself, before round 1, so someone briefs them.

        A notification, not a dialog: it must not swallow the next key in a live meeting.
        It names no one: a line per host made it 19 lines at 6 tables, over the clock and
        the seating for a minute and a half. The speaking order, the rotation screen and
        the table cards mark the same people (☆), and Esc hides it.
        """
        appointed = seating.appointed_hosts(self.service)
        if not appointed:
            return
        volunteers = sum(1 for p in self.service.state.present() if p.host)
        tables = self.service.state.seating_plan.table_count()
        lines = [
            t("tui.hosts.why", count=len(appointed), tables=tables, volunteers=volunteers),
            t("tui.hosts.brief"),
            t("tui.hosts.swap"),
            t("tui.hosts.dismiss"),
        ]
        self.notify(
            "\n".join(lines),
            title=t("tui.hosts.title"),
            severity="warning",
            timeout=HOSTS_NOTICE_SECONDS,
            markup=False,
        )

    def action_next_step(self) -> None:
        """Next step; while the step's time is still running, only once asked (one stray
        key showed the room "Byt bord!" with 29 minutes of the round left)."""
        self._ask_while_running("tui.step.next_confirm", self._go_next)

    def _ask_while_running(self, question_key: str, go: Callable[[], None]) -> None:
        """``go`` at once, or, while the step's time runs, once the co-host says yes, and
        only if the step is still the one asked about: the console moved on while the
        question was open, and "Ja" then moved the meeting again, past round 1."""
        timer = self.service.timer()
        left = timer.remaining(self.clock.now()) if timer is not None and timer.running else 0
        if left <= 0:
            go()
            return
        step = self.service.current_step
        asked = self.service.state.current_step
        question = t(question_key, title=step.title if step else "", left=format_seconds(left))

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            if self.service.state.current_step != asked:
                now = self.service.current_step
                title = now.title if now else ""
                number = self.service.state.current_step + 1
                self.notify(t("tui.step.moved_while_asked", number=number, title=title))
                return
            go()

        from cafe.tui.screens.confirm_modal import ConfirmModal  # loaded when first asked

        self.app.push_screen(ConfirmModal(question), answered)

    def _go_next(self, *, skip: bool = False) -> None:
        before = self.service.state.current_step
        if not self._run(self.service.skip_step if skip else self.service.next_step):
            return  # the store refused (disk full, read-only): that message is shown
        if self.service.state.current_step == before:
            self.notify(t("tui.step.last"))
            return
        self._entered_step()

    def action_previous_step(self) -> None:
        """The step before; asked first while this step's time runs (p took the round's
        question and tables off the projector mid-conversation)."""
        self._ask_while_running(
            "tui.step.previous_confirm", lambda: self._run(self.service.previous_step)
        )

    def action_skip(self) -> None:
        """End the step now (its timer stops where it is) and go to the next one; a step
        whose time never ran is recorded as skipped."""
        self._go_next(skip=True)  # "s" says it: no question

    def action_timer_toggle(self) -> None:
        if self.service.state.current_step < 0:
            self.notify(t("tui.timer.not_started"), severity="warning")
            return
        if self.service.timer() is None:
            self.notify(t("tui.timer.untimed"), severity="warning")
            return
        self._run(self.service.timer_toggle)

    def action_timer_adjust(self, seconds: int) -> None:
        if self.service.timer() is None:
            self.notify(t("tui.timer.untimed"), severity="warning")
            return
        self._run(self.service.timer_adjust, seconds)

    def action_toggle_notes(self) -> None:
        self.notes_visible = not self.notes_visible
        try:
            write_setting(self.service, NOTES_SETTING, "shown" if self.notes_visible else "hidden")
        except CafeError as error:  # a full or read-only disk: the choice still holds for now
            self.notify(str(error), severity="warning")
        self.notify(t("tui.notes.shown" if self.notes_visible else "tui.notes.hidden"))

    def action_replan(self) -> None:
        """Re-seat from the current round on (late arrivals, people who left)."""
        round_number = seating.reseat_round(self.service)
        if not seating.rounds_left_to_seat(self.service):
            self.notify(t("tui.round.all_held"), severity="warning")
            return
        if not self.service.state.present():
            self.notify(t("tui.round.nobody"), severity="warning")
            return
        before = self.service.state.seating_plan
        if self._run(seating.plan_now, self.service, round_number):
            after = self.service.state.seating_plan
            replanned = "tui.round.replanned_circle" if after.is_circle else "tui.round.replanned"
            message = t(replanned, round=round_number)
            changed = seating.host_changes(before, after, round_number)
            if changed:  # a host left, or the tables changed: their cards are wrong now
                numbers = ", ".join(str(no) for no in changed)
                message += "\n" + t("tui.round.hosts_changed", count=len(changed), tables=numbers)
            say(self.app, message, about=SEATING, severity="warning" if changed else "information")
            if round_number == 1:
                self.tell_appointed_hosts()

    def action_next_speaker(self) -> None:
        from cafe.tui.widgets.steps.presentation_step import PresentationView

        view = self.query_one(StepPanel).view
        if not isinstance(view, PresentationView):
            self.notify(t("tui.presentation.not_now"), severity="warning")
            return
        speaker = view.next_speaker()
        if speaker is not None:
            self._run(self.service.mark_spoken, speaker, True)

    def action_input(self) -> None:
        view = self.query_one(StepPanel).view
        if is_checkout(view):
            view.focus_entry()
        else:
            self.app.switch_mode("capture")

    def action_leave_field(self) -> None:
        """Esc: the keys go back to the meeting (n, p, space ...), and the notices go.

        A notice could not be closed: the hosts' one sat on the clock and the seating for
        a minute and a half, then over the add-participant dialog's fields."""
        self.set_focus(None)
        self.app.clear_notifications()

    def action_manual_signup(self) -> None:
        from cafe.tui.screens.signup_modal import SignupModal  # loaded when first asked for

        themes = [(th.id, th.name) for th in self.service.state.open_themes()]
        self.app.push_screen(SignupModal(themes, self.service.sign_up))

    # -- messages from the step views ---------------------------------------------------

    @on(SpeakerToggled)
    def mark_speaker(self, message: SpeakerToggled) -> None:
        self._run(self.service.mark_spoken, message.participant_id, message.spoken)

    @on(ThoughtSubmitted)
    def store_thought(self, message: ThoughtSubmitted) -> None:
        view = self.query_one(StepPanel).view
        stored = self._run(lambda: self.service.note_checkout(message.text, author=message.author))
        if is_checkout(view):
            if stored:
                view.stored()
            else:
                view.refused(message.text)

    @on(ThoughtDraftChanged)
    def keep_thought_draft(self, message: ThoughtDraftChanged) -> None:
        write_checkout_draft(self.service, message.text, message.author)

    def drafts(self) -> list[tuple[str, str]]:
        """Typed but unsaved check-out thoughts (the app stores them on quit)."""
        view = self.query_one(StepPanel).view
        if is_checkout(view):
            text, author = view.draft()
            if text.strip():
                return [(text, author)]
        return []
