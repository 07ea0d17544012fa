"""Every table of a 60-person meeting reaches the wall, with the dots that say more follow.

At 1024x768 the presentation round's "Nästa runda: 1" put 8 tables on a page where one
row of 4 fitted: tables 5-8 and 13-15 were never seen, nor the dots. In the rounds the
question shrank to 20 px, smaller than the names under it (21.5 px).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from playwright.async_api import Browser

from cafe.core import meeting_seating
from cafe.core.agenda import StepKind
from cafe.core.participants import PersonInput
from cafe.core.service import MeetingService
from cafe.web import projector_views
from cafe.web.server import LanServer
from tests.meetings import new_meeting
from tests.web.browser import LOOPBACK, close_pages, follow_pages

FIRST = ["Åsa", "Björn", "Märta-Lovisa", "Göran", "Ingegärd", "Östen", "Anna-Karin",
         "Per-Olof", "Kristina", "Mohammed", "Fatima", "Zeynep", "Jörgen", "Ulla-Britt",
         "Håkan", "Siv", "Bengt-Åke", "Lena", "Maj-Lis", "Ahmad", "Eva-Charlotte", "Tor",
         "Solveig", "Khadija", "Nils-Erik", "Ylva", "Gunnel", "Alejandro", "Birgitta",
         "Hans-Göran"]  # fmt: skip
LAST = ["Öberg", "Åkesson-Lindqvist", "von Essen af Zellie", "Björklund", "Al-Hashimi",
        "Nyström", "Wahlström", "Ekström", "Mäkinen", "Yılmaz", "Andersson", "Fältskog"]  # fmt: skip
SCREENS = [(1024, 768), (1280, 720), (1920, 1080)]


def sixty(folder: Path) -> MeetingService:
    service = new_meeting(folder, challenge="ofrivillig ensamhet bland äldre")
    rng = random.Random(7)
    names: set[str] = set()
    while len(names) < 60:
        names.add(f"{rng.choice(FIRST)} {rng.choice(LAST)}")
    service.add_participants(
        [
            PersonInput(name, organisation=f"Förening {n}", present=True, host=n % 12 == 0)
            for n, name in enumerate(sorted(names))
        ]
    )
    meeting_seating.ensure_plan(service, 1)
    return service


SHOWN = """() => {
  const focus = document.getElementById("focus").getBoundingClientRect();
  const pages = [...document.querySelectorAll("#seating .tables.page")];
  const index = pages.findIndex((p) => !p.hidden);
  const inside = (r) => r.height > 0 && r.top >= focus.top - 1 && r.bottom <= focus.bottom + 1
    && r.bottom <= innerHeight && r.right <= focus.right + 1;
  const dots = [...document.querySelectorAll("#seating [data-dot]")];
  const marker = document.querySelector("#seating .page-marker");
  const names = [...pages[index].querySelectorAll(".table-card p")];
  return {
    index, pages: pages.length, dots: dots.length,
    on: dots.findIndex((d) => d.classList.contains("-on")),
    markerShown: !!marker && inside(marker.getBoundingClientRect()),
    tables: [...pages[index].querySelectorAll(".table-card")]
      .filter((card) => inside(card.getBoundingClientRect()))
      .map((card) => card.querySelector("h3").textContent.trim()),
    question: parseFloat(getComputedStyle(document.getElementById("question")).fontSize),
    names: Math.max(...names.map((p) => parseFloat(getComputedStyle(p).fontSize))),
  };
}"""


@pytest.mark.asyncio(loop_scope="session")  # the worker's shared Chromium
@pytest.mark.parametrize("kind", [StepKind.PRESENTATION_ROUND, StepKind.CAFE_ROUND])
async def test_every_table_comes_round_under_a_question_larger_than_the_names(
    tmp_path: Path, browser: Browser, monkeypatch: pytest.MonkeyPatch, kind: StepKind
) -> None:
    monkeypatch.setattr(projector_views, "PAGE_SECONDS", 1)
    service = sixty(tmp_path / "m")
    tables = {f"Bord {t.number}" for t in service.state.seating_plan.rounds[0].tables}
    assert len(tables) == 15
    service.start_step(next(i for i, s in enumerate(service.agenda.steps) if s.kind is kind))
    server = LanServer(service, host=LOOPBACK, port=0, lan_address=lambda: LOOPBACK)
    await server.start()
    try:
        problems: list[str] = []
        for width, height in SCREENS:
            where = f"{kind.value} at {width}x{height}"
            page = await browser.new_page(viewport={"width": width, "height": height})
            await page.goto(server.screen_url())
            await page.wait_for_selector("body[data-live='1']")
            shown = await follow_pages(
                page, SHOWN, "#seating .tables.page", f"tables-{kind.value}-{width}"
            )
            await page.close()
            seen = {t for p in shown for t in p["tables"]}
            if seen != tables:
                problems.append(f"{where}: never shown: {sorted(tables - seen)}")
            for p in shown:
                if p["pages"] > 1 and (not p["markerShown"] or p["dots"] != p["pages"]):
                    problems.append(f"{where}: page {p['index'] + 1}'s dots not seen")
                if p["question"] < p["names"]:
                    problems.append(f"{where}: question {p['question']} px < names {p['names']}")
        assert problems == [], "\n".join(problems)
    finally:
        await close_pages(browser)
        await server.stop()
