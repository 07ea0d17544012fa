"""A QR code with its words beside it, the row exactly as tall as the code.

Stacked under a title and two paragraphs, the projector's and the co-host's codes ran
off an 80x24 console and could not be scanned. Beside the code, the words scroll in the
code's height, so the code is whole on any console it fits on.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget

from cafe.tui.widgets.qr_panel import QrPanel


class QrBeside(Horizontal):
    """``QrPanel`` for ``url`` on the left; ``words`` in a scrolling column on the right."""

    DEFAULT_CSS = """
    QrBeside { height: auto; }
    QrBeside > QrPanel { margin-right: 2; }
    QrBeside > .beside { width: 1fr; min-width: 30; height: 100%; }
    """

    def __init__(self, url: str, *words: Widget, qr_id: str | None = None) -> None:
        super().__init__()
        self.url = url
        self._words = words
        self._qr_id = qr_id

    def compose(self) -> ComposeResult:
        yield QrPanel(id=self._qr_id)
        with VerticalScroll(classes="beside", can_focus=False):
            yield from self._words

    def on_mount(self) -> None:
        panel = self.query_one(QrPanel)
        panel.url = self.url
        if panel.lines:
            self.styles.height = panel.lines
