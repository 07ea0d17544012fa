"""The sign-up form: what a participant sees, what is stored, and what is refused."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

from cafe.core.service import MeetingService
from cafe.web.context import CONSENT_VERSION
from tests.web.support import hidden_fields, open_form, submit

ASA = {
    "name": "Åsa Öberg",
    "organisation": "Röda Korset",
    "email": "asa@example.org",
    "phone": "",
    "consent": "yes",
}


async def test_form_before_themes_signs_up_for_the_meeting(
    client: TestClient, service: MeetingService, token: str
) -> None:
    page = await client.get(f"/m/{token}/")
    html = await page.text()
    assert page.status == 200
    assert 'lang="sv"' in html and "Var med och jobba vidare" in html
    assert "ensamhet bland äldre" in html, "the challenge is named"
    assert 'name="themes"' not in html, "no themes yet: the sign-up is for the meeting"
    assert "raderas efter 365 dagar" in html, "the consent text says how long data is kept"
    assert "arbetsgruppen" in html and "värdarnas dator" in html, "who sees it, where it is"
    for link in (f"/m/{token}/seat", f"/m/{token}/checkout"):
        assert f'href="{link}"' in html, "links to the other participant pages"

    done = await submit(client, f"/m/{token}/", ASA)
    text = await done.text()
    assert done.status == 200 and "Tack, Åsa Öberg!" in text
    [signup] = service.state.live_signups()
    assert (signup.name, signup.organisation, signup.email) == (
        "Åsa Öberg",
        "Röda Korset",
        "asa@example.org",
    )
    assert signup.themes == () and signup.consent and signup.source == "web"
    assert signup.consent_version == CONSENT_VERSION == "consent-v1"


async def test_themes_with_lists_are_offered_and_stored(
    client: TestClient, service: MeetingService, token: str
) -> None:
    meeting_places = service.create_theme("Mötesplatser", signup=True)
    service.create_theme("Transport", signup=False)
    visits = service.create_theme("Besöksvänner", signup=True)
    html = await (await client.get(f"/m/{token}/")).text()
    assert "Mötesplatser" in html and "Besöksvänner" in html
    assert "Transport" not in html, "only themes with a sign-up list are offered"

    done = await submit(client, f"/m/{token}/", {**ASA, "themes": [meeting_places.id, visits.id]})
    assert done.status == 200
    text = await done.text()
    assert "Mötesplatser" in text and "Besöksvänner" in text
    [signup] = service.state.live_signups()
    assert signup.themes == (meeting_places.id, visits.id)


async def test_every_theme_is_offered_when_none_has_a_list(
    client: TestClient, service: MeetingService, token: str
) -> None:
    service.create_theme("Transport")
    html = await (await client.get(f"/m/{token}/")).text()
    assert "Transport" in html


async def test_a_theme_is_required_once_lists_exist(
    client: TestClient, service: MeetingService, token: str
) -> None:
    service.create_theme("Mötesplatser", signup=True)
    response = await submit(client, f"/m/{token}/", ASA)
    assert response.status == 400
    assert "Välj minst ett tema." in await response.text()
    assert service.state.live_signups() == []


async def test_a_closed_list_is_refused_with_a_message(
    client: TestClient, service: MeetingService, token: str
) -> None:
    theme = service.create_theme("Mötesplatser", signup=True)
    other = service.create_theme("Transport", signup=True)
    hidden = await open_form(client, f"/m/{token}/")
    service.set_theme_signup(other.id, False)
    response = await client.post(
        f"/m/{token}/", data={**hidden, **ASA, "themes": [theme.id, other.id]}
    )
    assert response.status == 400
    assert "Listorna har ändrats" in await response.text()
    assert service.state.live_signups() == []


async def test_bad_input_is_explained_per_field_and_nothing_is_stored(
    client: TestClient, service: MeetingService, token: str
) -> None:
    cases = [
        ({"name": ""}, "Fyll i det här fältet."),
        ({"email": "inte-en-adress"}, "Det ser inte ut som en e-postadress"),
        ({"email": "", "phone": "12"}, "Det ser inte ut som ett telefonnummer"),
        ({"consent": ""}, "Kryssa i rutan"),
        ({"name": "Å" * 121}, "högst 120 tecken (nu 121)"),
        ({"organisation": "x" * 161}, "högst 160 tecken (nu 161)"),
    ]
    for change, message in cases:
        response = await submit(client, f"/m/{token}/", {**ASA, **change})
        text = await response.text()
        assert response.status == 400, change
        assert message in text, change
        assert 'aria-invalid="true"' in text
    assert service.state.live_signups() == []


async def test_the_form_keeps_what_was_typed_after_an_error(
    client: TestClient, service: MeetingService, token: str
) -> None:
    response = await submit(client, f"/m/{token}/", {**ASA, "consent": ""})
    text = await response.text()
    assert 'value="Åsa Öberg"' in text and 'value="asa@example.org"' in text


async def test_without_contact_details_no_consent_is_needed(
    client: TestClient, service: MeetingService, token: str
) -> None:
    response = await submit(client, f"/m/{token}/", {"name": "Per", "organisation": "Kommunen"})
    assert response.status == 200
    [signup] = service.state.live_signups()
    assert (signup.name, signup.email, signup.phone, signup.consent) == ("Per", "", "", False)


async def test_phone_only_is_enough(
    client: TestClient, service: MeetingService, token: str
) -> None:
    response = await submit(client, f"/m/{token}/", {**ASA, "email": "", "phone": "070-123 45 67"})
    assert response.status == 200
    assert service.state.live_signups()[0].phone == "070-123 45 67"


async def test_a_double_tap_stores_one_sign_up(
    client: TestClient, service: MeetingService, token: str
) -> None:
    hidden = await open_form(client, f"/m/{token}/")
    first = await client.post(f"/m/{token}/", data={**hidden, **ASA})
    again = await client.post(f"/m/{token}/", data={**hidden, **ASA})
    assert first.status == again.status == 200
    assert "Tack, Åsa Öberg!" in await again.text(), "the confirmation is shown again"
    assert len(service.state.live_signups()) == 1
    signed = [e for e in service.events() if e.kind == "signed_up"]
    assert len(signed) == 1 and signed[0].key == f"signup:{hidden['submission']}"

    await submit(client, f"/m/{token}/", ASA)
    assert len(service.state.signups) == 2, "a new form is a new sign-up"
    assert len(service.state.live_signups()) == 1, "of the same person, counted once"


async def test_fixing_an_error_and_sending_twice_stores_once(
    client: TestClient, service: MeetingService, token: str
) -> None:
    rejected = await submit(client, f"/m/{token}/", {**ASA, "consent": ""})
    hidden = hidden_fields(await rejected.text())
    for _ in range(2):
        response = await client.post(f"/m/{token}/", data={**hidden, **ASA})
        assert response.status == 200
    assert len(service.state.live_signups()) == 1


async def test_language_switch_is_kept_in_a_cookie(client: TestClient, token: str) -> None:
    english = await client.get(f"/m/{token}/?lang=en")
    html = await english.text()
    assert 'lang="en"' in html and "Keep working with us" in html
    assert "deleted after 365 days" in html
    assert 'href="?lang=sv"' in html, "the switch leads back to Swedish, on this page"
    again = await client.get(f"/m/{token}/")
    assert "Keep working with us" in await again.text()
    response = await submit(client, f"/m/{token}/", {**ASA, "email": "nope"})
    assert "does not look like an e-mail address" in await response.text()
    back = await client.get(f"/m/{token}/?lang=sv")
    assert "Var med och jobba vidare" in await back.text()


async def test_pages_follow_the_meeting_language_or_the_apps(
    aiohttp_client, service: MeetingService, token: str
) -> None:  # type: ignore[no-untyped-def]
    from cafe.web.server import build_app

    client = await aiohttp_client(build_app(service, public_base="http://x", lang="en"))
    assert "Keep working with us" in await (await client.get(f"/m/{token}/")).text()


async def test_one_phone_passed_round_signs_up_several_people(
    client: TestClient, service: MeetingService, token: str
) -> None:
    """A table shares one phone: every name sent from it is its own person, with its own
    contact details (they were merged into one, under the last name)."""
    visits = service.create_theme("Besöksvänner", signup=True)
    people = [
        {**ASA, "themes": [visits.id]},
        {**ASA, "name": "Karin Berg", "email": "karin@example.org", "themes": [visits.id]},
        {**ASA, "name": "Johan Lind", "email": "", "consent": "", "themes": [visits.id]},
    ]
    for person in people:
        assert (await submit(client, f"/m/{token}/", person)).status == 200
    sessions = {s.session for s in service.state.signups.values()}
    assert len(sessions) == 1 and "" not in sessions, "one phone, one session"
    signed = {s.name: s.email for s in service.state.live_signups()}
    assert signed == {"Åsa Öberg": "asa@example.org", "Karin Berg": "karin@example.org",
                      "Johan Lind": ""}  # fmt: skip


async def test_a_question_challenge_reads_with_one_question_mark(
    aiohttp_client,
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    """Audit R, C4: "Vill du fortsätta arbeta med ”Hur når vi fler i Åsbro?”?"."""
    from html import unescape

    from cafe.storage.folder import meeting_token
    from cafe.web.server import build_app
    from tests.meetings import new_meeting

    service = new_meeting(tmp_path / "m", challenge="Hur når vi fler i Åsbro?")
    client = await aiohttp_client(build_app(service, public_base="http://192.0.2.10:8765"))
    html = unescape(await (await client.get(f"/m/{meeting_token(service)}/signup")).text())
    assert "”Hur når vi fler i Åsbro?” Skriv hur vi når dig" in html, html
