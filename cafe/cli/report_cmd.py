"""`cafe report`: the printouts before the meeting, and the working group's files after it."""

from __future__ import annotations

import argparse
from pathlib import Path

from cafe import links
from cafe.cli import add_lang_option
from cafe.cli.common import add_folder_argument, open_folder, say, shell_join, warn
from cafe.core.errors import CafeError
from cafe.i18n import t
from cafe.storage.folder import AGENDA_FILE
from cafe.storage.printed_address import record_printed_base
from cafe.storage.running_server import running_server
from cafe.web.addresses import base_for_codes

detect_lan_address = links.detect_lan_address
"""Module-level so tests can pin the address printed on the cards (never contacted)."""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "report", help=t("reports.cli.help"), description=t("reports.cli.description")
    )
    add_folder_argument(parser)
    parser.add_argument("--out", type=Path, metavar="DIR", help=t("reports.cli.out"))
    parser.add_argument(
        "--template", type=Path, metavar="BRAND.pptx", help=t("reports.cli.template")
    )
    parser.add_argument("--csv-sep", default=";", metavar="SEP", help=t("reports.cli.csv_sep"))
    parser.add_argument("--before", action="store_true", help=t("reports.cli.before"))
    parser.add_argument("--public-url", metavar="URL", help=t("reports.cli.public_url"))
    add_lang_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from cafe.reports.build import build_before, build_report  # pptx loads only when used

    service = open_folder(args)
    out = args.out or args.folder / "out"
    if args.before:
        # The running server's address if there is one, so every printed code opens.
        base = base_for_codes(
            args.folder,
            public_url=links.check_public_url(args.public_url) if args.public_url else None,
            port=None,
            lan_address=detect_lan_address,
        )
        written = build_before(
            service, out, public_base=base, lang=args.lang, template=args.template
        )
        record_printed_base(service, base)  # the server warns if it later runs elsewhere
        # The cards' codes carry this address: printed the day before at the office, they
        # opened nothing at the venue, and nothing had said which address they held.
        fixed = bool(args.public_url) or running_server(args.folder) is not None
    else:
        if not service.state.took_place():  # no thank-you letter for a meeting not held
            before = shell_join(["cafe", "report", str(args.folder), "--before"])
            raise CafeError(t("reports.cli.not_held", folder=args.folder, command=before))
        written = build_report(
            service, out, lang=args.lang, template=args.template, csv_sep=args.csv_sep
        )
    for path in written:
        say(t("reports.cli.written", path=path))
    if args.before and not service.state.participants:
        # Printed before the list was imported: one card for the whole room, unsaid.
        warn(t("reports.cli.nobody_yet", folder=args.folder))
    if args.before:
        if fixed:
            say(t("reports.cli.codes_address", base=base))
        else:
            warn(t("reports.cli.codes_address_now", base=base))
    hosts = [host for host in service.agenda.meta.cohosts if host.name.strip()]
    if args.before and hosts and not any(host.email.strip() for host in hosts):
        warn(t("reports.cli.no_host_mail", agenda=args.folder / AGENDA_FILE))
    if not hosts:
        # Unsigned, and nobody to contact: said where the co-host will see it, not after
        # the letter has gone out.
        warn(t("reports.cli.no_hosts", agenda=args.folder / AGENDA_FILE))
    return 0
