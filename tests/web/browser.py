"""For the phone browser tests (tests/e2e): Debian's Chromium, a real QR decoder, artefacts."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.async_api import Browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
"""Screenshots for people to look at (gitignored, rewritten on every run)."""

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOOPBACK = "127.0.0.1"
"""The "LAN address" injected into the server: tests only ever talk to loopback."""


def decode_qr(image: Path) -> str:
    """The URL in a QR image, read by zbarimg as a phone camera would."""
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, f"zbarimg could not read {image}: {result.stderr}"
    return result.stdout.strip()


def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    path.unlink(missing_ok=True)
    return path


async def close_pages(browser: Browser) -> None:
    """Close every page a test opened in the shared browser (each page or context of a
    test is its own context), before the test stops its server: open live pages would
    hold the server's connections."""
    for context in browser.contexts:
        await context.close()
