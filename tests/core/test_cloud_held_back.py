"""The check-out word cloud holds swearing and slurs back from the wall.

An audit's room saw "jävla" and "idioter" in the projected cloud before a co-host could
remove the thought. The thought itself stays for moderation; only the cloud leaves the
word out, and everyday words that merely begin the same way stay in.
"""

from __future__ import annotations

import pytest

from cafe.core.harvest.cloud import cloud_words, held_back

THOUGHTS = [
    "Skit i de jävla idioterna på kommunen",
    "Jävligt bra samarbete",
    "Fan vad fantastiskt",
    "Samarbete i Fittja",
    "Slutsatsen: samarbete",
    "Fuck yeah, fantastiskt",
]


def test_the_cloud_leaves_out_swearing_in_both_languages() -> None:
    words = dict(cloud_words(THOUGHTS, "sv"))
    for held in ("skit", "jävla", "jävligt", "idioterna", "fan", "fuck"):
        assert held not in words, held
    assert words["samarbete"] == 3
    assert words["fantastiskt"] == 2


@pytest.mark.parametrize(
    "word", ["fantastiskt", "Fittja", "slutsatsen", "slutet", "negera", "arsenal", "skola"]
)
def test_everyday_words_that_begin_alike_stay(word: str) -> None:
    assert not held_back(word)


@pytest.mark.parametrize("word", ["Jävlar", "SKITBRA", "helvetet", "idioter", "bullshit"])
def test_every_form_of_a_listed_beginning_is_held_back(word: str) -> None:
    assert held_back(word)
