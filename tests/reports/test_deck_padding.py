"""The working-group deck uses its space: no last slide holding two of thirty
organisations, and a planning box that cannot show everything shows what fits."""

from __future__ import annotations

import re
from pathlib import Path

from cafe.core.participants import PersonInput
from cafe.i18n import Translator
from cafe.reports.build import build_report
from tests.reports.support import open_deck, overflowing, report_meeting, titles

sv = Translator("sv")
ORGANISATIONS = [
    f"{kind} {place}"
    for kind in (
        "Pensionärernas riksorganisation",
        "Svenska kyrkan",
        "Röda Korset",
        "Hyresgästföreningen",
        "Studieförbundet Vuxenskolan",
    )
    for place in ("Söder", "Norr", "Öster", "Väster", "Centrum")
]
"""25 more organisations, 33 in all: one too many for a slide at 18 pt, which left a
second slide holding one organisation."""


def test_thirty_three_organisations_share_one_slide(tmp_path: Path) -> None:
    meeting = report_meeting(tmp_path / "m")
    meeting.service.add_participants(
        [
            PersonInput(f"Person {n}", org, "civil", present=True)
            for n, org in enumerate(ORGANISATIONS)
        ]
    )
    build_report(meeting.service, tmp_path / "out")
    deck = open_deck(tmp_path / "out" / "working-group.pptx")
    listed = [t for t in titles(deck) if t.startswith(sv("reports.deck.organisations_list"))]
    assert listed == [sv("reports.deck.organisations_list")], listed
    assert overflowing(deck) == []


def test_a_long_idea_does_not_crowd_out_the_short_ones_in_a_planning_box(
    tmp_path: Path,
) -> None:
    meeting = report_meeting(tmp_path / "m")
    long_idea = "Studieförbundet samordnar redan " + "frivilliga cirkelledare och lokaler " * 24
    meeting.service.capture_idea(long_idea.strip(), table=1, round=3)
    for n in range(1, 9):
        meeting.service.capture_idea(f"Kort idé {n}", table=2, round=3)
    build_report(meeting.service, tmp_path / "out")
    deck = open_deck(tmp_path / "out" / "working-group.pptx")
    box = next(
        shape.text_frame.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
        and shape.text_frame.text.startswith(sv("reports.sheet2.who_does_what"))
    )
    shown = re.findall(r"Kort idé \d", box)
    hidden = int(re.search(r"… och (\d+) till", box).group(1))  # type: ignore[union-attr]
    assert len(shown) >= 4, box
    assert (
        len(shown)
        + hidden
        + box.count("Röda Korset")
        + box.count("PRO:s")
        + box.count("Hyresgästföreningen har")
        + box.count("Studieförbundet samordnar")
        == 12
    ), "every idea is shown or counted"
    assert overflowing(deck) == []
