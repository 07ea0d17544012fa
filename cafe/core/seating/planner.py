"""Planning: a whole plan from a skeleton and a search, the circle order, and ``seat``.

The parts live beside it by job: ``people`` (table count, hosts), ``placement`` (people
on the skeleton), ``replanner`` (later rounds after arrivals and departures).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from cafe.core.participants import Sector
from cafe.core.seating.bound import carried_over, lower_bound
from cafe.core.seating.model import (
    LowerBound,
    Metrics,
    Plan,
    RoundSeating,
    SeatingPerson,
    TableSeating,
    score,
)
from cafe.core.seating.people import (
    CodedPeople,
    choose_hosts,
    fail,
    search_steps,
    table_count,
)
from cafe.core.seating.placement import assign_positions, skeleton_cells
from cafe.core.seating.plan import SeatingPlan
from cafe.core.seating.replanner import replan
from cafe.core.seating.search import RoundSearch

CIRCLE_BELOW = 10
"""The agenda's rule: fewer than 10 people sit in one circle, not at tables."""


def plan_seating(
    people: Sequence[SeatingPerson],
    rounds: int,
    size_target: int = 4,
    size_min: int = 3,
    size_max: int = 5,
    tables: int | None = None,
    seed: int = 0,
    keep_hosts: Mapping[int, str] | None = None,
) -> Plan:
    """Seat everyone for every round: hosts fixed, travellers moving, few repeats.

    Starts from a skeleton (zero repeats when the bound is zero; otherwise one without
    traveller repeats for as many rounds as possible), puts people on it for mixing,
    then improves round by round.

    ``keep_hosts`` (table number → id, an earlier plan's hosts, printed on the table
    cards) keeps those of them who are in ``people`` as hosts: at their own table while
    it exists, else at a table whose host is gone; only the tables left get new hosts.
    """
    if not people:
        raise fail("seating.nobody")
    if rounds < 1:
        raise fail("seating.bad_rounds", rounds=rounds)
    coded = CodedPeople.of(people)
    n = len(people)
    g = table_count(n, size_target, size_min, size_max, tables)
    rng = random.Random(seed)
    kept = _kept_hosts(people, g, keep_hosts or {})
    if kept:
        free = [i for i in range(n) if i not in kept.values()]
        chosen = iter(choose_hosts(people, g - len(kept), rng, free))
        hosts = [kept[t] if t in kept else next(chosen) for t in range(g)]
    else:
        hosts = choose_hosts(people, g, rng, range(n))
    host_set = set(hosts)
    travellers = [i for i in range(n) if i not in host_set]
    cells, protect = skeleton_cells(g, len(travellers), rounds)
    covered = len(cells[0]) if cells else 0
    seating: list[list[list[int]]] = [[[] for _ in range(g)] for _ in range(rounds)]
    if covered:
        pinned = [t in kept for t in range(g)]
        assignment = assign_positions(coded, cells, g, covered, hosts, travellers, rng, pinned)
        hosts = assignment[:g]
        for slot in range(g, len(cells)):
            for r, cell in enumerate(cells[slot]):
                seating[r][cell - r * g].append(assignment[slot])
        host_set = set(hosts)
        travellers = [i for i in range(n) if i not in host_set]
    search = RoundSearch(
        coded.sectors,
        coded.orgs,
        hosts,
        seating,
        [travellers] * rounds,
        [{} for _ in range(n)],
        [{} for _ in range(n)],
        rng,
        protect_pairs=protect,
    )
    if protect:
        seating = search.run(min(20_000, 20 * len(travellers)), 400)
    else:
        seating = search.run(*search_steps(len(travellers), rounds))
    return Plan(
        tuple(
            RoundSeating(
                r + 1,
                tuple(
                    TableSeating(
                        t_index + 1,
                        people[hosts[t_index]].id,
                        tuple(people[p].id for p in seating[r][t_index]),
                    )
                    for t_index in range(g)
                ),
            )
            for r in range(rounds)
        )
    )


def _kept_hosts(people: Sequence[SeatingPerson], g: int, keep: Mapping[int, str]) -> dict[int, int]:
    """Table index → person index of the earlier hosts still here, at most one per table.

    Each stays at their own table if it is among the ``g``; those whose table is gone
    take the lowest tables left without a host, in their old tables' order.
    """
    index = {person.id: i for i, person in enumerate(people)}
    here = sorted((no, index[pid]) for no, pid in keep.items() if pid in index)
    kept: dict[int, int] = {}
    for no, person in here:
        if 1 <= no <= g and person not in kept.values():
            kept[no - 1] = person
    open_tables = (t for t in range(g) if t not in kept)
    for _no, person in here:
        if person not in kept.values():
            table = next(open_tables, None)
            if table is None:
                break
            kept[table] = person
    return kept


def circle_order(people: Sequence[SeatingPerson], seed: int = 0) -> list[str]:
    """Speaking order for the circle: sectors and organisations spread evenly round it.

    Each group of k people among n takes positions near (i + 1/2) * n / k, so no sector
    bunches up; within a sector, organisations are spread the same way.
    """
    rng = random.Random(seed)

    def spread(groups: list[list[SeatingPerson]]) -> list[SeatingPerson]:
        total = sum(len(group) for group in groups)
        keyed = []
        for g_index, group in enumerate(groups):
            offset = rng.random()
            for i, person in enumerate(group):
                keyed.append(((i + 0.5 * offset + 0.25) * total / len(group), g_index, person))
        keyed.sort(key=lambda item: (item[0], item[1]))
        return [person for _, _, person in keyed]

    by_sector: dict[Sector, dict[str, list[SeatingPerson]]] = {}
    for number, person in enumerate(people):
        org = person.organisation.casefold().strip() or f"\x00{number}"
        by_sector.setdefault(person.sector, {}).setdefault(org, []).append(person)
    sector_lists = []
    for orgs in by_sector.values():
        groups = list(orgs.values())
        rng.shuffle(groups)
        sector_lists.append(spread(groups))
    return [person.id for person in spread(sector_lists)]


@dataclass(frozen=True, slots=True)
class SeatingResult:
    """What ``cafe seating plan`` produces: a table plan with its scores, or a circle."""

    mode: Literal["tables", "circle"]
    plan: Plan | None = None
    metrics: Metrics | None = None
    bound: LowerBound | None = None
    order: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON contract."""
        data = SeatingPlan.from_planner(self).to_stored()
        assert data is not None
        if self.plan is not None:
            # Here "tables" counts the last round's tables, as it always has; the stored
            # form counts every table any round uses (more only if a re-plan dropped one).
            data["tables"] = len(self.plan.table_numbers)
        return data


def seat(
    people: Sequence[SeatingPerson],
    rounds: int,
    size_target: int = 4,
    *,
    size_min: int = 3,
    size_max: int = 5,
    tables: int | None = None,
    seed: int = 0,
    circle_below: int = CIRCLE_BELOW,
    history: Plan | None = None,
    from_round: int | None = None,
    keep_hosts: Mapping[int, str] | None = None,
) -> SeatingResult:
    """Everything ``cafe seating plan`` does after reading its input; shared with the TUI.

    With ``history`` (and ``from_round``) the rounds before ``from_round`` are kept and
    ``people`` is who is present now; the bound then adds what history already holds, the
    bound for the rounds still to play, and the pairs of the last held round's tables who
    must meet again in the next (a pair met in both stretches has one more repeat than
    its repeats within each, so the three add up). Without ``history``, ``keep_hosts``
    keeps an earlier plan's hosts (``plan_seating``).
    """
    if history is None and len(people) < circle_below:
        return SeatingResult("circle", order=tuple(circle_order(people, seed)))
    if history is None:
        plan = plan_seating(
            people, rounds, size_target, size_min, size_max, tables, seed, keep_hosts
        )
        bound = lower_bound(len(people), len(plan.table_numbers), rounds)
        return SeatingResult("tables", plan, score(plan, people), bound)
    start = from_round if from_round is not None else len(history.rounds) + 1
    plan = replan(history, people, start, seed, rounds, size_max)
    past = score(Plan(plan.rounds[: start - 1]), people)
    ahead = lower_bound(len(people), len(plan.table_numbers), rounds - start + 1)
    carried = 0
    if start >= 2:
        here = {person.id for person in people}
        held = plan.rounds[start - 2].tables
        sizes = (sum(pid in here for pid in table.people) for table in held)
        carried = carried_over(sizes, len(plan.rounds[start - 1].tables))
    bound = LowerBound(
        past.repeated_pairs + ahead.repeated_pairs + carried,
        past.host_revisits + ahead.host_revisits,
        ahead.tables_for_zero,
        guaranteed=False,
    )
    return SeatingResult("tables", plan, score(plan, people), bound)
