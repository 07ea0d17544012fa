"""The right-hand panel of the meeting screen: the current step's view."""

from __future__ import annotations

from importlib import import_module

from textual.app import ComposeResult
from textual.containers import Container
from textual.reactive import reactive

from cafe.core.agenda import StepKind
from cafe.core.service import MeetingService
from cafe.tui.widgets.step_view import StepView

VIEWS: dict[StepKind, str] = {
    StepKind.OPENING: "text_step.TextStepView",
    StepKind.PURPOSE: "text_step.TextStepView",
    StepKind.PRESENTATION_ROUND: "presentation_step.PresentationView",
    StepKind.CAFE_ROUND: "cafe_round_step.CafeRoundView",
    StepKind.BREAK: "text_step.TextStepView",
    StepKind.HARVEST: "harvest_step.HarvestView",
    StepKind.SIGNUP: "signup_step.SignupView",
    StepKind.CHECKOUT: "checkout_step.CheckoutView",
    StepKind.CLOSING: "closing_step.ClosingView",
    StepKind.CUSTOM: "text_step.TextStepView",
}
"""The console's view of each kind of step (module in ``steps``, class); a new kind must
be added here. A view's module is imported when its step is first shown: the first frame
needs one of them, and all of them with their widgets cost about 20 ms of start-up."""

WELCOME = "welcome_step.WelcomeView"
"""Before the first step."""


def view_class(kind: StepKind | None) -> type[StepView]:
    """The view for ``kind`` (``None``: before the meeting starts), imported if need be."""
    module, _, name = (VIEWS[kind] if kind is not None else WELCOME).rpartition(".")
    return getattr(import_module(f"cafe.tui.widgets.steps.{module}"), name)


def view_for(service: MeetingService, index: int) -> StepView:
    if index < 0 or index >= len(service.agenda.steps):
        return view_class(None)(service, -1)
    return view_class(service.agenda.steps[index].kind)(service, index)


class StepPanel(Container):
    """Swaps its view when the step changes; passes revision, time and URL down."""

    DEFAULT_CSS = """
    StepPanel { height: 1fr; width: 1fr; }
    """
    BLANK = True
    """Only its background shows (its padding): drawn as blank lines, not line by line."""

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
        self.set_reactive(StepPanel.revision, service.state.last_seq)
        self.set_reactive(StepPanel.now, now)

    def compose(self) -> ComposeResult:
        view = view_for(self.service, self.step_index)
        # Bound values reach the view one by one after it mounts: without the time and
        # the revision first, its timers were shown for time 0 and then restyled to the
        # right phase, and the view read the meeting twice.
        view.set_reactive(StepView.now, self.now)
        view.set_reactive(StepView.revision, self.revision)
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
