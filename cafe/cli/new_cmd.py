"""`cafe new`: create a meeting folder from a shipped or own agenda."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path

from msgspec.structs import replace

from cafe.cli import add_lang_option
from cafe.cli.agenda_cmd import date_warnings
from cafe.cli.common import say, warn
from cafe.core.agenda import CoHost, is_email_address, load_agenda, parse_clock, resolve_agenda
from cafe.core.errors import CafeError
from cafe.core.participants import Sector
from cafe.i18n import set_language, t
from cafe.storage.folder import create_meeting_folder

DEFAULT_AGENDA = "idemote.sv"
_HOST = re.compile(r"(?P<who>[^<>]*)<(?P<address>[^<>]*)>")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("new", help=t("cli.new.help"), description=t("cli.new.description"))
    parser.add_argument("folder", metavar="DIR", type=Path, help=t("cli.new.folder"))
    parser.add_argument("--agenda", default=None, metavar="NAME|PATH", help=t("cli.new.agenda"))
    parser.add_argument("--challenge", required=True, metavar="TEXT", help=t("cli.new.challenge"))
    parser.add_argument("--title", metavar="TEXT", help=t("cli.new.title"))
    parser.add_argument("--date", metavar="YYYY-MM-DD", help=t("cli.new.date"))
    parser.add_argument("--place", metavar="TEXT", help=t("cli.new.place"))
    parser.add_argument("--start", metavar="HH:MM", help=t("cli.new.start"))
    parser.add_argument("--end", metavar="HH:MM", help=t("cli.new.end"))
    parser.add_argument("--register-by", metavar="YYYY-MM-DD", help=t("cli.new.register_by"))
    parser.add_argument(
        "--host-municipality", metavar='"NAME <MAIL>"', help=t("cli.new.host_municipality")
    )
    parser.add_argument("--host-civil", metavar='"NAME <MAIL>"', help=t("cli.new.host_civil"))
    add_lang_option(parser)
    parser.set_defaults(handler=run)


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise CafeError(t("cli.new.bad_date", value=value)) from None


def _check_time(option: str, value: str | None) -> str:
    if value is None:
        return ""
    clock = parse_clock(value)
    if not clock:
        raise CafeError(t("cli.new.bad_time", option=option, value=value))
    return clock


def parse_host(option: str, value: str, sector: Sector) -> CoHost:
    """``"Anna Lindqvist, Socialförvaltningen <anna@hageby.se>"`` as a co-host."""
    found = _HOST.fullmatch(value.strip())
    if not found or not found["who"].strip() or not is_email_address(found["address"].strip()):
        raise CafeError(t("cli.new.bad_host", option=option, value=value))
    address = found["address"].strip()
    name, _, organisation = found["who"].strip().strip('"').partition(",")
    return CoHost(" ".join(name.split()), " ".join(organisation.split()), sector, address)


def _with_host(hosts: tuple[CoHost, ...], host: CoHost) -> tuple[CoHost, ...]:
    """The agenda's co-hosts with the first of ``host``'s sector replaced (or one added)."""
    for number, old in enumerate(hosts):
        if old.sector is host.sector:
            organisation = host.organisation or old.organisation
            return (*hosts[:number], replace(host, organisation=organisation), *hosts[number + 1 :])
    return (*hosts, host)


def run(args: argparse.Namespace) -> int:
    name = args.agenda or ("idea-meeting.en" if args.lang == "en" else DEFAULT_AGENDA)
    agenda = load_agenda(resolve_agenda(name))
    challenge = " ".join(args.challenge.split())
    if not challenge:
        raise CafeError(t("cli.new.empty_challenge"))
    changes: dict[str, object] = {"challenge": challenge}
    if args.title:
        changes["title"] = args.title
    if args.place:
        changes["place"] = args.place
    date = _check_date(args.date)
    if date:
        changes["date"] = date
    if args.lang:
        changes["language"] = args.lang
    start, end = _check_time("--start", args.start), _check_time("--end", args.end)
    if start and end and end <= start:
        raise CafeError(t("cli.new.end_before_start", start=start, end=end))
    register_by = _check_date(args.register_by)
    changes.update(
        {k: v for k, v in (("start", start), ("end", end), ("register_by", register_by)) if v}
    )
    hosts = agenda.meta.cohosts
    for option, value, sector in (
        ("--host-municipality", args.host_municipality, Sector.PUBLIC),
        ("--host-civil", args.host_civil, Sector.CIVIL),
    ):
        if value is not None:
            hosts = _with_host(hosts, parse_host(option, value, sector))
    agenda = agenda.with_meta(**changes, cohosts=hosts)
    log = create_meeting_folder(args.folder, agenda)
    log.close()
    set_language(args.lang or agenda.meta.language)
    say(t("cli.new.created", path=args.folder, title=agenda.meta.title))
    for warning in date_warnings(agenda):
        warn(warning)
    say(t("cli.new.next_steps", path=args.folder))
    return 0
