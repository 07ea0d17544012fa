"""Checking events that did not come through the service (an imported export).

The service checks every command before it becomes an event, and ``fold`` trusts it. An
export file is only text, so before ``cafe import`` writes anything, each of its events is
held to the same rules, with the same checks (``check_field``, ``check_email``,
``check_phone``, the sector names, the seating plan's reader): the payload has the fields
the fold reads, of the right types, and every text is what the service would have stored.
A file that passes folds without an exception; one that does not is refused with every
problem named by the event's position and sequence number.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from msgspec.structs import replace

from cafe.core.errors import Problem, ValidationError, Where, deeper
from cafe.core.events import Event, EventKind
from cafe.core.participants import Sector
from cafe.core.seating.plan import SeatingPlan
from cafe.core.state import MeetingState, apply
from cafe.core.text import check_email, check_field, check_phone

Check = Callable[[Any, str, list[Problem], "_Context"], Any]
"""Checks one field's value (given, so not ``None``); returns it as it is to be stored."""


class _Context:
    """What a check needs besides the value: the agenda's size, whether data was purged."""

    def __init__(self, steps: int, purged: bool) -> None:
        self.steps = steps
        self.purged = purged


def _problem(problems: list[Problem], where: Where, key: str, **values: Any) -> None:
    problems.append(Problem.coded(f"exchange.rule.{key}", where=where, **values))


def _text(field: str, *, required: bool = False, multiline: bool = False) -> Check:
    def check(value: Any, where: Where, problems: list[Problem], ctx: _Context) -> Any:
        if not isinstance(value, str):
            _problem(problems, where, "want_text")
            return value
        personal = field in ("name", "author")
        needed = required and not (personal and ctx.purged)  # a purge blanks names
        return check_field(
            field, value, problems, where=where, required=needed, multiline=multiline
        )

    return check


def _email(value: Any, where: Where, problems: list[Problem], ctx: _Context) -> Any:
    if not isinstance(value, str):
        _problem(problems, where, "want_text")
        return value
    return check_email(value, problems, where=where)


def _phone(value: Any, where: Where, problems: list[Problem], ctx: _Context) -> Any:
    if not isinstance(value, str):
        _problem(problems, where, "want_text")
        return value
    return check_phone(value, problems, where=where)


def _word(value: Any, where: Where, problems: list[Problem], ctx: _Context) -> Any:
    """An id, a source, a key: short text without spaces or control characters."""
    if not isinstance(value, str) or len(value) > 200 or not value.isprintable():
        _problem(problems, where, "want_word")
    return value


def _id(value: Any, where: Where, problems: list[Problem], ctx: _Context) -> Any:
    if not isinstance(value, str) or not value or len(value) > 64 or not value.isprintable():
        _problem(problems, where, "want_word")
    return value


def _ids(value: Any, where: Where, problems: list[Problem], ctx: _Context) -> Any:
    if not isinstance(value, list):
        _problem(problems, where, "want_list")
        return value
    for index, item in enumerate(value):
        _id(item, deeper(where, f"[{index}]"), problems, ctx)
    return value


def _flag(value: Any, where: Where, problems: list[Problem], ctx: _Context) -> Any:
    if not isinstance(value, bool):
        _problem(problems, where, "want_flag")
    return value


def _whole(minimum: int = 0) -> Check:
    def check(value: Any, where: Where, problems: list[Problem], ctx: _Context) -> Any:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            _problem(problems, where, "want_whole", minimum=minimum)
        return value

    return check


def _seconds(value: Any, where: Where, problems: list[Problem], ctx: _Context) -> Any:
    ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    if not ok or abs(value) > 7 * 24 * 3600:
        _problem(problems, where, "want_seconds")
    return value


def _step(value: Any, where: Where, problems: list[Problem], ctx: _Context) -> Any:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < ctx.steps:
        _problem(problems, where, "want_step", count=ctx.steps)
    return value


def _sector(value: Any, where: Where, problems: list[Problem], ctx: _Context) -> Any:
    if value not in {str(sector) for sector in Sector}:
        _problem(problems, where, "want_sector", value=value)
    return value


def _plan(value: Any, where: Where, problems: list[Problem], ctx: _Context) -> Any:
    try:
        SeatingPlan.from_stored(value, where)
    except ValidationError as error:
        problems.extend(error.problems)
    return value


_PERSON: dict[str, Check] = {
    "name": _text("name", required=True),
    "organisation": _text("organisation"),
    "sector": _sector,
    "email": _email,
    "phone": _phone,
    "host": _flag,
    "present": _flag,
}
_MODERATION: dict[str, Check] = {"id": _id, "by": _word}

#: Per kind: the fields the fold reads and their checks; ``REQUIRED`` lists those it needs.
RULES: dict[EventKind, dict[str, Check]] = {
    EventKind.PARTICIPANT_ADDED: {"id": _id, **_PERSON},
    EventKind.PARTICIPANT_CHANGED: {"id": _id, **_PERSON},
    EventKind.PARTICIPANT_REMOVED: {"id": _id},
    EventKind.STEP_STARTED: {"index": _step, "seconds": _seconds, "by": _word, "skipped": _flag},
    EventKind.TIMER_STARTED: {"step": _whole(), "seconds": _seconds},
    EventKind.TIMER_PAUSED: {"step": _whole()},
    EventKind.TIMER_RESUMED: {"step": _whole()},
    EventKind.TIMER_ADJUSTED: {"step": _whole(), "seconds": _seconds},
    EventKind.SEATING_PLANNED: {"plan": _plan, "from_round": _whole()},
    EventKind.SPEAKER_MARKED: {"id": _id, "spoken": _flag},
    EventKind.IDEA_CAPTURED: {
        "id": _id,
        "text": _text("idea", required=True, multiline=True),
        "round": _whole(),
        "table": _whole(),
        "source": _word,
        "theme": _word,
    },
    EventKind.IDEA_EDITED: {
        "id": _id,
        "text": _text("idea", required=True, multiline=True),
        "table": _whole(),
        "round": _whole(),
        "undo": _flag,
    },
    EventKind.IDEA_DELETED: _MODERATION,
    EventKind.IDEA_RESTORED: _MODERATION,
    EventKind.IDEAS_MERGED: {
        "into": _id,
        "ids": _ids,
        "text": _text("idea", required=True, multiline=True),
        "by": _word,
    },
    EventKind.THEME_CREATED: {"id": _id, "name": _text("theme", required=True), "signup": _flag},
    EventKind.THEME_RENAMED: {"id": _id, "name": _text("theme", required=True)},
    EventKind.THEME_DELETED: {"id": _id},
    EventKind.IDEA_THEMED: {"idea": _id, "theme": _word},
    EventKind.THEME_SIGNUP_SET: {"id": _id, "signup": _flag, "by": _word},
    EventKind.SIGNED_UP: {
        "id": _id,
        "name": _text("name", required=True),
        "organisation": _text("organisation"),
        "email": _email,
        "phone": _phone,
        "themes": _ids,
        "consent": _flag,
        "consent_version": _word,
        "source": _word,
        "session": _word,
    },
    EventKind.SIGNUP_WITHDRAWN: _MODERATION,
    EventKind.SIGNUP_RESTORED: _MODERATION,
    EventKind.CHECKOUT_NOTED: {
        "id": _id,
        "text": _text("checkout", required=True, multiline=True),
        "author": _text("author"),
        "source": _word,
    },
    EventKind.CHECKOUT_REMOVED: _MODERATION,
    EventKind.CHECKOUT_RESTORED: _MODERATION,
    EventKind.PERSONAL_DATA_PURGED: {
        "participants": _whole(),
        "signups": _whole(),
        "events": _whole(),
    },
    EventKind.FEEDBACK_SENT: {"to": _id},
    EventKind.HIGH_CONTRAST_SET: {"on": _flag},
}

REQUIRED: dict[EventKind, frozenset[str]] = {
    EventKind.PARTICIPANT_ADDED: frozenset({"id", "name"}),
    EventKind.STEP_STARTED: frozenset({"index"}),
    EventKind.TIMER_ADJUSTED: frozenset({"step", "seconds"}),
    EventKind.SEATING_PLANNED: frozenset({"plan"}),
    EventKind.IDEA_CAPTURED: frozenset({"id", "text"}),
    EventKind.IDEAS_MERGED: frozenset({"into", "ids"}),
    EventKind.THEME_CREATED: frozenset({"id", "name"}),
    EventKind.THEME_RENAMED: frozenset({"id", "name"}),
    EventKind.IDEA_THEMED: frozenset({"idea"}),
    EventKind.THEME_SIGNUP_SET: frozenset({"id", "signup"}),
    EventKind.SIGNED_UP: frozenset({"id", "name"}),
    EventKind.CHECKOUT_NOTED: frozenset({"id", "text"}),
    EventKind.PERSONAL_DATA_PURGED: frozenset(),
    EventKind.FEEDBACK_SENT: frozenset({"to"}),
    EventKind.HIGH_CONTRAST_SET: frozenset({"on"}),
}
"""Fields without which the fold cannot apply the event (the rest default)."""

_CREATES = {
    EventKind.PARTICIPANT_ADDED,
    EventKind.IDEA_CAPTURED,
    EventKind.THEME_CREATED,
    EventKind.SIGNED_UP,
    EventKind.CHECKOUT_NOTED,
}


def _required(kind: EventKind) -> frozenset[str]:
    if kind in REQUIRED:
        return REQUIRED[kind]
    fields = RULES.get(kind, {})
    return frozenset({"step"} & fields.keys() or {"id"} & fields.keys())


def _checked(
    event: Event, at: Callable[[str], str], ctx: _Context, problems: list[Problem]
) -> Event:
    """``event`` with its texts as the service stores them; problems are added."""
    rules = RULES.get(event.kind, {})  # a kind without rules is left to the fold check
    data = dict(event.data)
    for name in sorted(_required(event.kind) - data.keys()):
        _problem(problems, at(f".data.{name}"), "missing")
    for name, check in rules.items():
        if name in data:
            data[name] = check(data[name], at(f".data.{name}"), problems, ctx)
    contacts = data.get("email") or data.get("phone")
    if event.kind is EventKind.SIGNED_UP and contacts and data.get("consent") is not True:
        problems.append(Problem.coded("service.consent_needed", where=at(".data.consent")))
    return replace(event, data=data)


def checked_events(
    events: Sequence[Event], steps: int, where: Callable[[int, Event, str], str]
) -> list[Event]:
    """The events as the service would have stored them, or ``ValidationError`` naming all.

    ``steps`` is the agenda's number of steps; ``where(index, event, field)`` says where an
    event (and ``field``, such as ``.data.name``, or ``""``) is in its file. A log holding a
    purge may have blank names (the purge blanked them).
    """
    ctx = _Context(steps, any(e.kind is EventKind.PERSONAL_DATA_PURGED for e in events))
    problems: list[Problem] = []
    cleaned: list[Event] = []
    made: set[tuple[EventKind, str]] = set()
    for index, event in enumerate(events):

        def at(field: str, index: int = index, event: Event = event) -> str:
            return where(index, event, field)

        before = len(problems)
        if not (isinstance(event.at, float) and math.isfinite(event.at)) or event.seq < 1:
            _problem(problems, at(""), "want_time")
        if event.key is not None:
            _word(event.key, at(".key"), problems, ctx)
        event = _checked(event, at, ctx, problems)
        identity = (event.kind, str(event.data.get("id")))
        if event.kind in _CREATES and identity in made:
            _problem(problems, at(".data.id"), "twice", id=identity[1])
        made.add(identity)
        if len(problems) == before:
            cleaned.append(event)
    if not problems:
        state = MeetingState()
        for index, event in enumerate(cleaned):
            try:
                apply(state, event)
            except (KeyError, TypeError, ValueError, AttributeError, IndexError):
                _problem(problems, where(index, event, ""), "not_foldable")
    if problems:
        raise ValidationError(problems)
    return cleaned
