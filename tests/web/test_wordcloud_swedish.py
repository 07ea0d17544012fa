"""The check-out word cloud speaks Swedish: stop words out, inflected forms as one word."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

from cafe.core.agenda import StepKind
from cafe.core.harvest.cloud import cloud_words
from cafe.core.service import MeetingService
from cafe.web.wordcloud import word_weights
from tests.web.support import step_index

THOUGHTS = [
    "Vi ses snart! Jag bär med mig mötesplatserna vi pratade om",
    "Jag trodde inte att det fanns så många mötesplatser",
    "En mötesplats för unga, det bär jag med mig",
    "Föreningarna och kommunen kan göra mer tillsammans",
    "Alla föreningar behövs – och mötesplatsen i centrum",
]


def test_inflected_forms_count_as_one_word_shown_as_people_wrote_it_most():
    words = dict(cloud_words(THOUGHTS, "sv"))
    # mötesplatserna, mötesplatser, mötesplats, mötesplatsen: one word, four times, shown
    # in the alphabetically first form as each was written once
    assert words["mötesplats"] == 4
    assert not {"mötesplatserna", "mötesplatser", "mötesplatsen"} & set(words)
    # föreningarna, föreningar: one word, twice; the tie goes to the alphabetically first
    assert words["föreningar"] == 2
    assert "föreningarna" not in words


def test_a_word_counts_once_per_thought():
    """One of twelve thoughts was "Mötesplats mötesplats mötesplats": that word became by
    far the biggest in the cloud, over words that three people wrote."""
    thoughts = [
        "Mötesplats mötesplats mötesplats",
        "Mer gemenskap i vardagen",
        "Gemenskap mellan generationer",
        "Gemenskapen gör skillnad",
    ]
    words = dict(cloud_words(thoughts, "sv"))
    assert words["mötesplats"] == 1, words
    assert words["gemenskap"] == 3, words
    weights = dict(word_weights(thoughts, lang="sv"))
    assert max(weights, key=weights.get) == "gemenskap", weights
    # Inflected forms in one thought are that word once too.
    once = cloud_words(["Mötesplatser och mötesplatsen", "Bibliotek"], "sv")
    assert once == [("bibliotek", 1), ("mötesplatser", 1)], once


def test_stop_words_and_small_talk_are_left_out():
    words = {w for w, _ in cloud_words(THOUGHTS, "sv")}
    for said_nothing in ("ses", "bär", "trodde", "jag", "och", "det", "med", "mig", "vi"):
        assert said_nothing not in words


def test_english_thoughts_are_stemmed_and_filtered_too():
    thoughts = ["Libraries matter to us", "The library was full of young volunteers"]
    words = dict(cloud_words([*thoughts, "We need more volunteering"], "en"))
    assert words["libraries"] == 2 and "library" not in words
    assert words["volunteering"] + words.get("volunteers", 0) == 2
    assert not {"the", "to", "us", "was", "of", "we", "more"} & set(words)


def test_word_weights_sizes_the_grouped_words():
    weights = dict(word_weights(THOUGHTS, lang="sv"))
    assert max(weights, key=weights.get) == "mötesplats"
    assert max(weights.values()) == 6


async def test_the_projected_cloud_groups_inflected_swedish_forms(
    client: TestClient, service: MeetingService, token: str
) -> None:
    for thought in THOUGHTS:
        service.note_checkout(thought)
    service.start_step(step_index(service, StepKind.CHECKOUT))
    html = await (await client.get(f"/screen/{token}")).text()
    assert '<span class="w6">mötesplats</span>' in html
    assert ">trodde<" not in html and ">bär<" not in html and ">ses<" not in html
    assert ">mötesplatserna<" not in html and ">mötesplatsen<" not in html


def test_a_thought_of_one_word_is_in_the_cloud_even_if_a_stop_word() -> None:
    """Four of seven people answered "Hope": the cloud left its commonest word out."""
    thoughts = ["Hope", "Hope!", "hope.", "Hope", "I hope we meet again", "Trust", "Coffee"]
    words = dict(cloud_words(thoughts, "en"))
    assert words.get("hope") == 5, words
    assert words.get("meet") == 1 and "again" not in words, "in a sentence, still a stop word"
    lone = dict(cloud_words(["Really!", "I really think we meet again", "Trust"], "en"))
    assert lone.get("really") == 1 and lone.get("meet") == 1 and "think" not in lone, lone
    swedish = dict(cloud_words(["Tycker!", "Jag tycker vi ses igen", "Tack"], "sv"))
    assert swedish.get("tycker") == 1 and swedish.get("tack") == 1, swedish
    assert "ses" not in swedish and "igen" not in swedish, swedish


def test_the_word_two_parting_thoughts_share_is_the_biggest() -> None:
    """The English check-out cloud for these two thoughts was "continues energy places":
    "hope", the word both wrote, and "great" and "meeting" were left out as words that
    say nothing about an idea's theme (and "hope" and "meeting" are in the question). A
    parting thought is not an idea: the room's shared word is what the cloud is for."""
    english = ["Hope for more meeting places", "Great energy, hope it continues"]
    weights = dict(word_weights(english, lang="en"))
    assert weights["hope"] == max(weights.values()) == 6, weights
    assert {"great", "meeting", "energy", "places", "continues"} <= set(weights), weights
    assert not {"for", "more", "it"} & set(weights), weights
    # The Swedish question asks for a "förhoppning": "Hopp" and "hoppas" are one word.
    swedish = ["Hopp om fler mötesplatser", "Kul med energin, hoppas det fortsätter"]
    weights = dict(word_weights(swedish, lang="sv"))
    assert weights["hopp"] == max(weights.values()) == 6, weights
    assert {"kul", "energin", "mötesplatser", "fortsätter"} <= set(weights), weights
    assert not {"om", "fler", "med", "det", "hoppas"} & set(weights), weights
    # Opinion verbs and filler stay out of the cloud in both languages.
    said = cloud_words(["I really think we need this", "Really nice"], "en")
    assert said == [("nice", 1)], said
    said = cloud_words(["Jag tycker verkligen om det", "Verkligen roligt"], "sv")
    assert said == [("roligt", 1)], said


def test_an_english_room_s_main_words_are_in_its_cloud() -> None:
    """The English stop-word list (1,333 words) held "together", "help", "young", "old",
    "home", "alone", "group" and "places": the cloud showed "meet" and little else."""
    thoughts = [
        "Young and old working together",
        "Help for older people who live alone at home",
        "Working together as a group",
        "We need more places where young and old meet",
        "Together we can help",
        "New friends and a good group",
        "Young and old together",
        "Help at home",
    ]
    cloud = dict(cloud_words(thoughts, "en"))
    assert cloud["together"] == 4 and cloud["help"] == 3 and cloud["young"] == 3
    assert {"old", "home", "alone", "group", "places"} <= set(cloud)
    assert not {"and", "we", "at", "the", "for", "who", "can"} & set(cloud), "function words"
