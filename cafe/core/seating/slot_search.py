"""Swapping whole itineraries on a zero-repeat skeleton, to mix sectors and split
organisations (the cost model is ``search``'s; a swap here can never add a repeat)."""

from __future__ import annotations

import random
from collections.abc import Sequence

from cafe.core.seating.search import SECTORS, W_ORG, W_SECTOR, _BadSet, _mix_delta, _org_add


class SlotSearch:
    """Assign people to skeleton positions so tables mix sectors and split organisations.

    ``cells[x]`` lists the cell (round * g + table) of position x in each round; every
    person sits in exactly one position. Swaps between a host position and a traveller
    position are allowed only between two volunteers or two non-volunteers, so volunteers
    keep priority. ``pinned`` positions (hosts kept from an earlier plan) never swap.
    """

    def __init__(
        self,
        sectors: Sequence[int],
        orgs: Sequence[int],
        volunteer: Sequence[bool],
        cells: Sequence[Sequence[int]],
        is_host_slot: Sequence[bool],
        person_of: Sequence[int],
        cell_count: int,
        rng: random.Random,
        pinned: Sequence[bool] = (),
    ) -> None:
        self.sectors, self.orgs, self.volunteer = sectors, orgs, volunteer
        self.pinned = [slot < len(pinned) and pinned[slot] for slot in range(len(cells))]
        self.cells, self.is_host = cells, is_host_slot
        self.person_of = list(person_of)
        self.rng = rng
        self.cell_slots: list[list[int]] = [[] for _ in range(cell_count)]
        self.counts = [[0] * SECTORS for _ in range(cell_count)]
        self.org_counts: list[dict[int, int]] = [{} for _ in range(cell_count)]
        for slot, slot_cells in enumerate(cells):
            person = self.person_of[slot]
            for cell in slot_cells:
                self.cell_slots[cell].append(slot)
                self.counts[cell][sectors[person]] += 1
                _org_add(self.org_counts[cell], orgs[person], 1)
        self.bad = _BadSet()
        for cell in range(cell_count):
            self.bad.set(cell, self._is_bad(cell))

    def _is_bad(self, cell: int) -> bool:
        size = len(self.cell_slots[cell])
        if size >= 2 and max(self.counts[cell]) == size:
            return True
        return any(count > 1 for count in self.org_counts[cell].values())

    def cost(self) -> int:
        total = 0
        for cell, slots in enumerate(self.cell_slots):
            size = len(slots)
            total += W_SECTOR * (size >= 2 and max(self.counts[cell]) == size)
            total += W_ORG * sum(c * (c - 1) // 2 for c in self.org_counts[cell].values())
        return total

    def _swappable(self, x: int, y: int) -> bool:
        if self.pinned[x] or self.pinned[y]:
            return False
        if self.is_host[x] == self.is_host[y]:
            return True
        return self.volunteer[self.person_of[x]] == self.volunteer[self.person_of[y]]

    def _delta(self, x: int, y: int) -> int:
        p, q = self.person_of[x], self.person_of[y]
        sp, sq, op, oq = self.sectors[p], self.sectors[q], self.orgs[p], self.orgs[q]
        if sp == sq and op == oq:
            return 0
        delta = 0
        for cx, cy in zip(self.cells[x], self.cells[y], strict=True):
            if cx == cy:
                continue
            delta += _mix_delta(
                self.counts[cx], self.org_counts[cx], len(self.cell_slots[cx]), sp, op, sq, oq
            )
            delta += _mix_delta(
                self.counts[cy], self.org_counts[cy], len(self.cell_slots[cy]), sq, oq, sp, op
            )
        return delta

    def _swap(self, x: int, y: int) -> None:
        p, q = self.person_of[x], self.person_of[y]
        for slot, old, new in ((x, p, q), (y, q, p)):
            for cell in self.cells[slot]:
                self.counts[cell][self.sectors[old]] -= 1
                self.counts[cell][self.sectors[new]] += 1
                _org_add(self.org_counts[cell], self.orgs[old], -1)
                _org_add(self.org_counts[cell], self.orgs[new], 1)
        self.person_of[x], self.person_of[y] = q, p
        for slot in (x, y):
            for cell in self.cells[slot]:
                self.bad.set(cell, self._is_bad(cell))

    def run(self, steps: int, stall: int, candidates: int = 24) -> list[int]:
        """Improve for at most ``steps`` moves (or ``stall`` without a new best).

        Returns the best person-per-position found.
        """
        rng, slots = self.rng, len(self.person_of)
        current = best = self.cost()
        best_assignment = list(self.person_of)
        since_best = 0
        for _ in range(steps):
            if not self.bad or slots < 2 or since_best > stall:
                break
            since_best += 1
            cell = self.bad.pick(rng)
            members = self.cell_slots[cell]
            x = members[rng.randrange(len(members))]
            best_delta, best_y = None, -1
            for _ in range(candidates):
                y = rng.randrange(slots)
                if y == x or not self._swappable(x, y):
                    continue
                delta = self._delta(x, y)
                if best_delta is None or delta < best_delta:
                    best_delta, best_y = delta, y
            if best_delta is None:
                continue
            if best_delta < 0 or (best_delta == 0 and rng.random() < 0.5) or rng.random() < 0.01:
                self._swap(x, best_y)
                current += best_delta
                if current < best:
                    best, best_assignment, since_best = current, list(self.person_of), 0
        return best_assignment
