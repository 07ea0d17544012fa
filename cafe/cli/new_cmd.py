"""`cafe new`: create a meeting folder from a shipped or own agenda."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from cafe.cli import add_lang_option
from cafe.cli.common import say
from cafe.core.agenda import load_agenda, resolve_agenda
from cafe.core.errors import CafeError
from cafe.i18n import set_language, t
from cafe.storage.folder import create_meeting_folder

DEFAULT_AGENDA = "idemote.sv"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("new", help=t("cli.new.help"), description=t("cli.new.description"))
    parser.add_argument("folder", metavar="DIR", type=Path, help=t("cli.new.folder"))
    parser.add_argument("--agenda", default=None, metavar="NAME|PATH", help=t("cli.new.agenda"))
    parser.add_argument("--challenge", required=True, metavar="TEXT", help=t("cli.new.challenge"))
    parser.add_argument("--title", metavar="TEXT", help=t("cli.new.title"))
    parser.add_argument("--date", metavar="YYYY-MM-DD", help=t("cli.new.date"))
    parser.add_argument("--place", metavar="TEXT", help=t("cli.new.place"))
    add_lang_option(parser)
    parser.set_defaults(handler=run)


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise CafeError(t("cli.new.bad_date", value=value)) from None


def run(args: argparse.Namespace) -> int:
    name = args.agenda or ("idea-meeting.en" if args.lang == "en" else DEFAULT_AGENDA)
    agenda = load_agenda(resolve_agenda(name))
    challenge = " ".join(args.challenge.split())
    if not challenge:
        raise CafeError(t("cli.new.empty_challenge"))
    changes: dict[str, str] = {"challenge": challenge}
    if args.title:
        changes["title"] = args.title
    if args.place:
        changes["place"] = args.place
    date = _check_date(args.date)
    if date:
        changes["date"] = date
    if args.lang:
        changes["language"] = args.lang
    agenda = agenda.with_meta(**changes)
    log = create_meeting_folder(args.folder, agenda)
    log.close()
    set_language(args.lang or agenda.meta.language)
    say(t("cli.new.created", path=args.folder, title=agenda.meta.title))
    say(t("cli.new.next_steps", path=args.folder))
    return 0
