"""`cafe qr`: the meeting's, a table's, the projector's or the co-host console's QR code.

The tokens in the codes are stored in the meeting, so a card printed the day before
still opens the right page, as long as the server runs on the same address and port.
While ``cafe run`` or ``cafe serve`` runs, the codes carry that server's address (from
``DIR/server.json``); a written file records its address in the meeting, so the server
can warn if it later runs elsewhere. Nothing here takes the meeting's lock.

``--cohost`` is the co-host console's code (it runs the meeting: it is for the other
co-host's phone, never for the wall); ``--cohost --new`` replaces its token, and a running
server refuses the old one from its next request on.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cafe import links
from cafe.cli import add_lang_option
from cafe.cli.common import add_folder_argument, open_folder, say, warn
from cafe.core.errors import CafeError
from cafe.core.service import MeetingService
from cafe.i18n import t
from cafe.links import check_public_url, check_table
from cafe.storage.folder import cohost_token, meeting_token, new_cohost_token, table_token
from cafe.storage.printed_address import record_printed_base
from cafe.web.addresses import base_for_codes

detect_lan_address = links.detect_lan_address
"""Module-level so tests can pin the address shown (they never contact it)."""

_DARK = "0;0;0"
_LIGHT = "255;255;255"


def register(sub: argparse._SubParsersAction) -> None:
    qr = sub.add_parser(
        "qr",
        help=t("web.cli.qr_help"),
        description=f"{t('web.cli.qr_description')} {t('address.cli.qr_more')}",
    )
    add_folder_argument(qr)
    qr.add_argument("--table", type=int, metavar="N", help=t("web.cli.table"))
    qr.add_argument("--projector", action="store_true", help=t("address.cli.projector"))
    qr.add_argument("--cohost", action="store_true", help=t("web.cohost.cli_cohost"))
    qr.add_argument("--new", action="store_true", help=t("web.cohost.cli_new"))
    qr.add_argument("--out", type=Path, metavar="FILE", help=t("web.cli.out"))
    qr.add_argument("--url", action="store_true", help=t("web.cli.url"))
    qr.add_argument("--public-url", metavar="URL", help=t("web.cli.public_url"))
    qr.add_argument(
        "--port",
        type=int,
        default=None,
        help=t("address.cli.qr_port", port=links.DEFAULT_PORT),
    )
    add_lang_option(qr)
    qr.set_defaults(handler=run_qr)


def code_url(
    service: MeetingService, base: str, table: int | None, *, projector: bool = False
) -> str:
    """The URL a code encodes: a table's host page, the projector page or the sign-up form."""
    if table is not None:
        return base + links.table_path(table_token(service, check_table(table)))
    if projector:
        return base + links.screen_path(meeting_token(service))
    return base + links.signup_path(meeting_token(service))


def terminal_qr(data: str) -> str:
    """The code as "▀" cells in exact 24-bit black and white (themes cannot tint it)."""
    from cafe.qr import qr_halfblocks  # qrcode and Pillow: only when a code is drawn

    lines = []
    for row in qr_halfblocks(data):
        cells = [
            f"\x1b[38;2;{_DARK if top else _LIGHT};48;2;{_DARK if bottom else _LIGHT}m▀"
            for top, bottom in row
        ]
        lines.append("".join(cells) + "\x1b[0m")
    return "\n".join(lines) + "\n"


def _table_card(service: MeetingService, url: str, table: int) -> bytes:
    """A table's code as a card to print, "Bord 3" under it in the meeting's language:
    it is read by the room, whatever language the command was typed in."""
    from cafe.reports.qr_card import table_card_png  # Pillow's fonts: only for a card

    return table_card_png(url, table, service.agenda.meta.language)


def _usage_problem(args: argparse.Namespace) -> str | None:
    """A combination of options that makes no sense, as a message (exit 2, like argparse)."""
    if args.cohost and (args.projector or args.table is not None):
        return t("web.cohost.cli_with_other")
    if args.new and not args.cohost:
        return t("web.cohost.cli_new_without_cohost")
    if args.projector and args.table is not None:
        return t("address.cli.projector_with_table")
    return None


def run_qr(args: argparse.Namespace) -> int:
    from cafe.qr import qr_png, qr_svg

    problem = _usage_problem(args)
    if problem:
        warn(problem)
        return 2  # a mistyped command, like argparse's own refusals
    service = open_folder(args)
    base = base_for_codes(
        args.folder,
        public_url=check_public_url(args.public_url) if args.public_url else None,
        port=args.port,
        lan_address=detect_lan_address,
    )
    if args.cohost:
        token = new_cohost_token(service) if args.new else cohost_token(service)
        url = base + links.cohost_path(token)
        if args.new:
            warn(t("web.cohost.cli_renewed"))
        if not args.url:
            warn(t("web.cohost.cli_warning"))
    else:
        url = code_url(service, base, args.table, projector=args.projector)
        plan = service.state.seating_plan
        if args.table is not None and plan.is_tables and args.table not in plan.table_numbers():
            # Table 9 of a plan of 5 got a code without a word (it works if tables are added).
            warn(t("web.cli.table_not_planned", table=args.table, count=len(plan.table_numbers())))
    if args.url:
        say(url)
        return 0
    if args.out is None:
        sys.stdout.write(terminal_qr(url))
        say(url)
        return 0
    suffix = args.out.suffix.lower()
    try:
        if suffix == ".png" and args.table is not None and not args.cohost:
            args.out.write_bytes(_table_card(service, url, args.table))
        elif suffix == ".png":
            args.out.write_bytes(qr_png(url))
        elif suffix == ".svg":
            args.out.write_text(qr_svg(url), encoding="utf-8")
        else:
            raise CafeError(t("web.cli.bad_format", path=args.out))
    except OSError as error:
        raise CafeError(f"{args.out}: {error.strerror or error}") from None
    if not args.cohost:  # the table cards' address; the console's code is no card
        record_printed_base(service, base)
    say(t("web.cli.written", path=args.out))
    return 0
