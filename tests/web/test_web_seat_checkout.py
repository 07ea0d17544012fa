""" "Where do I sit?" and the check-out question."""

from __future__ import annotations

from pathlib import Path

from aiohttp.test_utils import TestClient
from msgspec.structs import replace

from cafe.core import meeting_seating
from cafe.core.agenda import Privacy, StepKind, WebSettings, load_agenda, resolve_agenda
from cafe.core.clock import FakeClock
from cafe.core.participants import PersonInput
from cafe.core.service import MeetingService
from cafe.storage.folder import create_meeting_folder, meeting_token, open_meeting
from cafe.web.seat_lookup import find_people
from cafe.web.server import build_app
from tests.web.support import (
    PUBLIC,
    open_form,
    seat_people,
    start_round,
    step_index,
    submit,
    table_plan,
)


async def test_seat_page_before_a_plan(
    client: TestClient, service: MeetingService, token: str
) -> None:
    seat_people(service, ["Åsa Öberg"])
    empty = await client.get(f"/m/{token}/seat")
    assert empty.status == 200 and 'id="results"' not in await empty.text()
    html = await (await client.get(f"/m/{token}/seat", params={"name": "Åsa Öberg"})).text()
    assert "Bordsplaceringen är inte klar än" in html


async def test_seat_page_shows_each_round_and_hosting(
    client: TestClient, service: MeetingService, token: str
) -> None:
    asa, per, li, omar = seat_people(service, ["Åsa Öberg", "Per Persson", "Li Wei", "Omar Said"])
    service.store_seating(
        table_plan(
            {
                1: [(1, asa, [asa, per]), (2, li, [li, omar])],
                2: [(1, asa, [asa, omar]), (2, li, [li, per])],
            }
        )
    )
    html = await (await client.get(f"/m/{token}/seat", params={"name": "asa oberg"})).text()
    assert "Åsa Öberg" in html and "Org 0" not in html, "the organisation is not shown"
    assert "Runda 1: bord 1" in html and "Runda 2: bord 1" in html
    assert "Du är bordsvärd" in html
    html = await (await client.get(f"/m/{token}/seat", params={"name": "Per Persson"})).text()
    assert "Runda 1: bord 1" in html and "Runda 2: bord 2" in html
    assert "Du är bordsvärd" not in html
    html = await (await client.get(f"/m/{token}/seat", params={"name": "Nobody Here"})).text()
    assert "Ingen som heter" in html


async def test_seat_page_in_circle_mode(
    client: TestClient, service: MeetingService, token: str
) -> None:
    [asa] = seat_people(service, ["Åsa Öberg"])
    service.store_seating({"mode": "circle", "order": [asa]})
    html = await (await client.get(f"/m/{token}/seat", params={"name": "Åsa"})).text()
    assert "Vi sitter alla i en ring." in html
    html = await (await client.get(f"/m/{token}/seat")).text()
    assert "Vi sitter alla i en ring." in html, "said at once: there is nobody to look up"
    assert "Visa mina bord" not in html and 'id="name"' not in html


async def test_seat_page_refuses_a_very_long_name(client: TestClient, token: str) -> None:
    response = await client.get(f"/m/{token}/seat", params={"name": "x" * 500})
    assert response.status == 400
    assert "högst 120 tecken" in await response.text()


async def test_seat_page_asks_for_the_full_name_when_many_match(
    client: TestClient, service: MeetingService, token: str
) -> None:
    ids = seat_people(service, [f"Anna {middle} Berg" for middle in "ABCDEFG"])
    service.store_seating(table_plan({1: [(1, ids[0], ids)]}))
    html = await (await client.get(f"/m/{token}/seat", params={"name": "anna berg"})).text()
    assert "Skriv hela ditt namn" in html
    assert "Anna A" not in html


def test_name_matching_is_accent_and_case_insensitive(service: MeetingService) -> None:
    ids = seat_people(service, ["Åsa Öberg", "Åsa Lind", "Zoë Ahmed", "Anna-Karin Holm", "Eva"])
    people = [service.state.participants[i] for i in ids]
    assert [p.name for p in find_people(people, "ASA OBERG")] == ["Åsa Öberg"]
    assert [p.name for p in find_people(people, "öberg åsa")] == ["Åsa Öberg"]
    assert [p.name for p in find_people(people, "zoe ahmed")] == ["Zoë Ahmed"]
    assert [p.name for p in find_people(people, "Anna Holm")] == ["Anna-Karin Holm"]
    assert [p.name for p in find_people(people, "eva")] == ["Eva"], "a one-word name is whole"
    assert find_people(people, "åsa") == [], "a first name alone is not a full name"
    assert find_people(people, "zoe a") == [], "no prefixes"
    assert find_people(people, "Li") == [], "fewer than three letters lists nobody"
    assert find_people(people, "") == []


async def test_checkout_stores_one_thought(
    client: TestClient, service: MeetingService, token: str
) -> None:
    service.start_step(step_index(service, StepKind.CHECKOUT))
    path = f"/m/{token}/checkout"
    html = await (await client.get(path)).text()
    assert service.current_step is not None
    assert service.current_step.question in html
    hidden = await open_form(client, path)
    for _ in range(2):
        response = await client.post(path, data={**hidden, "thought": "Hopp  om\nsamarbete"})
        assert response.status == 200
        assert "Hopp om\nsamarbete" in await response.text()
    [note] = service.state.checkout.values()
    assert (note.text, note.source, note.author) == ("Hopp om\nsamarbete", "web", "")


async def test_checkout_refuses_empty_and_overlong_thoughts(
    client: TestClient, service: MeetingService, token: str
) -> None:
    path = f"/m/{token}/checkout"
    empty = await submit(client, path, {"thought": "   "})
    assert empty.status == 400 and "Fyll i det här fältet." in await empty.text()
    long = await submit(client, path, {"thought": "ord " * 300})
    assert long.status == 400 and "högst 1000 tecken" in await long.text()
    assert service.state.checkout == {}


async def test_the_agenda_can_turn_the_seat_page_off_and_set_retention(
    aiohttp_client, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    agenda = load_agenda(resolve_agenda("idemote.sv")).with_meta(challenge="ensamhet")
    agenda = replace(agenda, web=WebSettings(where_do_i_sit=False), privacy=Privacy(90))
    create_meeting_folder(tmp_path / "m", agenda).close()
    service = open_meeting(tmp_path / "m", clock=FakeClock())
    token = meeting_token(service)
    client = await aiohttp_client(build_app(service, public_base=PUBLIC))
    assert (await client.get(f"/m/{token}/seat", params={"name": "Åsa"})).status == 404
    html = await (await client.get(f"/m/{token}/")).text()
    assert "/seat" not in html, "no link to a page that is off"
    assert "raderas efter 90 dagar" in html


async def test_a_late_arrival_finds_their_table_in_the_round_under_way(
    client: TestClient, service: MeetingService, token: str
) -> None:
    """Added while round 1 runs: the phone's "Var sitter jag?" and the wall's round 1
    card both have them (the audit's Birgitta saw only rounds 2 to 4)."""
    seat_people(service, [f"Deltagare {n} Andersson" for n in range(13)])
    meeting_seating.plan_now(service, 1)
    start_round(service, 1)
    service.timer_start()
    late = service.add_participant(PersonInput("Birgitta Öqvist", "PRO", present=True))
    seat = service.state.seating_plan.table_of(late.id, 1)
    assert seat is not None
    html = await (await client.get(f"/m/{token}/seat", params={"name": "birgitta oqvist"})).text()
    assert f"Runda 1: bord {seat.table}" in html
    wall = await (await client.get(f"/screen/{token}")).text()
    cards = wall[wall.index('id="seating-title"') :].split('<li class="table-card">')[1:]
    [card] = [c for c in cards if c.startswith(f"<h3>Bord {seat.table}</h3>")]
    assert "Birgitta" in card.split("</li>")[0], "on the round's card on the wall"
