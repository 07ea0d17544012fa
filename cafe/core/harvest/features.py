"""Ideas as weighted vectors of stems and concepts (TF-IDF), for comparing by meaning.

A concept from the lexicon counts more than a bare stem: two ideas about "dagis" and
"förskolan" share a concept and no stem. Vectors are sparse dicts, unit length, so the
dot product is the cosine similarity.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from cafe.core.harvest.lexicon import SYNONYM_PREFIX, lexicon
from cafe.core.harvest.words import content_words, stem, tokens

Vector = dict[str, float]
CONCEPT_WEIGHT = 2.0
"""How much one concept counts against one stem."""
SYNONYM_WEIGHT = 1.0
"""How much one synonym group ("dagis" = "förskola") counts against one stem."""
CONCEPT_PREFIX = "#"
"""Concept features are named ``#concept`` so they never collide with a stem."""


@dataclass(frozen=True)
class IdeaFeatures:
    """What was found in one idea: its stems (with the written forms) and concepts."""

    stems: tuple[str, ...]
    concepts: tuple[str, ...]
    words: tuple[tuple[str, str], ...]
    """(stem, written form) pairs, for naming themes in words people used."""


def analyse(text: str, lang: str, *, use_lexicon: bool = True) -> IdeaFeatures:
    """Stems and concepts of one idea."""
    words = content_words(text, lang)
    stems = tuple(stem(w, lang) for w in words)
    concepts: tuple[str, ...] = ()
    if use_lexicon:
        concepts = tuple(lexicon(lang).concepts(tokens(text), text.casefold()))
    return IdeaFeatures(stems, concepts, tuple(zip(stems, words, strict=True)))


def _norm(vector: Vector) -> Vector:
    size = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / size for k, v in vector.items()} if size else {}


def tfidf(
    ideas: list[IdeaFeatures],
    *,
    concept_weight: float = CONCEPT_WEIGHT,
    synonym_weight: float = SYNONYM_WEIGHT,
    stems: bool = True,
) -> list[Vector]:
    """Unit TF-IDF vectors; a feature found in one idea only still counts (smoothed idf)."""
    bags: list[Counter[str]] = []
    for idea in ideas:
        bag: Counter[str] = Counter()
        if stems:
            bag.update(idea.stems)
        bag.update(
            c if c.startswith(SYNONYM_PREFIX) else CONCEPT_PREFIX + c
            for c in idea.concepts
            if (synonym_weight if c.startswith(SYNONYM_PREFIX) else concept_weight) > 0
        )
        bags.append(bag)
    n = len(bags)
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    vectors = []
    for bag in bags:
        vector: Vector = {}
        for key, count in bag.items():
            weight = (
                concept_weight
                if key.startswith(CONCEPT_PREFIX)
                else synonym_weight
                if key.startswith(SYNONYM_PREFIX)
                else 1.0
            )
            idf = math.log((1 + n) / (1 + df[key])) + 1
            vector[key] = weight * (1 + math.log(count)) * idf
        vectors.append(_norm(vector))
    return vectors


def weighted_tfidf(bags: list[dict[str, float]]) -> list[Vector]:
    """Unit vectors of bags whose features already carry a weight, times a smoothed idf."""
    n = len(bags)
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    return [
        _norm({k: w * (math.log((1 + n) / (1 + df[k])) + 1) for k, w in bag.items()})
        for bag in bags
    ]


def char_ngrams(ideas: list[IdeaFeatures], sizes: tuple[int, ...] = (3, 4)) -> list[Vector]:
    """Unit TF-IDF vectors of the letter n-grams of each idea's stems ("<läxhjälp>").

    Measured for duplicates as a way to meet Swedish compounds ("läxhjälp", "läxcafé")
    half-way without the lexicon; see ``Settings.duplicate_ngram_share``.
    """
    bags: list[Counter[str]] = []
    for idea in ideas:
        bag: Counter[str] = Counter()
        for word in {f"<{s}>" for s in idea.stems}:
            for size in sizes:
                bag.update(word[i : i + size] for i in range(len(word) - size + 1))
        bags.append(bag)
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(bags)
    return [
        _norm({k: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[k])) + 1) for k, c in b.items()})
        for b in bags
    ]


def cosine(a: Vector, b: Vector) -> float:
    """Dot product of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def centroid(vectors: list[Vector]) -> Vector:
    """The unit-length mean of ``vectors``."""
    total: Counter[str] = Counter()
    for vector in vectors:
        for key, value in vector.items():
            total[key] += value
    return _norm(dict(total))
