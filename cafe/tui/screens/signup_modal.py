"""Manual sign-up, for people without a phone (or when phones are off)."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, SelectionList

from cafe.core.errors import CafeError
from cafe.i18n import t
from cafe.tui.widgets.button_row import ButtonRow

CONSENT_VERSION = "tui-1"
"""Which consent wording the person agreed to (the dialog's text)."""


class SignupModal(ModalScreen[bool]):
    """Name, organisation, themes; contact details only with the consent box ticked."""

    DEFAULT_CSS = """
    SignupModal { align: center middle; }
    SignupModal > Vertical { width: 90; max-width: 95%; height: auto; max-height: 95%; padding: 1 2; }
    SignupModal Horizontal { height: auto; }
    SignupModal Input { width: 1fr; }
    SignupModal SelectionList { height: auto; max-height: 10; }
    SignupModal #signup-buttons { align-horizontal: right; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(False)", show=False)]

    def __init__(self, themes: list[tuple[str, str]], submit: Callable[..., object]) -> None:
        super().__init__()
        self.themes = themes
        self.submit = submit

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("tui.signup.manual_title"), classes="dialog-title")
            with Horizontal():
                yield Input(placeholder=t("tui.checkin.name"), id="signup-name")
                yield Input(placeholder=t("tui.checkin.organisation"), id="signup-org")
            yield Label(t("tui.signup.choose_themes"), classes="caption")
            yield SelectionList[str](  # theme names as text, never as markup
                *((Content(name), tid) for tid, name in self.themes), id="signup-themes"
            )
            with Horizontal():
                yield Input(placeholder=t("tui.signup.email"), id="signup-email")
                yield Input(placeholder=t("tui.signup.phone"), id="signup-phone")
            yield Checkbox(t("tui.signup.consent"), id="signup-consent")
            yield Label("", id="signup-error", classes="problem", markup=False)
            with ButtonRow(id="signup-buttons"):
                yield Button(t("tui.signup.save"), id="signup-save", variant="primary")
                yield Button(t("tui.modal.cancel"), id="signup-cancel")

    def on_mount(self) -> None:
        self.query_one("#signup-name", Input).focus()

    def _value(self, field: str) -> str:
        return self.query_one(f"#{field}", Input).value

    def save(self) -> None:
        try:
            self.submit(
                name=self._value("signup-name"),
                organisation=self._value("signup-org"),
                email=self._value("signup-email"),
                phone=self._value("signup-phone"),
                themes=list(self.query_one("#signup-themes", SelectionList).selected),
                consent=self.query_one("#signup-consent", Checkbox).value,
                consent_version=CONSENT_VERSION,
                source="tui",
            )
        except CafeError as error:
            self.query_one("#signup-error", Label).update(
                "; ".join(str(problem) for problem in error.problems)
            )
            return
        self.dismiss(True)

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.save()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "signup-save":
            self.save()
        else:
            self.dismiss(False)
