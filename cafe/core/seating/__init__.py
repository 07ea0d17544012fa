"""Seating for the café rounds: who sits where, so that everyone meets new people.

The problem
-----------
N people, g tables, R rounds. Table sizes differ by at most one. Each table has one
host who stays for all rounds; the other T = N - g people (travellers) move. We want,
in this order: everyone seated once per round with hosts fixed (hard); few repeated
pairs (two people at one table in two rounds, counted as excess meetings) and few host
revisits (a traveller back at a host); every table mixing sectors; colleagues apart;
and the same plan for the same input and seed.

The construction
----------------
Number the tables by a group G of order g and give each table c = ceil(T / g) traveller
positions (a, j), j = 1..c, besides the host's position (a, 0). In round r, position
(a, j) sits at table a + f_j(r). If every difference r -> f_j(r) - f_j'(r) (j != j',
with f_0 = 0) takes R distinct values, two positions meet at most once and no position
returns to a host: zero repeats by construction, whoever sits where. Over Z_g,
f_j(r) = j*r works whenever g > (R-1)*c; for small g a backtracking search finds such an
f over Z_g or, for prime powers, over Z_p^k (this is the affine-plane / mutually
orthogonal Latin squares construction; see ``construct.py``). When T is not a multiple
of g the last row loses some positions, which shortens each table by at most one.

People are then put on positions: colleagues and sectors start in rows (a row never
meets itself), and whole itineraries are swapped (``SlotSearch``) to mix sectors and
split organisations, which cannot create a repeat. A round-by-round search
(``RoundSearch``) then polishes without ever adding a repeat.

When the bound is positive (g < R or tables larger than g) the travellers alone get a
skeleton without traveller repeats: rows may include one that stays put, and with g
travellers per table an extra round groups them by row (the affine plane's last
direction), giving up to g + 1 rounds. Which group sits at which table in each round
changes no traveller pair, only host revisits, so groups are matched to tables by
branch and bound for small g. ``RoundSearch`` fills any further rounds and trades
whatever is left; it also re-plans (earlier rounds and hosts fixed, history counted).
Every search stops on a step budget, never on a clock, so a seed fixes the plan.

The lower bound
---------------
With balanced sizes, c_t travellers sit at table t (c_t = floor(T/g) or one more).

1. Host revisits. Over the meeting, table t receives V_t traveller visits but there are
   only T travellers, so its host sees at least V_t - T of them again. The V_t sum to
   R*T; since (V - T)+ is convex, the total is smallest when the V_t are even:
   H >= sum_t (V_t - T)+ with V_t = floor(RT/g) or ceil(RT/g). In particular each
   traveller visits R tables of only g, so H >= T * (R - g) when R > g.
2. Traveller pairs. Each round seats at least P = sum_t C(c_t, 2) traveller pairs
   (even tables minimise it), R*P in all, among only C(T, 2) distinct pairs:
   at least R*P - C(T, 2) excess meetings. Per traveller: at least R*(c_min - 1)
   meetings with T - 1 others, so ceil(T * (R*(c_min - 1) - (T - 1))+ / 2).
3. Spread. The s_t people at table t in round r-1 are spread over g tables in round r,
   so at least B(s_t, g) of their pairs meet again (B = pairs when s_t items are put as
   evenly as possible into g bins), in each of the R - 1 later rounds.

Host revisits are repeats too, so repeats >= max(H + (2), (3)). The bound is zero
exactly when R <= 1 or g >= max(R, largest table size); then the construction reaches it
(``LowerBound.guaranteed``), with one exception: 6 tables and 6 rounds, where no group of
order 6 gives a skeleton (exhaustive search; the order-6 trouble of Euler's 36 officers).
Zero is sometimes possible there (the search finds it for some rooms of 18), so the
bound stays; the planner searches, reports what it found, and names 7 tables as the
count that guarantees zero.
For a re-plan, repeats in rounds already played plus the bound for the rounds ahead is
again a bound, since (a + b - 1)+ >= (a - 1)+ + (b - 1)+.

When the bound is positive, ``LowerBound.tables_for_zero`` names the smallest table
count that makes it zero.
"""

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cafe.core.seating.bound import lower_bound
    from cafe.core.seating.model import (
        LowerBound,
        Metrics,
        Plan,
        RoundSeating,
        SeatingPerson,
        TableSeating,
        check_plan,
        itinerary,
        itinerary_lines,
        score,
    )
    from cafe.core.seating.planner import (
        CIRCLE_BELOW,
        SeatingResult,
        choose_hosts,
        circle_order,
        plan_seating,
        replan,
        seat,
        table_count,
    )

_MODULE_OF = {
    **dict.fromkeys(
        (
            "LowerBound",
            "Metrics",
            "Plan",
            "RoundSeating",
            "SeatingPerson",
            "TableSeating",
            "check_plan",
            "itinerary",
            "itinerary_lines",
            "score",
        ),
        "model",
    ),
    **dict.fromkeys(
        (
            "CIRCLE_BELOW",
            "SeatingResult",
            "choose_hosts",
            "circle_order",
            "plan_seating",
            "replan",
            "seat",
            "table_count",
        ),
        "planner",
    ),
    "lower_bound": "bound",
}
"""Where each public name lives (``cafe.core.seating.<module>``)."""


def __getattr__(name: str) -> object:
    """The planner (its searches and tables), its model and the bound load when a plan is
    made or scored, not when a meeting is opened: reading a stored plan needs none of
    them (the model's frozen dataclasses alone cost milliseconds at start)."""
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_MODULE_OF[name]}"), name)


__all__ = [  # written out: the names imported above for type checkers are its re-exports
    "CIRCLE_BELOW",
    "LowerBound",
    "Metrics",
    "Plan",
    "RoundSeating",
    "SeatingPerson",
    "SeatingResult",
    "TableSeating",
    "check_plan",
    "choose_hosts",
    "circle_order",
    "itinerary",
    "itinerary_lines",
    "lower_bound",
    "plan_seating",
    "replan",
    "score",
    "seat",
    "table_count",
]
