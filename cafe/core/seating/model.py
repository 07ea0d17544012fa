"""The seating plan as data: people, tables, rounds, and how a plan scores.

Kept free of any planning logic so the scorer is an independent check on the planner
(tests and the benchmark score plans from any source, including a random baseline).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass

from cafe.core.participants import Sector
from cafe.i18n import t


@dataclass(frozen=True, slots=True)
class SeatingPerson:
    """What the planner needs to know about one person present: nothing personal."""

    id: str
    organisation: str = ""
    sector: Sector = Sector.OTHER
    volunteer_host: bool = False
    """Offered to stay at a table as its host; volunteers are chosen before anyone else."""


@dataclass(frozen=True, slots=True)
class TableSeating:
    """One table in one round: its host and the travellers sitting with them."""

    table: int
    """The table's number as printed on its card (1-based, stable across re-plans)."""
    host: str
    members: tuple[str, ...]
    """Everyone at the table except the host."""

    @property
    def people(self) -> tuple[str, ...]:
        """Host first, then the members."""
        return (self.host, *self.members)


@dataclass(frozen=True, slots=True)
class RoundSeating:
    """All tables of one café round."""

    round: int
    """1-based round number."""
    tables: tuple[TableSeating, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    """A seating plan for every round; immutable so a re-plan can never alter history."""

    rounds: tuple[RoundSeating, ...]

    @property
    def table_numbers(self) -> tuple[int, ...]:
        """The table numbers of the last round (tables may be added by a re-plan)."""
        return tuple(table.table for table in self.rounds[-1].tables) if self.rounds else ()

    def hosts(self, round_number: int | None = None) -> dict[int, str]:
        """Table number -> host id in ``round_number`` (default: the last round)."""
        if not self.rounds:
            return {}
        chosen = self.rounds[-1 if round_number is None else round_number - 1]
        return {table.table: table.host for table in chosen.tables}


@dataclass(frozen=True, slots=True)
class Metrics:
    """How good a plan is, in the issue's order of priority.

    Pair counts are *excess* meetings: a pair that shares a table in 3 rounds counts 2.
    Host revisits are counted separately and are also part of ``repeated_pairs``.
    """

    repeated_pairs: int
    max_pair_meetings: int
    host_revisits: int
    single_sector_tables: int
    """(round, table) cells of 2 or more people who all come from one sector."""
    same_organisation_pairs: int
    """Pairs from the same (non-empty) organisation at one table, counted per round."""
    size_spread: int
    """Largest difference between table sizes within one round."""

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class LowerBound:
    """No plan for these numbers can do better than this (see the package docstring)."""

    repeated_pairs: int
    host_revisits: int
    tables_for_zero: int | None
    """The smallest table count (at least the current one) at which the planner is
    guaranteed to reach zero repeats and zero host revisits; ``None`` if there is none."""
    guaranteed: bool = False
    """The planner reaches this bound by construction (true whenever it is zero and a
    zero-repeat skeleton exists; see the package docstring for 6 tables and 6 rounds)."""

    @property
    def is_zero(self) -> bool:
        return self.repeated_pairs == 0 and self.host_revisits == 0

    def as_dict(self) -> dict[str, int | None]:
        return asdict(self)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def score(plan: Plan, people: Iterable[SeatingPerson]) -> Metrics:
    """Measure ``plan``; people not in ``people`` (e.g. who left) count as unknown sector.

    Written without any of the planner's data structures on purpose: it is the judge.
    """
    by_id = {person.id: person for person in people}
    met: dict[tuple[str, str], int] = {}
    hosted: dict[tuple[str, str], int] = {}
    single_sector = same_org = spread = 0
    for seating in plan.rounds:
        sizes = [len(table.members) + 1 for table in seating.tables]
        if sizes:
            spread = max(spread, max(sizes) - min(sizes))
        for table in seating.tables:
            everyone = table.people
            for member in table.members:
                key = (member, table.host)
                hosted[key] = hosted.get(key, 0) + 1
            for i, a in enumerate(everyone):
                for b in everyone[i + 1 :]:
                    key = _pair(a, b)
                    met[key] = met.get(key, 0) + 1
            sectors = {by_id[p].sector if p in by_id else None for p in everyone}
            if len(everyone) >= 2 and len(sectors) == 1 and None not in sectors:
                single_sector += 1
            orgs: dict[str, int] = {}
            for p in everyone:
                org = by_id[p].organisation.casefold() if p in by_id else ""
                if org:
                    orgs[org] = orgs.get(org, 0) + 1
            same_org += sum(count * (count - 1) // 2 for count in orgs.values())
    return Metrics(
        repeated_pairs=sum(count - 1 for count in met.values()),
        max_pair_meetings=max(met.values(), default=0),
        host_revisits=sum(count - 1 for count in hosted.values()),
        single_sector_tables=single_sector,
        same_organisation_pairs=same_org,
        size_spread=spread,
    )


def itinerary(plan: Plan, person_id: str) -> list[int | None]:
    """The table number ``person_id`` sits at in each round (``None``: not there)."""
    result: list[int | None] = []
    for seating in plan.rounds:
        found = None
        for table in seating.tables:
            if table.host == person_id or person_id in table.members:
                found = table.table
                break
        result.append(found)
    return result


def itinerary_lines(plan: Plan, names: Mapping[str, str]) -> list[str]:
    """One printable line per person, e.g. "Åsa: bord 3, 7, 1, 5", for table cards.

    ``names`` maps id to display name, in the order the lines should come; hosts are
    marked so they know to stay.
    """
    hosts = {table.host for seating in plan.rounds for table in seating.tables}
    lines = []
    for person_id, name in names.items():
        tables = ", ".join(
            "–" if number is None else str(number) for number in itinerary(plan, person_id)
        )
        key = "seating.itinerary_host" if person_id in hosts else "seating.itinerary"
        lines.append(t(key, name=name, tables=tables))
    return lines


def check_plan(plan: Plan, present: Sequence[Sequence[str]]) -> list[str]:
    """Hard-constraint violations (for tests and assertions): empty when the plan is valid.

    ``present[r]`` lists who must be seated in round ``r``; hosts must not move between
    rounds unless they left.
    """
    errors: list[str] = []
    previous_hosts: dict[int, str] = {}
    for index, seating in enumerate(plan.rounds):
        seated = [p for table in seating.tables for p in table.people]
        if sorted(seated) != sorted(present[index]):
            errors.append(f"round {index + 1}: seated {len(seated)} != present")
        sizes = [len(table.people) for table in seating.tables]
        if sizes and max(sizes) - min(sizes) > 1:
            errors.append(f"round {index + 1}: sizes {sizes}")
        for table in seating.tables:
            old = previous_hosts.get(table.table)
            if old is not None and old != table.host and old in present[index]:
                errors.append(f"round {index + 1}: host of table {table.table} moved")
            previous_hosts[table.table] = table.host
    return errors
