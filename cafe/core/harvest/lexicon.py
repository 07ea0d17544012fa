"""The concept lexicon: which words mean the same thing in this domain.

Forms are matched against casefolded words (see the rules at the top of
``lexicon.toml``): Swedish makes compounds ("sommarjobbet", "läxhjälpen"), so a form
may match at the start of a word or at its end before an inflection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

import tomli

INFLECTIONS = frozenset(
    {"", "s", "n", "t", "a", "en", "et", "er", "ar", "or", "na", "ns", "ts", "es", "ens"}
    | {"ets", "ers", "arna", "erna", "orna", "rna", "ande", "ade", "ing", "ed"}
)
"""Endings that a form may be followed by and still be the same word."""
SYNONYM_PREFIX = "~"
"""Synonym groups (``[synonyms]``) are finer than concepts: "dagis" = "förskola"."""
_MIN_COMPOUND = 4
"""Forms shorter than this must be a whole word, so "lek" does not match "elektronik"."""


@dataclass(frozen=True)
class Lexicon:
    """Concepts with their labels and forms, for one language."""

    labels: dict[str, str]
    prefixes: dict[str, tuple[str, ...]]
    suffixes: dict[str, tuple[str, ...]]
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
        """Look every start and every end of ``word`` up: a few dict look-ups per letter."""
        found: set[str] = set()
        for end in range(1, len(word) + 1):
            found.update(self.prefixes.get(word[:end], ()))
        for ending in INFLECTIONS:
            if not word.endswith(ending):
                continue
            root = word[: len(word) - len(ending)]
            found.update(self.exact.get(root, ()))
            for start in range(len(root)):
                found.update(self.suffixes.get(root[start:], ()))
        return tuple(sorted(found))

    def concepts(self, words: list[str], text: str) -> list[str]:
        """The concepts of a text: of each word, and of the phrases in it (with repeats)."""
        found = [c for w in words for c in self.concepts_of_word(w)]
        found.extend(concept for pattern, concept in self.phrases if pattern.search(text))
        return found


def _phrase(form: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(form) + r"\w{0,4}(?!\w)")


def parse(data: dict[str, dict[str, object]], lang: str) -> Lexicon:
    """A ``Lexicon`` for ``lang`` from the TOML tables (one per concept)."""
    labels: dict[str, str] = {}
    prefixes: dict[str, list[str]] = {}
    suffixes: dict[str, list[str]] = {}
    exact: dict[str, list[str]] = {}
    phrases: list[tuple[re.Pattern[str], str]] = []
    entries: list[tuple[str, list[object]]] = []
    for concept, table in sorted(data.items()):
        if concept == "synonyms":
            for group in table.get(lang, []):
                assert isinstance(group, list) and group
                entries.append((SYNONYM_PREFIX + str(group[0]).strip("=*").casefold(), group))
            continue
        label = table.get("label", {})
        labels[concept] = label.get(lang, concept) if isinstance(label, dict) else concept
        forms = table.get(lang, [])
        assert isinstance(forms, list)
        entries.append((concept, forms))
    for concept, forms in entries:
        for raw in forms:
            form = str(raw).casefold()
            if " " in form.strip("=*"):
                phrases.append((_phrase(form.strip("=*")), concept))
            elif form.startswith("="):
                exact.setdefault(form[1:], []).append(concept)
            elif form.endswith("*"):
                prefixes.setdefault(form[:-1], []).append(concept)
            elif form.startswith("*"):
                suffixes.setdefault(form[1:], []).append(concept)
            else:
                exact.setdefault(form, []).append(concept)
                if len(form) >= _MIN_COMPOUND:
                    prefixes.setdefault(form, []).append(concept)
                    suffixes.setdefault(form, []).append(concept)

    def frozen(table: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
        return {k: tuple(sorted(set(v))) for k, v in table.items()}

    return Lexicon(
        labels,
        frozen(prefixes),
        frozen(suffixes),
        frozen(exact),
        tuple(phrases),
    )


@cache
def lexicon(lang: str) -> Lexicon:
    """The bundled lexicon (``lexicon.toml``) for ``lang``."""
    with (files(__package__) / "lexicon.toml").open("rb") as handle:
        data = tomli.load(handle)
    return parse(data, lang)
