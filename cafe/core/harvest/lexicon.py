"""The concept lexicon: which words mean the same thing in this domain.

Forms are matched against casefolded words (see the rules at the top of
``lexicon.toml``): Swedish makes compounds ("sommarjobbet", "läxhjälpen"), so a form
may match at the start of a word or at its end before an inflection.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent
INFLECTIONS = frozenset(
    {"", "s", "n", "t", "a", "en", "et", "er", "ar", "or", "na", "ns", "ts", "es", "ens"}
    | {"ets", "ers", "arna", "erna", "orna", "rna", "ande", "ade", "ing", "ed"}
)
"""Endings that a form may be followed by and still be the same word."""
_MIN_COMPOUND = 4
"""Forms shorter than this must be a whole word, so "lek" does not match "elektronik"."""


@dataclass(frozen=True)
class Lexicon:
    """Concepts with their labels and forms, for one language."""

    labels: dict[str, str]
    prefixes: tuple[tuple[str, str], ...]
    suffixes: tuple[tuple[str, str], ...]
    exact: dict[str, tuple[str, ...]]
    phrases: tuple[tuple[re.Pattern[str], str], ...]
    _seen: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    def concepts_of_word(self, word: str) -> tuple[str, ...]:
        """The concepts one casefolded word belongs to, sorted (remembered per word)."""
        known = self._seen.get(word)
        if known is None:
            known = self._seen[word] = self._match(word)
        return known

    def _match(self, word: str) -> tuple[str, ...]:
        found = {c for form, c in self.prefixes if word.startswith(form)}
        found.update(c for form, c in self.suffixes if _ends_inflected(word, form))
        for ending in INFLECTIONS:
            if word.endswith(ending):
                found.update(self.exact.get(word[: len(word) - len(ending)], ()))
        return tuple(sorted(found))

    def concepts(self, words: list[str], text: str) -> list[str]:
        """The concepts of a text: of each word, and of the phrases in it (with repeats)."""
        found = [c for w in words for c in self.concepts_of_word(w)]
        found.extend(concept for pattern, concept in self.phrases if pattern.search(text))
        return found


def _ends_inflected(word: str, form: str) -> bool:
    """``word`` ends with ``form``, or with ``form`` plus an inflection."""
    at = word.rfind(form)
    return at >= 0 and word[at + len(form) :] in INFLECTIONS


def _phrase(form: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(form) + r"\w{0,4}(?!\w)")


def parse(data: dict[str, dict[str, object]], lang: str) -> Lexicon:
    """A ``Lexicon`` for ``lang`` from the TOML tables (one per concept)."""
    labels: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    suffixes: list[tuple[str, str]] = []
    exact: dict[str, list[str]] = {}
    phrases: list[tuple[re.Pattern[str], str]] = []
    for concept, table in sorted(data.items()):
        label = table.get("label", {})
        labels[concept] = label.get(lang, concept) if isinstance(label, dict) else concept
        forms = table.get(lang, [])
        assert isinstance(forms, list)
        for raw in forms:
            form = str(raw).casefold()
            if " " in form.strip("=*"):
                phrases.append((_phrase(form.strip("=*")), concept))
            elif form.startswith("="):
                exact.setdefault(form[1:], []).append(concept)
            elif form.endswith("*"):
                prefixes.append((form[:-1], concept))
            elif form.startswith("*"):
                suffixes.append((form[1:], concept))
            else:
                exact.setdefault(form, []).append(concept)
                if len(form) >= _MIN_COMPOUND:
                    prefixes.append((form, concept))
                    suffixes.append((form, concept))
    return Lexicon(
        labels,
        tuple(sorted(set(prefixes))),
        tuple(sorted(set(suffixes))),
        {k: tuple(sorted(set(v))) for k, v in exact.items()},
        tuple(phrases),
    )


@cache
def lexicon(lang: str) -> Lexicon:
    """The bundled lexicon (``lexicon.toml``) for ``lang``."""
    with (_HERE / "lexicon.toml").open("rb") as handle:
        data = tomllib.load(handle)
    return parse(data, lang)
