"""Check-out: the question large, and each person's thought as it is said or sent."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Input, Label, Static

from cafe.i18n import t
from cafe.storage.console_settings import read_checkout_draft
from cafe.tui.messages import ThoughtDraftChanged, ThoughtSubmitted
from cafe.tui.widgets.draft_input import DraftInput
from cafe.tui.widgets.qr_panel import QrPanel
from cafe.tui.widgets.step_view import StepView

DRAFT_PAUSE = 0.4
"""Seconds without typing before the thought being typed is kept in the meeting's file."""


class CheckoutView(StepView):
    """The question, the thoughts so far, and a line to type the next one."""

    _draft_timer: Timer | None = None
    _draft_kept: tuple[str, str] = ("", "")

    def compose(self) -> ComposeResult:
        step = self.step
        assert step is not None
        yield Label(step.title, classes="step-title", markup=False)
        with Horizontal(classes="round-top"):
            yield Static(step.question or step.text, classes="question big", markup=False)
            if self.timed:
                yield self.round_timer()
        with Horizontal(classes="checkout-body"):
            yield Static("", id="checkout-notes", classes="checkout-notes", markup=False)
            with Vertical(classes="qr-column"):
                yield Label("", id="qr-caption", classes="qr-caption")
                yield QrPanel(id="qr")
        with Horizontal(classes="entry"):
            yield DraftInput(placeholder=t("tui.checkout.thought"), id="checkout-text")
            yield Input(placeholder=t("tui.checkout.author"), id="checkout-author")
        yield Label(t("tui.checkout.hint"), classes="caption")
        if step.notes:
            yield Static(t("tui.step.notes", notes=step.notes), classes="notes", markup=False)

    def watch_phones_url(self, url: str) -> None:
        """The meeting's code: at check-out it opens the check-out form on the phone."""
        if not self.is_mounted:
            return
        self.query_one("#qr", QrPanel).url = url
        self.query_one(".qr-column").set_class(not url, "-off")  # CSS decides, at any width
        self.query_one("#qr-caption", Label).update(t("tui.checkout.scan"))

    def refresh_view(self) -> None:
        self.watch_phones_url(self.phones_url)
        notes = self.service.state.live_checkout()
        lines = [f"“{n.text}”" + (f" — {n.author}" if n.author else "") for n in notes]
        self.query_one("#checkout-notes", Static).update(
            "\n".join(lines) if lines else t("tui.checkout.none")
        )

    def on_mount(self) -> None:
        super().on_mount()
        self._bring_back_draft()

    def _bring_back_draft(self) -> None:
        """What was being typed when the laptop died, with who said it."""
        kept = read_checkout_draft(self.service)
        field = self.query_one("#checkout-text", DraftInput)
        if kept is None or field.value:
            return
        field.value, self.query_one("#checkout-author", Input).value = kept
        field.cursor_position = len(field.value)
        self._draft_kept = kept
        self.notify(t("tui.capture.draft_back"), timeout=10)

    @on(Input.Changed, "#checkout-text, #checkout-author")
    def _typed(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_PAUSE, self.keep_draft)

    def keep_draft(self) -> None:
        """Send the thought being typed up to be kept (at a pause in the typing)."""
        self._draft_timer = None
        text, author = self.draft()
        draft = (text, author) if text.strip() else ("", "")
        if draft != self._draft_kept:
            self._draft_kept = draft
            self.post_message(ThoughtDraftChanged(*draft))

    def focus_entry(self) -> None:
        self.query_one("#checkout-text", Input).focus()

    def draft(self) -> tuple[str, str]:
        """What is typed but not yet stored (saved on quit)."""
        return (
            self.query_one("#checkout-text", Input).value,
            self.query_one("#checkout-author", Input).value,
        )

    def stored(self) -> None:
        """The thought is stored: clear who said it, ready for the next person."""
        self.query_one("#checkout-author", Input).value = ""
        self.query_one("#checkout-text", Input).focus()

    def refused(self, text: str) -> None:
        """The thought was not stored: put it back to be corrected."""
        self.query_one("#checkout-text", DraftInput).restore(text)

    @on(Input.Submitted, "#checkout-text")
    def submit_thought(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            author = self.query_one("#checkout-author", Input).value
            self.post_message(ThoughtSubmitted(event.value, author))

    @on(Input.Submitted, "#checkout-author")
    def author_done(self, event: Input.Submitted) -> None:
        """Enter after the name stores the thought typed before it."""
        event.stop()
        text = self.query_one("#checkout-text", Input).value
        if text.strip():
            self.query_one("#checkout-text", Input).value = ""
            self.post_message(ThoughtSubmitted(text, event.value))
        else:
            self.query_one("#checkout-text", Input).focus()
