"""The right-hand panel of the meeting screen: the current step's view."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Container
from textual.reactive import reactive

from cafe.core.agenda import StepKind
from cafe.core.service import MeetingService
from cafe.tui.widgets.step_view import StepView
from cafe.tui.widgets.steps.cafe_round_step import CafeRoundView
from cafe.tui.widgets.steps.checkout_step import CheckoutView
from cafe.tui.widgets.steps.closing_step import ClosingView
from cafe.tui.widgets.steps.harvest_step import HarvestView
from cafe.tui.widgets.steps.presentation_step import PresentationView
from cafe.tui.widgets.steps.signup_step import SignupView
from cafe.tui.widgets.steps.text_step import TextStepView
from cafe.tui.widgets.steps.welcome_step import WelcomeView

VIEWS: dict[StepKind, type[StepView]] = {
    StepKind.OPENING: TextStepView,
    StepKind.PURPOSE: TextStepView,
    StepKind.PRESENTATION_ROUND: PresentationView,
    StepKind.CAFE_ROUND: CafeRoundView,
    StepKind.BREAK: TextStepView,
    StepKind.HARVEST: HarvestView,
    StepKind.SIGNUP: SignupView,
    StepKind.CHECKOUT: CheckoutView,
    StepKind.CLOSING: ClosingView,
    StepKind.CUSTOM: TextStepView,
}
"""The console's view of each kind of step; a new kind must be added here."""


def view_for(service: MeetingService, index: int) -> StepView:
    if index < 0 or index >= len(service.agenda.steps):
        return WelcomeView(service, -1)
    kind = service.agenda.steps[index].kind
    return VIEWS[kind](service, index)


class StepPanel(Container):
    """Swaps its view when the step changes; passes revision, time and URL down."""

    DEFAULT_CSS = """
    StepPanel { height: 1fr; width: 1fr; }
    """

    step_index: reactive[int] = reactive(-1, recompose=True)
    """The agenda step shown (-1: the meeting has not started)."""
    revision: reactive[int] = reactive(0)
    """The meeting's last event number."""
    now: reactive[float] = reactive(0.0)
    """The clock's time."""
    phones_url: reactive[str] = reactive("")
    """Where phones sign up ("" when the LAN server is off)."""

    def __init__(self, service: MeetingService, *, now: float = 0.0, id: str | None = None) -> None:
        super().__init__(id=id)
        self.service = service
        self.set_reactive(StepPanel.step_index, service.state.current_step)
        self.set_reactive(StepPanel.now, now)

    def compose(self) -> ComposeResult:
        view = view_for(self.service, self.step_index)
        # Bound values reach the view one by one after it mounts: without the time
        # first, its timers were shown for time 0 and then restyled to the right phase.
        view.set_reactive(StepView.now, self.now)
        yield view.data_bind(StepPanel.revision, StepPanel.now, StepPanel.phones_url)

    def watch_step_index(self) -> None:
        self.call_after_refresh(self._drop_stale_focus)

    def _drop_stale_focus(self) -> None:
        """A swapped-out view's widget must not keep the focus (it would eat the keys)."""
        focused = self.screen.focused
        if focused is not None and not focused.is_attached:
            self.screen.set_focus(None)

    @property
    def view(self) -> StepView | None:
        views = self.query(StepView)
        return views.first() if views else None
