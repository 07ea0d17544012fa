"""Invisible and bidi format characters never reach a stored name, idea or theme (issue 16 row 12).

Each class of character can hide, reorder or spoof what a co-host reads on the console or
the projector: "Åsa" and "Å\u200esa" look the same but are two people; U+202E turns text
around; tag characters (U+E0000–U+E007F) carry hidden ASCII.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cafe.core.participants import PersonInput
from cafe.core.text import _clean_each, clean
from cafe.storage.folder import open_meeting
from tests.meetings import new_meeting

HIDDEN: dict[str, list[str]] = {
    "left-to-right and right-to-left marks": ["\u200e", "\u200f"],
    "arabic letter mark": ["\u061c"],
    "soft hyphen": ["\u00ad"],
    "tag characters": ["\U000e0001", "\U000e0020", "\U000e0041", "\U000e007f"],
    "bidi embeddings and overrides": [chr(c) for c in range(0x202A, 0x202F)],
    "bidi isolates": [chr(c) for c in range(0x2066, 0x206A)],
    "zero width space and stray joiners": ["\u200b", "\u200c", "\u200d"],
    "byte order mark": ["\ufeff"],
    "word joiner and invisible operators": [chr(c) for c in range(0x2060, 0x2065)],
    "mongolian vowel separator": ["\u180e"],
    "interlinear annotation": ["\ufff9", "\ufffa", "\ufffb"],
    "blank fillers": ["\u3164", "\uffa0", "\u115f", "\u1160", "\u034f"],
}


def _spoofed(name: str, char: str) -> str:
    """``name`` with ``char`` at the start, inside a word, before a space and at the end."""
    return f"{char}Å{char}sa{char} Öberg{char}"


@pytest.mark.parametrize("kind", sorted(HIDDEN))
def test_clean_strips_each_class(kind: str) -> None:
    for char in HIDDEN[kind]:
        assert clean(_spoofed("Åsa Öberg", char)) == "Åsa Öberg", f"U+{ord(char):04X}"
        assert clean(f"rad{char} 1\nrad 2{char}", multiline=True) == "rad 1\nrad 2"


def test_joiners_stay_where_scripts_and_emoji_need_them() -> None:
    family = "👨\u200d👩\u200d👧"
    persian = "می\u200cخواهم"
    rainbow = "🏳\ufe0f\u200d🌈"
    assert clean(f"{family} {persian} {rainbow}") == f"{family} {persian} {rainbow}"
    assert clean("\u200d\u200cAnna\u200d \u200c") == "Anna", "a joiner next to nothing goes"
    assert clean("ی\u200c\u200c\u200cخ") == "ی\u200cخ", "a run of joiners is one joiner"
    assert clean("क्\u200dष") == "क्\u200dष", "Devanagari half forms keep their joiner"
    assert clean("Å\u200dsa \u200cÖberg") == "Åsa Öberg", "Latin letters never need one"


@pytest.mark.parametrize("kind", sorted(HIDDEN))
def test_every_free_text_field_is_stored_clean(tmp_path: Path, kind: str) -> None:
    """Names, organisations, ideas, themes, sign-ups and check-out thoughts, reopened from disk."""
    hidden = "".join(HIDDEN[kind])
    service = new_meeting(tmp_path / "m")
    person = service.add_participant(
        PersonInput(f"Åsa{hidden} Öberg", organisation=f"Röda{hidden} Korset", present=True)
    )
    service.update_participant(person.id, name=f"{hidden}Åsa Öberg{hidden}")
    idea = service.capture_idea(f"Träff{hidden}punkter\nför {hidden}alla", table=1)
    service.edit_idea(idea.id, text=f"Träff{hidden}punkter{hidden}")
    theme = service.create_theme(f"Möten{hidden}", signup=True)
    service.sign_up(
        name=f"Per{hidden} Persson",
        organisation=f"{hidden}Kommunen",
        themes=[theme.id],
        consent=False,
    )
    service.note_checkout(f"Hopp{hidden}", author=f"Li{hidden}")

    state = open_meeting(tmp_path / "m").state
    [stored] = state.participants.values()
    assert (stored.name, stored.organisation) == ("Åsa Öberg", "Röda Korset")
    assert [i.text for i in state.ideas.values()] == ["Träffpunkter"]
    assert [t.name for t in state.themes.values()] == ["Möten"]
    [signup] = state.signups.values()
    assert (signup.name, signup.organisation) == ("Per Persson", "Kommunen")
    [note] = state.checkout.values()
    assert (note.text, note.author) == ("Hopp", "Li")


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        st.one_of(
            st.characters(),
            st.sampled_from(" \t\r\n\u00a0\u200b\u200c\u200d\u2028\u3164\u034fåäöÅÄÖ"),
        )
    ),
    st.booleans(),
)
def test_the_quick_path_cleans_exactly_as_the_careful_one(text: str, multiline: bool) -> None:
    """``clean`` skips the character-by-character pass when there is nothing to drop: the
    result must be the same as that pass gives, for any text."""
    normal = unicodedata.normalize("NFC", text)
    assert clean(text, multiline=multiline) == _clean_each(normal, multiline=multiline)
