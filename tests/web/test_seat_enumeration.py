""" "Where do I sit?" tells a Wi-Fi neighbour nothing they could not already know (issue 16 row 3).

The attacker's method: send every short query and collect every name and table that comes
back. Here every 2- and 3-letter query (and the 3-letter ones split into two words) is
tried against a meeting of 16 seated people plus people who registered and never came,
one who left and one who arrived after the plan was made.
"""

from __future__ import annotations

import itertools
import re
from html import unescape

import pytest
from aiohttp.test_utils import TestClient

from cafe.core.participants import PersonInput
from cafe.core.service import MeetingService
from cafe.web.seat_lookup import MAX_SEAT_MATCHES, look_up, name_words
from cafe.web.security import RateLimit
from cafe.web.server import build_app
from tests.web.support import PUBLIC, table_plan

ALPHABET = "abcdefghijklmnopqrstuvwxyzåäö"

SEATED = [
    "Åsa Öberg", "Per Persson", "Li Wei", "Omar Said", "Zoë Ahmed", "Jonas Berg",
    "Eva Lind", "Anna-Karin Holm", "Mohammed Ali", "Karin Sjöberg", "Erik Nilsson",
    "Fatima Hassan", "Maja Ek", "Sven Olsson", "Ingrid Svensson", "Ali",
]  # fmt: skip
"""Sixteen people at four tables; "Ali" was registered at the door by first name only."""

NEVER_CAME = ["Bo Ek", "Ida Berg", "Lena Åkesson"]
LEFT = "Nils Andersson"
LATE = "Greta Ström"


def _meeting(service: MeetingService) -> dict[str, str]:
    """The meeting above; returns name -> id."""
    people = service.add_participants(
        [PersonInput(name, organisation=f"Org {i}", present=True) for i, name in enumerate(SEATED)]
        + [PersonInput(name, organisation="Frånvarande förening") for name in NEVER_CAME]
        + [PersonInput(LEFT, organisation="Kommunen", present=True)]
    )
    ids = {p.name: p.id for p in people}
    seated = [ids[name] for name in [*SEATED, LEFT]]
    tables = [seated[i::4] for i in range(4)]
    service.store_seating(
        table_plan(
            {
                1: [(n + 1, members[0], members) for n, members in enumerate(tables)],
                2: [(n + 1, members[1], members) for n, members in enumerate(tables)],
            }
        )
    )
    service.set_present(ids[LEFT], False)
    ids[LATE] = service.add_participant(PersonInput(LATE, present=True)).id
    return ids


def _short_queries() -> list[str]:
    """Every 2- and 3-letter query, and every 3-letter one split into two words."""
    queries = ["".join(p) for n in (2, 3) for p in itertools.product(ALPHABET, repeat=n)]
    for a, b, c in itertools.product(ALPHABET, repeat=3):
        queries += [f"{a} {b}{c}", f"{a}{b} {c}"]
    return queries


@pytest.mark.slow
def test_every_short_query_recovers_only_a_three_letter_one_word_name(
    service: MeetingService,
) -> None:
    _meeting(service)
    participants = list(service.state.participants.values())
    plan = service.state.seating_plan
    queries = _short_queries()
    recovered: set[str] = set()
    for query in queries:
        answer = look_up(participants, plan, query)
        assert len(answer.matches) <= MAX_SEAT_MATCHES
        recovered.update(match["name"] for match in answer.matches)
    assert len(queries) == 29**2 + 3 * 29**3 == 74_008
    print(f"\n{len(queries)} queries recovered {len(recovered)} of {len(SEATED)}: {recovered}")
    assert recovered == {"Ali"}, "only the one-word name 'Ali', typed whole, is found"


def test_first_names_and_surnames_alone_find_nobody(service: MeetingService) -> None:
    """A dictionary of first names (or surnames) is no use: the page wants the full name."""
    _meeting(service)
    participants = list(service.state.participants.values())
    words = {word for name in SEATED if " " in name for word in name_words(name)} - {"ali"}
    assert all(look_up(participants, service.state.seating_plan, w).matches == [] for w in words)


_PERSON = re.compile(r'<article class="person">\s*<h2>(.*?)</h2>', re.S)


async def test_over_http_short_queries_are_refused_and_name_words_find_nobody(
    aiohttp_client, service: MeetingService, token: str
) -> None:  # type: ignore[no-untyped-def]
    """The real page on 127.0.0.1: every 2-letter query, and every 3-letter start, whole
    word and first name of every registered name, answered without one name or table."""
    ids = _meeting(service)
    unlimited = RateLimit(burst=1e9, per_second=1e9)
    client: TestClient = await aiohttp_client(
        build_app(service, public_base=PUBLIC, rate_limit=unlimited)
    )
    path = f"/m/{token}/seat"
    for a, b in itertools.product(ALPHABET, repeat=2):
        response = await client.get(path, params={"name": a + b})
        html = await response.text()
        assert response.status == 400 and "Skriv minst 3 bokstäver" in html, a + b
        assert not _PERSON.search(html) and "bord" not in html.split("</form>")[1]
    words = {w for name in ids if name != "Ali" for w in name_words(name)} - {"ali"}
    starts = {w[:3] for w in words} | words
    for query in sorted(starts):
        response = await client.get(path, params={"name": query})
        html = await response.text()
        assert response.status in (200, 400) and not _PERSON.search(html), query
        assert "Runda" not in html, query


async def test_only_present_people_in_the_plan_are_found_with_name_and_tables(
    aiohttp_client, service: MeetingService, token: str
) -> None:  # type: ignore[no-untyped-def]
    _meeting(service)
    client: TestClient = await aiohttp_client(build_app(service, public_base=PUBLIC))
    path = f"/m/{token}/seat"

    async def found(query: str, lang: str = "sv") -> tuple[list[str], str]:
        html = await (await client.get(path, params={"name": query, "lang": lang})).text()
        return [unescape(h).strip() for h in _PERSON.findall(html)], html

    names, html = await found("mohammed ALI")
    assert names == ["Mohammed Ali"]
    assert "Runda 1: bord" in html and "Runda 2: bord" in html
    assert "Org 8" not in html, "no organisation when the name alone is enough"
    for absent in [*NEVER_CAME, LEFT, LATE]:
        names, html = await found(absent)
        assert names == [] and "Ingen som heter" in html, absent
        assert "Frånvarande" not in html and "Kommunen" not in html
    names, html = await found("Li", lang="en")
    assert names == [] and "Type at least 3 letters" in html


async def test_namesakes_show_their_organisation_and_at_most_five(
    aiohttp_client, service: MeetingService, token: str
) -> None:  # type: ignore[no-untyped-def]
    people = service.add_participants(
        [PersonInput("Anna Berg", organisation=f"Förening {i}", present=True) for i in range(6)]
    )
    ids = [p.id for p in people]
    service.store_seating(table_plan({1: [(1, ids[0], ids[:5]), (2, ids[5], ids[5:])]}))
    client: TestClient = await aiohttp_client(build_app(service, public_base=PUBLIC))
    html = await (await client.get(f"/m/{token}/seat", params={"name": "Anna Berg"})).text()
    assert _PERSON.findall(html) == [] and "Många har det namnet" in html
    service.set_present(ids[5], False)
    html = await (await client.get(f"/m/{token}/seat", params={"name": "Anna Berg"})).text()
    shown = [unescape(h) for h in _PERSON.findall(html)]
    assert len(shown) == 5
    assert all(f"(Förening {i})" in " ".join(shown) for i in range(5))
    assert "Förening 5" not in html
