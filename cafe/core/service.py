"""MeetingService: the one place that changes a meeting.

Every command (from the TUI, the web server, the CLI or the demo) goes through here:
check the input, turn it into events, append them to the log in one transaction, fold
them into the state, then tell subscribers. Nothing is announced before it is stored, so
what the screen shows has always been saved.

Commands can also share one transaction (``group``): the web server runs the phones'
submissions that arrive together as one group, so a burst costs one fsync, not one each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from cafe.core.agenda import Agenda, Step, StepKind
from cafe.core.clock import Clock, SystemClock
from cafe.core.errors import (
    CafeError,
    DamagedEvent,
    Problem,
    StoreConflict,
    ValidationError,
)
from cafe.core.events import Event, EventKind
from cafe.core.participants import (
    AlreadyInMeeting,
    Participant,
    PersonInput,
    Sector,
    find_same_person,
    parse_sector,
)
from cafe.core.state import CheckoutNote, Idea, MeetingState, Signup, Theme, apply, fold
from cafe.core.text import check_email, check_field, check_phone
from cafe.core.timer import Timer
from cafe.i18n import t

Subscriber = Callable[[list[Event]], None]


class EventLog(Protocol):
    """What the service needs from storage (``cafe.storage.sqlite_log`` provides it)."""

    def append(self, events: Sequence[Event], *, after: int | None = None) -> list[Event]: ...
    def read(self, after: int = 0) -> Iterable[Event]: ...
    def latest_snapshot(self) -> tuple[int, dict[str, Any]] | None: ...
    def save_snapshot(self, seq: int, state: dict[str, Any]) -> None: ...


def fold_stored(events: Iterable[Event], state: MeetingState) -> MeetingState:
    """Fold events read back from a log; one the fold cannot take raises ``DamagedEvent``.

    The service only stores events it checked, so such an event was changed outside
    ``cafe``: naming it beats a traceback on every command.
    """
    for event in events:
        try:
            apply(state, event)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            raise DamagedEvent(event.seq, "fold") from None
    return state


SNAPSHOT_EVERY = 500
"""Events between snapshots: replaying 500 events takes a few milliseconds."""


class MeetingService:
    """A meeting's agenda, its state, and the commands that change it."""

    def __init__(
        self,
        agenda: Agenda,
        log: EventLog,
        clock: Clock | None = None,
        *,
        snapshot_every: int = SNAPSHOT_EVERY,
    ) -> None:
        self.agenda = agenda
        self.log = log
        self.clock: Clock = clock or SystemClock()
        self._snapshot_every = snapshot_every
        self._subscribers: list[Subscriber] = []
        self.state = self._load_state()
        self._since_snapshot = 0
        self._pending: list[Event] | None = None
        """Inside ``group``: the events folded but not yet stored, oldest first."""

    def _load_state(self) -> MeetingState:
        snapshot = self.log.latest_snapshot()
        state, after = MeetingState(), 0
        if snapshot:
            try:
                state, after = MeetingState.from_dict(snapshot[1]), snapshot[0]
            except (KeyError, TypeError, ValueError, AttributeError):
                state, after = MeetingState(), 0  # a damaged snapshot is only a cache
        return fold_stored(self.log.read(after), state)

    # -- plumbing ---------------------------------------------------------------

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Call ``subscriber(new_events)`` after every commit; returns an unsubscribe."""
        self._subscribers.append(subscriber)
        return (
            lambda: self._subscribers.remove(subscriber)
            if subscriber in self._subscribers
            else None
        )

    def _event(self, kind: EventKind, data: dict[str, Any], key: str | None = None) -> Event:
        return Event(kind, data, self.clock.now(), 0, key)

    @contextmanager
    def group(self) -> Iterator[None]:
        """Run the commands inside as one transaction: stored together, or not at all.

        Each command still checks its input against the state as the commands before it
        left it (they are folded at once), but the events reach the log in one commit at
        the end, and subscribers hear of them only then. If the commit fails, the state is
        read back from the log, so nothing that was not stored stays on screen.
        """
        if self._pending is not None:  # already in a group: join it
            yield
            return
        self._pending = []
        base = self.state.last_seq
        try:
            yield
        except BaseException:
            self._pending = None
            self.state = self._load_state()
            raise
        pending, self._pending = self._pending, None
        if not pending:
            return
        try:
            stored = self.log.append(pending, after=base)
        except StoreConflict:
            self.state = self._load_state()
            raise StoreConflict(t("store.changed_elsewhere")) from None
        except BaseException:
            self.state = self._load_state()
            raise
        if [e.seq for e in stored] != [e.seq for e in pending]:
            self.state = self._load_state()  # never expected: trust the log over the guess
        self._stored(pending)

    def _stored(self, fresh: list[Event]) -> None:
        """``fresh`` is durable and folded: snapshot when due, then announce."""
        self._since_snapshot += len(fresh)
        if self._since_snapshot >= self._snapshot_every:
            self.log.save_snapshot(self.state.last_seq, self.state.to_dict())
            self._since_snapshot = 0
        if fresh:
            for subscriber in list(self._subscribers):
                subscriber(fresh)

    def _fold_pending(self, events: Sequence[Event]) -> list[Event]:
        """Inside ``group``: fold now with the seq numbers the log will give them."""
        assert self._pending is not None
        folded: list[Event] = []
        for event in events:
            earlier = self._existing(event.key) if event.key is not None else None
            if earlier is not None:
                folded.append(earlier)
                continue
            numbered = Event(event.kind, event.data, event.at, self.state.last_seq + 1, event.key)
            fold([numbered], self.state)
            self._pending.append(numbered)
            folded.append(numbered)
        return folded

    def commit(self, events: Sequence[Event]) -> list[Event]:
        """Store, fold and announce ``events``; already-stored keys are not applied twice."""
        if not events:
            return []
        if self._pending is not None:
            return self._fold_pending(events)
        try:
            stored = self.log.append(events, after=self.state.last_seq)
        except StoreConflict:
            self.catch_up()
            raise StoreConflict(t("store.changed_elsewhere")) from None
        fresh = [e for e in stored if e.seq > self.state.last_seq]
        fold(fresh, self.state)
        self._stored(fresh)
        return stored

    def catch_up(self) -> list[Event]:
        """Fold what other programs stored since this service last read, and announce it."""
        fresh = list(self.log.read(self.state.last_seq))
        if fresh:
            fold(fresh, self.state)
            for subscriber in list(self._subscribers):
                subscriber(fresh)
        return fresh

    def _one(self, kind: EventKind, data: dict[str, Any], key: str | None = None) -> Event:
        return self.commit([self._event(kind, data, key)])[0]

    # -- agenda position ----------------------------------------------------------

    @property
    def current_step(self) -> Step | None:
        index = self.state.current_step
        return self.agenda.steps[index] if 0 <= index < len(self.agenda.steps) else None

    @property
    def current_round(self) -> int:
        """The café round under way (1-based), or the last one passed; 0 before round 1."""
        latest = 0
        for index, step in enumerate(self.agenda.steps):
            if index > self.state.current_step:
                break
            if step.kind is StepKind.CAFE_ROUND and step.round:
                latest = step.round
        return latest

    def start_step(self, index: int) -> None:
        """Move the meeting to step ``index`` (its timer is kept if it ran before)."""
        if not 0 <= index < len(self.agenda.steps):
            raise CafeError(
                t("service.no_such_step", index=index + 1, count=len(self.agenda.steps))
            )
        seconds = self.agenda.steps[index].minutes * 60
        self._one(EventKind.STEP_STARTED, {"index": index, "seconds": seconds})

    def next_step(self) -> bool:
        """Go to the next step; ``False`` at the end of the agenda."""
        if self.state.current_step + 1 >= len(self.agenda.steps):
            return False
        self.start_step(self.state.current_step + 1)
        return True

    def previous_step(self) -> bool:
        if self.state.current_step <= 0:
            return False
        self.start_step(self.state.current_step - 1)
        return True

    # -- timer ----------------------------------------------------------------

    def timer(self, step: int | None = None) -> Timer | None:
        index = self.state.current_step if step is None else step
        return self.state.timers.get(index)

    def _timer_step(self) -> int:
        if self.state.current_step < 0:
            raise CafeError(t("service.not_started"))
        return self.state.current_step

    def timer_start(self) -> None:
        """Start the current step's timer, or resume it when paused."""
        step = self._timer_step()
        timer = self.state.timers.get(step)
        if timer is not None and timer.started and not timer.running:
            self._one(EventKind.TIMER_RESUMED, {"step": step})
        elif timer is None or not timer.started:
            self._one(EventKind.TIMER_STARTED, {"step": step})

    def timer_pause(self) -> None:
        step = self._timer_step()
        timer = self.state.timers.get(step)
        if timer is not None and timer.running:
            self._one(EventKind.TIMER_PAUSED, {"step": step})

    def timer_toggle(self) -> None:
        timer = self.timer()
        if timer is not None and timer.running:
            self.timer_pause()
        else:
            self.timer_start()

    def timer_restart(self) -> None:
        """Start again from the step's planned time."""
        step = self._timer_step()
        self._one(
            EventKind.TIMER_STARTED, {"step": step, "seconds": self.agenda.steps[step].minutes * 60}
        )

    def timer_adjust(self, seconds: float) -> None:
        """Give (+) or take (-) time from the current step's timer."""
        step = self._timer_step()
        self._one(EventKind.TIMER_ADJUSTED, {"step": step, "seconds": float(seconds)})

    # -- participants ------------------------------------------------------------

    def _check_person(
        self, person: PersonInput, where: str, problems: list[Problem]
    ) -> dict[str, Any]:
        prefix = f"{where} " if where else ""
        name = check_field(
            "name", person.name, problems, where=f"{prefix}name".strip(), required=True
        )
        organisation = check_field(
            "organisation", person.organisation, problems, where=f"{prefix}organisation"
        )
        sector = parse_sector(person.sector or "other")
        if sector is None:
            problems.append(
                Problem(f"{prefix}sector".strip(), t("service.bad_sector", value=person.sector))
            )
        email = check_email(person.email, problems, where=f"{prefix}email")
        phone = check_phone(person.phone, problems, where=f"{prefix}phone")
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
        wheres: Sequence[str] | None = None,
        key: str | None = None,
    ) -> list[Participant]:
        """Register many people at once: all of them, or (on any problem) none."""
        problems: list[Problem] = []
        events = []
        counter = self.state.counters.get("p", 0)
        for index, person in enumerate(people):
            where = wheres[index] if wheres else ""
            data = self._check_person(person, where, problems)
            counter += 1
            data = {"id": f"p{counter}", **data}
            events.append(
                self._event(EventKind.PARTICIPANT_ADDED, data, f"{key}:{index}" if key else None)
            )
        if problems:
            raise ValidationError(problems)
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
            raise CafeError(t("service.no_such_participant", id=participant_id)) from None

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
        if diff:
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

    @property
    def circle_mode(self) -> bool:
        """Under the agenda's threshold the meeting is one circle, not tables."""
        return len(self.state.present()) < self.agenda.tables.circle_below

    # -- seating ------------------------------------------------------------------

    def store_seating(self, plan: dict[str, Any], from_round: int = 1) -> None:
        """Record a seating plan (in the seating module's JSON form)."""
        self._one(EventKind.SEATING_PLANNED, {"plan": plan, "from_round": from_round})

    # -- ideas ------------------------------------------------------------------

    def capture_idea(
        self,
        text: str,
        *,
        table: int = 0,
        round: int | None = None,
        source: str = "tui",
        key: str | None = None,
    ) -> Idea:
        """Store an idea from a table; ``round`` defaults to the current café round."""
        return self.capture_ideas([text], table=table, round=round, source=source, key=key)[0]

    def capture_ideas(
        self,
        texts: Sequence[str],
        *,
        table: int = 0,
        round: int | None = None,
        source: str = "tui",
        key: str | None = None,
    ) -> list[Idea]:
        """Store several ideas from one table at once (all or none)."""
        problems: list[Problem] = []
        cleaned = [
            check_field(
                "idea",
                text,
                problems,
                where=f"ideas[{i}]" if len(texts) > 1 else "idea",
                required=True,
                multiline=True,
            )
            for i, text in enumerate(texts)
        ]
        if table < 0:
            problems.append(Problem("table", t("service.bad_table", table=table)))
        if problems:
            raise ValidationError(problems)
        round_number = self.current_round if round is None else round
        counter = self.state.counters.get("i", 0)
        events = []
        for index, text in enumerate(cleaned):
            counter += 1
            data = {
                "id": f"i{counter}",
                "text": text,
                "round": round_number,
                "table": table,
                "source": source,
            }
            events.append(
                self._event(EventKind.IDEA_CAPTURED, data, f"{key}:{index}" if key else None)
            )
        stored = self.commit(events)
        return [self.state.ideas[e.data["id"]] for e in stored]

    def _idea(self, idea_id: str) -> Idea:
        try:
            return self.state.ideas[idea_id]
        except KeyError:
            raise CafeError(t("service.no_such_idea", id=idea_id)) from None

    def edit_idea(self, idea_id: str, text: str | None = None, table: int | None = None) -> Idea:
        old = self._idea(idea_id)
        problems: list[Problem] = []
        data: dict[str, Any] = {"id": idea_id}
        if text is not None:
            cleaned = check_field("idea", text, problems, required=True, multiline=True)
            if cleaned != old.text:
                data["text"] = cleaned
        if table is not None and table != old.table:
            data["table"] = table
        if problems:
            raise ValidationError(problems)
        if len(data) > 1:
            self._one(EventKind.IDEA_EDITED, data)
        return self.state.ideas[idea_id]

    def delete_idea(self, idea_id: str, *, by: str = "tui") -> None:
        """Take an idea off the board and the deck (a junk idea from a phone, a mistake)."""
        self._idea(idea_id)
        self._one(EventKind.IDEA_DELETED, {"id": idea_id, "by": by})

    def restore_idea(self, idea_id: str) -> None:
        """Undo a delete or a merge of this idea."""
        self._idea(idea_id)
        self._one(EventKind.IDEA_RESTORED, {"id": idea_id})

    def merge_ideas(self, into: str, others: Sequence[str], text: str | None = None) -> Idea:
        """Fold duplicates into one idea (``others`` stay in the log, marked merged)."""
        self._idea(into)
        for other in others:
            self._idea(other)
        data: dict[str, Any] = {"into": into, "ids": [o for o in others if o != into]}
        if text is not None:
            problems: list[Problem] = []
            data["text"] = check_field("idea", text, problems, required=True, multiline=True)
            if problems:
                raise ValidationError(problems)
        self._one(EventKind.IDEAS_MERGED, data)
        return self.state.ideas[into]

    # -- themes -------------------------------------------------------------------

    def create_theme(self, name: str, *, signup: bool = False, ideas: Sequence[str] = ()) -> Theme:
        problems: list[Problem] = []
        cleaned = check_field("theme", name, problems, required=True)
        if problems:
            raise ValidationError(problems)
        theme_id = self.state.next_id("t")
        events = [
            self._event(
                EventKind.THEME_CREATED, {"id": theme_id, "name": cleaned, "signup": signup}
            )
        ]
        for idea_id in ideas:
            self._idea(idea_id)
            events.append(self._event(EventKind.IDEA_THEMED, {"idea": idea_id, "theme": theme_id}))
        self.commit(events)
        return self.state.themes[theme_id]

    def _theme(self, theme_id: str) -> Theme:
        theme = self.state.themes.get(theme_id)
        if theme is None or theme.deleted:
            raise CafeError(t("service.no_such_theme", id=theme_id))
        return theme

    def rename_theme(self, theme_id: str, name: str) -> None:
        self._theme(theme_id)
        problems: list[Problem] = []
        cleaned = check_field("theme", name, problems, required=True)
        if problems:
            raise ValidationError(problems)
        self._one(EventKind.THEME_RENAMED, {"id": theme_id, "name": cleaned})

    def delete_theme(self, theme_id: str) -> None:
        self._theme(theme_id)
        self._one(EventKind.THEME_DELETED, {"id": theme_id})

    def set_idea_theme(self, idea_id: str, theme_id: str) -> None:
        """Put an idea under a theme (``""`` takes it off the theme)."""
        self._idea(idea_id)
        if theme_id:
            self._theme(theme_id)
        self._one(EventKind.IDEA_THEMED, {"idea": idea_id, "theme": theme_id})

    def set_theme_signup(self, theme_id: str, signup: bool) -> None:
        """Choose whether a theme gets a sign-up list."""
        if self._theme(theme_id).signup != signup:
            self._one(EventKind.THEME_SIGNUP_SET, {"id": theme_id, "signup": signup})

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
    ) -> Signup:
        """Put someone on the sign-up lists of ``themes``.

        ``session`` is a keyed hash of the phone's browser session (never the session id
        itself): sign-ups from one phone are counted as one person.

        Contact details are only kept with consent: without it the sign-up records the
        name and organisation, and the working group must reach them through the hosts.
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
        open_themes = {th.id for th in self.state.live_themes() if th.signup} or {
            th.id for th in self.state.live_themes()
        }
        for theme_id in themes:
            if theme_id not in open_themes:
                problems.append(Problem("themes", t("service.no_such_theme", id=theme_id)))
        if (data["email"] or data["phone"]) and not consent:
            problems.append(Problem("consent", t("service.consent_needed")))
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
            raise CafeError(t("service.no_such_signup", id=signup_id))
        self._one(EventKind.SIGNUP_WITHDRAWN, {"id": signup_id, "by": by})

    remove_signup = withdraw_signup

    def restore_signup(self, signup_id: str, *, by: str = "tui") -> None:
        """Undo a removal."""
        if signup_id not in self.state.signups:
            raise CafeError(t("service.no_such_signup", id=signup_id))
        self._one(EventKind.SIGNUP_RESTORED, {"id": signup_id, "by": by})

    def remove_checkout(self, note_id: str, *, by: str = "tui") -> None:
        """Take a check-out thought off the projector, the word cloud and every report."""
        if note_id not in self.state.checkout:
            raise CafeError(t("service.no_such_thought", id=note_id))
        self._one(EventKind.CHECKOUT_REMOVED, {"id": note_id, "by": by})

    def restore_checkout(self, note_id: str, *, by: str = "tui") -> None:
        if note_id not in self.state.checkout:
            raise CafeError(t("service.no_such_thought", id=note_id))
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

    # -- after the meeting ----------------------------------------------------------

    def record_feedback_sent(self, key: str) -> None:
        """The mail server accepted the feedback letter for the address whose
        ``contact_rule.address_key`` is ``key``: a rerun of ``cafe send`` skips it.
        Called only after the server said yes."""
        self._one(EventKind.FEEDBACK_SENT, {"to": key})

    def _existing(self, key: str) -> Event | None:
        """The event already stored (or waiting in this group) under ``key``."""
        for event in self._pending or ():
            if event.key == key:
                return event
        finder = getattr(self.log, "find_key", None)
        return finder(key) if finder else None

    # -- export ---------------------------------------------------------------------

    def events(self) -> list[Event]:
        """The whole log, oldest first."""
        return list(self.log.read(0))
