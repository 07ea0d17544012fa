"""Who may be found on the phone page "where do I sit?", and what it shows about them.

Names are matched by the one rule the console's finder uses too
(``cafe.core.seating.names``); this page adds its privacy limits on top, because it is
open to anyone on the venue network. It answers only someone who already knows a
person's full name: first name and surname as whole words (at least three letters in
all; a middle name may be left out), only people present and in the current seating
plan, at most five at a time, and nothing but the name and the tables. Guessing short
strings or common first names finds nobody. The organisation is shown only to tell two
people with the same name apart. The co-hosts' finder in the console is not limited.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cafe.core.participants import Participant
from cafe.core.seating.names import find_named, is_full_name, name_words, query_letters
from cafe.core.seating.plan import SeatingPlan

__all__ = [
    "MAX_SEAT_MATCHES",
    "MIN_QUERY_LETTERS",
    "SeatAnswer",
    "find_people",
    "look_up",
    "name_words",
    "query_letters",
]

MIN_QUERY_LETTERS = 3
"""Fewer letters than this and the page asks for more instead of searching."""

MAX_SEAT_MATCHES = 5
"""More namesakes than this and the page asks for the full name instead."""


def find_people(people: Iterable[Participant], query: str) -> list[Participant]:
    """Those of ``people`` whose full name ``query`` gives; none for a short query."""
    if query_letters(query) < MIN_QUERY_LETTERS:
        return []
    return [person for person in find_named(people, query) if is_full_name(query, person.name)]


@dataclass(frozen=True, slots=True)
class SeatAnswer:
    """What the page may show for one query."""

    matches: list[dict[str, Any]] = field(default_factory=list)
    """Each match: ``name``, ``organisation`` (empty unless a namesake needs it), ``rows``
    (the person's ``Seat`` in each round)."""
    too_many: bool = False


def look_up(participants: Iterable[Participant], plan: SeatingPlan, query: str) -> SeatAnswer:
    """The tables of people in the seating plan named like ``query`` (present ones only)."""
    if not plan.is_tables or query_letters(query) < MIN_QUERY_LETTERS:
        return SeatAnswer()
    seated = plan.people()
    candidates = [p for p in participants if p.present and p.id in seated]
    found = [m for m in plan.find(query, candidates) if is_full_name(query, m.person.name)]
    if len(found) > MAX_SEAT_MATCHES:
        return SeatAnswer(too_many=True)
    same_name = Counter(name_words(m.person.name) for m in found)
    return SeatAnswer(
        matches=[
            {
                "name": match.person.name,
                "organisation": (
                    match.person.organisation
                    if same_name[name_words(match.person.name)] > 1
                    else ""
                ),
                "rows": list(match.seats),
            }
            for match in found
        ]
    )
