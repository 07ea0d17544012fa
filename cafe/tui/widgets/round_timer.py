"""The round timer in large digits, readable from the back of the room."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Digits, Label

from cafe.core.timer import WARNING_SECONDS, TimerPhase, format_seconds
from cafe.i18n import t


class RoundTimer(Widget):
    """Digits plus a one-word state; the phase becomes a CSS class the theme colours.

    The parent sets ``remaining`` and ``phase`` from ``Timer.remaining(clock.now())``;
    this widget never counts. It rings the bell once when the time left crosses 2:00
    and 0:00 while it runs (not when a restart finds it already past them).
    """

    DEFAULT_CSS = """
    RoundTimer {
        height: auto;
        width: auto;
        layout: vertical;
    }
    RoundTimer > Digits { width: auto; }
    RoundTimer > Label { width: 100%; content-align: center middle; }
    """

    step: reactive[int] = reactive(-1)
    """The agenda step the timer belongs to; a change is not a crossing."""
    remaining: reactive[float] = reactive(0.0)
    """Seconds left (negative in overtime)."""
    phase: reactive[TimerPhase] = reactive(TimerPhase.IDLE)
    """Idle, running, paused, warning (≤ 2 min) or overtime."""

    def __init__(
        self,
        *,
        step: int = -1,
        phase: TimerPhase = TimerPhase.IDLE,
        remaining: float = 0.0,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """The reading it starts with is what its first frame shows: set after it
        mounted, it was a restyle and a second layout before that frame."""
        super().__init__(id=id, classes=f"{classes or ''} -{phase.value}".strip())
        self.set_reactive(RoundTimer.step, step)
        self.set_reactive(RoundTimer.phase, phase)
        self.set_reactive(RoundTimer.remaining, remaining)
        self._last: tuple[int, float] | None = (step, remaining) if step >= 0 else None
        self.bells = 0
        """Bells rung so far (tests read it; the terminal cannot be asked)."""

    def compose(self) -> ComposeResult:
        yield Digits(format_seconds(self.remaining), id="timer-digits")
        yield Label(t(f"tui.timer.phase.{self.phase.value}"), id="timer-state")

    def watch_remaining(self, remaining: float) -> None:
        if self.is_mounted:
            self.query_one(Digits).update(format_seconds(remaining))
        self._maybe_ring(remaining)

    def watch_phase(self, phase: TimerPhase) -> None:
        if self.is_mounted:
            self._show_phase(phase)

    def _show_phase(self, phase: TimerPhase) -> None:
        # One restyle per change of phase; set one at a time, the classes restyled the
        # timer twice (the old class off, the new one on), the first frame included.
        wanted = f"-{phase.value}"
        stale = [f"-{each.value}" for each in TimerPhase if each is not phase]
        stale = [name for name in stale if self.has_class(name)]
        if stale or not self.has_class(wanted):
            self.remove_class(*stale, update=False)
            self.add_class(wanted, update=False)
            self.update_node_styles(animate=False)
        self.query_one("#timer-state", Label).update(t(f"tui.timer.phase.{phase.value}"))

    def _maybe_ring(self, remaining: float) -> None:
        last = self._last
        self._last = (self.step, remaining)
        if last is None or last[0] != self.step:
            return
        if self.phase not in (TimerPhase.RUNNING, TimerPhase.WARNING, TimerPhase.OVERTIME):
            return
        before = last[1]
        if before > WARNING_SECONDS >= remaining or before > 0 >= remaining:
            self.bells += 1
            self.app.bell()
