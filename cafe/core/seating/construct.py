"""Zero-repeat skeletons: which table each seat position visits in each round.

A position is a pair (a, j): ``a`` is an element of a group G of order g (the tables),
``j`` a row 0..c (row 0 holds the hosts). In round r position (a, j) sits at table
a + f_j(r). Two positions in rows j != j' meet in round r exactly when
a - a' = f_j'(r) - f_j(r), so they meet at most once if r -> f_j(r) - f_j'(r) is
injective; positions in the same row never meet (each row is a bijection onto the
tables in every round). Row 0 is f_0 = 0, so injectivity against it means no traveller
returns to a host. A matrix f with these properties is a (partial) difference matrix.

For a cyclic group and g > (R-1)*c, f_j(r) = j*r works (no product of a row and a round
difference reaches a multiple of g). Otherwise a small backtracking search finds one
over Z_g, or over Z_p^k for prime powers (where the field's multiplication gives one
for every g >= max(R, c+1)). Results are cached: the search runs once per shape.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

_SEARCH_NODES = 60_000
"""Backtracking budget per group; enough for every shape up to g = 32 tried, and cheap."""


@dataclass(frozen=True, slots=True)
class Skeleton:
    """Table (0-based) of every position in every round: ``tables[j][a][r]``."""

    tables: tuple[tuple[tuple[int, ...], ...], ...]


def _prime_power(g: int) -> tuple[int, int] | None:
    for p in range(2, g + 1):
        if g % p == 0:
            k, rest = 0, g
            while rest % p == 0:
                rest //= p
                k += 1
            return (p, k) if rest == 1 else None
    return None


def _cyclic(g: int) -> Callable[[int, int], int]:
    return lambda x, y: (x - y) % g


def _elementary(p: int, k: int) -> Callable[[int, int], int]:
    def sub(x: int, y: int) -> int:
        result, place = 0, 1
        for _ in range(k):
            result += ((x % p - y % p) % p) * place
            x //= p
            y //= p
            place *= p
        return result

    return sub


def _search(
    g: int, rows: int, rounds: int, sub: Callable[[int, int], int]
) -> list[list[int]] | None:
    """Rows x rounds matrix with row 0 and column 0 zero and injective row differences."""
    table = [[sub(x, y) for y in range(g)] for x in range(g)]
    f = [[0] * rounds for _ in range(rows)]
    nodes = 0

    def fits(j: int, r: int, v: int) -> bool:
        for jj in range(j):
            d = table[v][f[jj][r]]
            fj, fjj = f[j], f[jj]
            for rr in range(r):
                if table[fj[rr]][fjj[rr]] == d:
                    return False
        return True

    def place(j: int, r: int) -> bool:
        nonlocal nodes
        nodes += 1
        if nodes > _SEARCH_NODES:
            raise TimeoutError
        if j == rows:
            return True
        if r == rounds:
            return place(j + 1, 1)
        for v in range(1, g):
            if fits(j, r, v):
                f[j][r] = v
                if place(j, r + 1):
                    return True
        f[j][r] = 0
        return False

    try:
        return f if rounds <= 1 or rows <= 1 or place(1, 1) else None
    except TimeoutError:
        return None


@cache
def skeleton(g: int, rows: int, rounds: int) -> Skeleton | None:
    """A zero-repeat skeleton for g tables, ``rows`` positions per table (host included).

    ``None`` when none is known: then g < max(rounds, rows) (the bound is positive) or
    the shape has no group-based solution (only 6 tables with 6 rounds, up to g = 40).
    """
    if g < max(rounds, rows):
        return None
    add: Callable[[int, int], int]
    if g > (rounds - 1) * (rows - 1):
        f = [[j * r % g for r in range(rounds)] for j in range(rows)]
        add = lambda x, y: (x + y) % g  # noqa: E731
    else:
        f = None
        add = lambda x, y: (x + y) % g  # noqa: E731
        found = _search(g, rows, rounds, _cyclic(g))
        if found is not None:
            f = found
        else:
            power = _prime_power(g)
            if power and power[1] > 1:
                p, k = power
                sub = _elementary(p, k)
                found = _search(g, rows, rounds, sub)
                if found is not None:
                    f = found
                    # x + y == x - (0 - y) in any group.
                    add = lambda x, y: sub(x, sub(0, y))  # noqa: E731
        if f is None:
            return None
    return Skeleton(
        tuple(
            tuple(tuple(add(a, f[j][r]) for r in range(rounds)) for a in range(g))
            for j in range(rows)
        )
    )
