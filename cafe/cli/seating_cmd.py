"""`cafe seating plan` and `cafe seating show`: who sits where, on paper or on screen.

``plan`` works on a CSV file without a meeting folder (other tools script it, so its JSON
is a contract: ``docs/seating.md``) or on a meeting folder, where the plan is stored as
an event and the TUI shows the same tables. ``show`` prints a stored plan for the table
cards: one round's tables, or everyone's itinerary.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from cafe.cli import add_lang_option
from cafe.cli.common import (
    add_folder_argument,
    folder_to_change,
    open_folder,
    print_json,
    say,
    warn,
)
from cafe.core.errors import CafeError, Problem, ValidationError
from cafe.core.meeting_seating import host_changes, plan_meeting
from cafe.core.seating import (
    CIRCLE_BELOW,
    Plan,
    SeatingResult,
    itinerary_lines,
    seat,
)
from cafe.core.seating.csvfile import read_seating_csv
from cafe.core.seating.plan import read_table_plan
from cafe.core.service import MeetingService
from cafe.core.text import collation_key
from cafe.i18n import current_language, t


def _count(minimum: int) -> Callable[[str], int]:
    """An argparse type: an integer of at least ``minimum`` (else a usage error, exit 2)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(t("seating.cli.not_a_number", value=text)) from None
        if value < minimum:
            raise argparse.ArgumentTypeError(
                t("seating.cli.too_small", value=value, minimum=minimum)
            )
        return value

    return parse


def register(sub: argparse._SubParsersAction) -> None:
    seating = sub.add_parser(
        "seating", help=t("seating.cli.help"), description=t("seating.cli.description")
    )
    add_lang_option(seating)
    actions = seating.add_subparsers(title=t("cli.commands"), metavar=t("cli.command_metavar"))
    actions.required = True

    plan = actions.add_parser(
        "plan", help=t("seating.cli.plan_help"), description=t("seating.cli.plan_description")
    )
    plan.add_argument(
        "folder", metavar="DIR", type=Path, nargs="?", help=t("seating.cli.folder_help")
    )
    plan.add_argument(
        "--participants",
        metavar="FILE.csv",
        type=Path,
        help=t("seating.cli.participants_help"),
    )
    plan.add_argument("--rounds", metavar="R", type=_count(1), help=t("seating.cli.rounds_help"))
    plan.add_argument("--size", metavar="K", type=_count(2), help=t("seating.cli.size_help"))
    plan.add_argument("--tables", metavar="G", type=_count(1), help=t("seating.cli.tables_help"))
    plan.add_argument("--seed", metavar="S", type=int, default=0, help=t("seating.cli.seed_help"))
    plan.add_argument(
        "--circle-below",
        metavar="N",
        type=_count(0),
        default=CIRCLE_BELOW,
        help=t("seating.cli.circle_help", default=CIRCLE_BELOW),
    )
    plan.add_argument(
        "--history", metavar="PLAN.json", type=Path, help=t("seating.cli.history_help")
    )
    plan.add_argument(
        "--from-round", metavar="F", type=_count(1), help=t("seating.cli.from_round_help")
    )
    plan.add_argument("--json", action="store_true", help=t("seating.cli.json_help"))
    add_lang_option(plan)
    plan.set_defaults(handler=run_plan, usage_error=plan.error)

    show = actions.add_parser(
        "show", help=t("seating.cli.show_help"), description=t("seating.cli.show_description")
    )
    add_folder_argument(show)
    show.add_argument("--round", metavar="N", type=_count(1), help=t("seating.cli.round_help"))
    show.add_argument("--json", action="store_true", help=t("seating.cli.json_help"))
    add_lang_option(show)
    show.set_defaults(handler=run_show)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        problem = Problem.coded("seating.cli.unreadable", where=str(path), detail=error.strerror)
        raise CafeError([problem]) from None


def read_history(path: Path) -> Plan:
    """The earlier plan a re-plan starts from (the JSON this command printed)."""
    try:
        data = json.loads(_read_bytes(path).decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        problem = Problem.coded("seating.cli.bad_json", where=str(path), detail=str(error))
        raise ValidationError([problem]) from None
    return read_table_plan(data, str(path)).to_planner()


def plan_from_csv(
    participants: Path,
    rounds: int,
    size: int,
    *,
    tables: int | None = None,
    seed: int = 0,
    circle_below: int = CIRCLE_BELOW,
    history: Path | None = None,
    from_round: int | None = None,
) -> tuple[SeatingResult, dict[str, str]]:
    """Read the participant file (and an earlier plan), plan, and return names for printing.

    Size limits follow the agenda's defaults (3 to 5), widened to include ``size``.
    """
    people, names = read_seating_csv(_read_bytes(participants), str(participants))
    earlier = read_history(history) if history is not None else None
    result = seat(
        people,
        rounds,
        size,
        size_min=min(3, size),
        size_max=max(5, size),
        tables=tables,
        seed=seed,
        circle_below=circle_below,
        history=earlier,
        from_round=from_round,
    )
    return result, names


def render_text(result: SeatingResult, names: Mapping[str, str]) -> list[str]:
    """The plan as lines for a person: itineraries, or the circle's speaking order."""
    if result.mode == "circle":
        lines = [t("seating.cli.circle_title", count=len(result.order))]
        lines += [f"{i}. {names.get(pid, pid)}" for i, pid in enumerate(result.order, 1)]
        return lines
    assert result.plan is not None and result.metrics is not None
    lines = [
        t(
            "seating.cli.tables_title",
            tables=t("count.tables", count=len(result.plan.table_numbers)),
            rounds=t("count.rounds", count=len(result.plan.rounds)),
        )
    ]
    lines += ["  " + line for line in itinerary_lines(result.plan, names)]
    metrics = result.metrics
    lines.append(
        t(
            "seating.cli.summary",
            repeats=metrics.repeated_pairs,
            revisits=metrics.host_revisits,
            single=metrics.single_sector_tables,
            same_org=metrics.same_organisation_pairs,
        )
    )
    return lines


def bound_warning(result: SeatingResult) -> str | None:
    """What to tell the co-hosts when the plan has repeats, and how many tables avoid them."""
    bound, metrics = result.bound, result.metrics
    if bound is None or metrics is None:
        return None
    if bound.repeated_pairs == 0 and bound.host_revisits == 0:
        if metrics.repeated_pairs == 0 or bound.tables_for_zero is None:
            return None
        return t(
            "seating.cli.repeats_warning",
            count=metrics.repeated_pairs,
            repeats=metrics.repeated_pairs,
            tables=bound.tables_for_zero,
        )
    if bound.tables_for_zero is None:
        return t(
            "seating.cli.bound_no_fix",
            count=bound.repeated_pairs,
            repeats=bound.repeated_pairs,
            revisits=bound.host_revisits,
        )
    return t(
        "seating.cli.bound_warning",
        count=bound.repeated_pairs,
        repeats=bound.repeated_pairs,
        revisits=bound.host_revisits,
        tables=bound.tables_for_zero,
    )


def run_plan(args: argparse.Namespace) -> int:
    if (args.folder is None) == (args.participants is None):
        args.usage_error(t("seating.cli.folder_or_file"))
    if args.folder is not None:
        return _plan_folder(args)
    if args.rounds is None or args.size is None:
        args.usage_error(t("seating.cli.rounds_size_needed"))
    if (args.history is None) != (args.from_round is None):
        args.usage_error(t("seating.cli.history_pair"))
    result, names = plan_from_csv(
        args.participants,
        args.rounds,
        args.size,
        tables=args.tables,
        seed=args.seed,
        circle_below=args.circle_below,
        history=args.history,
        from_round=args.from_round,
    )
    _print_plan(result, names, as_json=args.json)
    return 0


def _print_plan(result: SeatingResult, names: Mapping[str, str], *, as_json: bool) -> None:
    warning = bound_warning(result)
    if warning:
        warn(warning)
    if as_json:
        print_json(result.to_json())
    else:
        for line in render_text(result, names):
            say(line)
    sys.stdout.flush()


def _plan_folder(args: argparse.Namespace) -> int:
    """Plan a meeting folder's present people with its agenda's rounds and table sizes."""
    ignored = [
        option
        for option, value in (
            ("--rounds", args.rounds),
            ("--size", args.size),
            ("--history", args.history),
        )
        if value is not None
    ]
    if ignored:
        args.usage_error(t("seating.cli.not_with_folder", options=", ".join(ignored)))
    with folder_to_change(args) as service:
        before = service.state.seating_plan
        from_round = args.from_round or 1
        result = plan_meeting(service, from_round=from_round, tables=args.tables, seed=args.seed)
        _print_plan(result, _names(service), as_json=args.json)
        changed = host_changes(before, service.state.seating_plan, from_round)
        if changed:  # the printed table cards name the old hosts at these tables
            numbers = ", ".join(str(no) for no in changed)
            warn(t("seating.cli.hosts_changed", count=len(changed), tables=numbers))
    return 0


def _names(service: MeetingService) -> dict[str, str]:
    """Display names by id, in the order people were registered."""
    return {p.id: p.name for p in service.state.participants.values()}


def run_show(args: argparse.Namespace) -> int:
    service = open_folder(args)
    plan = service.state.seating_plan
    if not plan:
        raise CafeError([Problem.coded("seating.cli.no_plan", where=str(args.folder))])
    names = _names(service)
    if args.json:
        print_json(service.state.seating)
        return 0
    if plan.is_circle:  # a round's ring as it was then; without --round, as it is now
        ring = plan.order if args.round is None else plan.ring(args.round)
        say(t("seating.cli.circle_title", count=len(ring)))
        for number, person in enumerate(ring, 1):
            say(f"{number}. {names.get(person, person)}")
        return 0
    rounds = len(plan.rounds)
    if args.round is None:
        seated = plan.people()
        # Alphabetical, as a person looks for their own name on a printed list.
        itineraries = {
            pid: name
            for pid, name in sorted(
                names.items(), key=lambda item: collation_key(item[1], current_language())
            )
            if pid in seated
        }
        say(t("seating.cli.itineraries_title", count=rounds, rounds=rounds))
        for line in itinerary_lines(plan.to_planner(), itineraries):
            say("  " + line)
        return 0
    if args.round > rounds:
        problem = Problem.coded(
            "seating.cli.no_such_round", where=f"--round {args.round}", count=rounds, rounds=rounds
        )
        raise CafeError([problem])
    say(t("seating.cli.round_title", round=args.round))
    for table in plan.tables(args.round):
        host = names.get(table.host, table.host) if table.host else ""
        others = [names.get(m, m) for m in table.guests]
        label = t("seating.cli.table_line", table=table.number, host=host or "–")
        say(f"{label}: {', '.join(others)}")
    return 0
