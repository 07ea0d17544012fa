"""What `cafe send` mails to everyone is the participants' copy: the sign-up page promised
"Bara mötets värdar och arbetsgruppen ser uppgifterna", so no message names who signed up
for what (with or without consent, registered or not), nor anyone's e-mail address or
phone number; the attached summary counts each list instead. The working group's own
summary still names them."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from cafe.cli import main
from cafe.i18n import Translator
from cafe.reports.documents import render
from cafe.reports.model import build_model
from cafe.storage.folder import open_meeting
from tests.reports.thirty_one import thirty_one

SENDER = "anna.lindqvist@hageby.se"


def _add_sign_ups(folder: Path) -> None:
    """Beside thirty_one's: a phone number given with consent, and a walk-in without."""
    service = open_meeting(folder)
    try:
        places = next(t for t in service.state.live_themes() if t.name == "Mötesplatser")
        person = list(service.state.participants.values())[6]
        service.sign_up(
            name=person.name,
            organisation=person.organisation,
            email=person.email,
            phone="073-987 65 43",
            themes=[places.id],
            consent=True,
        )
        service.sign_up(
            name="Kalle Okänd", organisation="Grannföreningen Solsidan", themes=[places.id]
        )
    finally:
        service.log.close()


def _parts(message: EmailMessage) -> tuple[str, str]:
    """(the letter's text, HTML and headers but To:; the attached summary)."""
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    [attachment] = list(message.iter_attachments())
    headers = "\n".join(f"{k}: {v}" for k, v in message.items() if k.casefold() != "to")
    return "\n".join([headers, text, html]), attachment.get_content()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_message_names_a_sign_up_and_the_summary_counts_the_lists(
    tmp_path: Path, lang: str
) -> None:
    built = thirty_one(tmp_path / "m")
    _add_sign_ups(built.folder)
    service = open_meeting(built.folder)
    try:
        signups = list(service.state.live_signups())
        model = build_model(service, lang)
    finally:
        service.log.close()
    assert any(not s.consent for s in signups) and any(s.phone for s in signups)
    registered_at = {p.email for p in service.state.participants.values()}
    attended = set(model.organisations)

    out = tmp_path / "eml"
    argv = ["send", str(built.folder), "--from", SENDER, "--eml", str(out), "--lang", lang]
    assert main(argv) == 0
    files = sorted(out.glob("*.eml"))
    assert len(files) == len(model.recipients) > 20

    tr = Translator(lang)
    counts = [
        f"{theme.name}: {tr('reports.summary.signup_count', count=len(theme.signups))}"
        for theme in model.themes
    ]
    for path in files:
        raw = path.read_bytes()
        message: EmailMessage = message_from_bytes(raw, policy=policy.default)  # type: ignore[assignment]
        own = message["To"].addresses[0]
        letter, summary = _parts(message)
        everything = letter + "\n" + summary
        for signup in signups:
            if signup.name != own.display_name:
                assert signup.name not in everything, f"{signup.name} named to {own}"
            for contact in (signup.email, signup.phone):
                if contact and contact != own.addr_spec:
                    assert contact not in everything and contact.encode() not in raw
            organisation = signup.organisation
            if organisation not in attended:  # who came is listed; who signed up is not
                assert organisation not in summary, f"{organisation} in the attachment"
        for person in service.state.participants.values():
            if person.email != own.addr_spec:
                assert person.email not in everything
            assert not person.phone or person.phone not in everything
        assert not registered_at - {own.addr_spec} & set(summary.split())
        for line in counts:
            assert line in summary
        assert tr("reports.sheet2.core_team_count", count=len(model.signups)) in summary, (
            "the core team is counted, not named"
        )

    working_group = render("summary.html", model)
    assert all(s.name in working_group for s in signups), "the working group's copy names them"
