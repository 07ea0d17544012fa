"""Simulated phones that use the real web pages over HTTP on 127.0.0.1.

Each phone has its own cookie jar (its own CSRF session), loads the form like a browser,
reads the hidden fields, and posts, so the demo exercises exactly what a participant's
phone does. It never contacts anything but the server it is given.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

import aiohttp

from cafe.demo.people import SimulatedPerson

_HIDDEN = re.compile(r'<input type="hidden" name="(csrf|submission)" value="([^"]*)">')


def _phone_session() -> aiohttp.ClientSession:
    """A phone's own browser: cookies accepted from an IP address, as browsers do."""
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


class PhoneError(RuntimeError):
    """The server refused a simulated phone's submission."""


class HttpRoom:
    """The room's phones, talking to a running ``LanServer`` at ``urls``."""

    def __init__(
        self,
        signup_url: str,
        checkout_url: str,
        table_url: dict[int, str] | None = None,
        *,
        resend_as: str | None = None,
    ) -> None:
        self.signup_url = signup_url
        self.checkout_url = checkout_url
        self.table_url = table_url or {}
        self.resend_as = resend_as
        """When set, each submission's id is derived from it and what is sent, as a phone
        resending the same form after a lost answer would (crash tests use this)."""
        self._table_sessions: dict[int, aiohttp.ClientSession] = {}

    async def _submit(
        self, session: aiohttp.ClientSession, url: str, fields: list[tuple[str, str]]
    ) -> str:
        async with session.get(url) as page:
            html = await page.text()
            if page.status != 200:
                raise PhoneError(f"GET {url}: {page.status}")
        hidden = dict(_HIDDEN.findall(html))
        if self.resend_as is not None:
            page_path = urlsplit(url).path  # the port may differ after a restart
            digest = hashlib.sha256(repr((self.resend_as, page_path, fields)).encode()).digest()
            hidden["submission"] = base64.urlsafe_b64encode(digest[:18]).decode()
        form = [*hidden.items(), *fields]
        async with session.post(url, data=form) as answer:
            body = await answer.text()
            if answer.status != 200:
                raise PhoneError(f"POST {url}: {answer.status}")
        return body

    async def send_ideas(self, table: int, ideas: Sequence[str]) -> None:
        """The table host types the table's ideas, one per line, and sends them."""
        url = self.table_url[table]
        session = self._table_sessions.get(table)
        if session is None:
            session = self._table_sessions[table] = _phone_session()
        await self._submit(session, url, [("ideas", "\n".join(ideas))])

    async def sign_up(self, person: SimulatedPerson, theme_ids: Sequence[str]) -> None:
        p = person.person
        fields = [("name", p.name), ("organisation", p.organisation)]
        if person.consents:
            fields += [("email", p.email), ("consent", "yes")]
        fields += [("themes", theme) for theme in theme_ids]
        async with _phone_session() as session:
            await self._submit(session, self.signup_url, fields)

    async def check_out(self, person: SimulatedPerson, thought: str) -> None:
        async with _phone_session() as session:
            await self._submit(session, self.checkout_url, [("thought", thought)])

    async def close(self) -> None:
        for session in self._table_sessions.values():
            await session.close()
        self._table_sessions.clear()
