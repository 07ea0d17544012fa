"""The base of every step's view: it re-reads the meeting when its parent says so."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.reactive import reactive

from cafe.core.agenda import Step
from cafe.core.service import MeetingService
from cafe.core.timer import TimerPhase
from cafe.tui.widgets.round_timer import RoundTimer


class StepView(VerticalScroll):
    """What the room sees during one step; subclasses fill ``refresh_view``.

    The view holds the service to *read* the state; every change goes up as a message
    to the screen, which calls the service.
    """

    DEFAULT_CSS = """
    StepView { height: 1fr; }
    """
    BLANK = True
    """Only its background shows around its parts: drawn as blank lines."""

    can_focus = False
    """The room's view takes no keys (a focused view would swallow them when swapped)."""

    revision: reactive[int] = reactive(0)
    """The meeting's last event number; a change means "read the state again"."""
    now: reactive[float] = reactive(0.0)
    """The clock's time, set by the screen a few times a second (never counted here)."""
    phones_url: reactive[str] = reactive("")
    """The participants' sign-up address, or "" when phones are off."""

    def __init__(self, service: MeetingService, index: int) -> None:
        super().__init__(classes="step-view")
        self.service = service
        self.index = index
        self.step: Step | None = service.agenda.steps[index] if index >= 0 else None

    def on_mount(self) -> None:
        self.refresh_view()
        self.watch_now(self.now)

    def watch_revision(self) -> None:
        if self.is_mounted:
            self.refresh_view()
            self.watch_now(self.now)

    def watch_now(self, now: float) -> None:
        if not self.is_mounted:
            return
        self.update_timers(now)
        self.on_time(now)

    def refresh_view(self) -> None:
        """Show the current state (called on mount and after every change)."""

    def on_time(self, now: float) -> None:
        """Update what depends on the time alone (soft timers)."""

    def update_timers(self, now: float) -> None:
        """Feed this step's timer into every ``RoundTimer`` in the view."""
        phase, remaining = self.timer_reading(now)
        for widget in self.query(RoundTimer):
            widget.step = self.index
            widget.phase = phase
            widget.remaining = remaining

    def timer_reading(self, now: float) -> tuple[TimerPhase, float]:
        """This step's timer at ``now``: its phase and the seconds left."""
        timer = self.service.timer(self.index)
        if timer is None:
            return TimerPhase.IDLE, (self.step.minutes * 60.0) if self.step else 0.0
        return timer.phase(now), timer.remaining(now)

    def round_timer(self) -> RoundTimer:
        """The step's timer, composed with the reading of ``now`` (its first frame's)."""
        phase, remaining = self.timer_reading(self.now)
        return RoundTimer(step=self.index, phase=phase, remaining=remaining, classes="step-timer")

    @property
    def timed(self) -> bool:
        return bool(self.step and self.step.minutes > 0)
