"""The address under the projector's QR code is readable and whole: it was the smallest
text on the screen (11.5 px at 1280x720) and broke inside the meeting's code ("…/sea" +
"t", "…OQL1" + "mur/"), which whoever cannot scan has to type.

A real meeting and server on 127.0.0.1, Debian's Chromium at 16:9 and 4:3.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Browser, Page

from cafe.core.agenda import StepKind
from cafe.core.clock import FakeClock
from cafe.storage.folder import meeting_token
from cafe.web.server import LanServer
from tests.meetings import new_meeting
from tests.web.browser import LOOPBACK, artifact, close_pages, projector_pages
from tests.web.support import seat_people, step_index, table_plan

SCREENS = [(1920, 1080), (1280, 720), (1024, 768)]

ADDRESS = """() => {
  const url = document.getElementById("qr-url");
  const side = document.querySelector(".side").getBoundingClientRect();
  const parts = [...url.querySelectorAll(":scope > span")].map((span) => {
    const r = span.getBoundingClientRect();
    return {text: span.textContent, lines: span.getClientRects().length,
            inside: r.left >= side.left - 1 && r.right <= side.right + 1 && r.right <= innerWidth};
  });
  return {text: url.textContent, size: parseFloat(getComputedStyle(url).fontSize),
          shown: url.getClientRects().length > 0,
          vh: innerHeight / 100, parts};
}"""


async def _address(page: Page, seq: int, name: str) -> dict:  # type: ignore[type-arg]
    await page.wait_for_function("(seq) => Number(document.body.dataset.seq) >= seq", arg=seq)
    size = page.viewport_size
    assert size is not None
    await page.screenshot(path=artifact(f"projector-address-{name}-{size['width']}.png"))
    return await page.evaluate(ADDRESS)


@pytest.mark.asyncio(loop_scope="session")  # the worker's shared Chromium
async def test_the_address_under_the_qr_code_is_readable_and_never_cut_in_the_code(
    tmp_path: Path, browser: Browser
) -> None:
    service = new_meeting(tmp_path / "m", clock=FakeClock(1_800_000_000.0))
    ids = seat_people(service, ["Åsa Öberg", "Per Persson", "Li Wei", "Omar Said"])
    service.store_seating(table_plan({1: [(1, ids[0], ids[:2]), (2, ids[2], ids[2:])]}))
    token = meeting_token(service)
    server = LanServer(service, host=LOOPBACK, port=0, lan_address=lambda: LOOPBACK)
    await server.start()
    try:
        pages = await projector_pages(browser, server.screen_url(), SCREENS)
        problems: list[str] = []
        steps = [
            ("welcome", None, ""),
            ("round", StepKind.CAFE_ROUND, "seat"),
            ("harvest", StepKind.HARVEST, ""),
            ("signup", StepKind.SIGNUP, ""),
            ("checkout", StepKind.CHECKOUT, "checkout"),
        ]
        for name, kind, path in steps:
            if kind is not None:
                service.start_step(step_index(service, kind))
            for page in pages:
                found = await _address(page, service.state.last_seq, name)
                where = f"{name} at {page.viewport_size}"
                assert found["text"] == f"{server.public_base}/m/{token}/{path}", where
                if name == "harvest":  # the board takes the width; the sign-up step shows it
                    if found["shown"]:
                        problems.append(f"{where}: an address too narrow to read")
                    continue
                code = [part for part in found["parts"] if part["text"] == f"{token}/"]
                if len(code) != 1 or code[0]["lines"] != 1:
                    problems.append(f"{where}: the meeting's code is cut: {found['parts']}")
                problems += [f"{where}: {p['text']} leaves the side" for p in found["parts"]
                             if not p["inside"]]  # fmt: skip
                if found["size"] < 2.2 * found["vh"] - 0.1:
                    problems.append(f"{where}: the address is {found['size']:.1f} px")
        assert problems == [], "\n".join(problems)
    finally:
        await close_pages(browser)
        await server.stop()
