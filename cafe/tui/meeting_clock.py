"""Time spent per step and when the meeting will end, from the visits and the clock.

Pure functions over the agenda and the state, so the rail shows the same figures after a
restart as before it, and tests need no screen.
"""

from __future__ import annotations

import time
from typing import NamedTuple

from cafe.core.clock import today_at
from cafe.core.service import MeetingService


class RailRow(NamedTuple):
    """One agenda step as the rail shows it."""

    index: int
    title: str
    planned_minutes: float
    """The step's length: as planned, or as the facilitator changed it (+/-) since."""
    actual_seconds: float | None
    """Time spent in the step so far (over all visits); ``None`` if never entered."""
    status: str
    """``done``, ``skipped``, ``current`` or ``todo``."""


class MeetingClock(NamedTuple):
    """The meeting's planned end beside the end it is heading for."""

    planned_end: float
    projected_end: float
    tryout: bool = False
    """Run outside its invitation (another day, hours early): the plan counts from the
    first step, and the rail says it is a try-out, not the evening's end."""

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
        elif index in service.state.skipped:
            status = "skipped"
        elif index in spent and index < current:
            status = "done"
        else:
            status = "todo"
        rows.append(
            RailRow(index, step.title, step_minutes(service, index), spent.get(index), status)
        )
    return tuple(rows)


def step_minutes(service: MeetingService, index: int) -> float:
    """The step's length in minutes: its timer's, which + and - change, once it has one
    (the rail said "1/25′" beside a clock given 30 minutes), else the agenda's. Whole
    minutes are an ``int``, so they read "30′", not "30.0′"."""
    timer = service.timer(index)
    if timer is None:
        return service.agenda.steps[index].minutes
    minutes = round(timer.duration / 60, 1)
    return int(minutes) if minutes.is_integer() else minutes


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
    """Planned end and projected end.

    The plan is the meeting's own end time when it has one (``cafe new --end 21:00``),
    else its start time, or the moment the first step began, plus every step's planned
    time: "planned end 19:59" for a meeting invited to 18:00–21:00 was only when the
    laptop happened to be opened plus the agenda.
    """
    meta = service.agenda.meta
    steps = service.agenda.steps
    total = sum(step.minutes for step in steps) * 60
    visits = service.state.visits
    start_at = today_at(meta.start, now)
    if visits:
        started = visits[0].at
        current = service.state.current_step
        after = sum(step.minutes for step in steps[current + 1 :]) * 60
        projected = now + step_left(service, now) + after
    else:
        started = max(now, start_at) if start_at is not None else now
        projected = started + total
    planned = today_at(meta.end, now)
    if planned is None:
        planned = (start_at if start_at is not None else started) + total
    tryout = bool(visits) and _outside_invitation(started, start_at, planned, meta.date)
    if tryout:
        # Tried out at 03:00 on a meeting invited to 18:00–21:00: "Beräknat 06:00
        # (−14 h 59 min)". Run outside its time, the plan counts from the first step.
        planned = started + total
    if not visits and meta.date and meta.date != time.strftime("%Y-%m-%d", time.localtime(now)):
        # Prepared on another day: "Beräknat slut 01:17 (+557)" was today's clock set
        # against the meeting day's plan. Until it starts, the plan is the projection.
        projected = planned
    return MeetingClock(planned, projected, tryout)


OUTSIDE_MARGIN = 3600.0
"""A first step begun more than this before the invited start is a try-out, not the
meeting starting early."""


def _outside_invitation(started: float, start_at: float | None, end_at: float, date: str) -> bool:
    """Whether the meeting began on another day than its own, an hour or more before its
    invited start, or after its invited end."""
    if date and date != time.strftime("%Y-%m-%d", time.localtime(started)):
        return True
    if start_at is not None and started < start_at - OUTSIDE_MARGIN:
        return True
    return started > end_at


def clock_time(epoch: float) -> str:
    """``HH:MM`` in local time."""
    return time.strftime("%H:%M", time.localtime(epoch))
