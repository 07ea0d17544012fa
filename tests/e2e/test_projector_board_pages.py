"""Every idea on the harvest board reaches the wall, whole and readable from the back.

150 ideas in 9 long-named themes, as an audit's meeting had them: at 1024x768 twenty
ideas were never on any page (their column ran off to the right of the board), thirty
more only cut off with "…", and at 1280x720 the ideas were 8.6 px. Here the page's own
rotation is followed (a page a second) until every page has been shown.
"""

from __future__ import annotations

import random
from itertools import product
from pathlib import Path

import pytest
from playwright.async_api import Browser

from cafe.core.agenda import StepKind
from cafe.core.service import MeetingService
from cafe.web import projector_views
from cafe.web.server import LanServer
from tests.meetings import new_meeting
from tests.web.browser import LOOPBACK, close_pages, follow_pages

IDEA_MIN_VH = 2.2
"""The smallest idea type on the board (screen.js IDEA_MIN): the smallest text the room
already reads on the other steps (the presentation round's table cards)."""

THEMES = [
    ("Föreningslivets mötesplatser och samverkan mellan kommun, kyrka och civilsamhälle", 30),
    ("Mötesplatser i biblioteket, kyrkan och på äldreboendet för äldre som bor ensamma", 24),
    ("Uppsökande verksamhet via hemtjänsten och vårdcentralen", 20),
    ("Besöksvänner och telefonkedjor för äldre i glesbygden och i förorterna", 18),
    ("Matlag och måltidsgemenskap mellan generationer lika väl som mellan grannar", 16),
    ("Ensamhet", 14),
    ("Kultur, kör och skapande verksamhet för pensionärer", 12),
    ("Skjuts, färdtjänst och transporter till aktiviteter för den som inte kör bil", 10),
    ("Digital delaktighet: surfplattor, videosamtal och hjälp att komma igång", 6),
]  # fmt: skip
OPENINGS = ["Starta en", "Bygg upp en", "Samordna en", "Pröva en", "Utveckla en gemensam",
            "Skapa en", "Finansiera en", "Inrätta en"]  # fmt: skip
SUBJECTS = [
    "fikaträff varje vardag", "telefonkedja för äldre som bor ensamma",
    "mötesplats i biblioteket", "promenadgrupp med volontärer",
    "digital cafékväll med surfplattor", "besöksvän-tjänst i glesbygden",
    "matlag mellan generationer", "körverksamhet för pensionärer",
    "skjutsgrupp till aktiviteter för den som inte kan köra bil",
    "språkcafé där nyanlända och äldre träffas",
    "gemensam kalender över alla föreningars aktiviteter",
    "uppsökande verksamhet via hemtjänsten", "trädgårdsprojekt på äldreboendet",
]  # fmt: skip
ENDINGS = [
    "", "", " i Östersund", " tillsammans med Svenska kyrkan och PRO",
    " där kommunen står för lokalen och föreningarna för volontärerna",
    " med ansvar fördelat mellan socialförvaltningen, Röda Korset och Studieförbundet"
    " Vuxenskolan så att ingen organisation bär allt själv",
    " – men bara om vi får långsiktig finansiering i minst tre år",
]  # fmt: skip


def ideas() -> list[str]:
    """150 different ideas of 20 to 190 characters."""
    every = [f"{a} {b}{c}" for a, b, c in product(OPENINGS, SUBJECTS, ENDINGS)]
    return random.Random(11).sample(sorted(set(every)), 150)


def board_meeting(folder: Path) -> MeetingService:
    service = new_meeting(folder, challenge="ofrivillig ensamhet bland äldre")
    texts = iter(ideas())
    for number, (name, count) in enumerate(THEMES):
        captured = [service.capture_idea(next(texts), table=n % 15 + 1) for n in range(count)]
        service.create_theme(name, ideas=[i.id for i in captured], signup=number % 2 == 0)
    service.start_step(
        next(i for i, s in enumerate(service.agenda.steps) if s.kind is StepKind.HARVEST)
    )
    return service


SHOWN = """() => {
  const board = document.getElementById("board");
  const box = board.getBoundingClientRect();
  const pages = [...board.querySelectorAll(".board-page")];
  const index = pages.findIndex((p) => !p.hidden);
  const dots = [...board.querySelectorAll("[data-dot]")];
  const ideas = [...pages[index].querySelectorAll("li:not(.cont-head)")].map((li) => {
    const r = li.getBoundingClientRect();
    return {
      text: li.textContent.trim(),
      size: parseFloat(getComputedStyle(li).fontSize),
      inside: r.width > 0 && r.left >= box.left - 1 && r.right <= box.right + 1
        && r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.bottom <= innerHeight,
      whole: li.scrollHeight <= li.clientHeight + 1 && li.scrollWidth <= li.clientWidth + 1,
    };
  });
  const themes = [...pages[index].querySelectorAll(".theme")].map((t) => ({
    name: t.getAttribute("data-name"),
    heading: t.querySelector("h3").textContent.trim(),
  }));
  return {index, pages: pages.length, dots: dots.length,
          on: dots.findIndex((d) => d.classList.contains("-on")), ideas, themes};
}"""


@pytest.mark.asyncio(loop_scope="session")  # the worker's shared Chromium
async def test_every_idea_comes_round_whole_and_readable(
    tmp_path: Path, browser: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(projector_views, "PAGE_SECONDS", 1)  # a page a second, not twelve
    service = board_meeting(tmp_path / "m")
    expected = set(ideas())
    server = LanServer(service, host=LOOPBACK, port=0, lan_address=lambda: LOOPBACK)
    await server.start()
    try:
        problems: list[str] = []
        screens = [(1024, 768, 1), (1280, 720, 1), (1920, 1080, 1), (1920, 1080, 2)]
        for width, height, scale in screens:
            where = f"{width}x{height}@{scale}x"
            page = await browser.new_page(
                viewport={"width": width, "height": height}, device_scale_factor=scale
            )
            await page.goto(server.screen_url())
            await page.wait_for_selector("body[data-live='1']")
            shown = await follow_pages(page, SHOWN, "#board .board-page", f"board-{where}")
            await page.close()
            readable = IDEA_MIN_VH / 100 * height - 0.05
            whole = {i["text"] for p in shown for i in p["ideas"] if i["inside"] and i["whole"]}
            missing = expected - whole
            if missing:
                problems.append(f"{where}: {len(missing)} of 150 ideas never shown whole")
            smallest = min(i["size"] for p in shown for i in p["ideas"])
            if smallest < readable:
                problems.append(f"{where}: ideas in {smallest:.1f} px type (< {readable:.1f})")
            for p in shown:
                if p["dots"] != (p["pages"] if p["pages"] > 1 else 0) or p["on"] != p["index"]:
                    problems.append(f"{where}: dots {p['dots']} ({p['on']} lit), page {p['index']}")
            started: set[str] = set()
            for p in shown:
                for theme in p["themes"]:
                    if theme["name"] in started and "(forts.)" not in theme["heading"]:
                        problems.append(f"{where}: {theme['heading'][:30]!r} without (forts.)")
                    if "(forts.)lista" in theme["heading"]:  # a space between, as at the start
                        problems.append(f"{where}: {theme['heading']!r} glued to its tag")
                    started.add(theme["name"])
        assert problems == [], "\n".join(problems)
    finally:
        await close_pages(browser)
        await server.stop()
