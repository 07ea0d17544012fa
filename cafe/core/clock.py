"""Clocks: where "now" comes from, so tests and the demo can control time.

Timers are computed from the clock and stored events, never from ticks; swapping the
clock is therefore enough to run a 20-minute round in 20 seconds or to test it in none.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """Anything that tells the time in seconds since the epoch."""

    def now(self) -> float: ...


class SystemClock:
    """Wall-clock time."""

    def now(self) -> float:
        return time.time()


class FakeClock:
    """A clock that moves only when told to (tests)."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        """Move time forward."""
        self._now += seconds

    def set(self, value: float) -> None:
        """Jump to an absolute time."""
        self._now = value


class ScaledClock:
    """Time that runs ``speed`` times faster than the wall clock (demo, rehearsal).

    It starts at ``origin`` (the real time by default) and advances ``speed`` seconds per
    real second, so stored events stay in one consistent timeline.
    """

    def __init__(self, speed: float, origin: float | None = None) -> None:
        self.speed = speed
        self._real_start = time.monotonic()
        self._origin = time.time() if origin is None else origin
        self._stopped_at: float | None = None

    def now(self) -> float:
        if self._stopped_at is not None:
            return self._stopped_at
        return self._origin + (time.monotonic() - self._real_start) * self.speed

    def stop(self) -> None:
        """Stand still from now on (the simulated meeting is over)."""
        self._stopped_at = self.now()


def today_at(hhmm: str, now: float) -> float | None:
    """``HH:MM`` on the day of ``now`` (local time), or ``None`` if not a time of day."""
    try:
        hours, minutes = (int(part) for part in hhmm.split(":"))
    except ValueError:
        return None
    day = time.localtime(now)
    return time.mktime((day.tm_year, day.tm_mon, day.tm_mday, hours, minutes, 0, 0, 0, -1))
