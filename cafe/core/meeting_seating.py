"""Glue between the meeting and the seating planner: when to plan, and how many tables.

The TUI, the co-host phone and ``cafe seating plan DIR`` decide *when* to plan (the
first round that needs tables, a late arrival; ``seat_for_step`` is the one rule); the
planner in ``cafe.core.seating`` decides *who sits where*; the plan is stored as an
event in the form ``SeatingPlan.to_stored`` writes, so a restarted laptop shows the same
tables, and read back as ``MeetingState.seating_plan``.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

from cafe.core.agenda import StepKind
from cafe.core.errors import CafeError, Problem
from cafe.core.seating.plan import SeatingPlan
from cafe.core.service import MeetingService

if TYPE_CHECKING:
    from cafe.core.seating.model import SeatingPerson
    from cafe.core.seating.planner import SeatingResult

SEED = 0
"""A fixed seed: re-planning the same people gives the same tables."""


def cafe_round_count(service: MeetingService) -> int:
    """How many café rounds the agenda has."""
    return sum(1 for step in service.agenda.steps if step.kind is StepKind.CAFE_ROUND)


def reseat_round(service: MeetingService) -> int:
    """The first round a new seating may change: the current one while its timer has not
    started, else the next; past the last round when every round has begun
    (``MeetingService.first_open_round``).

    People at the tables are not moved mid-conversation, and a round already held stays
    as it was (re-seating in the break after round 2 rewrote round 2, and the planner then
    sat people together again who had met there); a round not yet started (the co-hosts
    marking late arrivals before pressing Space) still can be.
    """
    return service.first_open_round


def rounds_left_to_seat(service: MeetingService) -> bool:
    """Whether a re-seating would change anything: some round has not begun yet."""
    return reseat_round(service) <= cafe_round_count(service)


def appointed_hosts(service: MeetingService) -> list[tuple[str, int]]:
    """Hosts the planner had to choose itself: ``(person id, table)`` in round 1's order.

    When fewer people volunteered (``host``) than there are tables, the planner makes
    others hosts for every round. Nobody has briefed them, so the co-hosts must be told
    who they are before round 1.
    """
    plan = service.state.seating_plan
    people = service.state.participants
    return [
        (table.host, table.number)
        for table in plan.tables(plan.first_round)
        if table.host and table.host in people and not people[table.host].host
    ]


# -- planning ----------------------------------------------------------------------


def _seating_people(service: MeetingService) -> list[SeatingPerson]:
    from cafe.core.seating.model import SeatingPerson  # with the planner, not at start

    return [SeatingPerson(p.id, p.organisation, p.sector, p.host) for p in service.state.present()]


def _tables_for(service: MeetingService, people: int) -> int:
    """The planner's table count for ``people`` by the agenda's sizes (0 for nobody)."""
    if people <= 0:
        return 0
    from cafe.core.seating.people import table_count  # with the planner, not at start

    rules = service.agenda.tables
    try:
        return table_count(people, rules.size_target, rules.size_min, rules.size_max)
    except CafeError:  # sizes the planner refuses: plain division, so cards still print
        return math.ceil(people / max(1, rules.size_target))


def table_estimate(service: MeetingService) -> int:
    """Tables the present people will need (0 when they sit in a circle)."""
    if service.circle_mode:
        return 0
    return _tables_for(service, len(service.state.present()))


def expected_tables(service: MeetingService) -> int:
    """How many tables the meeting has, for printing and simulating: the stored plan's
    (a circle is one table), else the planner's count for the people present (the
    registered ones before anyone has arrived); at least one."""
    plan = service.state.seating_plan
    if plan:
        return max(1, plan.table_count())
    people = len(service.state.present()) or len(service.state.participants)
    return max(1, _tables_for(service, people))


def needs_plan(service: MeetingService, round_number: int) -> bool:
    """No plan, the wrong kind of plan, or the present people are not who it seats."""
    plan = service.state.seating_plan
    present = {p.id for p in service.state.present()}
    if not present:
        return False
    if not plan or plan.is_circle != service.circle_mode:
        return True
    return plan.people(None if plan.is_circle else max(1, round_number)) != present


def ensure_plan(service: MeetingService, round_number: int) -> bool:
    """Plan (or re-plan from ``round_number``) when ``needs_plan``; ``True`` if it did."""
    if not needs_plan(service, round_number):
        return False
    plan_now(service, round_number)
    return True


def seat_for_step(service: MeetingService) -> bool:
    """Seat people as a step is entered, the same from the console and the co-host phone:
    a café round not yet started, or a presentation round with no plan yet. ``True`` if
    it seated them."""
    step = service.current_step
    if step is None:
        return False
    if step.kind is StepKind.CAFE_ROUND:
        timer = service.timer()
        if timer is None or not timer.started:
            return ensure_plan(service, step.round or 1)
    elif step.kind is StepKind.PRESENTATION_ROUND and not service.state.seating_plan:
        return ensure_plan(service, 1)
    return False


def plan_now(service: MeetingService, round_number: int) -> None:
    """Seat the present people from ``round_number`` on; hosts keep their tables."""
    if service.state.present():
        plan_meeting(service, from_round=round_number)


def plan_meeting(
    service: MeetingService,
    *,
    from_round: int = 1,
    tables: int | None = None,
    seed: int = SEED,
) -> SeatingResult:
    """Plan the meeting's present people with its agenda's rounds and sizes, and store it.

    From round 2 on, the stored plan's earlier rounds are kept and hosts stay put (a
    re-plan after arrivals and departures); from round 1, or with no table plan stored,
    everything is planned anew, except that round 1's hosts who are still present stay
    hosts, at their own tables while those exist: they are printed on the table cards
    (``host_changes`` says which tables got another host). A circle keeps its ring whenever it is re-seated: who
    left drops out, who came is added at the end, and the rounds before ``from_round``
    keep the ring they had. Whether it is a circle or tables is ``circle_mode``: fixed
    once the café rounds have begun. Raises ``CafeError`` when nobody is present.
    """
    from cafe.core.seating.planner import (  # its searches load when a plan is made
        SeatingResult,
        seat,
    )

    from_round = max(1, from_round)
    people = _seating_people(service)
    if not people:
        raise CafeError([Problem.coded("seating.nobody")])
    rules = service.agenda.tables
    old = service.state.seating_plan
    history = None
    keep_hosts = None
    if old.is_tables and not service.circle_mode:
        if from_round > 1:
            history = old.to_planner()
        else:
            keep_hosts = old.hosts(old.first_round)
    if service.circle_mode and old.is_circle:
        # The ring stays where people sit: who left drops out, who came joins the end.
        here = [person.id for person in people]
        kept = [pid for pid in old.order if pid in here]
        order = (*kept, *(pid for pid in here if pid not in kept))
        service.store_seating(old.reseated(order, from_round), from_round)
        return SeatingResult("circle", order=order)
    if service.circle_mode:
        result = seat(people, cafe_round_count(service), circle_below=len(people) + 1, seed=seed)
    else:
        result = seat(
            people,
            max(1, cafe_round_count(service)),
            rules.size_target,
            size_min=rules.size_min,
            size_max=rules.size_max,
            tables=tables,
            seed=seed,
            circle_below=0,
            history=history,
            from_round=from_round if history is not None else None,
            keep_hosts=keep_hosts,
        )
    service.store_seating(
        SeatingPlan.from_planner(result), from_round if history is not None else 1
    )
    return result


def host_changes(before: SeatingPlan, after: SeatingPlan, round_number: int) -> list[int]:
    """Tables whose host in ``round_number`` differs between two plans: their printed
    table cards name someone else now. Tables added or no longer used count; nothing
    changed when either plan is not a table plan (no cards name hosts then)."""
    if not (before.is_tables and after.is_tables):
        return []
    old, new = before.hosts(round_number), after.hosts(round_number)
    return sorted(no for no in old.keys() | new.keys() if old.get(no) != new.get(no))


def speaking_order(service: MeetingService) -> list[tuple[int, list[str]]]:
    """Who speaks in which order: by round-1 table, or round the circle.

    Returns ``(table, ids)`` groups (table 0 for the circle); present people the plan
    does not seat yet (late arrivals) come last, so nobody is skipped.
    """
    plan = service.state.seating_plan
    present = [p.id for p in service.state.present()]
    groups: list[tuple[int, list[str]]] = []
    if plan.is_circle:
        groups.append((0, [i for i in plan.order if i in present]))
    else:
        for table in plan.tables(1):
            groups.append((table.number, [m for m in table.people if m in present]))
    seated = {i for _, ids in groups for i in ids}
    rest = [i for i in present if i not in seated]
    if rest:
        groups.append((0, rest))
    return [(table, ids) for table, ids in groups if ids]


class SpeakingTurn(NamedTuple):
    """Where the presentation round is: everyone in speaking order, who speaks now (the
    first not yet ticked off) and who spoke just before (the tick an Undo takes back)."""

    order: list[str]
    now: str | None
    last: str | None


def speaking_turn(service: MeetingService) -> SpeakingTurn:
    """The speaking order, read once, and the turn in it."""
    order = [pid for _, ids in speaking_order(service) for pid in ids]
    spoken = service.state.spoken
    at = next((i for i, pid in enumerate(order) if pid not in spoken), len(order))
    return SpeakingTurn(
        order, order[at] if at < len(order) else None, order[at - 1] if at else None
    )


def next_speaker(service: MeetingService) -> str | None:
    """The first person in the speaking order who has not spoken yet: who speaks now."""
    return speaking_turn(service).now
