"""The working group's deck: reopened with python-pptx and read back slide by slide."""

from __future__ import annotations

from pathlib import Path

import pytest

from cafe.i18n import Translator
from cafe.reports.build import build_report
from cafe.reports.working_deck import IDEAS_SHAPE, SIGNUPS_SHAPE
from tests.reports.support import (
    Built,
    all_text,
    deck_idea_texts,
    open_deck,
    overflowing,
    paragraphs,
    report_meeting,
    titles,
)

sv = Translator("sv")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Built, Path]:
    folder = tmp_path_factory.mktemp("deck")
    meeting = report_meeting(folder / "m", extra_ideas=30)
    build_report(meeting.service, folder / "out")
    return meeting, folder / "out"


def test_the_deck_has_every_part_in_order(built: tuple[Built, Path]) -> None:
    _, out = built
    prs = open_deck(out / "working-group.pptx")
    heads = titles(prs)
    assert heads[0] == "Idémöte"
    subtitle = prs.slides[0].placeholders[1].text_frame.text
    assert "ensamhet bland äldre" in subtitle
    expected_order = [
        sv("reports.deck.who_came"),
        sv("reports.deck.questions"),
        sv("reports.deck.ideas_theme", theme="Mötesplatser"),
        sv("reports.deck.ideas_theme", theme="Skjuts & landsbygd"),
        sv("reports.deck.ideas_theme", theme="Kontaktpunkt"),
        sv("reports.deck.ideas_unthemed"),
        sv("reports.deck.signups_theme", theme="Mötesplatser"),
        sv("reports.deck.signups_theme", theme="Skjuts & landsbygd"),
        sv("reports.deck.signups_general"),
        sv("reports.deck.checkout"),
        sv("reports.deck.sheet1"),
        sv("reports.deck.sheet2"),
        sv("reports.deck.principles"),
    ]
    positions = [next(i for i, h in enumerate(heads) if h.startswith(e)) for e in expected_order]
    assert positions == sorted(positions)
    # 30 extra ideas do not fit one slide: the unthemed list continues, numbered.
    unthemed = [h for h in heads if h.startswith(sv("reports.deck.ideas_unthemed"))]
    assert len(unthemed) >= 2 and unthemed[0].endswith(f"(1/{len(unthemed)})")
    text = all_text(prs)
    for question in ("för mig personligen?", "plats/kommun/region?", "kommunen?"):
        assert question in text
    for principle in ("Självständighet och oberoende", "Dialog", "Kvalitet", "Långsiktighet"):
        assert principle in text
    assert "Öppenhet och insyn" in text and "Mångfald" in text


def test_every_visible_idea_is_on_the_idea_slides_exactly_once(built: tuple[Built, Path]) -> None:
    meeting, out = built
    prs = open_deck(out / "working-group.pptx")
    shown = paragraphs(prs, IDEAS_SHAPE)
    expected = deck_idea_texts(meeting)
    assert "Gemensam kontaktpunkt för alla aktiviteter (kom upp vid 2 bord)" in expected
    assert sorted(shown) == sorted(expected)
    text = all_text(prs)
    for gone in meeting.hidden:
        assert gone not in text


def test_sign_ups_are_listed_per_theme_without_contact_details(built: tuple[Built, Path]) -> None:
    meeting, out = built
    prs = open_deck(out / "working-group.pptx")
    by_title: dict[str, list[str]] = {}
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.name == SIGNUPS_SHAPE:
                title = slide.shapes.title.text_frame.text
                by_title.setdefault(title, []).extend(p.text for p in shape.text_frame.paragraphs)
    assert by_title[sv("reports.deck.signups_theme", theme="Mötesplatser")] == [
        "Görel Åkesson, Kommunen",
        "Åsa Öberg, Röda Korset",
    ], "Swedish order: G before Å"
    assert by_title[sv("reports.deck.signups_theme", theme="Skjuts & landsbygd")] == [
        "Görel Åkesson, Kommunen",
        "Yusuf Demir, Hyresgästföreningen",
    ]
    assert by_title[sv("reports.deck.signups_general")] == ["Märta Ärlebäck, PRO Söder"]
    text = all_text(prs)
    assert "Ångrad Person" not in text
    for contact in meeting.consented + meeting.not_consented:
        assert contact not in text
    # A short list is one wide column: two half-width columns, the right one empty,
    # wrapped "Fatima Al-Hassan, Islamiska / förbundet" beside half a slide of nothing.
    widths = [
        shape.width for slide in prs.slides for shape in slide.shapes if shape.name == SIGNUPS_SHAPE
    ]
    assert widths and all(w > prs.slide_width * 0.6 for w in widths), widths


def test_planning_sheets_are_filled_where_the_meeting_answered(built: tuple[Built, Path]) -> None:
    _, out = built
    prs = open_deck(out / "working-group.pptx")

    def sheet_text(title: str) -> str:
        slides = [s for s in prs.slides if s.shapes.title.text_frame.text.startswith(title)]
        assert len(slides) >= 2, "a sheet is spread over slides with room to write"
        return "\n".join(x.text_frame.text for s in slides for x in s.shapes if x.has_text_frame)

    text1 = sheet_text(sv("reports.deck.sheet1"))
    text2 = sheet_text(sv("reports.deck.sheet2"))
    for key in ("challenge", "why", "direction", "actions", "timeline", "results", "intangible"):
        assert sv(f"reports.sheet1.{key}") in text1
    assert "ensamhet bland äldre" in text1
    assert "Mötesplatser" in text1 and "Skjuts & landsbygd" in text1
    for key in ("stakeholders", "core_team", "anchoring", "target", "who_does_what", "hard"):
        assert sv(f"reports.sheet2.{key}") in text2
    assert "Åsa Öberg, Röda Korset" in text2
    assert sv("reports.sheet2.next_step_hint") in text2


def test_no_text_box_holds_more_lines_than_fit(built: tuple[Built, Path]) -> None:
    _, out = built
    assert overflowing(open_deck(out / "working-group.pptx")) == []


def test_slides_carry_speaker_notes(built: tuple[Built, Path]) -> None:
    _, out = built
    prs = open_deck(out / "working-group.pptx")
    noted = [s for s in prs.slides if s.has_notes_slide and s.notes_slide.notes_text_frame.text]
    assert len(noted) >= len(prs.slides) - 2
    assert "ensamhet bland äldre" in prs.slides[0].notes_slide.notes_text_frame.text


def test_the_slides_are_16_by_9(built: tuple[Built, Path]) -> None:
    _, out = built
    prs = open_deck(out / "working-group.pptx")
    assert round(prs.slide_width / prs.slide_height, 2) == round(16 / 9, 2)
    assert abs(prs.slide_width / 914400 - 13.333) < 0.01
