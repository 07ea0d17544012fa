"""Who sits where: the tables of a round, and the rotation list between rounds."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.reactive import reactive
from textual.widgets import Label, Static

from cafe.core.seating.plan import Table
from cafe.i18n import t


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


class TableCard(Vertical):
    """One table: its number, the host marked, the others."""

    DEFAULT_CSS = """
    TableCard { height: auto; }
    TableCard > .table-name { text-style: bold; }
    """

    def __init__(
        self, seats: Table, names: dict[str, str], appointed: frozenset[str] = frozenset()
    ) -> None:
        super().__init__(classes="table-card")
        self.seats = seats
        self.names = names
        self.appointed = appointed

    def compose(self) -> ComposeResult:
        yield Label(t("tui.seating.table", table=self.seats.number), classes="table-name")
        for member in self.seats.people:
            name = self.names.get(member, member)
            if member == self.seats.host:
                key = "appointed_line" if member in self.appointed else "host_line"
                yield Label(t(f"tui.seating.{key}", name=name), classes="host", markup=False)
            else:
                yield Label(name, classes="member", markup=False)


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

    def on_mount(self) -> None:
        self._rebuild()

    def watch_tables(self) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        if not self.is_mounted:
            return
        self.remove_children()
        self.mount_all(TableCard(seats, self.names, self.appointed) for seats in self.tables)


class RotationView(Grid):
    """Everyone's name and the table to go to, alphabetical, in columns."""

    DEFAULT_CSS = """
    RotationView { height: auto; grid-size: 3; grid-gutter: 0 2; }
    RotationView > Label { width: 100%; }
    """

    entries: reactive[tuple[SeatEntry, ...]] = reactive(())
    """The lines to show, already sorted."""

    def on_mount(self) -> None:
        self._rebuild()

    def watch_entries(self) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        if not self.is_mounted:
            return
        self.remove_children()
        self.mount_all(
            Static(
                t(
                    "tui.seating.rotation_appointed"
                    if entry.appointed
                    else "tui.seating.rotation_host"
                    if entry.host
                    else "tui.seating.rotation_line",
                    name=entry.name,
                    table=entry.table,
                ),
                classes="rotation-line" + ("" if entry.moved else " -stays"),
                markup=False,
            )
            for entry in self.entries
        )
