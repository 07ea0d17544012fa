"""`cafe run DIR`: the live meeting on the projector (the Textual interface).

Textual and the web server are imported only here, when a meeting is run, so the other
subcommands start fast. Logging goes to DIR/cafe.log: Textual owns the terminal.
"""

from __future__ import annotations

import argparse
import logging
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from cafe import links
from cafe.cli import add_lang_option
from cafe.cli.common import add_folder_argument, folder_to_change
from cafe.core.service import MeetingService
from cafe.i18n import t

if TYPE_CHECKING:
    from cafe.web.server import LanServer

LOG_FILE = "cafe.log"

log = logging.getLogger("cafe.run")


def register(sub: argparse._SubParsersAction) -> None:
    run = sub.add_parser("run", help=t("tui.cli.help"), description=t("tui.cli.description"))
    add_folder_argument(run)
    run.add_argument("--no-server", action="store_true", help=t("tui.cli.no_server"))
    run.add_argument("--host", default="0.0.0.0", help=t("tui.cli.host"))
    run.add_argument(
        "--port",
        type=int,
        default=links.DEFAULT_PORT,
        help=t("tui.cli.port", port=links.DEFAULT_PORT),
    )
    run.add_argument("--public-url", metavar="URL", help=t("tui.cli.public_url"))
    add_lang_option(run)
    run.set_defaults(handler=run_meeting, console=True)


def _log_to(path: Path) -> None:
    """Everything logged (and the LAN server's errors) goes to the meeting's log file:
    redacted, escaped and rotated as ``server.log`` is (see ``cafe.web.logs``)."""
    from cafe.web.logs import log_file_handler, redact_tokens

    handler = log_file_handler(path, redact_tokens)
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)


def _server(service: MeetingService, args: argparse.Namespace) -> LanServer:
    """The phones' LAN server (built by the app just after its first frame)."""
    from cafe.links import check_public_url
    from cafe.web.server import LanServer

    public_url = check_public_url(args.public_url) if args.public_url else None
    return LanServer(service, host=args.host, port=args.port, public_url=public_url, lang=args.lang)


def run_meeting(args: argparse.Namespace) -> int:
    with folder_to_change(args) as service:
        _log_to(Path(args.folder) / LOG_FILE)
        log.info("cafe run %s", args.folder)
        from cafe.tui.app import CafeApp

        factory = None if args.no_server else partial(_server, service, args)
        app = CafeApp(service, server_factory=factory, lang=args.lang)
        app.run()
        log.info("cafe run ended")
    return 0
