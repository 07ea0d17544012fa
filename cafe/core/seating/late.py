"""A seat in the round under way for someone who arrives while the tables talk.

Re-planning (``r``) starts at the next round: people at the tables are not moved
mid-conversation. A late arrival would stand at the door until then; instead they join
one table of the round under way as a guest, and nobody else's seat changes. The table
is the emptiest one (within one of the smallest, so the room stays balanced), and of
those the one where they meet the fewest people they sit with in other rounds (someone
who left and came back has met some already); a full table is taken only when all are.
"""

from __future__ import annotations

from cafe.core.seating.plan import Round, SeatingPlan, Table


def late_seat(
    plan: SeatingPlan, person_id: str, round_number: int, size_max: int
) -> tuple[SeatingPlan, int] | None:
    """``plan`` with ``person_id`` added to a table of ``round_number``, and its number;
    ``None`` when there is nothing to do: no table plan, the round not in it, or the
    person already seated in it."""
    tables = plan.tables(round_number)
    if not plan.is_tables or not tables or plan.table_of(person_id, round_number):
        return None
    met = _met(plan, person_id, round_number)
    smallest = min(len(table.people) for table in tables)
    room = [t for t in tables if len(t.people) < size_max] or list(tables)
    near = [t for t in room if len(t.people) <= smallest + 1] or room
    chosen = min(
        near,
        key=lambda t: (len(met.intersection(t.people)), len(t.people), t.number),
    )
    joined = Table(chosen.number, chosen.host, (*chosen.guests, person_id))
    rounds = tuple(
        Round(
            entry.number,
            tuple(joined if t is chosen else t for t in entry.tables),
        )
        if entry.number == round_number
        else entry
        for entry in plan.rounds
    )
    return SeatingPlan(plan.kind, rounds, plan.order, plan.extras), chosen.number


def _met(plan: SeatingPlan, person_id: str, round_number: int) -> set[str]:
    """Everyone ``person_id`` sits with in the plan's other rounds."""
    met: set[str] = set()
    for entry in plan.rounds:
        if entry.number == round_number:
            continue
        for table in entry.tables:
            if person_id in table.people:
                met.update(table.people)
    met.discard(person_id)
    return met
