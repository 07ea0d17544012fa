"""Text laid out in columns by one widget: what a grid of labels showed, without a widget
per cell to mount and style."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.console import Console
from rich.containers import Lines
from rich.text import Text
from textual.geometry import Size

from cafe.tui.widgets.line_drawn import LineDrawn


def wrapped(text: Text, console: Console, width: int) -> Lines:
    """``text`` wrapped to ``width``; a line that fits is itself (most names and keys do),
    without Rich's wrapping, the larger part of laying out a card or a column."""
    if text.cell_len <= width and "\n" not in text.plain and "\t" not in text.plain:
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


class ColumnText(LineDrawn):
    """A widget whose content is the lines ``lines(width)`` lays out; as tall as they are.

    The lines are laid out once per change of width, data (the reactives named in
    ``LAID_OUT_FROM``) or style. Not on every refresh: Textual measures the widget, sets
    its virtual size (which refreshes it) and then draws it, and wrapping every cell
    twice was most of the time the widget took to draw.
    """

    DEFAULT_CSS = """
    ColumnText { height: auto; }
    """
    LAID_OUT_FROM: ClassVar[tuple[str, ...]] = ()
    """The reactives ``lines`` reads."""

    _laid_out: tuple[int, tuple[object, ...], list[Text]] | None = None
    """The lines for one width and one value of each of ``LAID_OUT_FROM``."""

    def lines(self, width: int) -> list[Text]:
        raise NotImplementedError

    def laid_out(self, width: int) -> list[Text]:
        data = tuple(getattr(self, name) for name in self.LAID_OUT_FROM)
        if self._laid_out is None or self._laid_out[:2] != (width, data):
            self._laid_out = (width, data, self.lines(width))
        return self._laid_out[2]

    def drawn_lines(self, width: int) -> list[Text]:
        return self.laid_out(width)

    def notify_style_update(self) -> None:
        self._laid_out = None  # the lines carry the component classes' styles
        super().notify_style_update()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.laid_out(width))

    def render(self) -> Text:
        """All the lines as one text (what the widget shows, for reading it back)."""
        return Text("\n", end="").join(self.laid_out(self.size.width))
