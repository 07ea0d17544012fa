"""`cafe serve`: the phones' web server without the terminal interface.

For a second laptop at the door, or for trying the pages out. It prints the addresses
and runs until Ctrl+C (or SIGTERM), then closes every connection cleanly.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal

from cafe import links
from cafe.cli import add_lang_option
from cafe.cli.common import add_folder_argument, folder_to_change, say
from cafe.core.service import MeetingService
from cafe.i18n import t
from cafe.links import check_public_url


def register(sub: argparse._SubParsersAction) -> None:
    serve = sub.add_parser(
        "serve", help=t("web.cli.serve_help"), description=t("web.cli.serve_description")
    )
    add_folder_argument(serve)
    serve.add_argument("--host", default="0.0.0.0", help=t("web.cli.host"))
    serve.add_argument(
        "--port",
        type=int,
        default=links.DEFAULT_PORT,
        help=t("web.cli.port", port=links.DEFAULT_PORT),
    )
    serve.add_argument("--public-url", metavar="URL", help=t("web.cli.public_url"))
    add_lang_option(serve)
    serve.set_defaults(handler=run_serve)


async def serve(service: MeetingService, args: argparse.Namespace) -> None:
    """Run the server until SIGINT or SIGTERM."""
    from cafe.web.server import LanServer  # aiohttp only when serving

    public_url = check_public_url(args.public_url) if args.public_url else None
    server = LanServer(service, host=args.host, port=args.port, public_url=public_url)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
    await server.start()
    try:
        if args.port and server.port != args.port:
            say(t("web.cli.port_busy", asked=args.port, port=server.port))
        warning = server.address_warning()
        if warning:
            say(warning)
        say(t("web.cli.serving"))
        say(t("web.cli.listening", host=args.host, port=server.port))
        say(t("web.cli.participant", url=server.participant_url()))
        say(t("web.cli.screen", url=server.screen_url()))
        say(t("web.cli.seat", url=server.seat_url()))
        say(t("web.cli.checkout", url=server.checkout_url()))
        say(t("web.cli.tables_hint", folder=args.folder))
        if server.log_path:
            say(t("web.cli.log", path=server.log_path))
        say(t("web.cli.stop_hint"))
        print(flush=True)
        await stop.wait()
    finally:
        await server.stop()


def run_serve(args: argparse.Namespace) -> int:
    with folder_to_change(args) as service, contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(service, args))
    say(t("web.cli.stopped"))
    return 0
