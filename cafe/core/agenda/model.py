"""The agenda's model: what the meeting is about and the steps it walks through.

An agenda is a TOML file (``docs/agenda-format.md``): ``[meeting]`` metadata with the two
co-hosts, ``[tables]`` rules, ``[privacy]``, ``[web]`` and an ordered list of
``[[steps]]``. These are plain frozen values; reading and checking a file is in
:mod:`.reader`, writing one in :mod:`.writer`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import msgspec
from msgspec import field
from msgspec.structs import force_setattr, replace

from cafe.core.participants import Sector

MAX_MINUTES = 600
"""No single step is planned longer than this (ten hours)."""
MAX_RETENTION_DAYS = 3650
"""Personal data is never planned to be kept longer than ten years."""
MAX_TABLE_SIZE = 30
MAX_CIRCLE_BELOW = 1000
MAX_FILE_BYTES = 2_000_000
"""An agenda is a few kilobytes; a bigger file is surely something else."""
MAX_NESTING = 20
"""Lists and tables inside each other: an agenda needs three levels, parsers recurse."""


class StepKind(StrEnum):
    """What a step of the meeting is; the screens behave differently for each.

    Adding a kind is a checklist that ``tests/test_step_kinds.py`` enforces: a console view
    (``cafe.tui.widgets.step_panel.VIEWS``), a projector layout (``cafe.web.room.LAYOUTS``),
    a slide in the meeting deck (``cafe.reports.meeting_deck.SLIDES``) and what the demo's
    room does (``cafe.demo.driver.ACTIONS``).
    """

    OPENING = "opening"
    PURPOSE = "purpose"
    PRESENTATION_ROUND = "presentation_round"
    CAFE_ROUND = "cafe_round"
    BREAK = "break"
    HARVEST = "harvest"
    SIGNUP = "signup"
    CHECKOUT = "checkout"
    CLOSING = "closing"
    CUSTOM = "custom"


NEEDS_QUESTION: frozenset[StepKind] = frozenset({StepKind.CAFE_ROUND, StepKind.CHECKOUT})
"""Step kinds that are pointless without a question."""


class Step(msgspec.Struct, frozen=True):
    """One step of the meeting, in the order of the agenda."""

    kind: StepKind
    """What kind of step this is."""
    title: str
    """Short heading, shown on the projector and in the agenda rail."""
    minutes: float
    """Planned length; the step's timer starts from it. Whole numbers are kept as ``int``."""
    notes: str = ""
    """Facilitator notes: what to say and remember. Shown to the co-hosts, never projected."""
    text: str = ""
    """Optional text to show large on the projector (e.g. what to read aloud)."""
    question: str = ""
    """The question of a café round or the check-out (optional for other kinds)."""
    round: int | None = None
    """1-based number among the café rounds; computed by ``Agenda``, ``None`` otherwise."""

    def __post_init__(self) -> None:
        force_setattr(self, "kind", StepKind(self.kind))
        force_setattr(self, "minutes", _whole(self.minutes))
        _newlines(self, "title", "notes", "text", "question")


class CoHost(msgspec.Struct, frozen=True):
    """One of the two people who prepare and facilitate the meeting together."""

    name: str = ""
    """Full name (may be left empty in a template)."""
    organisation: str = ""
    """The organisation or administration they come from."""
    sector: Sector = Sector.OTHER
    """The source asks for one co-host from the municipality and one from civil society."""
    email: str = ""
    """Where people register and ask questions; printed on the invitation."""

    def __post_init__(self) -> None:
        force_setattr(self, "sector", Sector(self.sector))
        _newlines(self, "name", "organisation", "email")


class TableRules(msgspec.Struct, frozen=True):
    """How the café tables are formed."""

    size_min: int = 3
    """Fewest people at a table (never below 2)."""
    size_target: int = 4
    """The size the seating planner aims for."""
    size_max: int = 5
    """Most people at a table."""
    circle_below: int = 10
    """With fewer people present than this, the meeting sits in one circle, not at tables."""


class Privacy(msgspec.Struct, frozen=True):
    """How personal data collected at the meeting is handled."""

    retention_days: int = 365
    """How many days personal data from the sign-up lists is kept after the meeting."""


class WebSettings(msgspec.Struct, frozen=True):
    """What the phone pages offer."""

    where_do_i_sit: bool = True
    """Participants can look up their table on their phone ("Var sitter jag?")."""


class AgendaMeta(msgspec.Struct, frozen=True):
    """What the meeting is, where and when, and who hosts it."""

    title: str = "Idémöte"
    """The meeting's heading on the projector and in the report."""
    challenge: str = ""
    """The societal challenge (samhällsutmaning) the meeting explores; fills ``{challenge}``."""
    date: str = ""
    """ISO date (``2026-12-03``) or empty."""
    place: str = ""
    """Where the meeting is held."""
    language: str = "sv"
    """Language of the screens and the report: ``sv`` or ``en``."""
    cohosts: tuple[CoHost, ...] = ()
    """The co-hosts, usually two: one from the municipality, one from civil society."""
    feedback_by: str = ""
    """ISO date by which everyone gets the feedback letter; the closing screen promises it."""
    contact: str = ""
    """Who participants contact afterwards (a name, an e-mail address); shown at closing."""
    start: str = ""
    """When the meeting starts (``18:00``) or empty; the invitation and its calendar file."""
    end: str = ""
    """When it ends (``21:00``) or empty; after ``start``."""
    register_by: str = ""
    """ISO date by which people register with the co-hosts; the invitation says so."""

    def __post_init__(self) -> None:
        force_setattr(self, "cohosts", tuple(self.cohosts))
        _newlines(
            self, "title", "challenge", "date", "place", "language", "feedback_by", "contact",
            "start", "end", "register_by",
        )  # fmt: skip


class TimedStep(msgspec.Struct, frozen=True):
    """A step placed on the meeting's running clock (minutes from the start)."""

    index: int
    """0-based position in ``Agenda.steps``."""
    step: Step
    start: float
    """Minutes from the start of the meeting when the step begins, as planned."""
    end: float
    """Minutes from the start of the meeting when the step ends, as planned."""


class Agenda(msgspec.Struct, frozen=True):
    """A whole agenda: metadata, table rules, privacy and web settings, and the steps."""

    meta: AgendaMeta = field(default_factory=AgendaMeta)
    """What the meeting is about and who hosts it."""
    tables: TableRules = field(default_factory=TableRules)
    """How tables are formed."""
    privacy: Privacy = field(default_factory=Privacy)
    """How long personal data is kept."""
    web: WebSettings = field(default_factory=WebSettings)
    """What the phone pages offer."""
    steps: tuple[Step, ...] = ()
    """The steps in order; café rounds are numbered automatically."""

    def __post_init__(self) -> None:
        numbered = []
        count = 0
        for step in self.steps:
            number = None
            if step.kind is StepKind.CAFE_ROUND:
                count += 1
                number = count
            numbered.append(step if step.round == number else replace(step, round=number))
        force_setattr(self, "steps", tuple(numbered))

    @property
    def cafe_rounds(self) -> tuple[Step, ...]:
        """The café rounds, in order (``step.round`` is 1, 2, ...)."""
        return tuple(s for s in self.steps if s.kind is StepKind.CAFE_ROUND)

    @property
    def timed_steps(self) -> tuple[TimedStep, ...]:
        """Every step with its planned start and end, in minutes from the meeting's start."""
        clock = 0.0
        placed = []
        for index, step in enumerate(self.steps):
            placed.append(TimedStep(index, step, clock, clock + step.minutes))
            clock += step.minutes
        return tuple(placed)

    @property
    def planned_minutes(self) -> float:
        """The planned length of the whole meeting."""
        return _whole(sum(s.minutes for s in self.steps))

    @property
    def booked_minutes(self) -> int | None:
        """The minutes from ``[meeting] start`` to ``end`` (``None`` unless both are set).

        The steps may add up to more than the room is booked for; the timers would not
        say so until the evening itself, in the rail's "Beräknat slut".
        """
        start, end = (_minutes_of_day(t) for t in (self.meta.start, self.meta.end))
        if start is None or end is None:
            return None
        return end - start

    def filled(self) -> Agenda:
        """This agenda with ``{challenge}`` replaced by the challenge in every text.

        With an empty challenge the placeholder is left as it is, so it stays visible.
        """
        from cafe.core.agenda.substitution import fill_challenge

        challenge = self.meta.challenge.strip()
        if not challenge:
            return self

        def fill(text: str) -> str:
            return fill_challenge(text, challenge, self.meta.language)

        steps = tuple(
            replace(
                s,
                title=fill(s.title),
                notes=fill(s.notes),
                text=fill(s.text),
                question=fill(s.question),
            )
            for s in self.steps
        )
        meta = replace(self.meta, title=fill(self.meta.title), place=fill(self.meta.place))
        return replace(self, meta=meta, steps=steps)

    def with_meta(self, **changes: Any) -> Agenda:
        """This agenda with some metadata changed (``challenge=``, ``date=`` ...), validated.

        Raises ``ValidationError`` if the result is not a valid agenda (e.g. ``language``).
        """
        from cafe.core.agenda.reader import agenda_from_dict
        from cafe.core.agenda.writer import agenda_to_dict

        changed = replace(self, meta=replace(self.meta, **changes))
        return agenda_from_dict(agenda_to_dict(changed), "agenda")


# -- numbers --------------------------------------------------------------------------


def _minutes_of_day(clock: str) -> int | None:
    """``18:30`` as 1110 minutes after midnight; ``None`` for "" (not given)."""
    hours, _, minutes = clock.partition(":")
    if not (hours.isdigit() and minutes.isdigit()):
        return None
    return int(hours) * 60 + int(minutes)


_CONTROL = dict.fromkeys(c for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in "\n\t")
"""Control characters other than line break and tab: deleted from every agenda text."""


def _newlines(obj: object, *names: str) -> None:
    """One kind of line break in every text, and no other control character: TOML turns
    ``\r\n`` in a multi-line string into ``\n`` anyway, a stray ``\r`` only hides text in a
    terminal, and an escape (``\x1b[31m``) would reach the console's terminal as a command."""
    for name in names:
        value = getattr(obj, name)
        cleaned = value.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL)
        if cleaned != value:
            force_setattr(obj, name, cleaned)


def _whole(value: float) -> float:
    """``25.0`` as ``25`` so that minutes print as people write them."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
