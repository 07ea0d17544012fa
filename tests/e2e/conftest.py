"""One Chromium per test worker for the browser tests.

Starting Playwright's driver and Chromium takes one to two seconds, more than many of
these tests' own work; each test still gets fresh pages in their own contexts (no
cookies or storage carried over) and closes them with ``close_pages``.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator

import pytest_asyncio
from playwright.async_api import Browser, async_playwright

from tests.web.browser import CHROMIUM, CHROMIUM_ARGS, close_pages


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def browser() -> AsyncIterator[Browser]:
    """Debian's Chromium, launched once on this worker's session event loop.

    Tests using it run on that loop (``pytest.mark.asyncio(loop_scope="session")``).
    A missing Chromium is a failure, never a skip: the phones' pages must be checked.
    """
    assert os.path.exists(CHROMIUM), f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    async with async_playwright() as playwright:
        shared = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield shared
        finally:
            await close_pages(shared)
            await shared.close()
