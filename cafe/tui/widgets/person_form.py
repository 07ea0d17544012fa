"""Name, organisation, sector: Enter moves on, Enter in the sector field adds the person.

Someone already in the meeting is refused (the service's rule) and the form says who and
that a second Enter adds them anyway: another person with the same name is real, a
second Åsa Öberg because the list was imported is not.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Input, Label

from cafe.core.errors import CafeError, Problem
from cafe.core.participants import (
    AlreadyInMeeting,
    PersonInput,
    match_key,
    parse_sector,
    sector_by_start,
    sector_names,
)
from cafe.i18n import t


def _shown(problem: Problem) -> str:
    """A problem as the form says it: without its place when that is only the field.

    The service places a field's problem at the field's key (``sector``), an English
    word that read "sector: okänd sektor ..." at a Swedish door; the message names the
    field already ("namn måste fyllas i", "okänd sektor").
    """
    if problem.field and problem.where == problem.field:
        return problem.text()
    return problem.line()


class PersonForm(Vertical):
    """Posts ``Submitted`` with the typed person (marked present: they are here)."""

    DEFAULT_CSS = """
    PersonForm { height: auto; }
    PersonForm > Horizontal { height: auto; }
    PersonForm #person-name { width: 2fr; }
    PersonForm #person-org { width: 2fr; }
    PersonForm #person-sector { width: 1fr; }
    PersonForm #person-host { width: auto; }
    PersonForm #person-error { width: 100%; min-height: 1; height: auto; }
    """

    _confirming: tuple[str, str] | None = None
    """Name and organisation refused as already there: Enter again on them adds anyway."""

    class Submitted(Message):
        """Enter in the last field: a person to add.

        ``allow_duplicate``: the form said this person is already in the meeting and
        Enter was pressed again on the same name and organisation (add them anyway).
        """

        def __init__(self, person: PersonInput, *, allow_duplicate: bool = False) -> None:
            super().__init__()
            self.person = person
            self.allow_duplicate = allow_duplicate

    class NameChanged(Message):
        """The name field changed (the door filters its list by it)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Input(placeholder=t("tui.checkin.name"), id="person-name")
            yield Input(placeholder=t("tui.checkin.organisation"), id="person-org")
            yield Input(
                placeholder=t("tui.checkin.sector"),
                id="person-sector",
                suggester=SuggestFromList(sector_names(), case_sensitive=False),
            )
            yield Checkbox(t("tui.checkin.host"), id="person-host")
        yield Label("", id="person-error", classes="problem", markup=False)

    def _typed(self) -> tuple[str, str]:
        return (
            match_key(self.query_one("#person-name", Input).value),
            match_key(self.query_one("#person-org", Input).value),
        )

    def focus_name(self) -> None:
        self.query_one("#person-name", Input).focus()

    def person(self) -> PersonInput:
        sector = self.query_one("#person-sector", Input).value.strip()
        if sector and parse_sector(sector) is None and (found := sector_by_start(sector)):
            sector = found.value
        return PersonInput(
            name=self.query_one("#person-name", Input).value,
            organisation=self.query_one("#person-org", Input).value,
            sector=sector or "other",
            host=self.query_one("#person-host", Checkbox).value,
            present=True,
        )

    def clear(self) -> None:
        for field in ("#person-name", "#person-org", "#person-sector"):
            self.query_one(field, Input).value = ""
        self.query_one("#person-host", Checkbox).value = False
        self.query_one("#person-error", Label).update("")
        self._confirming = None
        self.focus_name()

    def show_error(self, error: CafeError) -> None:
        text = "; ".join(_shown(problem) for problem in error.problems)
        self._confirming = None
        if isinstance(error, AlreadyInMeeting):
            self._confirming = self._typed()
            text = f"{text} {t('tui.checkin.add_again')}"
        self.query_one("#person-error", Label).update(text)

    @on(Input.Changed, "#person-name")
    def name_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._confirming is not None and match_key(event.value) != self._confirming[0]:
            self._confirming = None  # the warning was about the name that was there
            self.query_one("#person-error", Label).update("")
        self.post_message(self.NameChanged(event.value))

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        event.stop()
        field = event.input.id
        if field == "person-name" and not event.value.strip():
            return
        if field == "person-name":
            self.query_one("#person-org", Input).focus()
        elif field == "person-org":
            self.query_one("#person-sector", Input).focus()
        else:
            again = self._confirming is not None and self._confirming == self._typed()
            self.post_message(self.Submitted(self.person(), allow_duplicate=again))
