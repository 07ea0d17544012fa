"""The console's "where do I sit?" and the phone page's find the same people at the same
tables (issue 17 item 2): one name rule, the phone's privacy limits on top.

A 200-person meeting planned by the real planner, with namesakes, accents and hyphens;
ten people leave after the plan is made and five arrive late. Every name is asked of the
TUI's finder and of the real phone page on 127.0.0.1.
"""

from __future__ import annotations

import re
from html import unescape

from aiohttp.test_utils import TestClient

from cafe.core import meeting_seating
from cafe.core.participants import Participant, PersonInput
from cafe.core.service import MeetingService
from cafe.i18n import t
from cafe.tui.screens.where_modal import MAX_SHOWN, where_lines
from cafe.web.seat_lookup import look_up
from cafe.web.security import RateLimit
from cafe.web.server import build_app
from tests.web.support import PUBLIC

FIRST = [
    "Åsa", "Per", "Li", "Omar", "Zoë", "Jonas", "Eva", "Anna-Karin", "Mohammed", "Göran",
    "Erik", "Fatima", "Maja", "Sven", "Ingrid", "Ali", "Hanna", "Björn", "Aisha", "Tove",
]  # fmt: skip
LAST = ["Öberg", "Persson", "Wei", "Said", "Ahmed", "Holm", "Nilsson", "Sjöberg", "Ek", "Strand"]
NAMESAKES = ["Eva Holm", "Åsa Öberg", "Ali Said"]
"""Registered twice (another organisation): the page tells them apart by organisation."""

_ARTICLE = re.compile(r'<article class="person">(.*?)</article>', re.S)
_HEADING = re.compile(r"<h2>(.*?)</h2>", re.S)
_ROW = re.compile(r"<li>(.*?)</li>", re.S)


def _meeting(service: MeetingService) -> tuple[set[str], set[str]]:
    """The meeting above, seated by the planner; returns (ids who left, ids who came late)."""
    names = [f"{first} {last}" for first in FIRST for last in LAST] + NAMESAKES
    people = service.add_participants(
        [PersonInput(name, organisation=f"Org {i}", present=True) for i, name in enumerate(names)]
    )
    meeting_seating.plan_meeting(service)
    unique = [p for p in people if p.name not in NAMESAKES]
    left = {p.id for p in unique[5::20]}
    for person_id in left:
        service.set_present(person_id, False)
    late = service.add_participants(
        [PersonInput(f"Greta Sen{n}", organisation="Sent", present=True) for n in range(5)]
    )
    return left, {p.id for p in late}


def _tui_line(person: Participant, rows: list[tuple[int, int, bool]]) -> str:
    """The console's line for a seated person, built from the phone page's rows."""
    parts = [
        t("tui.where.seat_host" if host else "tui.where.seat", round=number, table=table)
        for number, table, host in rows
    ]
    return f"{person.name}: " + " · ".join(parts)


async def _phone(client: TestClient, path: str, query: str) -> list[tuple[str, list[str]]]:
    """The phone page's answer: (heading, rows as shown) per person found."""
    response = await client.get(path, params={"name": query})
    assert response.status == 200, query
    html = await response.text()
    found = []
    for article in _ARTICLE.findall(html):
        heading = _HEADING.search(article)
        assert heading is not None
        rows = [re.sub(r"<[^>]+>", "", unescape(row)).strip() for row in _ROW.findall(article)]
        found.append((re.sub(r"<[^>]+>", "", unescape(heading.group(1))).strip(), rows))
    return found


def _shown_rows(rows: list[tuple[int, int, bool]]) -> list[str]:
    """How the phone page prints a person's rows (host rows carry the host note)."""
    return [
        t("web.seat.round_table", round=number, table=table)
        + (" " + t("web.seat.you_host") if host else "")
        for number, table, host in rows
    ]


async def test_every_name_finds_the_same_tables_on_the_console_and_the_phone(
    aiohttp_client, service: MeetingService, token: str
) -> None:  # type: ignore[no-untyped-def]
    left, late = _meeting(service)
    plan = service.state.seating_plan
    assert plan.is_tables and len(plan.people()) == 203
    unlimited = RateLimit(burst=1e9, per_second=1e9)
    client: TestClient = await aiohttp_client(
        build_app(service, public_base=PUBLIC, rate_limit=unlimited)
    )
    path = f"/m/{token}/seat"
    people = list(service.state.participants.values())
    assert len(people) == 208
    namesakes = {name: sum(p.name == name for p in people) for name in NAMESAKES}
    checked_seated = 0
    for person in people:
        lines = where_lines(service, person.name)
        console_found = plan.find(person.name, people)
        assert person in [f.person for f in console_found], person.name
        assert len(console_found) <= MAX_SHOWN, "the console lists this person, not 'more'"
        phone = await _phone(client, path, person.name)
        seats = [(s.round, s.table, s.host) for s in plan.itinerary(person.id)]
        heading = person.name
        if namesakes.get(person.name, 1) > 1:
            heading = f"{person.name} ({person.organisation})"
        if person.id in left:
            assert t("tui.where.absent", name=person.name) in lines
            assert heading not in [h for h, _ in phone], "not present: not on the phone"
        elif person.id in late:
            assert t("tui.where.unseated", name=person.name) in lines
            assert phone == [], "present but not in the plan: not on the phone"
        else:
            assert len(seats) == len(plan.rounds), person.name
            assert _tui_line(person, seats) in lines, person.name
            assert (heading, _shown_rows(seats)) in phone, person.name
            checked_seated += 1
    assert checked_seated == 203 - len(left)


async def test_whoever_the_phone_finds_the_console_finds_too(
    service: MeetingService,
) -> None:
    """Partial and reordered queries: the phone finds a subset of the console's matches."""
    _meeting(service)
    plan = service.state.seating_plan
    people = list(service.state.participants.values())
    queries = {q for p in people for q in _variants(p.name)}
    phone_total = 0
    for query in sorted(queries):
        console = {f.person.name for f in plan.find(query, people)}
        phone = {m["name"] for m in look_up(people, plan, query).matches}
        assert phone <= console, query
        phone_total += len(phone)
    assert phone_total > 150, "the reordered full names are found on the phone"


def _variants(name: str) -> list[str]:
    words = name.replace("-", " ").split()
    return [
        " ".join(reversed(words)),
        " ".join(w[:3] for w in words),
        words[0],
        words[-1].upper(),
    ]
