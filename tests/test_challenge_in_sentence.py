"""A challenge phrased as a question is quoted where a sentence holds it; a topic is not.

Checked in the agenda's texts (the shipped agendas, filled), in the invitation, the
feedback letter, the calendar file and the general sign-up sheet, and on the phone's sign-up page, in Swedish and English.
"""

from __future__ import annotations

import io
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

from cafe.cli import main
from cafe.core.agenda import challenge_in_sentence, load_agenda, resolve_agenda
from cafe.i18n import Translator
from cafe.reports.build import invitation_ics
from cafe.reports.letters import feedback_blocks, feedback_subject, invitation_blocks
from cafe.reports.model import build_model
from cafe.reports.printables import build_signup_sheets
from cafe.storage.folder import meeting_token, open_meeting
from cafe.web.server import build_app
from tests.meetings import new_meeting
from tests.web.support import PUBLIC

QUESTION = {
    "sv": "Hur minskar vi ofrivillig ensamhet bland äldre?",
    "en": "How do we reduce loneliness among older people?",
}
TOPIC = {"sv": "ofrivillig ensamhet bland äldre", "en": "loneliness among older people"}
QUOTED = {"sv": "”Hur minskar vi ofrivillig ensamhet bland äldre?”", "en": "“How do we reduce loneliness among older people?”"}  # fmt: skip
AGENDA = {"sv": "idemote.sv", "en": "idea-meeting.en"}
# A sentence of the shipped agenda around {challenge}, before and after.
AROUND = {
    "sv": ("samhällsutmaningen ", " på ett sådant sätt"),
    "en": ("the societal challenge ", "."),
}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_question_is_quoted_and_a_topic_is_not(language: str) -> None:
    assert challenge_in_sentence(QUESTION[language], language) == QUOTED[language]
    assert challenge_in_sentence(TOPIC[language], language) == TOPIC[language]
    assert challenge_in_sentence(f"  {TOPIC[language]}  ", language) == TOPIC[language]
    assert challenge_in_sentence("Äntligen!", "sv") == "”Äntligen!”"
    assert challenge_in_sentence("Vi börjar.", "en") == "“Vi börjar.”"
    assert challenge_in_sentence("”Redan citerad?”", "sv") == "”Redan citerad?”"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_shipped_agenda_reads_well_with_either_kind(language: str) -> None:
    agenda = load_agenda(resolve_agenda(AGENDA[language]))
    before, after = AROUND[language]
    for challenge, shown in ((QUESTION[language], QUOTED[language]), (TOPIC[language], TOPIC[language])):  # fmt: skip
        filled = agenda.with_meta(challenge=challenge).filled()
        texts = [t for s in filled.steps for t in (s.title, s.text, s.notes, s.question)]
        joined = "\n".join(texts)
        assert "{challenge}" not in joined
        assert f"{before}{shown}" in joined
        assert f"{shown}{after}" in joined or language == "en"
        assert "?" + " för mig" not in joined and "??" not in joined


@pytest.mark.parametrize("language", ["sv", "en"])
def test_letters_and_sheets_quote_a_question(tmp_path: Path, language: str) -> None:
    for kind, challenge in (("question", QUESTION[language]), ("topic", TOPIC[language])):
        folder = tmp_path / kind
        argv = ["new", str(folder), "--challenge", challenge, "--lang", language, "--date", "2026-12-03", "--start", "18:00", "--end", "21:00"]  # fmt: skip
        assert main(argv) == 0
        service = open_meeting(folder)
        try:
            model = build_model(service, language)
            shown = challenge_in_sentence(challenge, language)
            assert shown == (QUOTED[language] if kind == "question" else challenge)
            subject = feedback_subject(model)
            assert subject.endswith(shown)
            invitation = "\n".join(b.text for b in invitation_blocks(model) if b.text)
            feedback = "\n".join(b.text for b in feedback_blocks(model) if b.text)
            ics = invitation_ics(service, model, "token").decode("utf-8")
            sheets = Presentation(io.BytesIO(build_signup_sheets(model, [])))
        finally:
            service.log.close()
        [general] = [s.shapes.title.text for s in sheets.slides]
        assert shown in general and "??" not in general
        for text in (invitation, feedback):
            assert shown in text
            assert "??" not in text and "?." not in text
        assert shown.replace(",", "\\,") in ics.replace("\r\n ", "")
        assert model.challenge == challenge  # stand-alone uses keep it bare


@pytest.mark.parametrize("language", ["sv", "en"])
async def test_the_phone_sign_up_page_quotes_a_question(
    aiohttp_client: Any, tmp_path: Path, language: str
) -> None:
    for kind, challenge in (("question", QUESTION[language]), ("topic", TOPIC[language])):
        service = new_meeting(tmp_path / kind, challenge=challenge)
        try:
            client = await aiohttp_client(build_app(service, public_base=PUBLIC))
            page = await client.get(f"/m/{meeting_token(service)}/signup?lang={language}")
            assert page.status == 200
            html = unescape(await page.text())
            await client.close()
        finally:
            service.log.close()
        shown = QUOTED[language] if kind == "question" else challenge
        lead = Translator(language)("web.signup.lead_meeting", challenge=shown)
        assert lead.replace("?”?", "?”") in html, "one question mark after a quoted one"
        assert "?”?" not in html
        assert Translator(language)("web.consent.v1", challenge=shown, days=365)[:40] in html
        assert f"{challenge}?" not in html.replace(shown, "")


def test_a_question_about_a_quoted_question_ends_on_one_question_mark(tmp_path: Path) -> None:
    """Audit R, C4: "Vill du fortsätta arbeta med ”Hur når vi fler i Åsbro?”?" on the
    sign-up sheets and the invitation."""
    from docx import Document

    folder = tmp_path / "m"
    challenge = "Hur når vi fler i Åsbro?"
    assert main(["new", str(folder), "--challenge", challenge]) == 0
    assert main(["report", str(folder), "--before", "--public-url", "http://10.42.0.1:8765"]) == 0
    out = folder / "out"
    sheets = Presentation(str(out / "signup-sheets.pptx"))
    said = [s.text_frame.text for sl in sheets.slides for s in sl.shapes if s.has_text_frame]
    invitation = "\n".join(p.text for p in Document(str(out / "invitation.docx")).paragraphs)
    texts = "\n".join([*said, invitation, (out / "invitation.md").read_text(encoding="utf-8")])
    assert "?”?" not in texts and '?"?' not in texts, texts
    assert "”Hur når vi fler i Åsbro?”" in texts
