"""A person's fields checked as ``cafe.core.text`` checks them, remembered for values that repeat.

A participant list repeats most of its cells: one organisation for many members, an empty
e-mail column, ``ja`` in the host column. Checking a value gives the same cleaned text and
the same problems every time, so each value is checked once; in a list of 100,000 people
checking every cell again was a fifth of the import. Problems come without a position:
the caller places them (a row's cell, a form's field).
"""

from __future__ import annotations

from functools import lru_cache

from cafe.core.errors import Problem
from cafe.core.text import check_email, check_field, check_phone, clean, parse_yes_no

_REMEMBERED = 4096
"""Values remembered: more organisations than a meeting has."""


PERSONAL = frozenset({"email", "phone"})
"""Fields whose values are never remembered: a contact is personal data, and a purge must
not leave it in this process's memory (only their empty value, which repeats, is)."""


def checked(field: str, value: str) -> tuple[str, tuple[Problem, ...]]:
    """``value`` cleaned as ``field`` (``organisation``, ``email``, ``phone``) and the
    problems its check found (their position is to be replaced by the caller's)."""
    if field in PERSONAL and value:
        return _check(field, value)
    return _remembered(field, value)


def _check(field: str, value: str) -> tuple[str, tuple[Problem, ...]]:
    found: list[Problem] = []
    if field == "email":
        text = check_email(value, found)
    elif field == "phone":
        text = check_phone(value, found)
    else:
        text = check_field(field, value, found)
    return text, tuple(found)


_remembered = lru_cache(maxsize=_REMEMBERED)(_check)


yes_no = lru_cache(maxsize=_REMEMBERED)(parse_yes_no)
"""``parse_yes_no``, remembered: a column says yes and no a few ways."""

cleaned = lru_cache(maxsize=_REMEMBERED)(clean)
"""``clean``, remembered: for a column that repeats its words, like the sector."""
