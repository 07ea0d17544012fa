"""Sign-up: the lists per theme, live, and the QR code phones scan to sign up."""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Static

from cafe.core.service import MeetingService
from cafe.i18n import t
from cafe.tui.widgets.qr_panel import QrPanel
from cafe.tui.widgets.step_view import StepView

NAME_INDENT = "   "
"""How far a name stands in under its list."""


def _list_lines(service: MeetingService) -> list[tuple[str, str]]:
    """Each theme with a list, then its names (organisation in brackets): (indent, text),
    with an empty line between lists."""
    state = service.state
    themes = state.open_themes()
    lines: list[tuple[str, str]] = []
    for theme in themes:
        if lines:
            lines.append(("", ""))
        people = [s for s in state.live_signups() if theme.id in s.themes]
        lines.append(("", t("tui.signup.theme_line", name=theme.name, count=len(people))))
        for signup in people:
            org = f" ({signup.organisation})" if signup.organisation else ""
            lines.append((NAME_INDENT, f"{signup.name}{org}"))
    if not themes:
        lines.append(("", t("tui.signup.no_themes")))
    return lines


def signup_lists(service: MeetingService) -> str:
    """The lists as plain text, names indented under their list."""
    return "\n".join(indent + text for indent, text in _list_lines(service)).rstrip()


def hanging(service: MeetingService) -> Group:
    """The lists for the console: a name too long for the column wraps under itself,
    not back under the list's title."""
    return Group(
        *(
            Padding(Text(text), (0, 0, 0, len(indent))) if indent else Text(text)
            for indent, text in _list_lines(service)
        )
    )


class SignupView(StepView):
    """Lists on the left, the large QR code (or a note that phones are off) right."""

    def compose(self) -> ComposeResult:
        step = self.step
        assert step is not None
        with Horizontal(classes="columns"):
            with Vertical(classes="column"):
                yield Label(step.title, classes="step-title", markup=False)
                if step.text or step.question:
                    yield Static(step.question or step.text, classes="step-text", markup=False)
                if self.timed:
                    yield self.round_timer()
                yield Static("", id="signup-lists", classes="signup-lists", markup=False)
                yield Label(t("tui.signup.manual_hint"), classes="caption")
            with Vertical(classes="qr-column"):
                yield Label("", id="qr-caption", classes="qr-caption")
                yield QrPanel(id="qr")
        yield Label("", id="qr-url", classes="qr-url", markup=False)
        if step.notes:
            yield Static(t("tui.step.notes", notes=step.notes), classes="notes", markup=False)

    def refresh_view(self) -> None:
        self.query_one("#signup-lists", Static).update(hanging(self.service))
        self.watch_phones_url(self.phones_url)

    def watch_phones_url(self, url: str) -> None:
        if not self.is_mounted:
            return
        self.query_one("#qr", QrPanel).url = url
        self.query_one("#qr", QrPanel).display = bool(url)
        self.query_one("#qr-caption", Label).update(
            t("tui.signup.scan") if url else t("tui.signup.phones_off")
        )
        self.query_one("#qr-url", Label).update(t("tui.signup.url", url=url) if url else "")
