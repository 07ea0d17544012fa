"""Planning and re-planning: table count, hosts, skeleton, search; and the circle order."""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from cafe.core.errors import CafeError, Problem
from cafe.core.participants import Sector
from cafe.core.seating.bound import lower_bound
from cafe.core.seating.construct import skeleton
from cafe.core.seating.model import (
    LowerBound,
    Metrics,
    Plan,
    RoundSeating,
    SeatingPerson,
    TableSeating,
    plan_to_json,
    score,
)
from cafe.core.seating.search import RoundSearch, SlotSearch
from cafe.i18n import t

CIRCLE_BELOW = 10
"""The agenda's rule: fewer than 10 people sit in one circle, not at tables."""

_SECTOR_INDEX = {sector: i for i, sector in enumerate(Sector)}


def _fail(message: str) -> CafeError:
    return CafeError([Problem("", message)])


def table_count(
    n: int, size_target: int, size_min: int = 3, size_max: int = 5, tables: int | None = None
) -> int:
    """How many tables: ``tables`` if given (checked), else ceil(n / size_target).

    One table fewer is used when that avoids tables below ``size_min`` without going over
    ``size_max``: 5 people with target 4 sit at one table of 5 rather than at 3 + 2.
    """
    if not 2 <= size_target <= size_max or size_min > size_target:
        raise _fail(t("seating.bad_size", size=size_target, low=size_min, high=size_max))
    if tables is not None:
        if not 1 <= tables <= n:
            raise _fail(t("seating.bad_tables", count=n, tables=tables, n=n))
        if math.ceil(n / tables) > size_max:
            raise _fail(
                t(
                    "seating.tables_too_few",
                    count=tables,
                    tables=tables,
                    n=n,
                    high=size_max,
                    need=math.ceil(n / size_max),
                )
            )
        return tables
    g = max(1, math.ceil(n / size_target))
    if g > 1 and n // g < size_min and math.ceil(n / (g - 1)) <= size_max:
        g -= 1
    return g


@dataclass(frozen=True, slots=True)
class _People:
    """People as indices, with sector and organisation as small integers for the search."""

    people: tuple[SeatingPerson, ...]
    sectors: list[int]
    orgs: list[int]

    @classmethod
    def of(cls, people: Sequence[SeatingPerson]) -> _People:
        ids: set[str] = set()
        for person in people:
            if person.id in ids:
                raise _fail(t("seating.duplicate_id", id=person.id))
            ids.add(person.id)
        org_ids: dict[str, int] = {}
        orgs = []
        for person in people:
            key = person.organisation.casefold().strip()
            orgs.append(org_ids.setdefault(key, len(org_ids)) if key else -1)
        return cls(tuple(people), [_SECTOR_INDEX[p.sector] for p in people], orgs)


def choose_hosts(
    people: Sequence[SeatingPerson], count: int, rng: random.Random, among: Sequence[int]
) -> list[int]:
    """Pick ``count`` hosts from ``among`` (indices): volunteers first, then spread.

    Each pick takes the candidate whose sector has the fewest hosts relative to its size
    and whose organisation hosts least, so hosts look like the room.
    """
    candidates = list(among)
    rng.shuffle(candidates)
    candidates.sort(key=lambda i: not people[i].volunteer_host)
    volunteers = sum(people[i].volunteer_host for i in candidates)
    sector_size: dict[Sector, int] = {}
    for i in candidates:
        sector_size[people[i].sector] = sector_size.get(people[i].sector, 0) + 1
    by_sector: dict[Sector, int] = {}
    by_org: dict[str, int] = {}
    chosen: list[int] = []
    pool = candidates
    for _ in range(min(count, len(candidates))):
        window = pool[:volunteers] if volunteers > 0 else pool

        def key(i: int) -> tuple[int, float]:
            person = people[i]
            org = person.organisation.casefold().strip()
            share = by_sector.get(person.sector, 0) / sector_size[person.sector]
            return (by_org.get(org, 0) if org else 0, share)

        pick = min(window, key=key)
        pool = [i for i in pool if i != pick]
        if people[pick].volunteer_host:
            volunteers -= 1
        chosen.append(pick)
        person = people[pick]
        by_sector[person.sector] = by_sector.get(person.sector, 0) + 1
        org = person.organisation.casefold().strip()
        if org:
            by_org[org] = by_org.get(org, 0) + 1
    return chosen


def _slot_order(people: _People, travellers: list[int], rng: random.Random) -> list[int]:
    """Travellers grouped by sector, then organisation, for filling skeleton rows.

    A row of the skeleton never meets itself, so consecutive colleagues never meet, and
    rows of one sector next to rows of another make every table mixed.
    """
    groups: dict[tuple[int, int], list[int]] = {}
    for i in travellers:
        org = people.orgs[i]
        groups.setdefault((people.sectors[i], org if org >= 0 else -1 - i), []).append(i)
    keys = list(groups)
    rng.shuffle(keys)
    keys.sort(key=lambda key: (key[0], -len(groups[key])))
    return [i for key in keys for i in groups[key]]


def _steps(travellers: int, rounds: int) -> tuple[int, int]:
    """Search budget (moves, moves without a new best): grows with the problem, capped.

    Counted in moves, never in seconds, so that a seed fixes the result on any machine.
    """
    steps = min(20_000, 1_000 + 20 * travellers * max(1, rounds))
    return steps, 500 + 4 * travellers


def plan_seating(
    people: Sequence[SeatingPerson],
    rounds: int,
    size_target: int = 4,
    size_min: int = 3,
    size_max: int = 5,
    tables: int | None = None,
    seed: int = 0,
) -> Plan:
    """Seat everyone for every round: hosts fixed, travellers moving, few repeats.

    Starts from a skeleton (zero repeats when the bound is zero; otherwise one without
    traveller repeats for as many rounds as possible), puts people on it for mixing,
    then improves round by round.
    """
    if not people:
        raise _fail(t("seating.nobody"))
    if rounds < 1:
        raise _fail(t("seating.bad_rounds", rounds=rounds))
    coded = _People.of(people)
    n = len(people)
    g = table_count(n, size_target, size_min, size_max, tables)
    rng = random.Random(seed)
    hosts = choose_hosts(people, g, rng, range(n))
    host_set = set(hosts)
    travellers = [i for i in range(n) if i not in host_set]
    cells, protect = _skeleton_cells(g, len(travellers), rounds)
    covered = len(cells[0]) if cells else 0
    seating: list[list[list[int]]] = [[[] for _ in range(g)] for _ in range(rounds)]
    if covered:
        assignment = _assign_positions(coded, cells, g, covered, hosts, travellers, rng)
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
        seating = search.run(*_steps(len(travellers), rounds))
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


def _skeleton_cells(g: int, travellers: int, rounds: int) -> tuple[list[list[int]], bool]:
    """Cell (round * g + table) of every position in each covered round; zero-repeat flag.

    Positions 0..g-1 are the hosts'. With a zero bound and a known skeleton this covers
    all rounds with zero repeats (6 tables and 6 rounds: the first 5 rounds). Otherwise travellers alone get a skeleton without
    traveller repeats (rows may include one that stays put, and when every table has g
    travellers an extra round groups them by row: the affine plane's last direction);
    each round's groups are then matched to tables to spare hosts, and rounds beyond
    are left to the search.
    """
    if travellers == 0 or (rounds <= 1 and travellers <= g):
        return [], False
    rows = math.ceil(travellers / g)
    n = g + travellers
    if lower_bound(n, g, rounds).is_zero:
        for covered in range(rounds, 1, -1):
            full = skeleton(g, rows + 1, covered)
            if full is not None:
                cells = _positions(full.tables, g, rows, travellers, covered, with_hosts=True)
                return cells, covered == rounds
    if rows > g:
        return [], False
    by_row = rows == g and travellers == g * g and rounds > g
    covered = min(rounds, g)
    shape = skeleton(g, rows, covered)
    while shape is None and covered > 1:
        covered -= 1
        shape = skeleton(g, rows, covered)
    if shape is None:
        return [], False
    groups = _positions(shape.tables, g, rows, travellers, covered, with_hosts=False)
    if by_row and covered == g:
        for position, slot in enumerate(groups):
            slot.append(position // g)
    return [[r * g + t for r in range(len(groups[0]))] for t in range(g)] + _match_tables(
        groups, g
    ), False


def _positions(
    tables: tuple[tuple[tuple[int, ...], ...], ...],
    g: int,
    rows: int,
    travellers: int,
    rounds: int,
    with_hosts: bool,
) -> list[list[int]]:
    """Per position, its table (or cell, with hosts) in each round; the last row is cut."""
    dropped = rows * g - travellers
    first = 1 if with_hosts else 0
    result: list[list[int]] = (
        [[r * g + t for r in range(rounds)] for t in range(g)] if with_hosts else []
    )
    for j in range(first, rows + first):
        for a in range(g):
            if j == rows + first - 1 and a < dropped:
                continue
            if with_hosts:
                result.append([r * g + tables[j][a][r] for r in range(rounds)])
            else:
                result.append([tables[j][a][r] for r in range(rounds)])
    return result


_MATCH_NODES = 30_000
"""Budget for the exhaustive search over table matchings (small g only)."""


def _match_tables(groups: list[list[int]], g: int) -> list[list[int]]:
    """Turn per-round groups into cells, matching groups to tables to spare host revisits.

    Which group sits at which table changes no traveller pair, only who returns to a
    host. A revisit costs more for someone who already revisited (so they spread) and
    more again when it means not moving at all. A greedy pass gives a first matching;
    for small g a branch-and-bound over every round's matchings improves it.
    """
    rounds = len(groups[0])
    members: list[list[list[int]]] = [[[] for _ in range(g)] for _ in range(rounds)]
    for position, slot in enumerate(groups):
        for r in range(rounds):
            members[r][slot[r]].append(position)
    visits = [[0] * g for _ in groups]
    again = [0] * len(groups)
    last = [-1] * len(groups)

    def place(r: int, perm: Sequence[int]) -> tuple[int, list[tuple[int, int, int]]]:
        """Seat round r by ``perm``; returns the cost and what to undo."""
        cost, undo = 0, []
        for group in range(g):
            table = perm[group]
            for x in members[r][group]:
                undo.append((x, again[x], last[x]))
                if visits[x][table]:
                    cost += 10 + 4 * again[x] + 6 * (last[x] == table)
                    again[x] += 1
                visits[x][table] += 1
                last[x] = table
        return cost, undo

    def unplace(r: int, perm: Sequence[int], undo: list[tuple[int, int, int]]) -> None:
        for group in range(g):
            for x in members[r][group]:
                visits[x][perm[group]] -= 1
        for x, old_again, old_last in reversed(undo):
            again[x], last[x] = old_again, old_last

    greedy: list[tuple[int, ...]] = []
    undos = []
    greedy_cost = 0
    for r in range(rounds):
        cost = [
            [
                sum(
                    visits[x][t] * (10 + 4 * again[x] + 6 * (last[x] == t)) for x in members[r][grp]
                )
                for t in range(g)
            ]
            for grp in range(g)
        ]
        chosen = [-1] * g
        free = list(range(g))
        for group in sorted(range(g), key=lambda grp: -len(members[r][grp])):
            table = min(free, key=lambda tb, grp=group: cost[grp][tb])
            chosen[group] = table
            free.remove(table)
        greedy.append(tuple(chosen))
        added, undo = place(r, chosen)
        greedy_cost += added
        undos.append(undo)
    best = list(greedy)
    if g <= 5 and rounds > 1:
        for r in range(rounds - 1, -1, -1):
            unplace(r, greedy[r], undos[r])
        perms = list(itertools.permutations(range(g)))
        current: list[tuple[int, ...]] = [tuple(range(g))]
        place(0, current[0])
        nodes = 0
        best_cost = greedy_cost

        def dive(r: int, cost: int) -> None:
            nonlocal nodes, best_cost, best
            if r == rounds:
                best_cost, best = cost, list(current)
                return
            for perm in perms:
                nodes += 1
                if nodes > _MATCH_NODES:
                    return
                added, undo = place(r, perm)
                if cost + added < best_cost:
                    current.append(perm)
                    dive(r + 1, cost + added)
                    current.pop()
                unplace(r, perm, undo)

        dive(1, 0)
    cells = [[0] * rounds for _ in groups]
    for r in range(rounds):
        for group in range(g):
            for x in members[r][group]:
                cells[x][r] = r * g + best[r][group]
    return cells


def _assign_positions(
    coded: _People,
    cells: list[list[int]],
    g: int,
    rounds: int,
    hosts: list[int],
    travellers: list[int],
    rng: random.Random,
) -> list[int]:
    """Put people on positions (hosts first), then swap whole itineraries for mixing."""
    order = hosts + _slot_order(coded, travellers, rng)
    search = SlotSearch(
        coded.sectors,
        coded.orgs,
        [p.volunteer_host for p in coded.people],
        cells,
        [x < g for x in range(len(cells))],
        order,
        rounds * g,
        rng,
    )
    return search.run(min(40_000, 2_000 + 40 * len(travellers)), 400 + 4 * len(travellers))


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
        raise _fail(t("seating.bad_from_round", count=total, round=from_round, rounds=total))
    if not present:
        raise _fail(t("seating.nobody"))
    coded = _People.of(present)
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
    steps, stall = _steps(len(travellers), len(start))
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
        if self.mode == "circle":
            return {"mode": "circle", "order": list(self.order)}
        assert self.plan is not None and self.metrics and self.bound
        data: dict[str, Any] = {"mode": "tables"}
        data.update(plan_to_json(self.plan))
        data["metrics"] = self.metrics.as_dict()
        data["lower_bound"] = self.bound.as_dict()
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
) -> SeatingResult:
    """Everything ``cafe seating plan`` does after reading its input; shared with the TUI.

    With ``history`` (and ``from_round``) the rounds before ``from_round`` are kept and
    ``people`` is who is present now; the bound then adds what history already holds to
    the bound for the rounds still to play (repeats in separate stretches add up at least).
    """
    if history is None and len(people) < circle_below:
        return SeatingResult("circle", order=tuple(circle_order(people, seed)))
    if history is None:
        plan = plan_seating(people, rounds, size_target, size_min, size_max, tables, seed)
        bound = lower_bound(len(people), len(plan.table_numbers), rounds)
        return SeatingResult("tables", plan, score(plan, people), bound)
    start = from_round if from_round is not None else len(history.rounds) + 1
    plan = replan(history, people, start, seed, rounds, size_max)
    past = score(Plan(plan.rounds[: start - 1]), people)
    ahead = lower_bound(len(people), len(plan.table_numbers), rounds - start + 1)
    bound = LowerBound(
        past.repeated_pairs + ahead.repeated_pairs,
        past.host_revisits + ahead.host_revisits,
        ahead.tables_for_zero,
        guaranteed=False,
    )
    return SeatingResult("tables", plan, score(plan, people), bound)
