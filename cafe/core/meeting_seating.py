"""Glue between the meeting and the seating planner: plan, re-plan, and read the plan.

The TUI and ``cafe seating plan DIR`` decide *when* to plan (the first round that needs
tables, a late arrival); the planner in ``cafe.core.seating`` decides *who sits where*; the plan is stored as an event
in its JSON form, so a restarted laptop shows the same tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cafe.core.agenda import StepKind
from cafe.core.errors import CafeError, Problem
from cafe.core.seating import SeatingPerson, SeatingResult, plan_from_json, seat, table_count
from cafe.core.service import MeetingService
from cafe.i18n import t

SEED = 0
"""A fixed seed: re-planning the same people gives the same tables."""


@dataclass(frozen=True, slots=True)
class TableSeats:
    """One table in one round."""

    table: int
    host: str
    """Participant id of the table host ("" when the table has none)."""
    members: tuple[str, ...]
    """Everyone at the table, the host first."""


@dataclass(frozen=True, slots=True)
class Seat:
    """Where one person sits in one round."""

    round: int
    table: int
    host: bool


def cafe_round_count(service: MeetingService) -> int:
    """How many café rounds the agenda has."""
    return sum(1 for step in service.agenda.steps if step.kind is StepKind.CAFE_ROUND)


def is_circle(plan: dict[str, Any] | None) -> bool:
    return bool(plan) and plan.get("mode") == "circle"


def _everyone(table: dict[str, Any]) -> tuple[str, ...]:
    """Host first, then the others (the JSON lists the host apart from the members)."""
    host = str(table.get("host") or "")
    others = tuple(m for m in table.get("members", []) if m != host)
    return (host, *others) if host else others


def round_tables(plan: dict[str, Any] | None, round_number: int) -> list[TableSeats]:
    """The tables of ``round_number`` (1-based); empty for a circle or no plan."""
    if not plan or plan.get("mode") != "tables":
        return []
    for entry in plan.get("rounds", []):
        if int(entry.get("round", 0)) == round_number:
            return [
                TableSeats(
                    int(table["table"]),
                    str(table.get("host") or ""),
                    _everyone(table),
                )
                for table in entry.get("tables", [])
            ]
    return []


def seats_of(plan: dict[str, Any] | None, person_id: str) -> list[Seat]:
    """Every round's table for one person (their itinerary)."""
    if not plan or plan.get("mode") != "tables":
        return []
    seats = []
    for entry in plan.get("rounds", []):
        for table in entry.get("tables", []):
            if person_id in _everyone(table):
                seats.append(
                    Seat(int(entry["round"]), int(table["table"]), table.get("host") == person_id)
                )
    return seats


def seat_in_round(plan: dict[str, Any] | None, person_id: str, round_number: int) -> Seat | None:
    for place in seats_of(plan, person_id):
        if place.round == round_number:
            return place
    return None


def planned_people(plan: dict[str, Any] | None) -> set[str]:
    """Everyone the plan seats (in any round)."""
    if not plan:
        return set()
    if plan.get("mode") == "circle":
        return set(plan.get("order", []))
    people: set[str] = set()
    for entry in plan.get("rounds", []):
        for table in entry.get("tables", []):
            people.update(_everyone(table))
    return people


def people_in_round(plan: dict[str, Any] | None, round_number: int) -> set[str]:
    """Everyone seated in one round of a table plan."""
    return {m for table in round_tables(plan, round_number) for m in table.members}


def appointed_hosts(service: MeetingService) -> list[tuple[str, int]]:
    """Hosts the planner had to choose itself: ``(person id, table)`` in round 1's order.

    When fewer people volunteered (``host``) than there are tables, the planner makes
    others hosts for every round. Nobody has briefed them, so the co-hosts must be told
    who they are before round 1.
    """
    plan = service.state.seating
    if not plan or plan.get("mode") != "tables":
        return []
    first = min((int(r.get("round", 0)) for r in plan.get("rounds", [])), default=0)
    people = service.state.participants
    return [
        (table.host, table.table)
        for table in round_tables(plan, first)
        if table.host and table.host in people and not people[table.host].host
    ]


def table_numbers(plan: dict[str, Any] | None) -> list[int]:
    """The table numbers a plan uses (for the capture form)."""
    if not plan or plan.get("mode") != "tables":
        return []
    numbers = {int(t["table"]) for r in plan.get("rounds", []) for t in r.get("tables", [])}
    return sorted(numbers)


def circle_ids(plan: dict[str, Any] | None) -> list[str]:
    return list(plan.get("order", [])) if is_circle(plan) else []


# -- planning ----------------------------------------------------------------------


def _seating_people(service: MeetingService) -> list[SeatingPerson]:
    return [SeatingPerson(p.id, p.organisation, p.sector, p.host) for p in service.state.present()]


def table_estimate(service: MeetingService) -> int:
    """Tables the present people will need (0 when they sit in a circle)."""
    present = len(service.state.present())
    if service.circle_mode or not present:
        return 0
    rules = service.agenda.tables
    try:
        return table_count(present, rules.size_target, rules.size_min, rules.size_max)
    except CafeError:
        return 0


def needs_plan(service: MeetingService, round_number: int) -> bool:
    """No plan, the wrong kind of plan, or the present people are not who it seats."""
    plan = service.state.seating
    present = {p.id for p in service.state.present()}
    if not present:
        return False
    if plan is None or is_circle(plan) != service.circle_mode:
        return True
    if is_circle(plan):
        return set(plan.get("order", [])) != present
    return people_in_round(plan, max(1, round_number)) != present


def ensure_plan(service: MeetingService, round_number: int) -> bool:
    """Plan (or re-plan from ``round_number``) when ``needs_plan``; ``True`` if it did."""
    if not needs_plan(service, round_number):
        return False
    plan_now(service, round_number)
    return True


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
    everything is planned anew. Raises ``CafeError`` when nobody is present.
    """
    from_round = max(1, from_round)
    people = _seating_people(service)
    if not people:
        raise CafeError([Problem("", t("seating.nobody"))])
    rules = service.agenda.tables
    old = service.state.seating
    history = None
    if old and not is_circle(old) and from_round > 1 and not service.circle_mode:
        history = plan_from_json(old)
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
        )
    service.store_seating(result.to_json(), from_round if history is not None else 1)
    return result


def speaking_order(service: MeetingService) -> list[tuple[int, list[str]]]:
    """Who speaks in which order: by round-1 table, or round the circle.

    Returns ``(table, ids)`` groups (table 0 for the circle); present people the plan
    does not seat yet (late arrivals) come last, so nobody is skipped.
    """
    plan = service.state.seating
    present = [p.id for p in service.state.present()]
    groups: list[tuple[int, list[str]]] = []
    if is_circle(plan):
        groups.append((0, [i for i in circle_ids(plan) if i in present]))
    else:
        for table in round_tables(plan, 1):
            ordered = [table.host, *(m for m in table.members if m != table.host)]
            groups.append((table.table, [m for m in ordered if m and m in present]))
    seated = {i for _, ids in groups for i in ids}
    rest = [i for i in present if i not in seated]
    if rest:
        groups.append((0, rest))
    return [(table, ids) for table, ids in groups if ids]
