"""`cafe agenda list|check|show`: the shipped agendas, checking a file, reading the plan."""

from __future__ import annotations

import argparse
import contextlib
import re
import shutil
import sys
import textwrap
from datetime import date
from pathlib import Path

from cafe.cli import add_lang_option
from cafe.cli.common import say, warn
from cafe.core.agenda import (
    Agenda,
    Step,
    StepKind,
    list_shipped,
    load_agenda,
    resolve_agenda,
)
from cafe.core.errors import CafeError, Problem
from cafe.i18n import set_language, t
from cafe.resources import agendas_dir


def register(sub: argparse._SubParsersAction) -> None:
    agenda = sub.add_parser(
        "agenda", help=t("agenda.cli.help"), description=t("agenda.cli.description")
    )
    add_lang_option(agenda)
    actions = agenda.add_subparsers(title=t("cli.commands"), metavar=t("cli.command_metavar"))
    actions.required = True

    listing = actions.add_parser("list", help=t("agenda.cli.list_help"))
    add_lang_option(listing)
    listing.set_defaults(handler=run_list)

    check = actions.add_parser("check", help=t("agenda.cli.check_help"))
    check.add_argument("files", metavar="FILE", nargs="+", help=t("agenda.cli.check_files"))
    add_lang_option(check)
    check.set_defaults(handler=run_check)

    show = actions.add_parser("show", help=t("agenda.cli.show_help"))
    show.add_argument("agenda", metavar="NAME|PATH", help=t("agenda.cli.show_agenda"))
    show.add_argument("--challenge", metavar="TEXT", help=t("agenda.cli.show_challenge"))
    show.add_argument("--notes", action="store_true", help=t("agenda.cli.show_notes"))
    show.add_argument("--start", metavar="HH:MM", help=t("agenda.cli.show_start"))
    add_lang_option(show)
    show.set_defaults(handler=run_show)


# -- formatting -----------------------------------------------------------------------


def _number(value: float) -> str:
    """Minutes as people write them: ``25``, ``7.5``."""
    return f"{value:g}"


def _clock(minutes: float, start: int | None = None) -> str:
    """``1:05`` from the meeting's start, or ``19:05`` when the start time is known."""
    total = round(minutes) + (start or 0)
    hours, mins = divmod(total, 60)
    if start is not None:
        hours %= 24
        return f"{hours:02d}:{mins:02d}"
    return f"{hours}:{mins:02d}"


def _duration(minutes: float) -> str:
    hours, mins = divmod(round(minutes), 60)
    return f"{hours} h {mins:02d} min" if hours else f"{mins} min"


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


def _width() -> int:
    """The terminal's width (60 to 110); 100 when the output goes to a file or a pipe."""
    if not sys.stdout.isatty():
        return 100
    return max(60, min(110, shutil.get_terminal_size((100, 24)).columns))


def _wrap(text: str, indent: int, width: int) -> list[str]:
    """Paragraphs and ``- `` bullets wrapped under a hanging indent."""
    pad = " " * indent
    lines = []
    for paragraph in text.strip().splitlines():
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        bullet = paragraph.startswith(("- ", "* "))
        lines.extend(
            textwrap.wrap(
                paragraph,
                width=width,
                initial_indent=pad,
                subsequent_indent=pad + ("  " if bullet else ""),
                break_on_hyphens=False,
            )
        )
    return lines


# -- list -----------------------------------------------------------------------------


def run_list(args: argparse.Namespace) -> int:
    shipped = list_shipped()
    if not shipped:
        say(t("agenda.list.none", path=agendas_dir()))
        return 0
    header = [
        t("agenda.list.name"),
        t("agenda.list.language"),
        t("agenda.list.rounds"),
        t("agenda.list.minutes"),
        t("agenda.list.title"),
    ]
    rows = [header] + [
        [s.name, s.language, str(s.rounds), _number(s.planned_minutes), s.title] for s in shipped
    ]
    for line in _table(rows, right={2, 3}):
        say(line)
    say("")
    say(t("agenda.list.hint"))
    return 0


# -- check ----------------------------------------------------------------------------


def _load_for_check(name: str) -> Agenda:
    """A file, a meeting folder (its ``agenda.toml``) or a shipped agenda's name."""
    path = Path(name)
    # Nothing by that name: load_agenda says "the file does not exist" (or "a folder").
    with contextlib.suppress(CafeError):
        path = resolve_agenda(name)
    return load_agenda(path)


_LANGUAGE_LINE = re.compile(r'^\s*language\s*=\s*["\'](sv|en)["\']', re.MULTILINE)


def _follow_file_language(args: argparse.Namespace, name: str) -> None:
    """Without ``--lang``, answer in the agenda's own language: an English meeting's
    "unknown key" came in Swedish. Read from the text, so a file too broken to load
    still says what is wrong in its own language."""
    if getattr(args, "lang", None):
        return
    path = Path(name)
    with contextlib.suppress(CafeError):
        path = resolve_agenda(name)
    if path.is_dir():
        path = path / "agenda.toml"
    try:
        found = _LANGUAGE_LINE.search(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return
    if found:
        set_language(found.group(1))


def run_check(args: argparse.Namespace) -> int:
    bad = 0
    for name in args.files:
        _follow_file_language(args, name)
        try:
            agenda = _load_for_check(name)
        except CafeError as error:
            bad += 1
            for problem in error.problems:
                warn(str(problem))
            continue
        say(
            t(
                "agenda.check.ok",
                file=name,
                steps=t("count.steps", count=len(agenda.steps)),
                rounds=t("count.cafe_rounds", count=len(agenda.cafe_rounds)),
                minutes=_number(agenda.planned_minutes),
            )
        )
        for warning in filter(None, (_too_long(agenda), *date_warnings(agenda))):
            warn(f"{name}: {warning}")
    if bad and len(args.files) > 1:
        warn(t("agenda.check.summary", bad=bad, count=len(args.files)))
    return 1 if bad else 0


def date_warnings(agenda: Agenda, today: date | None = None) -> list[str]:
    """Dates that are read but cannot be meant: a meeting day already past (a year
    mistyped) or a registration deadline after the meeting. They went straight into the
    invitation and the calendar file with "OK"."""
    today = today or date.today()
    meta = agenda.meta
    found = []
    day = _iso_date(meta.date)
    if day is not None and day < today:
        found.append(t("agenda.check.date_past", date=meta.date))
    last = _iso_date(meta.register_by)
    if day is not None and last is not None and last > day:
        found.append(t("agenda.check.register_after", register_by=meta.register_by, date=meta.date))
    return found


def _iso_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _too_long(agenda: Agenda) -> str:
    """A warning if the steps take longer than the meeting's start to end, else "".

    Not an error: the co-hosts may mean to run over, or have not moved ``end`` yet; but
    they should know before the evening, not from the rail's projected end during it.
    """
    booked = agenda.booked_minutes
    planned = agenda.planned_minutes
    if booked is None or planned <= booked:
        return ""
    return t(
        "agenda.check.too_long",
        minutes=_number(planned),
        start=agenda.meta.start,
        end=agenda.meta.end,
        booked=booked,
        over=_number(planned - booked),
    )


# -- show -----------------------------------------------------------------------------


def _start_minutes(value: str | None) -> int | None:
    if value is None:
        return None
    hours, _, mins = value.strip().partition(":")
    try:
        h, m = int(hours), int(mins or "0")
    except ValueError:
        h, m = -1, -1
    if not (0 <= h < 24 and 0 <= m < 60):
        raise CafeError([Problem.coded("agenda.cli.bad_start", where="--start", value=value)])
    return h * 60 + m


def _titled(step: Step) -> str:
    """The step's title and, unless the title says it already, its kind."""
    label = t(f"agenda.kind.{step.kind.value}")
    if step.kind is StepKind.CAFE_ROUND and step.round:
        label = t("agenda.show.round", kind=label, round=step.round)
    if step.title.strip().casefold() == label.casefold():
        return step.title
    return f"{step.title} ({label})"


def _header(agenda: Agenda, width: int) -> list[str]:
    meta = agenda.meta
    lines = [meta.title, "=" * min(len(meta.title), width)]
    fields: list[tuple[str, str]] = [
        (
            t("agenda.show.challenge"),
            meta.challenge.strip() or t("agenda.show.no_challenge"),
        )
    ]
    if meta.date:
        fields.append((t("agenda.show.date"), meta.date))
    if meta.start:
        fields.append((t("agenda.show.time"), "–".join(x for x in (meta.start, meta.end) if x)))
    if meta.place:
        fields.append((t("agenda.show.place"), meta.place))
    if meta.register_by:
        fields.append((t("agenda.show.register_by"), meta.register_by))
    fields.append((t("agenda.show.language"), meta.language))
    if meta.cohosts:
        hosts = []
        for host in meta.cohosts:
            who = ", ".join(x for x in (host.name, host.organisation) if x.strip())
            mail = f" <{host.email}>" if host.email else ""
            hosts.append(
                f"{who or t('agenda.show.unnamed')}{mail} ({t(f'tui.sector.{host.sector.value}')})"
            )
        fields.append((t("agenda.show.cohosts"), "; ".join(hosts)))
    rules = agenda.tables
    fields.append(
        (
            t("agenda.show.tables"),
            t(
                "agenda.show.tables_text",
                min=rules.size_min,
                max=rules.size_max,
                target=rules.size_target,
                circle=rules.circle_below,
            ),
        )
    )
    web = t(
        "agenda.show.seat_page_on" if agenda.web.where_do_i_sit else "agenda.show.seat_page_off"
    )
    privacy = t(
        "agenda.show.privacy_text",
        count=agenda.privacy.retention_days,
        days=agenda.privacy.retention_days,
    )
    fields.append((t("agenda.show.privacy"), f"{privacy}; {web}"))
    fields.append(
        (
            t("agenda.show.planned"),
            t(
                "agenda.show.planned_text",
                minutes=_number(agenda.planned_minutes),
                clock=_duration(agenda.planned_minutes),
                steps=t("count.steps", count=len(agenda.steps)),
                rounds=t("count.cafe_rounds", count=len(agenda.cafe_rounds)),
            ),
        )
    )
    label_width = max(len(label) for label, _ in fields) + 2
    for label, value in fields:
        wrapped = textwrap.wrap(value, width=width - label_width) or [""]
        lines.append(f"{label + ':':<{label_width}}{wrapped[0]}")
        lines.extend(" " * label_width + more for more in wrapped[1:])
    return lines


def render(
    agenda: Agenda, *, notes: bool = False, start: int | None = None, width: int = 100
) -> str:
    """The agenda as ``cafe agenda show`` prints it (without a trailing newline)."""
    lines = _header(agenda, width)
    lines.append("")
    timed = agenda.timed_steps
    rows = [
        [
            t("agenda.show.col_number"),
            t("agenda.show.col_clock"),
            t("agenda.show.col_minutes"),
            t("agenda.show.col_step"),
        ]
    ]
    for placed in timed:
        rows.append(
            [
                str(placed.index + 1),
                f"{_clock(placed.start, start)}–{_clock(placed.end, start)}",
                _number(placed.step.minutes),
                _titled(placed.step),
            ]
        )
    table = _table(rows, right={0, 2})
    indent = len(table[0]) - len(rows[0][3])
    lines.append(table[0])
    for placed, line in zip(timed, table[1:], strict=True):
        lines.append(line)
        step = placed.step
        for label, text in (("question", step.question), ("text", step.text)):
            if text.strip():
                body = f"{t(f'agenda.show.{label}')}: {' '.join(text.split())}"
                lines.extend(_wrap(body, indent, width))
        if notes and step.notes.strip():
            lines.append(" " * indent + t("agenda.show.notes") + ":")
            lines.extend(_wrap(step.notes, indent + 2, width))
        if notes:
            lines.append("")
    return "\n".join(lines).rstrip()


def run_show(args: argparse.Namespace) -> int:
    start = _start_minutes(args.start)
    _follow_file_language(args, args.agenda)
    agenda = load_agenda(resolve_agenda(args.agenda))
    if args.challenge is not None:
        agenda = agenda.with_meta(challenge=" ".join(args.challenge.split()))
    if start is None and agenda.meta.start:
        start = _start_minutes(agenda.meta.start)
    text = render(agenda.filled(), notes=args.notes, start=start, width=_width())
    sys.stdout.write(text + "\n")
    return 0
