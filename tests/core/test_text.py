"""What people type is cleaned before it is stored."""

from __future__ import annotations

import unicodedata

from cafe.core.errors import Problem
from cafe.core.text import check_email, check_field, check_phone, clean, parse_yes_no


def test_clean_normalises_and_strips_invisible_and_control() -> None:
    decomposed = unicodedata.normalize("NFD", "Åsa Öberg")
    assert clean(decomposed) == "Åsa Öberg"
    assert clean("a\u200bb\u202ec\x00d\x07") == "abcd"
    assert clean("  many   spaces\tand\nlines ") == "many spaces and lines"
    assert clean("rad 1\r\nrad 2", multiline=True) == "rad 1\nrad 2"


def test_emoji_rtl_and_joiners_survive() -> None:
    family = "👨\u200d👩\u200d👧"
    assert clean(f"{family} سلام שלום") == f"{family} سلام שלום"


def test_too_long_and_required_are_problems() -> None:
    problems: list[Problem] = []
    check_field("name", "", problems, required=True)
    check_field("idea", "x" * 100_000, problems, where="ideas[0]")
    assert [p.where for p in problems] == ["name", "ideas[0]"]
    assert "2000" in problems[1].message


def test_email_and_phone() -> None:
    problems: list[Problem] = []
    assert check_email("asa@example.se", problems) == "asa@example.se"
    assert check_phone("+46 70-123 45 67", problems) == "+46 70-123 45 67"
    assert problems == []
    check_email("not-an-address", problems)
    check_phone("call me", problems)
    assert [p.where for p in problems] == ["email", "phone"]


def test_yes_no_in_both_languages() -> None:
    assert parse_yes_no("Ja") is True
    assert parse_yes_no("x") is True
    assert parse_yes_no("no") is False
    assert parse_yes_no("") is False
    assert parse_yes_no("kanske") is None
