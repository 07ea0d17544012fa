"""The agenda: what the meeting is about and the steps it walks through.

An agenda is a TOML file (``docs/agenda-format.md``): ``[meeting]`` metadata with the two
co-hosts, ``[tables]`` rules, ``[privacy]``, ``[web]`` and an ordered list of
``[[steps]]``. It is read with :mod:`tomllib` and written with ``tomli-w``, so that
``parse_agenda(dump_agenda(a)) == a``.

Co-hosts write and edit agendas by hand, so reading one never stops at the first
mistake: every problem is collected and reported at once, each with the file, the line
and column where it can be found by scanning the text, and the key path
(``steps[3].minutes``; steps are counted from 1, as ``cafe agenda show`` numbers them).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

import tomli_w

from cafe.core.errors import CafeError, Problem, ValidationError
from cafe.core.nesting import too_deep
from cafe.core.participants import Sector, parse_sector
from cafe.i18n import LANGUAGES, t
from cafe.resources import agendas_dir

PLACEHOLDER = "{challenge}"
"""Replaced by the meeting's challenge in every text of the agenda (see ``Agenda.filled``)."""

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
    """What a step of the meeting is; the screens behave differently for each."""

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


@dataclass(frozen=True, slots=True)
class Step:
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
        object.__setattr__(self, "kind", StepKind(self.kind))
        object.__setattr__(self, "minutes", _whole(self.minutes))
        _newlines(self, "title", "notes", "text", "question")


@dataclass(frozen=True, slots=True)
class CoHost:
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
        object.__setattr__(self, "sector", Sector(self.sector))
        _newlines(self, "name", "organisation", "email")


@dataclass(frozen=True, slots=True)
class TableRules:
    """How the café tables are formed."""

    size_min: int = 3
    """Fewest people at a table (never below 2)."""
    size_target: int = 4
    """The size the seating planner aims for."""
    size_max: int = 5
    """Most people at a table."""
    circle_below: int = 10
    """With fewer people present than this, the meeting sits in one circle, not at tables."""


@dataclass(frozen=True, slots=True)
class Privacy:
    """How personal data collected at the meeting is handled."""

    retention_days: int = 365
    """How many days personal data from the sign-up lists is kept after the meeting."""


@dataclass(frozen=True, slots=True)
class WebSettings:
    """What the phone pages offer."""

    where_do_i_sit: bool = True
    """Participants can look up their table on their phone ("Var sitter jag?")."""


@dataclass(frozen=True, slots=True)
class AgendaMeta:
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
        object.__setattr__(self, "cohosts", tuple(self.cohosts))
        _newlines(
            self, "title", "challenge", "date", "place", "language", "feedback_by", "contact",
            "start", "end", "register_by",
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class TimedStep:
    """A step placed on the meeting's running clock (minutes from the start)."""

    index: int
    """0-based position in ``Agenda.steps``."""
    step: Step
    start: float
    """Minutes from the start of the meeting when the step begins, as planned."""
    end: float
    """Minutes from the start of the meeting when the step ends, as planned."""


@dataclass(frozen=True, slots=True)
class Agenda:
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
        object.__setattr__(self, "steps", tuple(numbered))

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

    def filled(self) -> Agenda:
        """This agenda with ``{challenge}`` replaced by the challenge in every text.

        With an empty challenge the placeholder is left as it is, so it stays visible.
        """
        challenge = self.meta.challenge.strip()
        if not challenge:
            return self

        def fill(text: str) -> str:
            return text.replace(PLACEHOLDER, challenge)

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
        changed = replace(self, meta=replace(self.meta, **changes))
        return agenda_from_dict(agenda_to_dict(changed), "agenda")


@dataclass(frozen=True, slots=True)
class ShippedAgenda:
    """An agenda that comes with ``cafe`` (``cafe agenda list``)."""

    name: str
    """What to type: ``idemote.sv`` (the file name without ``.toml``)."""
    path: Path
    title: str
    language: str
    rounds: int
    """Number of café rounds."""
    planned_minutes: float


# -- numbers --------------------------------------------------------------------------


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
            object.__setattr__(obj, name, cleaned)


def _whole(value: float) -> float:
    """``25.0`` as ``25`` so that minutes print as people write them."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# -- finding keys in the text ---------------------------------------------------------

_BARE_OR_QUOTED = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED = rf"{_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*"
_KEY_LINE = re.compile(rf"^(\s*)({_DOTTED})\s*=")
_ARRAY_HEADER = re.compile(rf"^(\s*)\[\[\s*({_DOTTED})\s*\]\]")
_TABLE_HEADER = re.compile(rf"^(\s*)\[\s*({_DOTTED})\s*\]")
_KEY_PART = re.compile(_BARE_OR_QUOTED)


def _key_parts(dotted: str) -> list[str]:
    parts = []
    for match in _KEY_PART.finditer(dotted):
        part = match.group(0)
        if part[:1] in "\"'":
            part = part[1:-1]
        parts.append(part)
    return parts


def _multiline_toggle(line: str, open_quote: str | None) -> str | None:
    """Track whether the next line is inside a ``\"\"\"`` or ``'''`` string (best effort)."""
    if open_quote is not None:
        return None if line.count(open_quote) % 2 == 1 else open_quote
    for quote in ('"""', "'''"):
        if line.count(quote) % 2 == 1:
            return quote
    return None


class _KeyLocator:
    """Maps key paths (``steps[3].minutes``) to the line and column that define them.

    A cheap scan of the text, not a second parser: it follows table headers, arrays of
    tables and key/value lines, and skips multi-line strings. Keys it cannot place (in
    inline tables, say) fall back to their nearest parent that it can.
    """

    def __init__(self, text: str) -> None:
        self.where: dict[str, tuple[int, int]] = {}
        counts: dict[str, int] = {}
        prefix = ""
        open_quote: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if open_quote is not None:
                open_quote = _multiline_toggle(line, open_quote)
                continue
            stripped = line.strip()
            if stripped.startswith("#"):
                continue
            if match := _ARRAY_HEADER.match(line):
                parts = _key_parts(match.group(2))
                name = ".".join(parts)
                counts[name] = counts.get(name, 0) + 1
                for other in [k for k in counts if k.startswith(name + ".")]:
                    del counts[other]
                prefix = self._path(parts, counts)
                self._record(_parent(prefix), number, len(match.group(1)) + 1)
                self._record(prefix, number, len(match.group(1)) + 1)
            elif match := _TABLE_HEADER.match(line):
                parts = _key_parts(match.group(2))
                prefix = self._path(parts, counts)
                self._record(prefix, number, len(match.group(1)) + 1)
            elif match := _KEY_LINE.match(line):
                parts = _key_parts(match.group(2))
                column = len(match.group(1)) + 1
                for depth in range(1, len(parts) + 1):
                    path = ".".join([prefix, *parts[:depth]]) if prefix else ".".join(parts[:depth])
                    self._record(path, number, column)
            open_quote = _multiline_toggle(line, None)

    @staticmethod
    def _path(parts: list[str], counts: dict[str, int]) -> str:
        path = []
        for depth, part in enumerate(parts, start=1):
            name = ".".join(parts[:depth])
            path.append(f"{part}[{counts[name]}]" if name in counts else part)
        return ".".join(path)

    def _record(self, path: str, line: int, column: int) -> None:
        self.where.setdefault(path, (line, column))

    def __call__(self, path: str) -> tuple[int, int] | None:
        while path:
            if path in self.where:
                return self.where[path]
            path = _parent(path)
        return None


def _parent(path: str) -> str:
    if path.endswith("]"):
        return path[: path.rindex("[")]
    return path.rpartition(".")[0]


# -- validation -----------------------------------------------------------------------

_Locate = Callable[[str], "tuple[int, int] | None"]
_MISSING = object()

_TOP_KEYS = ("meeting", "tables", "privacy", "web", "steps")
_META_KEYS = (
    "title", "challenge", "date", "place", "language", "cohosts", "feedback_by", "contact",
    "start", "end", "register_by",
)  # fmt: skip
_COHOST_KEYS = ("name", "organisation", "sector", "email")
_TABLE_KEYS = ("size_min", "size_target", "size_max", "circle_below")
_PRIVACY_KEYS = ("retention_days",)
_WEB_KEYS = ("where_do_i_sit",)
_STEP_KEYS = ("kind", "title", "minutes", "question", "text", "notes")


def _got(value: object) -> str:
    """What was found instead, for messages: ``the text "tjugo"``, ``a list``."""
    if isinstance(value, bool):
        key = "bool"
    elif isinstance(value, int):
        key = "integer"
    elif isinstance(value, float):
        key = "float"
    elif isinstance(value, str):
        key = "text"
    elif isinstance(value, list):
        return t("agenda.type.list")
    elif isinstance(value, dict):
        return t("agenda.type.table")
    elif isinstance(value, dt.date | dt.time):
        key = "date"
    else:
        return t("agenda.type.other")
    shown = str(value).lower() if isinstance(value, bool) else _shown(value)
    if isinstance(value, dt.date | dt.time):
        shown = value.isoformat()
    return f"{t(f'agenda.type.{key}')} {shown}"


def _shown(value: object) -> str:
    """A value as a message quotes it: short, on one line."""
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


class _Checker:
    """Collects every problem while building an ``Agenda`` from parsed TOML."""

    def __init__(self, source: str, locate: _Locate | None) -> None:
        self.source = source
        self.locate = locate
        self.problems: list[Problem] = []
        self._lines: list[int | None] = []
        self.misspelt: set[str] = set()
        """Keys an unknown key was taken for: not "missing" as well (one mistake, one message)."""

    def add(self, path: str, message: str) -> None:
        place = self.locate(path) if self.locate else None
        where = f"{self.source}:{place[0]}:{place[1]}" if place else self.source
        if path:
            where = f"{where}: {path}" if where else path
        self.problems.append(Problem(where, message))
        self._lines.append(place[0] if place else None)

    def sorted_problems(self) -> list[Problem]:
        """In the order of the file's lines; problems without a line come last."""
        order = sorted(
            range(len(self.problems)),
            key=lambda i: (self._lines[i] is None, self._lines[i] or 0, i),
        )
        return [self.problems[i] for i in order]

    # -- containers

    def table(self, data: Mapping[str, Any], key: str, path: str) -> Mapping[str, Any]:
        value = data.get(key, _MISSING)
        if value is _MISSING:
            return {}
        if not isinstance(value, dict):
            self.add(path, t("agenda.problem.want_table", got=_got(value)))
            return {}
        return value

    def keys(self, data: Mapping[str, Any], allowed: Iterable[str], path: str) -> None:
        allowed = list(allowed)
        for key in data:
            if key in allowed:
                continue
            where = f"{path}.{key}" if path else key
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            if close:
                self.add(where, t("agenda.problem.unknown_key_hint", key=key, hint=close[0]))
                self.misspelt.add(f"{path}.{close[0]}" if path else close[0])
            else:
                self.add(
                    where,
                    t("agenda.problem.unknown_key", key=key, valid=", ".join(allowed)),
                )

    # -- scalars

    def text(
        self,
        data: Mapping[str, Any],
        key: str,
        path: str,
        default: str = "",
        *,
        required: bool = False,
    ) -> str:
        where = f"{path}.{key}" if path else key
        value = data.get(key, _MISSING)
        if value is _MISSING:
            if required and where not in self.misspelt:
                self.add(where, t("agenda.problem.missing"))
            return default
        if not isinstance(value, str):
            self.add(where, t("agenda.problem.want_text", got=_got(value)))
            return default
        if required and not value.strip():
            self.add(where, t("agenda.problem.empty"))
        return value

    def integer(
        self, data: Mapping[str, Any], key: str, path: str, default: int, low: int, high: int
    ) -> int:
        where = f"{path}.{key}"
        value = data.get(key, _MISSING)
        if value is _MISSING:
            return default
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(where, t("agenda.problem.want_integer", got=_got(value)))
            return default
        if not low <= value <= high:
            self.add(where, t("agenda.problem.range", low=low, high=high, value=value))
            return default
        return value

    def boolean(self, data: Mapping[str, Any], key: str, path: str, default: bool) -> bool:
        value = data.get(key, _MISSING)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self.add(f"{path}.{key}", t("agenda.problem.want_bool", got=_got(value)))
            return default
        return value

    def minutes(self, data: Mapping[str, Any], path: str) -> float:
        where = f"{path}.minutes"
        value = data.get("minutes", _MISSING)
        if value is _MISSING:
            if where not in self.misspelt:
                self.add(where, t("agenda.problem.missing"))
            return 1
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(where, t("agenda.problem.want_number", got=_got(value)))
            return 1
        if not value > 0 or value != value:  # also NaN
            self.add(where, t("agenda.problem.minutes_positive", value=_shown(value)))
            return 1
        if value > MAX_MINUTES:
            self.add(
                where, t("agenda.problem.minutes_too_long", value=_shown(value), max=MAX_MINUTES)
            )
            return 1
        return value

    def choice(
        self, data: Mapping[str, Any], key: str, path: str, choices: Iterable[str], default: str
    ) -> str | None:
        """A text that must be one of ``choices``; ``None`` if it is not."""
        where = f"{path}.{key}"
        value = self.text(data, key, path, default)
        if value in choices:
            return value
        if data.get(key, _MISSING) is _MISSING or not isinstance(data.get(key), str):
            return None
        choices = list(choices)
        close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
        if close:
            self.add(where, t("agenda.problem.bad_choice_hint", value=_shown(value), hint=close[0]))
        else:
            valid = ", ".join(f'"{c}"' for c in choices)
            self.add(where, t("agenda.problem.bad_choice", value=_shown(value), valid=valid))
        return None


def _read_meta(check: _Checker, data: Mapping[str, Any]) -> AgendaMeta:
    meeting = check.table(data, "meeting", "meeting")
    check.keys(meeting, _META_KEYS, "meeting")
    shaped = isinstance(data.get("meeting", {}), dict)  # else already reported: no cascade
    title = check.text(meeting, "title", "meeting", required=shaped)
    challenge = check.text(meeting, "challenge", "meeting")
    place = check.text(meeting, "place", "meeting")
    language = check.choice(meeting, "language", "meeting", LANGUAGES, "sv") or "sv"
    date = _read_date(check, meeting, "date")
    feedback_by = _read_date(check, meeting, "feedback_by")
    contact = check.text(meeting, "contact", "meeting")
    register_by = _read_date(check, meeting, "register_by")
    start = _read_time(check, meeting, "start")
    end = _read_time(check, meeting, "end")
    if start and end and end <= start:
        check.add("meeting.end", t("agenda.problem.end_before_start", start=start, end=end))
    cohosts = []
    raw_hosts = meeting.get("cohosts", [])
    if not isinstance(raw_hosts, list):
        check.add("meeting.cohosts", t("agenda.problem.want_tables", got=_got(raw_hosts)))
        raw_hosts = []
    for number, raw in enumerate(raw_hosts, start=1):
        path = f"meeting.cohosts[{number}]"
        if not isinstance(raw, dict):
            check.add(path, t("agenda.problem.want_table", got=_got(raw)))
            continue
        check.keys(raw, _COHOST_KEYS, path)
        name = check.text(raw, "name", path)
        organisation = check.text(raw, "organisation", path)
        sector_text = check.text(raw, "sector", path, "other")
        sector = parse_sector(sector_text)
        if sector is None:
            if isinstance(raw.get("sector", "other"), str):
                check.add(
                    f"{path}.sector", t("agenda.problem.bad_sector", value=_shown(sector_text))
                )
            sector = Sector.OTHER
        email = check.text(raw, "email", path).strip()
        if email and not is_email_address(email):
            check.add(f"{path}.email", t("agenda.problem.bad_email", value=_shown(email)))
            email = ""
        cohosts.append(CoHost(name, organisation, sector, email))
    return AgendaMeta(
        title, challenge, date, place, language, tuple(cohosts), feedback_by, contact,
        start, end, register_by,
    )  # fmt: skip


_EMAIL = re.compile(r"[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+")


def is_email_address(text: str) -> bool:
    """A plain address (``anna@hageby.se``): what a co-host's contact must be."""
    return bool(_EMAIL.fullmatch(text))


def parse_clock(text: str) -> str:
    """``18``, ``18:0``, ``18.00`` -> ``18:00``; "" if it is not a time of day."""
    hours, _, minutes = text.strip().replace(".", ":").partition(":")
    if not hours.isdigit() or not (minutes or "0").isdigit():
        return ""
    h, m = int(hours), int(minutes or "0")
    return f"{h:02d}:{m:02d}" if 0 <= h < 24 and 0 <= m < 60 else ""


def _read_time(check: _Checker, meeting: Mapping[str, Any], key: str) -> str:
    """A time of day from text (``"18:00"``) or a bare TOML time; "" when absent or wrong."""
    raw = meeting.get(key, "")
    if isinstance(raw, dt.time):
        return raw.strftime("%H:%M")
    if not isinstance(raw, str):
        check.add(f"meeting.{key}", t("agenda.problem.want_text", got=_got(raw)))
        return ""
    if not raw.strip():
        return ""
    clock = parse_clock(raw)
    if not clock:
        check.add(f"meeting.{key}", t("agenda.problem.bad_time", value=_shown(raw)))
    return clock


def _read_date(check: _Checker, meeting: Mapping[str, Any], key: str) -> str:
    """An ISO date from text or a bare TOML date; "" when absent or wrong (reported)."""
    raw = meeting.get(key, "")
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if not isinstance(raw, str):
        check.add(f"meeting.{key}", t("agenda.problem.want_text", got=_got(raw)))
        return ""
    if not raw.strip():
        return ""
    try:
        return dt.date.fromisoformat(raw.strip()).isoformat()
    except ValueError:
        check.add(f"meeting.{key}", t("agenda.problem.bad_date", value=_shown(raw)))
        return ""


def _read_tables(check: _Checker, data: Mapping[str, Any]) -> TableRules:
    tables = check.table(data, "tables", "tables")
    check.keys(tables, _TABLE_KEYS, "tables")
    default = TableRules()
    before = len(check.problems)
    size_min = check.integer(tables, "size_min", "tables", default.size_min, 2, MAX_TABLE_SIZE)
    target = check.integer(tables, "size_target", "tables", default.size_target, 2, MAX_TABLE_SIZE)
    size_max = check.integer(tables, "size_max", "tables", default.size_max, 2, MAX_TABLE_SIZE)
    if len(check.problems) == before and not size_min <= target <= size_max:
        check.add(
            "tables",
            t("agenda.problem.size_order", min=size_min, target=target, max=size_max),
        )
    circle = check.integer(
        tables, "circle_below", "tables", default.circle_below, 0, MAX_CIRCLE_BELOW
    )
    return TableRules(size_min, target, size_max, circle)


def _read_step(check: _Checker, raw: object, number: int) -> Step | None:
    path = f"steps[{number}]"
    if not isinstance(raw, dict):
        check.add(path, t("agenda.problem.want_table", got=_got(raw)))
        return None
    check.keys(raw, _STEP_KEYS, path)
    kind_text = check.choice(raw, "kind", path, [k.value for k in StepKind], "")
    if "kind" not in raw and f"{path}.kind" not in check.misspelt:
        check.add(f"{path}.kind", t("agenda.problem.missing"))
    title = check.text(raw, "title", path, required=True)
    minutes = check.minutes(raw, path)
    notes = check.text(raw, "notes", path)
    text = check.text(raw, "text", path)
    question = check.text(raw, "question", path)
    if not kind_text:
        return None  # the kind's problem is reported; the rest was checked as far as it can be
    kind = StepKind(kind_text)
    if kind in NEEDS_QUESTION and not question.strip():
        where = f"{path}.question"
        if isinstance(raw.get("question", ""), str):
            check.add(where, t("agenda.problem.needs_question", kind=kind.value))
    return Step(kind, title, minutes, notes, text, question)


def _build(data: Mapping[str, Any], check: _Checker) -> Agenda:
    if not isinstance(data, dict):
        check.add("", t("agenda.problem.want_table", got=_got(data)))
        raise ValidationError(check.sorted_problems())
    check.keys(data, _TOP_KEYS, "")
    meta = _read_meta(check, data)
    tables = _read_tables(check, data)
    privacy_table = check.table(data, "privacy", "privacy")
    check.keys(privacy_table, _PRIVACY_KEYS, "privacy")
    privacy = Privacy(
        check.integer(
            privacy_table,
            "retention_days",
            "privacy",
            Privacy().retention_days,
            1,
            MAX_RETENTION_DAYS,
        )
    )
    web_table = check.table(data, "web", "web")
    check.keys(web_table, _WEB_KEYS, "web")
    web = WebSettings(check.boolean(web_table, "where_do_i_sit", "web", True))

    raw_steps = data.get("steps", [])
    steps: list[Step] = []
    if not isinstance(raw_steps, list):
        check.add("steps", t("agenda.problem.want_tables", got=_got(raw_steps)))
    else:
        for number, raw in enumerate(raw_steps, start=1):
            step = _read_step(check, raw, number)
            if step is not None:
                steps.append(step)
        if not raw_steps:
            check.add("", t("agenda.problem.no_steps"))
        elif len(steps) == len(raw_steps) and not any(s.kind is StepKind.CAFE_ROUND for s in steps):
            check.add("steps", t("agenda.problem.no_rounds"))
    if check.problems:
        raise ValidationError(check.sorted_problems())
    return Agenda(meta, tables, privacy, web, tuple(steps))


# -- reading and writing --------------------------------------------------------------

_TOML_MESSAGE = re.compile(
    r"^(?P<msg>.*) \(at (?:line (?P<line>\d+), column (?P<col>\d+)|end of document)\)$", re.S
)

_TOML_TRANSLATIONS: dict[str, str] = {
    "Invalid value": "invalid_value",
    "Invalid statement": "invalid_statement",
    "Unterminated string": "unterminated_string",
    "Unclosed array": "unclosed_array",
    "Unclosed inline table": "unclosed_inline_table",
    "Cannot overwrite a value": "overwrite",
    "Expected '=' after a key in a key/value pair": "expected_equals",
    "Expected newline or end of document after a statement": "expected_newline",
    "Expected ']' at the end of a table declaration": "expected_bracket",
    "Expected ']]' at the end of an array declaration": "expected_brackets",
    "Invalid initial character for a key part": "bad_key",
    "Invalid date or datetime": "bad_datetime",
}
_TWICE = re.compile(r"^Cannot declare (.*) twice$")


def _syntax_problem(error: tomllib.TOMLDecodeError, text: str, source: str) -> Problem:
    """``agenda.toml:12:5`` and the parser's message, in the user's language if known."""
    match = _TOML_MESSAGE.match(str(error))
    message = match.group("msg") if match else str(error)
    if match and match.group("line"):
        line, column = int(match.group("line")), int(match.group("col"))
    else:  # "at end of document": point after the last thing written
        lines = text.rstrip("\r\n").split("\n")
        line, column = len(lines), len(lines[-1].rstrip("\r")) + 1
    lines = text.split("\n")
    found = lines[line - 1][column - 1 : column] if 0 < line <= len(lines) else ""
    if message.startswith("Expected '='") and found and not found.isascii():
        detail = t("agenda.toml_error.non_ascii_key", char=found)
    elif message in _TOML_TRANSLATIONS:
        detail = t(f"agenda.toml_error.{_TOML_TRANSLATIONS[message]}")
    elif twice := _TWICE.match(message):
        detail = t("agenda.toml_error.twice", key=twice.group(1))
    else:
        detail = message
    return Problem(f"{source}:{line}:{column}", t("agenda.problem.syntax", detail=detail))


def agenda_from_dict(data: Mapping[str, Any], source: str = "agenda") -> Agenda:
    """An agenda from already-parsed data (a TOML table, an export's ``agenda``).

    Raises ``ValidationError`` with every problem; paths are given, lines are not.
    """
    return _build(data, _Checker(source, None))


def parse_agenda(text: str, source: str = "agenda.toml") -> Agenda:
    """An agenda from TOML text; ``ValidationError`` lists every problem with its line."""
    if text.startswith("\ufeff"):  # Notepad's byte-order mark; tomllib refuses it
        text = text[1:]
    deep = too_deep(text, MAX_NESTING)
    if deep is not None:
        raise ValidationError(
            [
                Problem(
                    f"{source}:{deep[0]}:{deep[1]}", t("agenda.problem.too_deep", max=MAX_NESTING)
                )
            ]
        )
    try:
        data = tomllib.loads(text)
        return _build(data, _Checker(source, _KeyLocator(text)))
    except tomllib.TOMLDecodeError as error:
        raise ValidationError([_syntax_problem(error, text, source)]) from None
    except RecursionError:  # a nesting the bracket count could not see
        raise ValidationError(
            [Problem(source, t("agenda.problem.too_deep", max=MAX_NESTING))]
        ) from None


def load_agenda(path: Path | str) -> Agenda:
    """The agenda in ``path``; any unreadable, binary or malformed file is a ``ValidationError``."""
    path = Path(path)
    source = str(path)
    try:
        if path.is_dir():
            raise ValidationError([Problem(source, t("agenda.problem.is_folder"))])
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ValidationError([Problem(source, t("agenda.problem.not_found"))]) from None
    except OSError as error:
        detail = error.strerror or str(error)
        raise ValidationError(
            [Problem(source, t("agenda.problem.unreadable", detail=detail))]
        ) from None
    return agenda_from_bytes(raw, source)


def agenda_from_bytes(raw: bytes, source: str = "agenda.toml") -> Agenda:
    """An agenda from a file's bytes: too big, binary or not UTF-8 is a ``ValidationError``."""
    if len(raw) > MAX_FILE_BYTES:
        raise ValidationError([Problem(source, t("agenda.problem.too_big", max=MAX_FILE_BYTES))])
    if b"\x00" in raw:
        raise ValidationError([Problem(source, t("agenda.problem.binary"))])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise ValidationError(
            [Problem(f"{source}:{line}:{column}", t("agenda.problem.not_utf8"))]
        ) from None
    return parse_agenda(text, source)


def agenda_to_dict(agenda: Agenda) -> dict[str, Any]:
    """The agenda as plain data in the file's shape (what ``dump_agenda`` writes)."""
    meta = agenda.meta
    steps = []
    for step in agenda.steps:
        entry: dict[str, Any] = {
            "kind": step.kind.value,
            "title": step.title,
            "minutes": step.minutes,
        }
        for key in ("question", "text", "notes"):
            value = getattr(step, key)
            if value:
                entry[key] = value
        steps.append(entry)
    return {
        "meeting": {
            "title": meta.title,
            "challenge": meta.challenge,
            "date": meta.date,
            "place": meta.place,
            "language": meta.language,
            "cohosts": [
                {
                    "name": h.name,
                    "organisation": h.organisation,
                    "sector": h.sector.value,
                    **({"email": h.email} if h.email else {}),
                }
                for h in meta.cohosts
            ],
            "feedback_by": meta.feedback_by,
            "contact": meta.contact,
            **{k: getattr(meta, k) for k in ("start", "end", "register_by") if getattr(meta, k)},
        },
        "tables": {f.name: getattr(agenda.tables, f.name) for f in fields(TableRules)},
        "privacy": {"retention_days": agenda.privacy.retention_days},
        "web": {"where_do_i_sit": agenda.web.where_do_i_sit},
        "steps": steps,
    }


def dump_agenda(agenda: Agenda) -> str:
    """The agenda as TOML text, with a header comment for whoever opens the file."""
    header = "".join(
        f"# {line}\n" for line in t("agenda.dump.header", agenda.meta.language).splitlines()
    )
    return header + "\n" + tomli_w.dumps(agenda_to_dict(agenda), multiline_strings=True)


# -- shipped agendas ------------------------------------------------------------------


def _shipped_paths() -> list[Path]:
    folder = agendas_dir()
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def _name(path: Path) -> str:
    return path.name.removesuffix(".toml")


def list_shipped() -> list[ShippedAgenda]:
    """The agendas that come with ``cafe``, by name."""
    shipped = []
    for path in _shipped_paths():
        agenda = load_agenda(path)
        shipped.append(
            ShippedAgenda(
                name=_name(path),
                path=path,
                title=agenda.meta.title,
                language=agenda.meta.language,
                rounds=len(agenda.cafe_rounds),
                planned_minutes=agenda.planned_minutes,
            )
        )
    return shipped


def _shipped_copy(text: str, paths: list[Path]) -> Path | None:
    """The shipped agenda a missing path under ``agendas/`` names, or ``None``.

    ``agendas/idemote-kort.sv.toml`` exists only in the repository's root; typed anywhere
    else it means the shipped agenda of that file name.
    """
    parts = [part for part in text.replace("\\", "/").split("/") if part]
    if len(parts) < 2 or parts[-2] != "agendas" or Path(text).exists():
        return None
    wanted = parts[-1].casefold().removesuffix(".toml")
    return next((p for p in paths if _name(p).casefold() == wanted), None)


def resolve_agenda(name_or_path: str | Path) -> Path:
    """The file for a shipped agenda's name or a path the user typed.

    A file that exists wins (a meeting folder means its ``agenda.toml``); otherwise
    ``idemote.sv``, ``idemote.sv.toml`` and ``idemote`` (when only one language exists)
    name shipped agendas, and so does a path under ``agendas/`` that does not exist here
    (the guide's ``agendas/idemote-kort.sv.toml`` typed outside the repository). Anything
    else is a ``CafeError`` listing the shipped names.
    """
    given = Path(name_or_path)
    if given.is_file():
        return given
    if given.is_dir() and (given / "agenda.toml").is_file():
        return given / "agenda.toml"
    text = str(name_or_path).strip()
    wanted = text.casefold().removesuffix(".toml")
    paths = _shipped_paths()
    names = [_name(p) for p in paths]
    exact = [p for p in paths if _name(p).casefold() == wanted]
    if exact:
        return exact[0]
    stems = [p for p in paths if _name(p).casefold().split(".")[0] == wanted]
    if len(stems) == 1:
        return stems[0]
    if len(stems) > 1:
        raise CafeError(
            t("agenda.problem.ambiguous", name=text, names=", ".join(_name(p) for p in stems))
        )
    if "/" in text or "\\" in text or given.exists():
        shipped = _shipped_copy(text, paths)
        if shipped is not None:
            return shipped
        raise CafeError([Problem(text, t("agenda.problem.not_found"))])
    raise CafeError(t("agenda.problem.unknown_agenda", name=text, names=", ".join(names)))
