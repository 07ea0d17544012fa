"""Tokens, CSRF, body caps, rate limits, escaping, headers: what keeps the room safe."""

from __future__ import annotations

import asyncio

import pytest
from aiohttp.test_utils import TestClient

from cafe.core.agenda import StepKind
from cafe.core.errors import CafeError, StoreError
from cafe.core.service import MeetingService
from cafe.storage.folder import table_token
from cafe.web.security import MAX_BODY, SESSION_COOKIE, RateLimit, RateLimiter
from cafe.web.server import build_app
from tests.web.support import (
    PUBLIC,
    hidden_fields,
    open_form,
    seat_people,
    start_round,
    step_index,
    submit,
    table_plan,
)

PAYLOADS = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "</textarea><script>alert(2)</script>",
    "{{ 7*7 }}<b>fet</b>",
]


def assert_escaped(html: str) -> None:
    """No payload survives as markup: only our own script elements exist."""
    for payload in PAYLOADS:
        assert payload not in html
    ours = sum(
        html.count(own)
        for own in (
            '<script src="/static/screen.js"',
            '<script src="/static/table.js"',
            '<script type="application/json" id="labels">',
        )
    )
    assert html.count("<script") == ours
    assert "<img" not in html and "<b>" not in html


# -- wrong tokens ---------------------------------------------------------------------------

ENDPOINTS = [
    ("GET", "/m/{m}/"),
    ("POST", "/m/{m}/"),
    ("GET", "/m/{m}/seat"),
    ("GET", "/m/{m}/checkout"),
    ("POST", "/m/{m}/checkout"),
    ("GET", "/t/{t}/"),
    ("POST", "/t/{t}/"),
    ("GET", "/screen/{m}"),
    ("GET", "/screen/{m}/events"),
]


@pytest.mark.parametrize(("method", "pattern"), ENDPOINTS)
async def test_every_endpoint_is_404_with_a_wrong_token(
    client: TestClient, service: MeetingService, token: str, method: str, pattern: str
) -> None:
    real_table = table_token(service, 1)
    wrong = [
        "x",
        token[:-1],
        token + "x",
        token.upper() if token.upper() != token else token.lower(),
        real_table if "{m}" in pattern else token,
    ]
    for bad in wrong:
        path = pattern.format(m=bad, t=bad)
        response = await client.request(method, path, data={"name": "Eve", "ideas": "x"})
        html = await response.text()
        assert response.status == 404, path
        assert "Sidan finns inte" in html
        assert service.agenda.meta.title not in html, "a 404 does not reveal the meeting"
    assert service.events() == [], "nothing was stored"


async def test_unknown_paths_are_404(client: TestClient, token: str) -> None:
    for path in ("/", "/m/", f"/m/{token}/admin", "/static/../meeting.db", "/static/x.css"):
        response = await client.get(path)
        assert response.status == 404, path


async def test_only_phone_commands_are_reachable(client: TestClient) -> None:
    """Nothing that changes the agenda, the timer or other people's data has a URL under
    the tokens on the walls: only the co-host console, under its own token, does
    (``tests/web/test_cohost.py`` shows the meeting's and the tables' tokens get a 404)."""
    routes = {
        (route.method, route.resource.canonical)
        for route in client.app.router.routes()
        if route.method != "HEAD" and route.resource is not None
    }
    assert {path for method, path in routes if method == "POST"} == {
        "/m/{token}/",
        "/m/{token}/signup",
        "/m/{token}/checkout",
        "/t/{token}/",
        "/c/{token}/",  # the co-host console
    }
    assert {method for method, _ in routes} == {"GET", "POST"}


async def test_screen_refuses_posts(client: TestClient, token: str) -> None:
    response = await client.post(f"/screen/{token}", data={"next": "1"})
    assert response.status == 405


# -- CSRF -------------------------------------------------------------------------------------

ASA = {"name": "Åsa", "email": "asa@example.org", "consent": "yes"}


async def test_posts_without_a_valid_csrf_token_are_refused(
    client: TestClient, service: MeetingService, token: str
) -> None:
    path = f"/m/{token}/"
    hidden = await open_form(client, path)
    checkout_hidden = await open_form(client, f"/m/{token}/checkout")
    attempts = [
        {"submission": hidden["submission"]},
        {"submission": hidden["submission"], "csrf": "forged"},
        {"submission": hidden["submission"], "csrf": checkout_hidden["csrf"]},
    ]
    for fields in attempts:
        response = await client.post(path, data={**fields, **ASA})
        assert response.status == 403
        text = await response.text()
        assert "Formuläret hann bli för gammalt" in text
        assert 'value="Åsa"' in text, "what was typed is kept for the retry"
    assert service.state.signups == {}


async def test_a_post_from_another_site_is_refused(
    client: TestClient, service: MeetingService, token: str
) -> None:
    hidden = await open_form(client, f"/m/{token}/")
    response = await client.post(
        f"/m/{token}/", data={**hidden, **ASA}, headers={"Origin": "http://evil.example"}
    )
    assert response.status == 403
    assert service.state.signups == {}


async def test_a_post_without_the_session_cookie_is_refused_then_retry_works(
    aiohttp_client, service: MeetingService, token: str
) -> None:  # type: ignore[no-untyped-def]
    phone = await aiohttp_client(build_app(service, public_base=PUBLIC))
    hidden = await open_form(phone, f"/m/{token}/")
    phone.session.cookie_jar.clear()
    refused = await phone.post(f"/m/{token}/", data={**hidden, **ASA})
    assert refused.status == 403
    assert SESSION_COOKIE in refused.cookies, "a fresh session comes with the retry form"
    retry = hidden_fields(await refused.text())
    accepted = await phone.post(f"/m/{token}/", data={**retry, **ASA})
    assert accepted.status == 200
    assert len(service.state.signups) == 1


async def test_csrf_on_every_form(client: TestClient, service: MeetingService, token: str) -> None:
    for path, fields in (
        (f"/m/{token}/checkout", {"thought": "Tack"}),
        (f"/t/{table_token(service, 2)}/", {"ideas": "Idé"}),
    ):
        hidden = await open_form(client, path)
        response = await client.post(path, data={**fields, "submission": hidden["submission"]})
        assert response.status == 403, path
    assert service.events() == []


async def test_a_malformed_submission_id_is_refused(
    client: TestClient, service: MeetingService, token: str
) -> None:
    hidden = await open_form(client, f"/m/{token}/")
    for bad in ("", "short", "x" * 65, "<script>" * 3):
        response = await client.post(f"/m/{token}/", data={**hidden, "submission": bad, **ASA})
        assert response.status == 400
        assert "Formuläret var ofullständigt" in await response.text()
    assert service.state.signups == {}


# -- sizes ---------------------------------------------------------------------------------------


async def test_oversized_bodies_get_413_with_a_message(
    client: TestClient, service: MeetingService, token: str
) -> None:
    big = "å" * (MAX_BODY // 4)  # six bytes each once form-encoded: 1.5 x the cap
    for path, field in (
        (f"/m/{token}/", "name"),
        (f"/m/{token}/checkout", "thought"),
        (f"/t/{table_token(service, 1)}/", "ideas"),
    ):
        hidden = await open_form(client, path)
        response = await client.post(path, data={**hidden, field: big})
        assert response.status == 413, path
        assert "för stort" in await response.text()


async def test_oversized_chunked_body_without_length_gets_413(
    client: TestClient, token: str
) -> None:
    async def chunks():  # type: ignore[no-untyped-def]
        for _ in range(20):
            yield b"thought=" + b"a" * 8192

    response = await client.post(
        f"/m/{token}/checkout",
        data=chunks(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status == 413


async def test_a_long_field_within_the_body_cap_is_a_400(
    client: TestClient, service: MeetingService, token: str
) -> None:
    response = await submit(client, f"/m/{token}/", {**ASA, "name": "n" * 5000})
    assert response.status == 400
    assert "högst 120 tecken (nu 5000)" in await response.text()
    assert service.state.signups == {}


# -- escaping --------------------------------------------------------------------------------------


async def test_script_injection_in_every_field_is_escaped_everywhere(
    client: TestClient, service: MeetingService, token: str
) -> None:
    for payload in PAYLOADS:
        theme = service.create_theme(payload, signup=True)
        signup_page = await client.get(f"/m/{token}/")
        assert_escaped(await signup_page.text())
        done = await submit(
            client,
            f"/m/{token}/",
            {"name": payload, "organisation": payload, "email": "a@b.se", "phone": "",
             "consent": "yes", "themes": [theme.id]},
        )  # fmt: skip
        assert done.status == 200
        assert_escaped(await done.text())
        for field in ("email", "phone"):
            rejected = await submit(client, f"/m/{token}/", {**ASA, field: payload})
            assert rejected.status == 400
            assert_escaped(await rejected.text())
        service.delete_theme(theme.id)
    assert {s.name for s in service.state.signups.values()} == set(PAYLOADS), "stored as typed"

    ids = seat_people(service, PAYLOADS)
    service.store_seating(table_plan({1: [(1, ids[0], ids[:2]), (2, ids[2], ids[2:])]}))
    start_round(service, 1)
    table_path = f"/t/{table_token(service, 1)}/"
    for payload in PAYLOADS:
        sent = await submit(client, table_path, {"ideas": payload})
        assert sent.status == 200
        assert_escaped(await sent.text())
        seat = await client.get(f"/m/{token}/seat", params={"name": payload})
        assert_escaped(await seat.text())
        thought = await submit(client, f"/m/{token}/checkout", {"thought": payload})
        assert_escaped(await thought.text())
        too_long = await submit(client, f"/m/{token}/checkout", {"thought": payload * 200})
        assert too_long.status == 400
        assert_escaped(await too_long.text())
    start_round(service, 2)
    retell = await client.get(table_path)
    assert_escaped(await retell.text())
    start_round(service, 1)
    screen = await client.get(f"/screen/{token}")
    assert_escaped(await screen.text())
    service.start_step(step_index(service, StepKind.CHECKOUT))
    screen = await client.get(f"/screen/{token}")
    assert_escaped(await screen.text())


# -- headers and rate limits -------------------------------------------------------------------------


async def test_security_headers_on_pages_and_errors(client: TestClient, token: str) -> None:
    first = await client.get(f"/m/{token}/")
    cookie = first.cookies[SESSION_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    for path in (f"/m/{token}/", "/nope", "/static/cafe.css"):
        response = await client.get(path)
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "no-referrer"
    page = await client.get(f"/m/{token}/")
    assert page.headers["Cache-Control"] == "no-store"
    assert SESSION_COOKIE not in page.cookies, "the session is kept, not renewed"


async def test_pages_use_no_external_resources(
    client: TestClient, service: MeetingService, token: str
) -> None:
    paths = [
        f"/m/{token}/",
        f"/m/{token}/seat",
        f"/m/{token}/checkout",
        f"/t/{table_token(service, 1)}/",
        f"/screen/{token}",
        "/static/cafe.css",
        "/static/screen.js",
    ]
    for path in paths:
        body = await (await client.get(path)).text()
        for marker in ("http://", "https://", "//cdn", "@import", "url("):
            stripped = body.replace("http://www.w3.org/2000/svg", "").replace(PUBLIC, "")
            assert marker not in stripped, (path, marker)


async def test_rate_limit_per_client(aiohttp_client, service: MeetingService, token: str) -> None:  # type: ignore[no-untyped-def]
    app = build_app(service, public_base=PUBLIC, rate_limit=RateLimit(burst=3, per_second=0.01))
    client = await aiohttp_client(app)
    statuses = [(await client.get(f"/m/{token}/")).status for _ in range(3)]
    limited = await client.get(f"/m/{token}/")
    assert statuses == [200, 200, 200]
    assert limited.status == 429
    assert int(limited.headers["Retry-After"]) >= 1
    assert "Vänta" in await limited.text()


def test_rate_limiter_refills_and_keeps_clients_apart() -> None:
    now = [0.0]
    limiter = RateLimiter(RateLimit(burst=2, per_second=1), clock=lambda: now[0], max_clients=3)
    assert [limiter.allow("a") for _ in range(3)] == [0, 0, 1.0]
    assert limiter.allow("b") == 0, "another phone has its own budget"
    now[0] = 1.0
    assert limiter.allow("a") == 0
    for client in ("c", "d", "e", "f"):
        limiter.allow(client)
    assert len(limiter._buckets) <= 3, "quiet clients are forgotten"


async def test_server_keeps_answering_while_a_slow_phone_dawdles(
    client: TestClient, token: str
) -> None:
    """A phone that opens a request and stalls does not hold up anyone else."""
    _, writer = await asyncio.open_connection(client.host, client.port)
    writer.write(
        f"POST /m/{token}/checkout HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n\r\nthought=".encode()
    )
    await writer.drain()
    async with asyncio.timeout(2):
        response = await client.get(f"/m/{token}/")
    assert response.status == 200
    writer.close()
    await writer.wait_closed()


async def test_a_store_failure_is_a_503_page_and_a_user_error_a_400(
    client: TestClient, service: MeetingService, token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*args: object, **kwargs: object) -> None:
        raise StoreError("meeting.db: disken är full")

    monkeypatch.setattr(service, "note_checkout", disk_full)
    response = await submit(client, f"/m/{token}/checkout", {"thought": "Tack"})
    assert response.status == 503
    assert "kunde inte sparas" in await response.text()

    def refused(*args: object, **kwargs: object) -> None:
        raise CafeError("mötet är avslutat")

    monkeypatch.setattr(service, "note_checkout", refused)
    response = await submit(client, f"/m/{token}/checkout", {"thought": "Tack"})
    assert response.status == 400
    assert "mötet är avslutat" in await response.text()
