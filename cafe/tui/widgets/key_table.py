"""A screen's keys and what they do, two columns, as the help screen lists them."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget


class KeyTable(Widget):
    """Each key in a column of its own, its description wrapped beside it.

    Drawn as one widget: two labels per key in a grid made the help screen about a
    hundred widgets, and ``?`` took well over a second to answer in a meeting.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-table--key"}
    DEFAULT_CSS = """
    KeyTable { height: auto; }
    """

    KEY_WIDTH = 12
    """The keys' column, in cells; the descriptions take the rest."""

    rows: reactive[tuple[tuple[str, str], ...]] = reactive((), layout=True)
    """(keys as shown, description) per key, in the registry's order."""

    def __init__(
        self, rows: tuple[tuple[str, str], ...] = (), *, classes: str | None = None
    ) -> None:
        super().__init__(classes=classes)
        self.set_reactive(KeyTable.rows, rows)

    def _lines(self, width: int) -> list[Text]:
        key_style = self.get_component_rich_style("key-table--key")
        text_width = max(1, width - self.KEY_WIDTH)
        console = self.app.console
        lines: list[Text] = []
        for keys, description in self.rows:
            shown_keys = Text(keys, style=key_style).wrap(console, self.KEY_WIDTH)
            described = Text(description).wrap(console, text_width)
            for number in range(max(len(shown_keys), len(described))):
                line = Text(end="")
                if number < len(shown_keys):
                    line.append_text(shown_keys[number])
                line.append(" " * (self.KEY_WIDTH - line.cell_len))  # unstyled, as a gap is
                if number < len(described):
                    line.append_text(described[number])
                lines.append(line)
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Text:
        return Text("\n", end="").join(self._lines(self.size.width))
