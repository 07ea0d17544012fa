"""Who may be found on the phone page "where do I sit?", and what it shows about them.

The page is open to anyone on the venue network, so it answers only someone who already
knows a person's full name: first name and surname as whole words (at least three letters
in all; a middle name may be left out), only people present and in the current seating
plan, at most five at a time, and nothing but the name and the tables. Guessing short
strings or common first names finds nobody. The organisation is shown only to tell two
people with the same name apart.
The co-hosts' own finder in the console (``cafe.tui``) is not limited like this.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from cafe.core.participants import Participant

MIN_QUERY_LETTERS = 3
"""Fewer letters than this and the page asks for more instead of searching."""

MAX_SEAT_MATCHES = 5
"""More namesakes than this and the page asks for the full name instead."""

_WORD_BREAK = re.compile(r"[\W_]+")


@lru_cache(maxsize=4096)
def name_words(text: str) -> tuple[str, ...]:
    """Words of a name, case- and accent-insensitive ("Åsa" finds "asa" and "ÅSA");
    hyphens split words, so "Anna" finds "Anna-Karin". Cached: every query compares
    against every seated name."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return tuple(word for word in _WORD_BREAK.split(plain) if word)


def query_letters(query: str) -> int:
    """Letters and digits in ``query`` (spaces and punctuation do not count)."""
    return sum(len(word) for word in name_words(query))


def find_people(people: Iterable[Participant], query: str) -> list[Participant]:
    """People whose full name ``query`` gives: every word of it a whole word of the name,
    and at least two words (all of a one-word name). None for a short query."""
    wanted = frozenset(name_words(query))
    if sum(map(len, wanted)) < MIN_QUERY_LETTERS:
        return []
    found = []
    for person in people:
        words = frozenset(name_words(person.name))
        if wanted <= words and len(wanted) >= min(2, len(words)):
            found.append(person)
    return found


def seated_ids(plan: dict[str, Any] | None) -> set[str]:
    """Everyone the seating plan puts at a table, in any round."""
    ids: set[str] = set()
    for entry in (plan or {}).get("rounds", []):
        for table in entry.get("tables", []):
            if table.get("host"):
                ids.add(table["host"])
            ids.update(table.get("members", []))
    return ids


def itinerary(plan: dict[str, Any], person_id: str) -> list[dict[str, Any]]:
    """The person's table round by round, and whether they host it."""
    rows = []
    for entry in sorted(plan.get("rounds", []), key=lambda r: r.get("round", 0)):
        for table in entry.get("tables", []):
            if table.get("host") == person_id or person_id in table.get("members", []):
                rows.append(
                    {
                        "round": entry.get("round", 0),
                        "table": table.get("table", 0),
                        "host": table.get("host") == person_id,
                    }
                )
                break
    return rows


@dataclass(frozen=True, slots=True)
class SeatAnswer:
    """What the page may show for one query."""

    matches: list[dict[str, Any]] = field(default_factory=list)
    """Each match: ``name``, ``organisation`` (empty unless a namesake needs it), ``rows``."""
    too_many: bool = False


def look_up(
    participants: Iterable[Participant], plan: dict[str, Any] | None, query: str
) -> SeatAnswer:
    """The tables of people in the seating plan named like ``query`` (present ones only)."""
    if not plan or plan.get("mode") == "circle":
        return SeatAnswer()
    seated = seated_ids(plan)
    candidates = [p for p in participants if p.present and p.id in seated]
    people = find_people(candidates, query)
    if len(people) > MAX_SEAT_MATCHES:
        return SeatAnswer(too_many=True)
    same_name = Counter(" ".join(name_words(p.name)) for p in people)
    return SeatAnswer(
        matches=[
            {
                "name": person.name,
                "organisation": (
                    person.organisation if same_name[" ".join(name_words(person.name))] > 1 else ""
                ),
                "rows": itinerary(plan, person.id),
            }
            for person in people
        ]
    )
