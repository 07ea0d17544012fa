"""Proposal frames: what an idea proposes, for whom, where and when (``frames.toml``).

Two ideas that a facilitator merges as one often share no words ("Gratis buss för
pensionärer" and "Fria resor för alla över 70") but propose the same thing for the same
people. A frame names the activities an idea proposes and the slots around them; an
idea becomes a weighted bag of its stems, synonym groups, activities and slots (and,
optionally, each activity joined with each slot: "public transport for the elderly").

Short ideas put the proposal first and the circumstances after ("Läxhjälp på
biblioteket varje vecka"), so a feature may count less the later its word comes.

Measured as a way to find likely duplicates (tests/benchmarks/bench_harvest.py): it does
better than words alone on the sets the lexicons were written with, and not on the
held-out sets, so it is not the default; see ``Settings.duplicate_frames``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import tomli

from cafe.core.harvest.features import Vector, weighted_tfidf
from cafe.core.harvest.lexicon import SYNONYM_PREFIX, Lexicon, lexicon, parse
from cafe.core.harvest.words import MIN_LENGTH, stem, stopwords, word_spans

SLOTS = ("who", "where", "when")
"""The frame around an activity: for or by whom, where, when."""


@dataclass(frozen=True)
class FrameWeights:
    """How much each kind of feature counts, and how fast later words count less."""

    stem: float = 0.5
    synonym: float = 2.0
    activity: float = 1.0
    slot: float = 0.0
    activity_slot: float = 0.0
    """An activity joined with a slot ("public_transport@who:elderly")."""
    head_decay: float = 0.7
    """A feature of the n-th content word counts ``head_decay ** n`` (1: all alike)."""


@cache
def _lexicons(lang: str) -> tuple[Lexicon, tuple[Lexicon, ...]]:
    with (files(__package__) / "frames.toml").open("rb") as handle:
        data = tomli.load(handle)
    return parse(data["activity"], lang), tuple(parse(data[s], lang) for s in SLOTS)


def placed_features(text: str, lang: str) -> list[tuple[int, str, str]]:
    """``(position, kind, feature)`` for one idea; position counts content words.

    Kinds: ``stem``, ``synonym``, ``activity`` and each name in ``SLOTS``. A phrase
    ("kommer hem") is placed at the word it starts with.
    """
    synonyms = lexicon(lang)
    activities, slots = _lexicons(lang)
    stops = stopwords(lang)
    found: list[tuple[int, str, str]] = []
    starts: list[tuple[int, int]] = []
    position = 0
    for start, word in word_spans(text):
        starts.append((start, position))
        if len(word) >= MIN_LENGTH and word not in stops:
            found.append((position, "stem", stem(word, lang)))
        found.extend(
            (position, "synonym", c)
            for c in synonyms.concepts_of_word(word)
            if c.startswith(SYNONYM_PREFIX)
        )
        found.extend((position, "activity", c) for c in activities.concepts_of_word(word))
        for name, slot in zip(SLOTS, slots, strict=True):
            found.extend((position, name, c) for c in slot.concepts_of_word(word))
        if len(word) >= MIN_LENGTH and word not in stops:
            position += 1

    def at(offset: int) -> int:
        return next((p for s, p in starts if s >= offset), position)

    folded = text.casefold()
    phrase_sets = [("synonym", synonyms), ("activity", activities)]
    phrase_sets += list(zip(SLOTS, slots, strict=True))
    for kind, table in phrase_sets:
        for pattern, concept in table.phrases:
            if kind == "synonym" and not concept.startswith(SYNONYM_PREFIX):
                continue
            match = pattern.search(folded)
            if match:
                found.append((at(match.start()), kind, concept))
    return found


def frame_vectors(texts: list[str], lang: str, weights: FrameWeights) -> list[Vector]:
    """Unit TF-IDF vectors of the ideas' weighted frames (see ``placed_features``)."""
    kind_weight = {
        "stem": weights.stem,
        "synonym": weights.synonym,
        "activity": weights.activity,
    }
    bags: list[dict[str, float]] = []
    for text in texts:
        bag: dict[str, float] = defaultdict(float)
        placed = placed_features(text, lang)
        activities: dict[str, float] = {}
        for position, kind, feature in placed:
            near = weights.head_decay**position
            weight = kind_weight.get(kind, weights.slot) * near
            key = f"{kind}:{feature}"
            bag[key] = max(bag[key], weight)
            if kind == "activity":
                activities[feature] = max(activities.get(feature, 0.0), near)
        if weights.activity_slot:
            for _, kind, feature in placed:
                if kind in SLOTS:
                    for activity, near in activities.items():
                        key = f"{activity}@{kind}:{feature}"
                        bag[key] = max(bag[key], weights.activity_slot * near)
        bags.append({k: v for k, v in bag.items() if v > 0})
    return weighted_tfidf(bags)
