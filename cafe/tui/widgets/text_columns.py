"""Text laid out in columns by one widget: what a grid of labels showed, without a widget
per cell to mount and style."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Self

from rich.console import Console
from rich.containers import Lines
from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget


def wrapped(text: Text, console: Console, width: int) -> Lines:
    """``text`` wrapped to ``width``; a line that fits is itself (most names and keys do),
    without Rich's wrapping, the larger part of laying out a card or a column."""
    if text.cell_len <= width and "\n" not in text.plain:
        return Lines([text])
    return text.wrap(console, width)


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
    """A widget whose content is the lines ``lines(width)`` lays out; as tall as they are.

    The lines are laid out once per change: Textual asks for the height, then renders,
    and wrapping every cell twice was most of the time the widget took to draw. They are
    drawn line by line (Textual's line API): the lines already fit the width, and making
    them into ``Content`` to wrap and place again cost more than laying them out.
    """

    DEFAULT_CSS = """
    ColumnText { height: auto; }
    """
    ALLOW_SELECT = False
    """Drawn lines carry no offsets for the mouse to select by."""

    _laid_out: tuple[int, list[Text]] | None = None
    """The lines for one width, until the next refresh (a change of data or style)."""
    _strips: tuple[Style, dict[int, Strip]] | None = None
    """The widget's style (worked out from its ancestors') and the drawn lines of
    ``_laid_out`` by line number, as they are asked for."""

    def lines(self, width: int) -> list[Text]:
        raise NotImplementedError

    def laid_out(self, width: int) -> list[Text]:
        if self._laid_out is None or self._laid_out[0] != width:
            self._laid_out = (width, self.lines(width))
            self._strips = None
        return self._laid_out[1]

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        self._laid_out = None  # every change of data (reactives) or style comes here
        self._strips = None
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.laid_out(width))

    def render(self) -> Text:
        """All the lines as one text (what the widget shows, for reading it back)."""
        return Text("\n", end="").join(self.laid_out(self.size.width))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        lines = self.laid_out(width)
        if self._strips is None:
            self._strips = (self.rich_style, {})
        style, strips = self._strips
        strip = strips.get(y)
        if strip is None:
            if y < len(lines):
                text = lines[y]
                strip = Strip(text.render(self.app.console, end=""), text.cell_len)
                strip = strip.adjust_cell_length(width).apply_style(style)
            else:
                strip = Strip.blank(width, style)
            strips[y] = strip
        return strip
