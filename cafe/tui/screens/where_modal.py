"""Where do I sit? Type the start of a name, see that person's table in every round."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from cafe.core.service import MeetingService
from cafe.i18n import t

MAX_SHOWN = 8


def where_lines(service: MeetingService, query: str) -> list[str]:
    """One line per person named like ``query`` (the rule the phone page uses too):
    their table in each round, or why they have none."""
    plan = service.state.seating_plan
    current = service.current_round
    found = plan.find(query, service.state.participants.values())
    lines = []
    for match in found[:MAX_SHOWN]:
        person = match.person
        if not person.present:
            lines.append(t("tui.where.absent", name=person.name))
        elif service.sits_in_circle:
            lines.append(t("tui.where.circle", name=person.name))
        elif not match.seats:
            lines.append(t("tui.where.unseated", name=person.name))
        else:
            parts = []
            for seat in match.seats:
                text = t(
                    "tui.where.seat_host" if seat.host else "tui.where.seat",
                    round=seat.round,
                    table=seat.table,
                )
                parts.append(f"▶ {text}" if seat.round == current else text)
            lines.append(f"{person.name}: " + " · ".join(parts))
    if len(found) > MAX_SHOWN:
        lines.append(t("tui.where.more", count=len(found) - MAX_SHOWN))
    return lines


class WhereModal(ModalScreen[None]):
    """A search box and the answer in large type; Esc closes."""

    DEFAULT_CSS = """
    WhereModal { align: center middle; }
    WhereModal > Vertical { width: 90%; height: auto; max-height: 90%; padding: 1 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", show=False)]

    def __init__(self, service: MeetingService) -> None:
        super().__init__()
        self.service = service

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("tui.where.title"), classes="dialog-title")
            yield Input(placeholder=t("tui.where.placeholder"), id="where-input")
            yield Static("", id="where-result", classes="where-result big", markup=False)
            yield Label(t("tui.where.hint"), classes="caption")

    @on(Input.Changed)
    def search(self, event: Input.Changed) -> None:
        lines = where_lines(self.service, event.value)
        if event.value.strip() and not lines:
            lines = [t("tui.where.nobody", query=event.value.strip())]
        self.query_one("#where-result", Static).update("\n".join(lines))

    @on(Input.Submitted)
    def close(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(None)
