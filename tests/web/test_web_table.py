"""The table host's page: this round's question, sending ideas, and the retell notes."""

from __future__ import annotations

import re
from html import unescape

from aiohttp.test_utils import TestClient

from cafe.core.participants import PersonInput
from cafe.core.service import MeetingService
from cafe.storage.folder import table_token
from tests.web.support import hidden_fields, open_form, seat_people, start_round, submit


async def test_before_the_rounds_the_page_shows_the_first_question(
    client: TestClient, service: MeetingService
) -> None:
    path = f"/t/{table_token(service, 3)}/"
    response = await client.get(path)
    html = await response.text()
    assert response.status == 200
    assert "Bord 3" in html and "inte börjat än" in html
    assert "ensamhet bland äldre" in html, "the first question, with the challenge filled in"
    assert "/m/" not in html, "a table token does not reveal the meeting's token"


async def test_ideas_are_stored_for_the_table_and_round(
    client: TestClient, service: MeetingService
) -> None:
    start_round(service, 2)
    service.timer_start()
    path = f"/t/{table_token(service, 4)}/"
    html = await (await client.get(path)).text()
    assert "Runda 2 av 4" in html
    question = service.current_step.question if service.current_step else ""
    assert question and question in html

    response = await submit(
        client, path, {"ideas": "Fika för alla\n\n  Läxhjälp med äldre  \r\nCykelkompisar\n"},
        allow_redirects=False,
    )  # fmt: skip
    assert response.status == 303
    assert response.headers["Location"] == f"{path}?sent=1"
    ideas = service.state.visible_ideas()
    assert [i.text for i in ideas] == ["Fika för alla", "Läxhjälp med äldre", "Cykelkompisar"]
    assert {(i.table, i.round, i.source) for i in ideas} == {(4, 2, "web")}

    page = await client.get(f"{path}?sent=1")
    text = await page.text()
    assert "Skickat!" in text
    assert "Fika för alla" in text and "Cykelkompisar" in text, "the table sees what it sent"


async def test_a_resent_form_stores_the_ideas_once(
    client: TestClient, service: MeetingService
) -> None:
    start_round(service, 1)
    path = f"/t/{table_token(service, 1)}/"
    hidden = await open_form(client, path)
    for _ in range(3):
        response = await client.post(path, data={**hidden, "ideas": "Ett\nTvå"})
        assert response.status == 200  # after the redirect
    assert [i.text for i in service.state.visible_ideas()] == ["Ett", "Två"]


async def test_retell_notes_show_earlier_rounds_of_this_table_only(
    client: TestClient, service: MeetingService
) -> None:
    for number in (1, 2, 3):  # each round under way (its timer started) in turn
        start_round(service, number)
        service.timer_start()
        if number == 1:
            service.capture_ideas(["Ensamhet syns inte"], table=2)
            service.capture_ideas(["Ett annat bords idé"], table=5)
        elif number == 2:
            service.capture_ideas(["Bussen är viktig"], table=2)
    html = await (await client.get(f"/t/{table_token(service, 2)}/")).text()
    retell = html.split('id="retell"')[1]
    assert "Att återberätta" in html
    assert "Ensamhet syns inte" in retell and "Bussen är viktig" in retell
    assert "Runda 1" in retell and "Runda 2" in retell
    assert "Ett annat bords idé" not in html
    this_round = html.split('id="this-round"')[1].split('id="retell"')[0]
    assert "Inget skickat än." in this_round


async def test_deleted_ideas_are_not_shown(client: TestClient, service: MeetingService) -> None:
    start_round(service, 1)
    [idea] = service.capture_ideas(["Bort med den"], table=1)
    service.delete_idea(idea.id)
    html = await (await client.get(f"/t/{table_token(service, 1)}/")).text()
    assert "Bort med den" not in html


async def test_bad_ideas_are_refused_with_a_message(
    client: TestClient, service: MeetingService
) -> None:
    path = f"/t/{table_token(service, 1)}/"
    cases = [
        ("\n  \n", "Fyll i det här fältet."),
        ("\n".join(f"idé {n}" for n in range(61)), "högst 20 idéer"),  # a paste accident
        ("kort\n" + "x" * 2001, "Idé nummer 2 är för lång"),
    ]
    for ideas, message in cases:
        response = await submit(client, path, {"ideas": ideas})
        assert response.status == 400
        assert message in await response.text()
    assert service.state.ideas == {}


async def test_a_list_longer_than_one_send_stores_its_first_lines_and_keeps_the_rest(
    client: TestClient, service: MeetingService
) -> None:
    """M5: 25 pasted lines were refused whole ("Skicka högst 20 idéer åt gången"), and the
    host had to count and cut lines on a phone. Now the first 20 are stored and the other
    5 stay in the box, under a note, for the next tap; a paste accident (more than 60 new
    lines) is still refused whole."""
    start_round(service, 1)
    service.timer_start()
    path = f"/t/{table_token(service, 5)}/"
    lines = [f"Idé nummer {n}" for n in range(1, 26)]
    response = await submit(client, path, {"ideas": "\n".join(f"- {line}" for line in lines)})
    html = await response.text()
    assert response.status == 200
    assert "Skickat: 20 idéer. 5 rader till finns kvar" in html
    assert [i.text for i in service.state.visible_ideas()] == lines[:20]
    kept = re.search(r'<textarea id="ideas"[^>]*>(.*?)</textarea>', html, re.S)
    assert kept and unescape(kept.group(1)) == "\n".join(lines[20:])
    again = await client.post(path, data={**hidden_fields(html), "ideas": unescape(kept.group(1))})
    assert "Skickat!" in await again.text()
    assert [i.text for i in service.state.visible_ideas()] == lines

    accident = "\n".join(f"Rad {n} ur ett långt mejl" for n in range(61))
    refused = await submit(client, path, {"ideas": accident})
    assert refused.status == 400 and "högst 20 idéer" in await refused.text()
    assert len(service.state.visible_ideas()) == 25, "none of a paste accident is stored"


async def test_the_page_works_in_english(client: TestClient, service: MeetingService) -> None:
    html = await (await client.get(f"/t/{table_token(service, 1)}/?lang=en")).text()
    assert "Table 1" in html and "One idea per line" in html


async def test_ideas_sent_after_the_co_hosts_moved_on_stay_in_their_round(
    client: TestClient, service: MeetingService
) -> None:
    """Round 1 ends, the co-hosts go on to round 2's rotation and start it; a table host
    who opened the page in round 1 sends then. The ideas were filed under round 2."""
    start_round(service, 1)
    service.timer_start()
    path = f"/t/{table_token(service, 2)}/"
    during = await open_form(client, path)
    assert during["round"] == "1"

    start_round(service, 2)  # the rotation: round 2 not started, tables still sending
    html = await (await client.get(path)).text()
    assert "Runda 1 av 4" in html, "the page still asks for round 1's ideas"
    await submit(client, path, {"ideas": "Fika på torget"})

    service.timer_start()  # round 2 under way; the page opened in round 1 sends now
    await client.post(path, data={**during, "ideas": "Promenadgrupp på lördagar"})
    assert "Runda 2 av 4" in await (await client.get(path)).text()
    await submit(client, path, {"ideas": "Läxhjälp i biblioteket"})
    await submit(client, path, {"ideas": "Bokcirkel", "round": "4"})  # not reached yet

    rounds = {i.text: i.round for i in service.state.visible_ideas()}
    assert rounds == {
        "Fika på torget": 1,
        "Promenadgrupp på lördagar": 1,
        "Läxhjälp i biblioteket": 2,
        "Bokcirkel": 2,
    }


async def test_a_table_that_sends_again_after_a_lost_connection_stores_each_idea_once(
    client: TestClient, service: MeetingService
) -> None:
    """The host never saw "Skickat!", reloads and sends the same lines in a new form: they
    were stored twice. Another table, or another round, may say the same."""
    start_round(service, 1)
    service.timer_start()
    path = f"/t/{table_token(service, 2)}/"
    await submit(client, path, {"ideas": "Fika på torget\nLäxhjälp"})
    again = await submit(client, path, {"ideas": "fika på  torget\nLäxhjälp\nBokcirkel"})
    assert again.status == 200 and "Skickat!" in await again.text()
    once = await submit(client, path, {"ideas": "Läxhjälp"})
    assert once.status == 200 and "Skickat!" in await once.text(), "nothing new: still sent"
    await submit(client, f"/t/{table_token(service, 3)}/", {"ideas": "Läxhjälp"})
    ideas = [(i.table, i.text) for i in service.state.visible_ideas()]
    assert ideas == [(2, "Fika på torget"), (2, "Läxhjälp"), (2, "Bokcirkel"), (3, "Läxhjälp")]


async def test_a_resend_of_the_same_form_stores_added_and_replaced_lines_once(
    client: TestClient, service: MeetingService
) -> None:
    """S1: the answer to a send is lost after the laptop stored it; the page keeps its
    submission id and the host sends again, having added a line or replaced the text.
    Keyed by position in what was left after the stored lines were dropped, the new lines
    took the keys of the first send's lines and were never stored, under "Skickat!"."""
    start_round(service, 1)
    service.timer_start()
    path = f"/t/{table_token(service, 4)}/"
    hidden = await open_form(client, path)  # one page: every post carries its submission

    async def send(text: str) -> None:
        response = await client.post(path, data={**hidden, "ideas": text})
        assert response.status == 200 and "Skickat!" in await response.text()

    def stored() -> list[str]:
        return [i.text for i in service.state.visible_ideas() if i.table == 4]

    await send("Seniorernas cykelklubb\nDigital fika")  # stored; the phone never hears
    await send("Seniorernas cykelklubb\nDigital fika")  # the same retry: nothing new
    assert stored() == ["Seniorernas cykelklubb", "Digital fika"]
    await send("Seniorernas cykelklubb\nDigital fika\nTelefonkedja mellan grannar")
    assert stored()[2:] == ["Telefonkedja mellan grannar"], "the added line is stored"
    await send("Helt ny idé A\nHelt ny idé B")  # the text replaced before the resend
    await send("Helt ny idé A\nHelt ny idé B\nTelefonkedja mellan grannar")
    assert stored() == [
        "Seniorernas cykelklubb",
        "Digital fika",
        "Telefonkedja mellan grannar",
        "Helt ny idé A",
        "Helt ny idé B",
    ], "each line once, whatever the resends"
    [idea] = [i for i in service.state.visible_ideas() if i.text == "Digital fika"]
    service.delete_idea(idea.id)  # the co-host removed it: a late resend does not bring it back
    await send("Digital fika")
    assert "Digital fika" not in stored()


async def test_a_line_pasted_twice_in_one_send_is_one_idea(
    client: TestClient, service: MeetingService
) -> None:
    start_round(service, 1)
    service.timer_start()
    path = f"/t/{table_token(service, 5)}/"
    await submit(client, path, {"ideas": "Mattlag\nFika\nmattlag \nMattlag"})
    assert [i.text for i in service.state.visible_ideas()] == ["Mattlag", "Fika"]


async def test_the_page_asks_which_round_and_a_late_send_says_where_it_went(
    client: TestClient, service: MeetingService
) -> None:
    """A page left open on the table since round 1: it asks which round is under way (to
    show round 2's question), and what it still sends for round 1 is said to be there."""
    start_round(service, 1)
    service.timer_start()
    path = f"/t/{table_token(service, 3)}/"
    round_url = f"{path}round"
    assert (await (await client.get(round_url)).json()) == {"round": 1}
    hidden = await open_form(client, path)
    assert hidden["round"] == "1"

    start_round(service, 2)
    service.timer_start()
    response = await client.get(round_url)
    assert await response.json() == {"round": 2}
    assert response.headers["Cache-Control"] == "no-store"

    response = await client.post(
        path, data={**hidden, "ideas": "Skrivet i runda 1"}, allow_redirects=False
    )
    assert response.headers["Location"] == f"{path}?sent=1&round=1"
    assert [(i.text, i.round) for i in service.state.visible_ideas()] == [("Skrivet i runda 1", 1)]
    html = await (await client.get(response.headers["Location"])).text()
    assert "Skickat till runda 1." in html and "Runda 2 av 4" in html
    assert (await client.get(f"/t/{'x' * 22}/round")).status == 404


async def test_before_any_plan_a_small_meeting_s_card_opens_the_circle(
    client: TestClient, service: MeetingService
) -> None:
    """Eight registered, round 1 started before a plan was made: the laptop's capture
    spoke of the circle, the card's page of "Bord 1", and filed the phone's ideas apart."""
    service.add_participants([PersonInput(f"Person {n}") for n in range(8)])
    start_round(service, 1)
    assert not service.state.seating_plan
    path = f"/t/{table_token(service, 1)}/"
    html = await (await client.get(path)).text()
    assert "<h1>Ringen</h1>" in html and "Bord 1" not in html
    await submit(client, path, {"ideas": "Bokcirkel"})
    assert [(i.text, i.table) for i in service.state.visible_ideas()] == [("Bokcirkel", 0)]


async def test_in_a_circle_the_card_s_page_is_the_circle_s_and_files_under_it(
    client: TestClient, service: MeetingService
) -> None:
    """Eight people in one circle: the laptop files typed ideas under the circle (table 0);
    the card's code made a "bord 1" of the phone's, apart from the circle's."""
    people = seat_people(service, [f"Person {n}" for n in range(8)])
    service.store_seating({"mode": "circle", "order": people})
    start_round(service, 1)
    service.timer_start()
    service.capture_idea("Skrivet på datorn", table=0)
    path = f"/t/{table_token(service, 1)}/"
    html = await (await client.get(path)).text()
    assert "<h1>Ringen</h1>" in html and "Ringens idéer" in html
    assert "Bord 1" not in html and "Bordets" not in html
    await submit(client, path, {"ideas": "Skickat från mobilen"})
    assert {i.text: i.table for i in service.state.visible_ideas()} == {
        "Skrivet på datorn": 0,
        "Skickat från mobilen": 0,
    }
    html = await (await client.get(f"{path}?sent=1")).text()
    this_round = html.split('id="this-round"')[1]
    assert "Skrivet på datorn" in this_round and "Skickat från mobilen" in this_round


async def test_a_circle_s_earlier_rounds_are_not_a_table_host_s_retelling(
    client: TestClient, service: MeetingService
) -> None:
    """The circle's page in round 2 said "Att återberätta – … Berätta kort för de nya vid
    bordet": a circle has no table host and nobody new at a table."""
    people = seat_people(service, [f"Person {n}" for n in range(8)])
    service.store_seating({"mode": "circle", "order": people})
    start_round(service, 1)
    service.timer_start()
    service.capture_idea("Fika i bygdegården", table=0)
    start_round(service, 2)
    service.timer_start()
    html = await (await client.get(f"/t/{table_token(service, 1)}/")).text()
    retell = html.split('id="retell"')[1]
    assert "Fika i bygdegården" in retell and "Runda 1" in retell, "still there to read"
    assert "Från tidigare rundor" in retell and "i ringen" in retell
    assert "återberätta" not in html.casefold() and "bordet" not in html


async def test_an_idea_the_co_hosts_hid_is_said_on_the_page_and_not_stored_again(
    client: TestClient, service: MeetingService
) -> None:
    """Audit Q, M5: an idea hidden from the console left the table's page without a word,
    and the host, thinking it lost, sent it again."""
    start_round(service, 1)
    service.timer_start()
    path = f"/t/{table_token(service, 2)}/"
    await submit(client, path, {"ideas": "Kommunen suger\nFika på torget\nFika på torget!!"})
    rude, fika, again = service.state.visible_ideas()
    service.delete_idea(rude.id, by="console")
    service.merge_ideas(fika.id, [again.id], by="console")
    html = unescape(await (await client.get(path)).text())
    assert "1 idé är dold av värdarna och visas inte här." in html
    assert "1 idé är ihopslagen med en liknande på idétavlan." in html
    await submit(client, path, {"ideas": "Kommunen suger\nBokcirkel"})
    texts = sorted(i.text for i in service.state.visible_ideas())
    assert texts == ["Bokcirkel", "Fika på torget"], "the co-hosts' hide stands"
