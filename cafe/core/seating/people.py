"""The planner's rules about people: how many tables, who hosts, and how to order travellers.

Shared by planning (``planner``) and re-planning (``replanner``); people are coded as
small integers here so the searches compare numbers, not strings.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from cafe.core.errors import CafeError, Problem
from cafe.core.participants import Sector
from cafe.core.seating.model import SeatingPerson

_SECTOR_INDEX = {sector: i for i, sector in enumerate(Sector)}


def fail(code: str, **values: object) -> CafeError:
    """The planner's refusal as a code, put into words by whoever shows it."""
    return CafeError([Problem.coded(code, **values)])


def table_count(
    n: int, size_target: int, size_min: int = 3, size_max: int = 5, tables: int | None = None
) -> int:
    """How many tables: ``tables`` if given (checked), else ceil(n / size_target).

    One table fewer is used when that avoids tables below ``size_min`` without going over
    ``size_max``: 5 people with target 4 sit at one table of 5 rather than at 3 + 2.
    """
    if not 2 <= size_target <= size_max or size_min > size_target:
        raise fail("seating.bad_size", size=size_target, low=size_min, high=size_max)
    if tables is not None:
        if not 1 <= tables <= n:
            raise fail("seating.bad_tables", count=n, tables=tables, n=n)
        if math.ceil(n / tables) > size_max:
            raise fail(
                "seating.tables_too_few",
                count=tables,
                tables=tables,
                n=n,
                high=size_max,
                need=math.ceil(n / size_max),
            )
        return tables
    g = max(1, math.ceil(n / size_target))
    if g > 1 and n // g < size_min and math.ceil(n / (g - 1)) <= size_max:
        g -= 1
    return g


@dataclass(frozen=True, slots=True)
class CodedPeople:
    """People as indices, with sector and organisation as small integers for the search."""

    people: tuple[SeatingPerson, ...]
    sectors: list[int]
    orgs: list[int]

    @classmethod
    def of(cls, people: Sequence[SeatingPerson]) -> CodedPeople:
        ids: set[str] = set()
        for person in people:
            if person.id in ids:
                raise fail("seating.duplicate_id", id=person.id)
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


def slot_order(people: CodedPeople, travellers: list[int], rng: random.Random) -> list[int]:
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


def search_steps(travellers: int, rounds: int) -> tuple[int, int]:
    """Search budget (moves, moves without a new best): grows with the problem, capped.

    Counted in moves, never in seconds, so that a seed fixes the result on any machine.
    """
    steps = min(20_000, 1_000 + 20 * travellers * max(1, rounds))
    return steps, 500 + 4 * travellers
