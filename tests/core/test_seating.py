"""The seating planner's parts: bound, construction, scorer, circle, itineraries.

Reading and writing the stored form is ``SeatingPlan``'s (tests/core/test_seating_plan.py).
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator, Sequence

import pytest

from cafe.core.errors import CafeError
from cafe.core.participants import Sector
from cafe.core.seating import (
    Metrics,
    Plan,
    RoundSeating,
    SeatingPerson,
    TableSeating,
    circle_order,
    itinerary,
    itinerary_lines,
    lower_bound,
    plan_seating,
    replan,
    score,
    seat,
    table_count,
)
from cafe.core.seating.construct import skeleton
from cafe.i18n import set_language

PUBLIC, CIVIL = Sector.PUBLIC, Sector.CIVIL


def room(n: int, seed: int = 0, prefix: str = "p") -> list[SeatingPerson]:
    """Organisations of 1-4 people, alternately public and civil, like the benchmark's."""
    rng = random.Random(seed)
    people: list[SeatingPerson] = []
    org = 0
    while len(people) < n:
        org += 1
        for _ in range(rng.randint(1, 4)):
            if len(people) < n:
                people.append(
                    SeatingPerson(
                        f"{prefix}{len(people)}",
                        f"org {org}",
                        PUBLIC if org % 2 else CIVIL,
                        rng.random() < 0.125,
                    )
                )
    rng.shuffle(people)
    return people


def plan_of(rounds: Sequence[Sequence[tuple[str, Sequence[str]]]]) -> Plan:
    """A plan from ``[round][table] = (host, members)``."""
    return Plan(
        tuple(
            RoundSeating(
                r + 1,
                tuple(
                    TableSeating(t + 1, host, tuple(members))
                    for t, (host, members) in enumerate(tables)
                ),
            )
            for r, tables in enumerate(rounds)
        )
    )


# -- lower bound ----------------------------------------------------------------------


def test_bound_examples_from_the_derivation() -> None:
    # 12 people at 3 tables of 4 for 4 rounds: each of 9 travellers sees a host twice.
    bound = lower_bound(12, 3, 4)
    assert (bound.repeated_pairs, bound.host_revisits) == (9, 9)
    assert bound.tables_for_zero == 4 and not bound.is_zero and not bound.guaranteed
    # 20 people at 4 tables of 5: 5 people of a table cannot spread over 4 tables.
    spread = lower_bound(20, 4, 4)
    assert (spread.repeated_pairs, spread.host_revisits) == (3 * 4 * 1, 0)
    # Zero exactly when g >= max(R, largest table).
    assert lower_bound(200, 50, 4).is_zero and lower_bound(200, 50, 4).guaranteed
    assert lower_bound(20, 5, 4).is_zero and not lower_bound(20, 5, 6).is_zero
    # One table: everyone meets everyone every round.
    assert lower_bound(5, 1, 3).repeated_pairs == 2 * 10
    assert lower_bound(5, 1, 1).is_zero


def test_six_tables_six_rounds_are_not_guaranteed() -> None:
    # No skeleton exists for them, so the planner promises nothing and points to 7 tables.
    bound = lower_bound(24, 6, 6)
    assert bound.is_zero and not bound.guaranteed and bound.tables_for_zero == 7
    assert lower_bound(24, 6, 5).guaranteed


def _every_plan(n: int, g: int, rounds: int) -> Iterator[Metrics]:
    """The metrics of every plan (tiny rooms only).

    Any table may be the bigger one in any round: sizes only have to differ by one.
    """
    travellers = list(range(g, n))
    sizes = [len(travellers) // g + (i < len(travellers) % g) for i in range(g)]
    layouts = set()
    for order in itertools.permutations(travellers):
        for arrangement in set(itertools.permutations(sizes)):
            start, layout = 0, []
            for size in arrangement:
                layout.append(tuple(sorted(order[start : start + size])))
                start += size
            layouts.add(tuple(layout))
    for chosen in itertools.product(sorted(layouts), repeat=rounds):
        plan = plan_of(
            [[(f"h{t}", [f"x{p}" for p in members]) for t, members in enumerate(r)] for r in chosen]
        )
        yield score(plan, [])


def _best_possible(n: int, g: int, rounds: int) -> tuple[int, int]:
    """Fewest repeats and fewest host revisits over every plan (tiny rooms only)."""
    every = list(_every_plan(n, g, rounds))
    return min(m.repeated_pairs for m in every), min(m.host_revisits for m in every)


def _best_spread(n: int, g: int, rounds: int) -> tuple[int, int]:
    """The fewest meetings of any one pair, then the fewest repeats with that."""
    return min((m.max_pair_meetings, m.repeated_pairs) for m in _every_plan(n, g, rounds))


@pytest.mark.parametrize(
    ("n", "g", "rounds"),
    [(4, 2, 3), (5, 2, 3), (6, 2, 3), (7, 2, 3), (6, 3, 3), (7, 3, 2), (8, 3, 2), (9, 3, 2)],
)
def test_bound_never_exceeds_the_true_optimum(n: int, g: int, rounds: int) -> None:
    repeats, revisits = _best_possible(n, g, rounds)
    bound = lower_bound(n, g, rounds)
    assert bound.repeated_pairs <= repeats
    assert bound.host_revisits <= revisits


def test_planner_reaches_the_optimum_on_tiny_rooms() -> None:
    """No pair more often than it must, then as few repeats as that allows: 6 people at
    2 tables for 3 rounds can repeat only 5 pairs, but then two sit together all
    evening; the plan repeats 6, no pair more than twice."""
    for n, g, rounds in [(5, 2, 3), (6, 2, 3), (7, 2, 3), (8, 3, 2)]:
        people = [SeatingPerson(f"x{i}", "", PUBLIC if i % 2 else CIVIL) for i in range(n)]
        metrics = score(plan_seating(people, rounds, 3, tables=g), people)
        assert (metrics.max_pair_meetings, metrics.repeated_pairs) == _best_spread(n, g, rounds)


# -- construction ---------------------------------------------------------------------


def test_skeletons_never_repeat_a_pair_or_a_host() -> None:
    missing = []
    for g in range(1, 41):
        for rows in range(1, 6):
            for rounds in range(1, 7):
                if g < max(rounds, rows):
                    assert skeleton(g, rows, rounds) is None
                    continue
                shape = skeleton(g, rows, rounds)
                if shape is None:
                    missing.append((g, rows, rounds))
                    continue
                met: dict[tuple[tuple[int, int], tuple[int, int]], int] = {}
                for r in range(rounds):
                    at: dict[int, list[tuple[int, int]]] = {}
                    for j in range(rows):
                        for a in range(g):
                            at.setdefault(shape.tables[j][a][r], []).append((j, a))
                    assert all(len(v) == rows for v in at.values())
                    for seated in at.values():
                        for pair in itertools.combinations(seated, 2):
                            met[pair] = met.get(pair, 0) + 1
                assert max(met.values(), default=1) <= 1, (g, rows, rounds)
    # Only 6 tables with 6 rounds lacks one (no group of order 6 has it).
    assert missing == [(6, 3, 6), (6, 4, 6), (6, 5, 6)]


# -- planner --------------------------------------------------------------------------


def test_table_count_follows_the_agenda_rules() -> None:
    assert table_count(200, 4) == 50
    assert table_count(13, 4) == 4  # 4, 3, 3, 3
    assert table_count(5, 4) == 1  # one table of 5 beats 3 + 2
    assert table_count(12, 5) == 3
    assert table_count(30, 4, tables=7) == 7
    with pytest.raises(CafeError, match="6"):
        table_count(30, 4, tables=5)  # tables of 6
    with pytest.raises(CafeError):
        table_count(3, 4, tables=4)
    with pytest.raises(CafeError):
        table_count(30, 6)


def test_mixing_targets_hold_for_realistic_rooms() -> None:
    for n, size in [(40, 4), (60, 5), (100, 4), (200, 5)]:
        people = room(n, seed=n)
        metrics = score(plan_seating(people, 4, size), people)
        assert metrics.repeated_pairs == metrics.host_revisits == 0
        assert metrics.single_sector_tables == 0
        assert metrics.same_organisation_pairs == 0
        assert metrics.max_pair_meetings == 1 and metrics.size_spread <= 1


def test_the_same_input_and_seed_give_the_same_plan() -> None:
    people = room(37, seed=3)
    assert plan_seating(people, 4, 4, seed=5) == plan_seating(list(people), 4, 4, seed=5)
    few = room(11, seed=1)
    assert plan_seating(few, 5, 4, seed=2) == plan_seating(few, 5, 4, seed=2)


def test_volunteers_host_first_and_hosts_spread_over_sectors() -> None:
    people = room(40, seed=9)
    people = [
        SeatingPerson(p.id, p.organisation, p.sector, p.id in {"p1", "p2", "p3"}) for p in people
    ]
    plan = plan_seating(people, 4, 4)
    hosts = set(plan.hosts().values())
    assert {"p1", "p2", "p3"} <= hosts
    by_id = {p.id: p for p in people}
    sectors = [by_id[h].sector for h in hosts]
    assert sectors.count(PUBLIC) >= 3 and sectors.count(CIVIL) >= 3


def test_replan_after_churn_keeps_hosts_and_adds_no_repeat() -> None:
    people = room(200, seed=4)
    plan = plan_seating(people, 4, 4)
    host_of_table_1 = plan.hosts(2)[1]
    leaving = {host_of_table_1, *(p.id for p in people[:9] if p.id != host_of_table_1)}
    arriving = room(10, seed=5, prefix="new")
    present = [p for p in people if p.id not in leaving] + arriving
    again = replan(plan, present, 3)
    assert again.rounds[:2] == plan.rounds[:2]
    old_hosts, new_hosts = plan.hosts(2), again.hosts(3)
    for table, host in old_hosts.items():
        if host not in leaving:
            assert new_hosts[table] == host
    sat_there = next(t for t in plan.rounds[1].tables if t.table == 1).members
    assert new_hosts[1] in sat_there
    everyone = people + arriving
    played = score(Plan(again.rounds[:2]), everyone)
    assert score(again, everyone).repeated_pairs == played.repeated_pairs == 0


def test_replan_adds_a_table_when_many_arrive_and_drops_one_when_most_leave() -> None:
    people = room(12, seed=2)
    plan = plan_seating(people, 4, 4)
    crowd = people + room(8, seed=3, prefix="new")
    bigger = replan(plan, crowd, 2)
    assert len(bigger.rounds[1].tables) == 4 and bigger.rounds[1].tables[-1].table == 4
    assert max(len(t.people) for t in bigger.rounds[1].tables) <= 5
    few = people[:5]
    smaller = replan(plan, few, 3)
    assert all(len(t.people) >= 2 for t in smaller.rounds[2].tables)
    assert sorted(p for t in smaller.rounds[3].tables for p in t.people) == sorted(
        p.id for p in few
    )


def test_bad_input_is_a_user_error() -> None:
    with pytest.raises(CafeError):
        plan_seating([], 4, 4)
    with pytest.raises(CafeError):
        plan_seating(room(12), 0, 4)
    twice = [SeatingPerson("a"), SeatingPerson("a")]
    with pytest.raises(CafeError, match='"a"'):
        plan_seating(twice, 2, 4)
    plan = plan_seating(room(12), 4, 4)
    with pytest.raises(CafeError):
        replan(plan, room(12), 6)


# -- circle ---------------------------------------------------------------------------


def test_circle_alternates_sectors_and_splits_colleagues() -> None:
    people = [
        SeatingPerson("a", "Kommunen", PUBLIC),
        SeatingPerson("b", "Kommunen", PUBLIC),
        SeatingPerson("c", "Skolan", PUBLIC),
        SeatingPerson("d", "Röda Korset", CIVIL),
        SeatingPerson("e", "Röda Korset", CIVIL),
        SeatingPerson("f", "PRO", CIVIL),
    ]
    order = circle_order(people, seed=1)
    assert sorted(order) == list("abcdef")
    sector = {p.id: p.sector for p in people}
    org = {p.id: p.organisation for p in people}
    neighbours = list(zip(order, order[1:] + order[:1], strict=True))
    assert all(sector[x] != sector[y] for x, y in neighbours)
    assert all(org[x] != org[y] for x, y in neighbours)
    assert circle_order(people, seed=1) == order
    result = seat(people, 4, 4)
    assert result.mode == "circle" and sorted(result.order) == list("abcdef")
    assert result.to_json() == {"mode": "circle", "order": list(result.order)}


# -- scorer, JSON, itineraries ----------------------------------------------------------


def test_score_counts_every_metric() -> None:
    people = [
        SeatingPerson("h1", "Kommunen", PUBLIC),
        SeatingPerson("h2", "PRO", CIVIL),
        SeatingPerson("a", "Kommunen", PUBLIC),
        SeatingPerson("b", "PRO", CIVIL),
        SeatingPerson("c", "", PUBLIC),
    ]
    plan = plan_of(
        [
            [("h1", ["a", "c"]), ("h2", ["b"])],
            [("h1", ["a", "b"]), ("h2", ["c"])],
        ]
    )
    metrics = score(plan, people)
    assert metrics.repeated_pairs == 1  # h1-a twice
    assert metrics.host_revisits == 1
    assert metrics.max_pair_meetings == 2
    assert metrics.single_sector_tables == 2  # h1,a,c and h2,b in round 1
    assert metrics.same_organisation_pairs == 1 + 1 + 1  # h1-a, h2-b; h1-a again
    assert metrics.size_spread == 1


def test_itineraries_for_table_cards() -> None:
    plan = plan_of(
        [
            [("h1", ["åsa", "bo"]), ("h2", ["cia"])],
            [("h1", ["cia"]), ("h2", ["åsa", "bo"])],
        ]
    )
    assert itinerary(plan, "åsa") == [1, 2]
    assert itinerary(plan, "nobody") == [None, None]
    set_language("sv")
    assert itinerary_lines(plan, {"åsa": "Åsa Öberg", "h2": "Per Ek"}) == [
        "Åsa Öberg: bord 1, 2",
        "Per Ek: bord 2, 2 (värd, sitter kvar)",
    ]
    set_language("en")
    assert itinerary_lines(plan, {"åsa": "Åsa"}) == ["Åsa: table 1, 2"]
    late = plan_of([[("h1", ["bo"])], [("h1", ["bo", "åsa"])]])
    assert itinerary_lines(late, {"åsa": "Åsa"}) == ["Åsa: table –, 1"]
