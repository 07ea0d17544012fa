"""Re-planning after arrivals and departures: later rounds anew, earlier ones and hosts kept."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from cafe.core.seating.model import Plan, RoundSeating, SeatingPerson, TableSeating
from cafe.core.seating.people import CodedPeople, choose_hosts, fail, search_steps
from cafe.core.seating.search import RoundSearch


def replan(
    plan: Plan,
    present: Sequence[SeatingPerson],
    from_round: int,
    seed: int = 0,
    rounds: int | None = None,
    size_max: int = 5,
) -> Plan:
    """Re-plan rounds ``from_round``.. for who is present now; earlier rounds stay as they were.

    Hosts keep their tables. A host who left is replaced by someone who sat at that table
    in the last round played; tables are added only when tables would exceed
    ``size_max``, and removed only when a table would be left with its host alone.
    Meetings in the earlier rounds count, so nobody meets a person again if avoidable.
    """
    total = len(plan.rounds) if rounds is None else rounds
    if not plan.rounds or not 1 <= from_round <= total or from_round - 1 > len(plan.rounds):
        raise fail("seating.bad_from_round", count=total, round=from_round, rounds=total)
    if not present:
        raise fail("seating.nobody")
    coded = CodedPeople.of(present)
    n = len(present)
    index = {person.id: i for i, person in enumerate(present)}
    rng = random.Random(seed)
    fixed = plan.rounds[: from_round - 1]
    reference = plan.rounds[from_round - 2] if from_round >= 2 else plan.rounds[0]
    numbers = [table.table for table in reference.tables]
    old_hosts = {table.table: table.host for table in reference.tables}

    target = len(numbers)
    if math.ceil(n / target) > size_max:
        target = math.ceil(n / size_max)
    while target > 1 and n < 2 * target:
        target -= 1
    if target < len(numbers):
        keep = sorted(numbers, key=lambda no: (old_hosts[no] not in index, no))[:target]
        numbers = [no for no in numbers if no in keep]

    hosts: dict[int, int] = {}
    taken: set[int] = set()
    for no in numbers:
        if old_hosts[no] in index:
            hosts[no] = index[old_hosts[no]]
            taken.add(hosts[no])
    last_members = {table.table: table.members for table in reference.tables}
    seen_before = {p for seating in fixed for table in seating.tables for p in table.people}
    for no in numbers:
        if no in hosts:
            continue
        at_table = (
            [index[p] for p in last_members[no] if p in index and index[p] not in taken]
            if from_round >= 2
            else []
        )
        pool = (
            at_table
            or [i for i in range(n) if i not in taken and present[i].id not in seen_before]
            or [i for i in range(n) if i not in taken]
        )
        pick = choose_hosts(present, 1, rng, pool)[0]
        hosts[no] = pick
        taken.add(pick)
    next_number = max((table.table for s in plan.rounds for table in s.tables), default=0) + 1
    while len(numbers) < target:
        fresh = [i for i in range(n) if i not in taken and present[i].id not in seen_before]
        pick = choose_hosts(present, 1, rng, fresh or [i for i in range(n) if i not in taken])[0]
        numbers.append(next_number)
        hosts[next_number] = pick
        taken.add(pick)
        next_number += 1

    met: list[dict[int, int]] = [{} for _ in range(n)]
    hosted: list[dict[int, int]] = [{} for _ in range(n)]
    for seating in fixed:
        for table in seating.tables:
            here = [index[p] for p in table.people if p in index]
            for i, a in enumerate(here):
                for b in here[i + 1 :]:
                    met[a][b] = met[a].get(b, 0) + 1
                    met[b][a] = met[b].get(a, 0) + 1
            if table.host in index:
                h = index[table.host]
                for p in table.members:
                    if p in index:
                        hosted[index[p]][h] = hosted[index[p]].get(h, 0) + 1

    position = {no: i for i, no in enumerate(numbers)}
    host_list = [hosts[no] for no in numbers]
    travellers = [i for i in range(n) if i not in taken]
    traveller_set = set(travellers)
    start: list[list[list[int]]] = []
    for r in range(from_round - 1, total):
        seats: list[list[int]] = [[] for _ in numbers]
        if r < len(plan.rounds):
            for table in plan.rounds[r].tables:
                if table.table in position:
                    seats[position[table.table]] = [
                        index[p] for p in table.people if p in index and index[p] in traveller_set
                    ]
        start.append(seats)
    previous = [-1] * n
    if fixed:
        for table in fixed[-1].tables:
            for p in table.members:
                if p in index and table.table in position:
                    previous[index[p]] = position[table.table]
    search = RoundSearch(
        coded.sectors,
        coded.orgs,
        host_list,
        start,
        [travellers] * len(start),
        met,
        hosted,
        rng,
        previous=previous,
    )
    steps, stall = search_steps(len(travellers), len(start))
    seating = search.run(steps, stall)
    planned = tuple(
        RoundSeating(
            from_round + k,
            tuple(
                TableSeating(
                    no,
                    present[host_list[i]].id,
                    tuple(present[p].id for p in seating[k][i]),
                )
                for i, no in enumerate(numbers)
            ),
        )
        for k in range(len(start))
    )
    return Plan(tuple(fixed) + planned)
