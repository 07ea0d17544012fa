"""Where do I sit? Type part of a name, see that person's table in every round."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from cafe.core import meeting_seating as seating
from cafe.core.service import MeetingService
from cafe.i18n import t
from cafe.tui.text_match import fold

MAX_SHOWN = 8


def where_lines(service: MeetingService, query: str) -> list[str]:
    """One line per matching present person: their table in each round."""
    needle = fold(query.strip())
    if not needle:
        return []
    plan = service.state.seating
    current = service.current_round
    lines = []
    people = [p for p in service.state.participants.values() if needle in fold(p.name)]
    for person in people[:MAX_SHOWN]:
        if not person.present:
            lines.append(t("tui.where.absent", name=person.name))
        elif seating.is_circle(plan) or (plan is None and service.circle_mode):
            lines.append(t("tui.where.circle", name=person.name))
        else:
            seats = seating.seats_of(plan, person.id)
            if not seats:
                lines.append(t("tui.where.unseated", name=person.name))
                continue
            parts = []
            for seat in seats:
                text = t(
                    "tui.where.seat_host" if seat.host else "tui.where.seat",
                    round=seat.round,
                    table=seat.table,
                )
                parts.append(f"▶ {text}" if seat.round == current else text)
            lines.append(f"{person.name}: " + " · ".join(parts))
    if len(people) > MAX_SHOWN:
        lines.append(t("tui.where.more", count=len(people) - MAX_SHOWN))
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
