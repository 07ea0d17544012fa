"""feedback.docx, feedback.html, invitation.docx and invitation.ics: reopened with
python-docx and icalendar, converted by LibreOffice, and free of participants' addresses."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from docx import Document
from icalendar import Calendar

from cafe.reports.build import build_before, build_report
from tests.reports.letter_meeting import PARTICIPANT_ADDRESSES, letter_meeting
from tests.reports.rendered import convert_to_pdf
from tests.reports.support import PUBLIC


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("letters")
    service = letter_meeting(root / "m")
    try:
        build_report(service, root / "out")
        build_before(service, root / "out", public_base=PUBLIC)
    finally:
        service.log.close()
    return root / "out"


def docx_text(path: Path) -> str:
    document = Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_invitation_docx_says_when_where_who_and_how_to_register(out: Path) -> None:
    text = docx_text(out / "invitation.docx")
    assert "Vad skulle bli möjligt om vi samarbetade kring ensamhet bland äldre?" in text
    assert "torsdag 3 december 2026 kl. 18.00–21.00" in text
    assert "Hageby bibliotek, Storgatan 1" in text
    assert "Anna Lindqvist, Socialförvaltningen (anna.lindqvist@hageby.se)" in text
    assert "Kalle Öberg, Röda Korset Hageby (kalle.oberg@rodakorset.se)" in text
    assert "Anmäl dig senast torsdag 26 november 2026 till" in text
    assert "återkopplingsbrevet" in text, "the invitation says what the address is used for"
    document = Document(str(out / "invitation.docx"))
    assert document.core_properties.language == "sv-SE"
    # The agenda's numbers are text before a tab: LibreOffice drew Word's own list
    # numbering with a 0.63 cm tab and printed "10.Anmälningslistor".
    steps = [p.text for p in document.paragraphs if re.match(r"\d+\.\t", p.text)]
    assert len(steps) == 12 and steps[9].startswith("10.\t"), steps
    markdown = (out / "invitation.md").read_text(encoding="utf-8")
    assert "torsdag 3 december 2026 kl. 18.00–21.00" in markdown
    assert "Anmäl dig senast torsdag 26 november 2026" in markdown


def test_feedback_docx_and_html_hold_no_participant_address(out: Path) -> None:
    word = docx_text(out / "feedback.docx")
    html = (out / "feedback.html").read_text(encoding="utf-8")
    for text in (word, html):
        assert "Tack för att du var med på idémötet om ensamhet bland äldre" in text
        assert "kalle.oberg@rodakorset.se" in text, "the co-hosts can be reached"
        for address in PARTICIPANT_ADDRESSES:
            assert address not in text
    assert "<style" not in html and "<script" not in html.lower()
    assert 'style="' in html, "inline styles survive pasting into a mail program"
    assert re.search(r"<h2[^>]*>Vill du vara med senare\?</h2>", html)


def test_invitation_ics_parses_as_one_event_in_stockholm_time(out: Path) -> None:
    raw = (out / "invitation.ics").read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n"), "CRLF line ends (RFC 5545 3.1)"
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines folded at 75 octets"
    calendar = Calendar.from_ical(raw)
    assert str(calendar["VERSION"]) == "2.0" and calendar.get("PRODID")
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert isinstance(start, datetime)
    assert (start.replace(tzinfo=None), end.replace(tzinfo=None)) == (
        datetime(2026, 12, 3, 18, 0),
        datetime(2026, 12, 3, 21, 0),
    )
    assert start.utcoffset().total_seconds() == 3600, "CET in December"
    assert str(event["LOCATION"]) == "Hageby bibliotek, Storgatan 1"
    assert str(event["SUMMARY"]) == "Inbjudan: Idémöte"
    assert "Anna Lindqvist och Kalle Öberg" in str(event["DESCRIPTION"])
    assert str(event["UID"]).endswith("@cafe") and event.get("DTSTAMP")


def test_libreoffice_opens_both_word_documents(out: Path, tmp_path: Path) -> None:
    convert_to_pdf([out / "feedback.docx", out / "invitation.docx"], tmp_path)
    for name, expected in (
        ("feedback", "Det här kom fram"),
        ("invitation", "Anmälan"),
    ):
        pdf = tmp_path / f"{name}.pdf"
        assert pdf.is_file(), f"LibreOffice did not convert {name}.docx"
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert expected in text


@pytest.mark.parametrize("name", ["feedback", "invitation"])
def test_the_markdown_letter_signs_and_refers_as_the_word_letter_does(out: Path, name: str) -> None:
    """feedback.md signed "Anna Lindqvist, Socialförvaltningen och Kalle Öberg, Röda
    Korset" on one line, feedback.docx "Kalle Öberg" above "Anna Lindqvist"; a letter
    pasted from one or sent from the other said different things."""
    document = Document(str(out / f"{name}.docx"))
    lines = [p.text for p in document.paragraphs if p.text.strip()]
    signed = [line for text in lines[-1:] for line in text.splitlines()]
    assert signed == ["Kalle Öberg", "Anna Lindqvist"], lines[-3:]
    markdown = (out / f"{name}.md").read_text(encoding="utf-8")
    letter = markdown.split("\n---")[0].rstrip().splitlines()
    assert [line.rstrip() for line in letter[-2:]] == signed, letter[-4:]
    if name == "feedback":
        [join_later] = [p for p in lines if "kalle.oberg@rodakorset.se" in p]
        assert join_later in markdown, "the same who-to-contact sentence"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_calendar_file_names_the_program_not_a_swedish_meeting(
    tmp_path: Path, lang: str
) -> None:
    """The English invitation.ics said PRODID:-//cafe//Idémöte//SV."""
    service = letter_meeting(tmp_path / "m", lang=lang)
    try:
        build_before(service, tmp_path / "out", public_base=PUBLIC)
    finally:
        service.log.close()
    raw = (tmp_path / "out" / "invitation.ics").read_bytes()
    calendar = Calendar.from_ical(raw)
    assert str(calendar["PRODID"]) == "-//cafe//NONSGML cafe//EN"
    assert b"Id\xc3\xa9m\xc3\xb6te//" not in raw and b"//SV" not in raw
    [event] = calendar.walk("VEVENT")
    summary = "Invitation: Idea meeting" if lang == "en" else "Inbjudan: Idémöte"
    assert str(event["SUMMARY"]) == summary
