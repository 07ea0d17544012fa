"""Putting people on the skeleton: which position sits at which table in each round.

The construction (``construct``) gives positions that never meet twice; this module
turns them into table cells, matches groups to tables, and puts people on positions.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Sequence

from cafe.core.seating.bound import lower_bound
from cafe.core.seating.construct import skeleton
from cafe.core.seating.people import CodedPeople, slot_order
from cafe.core.seating.slot_search import SlotSearch


def skeleton_cells(g: int, travellers: int, rounds: int) -> tuple[list[list[int]], bool]:
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


def assign_positions(
    coded: CodedPeople,
    cells: list[list[int]],
    g: int,
    rounds: int,
    hosts: list[int],
    travellers: list[int],
    rng: random.Random,
    pinned: Sequence[bool] = (),
) -> list[int]:
    """Put people on positions (hosts first), then swap whole itineraries for mixing.

    ``pinned[t]`` keeps table t's host where it is (a host kept from an earlier plan).
    """
    order = hosts + slot_order(coded, travellers, rng)
    search = SlotSearch(
        coded.sectors,
        coded.orgs,
        [p.volunteer_host for p in coded.people],
        cells,
        [x < g for x in range(len(cells))],
        order,
        rounds * g,
        rng,
        pinned,
    )
    return search.run(min(40_000, 2_000 + 40 * len(travellers)), 400 + 4 * len(travellers))
