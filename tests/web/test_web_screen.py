"""The projector page and its live feed (server-sent events)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient

from cafe.core.agenda import StepKind
from cafe.core.clock import FakeClock
from cafe.core.participants import PersonInput
from cafe.core.service import MeetingService
from cafe.core.timer import format_seconds
from cafe.web.context import CONTEXT
from cafe.web.live import LiveHub
from cafe.web.wordcloud import word_weights
from tests.web.support import PUBLIC, seat_people, start_round, step_index, table_plan


async def next_event(response: ClientResponse, timeout: float = 5.0) -> dict[str, Any]:
    """The next server-sent event's JSON payload."""
    data = []
    async with asyncio.timeout(timeout):
        while True:
            line = (await response.content.readline()).decode()
            if line.startswith("data: "):
                data.append(line[6:].rstrip("\n"))
            elif line == "\n" and data:
                return json.loads("".join(data))
            elif line == "":
                raise EOFError("the stream ended")


async def test_projector_page_before_the_meeting(client: TestClient, token: str) -> None:
    response = await client.get(f"/screen/{token}")
    html = await response.text()
    assert response.status == 200
    assert "Välkommen!" in html and "ensamhet bland äldre" in html
    assert "<svg" in html and "<?xml" not in html, "the QR code is inline SVG"
    assert f"{PUBLIC}/m/{token}/" in html, "the code's URL uses the public (LAN) address"
    assert 'src="/static/screen.js"' in html
    assert 'id="count-signups">0<' in html
    stage = html[html.index('id="stage"') :]
    assert "Idémöte" not in stage, "the meeting's name is in the top bar: not twice"


@pytest.mark.parametrize("kind", [None, StepKind.OPENING, StepKind.PURPOSE])
async def test_the_welcome_names_the_challenge_once(
    client: TestClient, service: MeetingService, token: str, kind: StepKind | None
) -> None:
    """Before the start it headed the page and was said again under "Välkommen!"; the
    opening and the purpose say it in their text and said it again under it."""
    if kind is not None:
        service.start_step(step_index(service, kind))
    html = await (await client.get(f"/screen/{token}")).text()
    stage = html[html.index('id="stage"') : html.index('id="sound"')]
    assert stage.casefold().count("ensamhet bland äldre") == 1, stage


async def test_projector_page_during_a_round_shows_timer_and_seating(
    client: TestClient, service: MeetingService, token: str
) -> None:
    asa, per, li = seat_people(service, ["Åsa Öberg", "Per Persson", "Li Wei"])
    service.store_seating(table_plan({2: [(1, asa, [asa, per]), (2, li, [li])]}))
    start_round(service, 2)
    service.timer_start()
    assert isinstance(service.clock, FakeClock)
    service.clock.advance(65)
    html = await (await client.get(f"/screen/{token}")).text()
    assert service.current_step is not None
    assert service.current_step.question in html
    seconds = service.agenda.cafe_rounds[1].minutes * 60
    assert format_seconds(seconds - 65) in html, "the planned time less 65 seconds"
    assert "Bord 1" in html and "Åsa" in html and "Per" in html
    assert "Öberg" not in html and "Persson" not in html, "first names only on the wall"
    assert "Runda 2 av 4" in html


async def test_the_round_before_shows_the_coming_seating(
    client: TestClient, service: MeetingService, token: str
) -> None:
    [asa] = seat_people(service, ["Åsa Öberg"])
    service.store_seating(table_plan({1: [(1, asa, [asa])]}))
    service.start_step(step_index(service, StepKind.CAFE_ROUND, 1) - 1)
    html = await (await client.get(f"/screen/{token}")).text()
    cards = html[html.index('id="seating"') :]  # the speaking order above names in full
    assert "Nästa runda: 1" in cards and "Åsa" in cards and "Öberg" not in cards


async def test_a_circle_is_not_told_where_to_sit_or_of_a_next_round(
    client: TestClient, service: MeetingService, token: str
) -> None:
    """Eight people in one circle: the projector said "Nästa runda: 1" in the presentation
    round and "Här sitter ni i runda 1" above "Vi sitter alla i en ring."."""
    names = ["Åsa Öberg", "Per Persson", "Li Wei", "Omar Said", "Zoë Ahmed", "Jonas Berg"]
    people = seat_people(service, [*names, "Karin Lund", "Ali Hassan"])
    service.store_seating({"mode": "circle", "order": people[::-1]})
    for index in (
        step_index(service, StepKind.CAFE_ROUND, 1) - 1,
        step_index(service, StepKind.CAFE_ROUND, 1),
    ):
        service.start_step(index)
        html = await (await client.get(f"/screen/{token}")).text()
        assert '<h2 id="seating-title" class="circle">Vi sitter alla i en ring.</h2>' in html
        order = ", ".join(["Ali Hassan", "Karin Lund", *names[::-1]])  # as each says it
        assert f"Ordet går runt: {order}</p>" in html, "round the circle, in its order"
        assert "Nästa runda" not in html and "Här sitter ni" not in html


async def test_a_circle_s_break_is_a_break_without_the_speaking_order(
    client: TestClient, service: MeetingService, token: str
) -> None:
    """The fika of a circle showed "Vi sitter alla i en ring. Ordet går runt: …", read as
    "keep talking"; with tables the break still shows the next round's tables."""
    people = seat_people(service, ["Åsa Öberg", "Per Persson", "Li Wei", "Omar Said"])
    service.store_seating({"mode": "circle", "order": people})
    service.start_step(step_index(service, StepKind.BREAK))
    html = await (await client.get(f"/screen/{token}")).text()
    assert 'id="seating"' not in html and "Ordet går runt" not in html
    assert "Vi sitter alla i en ring" not in html

    asa, per, li, omar = people
    service.store_seating(table_plan({3: [(1, asa, [asa, per]), (2, li, [li, omar])]}))
    html = await (await client.get(f"/screen/{token}")).text()
    assert "Nästa runda: 3" in html[html.index('id="seating"') :]


async def test_the_speaking_order_names_people_in_full(
    client: TestClient, service: MeetingService, token: str
) -> None:
    """ "Zhang Wei" was "Zhang" in the speaking order, the first word typed; the table
    cards, many names in little room, keep first names."""
    zhang, asa, per = seat_people(service, ["Zhang  Wei", "Åsa Öberg", "Per Persson"])
    service.store_seating(table_plan({1: [(1, zhang, [zhang, asa]), (2, per, [per])]}))
    service.start_step(step_index(service, StepKind.PRESENTATION_ROUND))
    html = await (await client.get(f"/screen/{token}")).text()
    assert "Nu: Zhang Wei" in html and "Sedan: Åsa Öberg, Per Persson" in html
    cards = html[html.index('id="seating"') :]
    assert "Zhang" in cards and "Wei" not in cards and "Öberg" not in cards


async def test_word_cloud_during_checkout(
    client: TestClient, service: MeetingService, token: str
) -> None:
    service.note_checkout("Hopp och samarbete")
    service.note_checkout("Mer samarbete!")
    html = await (await client.get(f"/screen/{token}")).text()
    assert 'class="w' not in html, "no cloud before the check-out"
    service.start_step(step_index(service, StepKind.CHECKOUT))
    html = await (await client.get(f"/screen/{token}")).text()
    assert '<span class="w6">samarbete</span>' in html
    assert '<span class="w1">hopp</span>' in html
    assert ">och<" not in html, "function words are left out"


def test_word_weights() -> None:
    assert word_weights([]) == []
    # A word counts once per thought: "tillit" said three times by one person is one
    # voice, "mod" from two people is two.
    assert word_weights(["Tillit tillit TILLIT, mod", "mod och 2026 x"]) == [
        ("mod", 6),
        ("tillit", 1),
    ]
    assert word_weights(["ensam"]) == [("ensam", 3)]


async def test_live_feed_pushes_a_snapshot_on_every_change(
    client: TestClient, service: MeetingService, token: str
) -> None:
    response = await client.get(f"/screen/{token}/events")
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/event-stream")
    first = await next_event(response)
    assert first["type"] == "state" and first["step"] is None
    assert first["counts"]["signups"] == 0

    start_round(service, 1)
    service.timer_start()
    state = await next_event(response)
    while state["type"] != "state" or state["timer"] is None or not state["timer"]["running"]:
        state = await next_event(response)
    assert state["step"]["kind"] == "cafe_round" and state["step"]["round"] == 1
    minutes = service.agenda.cafe_rounds[0].minutes
    assert state["timer"]["remaining"] == state["timer"]["duration"] == minutes * 60

    service.sign_up(name="Per", source="tui")
    event = await next_event(response)
    while event["type"] != "state":
        event = await next_event(response)
    assert event["counts"]["signups"] == 1
    response.close()


async def test_live_feed_heartbeat_carries_the_timer(
    client: TestClient, service: MeetingService, token: str
) -> None:
    start_round(service, 1)
    service.timer_start()
    assert isinstance(service.clock, FakeClock)
    response = await client.get(f"/screen/{token}/events")
    await next_event(response)
    service.clock.advance(30)
    tick = await next_event(response, timeout=3)
    seconds = service.agenda.cafe_rounds[0].minutes * 60
    assert tick == {
        "type": "tick",
        "seq": service.state.last_seq,
        "timer": {
            "remaining": seconds - 30,
            "duration": seconds,
            "running": True,
            "phase": "running",
        },
    }
    response.close()


async def test_too_many_feeds_are_refused(client: TestClient, token: str) -> None:
    hub: LiveHub = client.app[CONTEXT].hub
    hub.max_feeds = 1
    first = await client.get(f"/screen/{token}/events")
    await next_event(first)
    second = await client.get(f"/screen/{token}/events")
    assert second.status == 503
    first.close()


async def test_feeds_end_when_the_server_shuts_down(client: TestClient, token: str) -> None:
    response = await client.get(f"/screen/{token}/events")
    await next_event(response)
    hub: LiveHub = client.app[CONTEXT].hub
    assert hub.feed_count == 1
    async with asyncio.timeout(3):
        await hub.shutdown()
    assert hub.feed_count == 0
    rest = await response.content.read()
    assert b"data:" not in rest or rest.endswith(b"\n\n")


async def test_namesakes_on_the_wall_are_told_apart_by_organisation(
    client: TestClient, service: MeetingService, token: str
) -> None:
    """Two "Emma Berg" (of two organisations) were "Emma B." at table 1 and "Emma B." at
    table 2; the phone's seat page already told them apart by organisation."""
    people = service.add_participants(
        [
            PersonInput("Emma Berg", "Hageby kommun", present=True),
            PersonInput("Emma  berg", "Röda Korset", present=True),
            PersonInput("Emma Lund", "PRO", present=True),
            PersonInput("Oscar Lind", "ICA", present=True),
        ]
    )
    hageby, red_cross, lund, oscar = (p.id for p in people)
    service.store_seating(
        table_plan({1: [(1, hageby, [hageby, oscar]), (2, red_cross, [red_cross, lund])]})
    )
    service.start_step(step_index(service, StepKind.PRESENTATION_ROUND))
    html = await (await client.get(f"/screen/{token}")).text()
    cards = html[html.index('id="seating"') :]
    assert "Emma B. (Hageby kommun)" in cards and "Emma B. (Röda Korset)" in cards
    assert "Emma L." in cards and "Emma L. (" not in cards, "no brackets for others"
    assert "Oscar" in cards and "(ICA)" not in cards
    said = html[: html.index('id="seating"')]  # the speaking order, names in full
    assert "Emma Berg (Hageby kommun)" in said and "Emma berg (Röda Korset)" in said
    assert "(PRO)" not in said and "(ICA)" not in said
