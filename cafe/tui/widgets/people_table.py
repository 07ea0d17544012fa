"""The participants as a table: here or not, name, organisation, sector, host."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import DataTable

from cafe.core.participants import Participant
from cafe.core.seating.names import fold
from cafe.core.text import collation_key
from cafe.i18n import current_language, t


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

    def on_mount(self) -> None:
        self.add_column(Text(t("tui.checkin.col_present")), key="present", width=6)
        self.add_column(Text(t("tui.checkin.name")), key="name")
        self.add_column(Text(t("tui.checkin.organisation")), key="org")
        self.add_column(Text(t("tui.checkin.sector")), key="sector")
        self.add_column(Text(t("tui.checkin.host")), key="host", width=6)
        self._fill()

    def watch_people(self) -> None:
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
            self.add_row(
                Text("✓" if person.present else "·"),
                Text(person.name),
                Text(person.organisation),
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
