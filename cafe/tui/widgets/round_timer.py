"""The round timer in large digits, readable from the back of the room."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.containers import Lines
from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.renderables.digits import Digits
from textual.widget import Widget

from cafe.core.timer import WARNING_SECONDS, TimerPhase, format_seconds
from cafe.i18n import t


class RoundTimer(Widget):
    """Large digits over a one-word state, centred; the phase becomes a CSS class the
    theme colours. One widget draws both (they were a ``Digits`` and a ``Label`` in a
    container: three widgets to mount, style and render before the first frame).

    The parent sets ``remaining`` and ``phase`` from ``Timer.remaining(clock.now())``;
    this widget never counts. It rings the bell once when the time left crosses 2:00
    and 0:00 while it runs (not when a restart finds it already past them).
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"round-timer--state"}
    DEFAULT_CSS = """
    RoundTimer { height: auto; width: auto; }
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

    @property
    def digits(self) -> str:
        """The time left as the digits draw it (``-1:05``)."""
        return format_seconds(self.remaining)

    def _state(self) -> str:
        return t(f"tui.timer.phase.{self.phase.value}")

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return Digits.get_width(self.digits)  # the state's words wrap within the digits

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 3 + len(self._state_lines(width))

    def _state_lines(self, width: int) -> Lines:
        return Text(self._state()).wrap(self.app.console, max(1, width))

    def render(self) -> Text:
        width = self.size.width
        style = self.rich_style
        timer = Text(end="")
        rows = [piece.text for piece in Digits(self.digits).render(style) if piece.text != "\n"]
        for row in rows:
            timer.append(row, style)
            timer.append(" " * (width - cell_len(row)) + "\n")
        # The words as a block in the middle, each line from the block's left edge (a
        # centred label did that).
        lines = [line.plain.rstrip() for line in self._state_lines(width)]
        left = " " * max(0, (width - max(cell_len(line) for line in lines)) // 2)
        state = self.get_component_rich_style("round-timer--state")
        for number, line in enumerate(lines):
            timer.append(("\n" if number else "") + left)
            timer.append(line, state)
        return timer

    def watch_remaining(self, old: float, remaining: float) -> None:
        before, after = format_seconds(old), format_seconds(remaining)
        if before != after:
            self.refresh(layout=Digits.get_width(before) != Digits.get_width(after))
        self._maybe_ring(remaining)

    def watch_phase(self, phase: TimerPhase) -> None:
        # One restyle per change of phase; set one at a time, the classes restyled the
        # timer twice (the old class off, the new one on).
        wanted = f"-{phase.value}"
        stale = [f"-{each.value}" for each in TimerPhase if each is not phase]
        stale = [name for name in stale if self.has_class(name)]
        if stale or not self.has_class(wanted):
            self.remove_class(*stale, update=False)
            self.add_class(wanted, update=False)
            self.update_node_styles(animate=False)
        self.refresh(layout=True)  # the state's word may be wider than the digits

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
