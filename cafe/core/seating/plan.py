"""The stored seating plan as a value: rounds, tables, hosts, and the questions asked of it.

The meeting stores its plan in one event as JSON (``{"mode": "tables", "rounds": [...]}``
or ``{"mode": "circle", "order": [...]}``); this module is the only place that reads or
writes that shape, so the console, the phone pages, the reports and the demo ask the
same questions of the same plan instead of each walking the dict its own way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, Protocol, TypeVar

from cafe.core.seating.names import find_named

PlanKind = Literal["none", "tables", "circle"]


class Person(Protocol):
    """Anything with an id and a name (a participant, in practice)."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...


P = TypeVar("P", bound=Person)


@dataclass(frozen=True, slots=True)
class Seat:
    """Where one person sits in one round."""

    round: int
    table: int
    host: bool


@dataclass(frozen=True, slots=True)
class Table:
    """One table in one round."""

    number: int
    """The number on the table's card (1-based, kept across re-plans)."""
    host: str
    """Participant id of the host ("" when the table has none)."""
    guests: tuple[str, ...]
    """Everyone else at the table."""

    @property
    def people(self) -> tuple[str, ...]:
        """Host first, then the guests."""
        return (self.host, *self.guests) if self.host else self.guests


@dataclass(frozen=True, slots=True)
class Round:
    """All tables of one café round."""

    number: int
    tables: tuple[Table, ...]


@dataclass(frozen=True, slots=True)
class Found(Generic[P]):
    """A person whose name matched, and where the plan seats them (maybe nowhere)."""

    person: P
    seats: tuple[Seat, ...]


@dataclass(frozen=True, slots=True)
class SeatingPlan:
    """Who sits where; ``kind`` "none" before any plan is stored."""

    kind: PlanKind = "none"
    rounds: tuple[Round, ...] = ()
    order: tuple[str, ...] = ()
    """The circle's speaking order (circle plans only)."""
    extras: Mapping[str, Any] = field(default_factory=dict, compare=False)
    """The planner's scores (``metrics``, ``lower_bound``), kept as stored."""

    # -- the stored form -------------------------------------------------------------

    @classmethod
    def from_stored(cls, stored: Mapping[str, Any] | None) -> SeatingPlan:
        """Read the stored JSON form; a form without ``mode`` but with rounds is a table
        plan (the planner's own output, as ``cafe seating plan --json`` prints it)."""
        if not stored:
            return EMPTY
        extras = {k: v for k, v in stored.items() if k not in ("mode", "rounds", "order", "tables")}
        if stored.get("mode") == "circle":
            return cls(
                "circle", order=tuple(str(i) for i in stored.get("order", [])), extras=extras
            )
        rounds = []
        for index, entry in enumerate(stored.get("rounds") or [], 1):
            tables = []
            for table in entry.get("tables", []):
                host = str(table.get("host") or "")
                guests = tuple(str(m) for m in table.get("members", []) if m != host)
                tables.append(Table(int(table.get("table", 0)), host, guests))
            rounds.append(Round(int(entry.get("round", index)), tuple(tables)))
        return cls("tables", tuple(rounds), extras=extras)

    def to_stored(self) -> dict[str, Any] | None:
        """The JSON form the event keeps (``None`` for no plan)."""
        if self.kind == "none":
            return None
        if self.kind == "circle":
            return {"mode": "circle", "order": list(self.order), **self.extras}
        return {
            "mode": "tables",
            "tables": self.table_count(),
            "rounds": [
                {
                    "round": entry.number,
                    "tables": [
                        {"table": table.number, "host": table.host, "members": list(table.guests)}
                        for table in entry.tables
                    ],
                }
                for entry in self.rounds
            ],
            **self.extras,
        }

    # -- questions -------------------------------------------------------------------

    def __bool__(self) -> bool:
        return self.kind != "none"

    @property
    def is_circle(self) -> bool:
        return self.kind == "circle"

    @property
    def is_tables(self) -> bool:
        return self.kind == "tables"

    @property
    def first_round(self) -> int:
        """The number of the plan's first round (0 without rounds)."""
        return min((entry.number for entry in self.rounds), default=0)

    def tables(self, round_number: int) -> tuple[Table, ...]:
        """The tables of one round (1-based); empty for a circle or a round not planned."""
        for entry in self.rounds:
            if entry.number == round_number:
                return entry.tables
        return ()

    def table_numbers(self) -> tuple[int, ...]:
        """Every table number the plan uses in any round, in order."""
        return tuple(sorted({table.number for entry in self.rounds for table in entry.tables}))

    def table_count(self, round_number: int | None = None) -> int:
        """Tables in one round, or (without a round) the tables the plan uses at all.

        A circle is one table; no plan has none.
        """
        if self.is_circle:
            return 1
        if round_number is None:
            return len(self.table_numbers())
        return len(self.tables(round_number))

    def hosts(self, round_number: int) -> dict[int, str]:
        """Table number → host id in one round (tables without a host left out)."""
        return {table.number: table.host for table in self.tables(round_number) if table.host}

    def people(self, round_number: int | None = None) -> frozenset[str]:
        """Everyone seated in one round, or in any round; a circle's whole order."""
        if self.is_circle:
            return frozenset(self.order)
        chosen = self.rounds if round_number is None else [Round(0, self.tables(round_number))]
        return frozenset(pid for entry in chosen for table in entry.tables for pid in table.people)

    def itinerary(self, person_id: str) -> tuple[Seat, ...]:
        """Where ``person_id`` sits, round by round (rounds they are not in left out)."""
        seats = []
        for entry in sorted(self.rounds, key=lambda r: r.number):
            for table in entry.tables:
                if person_id in table.people:
                    seats.append(Seat(entry.number, table.number, table.host == person_id))
                    break
        return tuple(seats)

    def table_of(self, person_id: str, round_number: int) -> Seat | None:
        """Where ``person_id`` sits in one round; ``None`` when not seated then."""
        for table in self.tables(round_number):
            if person_id in table.people:
                return Seat(round_number, table.number, table.host == person_id)
        return None

    def find(self, query: str, people: Iterable[P]) -> list[Found[P]]:
        """Those of ``people`` named like ``query`` (the one rule in ``names``), each
        with their itinerary in this plan; people the plan does not seat have none."""
        return [Found(person, self.itinerary(person.id)) for person in find_named(people, query)]


EMPTY = SeatingPlan()
"""No plan stored yet."""

_CACHE: list[tuple[Mapping[str, Any], SeatingPlan]] = []


def stored_plan(stored: Mapping[str, Any] | None) -> SeatingPlan:
    """The typed plan for the state's stored form, read once per stored plan.

    A new plan is a new dict (each ``seating_planned`` event replaces it), so the cache
    is keyed on identity and holds the dict itself, so its id cannot be reused.
    """
    if not stored:
        return EMPTY
    for source, plan in _CACHE:
        if source is stored:
            return plan
    plan = SeatingPlan.from_stored(stored)
    _CACHE.insert(0, (stored, plan))
    del _CACHE[4:]
    return plan
