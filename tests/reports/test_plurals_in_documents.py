"""The feedback letter and the summary read as Swedish with one and with two of each:
"1 idé", "2 idéer"; "1 person", "2 personer"; never "1 idéer"."""

from __future__ import annotations

from pathlib import Path

import pytest

from cafe.cli import main
from tests.meetings import new_meeting

WRONG = ["1 idéer", "1 personer", "1 anmälningar", "1 teman", "1 organisationer"]


@pytest.mark.parametrize("n", [1, 2])
def test_one_and_two_of_each_in_the_letter_and_the_summary(tmp_path: Path, n: int) -> None:
    folder = tmp_path / "m"
    service = new_meeting(folder)
    ideas = service.capture_ideas([f"Idé {i}" for i in range(n)], table=1)
    theme = service.create_theme("Mötesplatser", signup=True, ideas=[i.id for i in ideas])
    for i in range(n):
        service.sign_up(
            name=f"Person {i}", email=f"p{i}@example.org", consent=True, themes=[theme.id]
        )
    out = tmp_path / "out"
    assert main(["report", str(folder), "--out", str(out)]) == 0
    letter = (out / "feedback.md").read_text(encoding="utf-8")
    summary = (out / "summary.md").read_text(encoding="utf-8")
    if n == 1:
        assert "Mötesplatser: 1 idé, 1 vill fortsätta" in letter
    else:
        assert "Mötesplatser: 2 idéer, 2 vill fortsätta" in letter
    for text in (letter, summary):
        for wrong in WRONG:
            assert wrong not in text, f"{wrong!r} in {text[:80]!r}"
