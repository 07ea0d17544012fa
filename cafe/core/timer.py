"""The round timer as pure arithmetic over timer events.

A timer is described by its planned duration plus adjustments, the time it has run in
earlier stretches, and when its current stretch began (if running). ``remaining(now)``
follows from those and the clock alone, so it survives a restart and cannot drift: the
UI's interval only decides how often to redraw.
"""

from __future__ import annotations

from enum import StrEnum

import msgspec
from msgspec.structs import replace

WARNING_SECONDS = 120.0
"""The room gets a warning two minutes before a round ends."""


class TimerPhase(StrEnum):
    """How the room should see the timer."""

    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    WARNING = "warning"
    OVERTIME = "overtime"


class Timer(msgspec.Struct, frozen=True):
    """One step's timer."""

    duration: float
    """Planned seconds plus every +/- adjustment."""
    elapsed: float = 0.0
    """Seconds run in stretches that have ended (by a pause)."""
    running_since: float | None = None
    """Clock time the current stretch began; ``None`` when not running."""
    started: bool = False

    def start(self, at: float) -> Timer:
        """Start from the beginning."""
        return replace(self, elapsed=0.0, running_since=at, started=True)

    def pause(self, at: float) -> Timer:
        if self.running_since is None:
            return self
        return replace(
            self, elapsed=self.elapsed + max(0.0, at - self.running_since), running_since=None
        )

    def resume(self, at: float) -> Timer:
        if self.running_since is not None:
            return self
        return replace(self, running_since=at, started=True)

    def adjust(self, seconds: float) -> Timer:
        """Give or take time; the duration never goes below zero."""
        return replace(self, duration=max(0.0, self.duration + seconds))

    @property
    def running(self) -> bool:
        return self.running_since is not None

    def elapsed_at(self, now: float) -> float:
        """Seconds the timer has run by ``now``."""
        if self.running_since is None:
            return self.elapsed
        return self.elapsed + max(0.0, now - self.running_since)

    def remaining(self, now: float) -> float:
        """Seconds left at ``now``; negative in overtime."""
        return self.duration - self.elapsed_at(now)

    def phase(self, now: float) -> TimerPhase:
        if not self.started:
            return TimerPhase.IDLE
        if not self.running:
            return TimerPhase.PAUSED  # a stopped clock is never shown as overtime
        left = self.remaining(now)
        if left <= 0:
            return TimerPhase.OVERTIME
        if left <= WARNING_SECONDS:
            return TimerPhase.WARNING
        return TimerPhase.RUNNING


def format_seconds(seconds: float) -> str:
    """``mm:ss`` (``-mm:ss`` in overtime), rounding up so 0:00 means really over."""
    sign = "-" if seconds < 0 else ""
    total = int(-seconds // 1) if seconds < 0 else int(-(-seconds // 1))
    minutes, secs = divmod(abs(total), 60)
    return f"{sign}{minutes:02d}:{secs:02d}"
