"""A screen's keys and what they do, two columns, as the help screen lists them."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive

from cafe.tui.widgets.text_columns import ColumnText, side_by_side, wrapped


class KeyTable(ColumnText):
    """Each key in a column of its own, its description wrapped beside it.

    Drawn as one widget: two labels per key in a grid made the help screen about a
    hundred widgets, and ``?`` took well over a second to answer in a meeting.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-table--key"}

    LAID_OUT_FROM = ("rows",)
    KEY_WIDTH = 12
    """The keys' column, in cells; the descriptions take the rest."""

    rows: reactive[tuple[tuple[str, str], ...]] = reactive((), layout=True)
    """(keys as shown, description) per key, in the registry's order."""

    def __init__(
        self, rows: tuple[tuple[str, str], ...] = (), *, classes: str | None = None
    ) -> None:
        super().__init__(classes=classes)
        self.set_reactive(KeyTable.rows, rows)

    def lines(self, width: int) -> list[Text]:
        key_style = self.get_component_rich_style("key-table--key")
        widths = (self.KEY_WIDTH, max(1, width - self.KEY_WIDTH))
        console = self.app.console
        lines: list[Text] = []
        for keys, description in self.rows:
            cells = (Text(keys, style=key_style), Text(description))
            column_cells = [
                wrapped(cell, console, cell_width)
                for cell, cell_width in zip(cells, widths, strict=True)
            ]
            lines += side_by_side(column_cells, widths)
        return lines
