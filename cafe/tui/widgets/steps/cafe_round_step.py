"""A café round: the question large, the timer, and who sits where.

Before the round's timer starts the view is the rotation screen (everyone's name and
the table to go to); once it runs, the tables with their hosts. In a circle meeting
there are no tables: everyone keeps their place in the circle.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Static

from cafe.core import meeting_seating as seating
from cafe.core.participants import Participant, namesake_organisations, told_apart
from cafe.core.seating.plan import Table
from cafe.core.service import MeetingService
from cafe.core.text import collation_key
from cafe.i18n import current_language, t
from cafe.tui.widgets.seating_view import RotationView, SeatEntry, SeatingView
from cafe.tui.widgets.step_view import StepView


class CafeRoundView(StepView):
    """The rotation list, the tables or the circle: the class ``-rotation``, ``-seated``
    or ``-circle`` names the mode, and the view composes that mode's part alone."""

    def compose(self) -> ComposeResult:
        step = self.step
        assert step is not None
        rounds = seating.cafe_round_count(self.service)
        number = step.round or 0
        plain = t("tui.round.heading_plain", round=number, rounds=rounds)
        # "Runda 2 av 4 · Runda 2" says it twice: the title only when it adds something.
        said = step.title.strip().casefold() in plain.casefold()
        yield Label(
            plain
            if said
            else t("tui.round.heading", round=number, rounds=rounds, title=step.title),
            classes="step-title",
            markup=False,
        )
        with Horizontal(classes="round-top"):
            yield Static(step.question or step.text, classes="question big", markup=False)
            if self.timed:
                yield self.round_timer()
        # Only what the mode shows: the other modes' widgets, hidden, were a sixth of the
        # meeting screen to mount and style before its first frame. A change of mode (the
        # round's timer starts) composes the view again.
        self._composed_mode = mode = self.mode()
        if mode == "rotation":
            with Vertical(classes="rotation-box"):
                yield Label(
                    self._rotation_heading(), id="rotation-heading", classes="rotation-heading"
                )
                rotation = RotationView(id="rotation")
                rotation.set_reactive(RotationView.entries, self._rotation())
                yield rotation
        elif mode == "seated":
            yield SeatingView(*self._seated(), id="tables")
        if mode == "circle":
            with Vertical(classes="circle-box"):
                yield Label(t("tui.round.circle"), classes="rotation-heading")
                yield Static(
                    self._circle_order(), id="circle-order", classes="circle-order", markup=False
                )
        else:
            yield Label(t("tui.seating.legend"), classes="legend")
        if step.notes:
            yield Static(t("tui.step.notes", notes=step.notes), classes="notes", markup=False)

    def __init__(self, service: MeetingService, index: int) -> None:
        super().__init__(service, index)
        self._composed_mode = ""
        self._composing = False
        self.add_class(f"-{self.mode()}", update=False)  # styled once, when it mounts

    def mode(self) -> str:
        """``circle`` (no tables), ``rotation`` (before the timer starts) or ``seated``."""
        if self.service.sits_in_circle:
            return "circle"
        timer = self.service.timer(self.index)
        return "seated" if timer and timer.started else "rotation"

    def _seated(self) -> tuple[tuple[Table, ...], dict[str, str], frozenset[str]]:
        """The round's tables, everyone's name and the hosts the planner chose."""
        state = self.service.state
        round_number = (self.step.round if self.step else 0) or 1
        names = _told_apart(state.participants)
        appointed = frozenset(pid for pid, _ in seating.appointed_hosts(self.service))
        return state.seating_plan.tables(round_number), names, appointed

    async def _compose_again(self) -> None:
        """The new mode's part, with its data; its timer is fed at once, not at the next tick."""
        try:
            await self.recompose()
        finally:
            self._composing = False
        if self.is_attached and not self._pruning:  # not swapped out for the next step
            self.refresh_view()  # a change while it was composed
            self.update_timers(self.now)

    def _circle_order(self) -> str:
        """Everyone in the circle, in this round's order (who has left since is not)."""
        state = self.service.state
        names = _told_apart(state.participants)
        present = [p.id for p in state.present()]
        round_number = (self.step.round if self.step else 0) or 1
        ring = state.seating_plan.ring(round_number)
        ids = [i for i in ring if i in present] if ring else present
        return "  ·  ".join(names.get(i, i) for i in ids)

    def _rotation_heading(self) -> str:
        round_number = (self.step.round if self.step else 0) or 1
        heading = "tui.round.rotation_first" if round_number == 1 else "tui.round.rotation"
        return t(heading, round=round_number)

    def _rotation(self) -> tuple[SeatEntry, ...]:
        """Everyone and the table to go to, in alphabetical order."""
        plan = self.service.state.seating_plan
        round_number = (self.step.round if self.step else 0) or 1
        tables, names, appointed = self._seated()
        entries = []
        for table in tables:
            for member in table.people:
                before = plan.table_of(member, round_number - 1)
                moved = round_number == 1 or before is None or before.table != table.number
                entries.append(
                    SeatEntry(
                        names.get(member, member),
                        table.number,
                        member == table.host,
                        moved,
                        appointed=member == table.host and member in appointed,
                    )
                )
        entries.sort(key=lambda e: collation_key(e.name, current_language()))
        return tuple(entries)

    def refresh_view(self) -> None:
        mode = self.mode()
        old = [name for name in ("-circle", "-seated", "-rotation") if self.has_class(name)]
        if old != [f"-{mode}"]:
            self.remove_class(*old, update=False)
            self.add_class(f"-{mode}")
        if self._composing:
            return  # the new part is composed with the data of its time
        if mode != self._composed_mode:
            self._composing = True
            self.call_later(self._compose_again)
        elif mode == "circle":
            self.query_one("#circle-order", Static).update(self._circle_order())
        elif mode == "seated":
            tables, names, appointed = self._seated()
            seats = self.query_one("#tables", SeatingView)
            seats.appointed = appointed
            seats.names = names
            seats.tables = tables
        else:
            self.query_one("#rotation-heading", Label).update(self._rotation_heading())
            self.query_one("#rotation", RotationView).entries = self._rotation()


def _told_apart(people: Mapping[str, Participant]) -> dict[str, str]:
    """Everyone's name, namesakes with their organisation in brackets: the rotation list
    said "Emma Berg → table 1" and "Emma Berg → table 2"."""
    orgs = namesake_organisations(people.values())
    return {pid: told_apart(p.name, orgs.get(pid)) for pid, p in people.items()}
