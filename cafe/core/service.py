"""MeetingService: the one place that changes a meeting.

Every command (from the TUI, the web server, the CLI or the demo) goes through here:
check the input, turn it into events, append them to the log in one transaction, fold
them into the state, then tell subscribers. Nothing is announced before it is stored, so
what the screen shows has always been saved.

Commands can also share one transaction (``group``): the web server runs the phones'
submissions that arrive together as one group, so a burst costs one fsync, not one each.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from cafe.core.agenda import Agenda, Step, StepKind
from cafe.core.clock import Clock, SystemClock
from cafe.core.errors import (
    CafeError,
    ChangedMeanwhile,
    DamagedEvent,
    JustMoved,
    Message,
    Problem,
    StoreConflict,
    ValidationError,
)
from cafe.core.events import Event, EventKind
from cafe.core.participants import match_key
from cafe.core.people_commands import PeopleCommands
from cafe.core.seating.late import late_seat
from cafe.core.seating.plan import SeatingPlan
from cafe.core.state import Idea, MeetingState, Theme, apply, fold
from cafe.core.text import check_field, clean
from cafe.core.timer import Timer

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


def _numbered(problem: Problem, number: int) -> Problem:
    """``problem`` about the ``number``-th of several ideas, so a form can say which."""
    message = Message(problem.code, {**problem.values, "number": number})
    return Problem(problem.where, message, problem.field)


STEP_GRACE = 3.0
"""Seconds after one co-host moved the step in which the other's next, previous or skip
is refused (``JustMoved``): long enough for a press already on its way, short enough that
a press made after reading the screen goes through."""

SNAPSHOT_EVERY = 500
"""Events between snapshots: replaying 500 events takes a few milliseconds."""


def _by(data: dict[str, Any], by: str) -> dict[str, Any]:
    """``data`` with who did it, when it was not the laptop."""
    return {**data, "by": by} if by else data


def line_keys(key: str, texts: Sequence[str]) -> list[str]:
    """The idempotency key of each idea sent under ``key``: ``key`` and the idea's words
    as people mean them (``match_key``), with the count of an earlier equal line.

    Keyed by position, a resend after a lost answer that added or replaced a line gave
    that line the key of a line stored the first time, and it was dropped while the phone
    said "Sent!". Keyed by words, a line is stored once whatever was sent before it.
    """
    seen: dict[str, int] = {}
    keys = []
    for text in texts:
        words = match_key(text)
        digest = hashlib.sha256(words.encode()).hexdigest()[:20]
        seen[digest] = seen.get(digest, 0) + 1
        keys.append(f"{key}:{digest}" + (f":{seen[digest]}" if seen[digest] > 1 else ""))
    return keys


class MeetingService(PeopleCommands):
    """A meeting's agenda, its state, and the commands that change it (those about
    people are in ``PeopleCommands``)."""

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
    def group(self, *, snapshot: bool = True) -> Iterator[None]:
        """Run the commands inside as one transaction: stored together, or not at all.

        Each command still checks its input against the state as the commands before it
        left it (they are folded at once), but the events reach the log in one commit at
        the end, and subscribers hear of them only then. If the commit fails, the state is
        read back from the log, so nothing that was not stored stays on screen.

        ``snapshot=False`` leaves a snapshot that falls due to ``snapshot_if_due``: the
        web server takes it once a burst of phones has been answered, not in the middle.
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
            raise StoreConflict(Message("store.changed_elsewhere")) from None
        except BaseException:
            self.state = self._load_state()
            raise
        if [e.seq for e in stored] != [e.seq for e in pending]:
            self.state = self._load_state()  # never expected: trust the log over the guess
        self._stored(pending, snapshot=snapshot)

    def _stored(self, fresh: list[Event], *, snapshot: bool = True) -> None:
        """``fresh`` is durable and folded: snapshot when due, then announce."""
        self._since_snapshot += len(fresh)
        if snapshot or self._since_snapshot >= 2 * self._snapshot_every:
            self.snapshot_if_due()
        if fresh:
            for subscriber in list(self._subscribers):
                subscriber(fresh)

    def snapshot_if_due(self) -> None:
        """Save a snapshot of the state if ``snapshot_every`` events came since the last:
        it is only a cache, so that opening the meeting replays a few events, not all.
        Never inside a group: its state holds events not stored yet."""
        if self._pending is None and self._since_snapshot >= self._snapshot_every:
            self.log.save_snapshot(self.state.last_seq, self.state.to_dict())
            self._since_snapshot = 0

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
            raise StoreConflict(Message("store.changed_elsewhere")) from None
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

    @property
    def capture_round(self) -> int:
        """The round whose ideas are being written down: the current café round once its
        timer has started, else the round before it.

        At the end of a round the co-hosts move on to the next round's rotation while the
        tables still send what they said: those ideas were filed under the round not yet
        begun, and the capture screen lost the round it was typing.
        """
        current = self.current_round
        step = self.current_step
        if step is None or step.kind is not StepKind.CAFE_ROUND or step.round != current:
            return self._held_round(current)
        timer = self.timer()
        if timer is None or timer.started:  # an untimed round is under way when shown
            return current
        index = self.state.current_step
        earlier = [
            s.round for s in self.agenda.steps[:index] if s.kind is StepKind.CAFE_ROUND and s.round
        ]
        return self._held_round(max(earlier, default=current))

    def round_before(self, number: int) -> int | None:
        """The last café round before ``number`` that was not skipped, or ``None``: the
        round whose paper notes the co-hosts type in while ``number`` runs."""
        earlier = self._held_round(number - 1)
        return earlier if 0 < earlier < number else None

    def _held_round(self, number: int) -> int:
        """``number``, or the last round before it that was not skipped: after round 4 was
        skipped with ``s``, round 3's paper notes were filed under round 4, a round that
        never took place (and left out of the report's questions)."""
        held = [
            s.round
            for i, s in enumerate(self.agenda.steps)
            if s.kind is StepKind.CAFE_ROUND
            and s.round
            and s.round <= number
            and i not in self.state.skipped
        ]
        return max(held, default=number)

    def start_step(self, index: int, *, by: str = "") -> None:
        """Move the meeting to step ``index`` (its timer is kept if it ran before).

        ``by``: ``console`` when the co-host's phone moved it, so the laptop can say so.
        """
        if not 0 <= index < len(self.agenda.steps):
            raise CafeError(
                Message(
                    "service.no_such_step", {"index": index + 1, "count": len(self.agenda.steps)}
                )
            )
        seconds = self.agenda.steps[index].minutes * 60
        data: dict[str, Any] = {"index": index, "seconds": seconds}
        if by:
            data["by"] = by
        self._one(EventKind.STEP_STARTED, data)

    def _not_just_moved(self, by: str) -> None:
        """Refuse a move right after the other co-host's (``JustMoved``): the laptop's n
        and the console's "Nästa steg" a few hundred milliseconds apart each moved the
        meeting on, and round 1 was never held."""
        if not self.state.visits:
            return
        last = self.state.visits[-1]
        if last.by == by or self.clock.now() - last.at >= STEP_GRACE:
            return
        who = "console" if last.by == "console" else "laptop"
        step = self.agenda.steps[last.index]
        raise JustMoved(
            Message(
                f"service.step_just_moved_{who}", {"number": last.index + 1, "title": step.title}
            )
        )

    def next_step(self, *, by: str = "") -> bool:
        """Go to the next step; ``False`` at the end of the agenda."""
        if self.state.current_step + 1 >= len(self.agenda.steps):
            return False
        self._not_just_moved(by)
        self.start_step(self.state.current_step + 1, by=by)
        return True

    def skip_step(self, *, by: str = "") -> bool:
        """End the current step now and go to the next; ``False`` at the end.

        A step whose time never ran is recorded as skipped: the agenda marks it so, and
        the report does not list a skipped round's question as discussed. One whose time
        ran is stopped where it is: ended early, but held.
        """
        index = self.state.current_step
        if index + 1 >= len(self.agenda.steps):
            return False
        self._not_just_moved(by)
        events = []
        timer = self.state.timers.get(index)
        if timer is not None and timer.running:
            events.append(self._event(EventKind.TIMER_PAUSED, {"step": index}))
        data: dict[str, Any] = {
            "index": index + 1,
            "seconds": self.agenda.steps[index + 1].minutes * 60,
            "skipped": True,
        }
        if by:
            data["by"] = by
        events.append(self._event(EventKind.STEP_STARTED, data))
        self.commit(events)
        return True

    def previous_step(self, *, by: str = "") -> bool:
        if self.state.current_step <= 0:
            return False
        self._not_just_moved(by)
        self.start_step(self.state.current_step - 1, by=by)
        return True

    # -- timer ----------------------------------------------------------------

    def timer(self, step: int | None = None) -> Timer | None:
        index = self.state.current_step if step is None else step
        return self.state.timers.get(index)

    def _timer_step(self) -> int:
        if self.state.current_step < 0:
            raise CafeError(Message("service.not_started"))
        return self.state.current_step

    def timer_start(self, *, by: str = "") -> None:
        """Start the current step's timer, or resume it when paused.

        ``by``: ``console`` from the co-host's phone, so the laptop can say so."""
        step = self._timer_step()
        timer = self.state.timers.get(step)
        if timer is not None and timer.started and not timer.running:
            self._one(EventKind.TIMER_RESUMED, _by({"step": step}, by))
        elif timer is None or not timer.started:
            self._one(EventKind.TIMER_STARTED, _by({"step": step}, by))

    def timer_pause(self, *, by: str = "") -> None:
        step = self._timer_step()
        timer = self.state.timers.get(step)
        if timer is not None and timer.running:
            self._one(EventKind.TIMER_PAUSED, _by({"step": step}, by))

    def timer_toggle(self, *, by: str = "") -> None:
        timer = self.timer()
        if timer is not None and timer.running:
            self.timer_pause(by=by)
        else:
            self.timer_start(by=by)

    def timer_restart(self) -> None:
        """Start again from the step's planned time."""
        step = self._timer_step()
        self._one(
            EventKind.TIMER_STARTED, {"step": step, "seconds": self.agenda.steps[step].minutes * 60}
        )

    def timer_adjust(self, seconds: float, *, by: str = "") -> None:
        """Give (+) or take (-) time from the current step's timer."""
        step = self._timer_step()
        self._one(EventKind.TIMER_ADJUSTED, _by({"step": step, "seconds": float(seconds)}, by))

    @property
    def circle_mode(self) -> bool:
        """Whether the present people are to be seated as one circle, not at tables.

        Under the agenda's threshold (``circle_below``) the meeting is one circle, until
        the café rounds have begun (``rounds_begun``): from then on it keeps the seating it
        began them with. A circle stays a circle when latecomers bring it to ten (they
        join the ring), and tables stay tables when people leave; the room is arranged for
        one or the other, and changing it mid-evening made two newcomers hosts of tables
        that did not exist.
        """
        plan = self.state.seating_plan
        if plan and self.rounds_begun:
            return plan.is_circle
        return len(self.state.present()) < self.agenda.tables.circle_below

    @property
    def sits_in_circle(self) -> bool:
        """How the room sits now: as the seating plan says once there is one (people who
        arrive mid-round do not turn a circle into tables), else by the people present
        (the registered ones before anyone has arrived, as the cards are printed; tables
        while nobody is known). The laptop, the phones and the reports all ask this, so
        they never disagree."""
        plan = self.state.seating_plan
        if plan:
            return plan.is_circle
        people = len(self.state.present()) or len(self.state.participants)
        return 0 < people < self.agenda.tables.circle_below  # nobody known: the agenda's tables

    # -- seating ------------------------------------------------------------------

    @property
    def first_open_round(self) -> int:
        """The first café round a new seating may change: the current one while its timer
        has not started, else the next; past the last round when every round has begun.

        People at the tables are not moved mid-conversation, and a round already held stays
        as it was; a round not yet started (the co-hosts marking late arrivals before
        pressing Space) still can be.
        """
        number = self.current_round
        if number == 0:
            return 1
        step = self.current_step
        if step is not None and step.kind is StepKind.CAFE_ROUND:
            timer = self.timer()
            if timer is None or not timer.started:
                return number
        return number + 1

    @property
    def rounds_begun(self) -> bool:
        """Whether a café round has begun (round 1's timer started, or the meeting is past
        it): from then on the meeting keeps its seating's form, circle or tables."""
        return self.first_open_round > 1

    @property
    def round_under_way(self) -> int:
        """The café round whose tables are talking now (its timer has started, paused
        or not), else 0. Its seating is kept as it is: a re-plan starts after it."""
        step = self.current_step
        if step is None or step.kind is not StepKind.CAFE_ROUND or not step.round:
            return 0
        timer = self.timer()
        return step.round if timer is not None and timer.started else 0

    @property
    def seats_arrivals_now(self) -> bool:
        """Whether someone checked in now is given a seat at once: in the round under way
        at tables, and at any time in a circle (they join the end of the ring)."""
        return bool(self.round_under_way) or self.state.seating_plan.is_circle

    def _seat_late_arrivals(self, ids: Sequence[str]) -> None:
        """Give those of ``ids`` who are here a seat in the round under way, if there is
        one and its plan has tables: the emptiest table, nobody else moved (see
        ``seating.late``). In a circle they join the end of the ring, from the round
        under way (or the next to begin) on; earlier rounds keep the ring they had. One
        stored plan for all of them, in the caller's group."""
        round_number = self.round_under_way
        plan = self.state.seating_plan
        if plan.is_circle:
            here = [
                pid
                for pid in ids
                if pid in self.state.participants and self.state.participants[pid].present
            ]
            joined = plan.joined(here, round_number or self.first_open_round)
            if joined != plan:
                self.store_seating(joined, round_number or self.first_open_round)
            return
        if not round_number or not plan.is_tables:
            return
        changed = False
        for person_id in ids:
            person = self.state.participants.get(person_id)
            if person is None or not person.present:
                continue
            seated = late_seat(plan, person_id, round_number, self.agenda.tables.size_max)
            if seated is not None:
                plan, changed = seated[0], True
        if changed:
            self.store_seating(plan, round_number)

    def store_seating(self, plan: SeatingPlan | Mapping[str, Any], from_round: int = 1) -> None:
        """Record a seating plan in the form ``SeatingPlan.to_stored`` writes (a plan
        given in that form, as the planner prints it, is read through it first)."""
        typed = plan if isinstance(plan, SeatingPlan) else SeatingPlan.from_stored(plan)
        data = {"plan": typed.to_stored(), "from_round": from_round}
        self._one(EventKind.SEATING_PLANNED, data)

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
        """Store an idea from a table; ``round`` defaults to ``capture_round``."""
        return self.capture_ideas([text], table=table, round=round, source=source, key=key)[0]

    def capture_ideas(
        self,
        texts: Sequence[str],
        *,
        table: int = 0,
        round: int | None = None,
        source: str = "tui",
        key: str | None = None,
        at_most: int | None = None,
    ) -> list[Idea]:
        """Store several ideas from one table at once (all or none).

        ``at_most`` caps how many one sending may hold (a phone's paste accident).
        ``key`` makes a resend safe: each idea's event is keyed by ``key`` and the idea's
        words (``line_key``), not its place in ``texts``, so the same lines sent again store
        nothing, while a line added or changed before the resend is stored.
        """
        problems: list[Problem] = []
        if not texts:
            problems.append(Problem.coded("service.no_ideas", field="idea", where="ideas"))
        elif at_most is not None and len(texts) > at_most:
            problems.append(
                Problem.coded(
                    "service.too_many_ideas",
                    field="idea",
                    where="ideas",
                    count=at_most,
                    limit=at_most,
                )
            )
        cleaned = []
        for index, text in enumerate(texts):
            found: list[Problem] = []
            where = f"ideas[{index}]" if len(texts) > 1 else "idea"
            cleaned.append(
                check_field("idea", text, found, where=where, required=True, multiline=True)
            )
            problems.extend(_numbered(problem, index + 1) for problem in found)
        if table < 0:
            problems.append(
                Problem.coded("service.bad_table", field="table", where="table", table=table)
            )
        if problems:
            raise ValidationError(problems)
        round_number = self.capture_round if round is None else round
        counter = self.state.counters.get("i", 0)
        events = []
        keys = line_keys(key, cleaned) if key else [None] * len(cleaned)
        for text, event_key in zip(cleaned, keys, strict=True):
            counter += 1
            data = {
                "id": f"i{counter}",
                "text": text,
                "round": round_number,
                "table": table,
                "source": source,
            }
            events.append(self._event(EventKind.IDEA_CAPTURED, data, event_key))
        stored = self.commit(events)
        return [self.state.ideas[e.data["id"]] for e in stored]

    def _idea(self, idea_id: str) -> Idea:
        try:
            return self.state.ideas[idea_id]
        except KeyError:
            raise CafeError(Message("service.no_such_idea", {"id": idea_id})) from None

    def edit_idea(
        self,
        idea_id: str,
        text: str | None = None,
        table: int | None = None,
        *,
        seen: str | None = None,
    ) -> Idea:
        """Change an idea's text or table. ``seen``: the text the user saw and replaced; if
        it has changed since, nothing is changed (``ChangedMeanwhile``)."""
        old = self._idea(idea_id)
        problems: list[Problem] = []
        data: dict[str, Any] = {"id": idea_id}
        if text is not None:
            cleaned = check_field("idea", text, problems, required=True, multiline=True)
            if cleaned != old.text:
                data["text"] = cleaned
                if seen is not None and clean(seen, multiline=True) != old.text and not problems:
                    raise ChangedMeanwhile(
                        Message("service.idea_changed_meanwhile", {"text": old.text}), old.text
                    )
        if table is not None and table != old.table:
            data["table"] = table
        if problems:
            raise ValidationError(problems)
        if len(data) > 1:
            self._one(EventKind.IDEA_EDITED, data)
        return self.state.ideas[idea_id]

    def undo_idea_edit(self, idea_id: str) -> Idea:
        """Put back the text the last edit of this idea replaced."""
        idea = self._idea(idea_id)
        if not idea.earlier_texts:
            raise CafeError(Message("service.no_edit_to_undo"))
        self._one(
            EventKind.IDEA_EDITED, {"id": idea_id, "text": idea.earlier_texts[-1], "undo": True}
        )
        return self.state.ideas[idea_id]

    def delete_idea(self, idea_id: str, *, by: str = "tui") -> None:
        """Take an idea off the board and the deck (a junk idea from a phone, a mistake)."""
        self._idea(idea_id)
        self._one(EventKind.IDEA_DELETED, {"id": idea_id, "by": by})

    def restore_idea(self, idea_id: str) -> None:
        """Undo a delete or a merge of this idea."""
        self._idea(idea_id)
        self._one(EventKind.IDEA_RESTORED, {"id": idea_id})

    def merge_ideas(
        self, into: str, others: Sequence[str], text: str | None = None, *, by: str = "tui"
    ) -> Idea:
        """Fold duplicates into one idea (``others`` stay in the log, marked merged).

        ``by``: ``console`` from the co-host's phone, so the laptop can say who merged an
        idea it was showing."""
        kept = self._idea(into)
        if not kept.visible:  # hidden or merged on the other screen since it was shown
            raise CafeError(Message("service.merge_into_gone", {"text": kept.text}))
        # An idea the other co-host hid or merged meanwhile stays as they left it.
        ids = [o for o in others if o != into and self._idea(o).visible]
        if not ids:
            raise CafeError(Message("service.merge_nothing_left"))
        data: dict[str, Any] = {"into": into, "ids": ids, "by": by}
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
            raise CafeError(Message("service.no_such_theme", {"id": theme_id}))
        return theme

    def rename_theme(self, theme_id: str, name: str, *, seen: str | None = None) -> None:
        """Give a theme a new name. ``seen``: the name the user saw and replaced; if the
        theme was renamed since, it is not renamed again unseen (``ChangedMeanwhile``)."""
        theme = self._theme(theme_id)
        problems: list[Problem] = []
        cleaned = check_field("theme", name, problems, required=True)
        if problems:
            raise ValidationError(problems)
        if seen is not None and clean(seen) != theme.name and cleaned != theme.name:
            raise ChangedMeanwhile(
                Message("service.theme_renamed_meanwhile", {"name": theme.name}), theme.name
            )
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

    def set_theme_signup(self, theme_id: str, signup: bool, *, by: str = "tui") -> None:
        """Choose whether a theme gets a sign-up list (``by``: as for ``merge_ideas``)."""
        if self._theme(theme_id).signup != signup:
            self._one(EventKind.THEME_SIGNUP_SET, {"id": theme_id, "signup": signup, "by": by})

    # -- the room's screens ---------------------------------------------------------

    def set_high_contrast(self, on: bool) -> None:
        """The room's screens in high contrast or not: the laptop's and the projector
        page, which follows the state like everything else it shows."""
        if self.state.high_contrast != on:
            self._one(EventKind.HIGH_CONTRAST_SET, {"on": on})

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
