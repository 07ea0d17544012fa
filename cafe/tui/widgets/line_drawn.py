"""Widgets that draw their own lines: text they lay out to their width themselves."""

from __future__ import annotations

from typing import Self

from rich.style import Style
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


class LineDrawn(Widget):
    """A widget whose lines (``drawn_lines``) are drawn one by one (Textual's line API).

    The lines already fit the width: the widget laid them out, cut or padded them. Made
    into ``Content``, Textual would wrap and place them again, which cost more than the
    laying out (the table cards, the rail, the footer). Left-aligned text only:
    ``text-align`` does not apply.
    """

    ALLOW_SELECT = False
    """Drawn lines carry no offsets for the mouse to select by."""

    _drawn: tuple[int, Style, list[Text], dict[int, Strip]] | None = None
    """For one width, until the next refresh or change of style: the widget's style
    (worked out from its ancestors'), its lines, and those drawn so far by number."""

    def drawn_lines(self, width: int) -> list[Text]:
        """The lines at ``width``: by default what ``render`` gives, line by line."""
        rendered = self.render()
        assert isinstance(rendered, Text)
        return list(rendered.split("\n", allow_blank=True))

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        self._drawn = None  # every change of data (reactives) comes here
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def notify_style_update(self) -> None:
        self._drawn = None
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if self._drawn is None or self._drawn[0] != width:
            self._drawn = (width, self.rich_style, self.drawn_lines(width), {})
        _width, style, lines, strips = self._drawn
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
