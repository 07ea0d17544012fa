"""Who sits where: the tables of a round, and the rotation list between rounds."""

from __future__ import annotations

from fractions import Fraction
from math import floor
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.containers import Lines
from rich.style import Style
from rich.text import Text
from textual.reactive import reactive

from cafe.core.seating.plan import Table
from cafe.i18n import t
from cafe.tui.widgets.text_columns import ColumnText, side_by_side, wrapped


class SeatEntry(NamedTuple):
    """One line of the rotation list: a name and the table to go to."""

    name: str
    table: int
    host: bool = False
    moved: bool = True
    """Changes table this round (hosts and the first round: ``False``)."""
    appointed: bool = False
    """A host the planner chose (nobody volunteered): marked so the co-hosts brief them."""


class SeatingView(ColumnText):
    """A card per table for the round under way: its number, the host marked ★ (☆ when
    the planner chose them), the others; as many cards across as fit, at most four.

    Drawn as one widget: a card used to be a widget of its own (and before that a label
    per person), eight widgets to mount, style and render before the first frame.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "seating-view--border",
        "seating-view--name",
        "seating-view--host",
    }
    DEFAULT_CSS = """
    SeatingView > .seating-view--name { text-style: bold; }
    """

    LAID_OUT_FROM = ("tables", "names", "appointed")
    MIN_CARD = 19
    """The narrowest card (border included): four across at 120 columns, two at 80."""
    MAX_ACROSS = 4
    GUTTER = 2
    """Blank columns between two cards; a blank line is between two rows of them."""

    tables: reactive[tuple[Table, ...]] = reactive((), layout=True)
    """The round's tables, from the stored plan."""
    names: reactive[dict[str, str]] = reactive(dict, layout=True)
    """Participant id → name."""
    appointed: reactive[frozenset[str]] = reactive(frozenset(), layout=True)
    """Hosts the planner chose (nobody volunteered)."""

    def __init__(
        self,
        tables: tuple[Table, ...] = (),
        names: dict[str, str] | None = None,
        appointed: frozenset[str] = frozenset(),
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.set_reactive(SeatingView.tables, tables)
        self.set_reactive(SeatingView.names, dict(names or {}))
        self.set_reactive(SeatingView.appointed, appointed)

    def card_texts(self, seats: Table) -> list[Text]:
        """A card's lines before wrapping: the table, then its people, the host first."""
        lines = [
            Text(
                t("tui.seating.table", table=seats.number),
                style=self.get_component_rich_style("seating-view--name"),
            )
        ]
        host = self.get_component_rich_style("seating-view--host")
        for member in seats.people:
            name = self.names.get(member, member)
            if member == seats.host:
                key = "appointed_line" if member in self.appointed else "host_line"
                lines.append(Text(t(f"tui.seating.{key}", name=name), style=host))
            else:
                lines.append(Text(name))
        return lines

    def lines(self, width: int) -> list[Text]:
        """The screen lines at ``width``: the cards row by row, as a grid laid them out."""
        if not self.tables:
            return []
        across = max(
            1, min(self.MAX_ACROSS, (width + self.GUTTER) // (self.MIN_CARD + self.GUTTER))
        )
        unit = Fraction(max(across, width - self.GUTTER * (across - 1)), across)
        widths = [floor(unit * (i + 1)) - floor(unit * i) for i in range(across)]
        border = self.get_component_rich_style("seating-view--border")
        lines: list[Text] = []
        for start in range(0, len(self.tables), across):
            if start:
                lines.append(Text(end=""))
            row = self.tables[start : start + across]
            cards = [
                self._card(seats, card_width, border)
                for seats, card_width in zip(row, widths, strict=False)
            ]
            lines += side_by_side(cards, widths[: len(cards)], self.GUTTER)
        return lines

    def _card(self, seats: Table, width: int, border: Style) -> Lines:
        """One card ``width`` cells wide: a rounded border, a blank either side inside."""
        inner = max(1, width - 4)
        body = Lines()
        for text in self.card_texts(seats):
            body.extend(wrapped(text, self.app.console, inner))
        card = Lines([Text.assemble(("╭" + "─" * (width - 2) + "╮", border), end="")])
        for text in body:
            line = Text(end="")
            line.append("│", style=border)
            line.append(" ")
            line.append_text(text)
            line.append(" " * (inner - text.cell_len) + " ")
            line.append("│", style=border)
            card.append(line)
        card.append(Text.assemble(("╰" + "─" * (width - 2) + "╯", border), end=""))
        return card


class RotationView(ColumnText):
    """Everyone's name and the table to go to, alphabetical, in columns.

    Drawn as one widget: a line per person used to be a widget each, and a hundred of
    them to mount and style made the step into a round wait about half a second.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"rotation-view--stays"}

    LAID_OUT_FROM = ("entries",)
    MIN_COLUMN = 20
    """The narrowest column: as many columns as fit (at most three), as on a grid."""
    GUTTER = 2

    entries: reactive[tuple[SeatEntry, ...]] = reactive((), layout=True)
    """The lines to show, already sorted."""

    @staticmethod
    def _key(entry: SeatEntry) -> str:
        return (
            "tui.seating.rotation_appointed"
            if entry.appointed
            else "tui.seating.rotation_host"
            if entry.host
            else "tui.seating.rotation_line"
        )

    def texts(self) -> list[str]:
        """Each person's line, in order (what the columns show)."""
        return [t(self._key(e), name=e.name, table=e.table) for e in self.entries]

    def _cell(self, entry: SeatEntry, style: Style | str, width: int) -> Lines:
        """One person's line in a column ``width`` wide. Where to go ("→ bord 2") is never
        split: when wrapping would split it, the line breaks before it instead, so nobody
        reads "→ bord" and has to find the number on the next line while the room moves."""
        text = t(self._key(entry), name=entry.name, table=entry.table)
        whole = wrapped(Text(text, style=style), self.app.console, width)
        if len(whole) == 1:
            return whole
        head, _, rest = t(self._key(entry)).partition("{name}")  # the unformatted template
        head, rest = head.format(table=entry.table), rest.format(table=entry.table)
        table = str(entry.table)
        end = rest.find(table)
        if end < 0 or any(rest[: end + len(table)].strip() in line.plain for line in whole):
            return whole  # kept whole, or a catalogue that names the table before the name
        cell = wrapped(Text(head + entry.name, style=style), self.app.console, width)
        tail = rest.strip()
        if cell[-1].cell_len + 1 + cell_len(tail) <= width:
            cell[-1] = Text.assemble(cell[-1], " ", tail, style=style, end="")
        else:
            cell.extend(wrapped(Text(tail, style=style), self.app.console, width))
        return cell

    def lines(self, width: int) -> list[Text]:
        """The screen lines at ``width``: entries row by row, each wrapped in its column."""
        columns = max(1, min(3, (width + self.GUTTER) // (self.MIN_COLUMN + self.GUTTER)))
        column = max(1, (width - self.GUTTER * (columns - 1)) // columns)
        stays = self.get_component_rich_style("rotation-view--stays")
        cells = [
            self._cell(entry, stays if not entry.moved else "", column) for entry in self.entries
        ]
        lines: list[Text] = []
        for start in range(0, len(cells), columns):
            row = cells[start : start + columns]
            lines += side_by_side(row, [column] * len(row), self.GUTTER)
        return lines
