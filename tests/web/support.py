"""Helpers for the web tests: a meeting in a given state, and filling in forms."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient

from cafe.core.agenda import StepKind
from cafe.core.participants import PersonInput
from cafe.core.service import MeetingService

LAN = "192.0.2.10"
"""A documentation address: shown in URLs and QR codes, never contacted."""
PUBLIC = f"http://{LAN}:8765"

_HIDDEN = re.compile(r'<input type="hidden" name="(csrf|submission|round)" value="([^"]*)">')


def hidden_fields(html: str) -> dict[str, str]:
    """The hidden fields of the (one) form on a page: csrf, submission and, on a table's
    page, the round it shows."""
    return {name: unescape(value) for name, value in _HIDDEN.findall(html)}


async def open_form(client: TestClient, path: str) -> dict[str, str]:
    response = await client.get(path)
    assert response.status == 200, await response.text()
    return hidden_fields(await response.text())


async def submit(
    client: TestClient, path: str, fields: dict[str, Any], **kwargs: Any
) -> ClientResponse:
    """Open the form at ``path`` (as a phone would), then post ``fields`` with its tokens."""
    hidden = await open_form(client, path)
    return await client.post(path, data={**hidden, **fields}, **kwargs)


def step_index(service: MeetingService, kind: StepKind, round_number: int = 0) -> int:
    for index, step in enumerate(service.agenda.steps):
        if step.kind is kind and (not round_number or step.round == round_number):
            return index
    raise AssertionError(f"no {kind} step {round_number}")


def start_round(service: MeetingService, round_number: int) -> None:
    service.start_step(step_index(service, StepKind.CAFE_ROUND, round_number))


def seat_people(service: MeetingService, names: list[str]) -> list[str]:
    """Register ``names`` as present; returns their ids."""
    people = service.add_participants(
        [PersonInput(name, organisation=f"Org {i}", present=True) for i, name in enumerate(names)]
    )
    return [p.id for p in people]


def table_plan(rounds: dict[int, list[tuple[int, str, list[str]]]]) -> dict[str, Any]:
    """A seating plan in the seating module's JSON form: round -> [(table, host, members)]."""
    return {
        "mode": "tables",
        "tables": max(len(tables) for tables in rounds.values()),
        "rounds": [
            {
                "round": number,
                "tables": [
                    {"table": table, "host": host, "members": members}
                    for table, host, members in tables
                ],
            }
            for number, tables in sorted(rounds.items())
        ],
    }
