"""Text laid out in columns by one widget: what a grid of labels showed, without a widget
per cell to mount and style."""

from __future__ import annotations

from collections.abc import Sequence

from rich.containers import Lines
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget


def side_by_side(cells: Sequence[Lines], widths: Sequence[int], gap: int = 0) -> list[Text]:
    """One row's wrapped cells as screen lines, each cell in its column; the blanks that
    fill a column are unstyled, as the space between labels was."""
    lines: list[Text] = []
    for number in range(max(len(cell) for cell in cells)):
        line = Text(end="")
        for index, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            if index:
                line.append(" " * gap)
            start = line.cell_len
            if number < len(cell):
                line.append_text(cell[number])
            if index < len(cells) - 1:
                line.append(" " * (start + width - line.cell_len))
        lines.append(line)
    return lines


class ColumnText(Widget):
    """A widget whose content is the lines ``lines(width)`` lays out; as tall as they are."""

    DEFAULT_CSS = """
    ColumnText { height: auto; }
    """

    def lines(self, width: int) -> list[Text]:
        raise NotImplementedError

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Text:
        return Text("\n", end="").join(self.lines(self.size.width))
