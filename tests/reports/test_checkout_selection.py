"""The check-out slide: a thought several people wrote is shown once."""

from __future__ import annotations

from pathlib import Path

from cafe.reports.model import build_model
from tests.meetings import new_meeting


def test_a_thought_several_people_wrote_is_on_the_slide_once(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "m")
    for text in (
        "Jag vill bli besöksvän",
        "Energi!",
        "jag vill bli  besöksvän.",
        "Hopp om att vi gör något tillsammans",
        "Energi",
        "Jag vill bli besöksvän",
        "Nya kontakter med kommunen",
    ):
        service.note_checkout(text)
    chosen = build_model(service, "sv").checkout_selection()
    assert chosen == (
        "Jag vill bli besöksvän",
        "Energi!",
        "Hopp om att vi gör något tillsammans",
        "Nya kontakter med kommunen",
    )
