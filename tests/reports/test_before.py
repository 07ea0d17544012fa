"""What is printed and projected: invitation, table cards, paper sign-up sheets, meeting deck."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cafe.core.meeting_seating import appointed_hosts, plan_meeting
from cafe.core.participants import PersonInput
from cafe.i18n import Translator
from cafe.links import checkout_path, signup_path, table_path
from cafe.reports.build import build_before, table_count
from cafe.reports.meeting_deck import QUESTION_SHAPE
from cafe.reports.printables import CARD_NUMBER_SHAPE
from cafe.storage.folder import meeting_token, table_token
from tests.meetings import new_meeting
from tests.reports.support import (
    PUBLIC,
    Built,
    all_text,
    open_deck,
    overflowing,
    paragraphs,
    qr_urls,
    report_meeting,
    titles,
)

sv = Translator("sv")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Built, Path]:
    folder = tmp_path_factory.mktemp("before")
    meeting = report_meeting(folder / "m")
    written = build_before(meeting.service, folder / "out", public_base=PUBLIC)
    assert [p.name for p in written] == [
        "invitation.md",
        "invitation.docx",
        "table-cards.pptx",
        "signup-sheets.pptx",
        "meeting.pptx",
    ]
    return meeting, folder / "out"


def test_one_table_card_per_planned_table_with_its_host_and_code(
    built: tuple[Built, Path], tmp_path: Path
) -> None:
    meeting, out = built
    prs = open_deck(out / "table-cards.pptx")
    assert len(prs.slides) == 3, "the stored seating plan has three tables"
    numbers = [p for p in paragraphs(prs, CARD_NUMBER_SHAPE) if p.isdigit()]
    assert numbers == ["1", "2", "3"]
    text = all_text(prs)
    for host in ("Åsa Öberg", "Per Lindström", "Jonas Ek"):
        assert sv("reports.cards.host", name=host) in text
    expected = [[PUBLIC + table_path(table_token(meeting.service, n))] for n in (1, 2, 3)]
    assert qr_urls(prs, tmp_path) == expected
    assert overflowing(prs) == []
    assert abs(prs.slide_width / 360000 - 29.7) < 0.01, "A4 landscape"


def test_paper_sign_up_sheets_per_theme_and_a_general_one(built: tuple[Built, Path]) -> None:
    _, out = built
    prs = open_deck(out / "signup-sheets.pptx")
    assert titles(prs) == [
        sv("reports.sheets.title", theme="Mötesplatser"),
        sv("reports.sheets.title", theme="Skjuts & landsbygd"),
        sv("reports.sheets.title_general", challenge="ensamhet bland äldre"),
    ]
    for slide in prs.slides:
        table = next(s for s in slide.shapes if s.has_table).table
        header = [table.cell(0, c).text for c in range(len(table.columns))]
        assert header[0] == sv("reports.sheets.name")
        assert sv("reports.sheets.email") in header
        assert len(table.rows) >= 9
    assert overflowing(prs) == []


def test_meeting_deck_has_a_slide_per_step_with_questions_and_codes(
    built: tuple[Built, Path], tmp_path: Path
) -> None:
    meeting, out = built
    service = meeting.service
    prs = open_deck(out / "meeting.pptx")
    steps = service.agenda.steps
    assert titles(prs) == ["Idémöte", *[s.title for s in steps]]
    shown = paragraphs(prs, QUESTION_SHAPE)
    for round_step in service.agenda.cafe_rounds:
        assert round_step.question in shown
    notes = [s.notes_slide.notes_text_frame.text for s in list(prs.slides)[1:]]
    assert all(notes), "every step has speaker notes"
    token = meeting_token(service)
    urls = qr_urls(prs, tmp_path)
    join, checkout = PUBLIC + signup_path(token), PUBLIC + checkout_path(token)
    assert urls[0] == [join]
    by_kind = {step.kind: urls[i + 1] for i, step in enumerate(steps)}
    assert by_kind["signup"] == [join]
    assert by_kind["checkout"] == [checkout]
    assert by_kind["cafe_round"] == []
    assert overflowing(prs) == []


def test_invitation_asks_the_open_question(built: tuple[Built, Path]) -> None:
    _, out = built
    text = (out / "invitation.md").read_text(encoding="utf-8")
    assert text.startswith("# Vad skulle bli möjligt om vi samarbetade kring ensamhet bland äldre?")
    assert sv("reports.invitation.welcome") in text
    assert sv("reports.invitation.not_every") in text
    assert "Runda 1 (25 min)" in text
    until = re.search(r"till och med (\d{4}-\d{2}-\d{2})", text)
    assert until and sv("reports.retention", count=365, days=365, until=until.group(1)) in text


def test_without_a_plan_tables_follow_the_people_present(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "m")
    assert table_count(service) == 1
    service.add_participants([PersonInput(f"Person {n}", present=n < 9) for n in range(13)])
    assert table_count(service) == 3, "9 present at 4 per table"
    service.store_seating({"mode": "circle", "order": []})
    assert table_count(service) == 1


def test_a_circle_s_card_asks_for_who_writes_not_for_a_table_host(tmp_path: Path) -> None:
    """Eight people in one circle: one card, "Ringen", no table host to appoint."""
    service = new_meeting(tmp_path / "m")
    people = service.add_participants([PersonInput(f"Person {n}", present=True) for n in range(8)])
    service.store_seating({"mode": "circle", "order": [p.id for p in people]})
    build_before(service, tmp_path / "out", public_base=PUBLIC)
    prs = open_deck(tmp_path / "out" / "table-cards.pptx")
    assert len(prs.slides) == 1
    text = all_text(prs)
    assert sv("reports.cards.circle") in text
    assert sv("reports.cards.writer_blank") in text and sv("reports.cards.scan_circle") in text
    assert "Bordsvärd" not in text and "bordets" not in text
    assert overflowing(prs) == []
    deck = open_deck(tmp_path / "out" / "meeting.pptx")
    shown = all_text(deck)
    assert sv("reports.meeting.round_move_circle") in shown
    assert "byter ni bord" not in shown, "no table to move to in a circle"
    assert overflowing(deck) == []


def test_english_meeting_gets_english_printouts(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "m", agenda="idea-meeting.en", challenge="loneliness")
    build_before(service, tmp_path / "out", public_base=PUBLIC)
    prs = open_deck(tmp_path / "out" / "signup-sheets.pptx")
    assert titles(prs) == ["Want to keep working on loneliness?"]
    text = (tmp_path / "out" / "invitation.md").read_text(encoding="utf-8")
    assert text.startswith("# What would become possible if we worked together on loneliness?")


@pytest.mark.parametrize("agenda", ["idemote.sv", "idemote-kort.sv", "idea-meeting.en"])
def test_only_the_last_round_s_slide_tells_people_to_stay(tmp_path: Path, agenda: str) -> None:
    """The English Round 4 slide said "When the round ends, move to another table"
    though the harvest came next: the last café round says to stay, in either language
    and whatever the agenda's number of rounds."""
    service = new_meeting(tmp_path / "m", agenda=agenda)
    service.add_participants([PersonInput(f"Person {n}", present=True) for n in range(12)])
    build_before(service, tmp_path / "out", public_base=PUBLIC)
    prs = open_deck(tmp_path / "out" / "meeting.pptx")
    tr = Translator(service.agenda.meta.language)
    move, last = tr("reports.meeting.round_move"), tr("reports.meeting.round_last")
    steps = service.agenda.steps
    rounds = [i for i, step in enumerate(steps) if step.kind == "cafe_round"]
    assert len(rounds) >= 2
    slides = list(prs.slides)[1:]
    for i, slide in enumerate(slides):
        (shape,) = [s for s in slide.shapes if s.name == QUESTION_SHAPE]
        said = shape.text_frame.text
        if i == rounds[-1]:
            assert last in said and move not in said, said
        elif i in rounds:
            assert move in said and last not in said, said
        else:
            assert move not in said and last not in said, said
    assert overflowing(prs) == []


def test_an_appointed_host_s_card_just_names_them(tmp_path: Path) -> None:
    """The English card said "Table host (appointed, brief them): Ella Ström" in large
    type on the table: the note is for the co-hosts, in the card's speaker notes."""
    service = new_meeting(tmp_path / "m", agenda="idea-meeting.en", challenge="loneliness")
    people = service.add_participants(
        [PersonInput(f"Person {n}", present=True, host=n == 0) for n in range(12)]
    )
    plan_meeting(service)
    appointed = dict(appointed_hosts(service))
    assert appointed, "one volunteer for three tables: the planner appoints the others"
    build_before(service, tmp_path / "out", public_base=PUBLIC)
    prs = open_deck(tmp_path / "out" / "table-cards.pptx")
    tr = Translator("en")
    names = {p.id: p.name for p in people}
    hosts = {table: pid for pid, table in appointed.items()}
    for number, slide in enumerate(prs.slides, start=1):
        face = "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        notes = slide.notes_slide.notes_text_frame.text
        assert "appointed" not in face and "brief" not in face, face
        if number in hosts:
            name = names[hosts[number]]
            assert tr("reports.cards.host", name=name) in face.splitlines()
            assert tr("reports.cards.host_appointed", name=name) in notes
            assert "brief them before round 1" in notes
        else:
            assert "brief" not in notes
    assert overflowing(prs) == []
