"""The participants as a table: here or not, name, organisation, sector, host."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import DataTable

from cafe.core.participants import Participant, Sector
from cafe.core.seating.names import fold
from cafe.core.text import collation_key
from cafe.i18n import current_language, t

SCROLLBAR = 2
"""The table's vertical scrollbar, whenever the list is longer than the screen."""
MIN_NAME = 12
MIN_ORG = 8


def _sector_width() -> int:
    """The longest sector word in the reader's language ("civilsamhälle")."""
    return max(len(t(f"tui.sector.{sector.value}")) for sector in Sector)


def _cut(text: str, width: int | None) -> Text:
    """``text`` whole, or cut to ``width`` with "…" (the row's full text is one search away)."""
    cell = Text(text)
    if width is not None:
        cell.truncate(width, overflow="ellipsis")
    return cell


class PeopleTable(DataTable[Text]):
    """Rows keyed by participant id; Enter or space toggles "present"."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,space", "toggle_present", show=False)]

    class PresenceToggled(Message):
        def __init__(self, participant_id: str, present: bool) -> None:
            super().__init__()
            self.participant_id = participant_id
            self.present = present

    people: reactive[tuple[Participant, ...]] = reactive(())
    """Everyone registered (shown in alphabetical order)."""
    filter_text: reactive[str] = reactive("")
    """Only rows whose name or organisation contains this (accents ignored)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    _widths: tuple[int | None, int | None] = (None, None)
    """The name and organisation columns' widths; ``None``: as wide as their text."""

    def on_mount(self) -> None:
        self._add_columns()
        self._fill()

    def _add_columns(self) -> None:
        name_width, org_width = self._widths
        present, host = t("tui.checkin.col_present"), t("tui.checkin.host")
        self.add_column(Text(present), key="present", width=max(2, len(present)))
        self.add_column(Text(t("tui.checkin.name")), key="name", width=name_width)
        self.add_column(Text(t("tui.checkin.organisation")), key="org", width=org_width)
        self.add_column(Text(t("tui.checkin.sector")), key="sector", width=_sector_width())
        self.add_column(Text(host), key="host", width=max(2, len(host)))

    def on_resize(self) -> None:
        self._refit()

    def _fitted_widths(self) -> tuple[int | None, int | None]:
        """Name and organisation share what the other columns leave; a long organisation
        ("Västerås stad, Äldreförvaltningen") pushed the sector and host columns off an
        80-column screen, so the two are cut with "…" when both do not fit whole."""
        fixed = (
            max(2, len(t("tui.checkin.col_present")))
            + _sector_width()
            + max(2, len(t("tui.checkin.host")))
        )
        spare = self.size.width - fixed - 2 * self.cell_padding * 5 - SCROLLBAR
        names = max((cell_len(p.name) for p in self.people), default=0)
        orgs = max((cell_len(p.organisation) for p in self.people), default=0)
        names = max(names, cell_len(t("tui.checkin.name")))
        orgs = max(orgs, cell_len(t("tui.checkin.organisation")))
        if spare <= 0 or names + orgs <= spare:
            return None, None
        name_width = max(MIN_NAME, min(names, spare * 11 // 20))
        return name_width, max(MIN_ORG, spare - name_width)

    def _refit(self) -> None:
        widths = self._fitted_widths()
        if widths == self._widths or not self.is_mounted:
            return
        self._widths = widths
        self.clear(columns=True)
        self._add_columns()
        self._fill()

    def watch_people(self) -> None:
        if self.is_mounted and self._fitted_widths() != self._widths:
            self._refit()
        else:
            self._fill()

    def watch_filter_text(self) -> None:
        self._fill()

    def visible_people(self) -> list[Participant]:
        needle = fold(self.filter_text.strip())
        found = [
            p
            for p in self.people
            if not needle or needle in fold(p.name) or needle in fold(p.organisation)
        ]
        # Alphabetical in the reader's language (... Z, Å, Ä, Ö in Swedish): a name at the
        # door is found where the eye expects it.
        return sorted(found, key=lambda p: collation_key(p.name, current_language()))

    def _fill(self) -> None:
        if not self.is_mounted or not self.columns:
            return
        keep = self.current_id
        self.clear()
        for person in self.visible_people():
            name_width, org_width = self._widths
            self.add_row(
                Text("✓" if person.present else "·"),
                _cut(person.name, name_width),
                _cut(person.organisation, org_width),
                Text(t(f"tui.sector.{person.sector.value}")),
                Text("★" if person.host else ""),
                key=person.id,
            )
        if keep is not None:
            try:
                self.move_cursor(row=self.get_row_index(keep))
            except Exception:
                return

    @property
    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        try:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        except Exception:
            return None
        return key.value

    def action_toggle_present(self) -> None:
        pid = self.current_id
        person = next((p for p in self.people if p.id == pid), None)
        if person is not None:
            self.post_message(self.PresenceToggled(person.id, not person.present))
