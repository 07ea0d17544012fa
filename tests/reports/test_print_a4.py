"""summary.html printed to A4 by Chromium: no e-mail address or phone number is broken
across lines (the issue saw "anna.lindqvist@hageby.s / e" on paper)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from playwright.async_api import async_playwright

from cafe.reports.build import build_report
from tests.meetings import new_meeting
from tests.web.browser import CHROMIUM, CHROMIUM_ARGS

CONTACTS = [
    ("Anna Lindqvist", "Hageby kommun, socialförvaltningen", "anna.lindqvist@hageby.se", ""),
    (
        "Britt-Marie Nyström-Åkesson",
        "Pensionärernas riksorganisation, Hageby-Ödeby",
        "britt-marie.nystrom-akesson@pensionarerna-hageby.se",
        "070-123 45 67",
    ),
    (
        "Karl-Johan Östlund",
        "Röda Korsets ungdomsförbund, krets Hageby",
        "karl-johan.ostlund@rodakorset-hageby.org",
        "+46 70 987 65 43",
    ),
    (
        "Li Wei",
        "Kinesiska kulturföreningen i Hageby",
        "li.wei@kulturforeningen.se",
        "08-555 123 45",
    ),
]


async def test_no_address_or_number_is_split_on_a4(tmp_path: Path) -> None:
    service = new_meeting(tmp_path / "m")
    theme = service.create_theme("Mötesplatser för äldre i alla stadsdelar", signup=True)
    for name, organisation, email, phone in CONTACTS:
        service.sign_up(
            name=name,
            organisation=organisation,
            email=email,
            phone=phone,
            themes=[theme.id],
            consent=True,
        )
    build_report(service, tmp_path / "out")
    service.log.close()
    summary = tmp_path / "out" / "summary.html"
    pdf = tmp_path / "summary.pdf"
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page()
            await page.goto(summary.as_uri())
            await page.emulate_media(media="print")
            await page.pdf(path=str(pdf), format="A4", print_background=True)
        finally:
            await browser.close()
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    html = summary.read_text(encoding="utf-8")
    lines = text.splitlines()
    words = {
        w
        for name, organisation, _, _ in CONTACTS
        for w in re.split(r"[ ,-]+", f"{name} {organisation}")
        if w
    }
    assert [w for w in sorted(words) if w not in text] == [], "names wrap between words only"
    for _, _, email, phone in CONTACTS:
        for contact in filter(None, (email, phone)):
            whole = sum(line.count(contact) for line in lines)
            assert whole == html.count(contact) >= 1, f"{contact} is split on the printed page"
