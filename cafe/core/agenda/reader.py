"""Reading an agenda: TOML text or parsed data to a checked ``Agenda``.

Co-hosts write and edit agendas by hand, so reading one never stops at the first
mistake: every problem is collected and reported at once, each with the file, the line
and column where it can be found by scanning the text, and the key path
(``steps[3].minutes``; steps are counted from 1, as ``cafe agenda show`` numbers them).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import tomli

from cafe.core.agenda.checker import (
    COHOST_KEYS,
    META_KEYS,
    PRIVACY_KEYS,
    STEP_KEYS,
    TABLE_KEYS,
    TOP_KEYS,
    WEB_KEYS,
    Checker,
    got,
    shown,
)
from cafe.core.agenda.keys import KeyLocator
from cafe.core.agenda.model import (
    MAX_CIRCLE_BELOW,
    MAX_FILE_BYTES,
    MAX_NESTING,
    MAX_RETENTION_DAYS,
    MAX_TABLE_SIZE,
    NEEDS_QUESTION,
    Agenda,
    AgendaMeta,
    CoHost,
    Privacy,
    Step,
    StepKind,
    TableRules,
    WebSettings,
)
from cafe.core.errors import Problem, ValidationError
from cafe.core.nesting import too_deep
from cafe.core.participants import Sector, parse_sector
from cafe.i18n import LANGUAGES


def _read_meta(check: Checker, data: Mapping[str, Any]) -> AgendaMeta:
    meeting = check.table(data, "meeting", "meeting")
    check.keys(meeting, META_KEYS, "meeting")
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
        check.add("meeting.end", "agenda.problem.end_before_start", start=start, end=end)
    cohosts = []
    raw_hosts = meeting.get("cohosts", [])
    if not isinstance(raw_hosts, list):
        check.add("meeting.cohosts", "agenda.problem.want_tables", got=got(raw_hosts))
        raw_hosts = []
    for number, raw in enumerate(raw_hosts, start=1):
        path = f"meeting.cohosts[{number}]"
        if not isinstance(raw, dict):
            check.add(path, "agenda.problem.want_table", got=got(raw))
            continue
        check.keys(raw, COHOST_KEYS, path)
        name = check.text(raw, "name", path)
        organisation = check.text(raw, "organisation", path)
        sector_text = check.text(raw, "sector", path, "other")
        sector = parse_sector(sector_text)
        if sector is None:
            if isinstance(raw.get("sector", "other"), str):
                check.add(f"{path}.sector", "agenda.problem.bad_sector", value=shown(sector_text))
            sector = Sector.OTHER
        email = check.text(raw, "email", path).strip()
        if email and not is_email_address(email):
            check.add(f"{path}.email", "agenda.problem.bad_email", value=shown(email))
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


def _read_time(check: Checker, meeting: Mapping[str, Any], key: str) -> str:
    """A time of day from text (``"18:00"``) or a bare TOML time; "" when absent or wrong."""
    raw = meeting.get(key, "")
    if isinstance(raw, dt.time):
        return raw.strftime("%H:%M")
    if not isinstance(raw, str):
        check.add(f"meeting.{key}", "agenda.problem.want_text", got=got(raw))
        return ""
    if not raw.strip():
        return ""
    clock = parse_clock(raw)
    if not clock:
        check.add(f"meeting.{key}", "agenda.problem.bad_time", value=shown(raw))
    return clock


def _read_date(check: Checker, meeting: Mapping[str, Any], key: str) -> str:
    """An ISO date from text or a bare TOML date; "" when absent or wrong (reported)."""
    raw = meeting.get(key, "")
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if not isinstance(raw, str):
        check.add(f"meeting.{key}", "agenda.problem.want_text", got=got(raw))
        return ""
    if not raw.strip():
        return ""
    try:
        return dt.date.fromisoformat(raw.strip()).isoformat()
    except ValueError:
        check.add(f"meeting.{key}", "agenda.problem.bad_date", value=shown(raw))
        return ""


def _read_tables(check: Checker, data: Mapping[str, Any]) -> TableRules:
    tables = check.table(data, "tables", "tables")
    check.keys(tables, TABLE_KEYS, "tables")
    default = TableRules()
    before = len(check.problems)
    size_min = check.integer(tables, "size_min", "tables", default.size_min, 2, MAX_TABLE_SIZE)
    target = check.integer(tables, "size_target", "tables", default.size_target, 2, MAX_TABLE_SIZE)
    size_max = check.integer(tables, "size_max", "tables", default.size_max, 2, MAX_TABLE_SIZE)
    if len(check.problems) == before and not size_min <= target <= size_max:
        check.add(
            "tables",
            "agenda.problem.size_order",
            min=size_min,
            target=target,
            max=size_max,
        )
    circle = check.integer(
        tables, "circle_below", "tables", default.circle_below, 0, MAX_CIRCLE_BELOW
    )
    return TableRules(size_min, target, size_max, circle)


def _read_step(check: Checker, raw: object, number: int) -> Step | None:
    path = f"steps[{number}]"
    if not isinstance(raw, dict):
        check.add(path, "agenda.problem.want_table", got=got(raw))
        return None
    check.keys(raw, STEP_KEYS, path)
    kind_text = check.choice(raw, "kind", path, [k.value for k in StepKind], "")
    if "kind" not in raw and f"{path}.kind" not in check.misspelt:
        check.add(f"{path}.kind", "agenda.problem.missing")
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
            check.add(where, "agenda.problem.needs_question", kind=kind.value)
    return Step(kind, title, minutes, notes, text, question)


def _build(data: Mapping[str, Any], check: Checker) -> Agenda:
    if not isinstance(data, dict):
        check.add("", "agenda.problem.want_table", got=got(data))
        raise ValidationError(check.sorted_problems())
    check.keys(data, TOP_KEYS, "")
    meta = _read_meta(check, data)
    tables = _read_tables(check, data)
    privacy_table = check.table(data, "privacy", "privacy")
    check.keys(privacy_table, PRIVACY_KEYS, "privacy")
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
    check.keys(web_table, WEB_KEYS, "web")
    web = WebSettings(check.boolean(web_table, "where_do_i_sit", "web", True))

    raw_steps = data.get("steps", [])
    steps: list[Step] = []
    if not isinstance(raw_steps, list):
        check.add("steps", "agenda.problem.want_tables", got=got(raw_steps))
    else:
        for number, raw in enumerate(raw_steps, start=1):
            step = _read_step(check, raw, number)
            if step is not None:
                steps.append(step)
        if not raw_steps:
            check.add("", "agenda.problem.no_steps")
        elif len(steps) == len(raw_steps) and not any(s.kind is StepKind.CAFE_ROUND for s in steps):
            check.add("steps", "agenda.problem.no_rounds")
    if check.problems:
        raise ValidationError(check.sorted_problems())
    return Agenda(meta, tables, privacy, web, tuple(steps))


def agenda_from_dict(data: Mapping[str, Any], source: str = "agenda") -> Agenda:
    """An agenda from already-parsed data (a TOML table, an export's ``agenda``).

    Raises ``ValidationError`` with every problem; paths are given, lines are not.
    """
    return _build(data, Checker(source, None))


def parse_agenda(text: str, source: str = "agenda.toml") -> Agenda:
    """An agenda from TOML text; ``ValidationError`` lists every problem with its line."""
    if text.startswith("\ufeff"):  # Notepad's byte-order mark; TOML refuses it
        text = text[1:]
    deep = too_deep(text, MAX_NESTING)
    if deep is not None:
        raise ValidationError(
            [
                Problem.coded(
                    "agenda.problem.too_deep",
                    where=f"{source}:{deep[0]}:{deep[1]}",
                    max=MAX_NESTING,
                )
            ]
        )
    try:
        data = tomli.loads(text)
        return _build(data, Checker(source, KeyLocator(text)))
    except tomli.TOMLDecodeError as error:
        from cafe.core.agenda.toml_errors import syntax_problem  # only when it is needed

        raise ValidationError([syntax_problem(error, text, source)]) from None
    except RecursionError:  # a nesting the bracket count could not see
        raise ValidationError(
            [Problem.coded("agenda.problem.too_deep", where=source, max=MAX_NESTING)]
        ) from None


def load_agenda(path: Path | str) -> Agenda:
    """The agenda in ``path``; any unreadable, binary or malformed file is a ``ValidationError``."""
    path = Path(path)
    source = str(path)
    try:
        if path.is_dir():
            raise ValidationError([Problem.coded("agenda.problem.is_folder", where=source)])
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ValidationError([Problem.coded("agenda.problem.not_found", where=source)]) from None
    except OSError as error:
        detail = error.strerror or str(error)
        raise ValidationError(
            [Problem.coded("agenda.problem.unreadable", where=source, detail=detail)]
        ) from None
    return agenda_from_bytes(raw, source)


def agenda_from_bytes(raw: bytes, source: str = "agenda.toml") -> Agenda:
    """An agenda from a file's bytes: too big, binary or not UTF-8 is a ``ValidationError``."""
    if len(raw) > MAX_FILE_BYTES:
        raise ValidationError(
            [Problem.coded("agenda.problem.too_big", where=source, max=MAX_FILE_BYTES)]
        )
    if b"\x00" in raw:
        raise ValidationError([Problem.coded("agenda.problem.binary", where=source)])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise ValidationError(
            [Problem.coded("agenda.problem.not_utf8", where=f"{source}:{line}:{column}")]
        ) from None
    return parse_agenda(text, source)
