"""Who sits where: the tables of a round, and the rotation list between rounds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid
from textual.reactive import reactive
from textual.widget import Widget

from cafe.core.seating.plan import Table
from cafe.i18n import t
from cafe.tui.widgets.text_columns import ColumnText, side_by_side


@dataclass(frozen=True, slots=True)
class SeatEntry:
    """One line of the rotation list: a name and the table to go to."""

    name: str
    table: int
    host: bool = False
    moved: bool = True
    """Changes table this round (hosts and the first round: ``False``)."""
    appointed: bool = False
    """A host the planner chose (nobody volunteered): marked so the co-hosts brief them."""


class TableCard(Widget):
    """One table: its number, the host marked, the others.

    Drawn as one widget (a card used to be a label per person: with 8 tables, forty
    widgets to mount and style before the first frame).
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"table-card--name", "table-card--host"}
    DEFAULT_CSS = """
    TableCard { height: auto; }
    TableCard > .table-card--name { text-style: bold; }
    """

    def __init__(
        self, seats: Table, names: dict[str, str], appointed: frozenset[str] = frozenset()
    ) -> None:
        super().__init__(classes="table-card")
        self.seats = seats
        self.names = names
        self.appointed = appointed

    def render(self) -> Text:
        card = Text(end="")
        card.append(
            t("tui.seating.table", table=self.seats.number),
            style=self.get_component_rich_style("table-card--name"),
        )
        for member in self.seats.people:
            name = self.names.get(member, member)
            card.append("\n")
            if member == self.seats.host:
                key = "appointed_line" if member in self.appointed else "host_line"
                host = self.get_component_rich_style("table-card--host")
                card.append(t(f"tui.seating.{key}", name=name), style=host)
            else:
                card.append(name)
        return card


class SeatingView(Grid):
    """A card per table for the round under way (the host marked ★)."""

    DEFAULT_CSS = """
    SeatingView { height: auto; grid-size: 4; grid-gutter: 1 2; }
    """

    tables: reactive[tuple[Table, ...]] = reactive(())
    """The round's tables, from the stored plan."""
    names: reactive[dict[str, str]] = reactive(dict)
    """Participant id → name."""
    appointed: frozenset[str] = frozenset()
    """Hosts the planner chose (set before ``tables``)."""

    _built: tuple[object, ...] | None = None
    """What the cards show now: a refresh that changes nothing mounts nothing."""

    def __init__(
        self,
        tables: tuple[Table, ...] = (),
        names: dict[str, str] | None = None,
        appointed: frozenset[str] = frozenset(),
        *,
        id: str | None = None,
    ) -> None:
        """The tables known when the view is built are composed with it: mounted after,
        they would be a second round of mounting and styling before the first frame."""
        super().__init__(id=id)
        self.set_reactive(SeatingView.tables, tables)
        self.set_reactive(SeatingView.names, dict(names or {}))
        self.appointed = appointed

    def compose(self) -> ComposeResult:
        self._built = (self.tables, dict(self.names), self.appointed)
        for seats in self.tables:
            yield TableCard(seats, self.names, self.appointed)

    def on_mount(self) -> None:
        self._rebuild()

    def watch_tables(self) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        if not self.is_mounted:
            return
        shown = (self.tables, dict(self.names), self.appointed)
        if shown == self._built:
            return
        self._built = shown
        self.remove_children()
        self.mount_all(TableCard(seats, self.names, self.appointed) for seats in self.tables)


class RotationView(ColumnText):
    """Everyone's name and the table to go to, alphabetical, in columns.

    Drawn as one widget: a line per person used to be a widget each, and a hundred of
    them to mount and style made the step into a round wait about half a second.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"rotation-view--stays"}

    MIN_COLUMN = 20
    """The narrowest column: as many columns as fit (at most three), as on a grid."""
    GUTTER = 2

    entries: reactive[tuple[SeatEntry, ...]] = reactive((), layout=True)
    """The lines to show, already sorted."""

    def texts(self) -> list[str]:
        """Each person's line, in order (what the columns show)."""
        return [
            t(
                "tui.seating.rotation_appointed"
                if entry.appointed
                else "tui.seating.rotation_host"
                if entry.host
                else "tui.seating.rotation_line",
                name=entry.name,
                table=entry.table,
            )
            for entry in self.entries
        ]

    def lines(self, width: int) -> list[Text]:
        """The screen lines at ``width``: entries row by row, each wrapped in its column."""
        columns = max(1, min(3, (width + self.GUTTER) // (self.MIN_COLUMN + self.GUTTER)))
        column = max(1, (width - self.GUTTER * (columns - 1)) // columns)
        stays = self.get_component_rich_style("rotation-view--stays")
        cells = [
            Text(text, style=stays if not entry.moved else "").wrap(self.app.console, column)
            for entry, text in zip(self.entries, self.texts(), strict=True)
        ]
        lines: list[Text] = []
        for start in range(0, len(cells), columns):
            row = cells[start : start + columns]
            lines += side_by_side(row, [column] * len(row), self.GUTTER)
        return lines
