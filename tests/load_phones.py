"""What the load tests' simulated phones share: opening a form as a browser does, and
the percentiles they report. Used by tests/reliability/tui_load.py and
tests/benchmarks/bench_web_load.py; every URL they are given is on 127.0.0.1.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

import aiohttp

_HIDDEN = re.compile(r'<input type="hidden" name="(csrf|submission)" value="([^"]*)">')


@dataclass(frozen=True)
class OpenedForm:
    """A form page as a phone got it: what to send back with the filled-in fields."""

    status: int
    hidden: dict[str, str]
    """The csrf and submission fields."""
    headers: dict[str, str]
    """The session cookie, sent by hand (one client stands for many phones)."""


async def open_form(session: aiohttp.ClientSession, url: str) -> OpenedForm:
    async with session.get(url) as page:
        html = await page.text()
        cookie = page.cookies.get("cafe_session")
        status = page.status
    headers = {"Cookie": f"cafe_session={cookie.value}"} if cookie else {}
    return OpenedForm(status, dict(_HIDDEN.findall(html)), headers)


def phones_session(*, connection_per_phone: bool = False) -> aiohttp.ClientSession:
    """One client for many phones: no connection limit, cookies handled by hand."""
    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=0, force_close=connection_per_phone),
        cookie_jar=aiohttp.DummyCookieJar(),
        timeout=aiohttp.ClientTimeout(total=120),
    )


def percentile(values: list[float], pct: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]
