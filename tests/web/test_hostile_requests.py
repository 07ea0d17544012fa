"""Requests no phone sends: an unknown charset on a form, paths that try to leave the site.

Everything is sent to the real aiohttp server on 127.0.0.1; the odd paths go over a raw
socket, byte for byte, so no client library tidies them up first.
"""

from __future__ import annotations

import asyncio
import re
from html import unescape

import pytest
from aiohttp.test_utils import TestClient

from cafe.core.service import MeetingService
from cafe.storage.folder import cohost_token, table_token
from tests.web.support import hidden_fields


def _post_paths(service: MeetingService, token: str) -> list[str]:
    return [
        f"/m/{token}/",
        f"/m/{token}/signup",
        f"/m/{token}/checkout",
        f"/t/{table_token(service, 1)}/",
        f"/c/{cohost_token(service)}/",
    ]


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/x-www-form-urlencoded; charset=x-bogus", b"name=Eve&thought=hej&do=next"),
        (
            "multipart/form-data; boundary=xx",
            b'--xx\r\nContent-Disposition: form-data; name="thought"\r\n'
            b"Content-Type: text/plain; charset=x-bogus\r\n\r\nhej\r\n--xx--\r\n",
        ),
    ],
    ids=["urlencoded", "multipart-part"],
)
async def test_a_form_in_an_unknown_charset_is_a_400_page(
    client: TestClient, service: MeetingService, token: str, content_type: str, body: bytes
) -> None:
    paths = _post_paths(service, token)
    stored = len(service.events())
    for path in paths:
        form_page = await client.get(path)
        hidden = hidden_fields(await form_page.text())
        extra = "&".join(f"{k}={v}" for k, v in hidden.items()).encode()
        payload = body + b"&" + extra if content_type.startswith("application") else body
        response = await client.post(path, data=payload, headers={"Content-Type": content_type})
        html = await response.text()
        assert response.status == 400, (path, response.status)
        assert "gick inte att läsa" in html, path
    assert len(service.events()) == stored, "nothing was stored"


async def _raw_get(client: TestClient, target: str) -> tuple[int, str]:
    """Send ``GET target`` exactly as written; the status and the page."""
    reader, writer = await asyncio.open_connection(client.host, client.port)
    writer.write(f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    raw = await reader.read()
    writer.close()
    await writer.wait_closed()
    head, _, body = raw.partition(b"\r\n\r\n")
    return int(head.split(b" ")[1]), body.decode("utf-8", "replace")


OFF_SITE = re.compile(r"^\s*([a-z][a-z0-9+.-]*:|[/\\\t\n\r ]{2}|/[\\\t\n\r])", re.IGNORECASE)
"""What a browser could read as another site: a scheme, ``//``, ``/\\`` (tabs and
newlines are dropped by browsers before they look)."""

SNEAKY_PATHS = [
    "/%5Cevil.example/",
    "/%5C%5Cevil.example/",
    "//evil.example/",
    "/%2F%2Fevil.example/",
    "/%2F/evil.example/",
    "/%09/evil.example/",
    "/%0a/evil.example/",
    "/\\evil.example/",
    "/m/%5Cevil.example/",
    "/static/%5Cevil.example",
]


@pytest.mark.parametrize("target", SNEAKY_PATHS)
async def test_no_page_links_off_site_whatever_the_path(client: TestClient, target: str) -> None:
    status, html = await _raw_get(client, target)
    assert 400 <= status < 500, (target, status)
    links = [unescape(v) for v in re.findall(r'(?:href|src|action)="([^"]*)"', html)]
    assert links, "the page has its stylesheet and language link"
    for link in links:
        assert not OFF_SITE.match(link), (target, link)
    assert 'id="switch-lang" href="?lang=en"' in html, "the language link stays on this page"
