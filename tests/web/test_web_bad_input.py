"""The HTTP bad-input catalogue: each request gets a clear 4xx, nothing is stored, and the
server answers the next phone normally."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from cafe.core.service import MeetingService
from cafe.storage.folder import table_token
from tests.web.support import hidden_fields, open_form, submit

NAME = {"name": "Åsa Öberg"}


def _paths(token: str, table: str) -> list[str]:
    return [f"/m/{token}/", f"/m/{token}/checkout", f"/t/{table}/"]


@pytest.fixture
def table(service: MeetingService) -> str:
    return table_token(service, 1)


async def _still_serving(client: TestClient, service: MeetingService, token: str) -> None:
    """The catalogue stored nothing, and a real sign-up still works."""
    assert service.state.signups == {} and service.state.ideas == {}
    assert service.state.checkout == {}
    response = await submit(client, f"/m/{token}/", NAME)
    assert response.status == 200
    assert [s.name for s in service.state.signups.values()] == ["Åsa Öberg"]


async def test_wrong_methods_are_405(
    client: TestClient, service: MeetingService, token: str, table: str
) -> None:
    tried = 0
    for path in [*_paths(token, table), f"/m/{token}/seat", f"/screen/{token}"]:
        for method in ("PUT", "DELETE", "PATCH"):
            response = await client.request(method, path, data=b"x")
            assert response.status == 405, (method, path)
            tried += 1
    assert tried == 15
    await _still_serving(client, service, token)


async def test_wrong_content_types_and_bodies_are_refused_with_a_page(
    client: TestClient, service: MeetingService, token: str, table: str
) -> None:
    bodies: list[tuple[str, bytes]] = [
        ("application/json", b'{"name": "x", "ideas": "y"}'),
        ("text/plain", b"name=x&ideas=y"),
        ("application/octet-stream", bytes(range(256))),
        ("application/x-www-form-urlencoded", b"name=%FF%FE%FD&ideas=%C3%28&thought=%ED%A0%80"),
        ("application/x-www-form-urlencoded", b"\xff\xfe\x00garbage=\x80\x81"),
        ("application/x-www-form-urlencoded", b"&&&===&%%%"),
        ("multipart/form-data; boundary=zzz", b"--zzz\r\nbroken"),
    ]
    for path in _paths(token, table):
        hidden = await open_form(client, path)
        for content_type, body in bodies:
            response = await client.post(path, data=body, headers={"Content-Type": content_type})
            assert 400 <= response.status < 500, (path, content_type, response.status)
            assert "text/html" in response.headers["Content-Type"]
            assert "Traceback" not in await response.text()
        # Valid tokens but missing fields: the form comes back with a message.
        response = await client.post(path, data=hidden)
        assert response.status == 400, path
        assert "<form" in await response.text()
    await _still_serving(client, service, token)


async def test_invalid_utf8_and_traversal_in_paths_and_queries(
    client: TestClient, service: MeetingService, token: str
) -> None:
    for raw in (
        f"/m/{token}/seat?name=%FF%FE",
        f"/m/{token}/seat?name=%C3%28",
        f"/m/{token}/%FF/",
        "/static/..%2fmeeting.db",
        "/static/%2e%2e/%2e%2e/etc/passwd",
        "/static/....//meeting.db",
        f"/m/{token}/../../meeting.db",
        "/%2e%2e/%2e%2e/etc/passwd",
        f"/t/..%2f..%2fm%2f{token}/",
    ):
        response = await client.get(raw)
        # An undecodable query is read with replacement characters: no match, no error.
        expected = (200, 400, 404) if "?" in raw else (400, 404)
        assert response.status in expected, (raw, response.status)
        text = await response.text()
        assert "root:" not in text and "SQLite format" not in text, raw
    await _still_serving(client, service, token)


async def test_hostile_text_is_stored_as_given_or_refused_with_a_reason(
    client: TestClient, service: MeetingService, token: str, table: str
) -> None:
    """Emoji, right-to-left text and zero-width characters are people's names; a 100 kB
    string is not. Nothing in between is half-stored."""
    names = ["Zoë 🌍 Ahmed", "مريم الأحمد", "Åsa\u200bÖberg\u200d", "‮Reversed‬"]
    for name in names:
        response = await submit(client, f"/m/{token}/", {"name": name})
        assert response.status == 200, name
    stored = [s.name for s in service.state.signups.values()]
    assert stored[:2] == names[:2]
    assert all("\u200b" not in s and "\u202e" not in s for s in stored), stored
    page = await client.get(f"/m/{token}/")
    huge = {"name": "x" * 100_000, **hidden_fields(await page.text())}
    response = await client.post(f"/m/{token}/", data=huge)
    assert response.status in (400, 413)
    assert len(service.state.signups) == len(names)
