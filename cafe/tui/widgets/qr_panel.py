"""A QR code drawn with half blocks, large enough to scan from a projected screen."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

DARK = "#000000"
LIGHT = "#ffffff"
"""Exact hex black and white: a theme remaps named colours, and scanners need contrast."""


def qr_text(url: str) -> Text:
    """One "▀" per two modules: the top module is the foreground, the bottom the background."""
    styles = {
        (top, bottom): Style(color=DARK if top else LIGHT, bgcolor=DARK if bottom else LIGHT)
        for top in (False, True)
        for bottom in (False, True)
    }
    from cafe.qr import qr_halfblocks  # qrcode and Pillow load only when a code is shown

    text = Text(no_wrap=True, overflow="crop")
    rows = qr_halfblocks(url)
    for number, row in enumerate(rows):
        for pair in row:
            text.append("▀", style=styles[pair])
        if number + 1 < len(rows):
            text.append("\n")
    return text


class QrPanel(Static):
    """The code alone (the step shows the URL, for those who type it instead)."""

    DEFAULT_CSS = """
    QrPanel { width: auto; height: auto; }
    """

    url: reactive[str] = reactive("")
    """The address the code encodes; empty draws nothing."""

    def on_mount(self) -> None:
        self.watch_url(self.url)

    lines = 0
    """How many lines the code drawn takes (``QrBeside`` is as tall)."""

    def watch_url(self, url: str) -> None:
        code = qr_text(url) if url else Text()
        self.lines = len(code.plain.splitlines())
        self.update(code)
