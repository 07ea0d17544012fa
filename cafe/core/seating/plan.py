"""The stored seating plan as a value: rounds, tables, hosts, and the questions asked of it.

The meeting stores its plan in one event as JSON (``{"mode": "tables", "rounds": [...]}``
or ``{"mode": "circle", "order": [...]}``, a circle's earlier rounds whose ring was
another kept as ``"rounds": [{"round": 1, "order": [...]}]``); this module is the only place that reads or
writes that shape, so the console, the phone pages, the reports and the demo ask the
same questions of the same plan instead of each walking the dict its own way. The same
reader checks a plan from outside (an imported export, a re-plan's ``--history`` file),
and the planner's own model (``model.Plan``) converts to and from this one in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Generic, Literal, Protocol, TypeVar

import msgspec
from msgspec import field

from cafe.core.errors import Problem, ValidationError, Where, deeper
from cafe.core.seating.names import find_named

if TYPE_CHECKING:
    from cafe.core.seating.model import Plan
    from cafe.core.seating.planner import SeatingResult

PlanKind = Literal["none", "tables", "circle"]


class Person(Protocol):
    """Anything with an id and a name (a participant, in practice)."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...


P = TypeVar("P", bound=Person)


class Seat(msgspec.Struct, frozen=True):
    """Where one person sits in one round."""

    round: int
    table: int
    host: bool


class Table(msgspec.Struct, frozen=True):
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


class Round(msgspec.Struct, frozen=True):
    """All tables of one café round."""

    number: int
    tables: tuple[Table, ...]


class Ring(msgspec.Struct, frozen=True):
    """A circle's speaking order in one earlier round, kept as it was."""

    number: int
    order: tuple[str, ...]


class Found(msgspec.Struct, Generic[P], frozen=True):
    """A person whose name matched, and where the plan seats them (maybe nowhere)."""

    person: P
    seats: tuple[Seat, ...]


class SeatingPlan(msgspec.Struct, frozen=True):
    """Who sits where; ``kind`` "none" before any plan is stored."""

    kind: PlanKind = "none"
    rounds: tuple[Round, ...] = ()
    order: tuple[str, ...] = ()
    """The circle's speaking order (circle plans only): the ring as it is now."""
    extras: Mapping[str, Any] = field(default_factory=dict)
    """The planner's scores (``metrics``, ``lower_bound``), kept as stored; not compared:
    two plans that seat everyone alike are equal, however they were scored."""
    rings: tuple[Ring, ...] = ()
    """A circle's earlier rounds whose ring was not ``order`` (someone left, or came late),
    as they were; every other round's ring is ``order``. Plans stored before these were
    kept have none."""

    def __eq__(self, other: object) -> bool:
        if type(other) is not SeatingPlan:
            return NotImplemented
        return (self.kind, self.rounds, self.order, self.rings) == (
            other.kind,
            other.rounds,
            other.order,
            other.rings,
        )

    def __hash__(self) -> int:
        return hash((self.kind, self.rounds, self.order, self.rings))

    # -- the stored form -------------------------------------------------------------

    @classmethod
    def from_stored(cls, stored: Any, source: Where = "plan") -> SeatingPlan:
        """Read the stored JSON form, checking every part of it.

        ``None`` is no plan. A form without ``mode`` but with rounds is a table plan (the
        planner's output, as ``cafe seating plan --json`` prints it). A host listed among
        their own table's members is counted once; a round's number is its ``round``
        (its place in the list when left out). Every malformed part is a ``Problem``
        naming where (``source: rounds[0].tables[2]``), all of them in one
        ``ValidationError``, so an import or a ``--history`` file is refused whole.
        """
        if stored is None:
            return EMPTY
        if not isinstance(stored, Mapping):
            raise ValidationError([Problem.coded("seating.history_not_plan", where=source)])
        extras = {k: v for k, v in stored.items() if k not in ("mode", "rounds", "order", "tables")}
        problems: list[Problem] = []
        if stored.get("mode") == "circle":
            order = _read_order(stored.get("order"), source, problems)
            rings = _read_rings(stored.get("rounds", []), source, problems)
            if problems:
                raise ValidationError(problems)
            return cls("circle", order=order, rings=rings, extras=extras)
        rounds_data = stored.get("rounds")
        if not isinstance(rounds_data, list):
            raise ValidationError([Problem.coded("seating.history_not_plan", where=source)])
        rounds = [
            _read_round(entry, index, deeper(source, f": rounds[{index}]"), problems)
            for index, entry in enumerate(rounds_data)
        ]
        if problems:
            raise ValidationError(problems)
        return cls("tables", tuple(r for r in rounds if r is not None), extras=extras)

    @classmethod
    def from_planner(cls, result: SeatingResult) -> SeatingPlan:
        """The planner's result as the meeting keeps it, its scores as ``extras``."""
        if result.mode == "circle":
            return cls("circle", order=tuple(result.order))
        assert result.plan is not None and result.metrics and result.bound
        extras = {"metrics": result.metrics.as_dict(), "lower_bound": result.bound.as_dict()}
        return cls("tables", _rounds_of(result.plan), extras=extras)

    def to_planner(self) -> Plan:
        """The table plan in the planner's model: the history a re-plan keeps."""
        from cafe.core.seating.model import Plan, RoundSeating, TableSeating

        return Plan(
            tuple(
                RoundSeating(
                    entry.number,
                    tuple(
                        TableSeating(table.number, table.host, table.guests)
                        for table in entry.tables
                    ),
                )
                for entry in self.rounds
            )
        )

    def to_stored(self) -> dict[str, Any] | None:
        """The JSON form the event keeps (``None`` for no plan)."""
        if self.kind == "none":
            return None
        if self.kind == "circle":
            rings = [{"round": ring.number, "order": list(ring.order)} for ring in self.rings]
            return {
                "mode": "circle",
                "order": list(self.order),
                **({"rounds": rings} if rings else {}),
                **self.extras,
            }
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

    def all_hosts(self) -> frozenset[str]:
        """Everyone who hosts a table in any round (none in a circle)."""
        return frozenset(
            table.host for entry in self.rounds for table in entry.tables if table.host
        )

    def hosts(self, round_number: int) -> dict[int, str]:
        """Table number → host id in one round (tables without a host left out)."""
        return {table.number: table.host for table in self.tables(round_number) if table.host}

    def ring(self, round_number: int) -> tuple[str, ...]:
        """A circle's speaking order in one round: as it was in an earlier round whose
        ring was another, else the ring as it is now (empty for a table plan)."""
        for ring in self.rings:
            if ring.number == round_number:
                return ring.order
        return self.order

    def reseated(self, order: Iterable[str], from_round: int) -> SeatingPlan:
        """This circle with ``order`` as its ring from ``from_round`` on; the rounds before
        keep the ring they had (kept in ``rings`` where it is not the new one)."""
        order = tuple(order)
        rings = tuple(
            Ring(number, self.ring(number))
            for number in range(1, from_round)
            if self.ring(number) != order
        )
        return SeatingPlan("circle", order=order, rings=rings, extras=self.extras)

    def joined(self, ids: Iterable[str], from_round: int) -> SeatingPlan:
        """This circle with those of ``ids`` not in the ring added at its end, from
        ``from_round`` on (a late arrival sits down at the end of the order)."""
        new = [pid for pid in dict.fromkeys(ids) if pid not in self.order]
        if not self.is_circle or not new:
            return self
        return self.reseated((*self.order, *new), from_round)

    def people(self, round_number: int | None = None) -> frozenset[str]:
        """Everyone seated in one round, or in any round; a circle's ring now."""
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


def read_table_plan(data: Any, source: Where) -> SeatingPlan:
    """A table plan from its stored form (a re-plan's history); a circle or no plan at
    all is a problem, as is any malformed part."""
    plan = SeatingPlan.from_stored(data, source)
    if not plan.is_tables:
        raise ValidationError([Problem.coded("seating.history_not_plan", where=source)])
    return plan


def _read_order(data: Any, source: Where, problems: list[Problem]) -> tuple[str, ...]:
    """A circle's speaking order: ids, each once."""
    if not isinstance(data, list) or not all(isinstance(pid, str) for pid in data):
        problems.append(Problem.coded("seating.history_bad_order", where=deeper(source, ": order")))
        return ()
    seen: set[str] = set()
    for index, pid in enumerate(data):
        if pid in seen:
            where = deeper(source, f": order[{index}]")
            problems.append(Problem.coded("seating.history_twice", where=where, id=pid))
            break
        seen.add(pid)
    return tuple(data)


def _read_rings(data: Any, source: Where, problems: list[Problem]) -> tuple[Ring, ...]:
    """A circle's earlier rounds: ``[{"round": 1, "order": [...]}, ...]``."""
    if not isinstance(data, list):
        problems.append(Problem.coded("seating.history_not_plan", where=deeper(source, ": rounds")))
        return ()
    rings = []
    for index, entry in enumerate(data):
        where = deeper(source, f": rounds[{index}]")
        number = entry.get("round") if isinstance(entry, dict) else None
        if not _is_number(number):
            problems.append(Problem.coded("seating.history_bad_round_number", where=where))
            continue
        rings.append(Ring(number, _read_order(entry.get("order"), where, problems)))
    return tuple(rings)


def _read_round(data: Any, index: int, where: Where, problems: list[Problem]) -> Round | None:
    """One round's tables, everyone in them once; ``None`` (and a problem) if malformed."""
    tables_data = data.get("tables") if isinstance(data, dict) else None
    if not isinstance(tables_data, list):
        problems.append(Problem.coded("seating.history_bad_round", where=where))
        return None
    number = data.get("round", index + 1)
    if not _is_number(number):
        problems.append(
            Problem.coded("seating.history_bad_round_number", where=deeper(where, ".round"))
        )
        return None
    tables: list[Table] = []
    seen: set[str] = set()
    for t_index, table_data in enumerate(tables_data):
        spot = deeper(where, f".tables[{t_index}]")
        table = _read_table(table_data)
        if table is None:
            problems.append(Problem.coded("seating.history_bad_table", where=spot))
            continue
        everyone = table.people
        twice = sorted(seen.intersection(everyone)) + sorted(
            {pid for pid in everyone if everyone.count(pid) > 1}
        )
        if twice:
            problems.append(Problem.coded("seating.history_twice", where=spot, id=twice[0]))
        seen.update(everyone)
        tables.append(table)
    return Round(number, tuple(tables))


def _read_table(data: Any) -> Table | None:
    """A table with a number, a host id ("" for none) and member ids, or ``None``."""
    if not isinstance(data, dict):
        return None
    number, host, members = data.get("table"), data.get("host"), data.get("members")
    ok = (
        _is_number(number)
        and isinstance(host, str)
        and isinstance(members, list)
        and all(isinstance(pid, str) for pid in members)
    )
    if not ok:
        return None
    return Table(number, host, tuple(pid for pid in members if pid != host))


def _is_number(value: Any) -> bool:
    """A round or table number: a whole number from 1 (not ``True``)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _rounds_of(plan: Plan) -> tuple[Round, ...]:
    return tuple(
        Round(
            seating.round,
            tuple(Table(table.table, table.host, table.members) for table in seating.tables),
        )
        for seating in plan.rounds
    )


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
