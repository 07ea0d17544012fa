"""Planning sheet 2's resources box lists round 3's ideas (what civil society already
does), each with its table and round, marked as raw material for the working group."""

from __future__ import annotations

from pathlib import Path

from cafe.i18n import Translator
from cafe.reports.build import build_report
from tests.reports.support import all_text, open_deck, overflowing, report_meeting

sv = Translator("sv")
ROUND3 = [
    "Röda Korset har besöksvänner som vill växa (runda 3, bord 1)",
    "PRO:s luncher är fullbokade (runda 3, bord 2)",
    "Hyresgästföreningen har tomma lokaler dagtid (runda 3, bord 3)",
]


def test_round_three_fills_the_resources_box_everywhere(tmp_path: Path) -> None:
    meeting = report_meeting(tmp_path / "m")
    build_report(meeting.service, tmp_path / "out")
    out = tmp_path / "out"
    hint = sv("reports.sheet2.resources_hint", round=3)
    markdown = (out / "summary.md").read_text(encoding="utf-8")
    section = markdown.split(sv("reports.sheet2.who_does_what"))[1].split("\n\n**")[0]
    assert hint in section
    for line in ROUND3:
        assert line in section
    assert "runda 4" not in section and "runda 2" not in section
    html = (out / "summary.html").read_text(encoding="utf-8")
    assert hint in html and all(line in html for line in ROUND3)
    deck = open_deck(out / "working-group.pptx")
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide)
    assert all(line in notes for line in ROUND3), "the notes hold every answer in full"
    assert ROUND3[0] in all_text(deck), "the box on the slide starts the list"
    assert overflowing(deck) == []


def test_no_round_three_no_box_filled(tmp_path: Path) -> None:
    meeting = report_meeting(tmp_path / "m")
    for idea in list(meeting.service.state.visible_ideas()):
        if idea.round == 3:
            meeting.service.delete_idea(idea.id)
    build_report(meeting.service, tmp_path / "out")
    markdown = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    assert sv("reports.sheet2.resources_hint", round=3) not in markdown
