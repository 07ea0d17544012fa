"""`cafe people`: register participants before or at the door."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rich.cells import cell_len, set_cell_size

from cafe.cli import add_lang_option
from cafe.cli.common import (
    add_folder_argument,
    folder_to_change,
    open_folder,
    print_json,
    say,
    shell_join,
    warn,
)
from cafe.core.contact_rule import Purpose, Source, may_use
from cafe.core.errors import CafeError, Problem, ValidationError, row_of, row_where
from cafe.core.participants import AlreadyInMeeting, PersonInput
from cafe.core.people_csv import CsvPeople, RowPlaces, find_duplicates, read_people_csv
from cafe.i18n import number, t


def register(sub: argparse._SubParsersAction) -> None:
    people = sub.add_parser(
        "people", help=t("cli.people.help"), description=t("cli.people.description")
    )
    add_lang_option(people)
    actions = people.add_subparsers(title=t("cli.commands"), metavar=t("cli.command_metavar"))
    actions.required = True

    add = actions.add_parser("add", help=t("cli.people.add_help"))
    add_folder_argument(add)
    add.add_argument("name", metavar="NAME", help=t("cli.people.name"))
    add.add_argument(
        "--org", "--organisation", dest="organisation", default="", help=t("cli.people.org")
    )
    add.add_argument("--sector", default="other", help=t("cli.people.sector"))
    add.add_argument("--email", default="", help=t("cli.people.email"))
    add.add_argument("--phone", default="", help=t("cli.people.phone"))
    add.add_argument("--host", action="store_true", help=t("cli.people.host"))
    add.add_argument("--present", action="store_true", help=t("cli.people.present"))
    add.add_argument("--again", action="store_true", help=t("cli.people.again"))
    add_lang_option(add)
    add.set_defaults(handler=run_add)

    listing = actions.add_parser("list", help=t("cli.people.list_help"))
    add_folder_argument(listing)
    listing.add_argument("--json", action="store_true", help=t("cli.people.json"))
    add_lang_option(listing)
    listing.set_defaults(handler=run_list)

    importing = actions.add_parser("import", help=t("cli.people.import_help"))
    add_folder_argument(importing)
    importing.add_argument("csv", metavar="FILE.csv", type=Path, help=t("cli.people.csv"))
    importing.add_argument(
        "--skip-existing", action="store_true", help=t("cli.people.skip_existing")
    )
    add_lang_option(importing)
    importing.set_defaults(handler=run_import)

    remove = actions.add_parser("remove", help=t("cli.people.remove_help"))
    add_folder_argument(remove)
    remove.add_argument("ids", metavar="ID", nargs="+", help=t("cli.people.ids"))
    add_lang_option(remove)
    remove.set_defaults(handler=run_remove)

    present = actions.add_parser("present", help=t("cli.people.present_help"))
    add_folder_argument(present)
    present.add_argument("ids", metavar="ID", nargs="*", help=t("cli.people.ids"))
    present.add_argument("--all", action="store_true", help=t("cli.people.all"))
    present.add_argument("--absent", action="store_true", help=t("cli.people.absent"))
    add_lang_option(present)
    present.set_defaults(handler=run_present, usage_error=present.error)


def run_add(args: argparse.Namespace) -> int:
    with folder_to_change(args) as service:
        try:
            person = service.add_participant(
                PersonInput(
                    name=args.name,
                    organisation=args.organisation,
                    sector=args.sector,
                    email=args.email,
                    phone=args.phone,
                    host=args.host,
                    present=args.present,
                ),
                allow_duplicate=args.again,
            )
        except AlreadyInMeeting as error:
            hint = Problem.coded("cli.people.add_again", command=_again_command(args))
            raise CafeError([*error.problems, hint]) from None
        say(t("cli.people.added", id=person.id, name=person.name))
        return 0


def _again_command(args: argparse.Namespace) -> str:
    """The command the user typed, with ``--again``: what to type to add the twin."""
    words = ["cafe", "people", "add", str(args.folder), args.name]
    for option, value in (
        ("--org", args.organisation),
        ("--sector", "" if args.sector == "other" else args.sector),
        ("--email", args.email),
        ("--phone", args.phone),
    ):
        if value:
            words += [option, value]
    words += [flag for flag, on in (("--host", args.host), ("--present", args.present)) if on]
    return shell_join([*words, "--again"])


def run_list(args: argparse.Namespace) -> int:
    service = open_folder(args)
    people = list(service.state.participants.values())
    hosts = service.state.table_hosts()  # the seating plan's, as participants.csv says
    if args.json:
        print_json(
            [
                {
                    "id": p.id,
                    "name": p.name,
                    "organisation": p.organisation,
                    "sector": str(p.sector),
                    "host": p.id in hosts,
                    "present": p.present,
                }
                for p in people
            ]
        )
        return 0
    if not people:
        say(t("cli.people.none"))
        return 0
    width = max(cell_len(p.name) for p in people)  # 李伟 takes four columns, not two
    for p in people:
        flags = " ".join(
            flag
            for flag, on in (
                (t("cli.people.flag_host"), p.id in hosts),
                (t("cli.people.flag_present"), p.present),
            )
            if on
        )
        say(
            f"{p.id:>5}  {set_cell_size(p.name, width)}  {p.organisation}  [{t(f'tui.sector.{p.sector}')}] {flags}".rstrip()
        )
    present = sum(p.present for p in people)
    say(t("cli.people.summary", count=len(people), present=present))
    return 0


def run_import(args: argparse.Namespace) -> int:
    with folder_to_change(args) as service:
        source = args.csv.name
        started = time.perf_counter()
        try:
            raw = args.csv.read_bytes()
        except FileNotFoundError:  # said in English by the system ("No such file ...")
            raise CafeError(t("cli.people.csv_missing", path=args.csv)) from None
        except OSError as error:
            raise CafeError(f"{args.csv}: {error.strerror}") from None
        parsed = read_people_csv(raw, source)
        found = find_duplicates(parsed, service.state.participants.values(), source)
        problems, already = list(found.problems), found.already
        if already and not args.skip_existing:
            problems.extend(
                Problem.coded(
                    "csv.already_registered",
                    where=row_where(source, parsed.rows[i]),
                    name=parsed.people[i].name,
                )
                for i in sorted(already)
            )
        if problems:
            problems.sort(key=lambda p: row_of(p.where))
            raise ValidationError([*problems, Problem.coded("cli.people.nothing_imported")])
        keep = [i for i in range(len(parsed.people)) if i not in already and i not in found.repeats]
        added = service.add_participants(
            [parsed.people[i] for i in keep],
            wheres=RowPlaces(source, [parsed.rows[i] for i in keep]),
        )
        elapsed = time.perf_counter() - started
        if parsed.ignored_columns and parsed.has_sector:
            warn(t("cli.people.ignored_columns", columns=", ".join(parsed.ignored_columns)))
        if found.repeats:
            warn(_repeats_notice(parsed, found.repeats))
        kept = set(keep)
        no_sector = [parsed.rows[i] for i in parsed.no_sector if i in kept]
        if no_sector:
            warn(t("cli.people.no_sector_rows", count=len(no_sector), rows=_rows(no_sector)))
        say(
            t(
                "cli.people.imported",
                count=len(added),
                skipped=len(already),
                seconds=number(elapsed, 2),
                encoding=parsed.encoding,
                delimiter=parsed.delimiter.replace("\t", "TAB"),
            )
        )
        letter = sum(
            1
            for person in added
            if person.email and may_use(Source.REGISTRATION, Purpose.FEEDBACK_LETTER, consent=False)
        )
        say(t("cli.people.letter_addresses", count=letter))
        if not parsed.has_sector and parsed.people:
            warn(_no_sector_warning(parsed.ignored_columns))
        return 0


_LISTED = 10
"""Rows named one by one in a notice; the rest are counted ("och 12 till")."""


def _rows(rows: list[int]) -> str:
    """``17, 20, 25`` or, for a long list, the first ten ``och 12 till``."""
    shown = ", ".join(str(row) for row in rows[:_LISTED])
    if len(rows) > _LISTED:
        shown = t("cli.people.and_more", shown=shown, count=len(rows) - _LISTED)
    return shown


def _repeats_notice(parsed: CsvPeople, repeats: dict[int, int]) -> str:
    """Which rows were left out as copies of earlier rows, each with its person and the
    row it copies, so the user can check the list agrees."""
    items = [
        t("cli.people.repeat_item", row=parsed.rows[i], name=parsed.people[i].name, first=first)
        for i, first in sorted(repeats.items())
    ]
    shown = ", ".join(items[:_LISTED])
    if len(items) > _LISTED:
        shown = t("cli.people.and_more", shown=shown, count=len(items) - _LISTED)
    return t("cli.people.repeated_rows", count=len(items), rows=shown)


def _no_sector_warning(ignored: list[str]) -> str:
    """Said last, after the import: without a sector column everyone is "other", so the
    seating planner cannot mix the tables by sector, and a facilitator reading only
    "Importerade 24 deltagare" would not notice before the tables are set."""
    if ignored:
        return t("cli.people.no_sector_column_unused", columns=", ".join(ignored))
    return t("cli.people.no_sector_column")


def run_remove(args: argparse.Namespace) -> int:
    with folder_to_change(args) as service:
        missing = [i for i in args.ids if i not in service.state.participants]
        if missing:
            raise CafeError(", ".join(t("service.no_such_participant", id=i) for i in missing))
        for participant_id in args.ids:
            name = service.state.participants[participant_id].name
            service.remove_participant(participant_id)
            say(t("cli.people.removed", id=participant_id, name=name))
        return 0


def run_present(args: argparse.Namespace) -> int:
    """Mark people present (or absent); ``--all`` marks everyone registered, so seats can
    be planned and itineraries printed before the doors open."""
    if bool(args.ids) == args.all:
        args.usage_error(t("cli.people.ids_or_all"))
    with folder_to_change(args) as service:
        ids = list(service.state.participants) if args.all else args.ids
        missing = [i for i in ids if i not in service.state.participants]
        if missing:
            raise CafeError(", ".join(t("service.no_such_participant", id=i) for i in missing))
        for participant_id in ids:
            service.set_present(participant_id, not args.absent)
        say(t("cli.people.marked", count=len(ids)))
        return 0
