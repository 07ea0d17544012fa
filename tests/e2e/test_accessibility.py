"""Every page a phone sees passes axe-core's WCAG 2.0/2.1 A and AA rules, in both languages.

The phones' pages are a municipality's public digital service, so the accessibility law
(WCAG 2.1 AA) applies. A real meeting server on 127.0.0.1 is put in a state where each
page has real content (themes with sign-up lists, a seating plan, ideas from earlier
rounds); Debian's Chromium, driven by Playwright at 360 x 740, fills in the forms as a
participant would, and axe-core (bundled with axe-playwright-python) checks each page.

The worker's one browser (tests/e2e/conftest.py) serves the module: one fixture visits
every page in both languages and keeps axe's results, and each page and language is then its own test.
It writes ``test-artifacts/axe-summary.txt`` (page, language, rules passed, violations)
and a full-page screenshot of each page, ``test-artifacts/a11y-<page>-<lang>.png``.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from axe_playwright_python.async_playwright import Axe
from playwright.async_api import Browser, Page

from cafe.core.service import MeetingService
from cafe.i18n import LANGUAGES, Translator
from cafe.storage.folder import meeting_token
from cafe.web.forms import MAX_LINES_PER_SEND
from cafe.web.security import RateLimit
from cafe.web.server import LanServer
from tests.meetings import new_meeting
from tests.once import built_once
from tests.web.browser import LOOPBACK, artifact, close_pages
from tests.web.support import seat_people, start_round, table_plan

pytestmark = pytest.mark.slow
"""Among the slowest tests of the suite (still run in CI; ``-m "not slow"`` skips them
for a quick run)."""

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "resultTypes": ["violations"],
}
VIEWPORT = {"width": 360, "height": 740}
NARROWEST = {"width": 320, "height": 740}
LARGE_TEXT_WIDTH = """() => {
  const root = document.documentElement;
  root.style.fontSize = "150%";
  const width = root.scrollWidth;
  root.style.fontSize = "";
  return width;
}"""
"""WCAG 1.4.10 (reflow): content fits 320 CSS pixels without scrolling sideways."""

PAGES = [
    "signup",
    "signup-errors",
    "signup-done",
    "seat",
    "seat-found",
    "seat-nobody",
    "checkout",
    "checkout-done",
    "table",
    "table-error",
    "table-sent",
    "not-found",
]
"""Every phone page, in the order a phone visits them (some need the one before)."""

PEOPLE = ["Åsa Öberg", "Per Persson", "Li Wei", "Omar Said", "Zoë Ahmed", "Jonas Berg"]


@dataclass
class Audit:
    """What axe said about one page in one language."""

    page: str
    lang: str
    passed: list[str] = field(default_factory=list)
    violations: list[dict[str, Any]] = field(default_factory=list)
    incomplete: list[str] = field(default_factory=list)
    """Rules axe could not decide (e.g. contrast over an image); shown, not failed."""
    width_at_320: int = 0
    """The page's width in a 320 px wide window: more means sideways scrolling (WCAG 1.4.10)."""
    width_at_320_large: int = 0
    """The same with the phone's text at 150 % (WCAG 1.4.4): "plats/kommun/region?", one
    word to the browser, ran off the screen."""

    def report(self) -> str:
        lines = [f"{len(self.violations)} WCAG A/AA violation(s) on {self.page} ({self.lang}):"]
        for violation in self.violations:
            lines.append(
                f"- {violation['id']} ({violation['impact']}): {violation['help']}"
                f" [{violation['helpUrl']}]"
            )
            for node in violation["nodes"]:
                target = ", ".join(str(t) for t in node["target"])
                lines.append(f"    {target}: {node['html']}")
                if node.get("failureSummary"):
                    summary = " ".join(node["failureSummary"].split())
                    lines.append(f"      {summary}")
        return "\n".join(lines)


def meeting_in_full_swing(folder: Path) -> MeetingService:
    """Themes with sign-up lists, people seated for two rounds, ideas from round 1 at table 1."""
    service = new_meeting(folder)
    service.create_theme("Mötesplatser för äldre", signup=True)
    service.create_theme("Besöksvänner", signup=True)
    service.create_theme("Skjuts till träffar", signup=True)
    ids = seat_people(service, PEOPLE)
    service.store_seating(
        table_plan(
            {
                1: [(1, ids[0], ids[:3]), (2, ids[3], ids[3:])],
                2: [(1, ids[0], [ids[0], ids[3], ids[4]]), (2, ids[1], [ids[1], ids[2], ids[5]])],
            }
        )
    )
    start_round(service, 1)
    service.capture_ideas(["Ensamhet syns inte utåt", "Biblioteket som mötesplats"], table=1)
    start_round(service, 2)
    service.timer_start()  # round 2 under way: round 1's ideas are to retell
    return service


async def submit(page: Page, button: str = "#send") -> int:
    """Click a form's button and wait for the page it leads to; returns its HTTP status."""
    async with page.expect_navigation() as navigation:
        await page.click(button)
    response = await navigation.value
    assert response is not None
    return response.status


async def visit_pages(
    server: LanServer, lang: str, page: Page, check: Callable[[str], Awaitable[None]]
) -> None:
    """Every phone page in ``lang``, each checked once it shows what it should."""
    base = server.public_base
    token = meeting_token(server.service)
    tr = Translator(lang)

    # The meeting's QR code lands on the room's task now; the menu leads to the sign-up.
    await page.goto(f"{base}/m/{token}/?lang={lang}")
    await page.get_by_role("link", name=tr("web.nav.signup"), exact=True).click()
    await page.wait_for_selector("#signup-form")
    assert await page.locator("input[name=themes]").count() == 3
    await check("signup")

    await page.fill("#name", PEOPLE[0])
    await page.fill("#organisation", "Röda Korset " * 20)
    await page.fill("#phone", "ring mig")
    assert await submit(page) == 400
    errors = (
        "#form-error",
        "#organisation-error",
        "#phone-error",
        "#themes-error",
        "#consent-error",
    )
    for error in errors:
        assert await page.locator(error).is_visible(), error
    # A screen reader reads a field's message and the hint under it together with the field.
    assert await page.get_attribute("#phone", "aria-describedby") == "phone-error contact-hint"
    await check("signup-errors")

    await page.fill("#organisation", "Röda Korset")
    await page.fill("#phone", "070-123 45 67")
    await page.fill("#email", "asa@example.org")
    await page.locator("input[name=themes]").first.check()
    await page.check("#consent")
    assert await submit(page) == 200
    assert await page.locator("#done").is_visible()
    await check("signup-done")

    seat = f"{base}/m/{token}/seat?lang={lang}"
    await page.goto(seat)
    await check("seat")
    await page.fill("#name", "åsa öberg")
    assert await submit(page, "#find") == 200
    assert await page.locator("#results .itinerary li").count() == 2
    numbered = await page.eval_on_selector(
        "#results .itinerary", "e => getComputedStyle(e).listStyleType"
    )
    assert numbered == "none", "'1. Runda 1: bord 3' numbered the rounds twice"
    await check("seat-found")
    await page.fill("#name", "Xavier Ingen")
    assert await submit(page, "#find") == 200
    assert await page.locator("#results").is_visible()
    assert await page.locator("#results .person").count() == 0
    await check("seat-nobody")

    await page.goto(f"{base}/m/{token}/checkout?lang={lang}")
    await check("checkout")
    await page.fill("#thought", "Att vi redan gör mycket, var för sig.")
    assert await submit(page) == 200
    assert await page.locator("#done").is_visible()
    await check("checkout-done")

    # Table 2 has sent nothing, in any round: its page is as bare as it gets.
    await page.goto(f"{server.table_url(2)}?lang={lang}")
    assert await page.locator("#retell").count() == 0
    await check("table")
    # The table page shows the laptop's answer in place (table.js), without navigating.
    lines = [f"Idé {n}" for n in range(MAX_LINES_PER_SEND + 1)]
    await page.fill("#ideas", "\n".join(lines))
    await page.click("#send")
    await page.wait_for_selector("#ideas-error")
    await check("table-error")

    # Table 1 had ideas in round 1 (to retell) and now sends this round's.
    await page.goto(f"{server.table_url(1)}?lang={lang}")
    await page.fill("#ideas", "Fika på biblioteket\nSkjuts till träffar")
    await page.click("#send")
    await page.wait_for_selector("#sent")
    assert await page.locator("#retell").is_visible()
    await check("table-sent")

    response = await page.goto(f"{base}/m/not-the-token/?lang={lang}")
    assert response is not None and response.status == 404
    await check("not-found")


BREAK_THE_PAGE = """() => {
    document.querySelector("label[for=name]").remove();
    document.documentElement.removeAttribute("lang");
    for (const heading of document.querySelectorAll("h1")) heading.style.color = "#ddd";
}"""
"""Three faults axe must find, so that a clean result means the pages, not a blind checker."""
CONTROL_RULES = {"label", "html-has-lang", "color-contrast"}


async def run_axe(page: Page, axe: Axe) -> dict[str, Any]:
    """axe-core's WCAG A/AA rules on ``page``, with the script its context put into the
    page as it loaded (sent now only if the page somehow lacks it)."""
    if not await page.evaluate("() => typeof window.axe === 'object'"):
        await page.evaluate(axe.axe_script)
    return await page.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS)


@dataclass
class Results:
    pages: dict[tuple[str, str], Audit] = field(default_factory=dict)
    control: set[str] = field(default_factory=set)
    """The rules axe broke on a page spoilt on purpose (``BREAK_THE_PAGE``)."""


async def audit_everything(folder: Path, browser: Browser) -> Results:
    service = meeting_in_full_swing(folder)
    # One browser visits everything quickly: more than a phone's budget of requests.
    server = LanServer(
        service,
        host=LOOPBACK,
        port=0,
        lan_address=lambda: LOOPBACK,
        rate_limit=RateLimit(burst=10_000, per_second=1_000),
    )
    axe = Axe()
    results = Results()
    await server.start()
    try:
        try:
            for lang in LANGUAGES:
                context = await browser.new_context(viewport=VIEWPORT)
                # Chromium puts axe-core into every page it loads, as the page starts:
                # Axe.run sends its half a megabyte of script with every audit instead.
                await context.add_init_script(script=axe.axe_script)
                page = await context.new_page()

                async def check(name: str, page: Page = page, lang: str = lang) -> None:
                    assert await page.get_attribute("html", "lang") == lang, name
                    found = await run_axe(page, axe)
                    await page.screenshot(path=artifact(f"a11y-{name}-{lang}.png"), full_page=True)
                    await page.set_viewport_size(NARROWEST)
                    width = await page.evaluate("document.documentElement.scrollWidth")
                    large = await page.evaluate(LARGE_TEXT_WIDTH)
                    await page.set_viewport_size(VIEWPORT)
                    results.pages[name, lang] = Audit(
                        name,
                        lang,
                        passed=[rule["id"] for rule in found["passes"]],
                        violations=found["violations"],
                        incomplete=[rule["id"] for rule in found["incomplete"]],
                        width_at_320=width,
                        width_at_320_large=large,
                    )

                await visit_pages(server, lang, page, check)
                await context.close()

            page = await browser.new_page(viewport=VIEWPORT)
            await page.goto(server.seat_url())
            await page.evaluate(BREAK_THE_PAGE)
            found = (await axe.run(page, options=AXE_OPTIONS)).response
            results.control = {rule["id"] for rule in found["violations"]}
        finally:
            await close_pages(browser)
    finally:
        await server.stop()
    return results


def write_summary(audits: dict[tuple[str, str], Audit]) -> str:
    header = ("page", "lang", "rules passed", "violations", "width at 320 px", "needs review")
    rows = [header]
    for (name, lang), audit in audits.items():
        rows.append(
            (
                name,
                lang,
                str(len(audit.passed)),
                str(len(audit.violations)),
                str(audit.width_at_320),
                ", ".join(audit.incomplete) or "-",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    total = sum(len(a.violations) for a in audits.values())
    lines += [
        "",
        f"axe-core WCAG 2.0/2.1 A+AA ({', '.join(WCAG_TAGS)}): "
        f"{len(audits)} page views, {total} violations",
    ]
    text = "\n".join(line.rstrip() for line in lines) + "\n"
    artifact("axe-summary.txt").write_text(text, encoding="utf-8")
    return text


def _save(results: Results, path: Path) -> None:
    pages = [asdict(audit) for audit in results.pages.values()]
    path.write_text(json.dumps({"pages": pages, "control": sorted(results.control)}))


def _load(path: Path) -> Results:
    saved = json.loads(path.read_text())
    audits = [Audit(**audit) for audit in saved["pages"]]
    return Results({(a.page, a.lang): a for a in audits}, set(saved["control"]))


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def results(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Results:
    """axe's results, found once per run (``tests/once.py``): the tests of this module
    run on both workers, and each visiting every page took half a minute."""
    # The worker's shared Chromium (tests/e2e/conftest.py), which fails if it is missing.
    with built_once(tmp_path_factory, "a11y") as (folder, build):
        if build:
            found = await audit_everything(folder / "m", browser)
            print("\n" + write_summary(found.pages))
            _save(found, folder / "results.json")
    return _load(folder / "results.json")


def test_axe_finds_faults_on_a_spoilt_page(results: Results) -> None:
    assert results.control >= CONTROL_RULES, sorted(results.control)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_phone_page_meets_wcag_a_and_aa(results: Results, page: str, lang: str) -> None:
    audit = results.pages[page, lang]
    assert audit.passed, f"axe checked no rule on {page} ({lang})"
    assert not audit.violations, audit.report()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_phone_page_fits_320_pixels(results: Results, page: str, lang: str) -> None:
    width = results.pages[page, lang].width_at_320
    assert width <= NARROWEST["width"], f"{page} ({lang}) is {width} px wide in a 320 px window"
    large = results.pages[page, lang].width_at_320_large
    assert large <= NARROWEST["width"], f"{page} ({lang}) is {large} px wide with 150 % text"
