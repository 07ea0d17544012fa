"""Moderation: the co-hosts take junk or a person's data off every screen and report.

Each list shows everything, newest first; ``/`` searches all three (150 ideas from the
tables' phones, and the rude one a hundred rows down); ``Del`` removes the highlighted
item or brings a removed one back, ``Ctrl+Z`` undoes the last removal made here. A
removal is an event (who and when are in the log) and the item leaves the projector, the
word cloud, the TUI and every report at once.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from cafe.core.errors import CafeError
from cafe.core.service import MeetingService
from cafe.i18n import t
from cafe.tui.bindings import install
from cafe.tui.messages import MeetingChanged
from cafe.tui.moderation_data import (
    ModerationRow,
    checkout_rows,
    phone_idea_rows,
    signup_rows,
)
from cafe.tui.widgets.key_footer import KeyFooter
from cafe.tui.widgets.meeting_header import MeetingHeader

LISTS = ("signups", "checkout", "ideas")


class ModerationScreen(Screen[None]):
    """Three lists: sign-ups, check-out thoughts, ideas from phones."""

    CSS_PATH = "moderation_screen.tcss"
    SCOPE = "moderation"

    def __init__(self, service: MeetingService) -> None:
        super().__init__(id="moderation")
        install(self, "moderation")
        self.service = service
        self._rows: dict[str, list[ModerationRow]] = {name: [] for name in LISTS}
        self._undo: list[ModerationRow] = []
        self._search = ""

    def compose(self) -> ComposeResult:
        header = MeetingHeader()
        header.title = self.service.agenda.meta.title
        header.challenge = self.service.agenda.meta.challenge
        header.mode = t("tui.moderation.mode")
        yield header
        yield Label(t("tui.moderation.hint"), classes="caption")
        yield Input(placeholder=t("tui.moderation.search"), id="moderation-search")
        for name in LISTS:
            with Vertical(classes="moderation-list"):
                yield Label("", id=f"{name}-title", classes="list-title", markup=False)
                yield OptionList(id=name, markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_lists()
        self.query_one("#signups", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_lists()

    def action_search(self) -> None:
        self.query_one("#moderation-search", Input).focus()

    @on(Input.Changed, "#moderation-search")
    def search(self, event: Input.Changed) -> None:
        self._search = " ".join(event.value.casefold().split())
        self.refresh_lists()

    @on(Input.Submitted, "#moderation-search")
    def to_the_found(self) -> None:
        """Enter: to the first list with a row found, to remove it with Del."""
        for name in LISTS:
            if self._rows[name]:
                self.query_one(f"#{name}", OptionList).focus()
                return

    @on(MeetingChanged)
    def refresh_lists(self) -> None:
        names = {th.id: th.name for th in self.service.state.themes.values()}
        every = {
            "signups": signup_rows(self.service, names),
            "checkout": checkout_rows(self.service),
            "ideas": phone_idea_rows(self.service),
        }
        self._rows = {
            name: [row for row in rows if self._search in " ".join(row.text.casefold().split())]
            for name, rows in every.items()
        }
        for name, all_rows in every.items():
            rows = self._rows[name]
            live = sum(1 for row in all_rows if not row.removed)
            self.query_one(f"#{name}-title", Label).update(
                t(
                    f"tui.moderation.{name}",
                    count=len(all_rows) - live,
                    live=live,
                    removed=len(all_rows) - live,
                )
            )
            options = self.query_one(f"#{name}", OptionList)
            keep = options.highlighted
            options.clear_options()
            options.add_options(
                [
                    Option(
                        t(_said(row, "removed_row"), text=row.text) if row.removed else row.text,
                        id=row.id,
                    )
                    for row in rows
                ]
                or [
                    Option(
                        t("tui.moderation.not_found" if self._search else "tui.moderation.empty"),
                        disabled=True,
                    )
                ]
            )
            if rows:
                options.highlighted = min(keep or 0, len(rows) - 1)

    def _highlighted(self) -> ModerationRow | None:
        """The highlighted row of the focused list only: keys never act on another list."""
        focused = self.focused
        if not isinstance(focused, OptionList) or focused.id not in self._rows:
            return None
        rows = self._rows[focused.id]
        index = focused.highlighted
        return rows[index] if index is not None and index < len(rows) else None

    def _apply(self, row: ModerationRow, remove: bool) -> bool:
        service = self.service
        actions = {
            ("signup", True): service.withdraw_signup,
            ("signup", False): service.restore_signup,
            ("checkout", True): service.remove_checkout,
            ("checkout", False): service.restore_checkout,
            ("idea", True): service.delete_idea,
        }
        try:
            if (row.kind, remove) == ("idea", False):
                service.restore_idea(row.id)
            else:
                actions[row.kind, remove](row.id, by="tui")
        except CafeError as error:
            self.notify(str(error), severity="warning")
            return False
        return True

    def action_toggle_removed(self) -> None:
        row = self._highlighted()
        if row is None:
            self.notify(t("tui.moderation.nothing"), severity="warning")
            return
        if self._apply(row, not row.removed):
            if not row.removed:
                self._undo.append(row)
            if row.removed:
                self.notify(t("tui.moderation.restored", text=row.text))
            else:
                self.notify(t(_said(row, "removed"), text=row.text))

    def action_undo(self) -> None:
        while self._undo:
            row = self._undo.pop()
            if self._apply(row, False):
                self.notify(t("tui.moderation.restored", text=row.text))
                return
        self.notify(t("tui.moderation.nothing_to_undo"), severity="warning")


def _said(row: ModerationRow, key: str) -> str:
    """An idea is hidden ("dold"), as its list's title and the console say; a sign-up or
    a thought is removed ("borttagen")."""
    return f"tui.moderation.{key}_idea" if row.kind == "idea" else f"tui.moderation.{key}"
