"""The one rule for finding a person by name, shared by the console and the phone page.

A query matches a name when every word of it begins a different word of the name,
ignoring case and accents ("asa" finds "Åsa"; hyphens split words, so "Anna" finds "Anna-Karin").
The console's finder uses the rule as it is; the phone page adds its privacy limits on
top (``cafe.web.seat_lookup``), so whoever the phone finds, the console finds too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol, TypeVar

_WORD_BREAK = re.compile(r"[\W_]+")


class Named(Protocol):
    @property
    def name(self) -> str: ...


N = TypeVar("N", bound=Named)


def fold(text: str) -> str:
    """``text`` without case or accents ("Åsa" and "ASA" fold alike): the one folding for
    finding, filtering and comparing names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def name_words(text: str) -> tuple[str, ...]:
    """Words of a name, case- and accent-insensitive. Cached: every query compares
    against every name in the meeting."""
    return tuple(word for word in _WORD_BREAK.split(fold(text)) if word)


def query_letters(query: str) -> int:
    """Letters and digits in ``query`` (spaces and punctuation do not count)."""
    return sum(len(word) for word in name_words(query))


def name_matches(query: str, name: str) -> bool:
    """Every word of ``query`` begins a different word of ``name`` ("Per Persson" is not
    every Persson); an empty query matches nobody."""
    wanted = name_words(query)
    return bool(wanted) and _begin_apart(wanted, name_words(name))


def _begin_apart(wanted: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Each of ``wanted`` begins its own one of ``words`` (a name has few words: a
    plain search over the choices is quick)."""
    if not wanted:
        return True
    first, rest = wanted[0], wanted[1:]
    return any(
        word.startswith(first) and _begin_apart(rest, words[:i] + words[i + 1 :])
        for i, word in enumerate(words)
    )


def is_full_name(query: str, name: str) -> bool:
    """``query`` gives the name in full: each word a whole word of it, and at least two
    words (all of a one-word name); a middle name may be left out."""
    wanted = frozenset(name_words(query))
    words = frozenset(name_words(name))
    return bool(wanted) and wanted <= words and len(wanted) >= min(2, len(words))


def find_named(people: Iterable[N], query: str) -> list[N]:
    """Those of ``people`` whose name matches ``query``, in the order given."""
    return [person for person in people if name_matches(query, person.name)]
