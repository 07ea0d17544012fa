"""Time spent per step and when the meeting will end, from the visits and the clock.

Pure functions over the agenda and the state, so the rail shows the same figures after a
restart as before it, and tests need no screen.
"""

from __future__ import annotations

import time
from typing import NamedTuple

from cafe.core.service import MeetingService


class RailRow(NamedTuple):
    """One agenda step as the rail shows it."""

    index: int
    title: str
    planned_minutes: int
    actual_seconds: float | None
    """Time spent in the step so far (over all visits); ``None`` if never entered."""
    status: str
    """``done``, ``current`` or ``todo``."""


class MeetingClock(NamedTuple):
    """The meeting's planned end beside the end it is heading for."""

    planned_end: float
    projected_end: float

    @property
    def late_minutes(self) -> int:
        """Whole minutes behind (positive) or ahead (negative) of plan."""
        return round((self.projected_end - self.planned_end) / 60)


def time_in_steps(service: MeetingService, now: float) -> dict[int, float]:
    """Seconds spent in each visited step; a visit lasts until the next one began."""
    spent: dict[int, float] = {}
    visits = service.state.visits
    for number, visit in enumerate(visits):
        end = visits[number + 1].at if number + 1 < len(visits) else now
        spent[visit.index] = spent.get(visit.index, 0.0) + max(0.0, end - visit.at)
    return spent


def rail_rows(service: MeetingService, now: float) -> tuple[RailRow, ...]:
    """Every step with its planned and actual time and whether it is done."""
    spent = time_in_steps(service, now)
    current = service.state.current_step
    rows = []
    for index, step in enumerate(service.agenda.steps):
        if index == current:
            status = "current"
        elif index in spent and index < current:
            status = "done"
        else:
            status = "todo"
        rows.append(RailRow(index, step.title, step.minutes, spent.get(index), status))
    return tuple(rows)


def step_left(service: MeetingService, now: float) -> float:
    """Seconds the current step still needs: its timer if it has one, else the plan."""
    index = service.state.current_step
    if index < 0:
        return 0.0
    timer = service.timer(index)
    if timer is not None and timer.started:
        return max(0.0, timer.remaining(now))
    planned = service.agenda.steps[index].minutes * 60
    return max(0.0, planned - time_in_steps(service, now).get(index, 0.0))


def meeting_clock(service: MeetingService, now: float) -> MeetingClock:
    """Planned end (start + every step's planned time) and projected end."""
    steps = service.agenda.steps
    total = sum(step.minutes for step in steps) * 60
    visits = service.state.visits
    if not visits:
        return MeetingClock(now + total, now + total)
    started = visits[0].at
    current = service.state.current_step
    after = sum(step.minutes for step in steps[current + 1 :]) * 60
    return MeetingClock(started + total, now + step_left(service, now) + after)


def clock_time(epoch: float) -> str:
    """``HH:MM`` in local time."""
    return time.strftime("%H:%M", time.localtime(epoch))
