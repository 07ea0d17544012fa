"""The counting lower bound on repeats and host revisits (derived in the package docstring)."""

from __future__ import annotations

from collections.abc import Iterable

from cafe.core.seating.construct import skeleton
from cafe.core.seating.model import LowerBound


def _pairs(k: int) -> int:
    return k * (k - 1) // 2


def _balanced_pairs(items: int, bins: int) -> int:
    """Fewest pairs sharing a bin when ``items`` are spread over ``bins`` (even spread)."""
    base, extra = divmod(items, bins)
    return extra * _pairs(base + 1) + (bins - extra) * _pairs(base)


def _counts(n: int, tables: int, rounds: int) -> tuple[int, int]:
    travellers = n - tables
    if rounds <= 1 or travellers <= 0:
        return 0, 0
    # Host revisits: table t sees V_t traveller-visits but only T distinct travellers;
    # sum V_t = R*T and sum (V_t - T)+ is smallest when the V_t are even.
    visits, extra = divmod(rounds * travellers, tables)
    host = extra * max(0, visits + 1 - travellers) + (tables - extra) * max(0, visits - travellers)
    # Traveller pairs: at least R * (pairs at evenly filled tables) meetings, C(T,2) pairs.
    per_round = _balanced_pairs(travellers, tables)
    crowd = max(0, rounds * per_round - _pairs(travellers))
    # ... and per traveller: R*(c_min - 1) meetings among T - 1 others, each pair counted twice.
    c_min = travellers // tables
    own = max(0, rounds * (c_min - 1) - (travellers - 1))
    crowd = max(crowd, (travellers * own + 1) // 2)
    # Spread: the s people of a table in round r-1 sit at g tables in round r.
    sizes_low, sizes_extra = divmod(n, tables)
    spread = (rounds - 1) * (
        sizes_extra * _balanced_pairs(sizes_low + 1, tables)
        + (tables - sizes_extra) * _balanced_pairs(sizes_low, tables)
    )
    return max(host + crowd, spread), host


def carried_over(sizes: Iterable[int], tables: int) -> int:
    """Pairs of a held round who must share a table again in the round after it.

    The s people still present of one held table (host included) spread over ``tables``
    tables, so at least ``_balanced_pairs(s, tables)`` pairs of them meet again. A re-plan's
    bound needs this: the planned rounds' own bound starts afresh and misses that step
    (19 people at 4 tables after one round: 6 counted, 9 unavoidable).
    """
    return sum(_balanced_pairs(size, tables) for size in sizes)


def _guaranteed_zero(n: int, tables: int, rounds: int) -> bool:
    """The bound is zero and the construction reaches it."""
    if _counts(n, tables, rounds) != (0, 0):
        return False
    per_table = -(-(n - tables) // tables)
    return n == tables or rounds <= 1 or skeleton(tables, per_table + 1, rounds) is not None


def lower_bound(n: int, tables: int, rounds: int) -> LowerBound:
    """The fewest repeated pairs and host revisits any plan for these numbers can have.

    Table sizes are the balanced ones (differing by at most one), as every plan has.
    """
    if n < 1 or not 1 <= tables <= n or rounds < 0:
        raise ValueError(f"no tables for n={n}, tables={tables}, rounds={rounds}")
    repeats, host = _counts(n, tables, rounds)
    zero_at = next((g for g in range(tables, n + 1) if _guaranteed_zero(n, g, rounds)), None)
    return LowerBound(
        repeated_pairs=repeats,
        host_revisits=host,
        tables_for_zero=zero_at,
        guaranteed=_guaranteed_zero(n, tables, rounds),
    )
