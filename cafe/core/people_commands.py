"""The service's commands about people: participants, sign-ups and check-out thoughts.

A part of ``MeetingService`` (it inherits them), kept in its own module so that each
stays readable; the service is still the one writer, and every command here stores its
events through ``MeetingService.commit``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from functools import partial
from typing import TYPE_CHECKING, Any

from cafe.core.errors import CafeError, Message, Problem, ValidationError, Where, cell_where
from cafe.core.events import EventKind
from cafe.core.participants import (
    AlreadyInMeeting,
    Participant,
    PersonInput,
    Sector,
    find_same_person,
    parse_sector,
    unknown_sector,
)
from cafe.core.people_checks import checked
from cafe.core.state import CheckoutNote, MeetingState, Signup
from cafe.core.text import check_email, check_field, check_phone

if TYPE_CHECKING:
    from cafe.core.events import Event


class PeopleCommands:
    """Registering people, their sign-ups and their check-out thoughts."""

    state: MeetingState

    if TYPE_CHECKING:

        def commit(self, events: Sequence[Event]) -> list[Event]: ...
        def _event(
            self, kind: EventKind, data: dict[str, Any], key: str | None = None
        ) -> Event: ...
        def _one(self, kind: EventKind, data: dict[str, Any], key: str | None = None) -> Event: ...
        def _existing(self, key: str) -> Event | None: ...
        def _seat_late_arrivals(self, ids: Sequence[str]) -> None: ...
        @property
        def seats_arrivals_now(self) -> bool: ...
        def group(self, *, snapshot: bool = True) -> AbstractContextManager[None]: ...

    # -- participants ------------------------------------------------------------

    def _check_person(
        self, person: PersonInput, where: Where | Callable[[], Where], problems: list[Problem]
    ) -> dict[str, Any]:
        """The person's fields as stored; each bad one adds a problem at its place.

        ``where`` is the person's place (a row, ``row 2``), or a function giving it: the
        checks run without one and only a problem found is placed, so that 100,000 good
        rows of an import cost no positions.
        """

        def place(field: str, found: Sequence[Problem]) -> None:
            """Put what the check of ``field`` found in the field's place: a row's cell, or
            ``row 2 email`` as given."""
            if not found:
                return
            whole = where() if callable(where) else where
            if isinstance(whole, Message):
                at: Where = cell_where(whole, field)
            else:
                at = f"{whole} {field}" if whole else field
            problems.extend(Problem(at, problem.message, problem.field) for problem in found)

        found: list[Problem] = []
        name = check_field("name", person.name, found, required=True)
        place("name", found)
        organisation, found_here = checked("organisation", person.organisation)
        place("organisation", found_here)
        sector = parse_sector(person.sector or "other")
        if sector is None:
            bad = Problem("", unknown_sector("service.bad_sector", person.sector), "sector")
            place("sector", [bad])
        email, found_here = checked("email", person.email)
        place("email", found_here)
        phone, found_here = checked("phone", person.phone)
        place("phone", found_here)
        return {
            "name": name,
            "organisation": organisation,
            "sector": str(sector or Sector.OTHER),
            "email": email,
            "phone": phone,
            "host": bool(person.host),
            "present": bool(person.present),
        }

    def add_participant(
        self, person: PersonInput, *, key: str | None = None, allow_duplicate: bool = False
    ) -> Participant:
        """Register one person; raises ``ValidationError`` naming each bad field.

        Someone already in the meeting (``same_person``: the same name and organisation,
        case and accents ignored) is refused with ``AlreadyInMeeting`` pointing at them,
        unless ``allow_duplicate`` says the user has confirmed it is another person.
        """
        if not allow_duplicate:
            problems: list[Problem] = []
            data = self._check_person(person, "", problems)
            if problems:
                raise ValidationError(problems)
            existing = find_same_person(
                data["name"], data["organisation"], self.state.participants.values()
            )
            if existing is not None:
                raise AlreadyInMeeting(existing)
        return self.add_participants([person], key=key)[0]

    def add_participants(
        self,
        people: Sequence[PersonInput],
        *,
        wheres: Sequence[Where] | None = None,
        key: str | None = None,
    ) -> list[Participant]:
        """Register many people at once: all of them, or (on any problem) none."""
        problems: list[Problem] = []
        events = []
        counter = self.state.counters.get("p", 0)
        for index, person in enumerate(people):
            data = self._check_person(person, partial(_place, wheres, index), problems)
            counter += 1
            data = {"id": f"p{counter}", **data}
            events.append(
                self._event(EventKind.PARTICIPANT_ADDED, data, f"{key}:{index}" if key else None)
            )
        if problems:
            raise ValidationError(problems)
        if self.seats_arrivals_now:  # who arrives now gets a seat now, in the same commit
            with self.group():
                stored = self.commit(events)
                self._seat_late_arrivals([e.data["id"] for e in stored])
        else:
            stored = self.commit(events)
        return [
            self.state.participants[e.data["id"]]
            for e in stored
            if e.data["id"] in self.state.participants
        ]

    def _participant(self, participant_id: str) -> Participant:
        try:
            return self.state.participants[participant_id]
        except KeyError:
            raise CafeError(
                Message("service.no_such_participant", {"id": participant_id})
            ) from None

    def update_participant(self, participant_id: str, **changes: Any) -> Participant:
        """Change some of a person's fields (same checks as when adding)."""
        old = self._participant(participant_id)
        merged = PersonInput(
            name=changes.get("name", old.name),
            organisation=changes.get("organisation", old.organisation),
            sector=str(changes.get("sector", old.sector)),
            email=changes.get("email", old.email),
            phone=changes.get("phone", old.phone),
            host=changes.get("host", old.host),
            present=changes.get("present", old.present),
        )
        problems: list[Problem] = []
        data = self._check_person(merged, "", problems)
        if problems:
            raise ValidationError(problems)
        diff = {k: v for k, v in data.items() if getattr(old, k) != v}
        if diff and diff.get("present") is True and self.seats_arrivals_now:
            with self.group():  # arrived (or came back) mid-round: a seat in the same commit
                self._one(EventKind.PARTICIPANT_CHANGED, {"id": participant_id, **diff})
                self._seat_late_arrivals([participant_id])
        elif diff:
            self._one(EventKind.PARTICIPANT_CHANGED, {"id": participant_id, **diff})
        return self.state.participants[participant_id]

    def set_present(self, participant_id: str, present: bool = True) -> Participant:
        return self.update_participant(participant_id, present=present)

    def remove_participant(self, participant_id: str) -> None:
        self._participant(participant_id)
        self._one(EventKind.PARTICIPANT_REMOVED, {"id": participant_id})

    def mark_spoken(self, participant_id: str, spoken: bool = True) -> None:
        """Tick off (or un-tick) a speaker in the presentation round."""
        self._participant(participant_id)
        if (participant_id in self.state.spoken) != spoken:
            self._one(EventKind.SPEAKER_MARKED, {"id": participant_id, "spoken": spoken})

    # -- sign-ups and check-out ----------------------------------------------------

    def sign_up(
        self,
        *,
        name: str,
        organisation: str = "",
        email: str = "",
        phone: str = "",
        themes: Sequence[str] = (),
        consent: bool = False,
        consent_version: str = "",
        source: str = "tui",
        key: str | None = None,
        session: str = "",
        theme_required: bool = False,
    ) -> Signup:
        """Put someone on the sign-up lists of ``themes``.

        ``session`` is a keyed hash of the phone's browser session (never the session id
        itself): sign-ups from one phone are counted as one person.

        Contact details are only kept with consent: without it the sign-up records the
        name and organisation, and the working group must reach them through the hosts.
        ``theme_required``: a sign-up must name a list when there are any (the phone form;
        the hosts may note someone without one).
        """
        if key is not None:
            existing = self._existing(key)
            if existing is not None:
                return self.state.signups[existing.data["id"]]
        problems: list[Problem] = []
        data: dict[str, Any] = {
            "name": check_field("name", name, problems, required=True),
            "organisation": check_field("organisation", organisation, problems),
            "email": check_email(email, problems),
            "phone": check_phone(phone, problems),
        }
        open_themes = {th.id for th in self.state.open_themes()}
        for theme_id in themes:
            if theme_id not in open_themes:
                problems.append(
                    Problem.coded(
                        "service.no_such_theme", field="themes", where="themes", id=theme_id
                    )
                )
        if theme_required and open_themes and not themes:
            problems.append(Problem.coded("service.themes_needed", field="themes", where="themes"))
        if (data["email"] or data["phone"]) and not consent:
            problems.append(
                Problem.coded("service.consent_needed", field="consent", where="consent")
            )
        if problems:
            raise ValidationError(problems)
        data.update(
            id=self.state.next_id("s"),
            themes=list(dict.fromkeys(themes)),
            consent=bool(consent),
            consent_version=consent_version,
            source=source,
        )
        if session:
            data["session"] = session
        event = self._one(EventKind.SIGNED_UP, data, key)
        return self.state.signups[event.data["id"]]

    def withdraw_signup(self, signup_id: str, *, by: str = "tui") -> None:
        """Take a sign-up off every list and report (``by``: ``tui`` or ``console``)."""
        if signup_id not in self.state.signups:
            raise CafeError(Message("service.no_such_signup", {"id": signup_id}))
        self._one(EventKind.SIGNUP_WITHDRAWN, {"id": signup_id, "by": by})

    remove_signup = withdraw_signup

    def restore_signup(self, signup_id: str, *, by: str = "tui") -> None:
        """Undo a removal."""
        if signup_id not in self.state.signups:
            raise CafeError(Message("service.no_such_signup", {"id": signup_id}))
        self._one(EventKind.SIGNUP_RESTORED, {"id": signup_id, "by": by})

    def remove_checkout(self, note_id: str, *, by: str = "tui") -> None:
        """Take a check-out thought off the projector, the word cloud and every report."""
        if note_id not in self.state.checkout:
            raise CafeError(Message("service.no_such_thought", {"id": note_id}))
        self._one(EventKind.CHECKOUT_REMOVED, {"id": note_id, "by": by})

    def restore_checkout(self, note_id: str, *, by: str = "tui") -> None:
        if note_id not in self.state.checkout:
            raise CafeError(Message("service.no_such_thought", {"id": note_id}))
        self._one(EventKind.CHECKOUT_RESTORED, {"id": note_id, "by": by})

    def note_checkout(
        self, text: str, *, author: str = "", source: str = "tui", key: str | None = None
    ) -> CheckoutNote:
        """Record one person's check-out thought."""
        if key is not None:
            existing = self._existing(key)
            if existing is not None:
                return self.state.checkout[existing.data["id"]]
        problems: list[Problem] = []
        cleaned = check_field("checkout", text, problems, required=True, multiline=True)
        who = check_field("author", author, problems)
        if problems:
            raise ValidationError(problems)
        event = self._one(
            EventKind.CHECKOUT_NOTED,
            {"id": self.state.next_id("c"), "text": cleaned, "author": who, "source": source},
            key,
        )
        return self.state.checkout[event.data["id"]]


def _place(wheres: Sequence[Where] | None, index: int) -> Where:
    """The place of the ``index``-th of many people (asked for only on a problem)."""
    return wheres[index] if wheres else ""
