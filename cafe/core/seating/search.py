"""Local search that improves a seating, with incremental costs (pure Python, no numpy).

Two searches share one cost model, in the issue's priority order:

* pairs: meeting someone again costs ``W_PAIR`` (the metric counts excess meetings), plus
  ``W_THIRD`` for every earlier repeat of that pair. ``W_THIRD`` is above ``W_PAIR``: a
  pair's third meeting costs more than another pair's second, so no two people sit
  together all evening to save a repeat (19 people at 4 tables: 9 repeats kept three
  pairs at one table in all four rounds; 18 repeats, none more than twice, is what the
  room wants). Returning to a host costs ``W_HOST`` more, priced the same way; staying
  at the same table as in the round before (so not moving at all) costs ``W_STAY`` more;
* a single-sector table costs ``W_SECTOR``; each same-organisation pair ``W_ORG``.

:class:`~cafe.core.seating.slot_search.SlotSearch` swaps whole itineraries of a zero-repeat skeleton, so repeats cannot
appear at all. :class:`RoundSearch` moves travellers within one round (swap two, or move
one from a bigger to a smaller table); it plans small meetings, repairs re-plans, and
polishes. Both stop on a step budget, never on a clock, so a seed fixes the result.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

W_PAIR = 1000
W_HOST = 100
W_THIRD = 1200
W_STAY = 100
W_SECTOR = 400
W_ORG = 20
SECTORS = 4

_SAMPLE_TABLES = 48
"""Tables examined per move in big rounds; all of them when there are fewer."""


class _BadSet:
    """An indexable set of cell ids, for O(1) random choice, insertion and removal."""

    def __init__(self) -> None:
        self.items: list[int] = []
        self.index: dict[int, int] = {}

    def set(self, item: int, bad: bool) -> None:
        if bad and item not in self.index:
            self.index[item] = len(self.items)
            self.items.append(item)
        elif not bad and item in self.index:
            i = self.index.pop(item)
            last = self.items.pop()
            if i < len(self.items):
                self.items[i] = last
                self.index[last] = i

    def pick(self, rng: random.Random) -> int:
        return self.items[rng.randrange(len(self.items))]

    def __len__(self) -> int:
        return len(self.items)


def _mix_delta(
    counts: list[int],
    orgs: dict[int, int],
    size: int,
    out_sector: int,
    out_org: int,
    in_sector: int,
    in_org: int,
) -> int:
    """Cost change of a cell when one person leaves and/or one enters (-1: nobody).

    A cell is single-sector when everyone in it shares one sector, so it is enough to
    compare the leaving or entering person's sector count with the cell size.
    """
    if out_sector >= 0 and in_sector >= 0:
        if out_sector == in_sector or size < 2:
            delta = 0
        else:
            delta = W_SECTOR * ((counts[in_sector] + 1 == size) - (counts[out_sector] == size))
    elif out_sector >= 0:
        before = size >= 2 and counts[out_sector] == size
        after = size >= 3 and (
            counts[out_sector] == size
            or any(c == size - 1 for s, c in enumerate(counts) if s != out_sector)
        )
        delta = W_SECTOR * (after - before)
    elif in_sector >= 0:
        before = size >= 2 and max(counts) == size
        after = size >= 1 and counts[in_sector] == size
        delta = W_SECTOR * (after - before)
    else:
        delta = 0
    if out_org >= 0:
        delta -= W_ORG * (orgs[out_org] - 1)
    if in_org >= 0:
        delta += W_ORG * (orgs.get(in_org, 0) - (in_org == out_org))
    return delta


def _again(met: int) -> int:
    """Cost of one more meeting of a pair that has met ``met`` times."""
    return 0 if met == 0 else W_PAIR + W_THIRD * (met - 1)


def _again_host(met: int) -> int:
    return 0 if met == 0 else W_HOST + W_THIRD * (met - 1)


def _org_add(orgs: dict[int, int], org: int, step: int) -> None:
    if org >= 0:
        left = orgs.get(org, 0) + step
        if left:
            orgs[org] = left
        else:
            del orgs[org]


class RoundSearch:
    """Seat travellers round by round around fixed hosts, counting earlier meetings.

    ``rounds[k][t]`` lists the travellers already placed at table t in planned round k;
    ``travellers[k]`` lists everyone to seat in round k (those not placed are placed
    greedily). ``met`` and ``hosted`` hold meetings from rounds that are not planned here
    (history), by person index; ``previous[p]`` is p's table in the round just before
    the first planned one (-1: none). With ``protect_pairs`` no move may add a repeat.
    """

    def __init__(
        self,
        sectors: Sequence[int],
        orgs: Sequence[int],
        hosts: Sequence[int],
        rounds: Sequence[Sequence[Sequence[int]]],
        travellers: Sequence[Sequence[int]],
        met: Sequence[dict[int, int]],
        hosted: Sequence[dict[int, int]],
        rng: random.Random,
        protect_pairs: bool = False,
        previous: Sequence[int] | None = None,
    ) -> None:
        self.sectors, self.orgs, self.hosts, self.rng = sectors, orgs, list(hosts), rng
        self.previous = list(previous) if previous is not None else [-1] * len(sectors)
        self.protect = protect_pairs
        self.g = g = len(hosts)
        n = len(sectors)
        self.met = [dict(d) for d in met]
        self.hosted = [dict(d) for d in hosted]
        self.k = len(travellers)
        self.members: list[list[list[int]]] = [[[] for _ in range(g)] for _ in range(self.k)]
        self.where = [[-1] * n for _ in range(self.k)]
        self.counts = [[[0] * SECTORS for _ in range(g)] for _ in range(self.k)]
        self.org_counts: list[list[dict[int, int]]] = [
            [{} for _ in range(g)] for _ in range(self.k)
        ]
        self.low: list[int] = []
        self.high: list[int] = []
        for k in range(self.k):
            low, extra = divmod(len(travellers[k]), g)
            self.low.append(low)
            self.high.append(low + (extra > 0))
            for t, host in enumerate(self.hosts):
                self.counts[k][t][sectors[host]] += 1
                _org_add(self.org_counts[k][t], orgs[host], 1)
        for k in range(self.k):
            placed = set()
            for t in range(g):
                for p in rounds[k][t] if k < len(rounds) else ():
                    self._enter(k, t, p)
                    placed.add(p)
            self._place_rest(k, [p for p in travellers[k] if p not in placed])
        self.bad = _BadSet()
        for k in range(self.k):
            for t in range(g):
                self.bad.set(k * g + t, self._is_bad(k, t))

    # --- state changes -------------------------------------------------------------
    def _enter(self, k: int, t: int, p: int) -> None:
        mp, host = self.met[p], self.hosts[t]
        for q in (host, *self.members[k][t]):
            mp[q] = mp.get(q, 0) + 1
            self.met[q][p] = self.met[q].get(p, 0) + 1
        hp = self.hosted[p]
        hp[host] = hp.get(host, 0) + 1
        self.members[k][t].append(p)
        self.where[k][p] = t
        self.counts[k][t][self.sectors[p]] += 1
        _org_add(self.org_counts[k][t], self.orgs[p], 1)

    def _leave(self, k: int, t: int, p: int) -> None:
        self.members[k][t].remove(p)
        mp, host = self.met[p], self.hosts[t]
        for q in (host, *self.members[k][t]):
            mp[q] -= 1
            self.met[q][p] -= 1
        self.hosted[p][host] -= 1
        self.where[k][p] = -1
        self.counts[k][t][self.sectors[p]] -= 1
        _org_add(self.org_counts[k][t], self.orgs[p], -1)

    # --- costs -----------------------------------------------------------------------
    def _stays(self, k: int, t: int, p: int) -> int:
        """How many neighbouring rounds p spends at table t (not moving costs extra)."""
        before = self.where[k - 1][p] if k > 0 else self.previous[p]
        after = self.where[k + 1][p] if k + 1 < self.k else -1
        return (before == t) + (after == t)

    def _pair_add(self, k: int, t: int, p: int, skip: int) -> int:
        """Pair cost of p joining table t (ignoring ``skip``, who is leaving it)."""
        mp, host = self.met[p], self.hosts[t]
        total = _again(mp.get(host, 0)) + _again_host(self.hosted[p].get(host, 0))
        total += W_STAY * self._stays(k, t, p)
        for q in self.members[k][t]:
            if q != skip:
                m = mp.get(q, 0)
                if m:
                    total += W_PAIR + W_THIRD * (m - 1)
        return total

    def _pair_leave(self, k: int, t: int, p: int) -> int:
        """Pair cost change of p leaving table t (negative or zero)."""
        mp, host = self.met[p], self.hosts[t]
        total = _again(mp[host] - 1) + _again_host(self.hosted[p][host] - 1)
        total += W_STAY * self._stays(k, t, p)
        for q in self.members[k][t]:
            if q != p:
                m = mp[q]
                if m > 1:
                    total += W_PAIR + W_THIRD * (m - 2)
        return -total

    def _mix(self, k: int, t: int, out: int, into: int) -> int:
        return _mix_delta(
            self.counts[k][t],
            self.org_counts[k][t],
            len(self.members[k][t]) + 1,
            self.sectors[out] if out >= 0 else -1,
            self.orgs[out] if out >= 0 else -1,
            self.sectors[into] if into >= 0 else -1,
            self.orgs[into] if into >= 0 else -1,
        )

    def _is_bad(self, k: int, t: int) -> bool:
        members, host = self.members[k][t], self.hosts[t]
        size = len(members) + 1
        if size >= 2 and max(self.counts[k][t]) == size:
            return True
        if any(count > 1 for count in self.org_counts[k][t].values()):
            return True
        for i, p in enumerate(members):
            mp = self.met[p]
            if mp[host] > 1 or self.hosted[p][host] > 1:
                return True
            for q in members[i + 1 :]:
                if mp[q] > 1:
                    return True
        return False

    def cost(self) -> int:
        """Pair cost of all meetings (history included) plus the planned cells' mixing."""
        total = 0
        for p, mp in enumerate(self.met):
            for q, m in mp.items():
                if q > p and m > 1:
                    total += W_PAIR * (m - 1) + W_THIRD * (m - 1) * (m - 2) // 2
            for m in self.hosted[p].values():
                if m > 1:
                    total += W_HOST * (m - 1) + W_THIRD * (m - 1) * (m - 2) // 2
        for k in range(self.k):
            before = self.where[k - 1] if k > 0 else self.previous
            total += W_STAY * sum(
                1 for p, t in enumerate(self.where[k]) if t >= 0 and before[p] == t
            )
            for t in range(self.g):
                size = len(self.members[k][t]) + 1
                total += W_SECTOR * (size >= 2 and max(self.counts[k][t]) == size)
                total += W_ORG * sum(c * (c - 1) // 2 for c in self.org_counts[k][t].values())
        return total

    # --- greedy placement ------------------------------------------------------------
    def _place_rest(self, k: int, unplaced: list[int]) -> None:
        """Seat ``unplaced`` at the cheapest tables, then even out the sizes."""
        g, rng, members = self.g, self.rng, self.members[k]
        low, high = self.low[k], self.high[k]
        for t in range(g):
            while len(members[t]) > high:
                worst = max(members[t], key=lambda p, t=t: -self._pair_leave(k, t, p))
                self._leave(k, t, worst)
                unplaced.append(worst)
        rng.shuffle(unplaced)
        for p in unplaced:
            short = [t for t in range(g) if len(members[t]) < low]
            options = short or [t for t in range(g) if len(members[t]) < high]
            if len(options) > _SAMPLE_TABLES:
                options = rng.sample(options, _SAMPLE_TABLES)
            best = min(
                options, key=lambda t: (self._pair_add(k, t, p, -1) + self._mix(k, t, -1, p))
            )
            self._enter(k, best, p)
        for t in range(g):
            while len(members[t]) < low:
                sources = [s for s in range(g) if len(members[s]) > low]
                choices = [(s, p) for s in sources for p in members[s]]
                s, p = min(
                    choices,
                    key=lambda sp: self._pair_leave(k, sp[0], sp[1])
                    + self._pair_add(k, t, sp[1], -1),
                )
                self._leave(k, s, p)
                self._enter(k, t, p)

    # --- search ----------------------------------------------------------------------
    def _refresh(self, people: Sequence[int]) -> None:
        for p in people:
            for k in range(self.k):
                t = self.where[k][p]
                if t >= 0:
                    self.bad.set(k * self.g + t, self._is_bad(k, t))

    def run(self, steps: int, stall: int) -> list[list[list[int]]]:
        """Improve for at most ``steps`` moves (or ``stall`` without a new best).

        Returns the best seating found: ``[round][table] -> travellers``.
        """
        rng, g = self.rng, self.g
        current = best = self.cost()
        best_where = [list(w) for w in self.where]
        since_best = 0
        for _ in range(steps):
            if not self.bad or since_best > stall:
                break
            since_best += 1
            k, t = divmod(self.bad.pick(rng), g)
            here = self.members[k][t]
            if not here:
                self.bad.set(k * g + t, False)
                continue
            p = here[rng.randrange(len(here))]
            leave_p = self._pair_leave(k, t, p)
            can_shift_out = len(here) == self.high[k] > self.low[k]
            tables = range(g) if g <= _SAMPLE_TABLES else rng.sample(range(g), _SAMPLE_TABLES)
            best_delta: int | None = None
            moves: list[tuple[int, int]] = []
            for b in tables:
                if b == t:
                    continue
                there = self.members[k][b]
                if can_shift_out and len(there) == self.low[k]:
                    pair = leave_p + self._pair_add(k, b, p, -1)
                    if not (self.protect and pair > 0):
                        delta = pair + self._mix(k, t, p, -1) + self._mix(k, b, -1, p)
                        if best_delta is None or delta < best_delta:
                            best_delta, moves = delta, [(b, -1)]
                        elif delta == best_delta:
                            moves.append((b, -1))
                for q in there:
                    pair = (
                        leave_p
                        + self._pair_add(k, b, p, q)
                        + self._pair_leave(k, b, q)
                        + self._pair_add(k, t, q, p)
                    )
                    if self.protect and pair > 0:
                        continue
                    delta = pair + self._mix(k, t, p, q) + self._mix(k, b, q, p)
                    if best_delta is None or delta < best_delta:
                        best_delta, moves = delta, [(b, q)]
                    elif delta == best_delta:
                        moves.append((b, q))
            if best_delta is None:
                continue
            if best_delta > 0 and rng.random() >= 0.03:
                continue
            if best_delta == 0 and rng.random() < 0.5:
                continue
            b, q = moves[rng.randrange(len(moves))]
            self._leave(k, t, p)
            if q >= 0:
                self._leave(k, b, q)
                self._enter(k, t, q)
            self._enter(k, b, p)
            current += best_delta
            self._refresh((p, q) if q >= 0 else (p,))
            if current < best:
                best, best_where, since_best = current, [list(w) for w in self.where], 0
        result: list[list[list[int]]] = [[[] for _ in range(g)] for _ in range(self.k)]
        for k, where in enumerate(best_where):
            for p, t in enumerate(where):
                if t >= 0:
                    result[k][t].append(p)
        return result
